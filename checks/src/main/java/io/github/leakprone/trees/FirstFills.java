package io.github.leakprone.trees;

import static com.google.errorprone.util.ASTHelpers.getSymbol;
import static com.google.errorprone.util.ASTHelpers.stripParentheses;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;

/**
 * The lazy first fill of a field: {@code if (OPERATIONS == null) { OPERATIONS = new HashSet<>();
 * OPERATIONS.add(...); ... }}. What the block adds goes into the collection the block has just
 * made, once per collection, however often the method runs: a table filled on first use, not one
 * that grows with the calls.
 */
public final class FirstFills {

  /**
   * Whether {@code growth} runs inside the branch of an {@code if} taken only while {@code field}
   * is null, and that branch assigns the field.
   */
  public static boolean isInFirstFill(TreePath growth, VarSymbol field) {
    Tree child = growth.getLeaf();
    for (TreePath path = growth.getParentPath(); path != null; path = path.getParentPath()) {
      if (path.getLeaf() instanceof IfTree check
          && check.getThenStatement() == child
          && onlyWhileNull(check.getCondition(), field)
          && LocalVariables.isAssigned(field, check.getThenStatement())) {
        return true;
      }
      child = path.getLeaf();
    }
    return false;
  }

  /** Whether {@code condition} holds only while {@code field} is null. */
  private static boolean onlyWhileNull(ExpressionTree condition, Symbol field) {
    ExpressionTree e = stripParentheses(condition);
    NullComparisons.NullTest test = NullComparisons.nullTest(e);
    if (test != null) {
      return test.trueWhenNull() && getSymbol(test.operand()) == field;
    }
    return e.getKind() == Tree.Kind.CONDITIONAL_AND
        && (onlyWhileNull(((BinaryTree) e).getLeftOperand(), field)
            || onlyWhileNull(((BinaryTree) e).getRightOperand(), field));
  }

  private FirstFills() {}
}
