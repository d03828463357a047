package io.github.leakprone.trees;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.tools.javac.code.Type;

/** What a program must close. */
public final class Closeables {

  /**
   * Whether {@code type} is something to close: an {@code AutoCloseable}, or a type with a {@code
   * close()} of its own (a pool's {@code PooledConnection}, whose handle's {@code close()} is not
   * its own).
   */
  public static boolean isSomethingToClose(Type type, VisitorState state) {
    return ASTHelpers.isSubtype(type, state.getSymtab().autoCloseableType, state)
        || NoArgMethods.find(type, "close", state).isPresent();
  }

  private Closeables() {}
}
