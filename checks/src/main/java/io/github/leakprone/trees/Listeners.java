package io.github.leakprone.trees;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import io.github.leakprone.catalog.NamedTypes;

/**
 * Listeners' callbacks: a method of a {@link java.util.EventListener}, the JDK's mark of an
 * interface whose methods announce events. A resource an event carries is the listener's to take:
 * ttorrent's connection handler tells each {@code IncomingConnectionListener} of a new peer
 * connection with {@code handleNewPeerConnection(channel, peerId)}, and the sharing peer that hears
 * it binds the channel and closes it when the peer goes.
 */
public final class Listeners {

  /** Whether {@code method} is an instance method of an event listener, given something. */
  public static boolean isCallback(MethodSymbol method, VisitorState state) {
    if (method.isStatic() || method.getParameters().isEmpty()) {
      return false;
    }
    Type listener = NamedTypes.get("java.util.EventListener", state);
    return listener != null && ASTHelpers.isSubtype(method.owner.type, listener, state);
  }

  private Listeners() {}
}
