package io.github.leakprone.catalog;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import java.util.Collection;
import java.util.Objects;
import java.util.function.Function;

/**
 * A method named by its owner type and a name pattern: an exact name, or a prefix ending in {@code
 * *} ({@code new*} matches {@code newFixedThreadPool}). Owners are matched with their subtypes.
 */
public record MethodRef(String ownerType, String namePattern) {

  public boolean nameMatches(String name) {
    // regionMatches, not startsWith(substring(...)): this is asked of every call in a compilation,
    // and a substring per question was garbage.
    return namePattern.endsWith("*")
        ? name.regionMatches(0, namePattern, 0, namePattern.length() - 1)
        : name.equals(namePattern);
  }

  /**
   * Whether {@code method} is this one: its name matches, and it is declared by the owner type or a
   * subtype of it (constructors are named {@code <init>}).
   */
  public boolean matches(MethodSymbol method, VisitorState state) {
    return matches(method, name -> NamedTypes.get(name, state), state);
  }

  /**
   * {@link #matches(MethodSymbol, VisitorState)}, with owner types looked up by {@code types}, for
   * a caller that keeps its look-ups ({@code null} for a type not on the class path). The name is
   * asked first: it rules out nearly every method, at no cost.
   */
  public boolean matches(MethodSymbol method, Function<String, Type> types, VisitorState state) {
    if (method == null || method.owner == null || !nameMatches(method.getSimpleName().toString())) {
      return false;
    }
    return ownerMatches(method, types.apply(ownerType), state);
  }

  /**
   * Whether any of {@code refs} {@link #matches} {@code method}. The name is made a String once for
   * all of them: javac decodes it afresh each time (JDK 17), and a catalog list has dozens.
   */
  public static boolean anyMatches(
      Collection<MethodRef> refs, MethodSymbol method, VisitorState state) {
    if (method == null || method.owner == null) {
      return false;
    }
    String name = method.getSimpleName().toString();
    for (MethodRef ref : refs) {
      if (ref.nameMatches(name)
          && ownerMatches(method, NamedTypes.get(ref.ownerType, state), state)) {
        return true;
      }
    }
    return false;
  }

  private static boolean ownerMatches(MethodSymbol method, Type owner, VisitorState state) {
    return owner != null && ASTHelpers.isSubtype(method.owner.type, owner, state);
  }

  // equals and hashCode written out: a record's own are linked through method handles on first
  // use, a cost every build pays again, in code that runs cold (docs/performance.md).
  @Override
  public boolean equals(Object other) {
    return other instanceof MethodRef that
        && Objects.equals(ownerType, that.ownerType)
        && Objects.equals(namePattern, that.namePattern);
  }

  @Override
  public int hashCode() {
    return 31 * Objects.hashCode(ownerType) + Objects.hashCode(namePattern);
  }
}
