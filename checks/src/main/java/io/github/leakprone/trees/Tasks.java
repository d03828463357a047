package io.github.leakprone.trees;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.tools.javac.code.Type;
import io.github.leakprone.catalog.NamedTypes;

/**
 * Tasks: what a method may take to run later, on another thread (a {@link Runnable}, a {@link
 * java.util.concurrent.Callable}). What a task holds is its to close when it runs: an executor's
 * {@code execute(new Handler(socket))}, xSocket's connector queueing a {@code new
 * RegisterTask(channel, ...)} for its selector thread.
 */
public final class Tasks {

  private static final ImmutableList<String> TASK_TYPES =
      ImmutableList.of("java.lang.Runnable", "java.util.concurrent.Callable");

  /** Whether {@code value} is a task. */
  public static boolean isTask(ExpressionTree value, VisitorState state) {
    Type type = ASTHelpers.getType(value);
    return type != null && NamedTypes.isSubtypeOfAny(type, TASK_TYPES, state);
  }

  private Tasks() {}
}
