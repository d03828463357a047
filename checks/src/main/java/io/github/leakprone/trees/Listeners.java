package io.github.leakprone.trees;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import io.github.leakprone.catalog.NamedTypes;

/**
 * Event callbacks: a method of a {@link java.util.EventListener}, the JDK's mark of an interface
 * whose methods announce events, or an abstract method named {@code on} and a capital, the common
 * name of one ({@code onConnectionAccepted}). A resource an event carries is the listener's to
 * take: ttorrent's connection handler tells each {@code IncomingConnectionListener} of a new peer
 * connection with {@code handleNewPeerConnection(channel, peerId)}, and the sharing peer that hears
 * it binds the channel and closes it when the peer goes; xSocket's acceptor tells its callback
 * {@code onConnectionAccepted(ioHandler)} of each accepted channel, and the server's connection
 * made of it closes it. Not an {@code on*} callback given a stream: that is data it reads or writes
 * during the call.
 */
public final class Listeners {

  /** Whether {@code method} is an instance method of an event's callback, given something. */
  public static boolean isCallback(MethodSymbol method, VisitorState state) {
    if (method.isStatic() || method.getParameters().isEmpty()) {
      return false;
    }
    // A stream an on* callback is given it only reads or writes during the call: data, not a party
    // to serve (jdeb's DataConsumer.onEachFile(InputStream, entry) copies the stream, and the
    // producer that opened it is the one to close it).
    if ((method.flags() & Flags.ABSTRACT) != 0
        && MethodNames.startsWithWord(method.getSimpleName().toString(), "on")
        && method.getParameters().stream()
            .noneMatch(
                parameter ->
                    NamedTypes.isSubtypeOfAny(parameter.type, NamedTypes.IO_STREAMS, state))) {
      return true;
    }
    Type listener = NamedTypes.get("java.util.EventListener", state);
    return listener != null && ASTHelpers.isSubtype(method.owner.type, listener, state);
  }

  private Listeners() {}
}
