package io.github.leakprone.trees;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import java.util.function.Predicate;

/** Questions about the methods a class declares or inherits, asked of symbols alone. */
public final class ClassMethods {

  /** Whether {@code type}, or a type it extends or implements, declares a method {@code test}s. */
  public static boolean anyDeclared(Type type, Predicate<MethodSymbol> test, VisitorState state) {
    for (Type supertype : state.getTypes().closure(type)) {
      for (Symbol member : ASTHelpers.getEnclosedElements(supertype.tsym)) {
        if (member instanceof MethodSymbol method && test.test(method)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether no subclass can override {@code method}: a constructor, or a private, static or final
   * method, or a method of a final class. Its body, where in sight, is the only one a call runs.
   */
  public static boolean cannotBeOverridden(MethodSymbol method) {
    return method.isConstructor()
        || method.isPrivate()
        || method.isStatic()
        || (method.flags() & Flags.FINAL) != 0
        || (method.enclClass().flags() & Flags.FINAL) != 0;
  }

  private ClassMethods() {}
}
