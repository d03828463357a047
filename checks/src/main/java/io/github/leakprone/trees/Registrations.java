package io.github.leakprone.trees;

import com.sun.tools.javac.code.Symbol.MethodSymbol;

/**
 * Registrations by their shape: {@code register(x)}, {@code registerCursor(rs)}. A registry keeps
 * what it is given to release it later, as a setter keeps its value: PolyJDBC's transaction
 * registers every statement and cursor it hands out and closes them all in its {@code close()};
 * Guava's {@code closer.register(in)} closes {@code in} when the closer is closed.
 */
public final class Registrations {

  /** {@code register} or {@code registerX}: an instance method named so, given at least a value. */
  public static boolean isRegistration(MethodSymbol method) {
    String name = method.getSimpleName().toString();
    return !method.isStatic()
        && !method.getParameters().isEmpty()
        && (name.equals("register") || MethodNames.startsWithWord(name, "register"));
  }

  private Registrations() {}
}
