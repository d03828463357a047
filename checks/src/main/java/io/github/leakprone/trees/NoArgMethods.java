package io.github.leakprone.trees;

import com.google.errorprone.VisitorState;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.Types;
import java.util.Optional;

/** The instance methods without parameters that a type has, as a call on it resolves them. */
public final class NoArgMethods {

  /**
   * The no-argument instance method {@code name} that a call on {@code type} resolves to: of the
   * methods of that name in {@code type} and its supertypes, the one declared lowest in the
   * hierarchy.
   */
  public static Optional<MethodSymbol> find(Type type, String name, VisitorState state) {
    if (type == null) {
      return Optional.empty();
    }
    Types types = state.getTypes();
    MethodSymbol found = null;
    for (Symbol member :
        types
            .membersClosure(type, /* skipInterface= */ false)
            .getSymbolsByName(state.getName(name))) {
      if (member instanceof MethodSymbol method
          && method.getParameters().isEmpty()
          && !method.isStatic()
          && (found == null || method.owner.isSubClass(found.owner, types))) {
        found = method;
      }
    }
    return Optional.ofNullable(found);
  }

  private NoArgMethods() {}
}
