package io.github.leakprone.analysis.obligation;

import static com.google.errorprone.util.ASTHelpers.getSymbol;
import static com.google.errorprone.util.ASTHelpers.stripParentheses;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import io.github.leakprone.trees.NullComparisons;
import io.github.leakprone.trees.NullLiterals;
import java.util.HashSet;
import java.util.Set;
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
