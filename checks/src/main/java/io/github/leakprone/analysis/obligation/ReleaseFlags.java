package io.github.leakprone.analysis.obligation;

import static com.google.errorprone.util.ASTHelpers.getReceiver;
import static com.google.errorprone.util.ASTHelpers.getSymbol;
import static com.google.errorprone.util.ASTHelpers.stripParentheses;

import com.sun.source.tree.BreakTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import io.github.leakprone.catalog.ReleaseNames;
import io.github.leakprone.trees.Loops;
import io.github.leakprone.trees.Receivers;
import io.github.leakprone.trees.SameBodyScanner;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;
import javax.annotation.Nullable;
import javax.lang.model.element.ElementKind;
import javax.lang.model.type.TypeKind;

/**
 * The boolean locals and parameters a body tests before it acquires, releases or leaves (and the
 * questions of its own object, {@link #ownQuery}, that it asks both where it acquires and where it
 * releases): {@code if (ownPool) pool.shutdown()}, {@code if (!mustClose) return;} before a close,
 * {@code if (hasException) closeConn(conn)}, {@code newConnection ?
 * pool.obtainInternalConnection(this) : given} (BoneCP, whose later {@code if (!newConnection)
 * given.rollback()} cannot lose what it did not open); and those it gives a helper that releases,
 * or that makes a resource only under one value of a flag ({@code getConnection(inBatchMode)}).
 * Only their values tell which resources a path holds, so only they are followed as flags that each
 * obligation keeps ({@link Facts#assume}). A boolean the body tests for anything else (a loop's
 * first pass, a row seen twice) prunes no leak, and followed as a flag it splits every obligation
 * in two at each assignment: HoneyORM's 500-line result mapper sets half a dozen such booleans in a
 * loop, and its compile took seven minutes.
 */
final class ReleaseFlags {

