package io.github.leakprone.analysis.obligation;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import io.github.leakprone.catalog.ClientLifecycles;
import io.github.leakprone.catalog.Platform;
import io.github.leakprone.catalog.ReleaseNames;
import io.github.leakprone.trees.ClassMethods;
import io.github.leakprone.trees.CompiledWithUs;
import io.github.leakprone.trees.Makers;
import io.github.leakprone.trees.MethodNames;

/**
 * Objects that use up what they are given. One with no way to release anything later (not {@code
 * AutoCloseable}, no close, release or end method) that a constructor hands a resource either reads
 * it to the end there and then ({@code new XmlDataSet(in)} parses the stream, and the parser closes
 * it) or keeps it where nothing can close it. A method that hands it such an object for good, never
 * to read it again, has trusted the constructor with the resource: when the constructor fails as
 * when it succeeds, and its failure is not a path that this method loses it on. A decorator or an
 * owner with a {@code close()} is another matter: it owns the resource only once it exists.
 */
final class Consumers {

  /** Whether an object of {@code type} has a method that could release what it was given. */
  static boolean canReleaseLater(Type type, VisitorState state) {
    return type == null
        || ASTHelpers.isSubtype(type, state.getSymtab().autoCloseableType, state)
        || ClassMethods.anyDeclared(type, method -> !method.isConstructor() && ends(method), state);
  }

  /**
   * Whether {@code method} is a project's factory out of sight ({@link Makers}) that makes an
   * object with no way to release anything of what it is given: that object has it from the call
   * on, as it would from its constructor's (XenQTT's broker hands each accepted channel to its
   * channel manager's {@code newBrokerChannel(client, handler)}; FFMQ's multiplexer hands it to its
   * server handler's {@code createClientHandler(this, channel)} in a helper, and keeps the
   * handler). A factory in sight is judged by its body ({@link
   * ReleasingCalls#argumentsOwnedByResult}); one that returns something closeable, by what that
   * holds ({@link Wrappers}).
   */
  static boolean madeOfWhatItIsGiven(MethodSymbol method, VisitorState state) {
    return Makers.isMaker(method)
        && !Platform.declares(method)
        && !canReleaseLater(method.getReturnType(), state)
        && CompiledWithUs.declaration(method, state).isEmpty();
  }

  /**
   * Whether {@code method} is named to release or end something. Not an event's callback named for
   * a release ({@code onSocketChannelClosed()}: FFMQ's client handler is told its channel was
   * closed, and closes nothing itself).
   */
  private static boolean ends(MethodSymbol method) {
    String name = method.getSimpleName().toString();
    return !MethodNames.startsWithWord(name, "on")
        && (ReleaseNames.isReleaseHelper(name) || ClientLifecycles.END_NAMES.contains(name));
  }

  private Consumers() {}
}
