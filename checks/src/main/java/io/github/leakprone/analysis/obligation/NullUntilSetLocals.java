package io.github.leakprone.analysis.obligation;

import static com.google.errorprone.util.ASTHelpers.getSymbol;
import static com.google.errorprone.util.ASTHelpers.stripParentheses;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import io.github.leakprone.trees.Loops;
import io.github.leakprone.trees.NullComparisons;
import io.github.leakprone.trees.NullLiterals;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import javax.annotation.Nullable;
import javax.lang.model.element.ElementKind;

/**
 * Locals declared null that the body tests for null: whether one is still null says whether the
 * step that sets it has run, and the analysis follows that as a flag, beside whatever the local
 * holds. On the path where that step throws, the local keeps its null: Jib's {@code LockFile.lock}
 * sets {@code fileLock = channel.lock()} in a {@code try} whose {@code finally} closes the file's
 * stream {@code if (fileLock == null)}, and the stream was reported lost when {@code lock()}
 * throws, the one path that closes it. Followed while its value is the same on every path ({@link
 * Facts#know}), and kept by each obligation as a boolean flag is only where a {@code finally} tests
 * it ({@link #testedInAFinally}).
 */
final class NullUntilSetLocals {

  /** The locals of {@code body} declared null and compared with null somewhere in it. */
  static Set<Symbol> in(Tree body) {
    Set<Symbol> declaredNull = new HashSet<>();
    Set<Symbol> tested = new HashSet<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree variable, Void unused) {
        Symbol symbol = getSymbol(variable);
        if (symbol != null
            && symbol.getKind() == ElementKind.LOCAL_VARIABLE
            && variable.getInitializer() != null
            && NullLiterals.isNull(variable.getInitializer())) {
          declaredNull.add(symbol);
        }
        return super.visitVariable(variable, null);
      }

