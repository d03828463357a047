package io.github.leakprone.trees;

import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodInvocationTree;

/**
 * A constructor's first statement handing over to another constructor: {@code super(...)}, {@code
 * this(...)}.
 */
public final class ConstructorCalls {

  /** Whether {@code call} is {@code super(...)}: what it is given, the superclass's part keeps. */
  public static boolean isSuperCall(MethodInvocationTree call) {
    return isCallOf(call, "super");
  }

  /**
   * Whether {@code call} is {@code this(...)}: another constructor of the class builds the object.
   */
  public static boolean isThisCall(MethodInvocationTree call) {
    return isCallOf(call, "this");
  }

  private static boolean isCallOf(MethodInvocationTree call, String keyword) {
    return call.getMethodSelect() instanceof IdentifierTree select
        && select.getName().contentEquals(keyword);
  }

  private ConstructorCalls() {}
}
