package io.github.leakprone.trees;

import com.google.errorprone.util.Reachability;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;

/**
 * Whether code runs only while a condition holds: the shape shared by every once-only guard (a
 * field still null, a flag not yet set, a key not yet in a map).
 */
public final class GuardedCode {

  /** What a condition says about the guard. */
  @FunctionalInterface
  public interface Guard {
    /** Whether {@code condition}, having evaluated to {@code outcome}, says the guard is open. */
    boolean openWhen(ExpressionTree condition, boolean outcome);
  }

  /**
   * Whether {@code path}'s leaf, inside {@code body}, runs only while {@code guard} is open: it is
   * in the branch of an {@code if} (or {@code ?:}) that the condition takes when the guard is open,
   * or follows an {@code if (closed) exit;} in an enclosing block (an {@code if} with no else whose
   * branch cannot complete normally, as Error Prone's reachability says). A condition anywhere else
   * is no guard: {@code if (closed) log(); build();} builds on every call.
   */
  public static boolean runsOnlyWhileOpen(TreePath path, Tree body, Guard guard) {
    for (TreePath p = path; p.getParentPath() != null && p.getLeaf() != body; ) {
      Tree child = p.getLeaf();
      Tree parent = p.getParentPath().getLeaf();
      if (parent instanceof IfTree ifTree
          && takenWhenOpen(
              child,
              ifTree.getCondition(),
              ifTree.getThenStatement(),
              ifTree.getElseStatement(),
              guard)) {
        return true;
      }
      if (parent instanceof ConditionalExpressionTree conditional
          && takenWhenOpen(
              child,
              conditional.getCondition(),
              conditional.getTrueExpression(),
              conditional.getFalseExpression(),
              guard)) {
        return true;
      }
      if (parent instanceof BlockTree block) {
        for (StatementTree statement : block.getStatements()) {
          if (statement == child) {
            break;
          }
          if (statement instanceof IfTree early
              && early.getElseStatement() == null
              && guard.openWhen(early.getCondition(), false)
              && !Reachability.canCompleteNormally(early.getThenStatement())) {
            return true;
          }
        }
      }
      p = p.getParentPath();
    }
    return false;
  }

  /** Whether {@code branch}, the true or false side of a two-way choice, is taken when open. */
  private static boolean takenWhenOpen(
      Tree branch, ExpressionTree condition, Tree whenTrue, Tree whenFalse, Guard guard) {
    return (branch == whenTrue && guard.openWhen(condition, true))
        || (branch == whenFalse && guard.openWhen(condition, false));
  }

  private GuardedCode() {}
}
