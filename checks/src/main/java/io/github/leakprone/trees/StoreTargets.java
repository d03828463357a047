package io.github.leakprone.trees;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.ParenthesizedTree;

/** Questions about where an assignment stores: the tree left of its {@code =}. */
public final class StoreTargets {

  /**
   * Whether finding the place {@code target} names runs no code that could take anything: names,
   * field selects and array elements indexed by names or constants ({@code socket.name}, {@code
   * streams[i]}, {@code this.holder.conn}), not a call or a {@code new}. Storing into a field of an
   * object does not hand that object to anyone: a socket whose own field is set is still the
   * method's to close.
   */
  public static boolean runsNoCode(ExpressionTree target) {
    if (target instanceof ParenthesizedTree parenthesized) {
      return runsNoCode(parenthesized.getExpression());
    }
    if (target instanceof IdentifierTree || target instanceof LiteralTree) {
      return true;
    }
    if (target instanceof MemberSelectTree select) {
      return runsNoCode(select.getExpression());
    }
    if (target instanceof ArrayAccessTree access) {
      return runsNoCode(access.getExpression()) && runsNoCode(access.getIndex());
    }
    return false;
  }

  private StoreTargets() {}
}
