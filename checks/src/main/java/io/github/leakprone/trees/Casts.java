package io.github.leakprone.trees;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.TypeCastTree;

/** The value under the casts and parentheses of an expression. */
public final class Casts {

  /** {@code tree} without the casts and parentheses around it: {@code (Statement) (r.get())}. */
  public static ExpressionTree stripped(ExpressionTree tree) {
    ExpressionTree inner = ASTHelpers.stripParentheses(tree);
    while (inner instanceof TypeCastTree cast) {
      inner = ASTHelpers.stripParentheses(cast.getExpression());
    }
    return inner;
  }

  private Casts() {}
}