  /**
   * The boolean locals and parameters of {@code body} in the condition of a branch that {@code
   * acquires}, releases or leaves, or given to a call that releases or that {@code takesAFlag}.
   */
  static Set<Symbol> in(
      Tree body, Predicate<ExpressionTree> acquires, Predicate<MethodInvocationTree> takesAFlag) {
    Set<Symbol> flags = new HashSet<>();
    // The object's own questions asked where a branch acquires, and where one releases: only one
    // asked at both is followed (Castor's two tests of isInSameConnection()). One asked only before
    // a throw or a return (if (isClosed()) throw ...) prunes no leak, and followed, it splits each
    // obligation at every test: HyperSQL's compile took a third longer.
    Set<Symbol> askedWhereAcquiring = new HashSet<>();
    Set<Symbol> askedWhereReleasing = new HashSet<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitIf(IfTree branch, Void unused) {
        noteIfAnyChanges(
            branch.getCondition(), branch.getThenStatement(), branch.getElseStatement());
        return super.visitIf(branch, null);
      }

      @Override
      public Void visitConditionalExpression(ConditionalExpressionTree choice, Void unused) {
        noteIfAnyChanges(
            choice.getCondition(), choice.getTrueExpression(), choice.getFalseExpression());
        return super.visitConditionalExpression(choice, null);
      }

      // The booleans of the condition, where either branch changes what the body holds.
      private void noteIfAnyChanges(ExpressionTree condition, Tree whenTrue, Tree whenFalse) {
        if (changesWhatIsHeld(whenTrue, acquires) || changesWhatIsHeld(whenFalse, acquires)) {
          collectBooleanLocals(condition, flags);
        }
        Set<Symbol> asked = ownQueriesIn(condition);
        if (asked.isEmpty()) {
          return;
        }
        if (anyCall(whenTrue, acquires) || anyCall(whenFalse, acquires)) {
          askedWhereAcquiring.addAll(asked);
        }
        Predicate<ExpressionTree> release =
            call -> call instanceof MethodInvocationTree invocation && releases(invocation);
        if (anyCall(whenTrue, release) || anyCall(whenFalse, release)) {
          askedWhereReleasing.addAll(asked);
        }
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        if (releases(call) || takesAFlag.test(call)) {
          for (ExpressionTree argument : call.getArguments()) {
            if (stripParentheses(argument) instanceof IdentifierTree) {
              collectBooleanLocals(argument, flags);
            }
          }
        }
        return super.visitMethodInvocation(call, null);
      }
    }.scan(body, null);
    askedWhereAcquiring.retainAll(askedWhereReleasing);
    flags.addAll(askedWhereAcquiring);
    return flags;
  }

  /** The object's own questions ({@link #ownQuery}) that {@code condition} asks. */
  private static Set<Symbol> ownQueriesIn(ExpressionTree condition) {
    Set<Symbol> asked = new HashSet<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        MethodSymbol query = ownQuery(call);
        if (query != null) {
          asked.add(query);
          return null;
        }
        return super.visitMethodInvocation(call, null);
      }
    }.scan(condition, null);
    return asked;
  }

  /** Whether {@code tree} makes a call or object {@code test} accepts. */
  private static boolean anyCall(@Nullable Tree tree, Predicate<ExpressionTree> test) {
    if (tree == null) {
      return false;
    }
    boolean[] found = {false};
    new SameBodyScanner() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        found[0] |= test.test(call);
        return found[0] ? null : super.visitMethodInvocation(call, null);
      }

      @Override
      public Void visitNewClass(NewClassTree made, Void unused) {
        found[0] |= test.test(made);
        return found[0] ? null : super.visitNewClass(made, null);
      }
    }.scan(tree, null);
    return found[0];
  }

  /**
   * Whether {@code tree} makes what {@code acquires} tells, calls a method named as a release is
   * ({@code close}, {@code release*}), or leaves: a {@code return} or {@code throw}, or a {@code
   * break} or {@code continue} of a loop or switch around it.
   */
  static boolean changesWhatIsHeld(Tree tree, Predicate<ExpressionTree> acquires) {
    if (tree == null) {
      return false;
    }
    boolean[] found = {false};
    new SameBodyScanner() {
      // The loops and switches inside the tree entered: their own jumps stay inside.
      int nested;

      @Override
      public Void scan(Tree node, Void unused) {
        if (found[0]) {
          return null;
        }
        boolean nests = Loops.isLoop(node) || node instanceof SwitchTree;
        nested += nests ? 1 : 0;
        try {
          return super.scan(node, null);
        } finally {
          nested -= nests ? 1 : 0;
        }
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        found[0] |= releases(call) || acquires.test(call);
        return super.visitMethodInvocation(call, null);
      }

      @Override
      public Void visitNewClass(NewClassTree made, Void unused) {
        found[0] |= acquires.test(made);
        return super.visitNewClass(made, null);
      }

      @Override
      public Void visitReturn(ReturnTree leave, Void unused) {
        found[0] = true;
        return null;
      }

      @Override
      public Void visitThrow(ThrowTree leave, Void unused) {
        found[0] = true;
        return null;
      }

      @Override
      public Void visitBreak(BreakTree leave, Void unused) {
        found[0] |= nested == 0 || leave.getLabel() != null;
        return null;
      }

      @Override
      public Void visitContinue(ContinueTree leave, Void unused) {
        found[0] |= nested == 0 || leave.getLabel() != null;
        return null;
      }
    }.scan(tree, null);
    return found[0];
  }

  /** Whether {@code call}'s method is named as a release is ({@code close}, {@code release*}). */
  private static boolean releases(MethodInvocationTree call) {
    Symbol method = getSymbol(call);
    return method != null && ReleaseNames.isReleaseHelper(method.getSimpleName().toString());
  }

  private static void collectBooleanLocals(ExpressionTree condition, Set<Symbol> flags) {
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree identifier, Void unused) {
        Symbol symbol = getSymbol(identifier);
        if (isBooleanVariable(symbol)) {
          flags.add(symbol);
        }
        return null;
      }
    }.scan(condition, null);
  }

  /**
   * The method of {@code tree} where it asks the body's own object a yes-or-no question with no
   * argument ({@code isInSameConnection()}, {@code this.isReadOnly()}), or null. Such a question is
   * a property of the object, and the body reads it as a flag that keeps its answer: Castor's key
   * generators open a separate connection {@code if (!isInSameConnection())} and close it in their
   * {@code finally} under the same test (two FALSE findings of a holdout round). A question asked
   * of another object, or given an argument, may answer differently each time.
   */
  @Nullable
  static MethodSymbol ownQuery(ExpressionTree tree) {
    if (!(stripParentheses(tree) instanceof MethodInvocationTree call)
        || !call.getArguments().isEmpty()) {
      return null;
    }
    MethodSymbol method = getSymbol(call);
    ExpressionTree receiver = getReceiver(call);
    return method != null
            && method.getReturnType().getKind() == TypeKind.BOOLEAN
            && (receiver == null || Receivers.isThisOrSuper(receiver))
        ? method
        : null;
  }

  /**
   * Whether {@code symbol} is a local or a parameter of type {@code boolean}, which alone can be
   * such a flag. A parameter's value is not known until the body tests it, and from there it is:
   * webarchive-commons' {@code cdxOutput(boolean toFile)} opens its writer and closes it in a
   * {@code finally} only {@code if (toFile)}.
   */
  static boolean isBooleanVariable(Symbol symbol) {
    return symbol != null
        && (symbol.getKind() == ElementKind.LOCAL_VARIABLE
            || symbol.getKind() == ElementKind.PARAMETER)
        && symbol.asType().getKind() == TypeKind.BOOLEAN;
  }

  private ReleaseFlags() {}
}
