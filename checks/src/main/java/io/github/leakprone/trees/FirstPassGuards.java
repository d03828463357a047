package io.github.leakprone.trees;

import static com.google.errorprone.util.ASTHelpers.getSymbol;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Tests that hold only on a counting loop's first pass: {@code if (i == 0)} in {@code for (int i =
 * 0; ...; i++)} whose body never assigns {@code i} or counts it down. What such a branch opens (a
 * batch's statement, prepared once before the rows are added) cannot be open yet when the branch
 * runs.
 */
public final class FirstPassGuards {

  /**
   * Whether {@code condition}, directly inside {@code loop}'s body, holds only on its first pass.
   */
  public static boolean holdsOnlyOnFirstPass(ExpressionTree condition, ForLoopTree loop) {
    if (loop.getInitializer().size() != 1
        || !(loop.getInitializer().get(0) instanceof VariableTree counter)
        || counter.getInitializer() == null
        || loop.getUpdate().size() != 1) {
      return false;
    }
    Object start = ASTHelpers.constValue(counter.getInitializer());
    Symbol variable = getSymbol(counter);
    if (!(start instanceof Integer)
        || !onlyCountsUp(loop.getUpdate().get(0), variable)
        || movedBackIn(loop.getStatement(), variable)) {
      return false;
    }
    return Casts.stripped(condition) instanceof BinaryTree test
        && test.getKind() == Tree.Kind.EQUAL_TO
        && (comparesWith(test.getLeftOperand(), test.getRightOperand(), variable, start)
            || comparesWith(test.getRightOperand(), test.getLeftOperand(), variable, start));
  }

  /** Whether {@code body} assigns {@code variable} or counts it down. */
  private static boolean movedBackIn(Tree body, Symbol variable) {
    if (LocalVariables.assignedIn(body).contains(variable)) {
      return true;
    }
    boolean[] found = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitUnary(UnaryTree unary, Void unused) {
        found[0] |=
            (unary.getKind() == Tree.Kind.POSTFIX_DECREMENT
                    || unary.getKind() == Tree.Kind.PREFIX_DECREMENT)
                && getSymbol(unary.getExpression()) == variable;
        return super.visitUnary(unary, null);
      }
    }.scan(body, null);
    return found[0];
  }

  private static boolean onlyCountsUp(ExpressionStatementTree update, Symbol variable) {
    ExpressionTree step = update.getExpression();
    if (step instanceof UnaryTree unary
        && (unary.getKind() == Tree.Kind.POSTFIX_INCREMENT
            || unary.getKind() == Tree.Kind.PREFIX_INCREMENT)) {
      return getSymbol(unary.getExpression()) == variable;
    }
    return step instanceof CompoundAssignmentTree add
        && add.getKind() == Tree.Kind.PLUS_ASSIGNMENT
        && getSymbol(add.getVariable()) == variable
        && ASTHelpers.constValue(add.getExpression()) instanceof Integer by
        && by > 0;
  }

  private static boolean comparesWith(
      ExpressionTree counter, ExpressionTree value, Symbol variable, Object start) {
    return getSymbol(Casts.stripped(counter)) == variable
        && Objects.equals(ASTHelpers.constValue(value), start);
  }

  /** The calls and constructor calls in {@code tree}, where its resources can be acquired. */
  public static Set<Tree> callsIn(Tree tree) {
    Set<Tree> calls = new HashSet<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        calls.add(call);
        return super.visitMethodInvocation(call, null);
      }

      @Override
      public Void visitNewClass(NewClassTree newClass, Void unused) {
        calls.add(newClass);
        return super.visitNewClass(newClass, null);
      }
    }.scan(tree, null);
    return calls;
  }

  private FirstPassGuards() {}
}
