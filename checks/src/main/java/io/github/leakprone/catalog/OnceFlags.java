package io.github.leakprone.catalog;

import static com.google.errorprone.util.ASTHelpers.constValue;
import static com.google.errorprone.util.ASTHelpers.getReceiver;
import static com.google.errorprone.util.ASTHelpers.getSymbol;
import static com.google.errorprone.util.ASTHelpers.stripParentheses;

import com.google.common.collect.ImmutableSet;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.TypeTag;
import io.github.leakprone.trees.GuardedCode;
import io.github.leakprone.trees.NullComparisons;
import io.github.leakprone.trees.NullLiterals;
import io.github.leakprone.trees.TreePaths;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import javax.lang.model.element.ElementKind;

/**
 * Flags kept in a field, the other guard of run-once code besides a null check of the field the
 * code fills: {@code if (inited) return; ... inited = true;}, {@code if
 * (!started.compareAndSet(false, true)) return;}. A {@code boolean} field or a JDK {@code
 * AtomicBoolean}, the one test-and-set type every code base uses for "start once"; or another
 * reference field, null until the guarded code stores a new object in it ({@code if (worker !=
 * null) return; worker = new Thread(...);}).
 */
public final class OnceFlags {

  private static final String ATOMIC_BOOLEAN = "java.util.concurrent.atomic.AtomicBoolean";

  /**
   * AtomicBoolean's writes that set the flag when their (last) argument is {@code true}: after one
   * of them, a later {@code get()} test closes the guard.
   */
  private static final ImmutableSet<String> ATOMIC_SETS =
      ImmutableSet.of("set", "lazySet", "setPlain", "setOpaque", "setRelease", "getAndSet");

  /**
   * AtomicBoolean's test-and-set calls: {@code compareAndSet(false, true)} succeeds for exactly one
   * caller, which sets the flag in the same step.
   */
  private static final ImmutableSet<String> ATOMIC_COMPARE_AND_SETS =
      ImmutableSet.of(
          "compareAndSet",
          "weakCompareAndSet",
          "weakCompareAndSetPlain",
          "weakCompareAndSetVolatile",
          "weakCompareAndSetAcquire",
          "weakCompareAndSetRelease");

  /**
   * A flag that a condition tests: the field, and whether the test itself set it ({@code
   * compareAndSet(false, true)}, {@code getAndSet(true)}), so that no later write is needed.
   */
  public record FlagTest(VarSymbol flag, boolean setsIt) {}

  /**
   * The flags that were unset (false) when {@code condition} evaluated to {@code outcome}: {@code
   * flag}, {@code flag.get()} and {@code flag.getAndSet(true)} when false, {@code
   * flag.compareAndSet(false, true)} when true, a reference field compared with null where it is
   * null, also under {@code !}, and as an operand of {@code &&} (when true) or {@code ||} (when
   * false). Only fields count: a local starts afresh per call.
   */
  public static List<FlagTest> unsetWhen(ExpressionTree condition, boolean outcome) {
    List<FlagTest> tests = new ArrayList<>();
    collect(condition, outcome, tests);
    return tests;
  }

  private static void collect(ExpressionTree condition, boolean outcome, List<FlagTest> tests) {
    ExpressionTree e = stripParentheses(condition);
    if (e instanceof UnaryTree not && e.getKind() == Tree.Kind.LOGICAL_COMPLEMENT) {
      collect(not.getExpression(), !outcome, tests);
      return;
    }
    if ((e.getKind() == Tree.Kind.CONDITIONAL_AND && outcome)
        || (e.getKind() == Tree.Kind.CONDITIONAL_OR && !outcome)) {
      BinaryTree binary = (BinaryTree) e;
      collect(binary.getLeftOperand(), outcome, tests);
      collect(binary.getRightOperand(), outcome, tests);
      return;
    }
    VarSymbol field = booleanField(e);
    if (field != null && !outcome) {
      tests.add(new FlagTest(field, false));
      return;
    }
    // A reference field that is null until the guarded code sets it: COPPER's startup(), which
    // returns at once `if (enqueueThread != null)` and sets enqueueThread before it builds its
    // executor.
    NullComparisons.NullTest nullTest = NullComparisons.nullTest(e);
    if (nullTest != null
        && nullTest.trueWhenNull() == outcome
        && getSymbol(nullTest.operand()) instanceof VarSymbol reference
        && reference.getKind() == ElementKind.FIELD) {
      tests.add(new FlagTest(reference, false));
      return;
    }
    if (e instanceof MethodInvocationTree call) {
      VarSymbol atomic = atomicField(getReceiver(call));
      if (atomic == null) {
        return;
      }
      String name = getSymbol(call).getSimpleName().toString();
      List<? extends ExpressionTree> args = call.getArguments();
      if (name.equals("get") && !outcome) {
        tests.add(new FlagTest(atomic, false));
      } else if (name.equals("getAndSet") && !outcome && isTrue(args.get(0))) {
        tests.add(new FlagTest(atomic, true));
      } else if (ATOMIC_COMPARE_AND_SETS.contains(name)) {
        if (outcome && isFalse(args.get(0)) && isTrue(args.get(1))) {
          tests.add(new FlagTest(atomic, true));
        }
      }
    }
  }