      @Override
      public Void scan(Tree tree, Void unused) {
        Symbol local = comparedWithNull(tree);
        if (local != null) {
          tested.add(local);
        }
        return super.scan(tree, null);
      }
    }.scan(body, null);
    declaredNull.retainAll(tested);
    return declaredNull;
  }

  /**
   * Those of {@code locals} that a {@code finally} of {@code body} tests for null, other than
   * resources: each obligation keeps their value where it was made, as it keeps a boolean flag's
   * ({@link Facts#assume}). A {@code finally} runs on the paths of every branch and failure of its
   * {@code try}, and its null tests are how it tells them apart; where they meet, a value the same
   * on every path is lost. Hive's Beeline prepares a call on one branch and starts a log thread
   * only on the other, and its {@code finally} joins the thread {@code if (logThread != null)}
   * before it closes the statement: the call's statement was said lost when the join throws. A
   * resource local is left out, as what it holds already says where it is null, and kept by each
   * obligation it would split every one in two for each statement and result set of the body. Not
   * every null-until-set local: set in a loop, many of them split each obligation into one per
   * combination of their values (HoneyORM's result mapper did not end).
   */
  static Set<Symbol> testedInAFinally(Tree body, Set<Symbol> locals, VisitorState state) {
    Set<Symbol> tested = new HashSet<>();
    if (locals.isEmpty()) {
      return tested;
    }
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitTry(TryTree tryTree, Void unused) {
        if (tryTree.getFinallyBlock() != null) {
          new TreeScanner<Void, Void>() {
            @Override
            public Void scan(Tree tree, Void unused) {
              Symbol local = comparedWithNull(tree);
              if (locals.contains(local) && !isResource(local, state)) {
                tested.add(local);
              }
              return super.scan(tree, null);
            }
          }.scan(tryTree.getFinallyBlock(), null);
        }
        return super.visitTry(tryTree, null);
      }
    }.scan(body, null);
    return tested;
  }

  /**
   * Those of {@code locals} given a value once in {@code body}, outside any loop, in a block one of
   * whose statements acquires ({@code acquires}) a resource into a local: each obligation keeps
   * whether the local is still null, as it keeps a boolean flag's value, since that says whether
   * the block ran. OpenPDF's {@code PdfStream} makes its codec and the stream over it in one block
   * ({@code if (compressed) { deflater = new Deflater(level); fout = def = new
   * DeflaterOutputStream(fout, deflater); }}) and ends the codec behind {@code if (def != null)}:
   * followed only while the same on every path, the local was unknown after the block, and the
   * codec was reported lost on the path where it was never made. Once and outside loops, each such
   * local splits an obligation in two at most; not a local given the resource itself, whose null
   * test already says where it holds one.
   */
  static Set<Symbol> setBesideAnAcquisition(
      Tree body, Set<Symbol> locals, Predicate<ExpressionTree> acquires) {
    Set<Symbol> found = new HashSet<>();
    if (locals.isEmpty()) {
      return found;
    }
    Map<Symbol, Integer> assignments = new HashMap<>();
    new TreeScanner<Void, Void>() {
      // The trees around the one being visited, innermost first.
      private final Deque<Tree> around = new ArrayDeque<>();

      @Override
      public Void scan(Tree tree, Void unused) {
        if (tree == null) {
          return null;
        }
        around.push(tree);
        try {
          return super.scan(tree, null);
        } finally {
          around.pop();
        }
      }

      @Override
      public Void visitClass(ClassTree nested, Void unused) {
        return null; // a nested or anonymous class's locals are its own
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree lambda, Void unused) {
        return null; // a lambda runs on its own schedule
      }

      @Override
      public Void visitAssignment(AssignmentTree assignment, Void unused) {
        Symbol target = getSymbol(assignment.getVariable());
        if (locals.contains(target)) {
          assignments.merge(target, 1, Integer::sum);
          if (!NullLiterals.isNull(assignment.getExpression())
              && !acquires.test(stripParentheses(assignment.getExpression()))
              && besideAnAcquisition()) {
            found.add(target);
          }
        }
        return super.visitAssignment(assignment, null);
      }

      // Whether the block around the assignment being visited, with no loop between, has a
      // statement that acquires into a local.
      private boolean besideAnAcquisition() {
        for (Tree tree : around) {
          if (Loops.isLoop(tree) || tree == body) {
            return false;
          }
          if (tree instanceof BlockTree block) {
            return block.getStatements().stream().anyMatch(this::acquiresIntoALocal);
          }
        }
        return false;
      }

      private boolean acquiresIntoALocal(StatementTree statement) {
        if (statement instanceof VariableTree variable) {
          return variable.getInitializer() != null
              && acquires.test(stripParentheses(variable.getInitializer()));
        }
        return statement instanceof ExpressionStatementTree expression
            && stripParentheses(expression.getExpression()) instanceof AssignmentTree assignment
            && acquires.test(stripParentheses(assignment.getExpression()));
      }
    }.scan(body, null);
    found.removeIf(local -> assignments.get(local) != 1);
    return found;
  }

  /**
   * The variable {@code tree} compares with null ({@code x == null}, {@code x != null}), if any.
   */
  @Nullable
  private static Symbol comparedWithNull(Tree tree) {
    if (tree instanceof ExpressionTree expression) {
      NullComparisons.NullTest test = NullComparisons.nullTest(expression);
      if (test != null && test.operand() instanceof IdentifierTree operand) {
        return getSymbol(operand);
      }
    }
    return null;
  }

  private static boolean isResource(Symbol local, VisitorState state) {
    return ASTHelpers.isSubtype(local.type, state.getSymtab().autoCloseableType, state);
  }

  /**
   * Whether a local given {@code value} then holds something: false for null, true for a new object
   * or what a catch caught, null where a call or anything else decides. For a local that holds a
   * failure or nothing ({@link FailureLocals}), whether it holds a failure.
   */
  @Nullable
  static Boolean isSetBy(ExpressionTree value) {
    if (NullLiterals.isNull(value)) {
      return false;
    }
    ExpressionTree bare = stripParentheses(value);
    if (bare instanceof NewClassTree) {
      return true;
    }
    Symbol symbol = getSymbol(bare);
    return (symbol != null && symbol.getKind() == ElementKind.EXCEPTION_PARAMETER) ? true : null;
  }

  private NullUntilSetLocals() {}
}
