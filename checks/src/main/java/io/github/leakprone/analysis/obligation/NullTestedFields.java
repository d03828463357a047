package io.github.leakprone.analysis.obligation;

import static com.google.errorprone.util.ASTHelpers.getSymbol;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import io.github.leakprone.trees.LocalVariables;
import io.github.leakprone.trees.NullComparisons;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Fields of the body's own object that it compares with null more than once, where a branch
 * acquires, releases or leaves, and that nothing else the body runs assigns: between two such tests
 * the field keeps what it held at the first, or what the body stored in it since, and the analysis
 * follows whether it is null as a flag each obligation keeps ({@link Facts#assume}), as it does a
 * boolean local's value ({@link ReleaseFlags}). ImageJ's DICOM decoder reads a stream it was given
 * {@code if (inputStream != null)} and otherwise opens the file into {@code f}, and later closes
 * {@code f} only {@code if (inputStream == null)} before it opens the file again: the file was said
 * lost at that second open, where it had just been closed. A field that a method of the unit the
 * body calls assigns (a setter, a reset), or a lambda or anonymous class of the body does, is left
 * out: its value may change under the body. Nor is a boolean field followed: no code read so far
 * has asked for it.
 */
final class NullTestedFields {

  /**
   * The fields of {@code ownClass} that {@code body} so tests, where {@code acquires} tells what
   * the body acquires.
   */
  static Set<Symbol> in(
      Tree body, Symbol ownClass, Predicate<ExpressionTree> acquires, UnitMethods unit) {
    Map<Symbol, Integer> tests = new HashMap<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitIf(IfTree branch, Void unused) {
        count(branch.getCondition(), branch.getThenStatement(), branch.getElseStatement());
        return super.visitIf(branch, null);
      }

      @Override
      public Void visitConditionalExpression(ConditionalExpressionTree choice, Void unused) {
        count(choice.getCondition(), choice.getTrueExpression(), choice.getFalseExpression());
        return super.visitConditionalExpression(choice, null);
      }

      private void count(ExpressionTree condition, Tree whenTrue, Tree whenFalse) {
        if (ReleaseFlags.changesWhatIsHeld(whenTrue, acquires)
            || ReleaseFlags.changesWhatIsHeld(whenFalse, acquires)) {
          for (Symbol field : testedIn(condition, ownClass)) {
            if ((field.flags() & Flags.STATIC) == 0) {
              tests.merge(field, 1, Integer::sum);
            }
          }
        }
      }
    }.scan(body, null);
    Set<Symbol> fields = new HashSet<>();
    tests.forEach(
        (field, count) -> {
          if (count > 1) {
            fields.add(field);
          }
        });
    if (!fields.isEmpty()) {
      fields.removeAll(assignedByWhatItCalls(body, unit));
    }
    return fields;
  }

  /** The fields of {@code ownClass}'s own object that {@code condition} tests for null. */
  static Set<Symbol> testedIn(ExpressionTree condition, Symbol ownClass) {
    Set<Symbol> tested = new HashSet<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void scan(Tree tree, Void unused) {
        if (tree instanceof ExpressionTree expression) {
          NullComparisons.NullTest test = NullComparisons.nullTest(expression);
          Symbol symbol = test == null ? null : getSymbol(test.operand());
          if (symbol != null
              && symbol.owner == ownClass
              && ClassSummary.isOwnField(test.operand(), symbol)) {
            tested.add(symbol);
          }
        }
        return super.scan(tree, null);
      }
    }.scan(condition, null);
    return tested;
  }

  /**
   * The variables that the methods of the unit {@code body} calls assign, and the methods those
   * call, each read once; and those its lambdas and anonymous classes assign, which may run at any
   * time.
   */
  private static Set<Symbol> assignedByWhatItCalls(Tree body, UnitMethods unit) {
    Set<Symbol> assigned = new HashSet<>();
    Set<MethodSymbol> seen = new HashSet<>();
    Deque<Tree> toRead = new ArrayDeque<>();
    toRead.add(body);
    while (!toRead.isEmpty()) {
      new TreeScanner<Void, Void>() {
        @Override
        public Void visitLambdaExpression(LambdaExpressionTree lambda, Void unused) {
          assigned.addAll(LocalVariables.assignedIn(lambda));
          return super.visitLambdaExpression(lambda, null);
        }

        @Override
        public Void visitClass(ClassTree nested, Void unused) {
          assigned.addAll(LocalVariables.assignedIn(nested));
          return super.visitClass(nested, null);
        }

        @Override
        public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
          MethodSymbol callee = getSymbol(call);
          if (callee != null && seen.add(callee)) {
            MethodTree declaration = unit.declaration(callee);
            if (declaration != null && declaration.getBody() != null) {
              assigned.addAll(LocalVariables.assignedIn(declaration.getBody()));
              toRead.add(declaration.getBody());
            }
          }
          return super.visitMethodInvocation(call, null);
        }
      }.scan(toRead.poll(), null);
    }
    return assigned;
  }

  private NullTestedFields() {}
}
