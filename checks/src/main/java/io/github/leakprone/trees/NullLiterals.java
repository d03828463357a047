package io.github.leakprone.trees;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.Tree;

/** The one test of an expression that is {@code null} as written. */
public final class NullLiterals {

  /**
   * Whether {@code tree} is the {@code null} literal under its casts and parentheses: {@code null},
   * {@code (null)}, {@code (Connection) null}.
   */
  public static boolean isNull(ExpressionTree tree) {
    return Casts.stripped(tree).getKind() == Tree.Kind.NULL_LITERAL;
  }

  private NullLiterals() {}
}
