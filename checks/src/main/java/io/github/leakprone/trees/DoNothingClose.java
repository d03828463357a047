package io.github.leakprone.trees;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;

/**
 * Whether a type's {@code close()} is one of the project's that releases nothing: its body, in
 * sight (this file or another that javac compiles with it), calls no method and makes nothing. A
 * socket subclass that only adapts another socket's streams says so ({@code close() { // the
 * underlying socket is closed elsewhere }}): an object of it holds no resource of its own.
 */
public final class DoNothingClose {

  /**
   * {@code close()} as a call on {@code type} resolves it, read from its body if it is in sight.
   */
  public static boolean of(Type type, VisitorState state) {
    MethodSymbol close = NoArgMethods.find(type, "close", state).orElse(null);
    if (close == null) {
      return false;
    }
    // A library's close() is trusted to release what its type holds.
    return CompiledWithUs.declaration(close, state)
        .map(declaration -> !callsAnything(declaration.method().getBody()))
        .orElse(false);
  }

  private static boolean callsAnything(Tree body) {
    return BodySearch.anyIn(body, thrown -> true, call -> true);
  }

  private DoNothingClose() {}
}
