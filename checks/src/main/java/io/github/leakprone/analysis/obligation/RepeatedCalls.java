package io.github.leakprone.analysis.obligation;

import static com.google.errorprone.util.ASTHelpers.getReceiver;
import static com.google.errorprone.util.ASTHelpers.getSymbol;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import io.github.leakprone.trees.LocalVariables;

/**
 * A call made again on the same receiver, where the same call made before surely ran: a statement
 * that is the call, or stores what it returns ({@code in = connection.getInputStream();}), runs
 * before it on every path, in its block or a block around it. Used where the spec says a second
 * call gives back what the first gave ({@code ResourceSpec.givesBackWhatItGaveBefore}): an earlier
 * call only in the text, in a branch that may not have run, does not count.
 */
final class RepeatedCalls {

  /**
   * Whether {@code call}, on a local or parameter that {@code body} never assigns again, follows
   * the same call on the same variable in a statement that runs before it on every path.
   */
  static boolean followsTheSameCall(MethodInvocationTree call, Tree body) {
    Symbol method = getSymbol(call);
    if (!(getSymbol(getReceiver(call)) instanceof VarSymbol receiver)
        || !LocalVariables.isLocalOrParameter(receiver)
        || LocalVariables.isAssigned(receiver, body)) {
      return false;
    }
    Boolean found =
        new TreeScanner<Boolean, Boolean>() {
          @Override
          public Boolean visitBlock(BlockTree block, Boolean madeBefore) {
            boolean made = madeBefore;
            for (StatementTree statement : block.getStatements()) {
              if (Boolean.TRUE.equals(scan(statement, made))) {
                return true;
              }
              made |= isTheCall(statement, method, receiver);
            }
            return false;
          }

          @Override
          public Boolean visitMethodInvocation(MethodInvocationTree tree, Boolean madeBefore) {
            return tree == call ? madeBefore : super.visitMethodInvocation(tree, madeBefore);
          }

          @Override
          public Boolean visitLambdaExpression(LambdaExpressionTree tree, Boolean madeBefore) {
            return false;
          }

          @Override
          public Boolean visitClass(ClassTree tree, Boolean madeBefore) {
            return false;
          }

          @Override
          public Boolean reduce(Boolean first, Boolean second) {
            return Boolean.TRUE.equals(first) || Boolean.TRUE.equals(second);
          }
        }.scan(body, false);
    return Boolean.TRUE.equals(found);
  }

  /** Whether {@code statement} is the call, or a store of what it returns, and nothing else. */
  private static boolean isTheCall(StatementTree statement, Symbol method, VarSymbol receiver) {
    ExpressionTree value = null;
    if (statement instanceof VariableTree variable) {
      value = variable.getInitializer();
    } else if (statement instanceof ExpressionStatementTree expression) {
      value =
          expression.getExpression() instanceof AssignmentTree assignment
              ? assignment.getExpression()
              : expression.getExpression();
    }
    return value instanceof MethodInvocationTree made
        && getSymbol(made) == method
        && getReceiver(made) != null
        && getSymbol(getReceiver(made)) == receiver;
  }

  private RepeatedCalls() {}
}
