package io.github.leakprone.trees;

import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import java.util.function.Predicate;

/**
 * Whether the code that runs as part of a body (not its lambdas or nested classes, {@link
 * SameBodyScanner}) holds a {@code throw} or a call that counts; the search stops at the first. The
 * {@code default} of a switch whose cases name every constant of its enum is not searched ({@link
 * EnumSwitches}).
 */
public final class BodySearch {

  /**
   * Whether {@code tree} holds a {@code throw} that {@code throwCounts} accepts, or a method or
   * constructor call that {@code callCounts} accepts.
   */
  public static boolean anyIn(
      Tree tree, Predicate<ThrowTree> throwCounts, Predicate<ExpressionTree> callCounts) {
    return anyIn(tree, throwCounts, callCounts, handled -> true);
  }

  /**
   * As {@link #anyIn(Tree, Predicate, Predicate)}, searching the handlers of a {@code try} only
   * where {@code handlersRun} says they can run: a {@code catch} of what nothing in its block
   * throws never does.
   */
  public static boolean anyIn(
      Tree tree,
      Predicate<ThrowTree> throwCounts,
      Predicate<ExpressionTree> callCounts,
      Predicate<TryTree> handlersRun) {
    boolean[] found = {false};
    new SameBodyScanner() {
      @Override
      public Void scan(Tree tree, Void unused) {
        return found[0] ? null : super.scan(tree, null);
      }

      @Override
      public Void visitTry(TryTree tree, Void unused) {
        scan(tree.getResources(), null);
        scan(tree.getBlock(), null);
        if (handlersRun.test(tree)) {
          scan(tree.getCatches(), null);
        }
        scan(tree.getFinallyBlock(), null);
        return null;
      }

      @Override
      public Void visitSwitch(SwitchTree tree, Void unused) {
        scan(tree.getExpression(), null);
        for (CaseTree caseTree : tree.getCases()) {
          if (EnumSwitches.defaultRuns(tree, caseTree)) {
            scan(caseTree, null);
          }
        }
        return null;
      }

      @Override
      public Void visitThrow(ThrowTree tree, Void unused) {
        found[0] = throwCounts.test(tree); // what the thrown value is made of is not searched
        return null;
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        found[0] = callCounts.test(call);
        return found[0] ? null : super.visitMethodInvocation(call, null);
      }

      @Override
      public Void visitNewClass(NewClassTree newClass, Void unused) {
        found[0] = callCounts.test(newClass);
        return found[0] ? null : super.visitNewClass(newClass, null);
      }
    }.scan(tree, null);
    return found[0];
  }

  private BodySearch() {}
}
