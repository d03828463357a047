package io.github.leakprone.trees;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.util.TreePath;

/** The value under the casts and parentheses of an expression, and the expression over it. */
public final class Casts {

  /** {@code tree} without the casts and parentheses around it: {@code (Statement) (r.get())}. */
  public static ExpressionTree stripped(ExpressionTree tree) {
    ExpressionTree inner = ASTHelpers.stripParentheses(tree);
    while (inner instanceof TypeCastTree cast) {
      inner = ASTHelpers.stripParentheses(cast.getExpression());
    }
    return inner;
  }

  /**
   * The path of the largest expression around {@code path}'s leaf made only of casts and
   * parentheses over it ({@code path} itself when there is none): the other way from {@link
   * #stripped}, to ask what the value goes into.
   */
  public static TreePath outermost(TreePath path) {
    TreePath outer = path;
    while (outer.getParentPath() != null
        && (outer.getParentPath().getLeaf() instanceof TypeCastTree
            || outer.getParentPath().getLeaf() instanceof ParenthesizedTree)) {
      outer = outer.getParentPath();
    }
    return outer;
  }

  private Casts() {}
}
