package io.github.leakprone.trees;

import static com.google.errorprone.util.ASTHelpers.getSymbol;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.api.JavacTrees;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import java.util.Optional;

/**
 * A method's declaration with a body in a file that javac compiles together with the one being
 * checked (the same module): its body is in sight as much as the checked file's own.
 */
public final class CompiledWithUs {

  /** A method's declaration and the class that declares it. */
  public record Declaration(MethodTree method, ClassTree owner) {}

  /** {@code method}'s declaration, if javac compiles its class from source and it has a body. */
  public static Optional<Declaration> declaration(MethodSymbol method, VisitorState state) {
    // The class's tree, then its own members: javac's getTree(method) would walk the whole file.
    ClassTree owner = JavacTrees.instance(state.context).getTree(method.enclClass());
    if (owner == null) {
      return Optional.empty();
    }
    for (Tree member : owner.getMembers()) {
      if (member instanceof MethodTree declaration && getSymbol(declaration) == method) {
        return declaration.getBody() == null
            ? Optional.empty()
            : Optional.of(new Declaration(declaration, owner));
      }
    }
    return Optional.empty();
  }

  /** Whether javac compiles {@code type}'s class from source with the checked file. */
  public static boolean isCompiledWithUs(Symbol type, VisitorState state) {
    return type instanceof ClassSymbol owner
        && JavacTrees.instance(state.context).getTree(owner) != null;
  }

  private CompiledWithUs() {}
}
