package io.github.leakprone.trees;

import static com.google.errorprone.util.ASTHelpers.getSymbol;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.tree.JCTree;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.annotation.Nullable;
import javax.lang.model.element.ElementKind;

/**
 * Tests that hold only on a loop's first pass: {@code if (i == 0)} in {@code for (int i = 0; ...;
 * i++)} whose body never assigns {@code i} or counts it down, or a test of a counter kept outside
 * the loop that every pass counts up. What such a branch opens (a batch's statement, prepared once
 * before the rows are added) cannot be open yet when the branch runs.
 */
public final class FirstPassGuards {

  /**
   * Whether {@code condition}, inside {@code loop}'s body, holds only on the loop's first pass,
   * through the loop's own counter or one of {@code methodBody} kept outside it.
   */
  public static boolean holdsOnlyOnFirstPass(ExpressionTree condition, Tree loop, Tree methodBody) {
    return (loop instanceof ForLoopTree forLoop && testsTheLoopsCounter(condition, forLoop))
        || testsACounterOfThePasses(condition, loop, methodBody);
  }

  /** Whether {@code condition} tests a {@code for} loop's own counter for its first value. */
  private static boolean testsTheLoopsCounter(ExpressionTree condition, ForLoopTree loop) {
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

  /**
   * Whether {@code condition} tests, for its first value, a counter kept outside {@code loop}:
   * {@code if (count == 0)} where {@code count} is a local of {@code methodBody} declared before
   * the loop with that constant, which the method never assigns nor counts down, and which a
   * statement of the loop's body itself (not one inside a branch of it) counts up, with no {@code
   * continue} of the loop to skip it. gtfs-lib's table writer prepares its batch statement under
   * {@code if (entityCount == 0)} and counts with {@code if (++entityCount % INSERT_BATCH_SIZE ==
   * 0)} at the end of each pass.
   */
  private static boolean testsACounterOfThePasses(
      ExpressionTree condition, Tree loop, Tree methodBody) {
    if (!(Casts.stripped(condition) instanceof BinaryTree test)
        || test.getKind() != Tree.Kind.EQUAL_TO
        || !(Loops.body(loop) instanceof BlockTree body)) {
      return false;
    }
    Symbol counter = getSymbol(Casts.stripped(test.getLeftOperand()));
    Object value = ASTHelpers.constValue(test.getRightOperand());
    if (!(counter instanceof VarSymbol)) {
      counter = getSymbol(Casts.stripped(test.getRightOperand()));
      value = ASTHelpers.constValue(test.getLeftOperand());
    }
    if (!(counter instanceof VarSymbol local)
        || local.getKind() != ElementKind.LOCAL_VARIABLE
        || !(value instanceof Integer)) {
      return false;
    }
    Optional<VariableTree> declaration = LocalVariables.declaration(local, methodBody);
    return declaration.isPresent()
        && declaration.get().getInitializer() != null
        && value.equals(ASTHelpers.constValue(declaration.get().getInitializer()))
        && !LocalVariables.declaredIn(loop).contains(local)
        && !movedBackIn(methodBody, local)
        && body.getStatements().stream().anyMatch(statement -> countsUp(statement, local))
        && !continuesIn(body, loop);
  }

  /**
   * Whether {@code statement}, a statement of a loop's body, counts {@code counter} up wherever it
   * runs: an expression statement, or the condition of an {@code if}, that increments it.
   */
  private static boolean countsUp(StatementTree statement, Symbol counter) {
    Tree counted =
        statement instanceof ExpressionStatementTree expression
            ? expression.getExpression()
            : statement instanceof IfTree branch ? branch.getCondition() : null;
    return steps(counted, counter, Tree.Kind.PREFIX_INCREMENT, Tree.Kind.POSTFIX_INCREMENT);
  }

  /** Whether {@code body} has a {@code continue} of {@code loop}, which skips the count. */
  private static boolean continuesIn(Tree body, Tree loop) {
    boolean[] found = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitContinue(ContinueTree jump, Void unused) {
        found[0] |= ((JCTree.JCContinue) jump).target == loop;
        return null;
      }
    }.scan(body, null);
    return found[0];
  }

  /** Whether {@code body} assigns {@code variable} or counts it down. */
  private static boolean movedBackIn(Tree body, Symbol variable) {
    return LocalVariables.assignedIn(body).contains(variable)
        || steps(body, variable, Tree.Kind.PREFIX_DECREMENT, Tree.Kind.POSTFIX_DECREMENT);
  }

  /**
   * Whether {@code tree} steps {@code variable} one way: its {@code prefix} or {@code postfix}
   * operator ({@code ++n}, {@code n++}) applied to it.
   */
  private static boolean steps(
      @Nullable Tree tree, Symbol variable, Tree.Kind prefix, Tree.Kind postfix) {
    boolean[] found = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitUnary(UnaryTree unary, Void unused) {
        found[0] |=
            (unary.getKind() == prefix || unary.getKind() == postfix)
                && getSymbol(unary.getExpression()) == variable;
        return super.visitUnary(unary, null);
      }
    }.scan(tree, null);
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
