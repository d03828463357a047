package io.github.leakprone.trees;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;

/** What a lambda may return, as far as its own text shows. */
public final class LambdaResults {

  /**
   * Whether {@code lambda} may return {@code null}: its body, or one of its own {@code return}s
   * (not those of lambdas or classes inside it), is the null literal or a {@code ?:} with one.
   */
  public static boolean mayReturnNull(LambdaExpressionTree lambda) {
    if (lambda.getBody() instanceof ExpressionTree body) {
      return mayBeNull(body);
    }
    boolean[] found = new boolean[1];
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitReturn(ReturnTree tree, Void unused) {
        found[0] |= tree.getExpression() != null && mayBeNull(tree.getExpression());
        return null;
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree tree, Void unused) {
        return null;
      }

      @Override
      public Void visitClass(ClassTree tree, Void unused) {
        return null;
      }
    }.scan(lambda.getBody(), null);
    return found[0];
  }

  private static boolean mayBeNull(ExpressionTree expression) {
    ExpressionTree e = expression;
    while (e instanceof ParenthesizedTree parenthesized) {
      e = parenthesized.getExpression();
    }
    if (e.getKind() == Tree.Kind.NULL_LITERAL) {
      return true;
    }
    return e instanceof ConditionalExpressionTree conditional
        && (mayBeNull(conditional.getTrueExpression())
            || mayBeNull(conditional.getFalseExpression()));
  }

  private LambdaResults() {}
}
