package io.github.leakprone.analysis;

import static com.google.errorprone.util.ASTHelpers.getSymbol;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import io.github.leakprone.catalog.RunOnceMethods;
import io.github.leakprone.trees.MainMethods;
import java.util.Optional;

/**
 * Tells whether code runs on every call of some method or lambda, or once per class or per owning
 * object. Only the former can build a client per call.
 */
public final class PerCallScope {

  /**
   * The method or lambda each of whose calls runs {@code path}'s leaf, or empty when the leaf runs
   * once per class or per object: static and instance initialisers, field initialisers,
   * constructors, {@code main}, and methods that a container or a test runner calls once.
   */
  public static Optional<Tree> of(TreePath path) {
    for (TreePath p = path.getParentPath(); p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof LambdaExpressionTree) {
        return Optional.of(leaf);
      }
      if (leaf instanceof MethodTree method) {
        return runsOnce(method) ? Optional.empty() : Optional.of(method);
      }
      Tree parent = p.getParentPath() == null ? null : p.getParentPath().getLeaf();
      boolean classMember = parent instanceof ClassTree;
      if (leaf instanceof ClassTree
          || (classMember && (leaf instanceof VariableTree || leaf instanceof BlockTree))) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static boolean runsOnce(MethodTree method) {
    MethodSymbol symbol = getSymbol(method);
    return symbol.isConstructor()
        || MainMethods.isMain(symbol)
        || RunOnceMethods.carriesRunOnceAnnotation(symbol, RunOnceMethods.ONCE_PER_BEAN);
  }

  private PerCallScope() {}
}
