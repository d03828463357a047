package io.github.leakprone.trees;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;

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

  /**
   * {@code bind(resource)} on an object that is closeable itself: a connection adopting the socket
   * it is to run on (HttpCore's {@code conn.bind(socket)}, whose {@code close()} closes the
   * socket). An instance method named {@code bind} of a closeable class, given one closeable value;
   * not a socket's own {@code bind(address)}, which is given an address.
   */
  public static boolean isBinding(MethodSymbol method, VisitorState state) {
    return !method.isStatic()
        && method.getSimpleName().contentEquals("bind")
        && method.getParameters().size() == 1
        && isCloseable(method.getParameters().get(0).asType(), state)
        && isCloseable(method.owner.asType(), state);
  }

  private static boolean isCloseable(Type type, VisitorState state) {
    return ASTHelpers.isSubtype(type, state.getSymtab().autoCloseableType, state);
  }

  private Registrations() {}
}
