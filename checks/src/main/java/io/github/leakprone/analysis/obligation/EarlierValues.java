package io.github.leakprone.analysis.obligation;

import static com.google.errorprone.util.ASTHelpers.getReceiver;
import static com.google.errorprone.util.ASTHelpers.getSymbol;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.errorprone.VisitorState;
import com.sun.source.tree.AssertTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import io.github.leakprone.catalog.ResourceSpec;
import io.github.leakprone.trees.Identifiers;
import io.github.leakprone.trees.LocalVariables;
import io.github.leakprone.trees.NullComparisons;
import io.github.leakprone.trees.NullComparisons.NullTest;
import io.github.leakprone.trees.SameBodyScanner;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * The fields of this object whose value from an earlier call a method may overwrite while it is
 * still open. One method cannot tell in general whether it runs once per object ({@code open()}) or
 * once per request. Two shapes say which, because they only make sense if the method runs again
 * with the field already set:
 *
 * <ul>
 *   <li>it tests the field for null (or asks whether it is closed) before it first stores a new
 *       resource in it: {@code if (ps == null || !sql.equals(lastSql)) ps = prepare(sql)} lets a
 *       held statement through to the store. A test in a {@code finally} is cleanup after the
 *       stores, not a guard.
 *   <li>it stores under a condition that reads another field which the same branch sets to what the
 *       call was given (not to a constant: that is a switch), a key remembered from the call
 *       before: {@code if (!sql.equals(lastSql)) { lastSql = sql; ps = prepare(sql); }}.
 * </ul>
 *
 * <p>And a method, not a private one, whose name says it starts its object over ({@code reset()},
 * {@code restart()}, {@code reconnect()}, {@code rewind()}, {@code reinit()}) runs on an object
 * already in use, whose fields hold what the last start left there: BoofCV's image stream sequence
 * reopens its file into {@code in} on {@code reset()}, and the stream it read before stays open.
 * Not {@code reopen()} nor {@code reload()}, which callers often run after they closed the old
 * value; and a private one is judged at its calls, where the caller's own store is in sight.
 *
 * <p>Either way the field must be one that some method of its class closes: the class owns what it
 * holds, so the value found on entry is open unless a test says otherwise. The analysis carries
 * that value as an obligation held by the field; only an overwrite by a new acquisition loses it
 * ({@link LeakBook#lostEarlierValue}).
 */
final class EarlierValues {

  private EarlierValues() {}

  /**
   * The fields of {@code body} (a method's, not a constructor's) that count, each with the tree of
   * its first store: a tree of the body, unique to the field, that stands for its value on entry.
   */
  static ImmutableMap<Symbol, Tree> of(
      Tree body,
      MethodSymbol method,
      Symbol ownClass,
      ResourceSpec spec,
      AcquiringCalls acquiring,
      ClassSummary summary,
      VisitorState state) {
    // Most bodies store no resource in a field: a look at their assignments alone spares them the
    // full scan, which asks every expression whether it tests a field.
    if (!storesAcquisitionInOwnField(body, ownClass, acquiring, state)) {
      return ImmutableMap.of();
    }
    boolean startsOver = startsOver(method);
    Map<Symbol, Tree> expected = new LinkedHashMap<>();
    new TreeScanner<Void, Void>() {
      private final Set<Symbol> stored = new HashSet<>();
      private final Set<Symbol> testedBeforeStore = new HashSet<>();

      // The ifs whose then-branch the scan is in, innermost first.
      private final Deque<IfTree> guards = new ArrayDeque<>();

      private boolean inFinally;

      @Override
      public Void visitClass(ClassTree nested, Void unused) {
        return null; // a nested class's code runs on its own schedule, with its own fields
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree lambda, Void unused) {
        return null; // nor does a lambda run where it is written
      }

      @Override
      public Void visitTry(TryTree tryTree, Void unused) {
        scan(tryTree.getResources(), null);
        scan(tryTree.getBlock(), null);
        scan(tryTree.getCatches(), null);
        boolean outer = inFinally;
        inFinally = true;
        scan(tryTree.getFinallyBlock(), null);
        inFinally = outer;
        return null;
      }

      @Override
      public Void visitAssert(AssertTree assertion, Void unused) {
        // assert fd == null: a precondition says the method never runs with one held, the
        // opposite of a test that lets one through (jeromq's TcpConnecter.open).
        return null;
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        if (isStatedPrecondition(call)) {
          return null; // Preconditions.checkState(fd == null), as an assert
        }
        return super.visitMethodInvocation(call, null);
      }

      @Override
      public Void visitIf(IfTree ifTree, Void unused) {
        scan(ifTree.getCondition(), null);
        guards.push(ifTree);
        scan(ifTree.getThenStatement(), null);
        guards.pop();
        scan(ifTree.getElseStatement(), null);
        return null;
      }

      @Override
      public Void visitAssignment(AssignmentTree assignment, Void unused) {
        Symbol field = ownField(assignment.getVariable(), ownClass);
        if (field != null
            && acquiring.isAcquiring(assignment.getExpression(), state)
            && stored.add(field)
            && (startsOver || testedBeforeStore.contains(field) || underRememberedKey(field))) {
          expected.put(field, assignment);
        }
        return super.visitAssignment(assignment, null);
      }

      @Override
      public Void scan(Tree tree, Void unused) {
        if (tree instanceof ExpressionTree expression && !inFinally) {
          Symbol field = testedField(expression);
          if (field != null && !stored.contains(field)) {
            testedBeforeStore.add(field);
          }
        }
        return super.scan(tree, null);
      }

      private Symbol testedField(ExpressionTree expression) {
        NullTest test = NullComparisons.nullTest(expression);
        if (test != null) {
          return ownField(test.operand(), ownClass);
        }
        // conn.isClosed(), or whatever else the resource answers about itself
        return expression instanceof MethodInvocationTree call
                && spec.answerOnceReleased(getSymbol(call), state) != null
            ? ownField(getReceiver(call), ownClass)
            : null;
      }

      private boolean underRememberedKey(Symbol field) {
        for (IfTree guard : guards) {
          Set<Symbol> keys = ClassSummary.ownFieldsReadIn(guard.getCondition());
          keys.removeIf(key -> key.owner != ownClass);
          keys.remove(field);
          // writerChanged == null: a field tested for null and set in the branch is a lazy start
          // of the fields set with it (marc4j's MarcPatcher), not a key of the last call.
          keys.removeAll(NullTestedFields.testedIn(guard.getCondition(), ownClass));
          keys.retainAll(remembered(guard.getThenStatement(), ownClass));
          if (!keys.isEmpty()) {
            return true;
          }
        }
        return false;
      }
    }.scan(body, null);
    ImmutableMap.Builder<Symbol, Tree> fields = ImmutableMap.builder();
    expected.forEach(
        (field, store) -> {
          if (summary.releasesSomewhere(field)) {
            fields.put(field, store);
          }
        });
    return fields.buildOrThrow();
  }

  /** The words a method's name starts with when it starts its object over. */
  private static final ImmutableList<String> STARTING_OVER =
      ImmutableList.of("reset", "restart", "reconnect", "rewind", "reinit");

  /**
   * Whether {@code method}, not a private one, has a name that says it starts its object over
   * ({@code resetStream()}).
   */
  private static boolean startsOver(MethodSymbol method) {
    if (method == null || method.getModifiers().contains(Modifier.PRIVATE)) {
      return false;
    }
    String name = method.getSimpleName().toString();
    return STARTING_OVER.stream().anyMatch(name::startsWith);
  }

  /**
   * Whether {@code call} states a precondition ({@code checkState(...)}, Guava's and Spring's
   * {@code Assert.state(...)}): what it tests, the method assumes.
   */
  private static boolean isStatedPrecondition(MethodInvocationTree call) {
    MethodSymbol method = getSymbol(call);
    return method != null
        && method.isStatic()
        && (method.getSimpleName().contentEquals("checkState")
            || (method.getSimpleName().contentEquals("state")
                && method.owner.getSimpleName().contentEquals("Assert")));
  }

  /**
   * Whether {@code body}, outside its lambdas and nested classes, stores an acquisition in a field.
   */
  private static boolean storesAcquisitionInOwnField(
      Tree body, Symbol ownClass, AcquiringCalls acquiring, VisitorState state) {
    boolean[] found = {false};
    new SameBodyScanner() {
      @Override
      public Void visitAssignment(AssignmentTree assignment, Void unused) {
        found[0] |=
            ownField(assignment.getVariable(), ownClass) != null
                && acquiring.isAcquiring(assignment.getExpression(), state);
        return super.visitAssignment(assignment, null);
      }
    }.scan(body, null);
    return found[0];
  }

  /**
   * The fields of this object that {@code tree} sets to what this call was given or worked out
   * ({@code lastSql = sql}): a key remembered for the next call. A field set to a constant ({@code
   * buffer = null}, {@code started = true}) is a switch that keeps the branch from running again,
   * not a key.
   */
  private static Set<Symbol> remembered(Tree tree, Symbol ownClass) {
    Set<Symbol> fields = new HashSet<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitAssignment(AssignmentTree assignment, Void unused) {
        Symbol field = ownField(assignment.getVariable(), ownClass);
        if (field != null && readsALocal(assignment.getExpression())) {
          fields.add(field);
        }
        return super.visitAssignment(assignment, null);
      }
    }.scan(tree, null);
    return fields;
  }

  private static boolean readsALocal(ExpressionTree value) {
    return Identifiers.anyIn(value, LocalVariables::isLocalOrParameter);
  }

  /**
   * Whether {@code body} connects what it stores in {@code field} ({@code socket.connect(address,
   * timeout)}, {@link ResourceSpec#connectsOrFails}): the value found there on entry, stored and
   * connected by an earlier call, is connected unless it was closed.
   */
  static boolean connectsWhatItStores(
      Tree body, Symbol field, ResourceSpec spec, VisitorState state) {
    boolean[] found = {false};
    new SameBodyScanner() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        ExpressionTree receiver = getReceiver(call);
        found[0] |=
            receiver != null
                && getSymbol(receiver) == field
                && getSymbol(call) != null
                && spec.connectsOrFails(getSymbol(call), state);
        return super.visitMethodInvocation(call, null);
      }
    }.scan(body, null);
    return found[0];
  }

  private static Symbol ownField(ExpressionTree tree, Symbol ownClass) {
    if (tree == null) {
      return null;
    }
    Symbol symbol = getSymbol(tree);
    return ClassSummary.isOwnField(tree, symbol) && symbol.owner == ownClass ? symbol : null;
  }
}
