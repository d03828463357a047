package io.github.leakprone.trees;

import static com.google.errorprone.util.ASTHelpers.getSymbol;
import static com.google.errorprone.util.ASTHelpers.stripParentheses;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.tools.javac.code.Symbol;
import javax.annotation.Nullable;

/** Comparisons of a variable with {@code null}, the guards of lazy initialisation and cleanup. */
public final class NullComparisons {

  /**
   * The operand that {@code x == null} or {@code x != null} (either way round, parentheses ignored)
   * compares with null, or null when {@code tree} is no such comparison.
   */
  @Nullable
  public static ExpressionTree comparedWithNull(ExpressionTree tree) {
    ExpressionTree comparison = stripParentheses(tree);
    if (comparison.getKind() != Tree.Kind.EQUAL_TO
        && comparison.getKind() != Tree.Kind.NOT_EQUAL_TO) {
      return null;
    }
    BinaryTree binary = (BinaryTree) comparison;
    ExpressionTree left = stripParentheses(binary.getLeftOperand());
    ExpressionTree right = stripParentheses(binary.getRightOperand());
    if (left.getKind() == Tree.Kind.NULL_LITERAL) {
      return right;
    }
    return right.getKind() == Tree.Kind.NULL_LITERAL ? left : null;
  }

  /**
   * Whether {@code condition} compares {@code variable} with null such that it evaluates to {@code
   * outcome} when the variable is null: {@code v == null} for true, {@code v != null} for false,
   * also as an operand of {@code &&}, {@code ||} or {@code !}.
   */
  public static boolean isNullWhen(ExpressionTree condition, boolean outcome, Symbol variable) {
    ExpressionTree e = stripParentheses(condition);
    ExpressionTree compared = comparedWithNull(e);
    if (compared != null) {
      Tree.Kind nullWhenTrue = outcome ? Tree.Kind.EQUAL_TO : Tree.Kind.NOT_EQUAL_TO;
      return e.getKind() == nullWhenTrue && getSymbol(compared) == variable;
    }
    if (e.getKind() == Tree.Kind.CONDITIONAL_AND || e.getKind() == Tree.Kind.CONDITIONAL_OR) {
      BinaryTree binary = (BinaryTree) e;
      return isNullWhen(binary.getLeftOperand(), outcome, variable)
          || isNullWhen(binary.getRightOperand(), outcome, variable);
    }
    return e instanceof UnaryTree not
        && not.getKind() == Tree.Kind.LOGICAL_COMPLEMENT
        && isNullWhen(not.getExpression(), !outcome, variable);
  }

  private NullComparisons() {}
}
