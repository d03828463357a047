package io.github.leakprone.trees;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import javax.annotation.Nullable;

/** Questions about the receiver of a call or a field access. */
public final class Receivers {

  /**
   * Whether a call with this receiver is made on the current object: none written, or {@code this}.
   */
  public static boolean isThisOrImplicit(@Nullable ExpressionTree receiver) {
    return receiver == null
        || (receiver instanceof IdentifierTree identifier
            && identifier.getName().contentEquals("this"));
  }

  /** As {@link #isThisOrImplicit}, or {@code super}: the current object's own methods. */
  public static boolean isThisOrSuper(@Nullable ExpressionTree receiver) {
    return isThisOrImplicit(receiver)
        || (receiver instanceof IdentifierTree identifier
            && identifier.getName().contentEquals("super"));
  }

  private Receivers() {}
}
