package io.github.leakprone.trees;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.TypeTag;

/** What a lambda returns: whether anything, and whether it may be null as far as its text shows. */
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
    if (NullLiterals.isNull(expression)) {
      return true;
    }
    ExpressionTree e = ASTHelpers.stripParentheses(expression);
    return e instanceof ConditionalExpressionTree conditional
        && (mayBeNull(conditional.getTrueExpression())
            || mayBeNull(conditional.getFalseExpression()));
  }

  /**
   * Whether {@code lambda} returns a value: its interface's method does. An expression lambda whose
   * interface returns nothing ({@code Runnable}, {@code Consumer}) drops its body's value, as an
   * expression statement does.
   */
  public static boolean returnsValue(LambdaExpressionTree lambda, VisitorState state) {
    Type type = ASTHelpers.getType(lambda);
    return type != null
        && state.getTypes().findDescriptorType(type).getReturnType().getTag() != TypeTag.VOID;
  }

  private LambdaResults() {}
}