  /**
   * Whether the code at {@code path}, inside {@code body}, runs only while a flag field that {@code
   * which} accepts is unset, where {@code body} sets it and nothing in the top-level class unsets
   * it again: {@code if (inited) return; ... inited = true;}, {@code if
   * (!started.compareAndSet(false, true)) return;}. Such code runs once per object, or once per
   * class for a static flag, however often the method is called.
   */
  public static boolean guards(TreePath path, Tree body, Predicate<VarSymbol> which) {
    TreePath topLevel = TreePaths.topLevelClass(path);
    return GuardedCode.runsOnlyWhileOpen(
        path,
        body,
        (condition, outcome) ->
            unsetWhen(condition, outcome).stream()
                .anyMatch(
                    test ->
                        which.test(test.flag())
                            && (test.setsIt() || sets(body, test.flag()))
                            && (topLevel == null || staysSet(topLevel.getLeaf(), test.flag()))));
  }

  /**
   * Whether {@code body} sets {@code flag}: {@code flag = true} or an atomic write, or for a
   * reference field the store of a new object, never null.
   */
  public static boolean sets(Tree body, VarSymbol flag) {
    boolean[] found = new boolean[1];
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitAssignment(AssignmentTree tree, Void unused) {
        if (getSymbol(tree.getVariable()) == flag
            && (isTrue(tree.getExpression())
                || stripParentheses(tree.getExpression()) instanceof NewClassTree)) {
          found[0] = true;
        }
        return super.visitAssignment(tree, null);
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
        ExpressionTree receiver = getReceiver(tree);
        if (receiver != null && getSymbol(receiver) == flag && !tree.getArguments().isEmpty()) {
          String name = getSymbol(tree).getSimpleName().toString();
          ExpressionTree last = tree.getArguments().get(tree.getArguments().size() - 1);
          if ((ATOMIC_SETS.contains(name) || ATOMIC_COMPARE_AND_SETS.contains(name))
              && isTrue(last)) {
            found[0] = true;
          }
        }
        return super.visitMethodInvocation(tree, null);
      }
    }.scan(body, null);
    return found[0];
  }

  /**
   * Whether {@code flag}, once set, stays set in {@code classTree}: a reference field that nothing
   * stores null in again. ActiveMQ's transaction context makes its connection under {@code if
   * (connection == null)} and nulls it in {@code close()}, once per transaction: what the guarded
   * code builds, it builds per use. (A boolean or atomic flag is taken as set for good.)
   */
  public static boolean staysSet(Tree classTree, VarSymbol flag) {
    if (isBoolean(flag.type) || isAtomicBoolean(flag.type)) {
      return true;
    }
    boolean[] reset = new boolean[1];
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitAssignment(AssignmentTree tree, Void unused) {
        if (getSymbol(tree.getVariable()) == flag && NullLiterals.isNull(tree.getExpression())) {
          reset[0] = true;
        }
        return super.visitAssignment(tree, null);
      }
    }.scan(classTree, null);
    return !reset[0];
  }

  private static VarSymbol booleanField(ExpressionTree tree) {
    Symbol symbol = getSymbol(tree);
    return symbol instanceof VarSymbol var
            && var.getKind() == ElementKind.FIELD
            && isBoolean(var.type)
        ? var
        : null;
  }

  private static VarSymbol atomicField(ExpressionTree tree) {
    Symbol symbol = tree == null ? null : getSymbol(tree);
    return symbol instanceof VarSymbol var
            && var.getKind() == ElementKind.FIELD
            && isAtomicBoolean(var.type)
        ? var
        : null;
  }

  private static boolean isBoolean(Type type) {
    return type.getTag() == TypeTag.BOOLEAN
        || (type.tsym != null && type.tsym.getQualifiedName().contentEquals("java.lang.Boolean"));
  }

  private static boolean isAtomicBoolean(Type type) {
    return type.tsym != null && type.tsym.getQualifiedName().contentEquals(ATOMIC_BOOLEAN);
  }

  private static boolean isTrue(ExpressionTree tree) {
    return Boolean.TRUE.equals(constValue(tree));
  }

  private static boolean isFalse(ExpressionTree tree) {
    return Boolean.FALSE.equals(constValue(tree));
  }

  private OnceFlags() {}
}
