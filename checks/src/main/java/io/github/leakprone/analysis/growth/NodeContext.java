package io.github.leakprone.analysis.growth;

import static com.google.errorprone.util.ASTHelpers.getSymbol;
import static com.google.errorprone.util.ASTHelpers.isStatic;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import java.util.Optional;

/** Where code runs: its node, and whether it sits in a lambda there (so runs later). */
record NodeContext(Node node, boolean deferred) {

  static Optional<NodeContext> of(TreePath path) {
    boolean deferred = false;
    Tree previous = null;
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof LambdaExpressionTree) {
        deferred = true;
        Optional<VarSymbol> field = initializedField(p);
        if (field.isPresent()) {
          return Optional.of(new NodeContext(new Node(field.get(), Node.Kind.FIELD_LAMBDA), true));
        }
      } else if (leaf instanceof MethodTree method) {
        MethodSymbol symbol = getSymbol(method);
        return symbol == null
            ? Optional.empty()
            : Optional.of(new NodeContext(new Node(symbol, Node.Kind.METHOD), deferred));
      } else if (leaf instanceof ClassTree classTree) {
        ClassSymbol symbol = getSymbol(classTree);
        boolean isStatic =
            (previous instanceof VariableTree variable && isStatic(getSymbol(variable)))
                || (previous instanceof BlockTree block && block.isStatic());
        return symbol == null
            ? Optional.empty()
            : Optional.of(
                new NodeContext(
                    new Node(symbol, isStatic ? Node.Kind.STATIC_INIT : Node.Kind.INSTANCE_INIT),
                    deferred));
      }
      previous = leaf;
    }
    return Optional.empty();
  }

  /**
   * The field whose initializer holds the lambda at {@code lambda}, if no method or class lies in
   * between: {@code static final Function<K, V> LOADER = k -> ...}. (A lambda in an initializer
   * block is taken to run there, as {@code list.forEach(...)} does.)
   */
  private static Optional<VarSymbol> initializedField(TreePath lambda) {
    for (TreePath p = lambda.getParentPath(); p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof VariableTree variable
          && p.getParentPath() != null
          && p.getParentPath().getLeaf() instanceof ClassTree) {
        return Optional.ofNullable(getSymbol(variable));
      }
      if (leaf instanceof MethodTree || leaf instanceof ClassTree || leaf instanceof BlockTree) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }
}
