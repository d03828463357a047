package io.github.leakprone.catalog;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.VisitorState;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;

/**
 * Whether a method may be one of the project's factories of a resource, by its declaration alone:
 * the name test is each catalog's, and a body in sight has the last word ({@code AcquiringCalls}).
 */
final class ProjectFactories {

  /**
   * A method of the project (not the JDK's: {@code Statement.getConnection()} lends its own, {@code
   * socket.getInputStream()} is a view) declared to return one of {@code types}, and not its own
   * class (a fluent method returns its receiver: {@code conn.open()}).
   */
  static boolean returnsOneOf(
      MethodSymbol method, ImmutableList<String> types, VisitorState state) {
    if (Platform.declares(method)) {
      return false;
    }
    Type result = method.getReturnType();
    return result.tsym != method.owner && NamedTypes.isSubtypeOfAny(result, types, state);
  }

  private ProjectFactories() {}
}
