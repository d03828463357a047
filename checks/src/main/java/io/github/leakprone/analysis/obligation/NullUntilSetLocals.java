package io.github.leakprone.analysis.obligation;

import static com.google.errorprone.util.ASTHelpers.getSymbol;
import static com.google.errorprone.util.ASTHelpers.stripParentheses;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
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
 * Facts#know}), not kept by each obligation as a boolean flag is.
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
        if (tree instanceof ExpressionTree expression) {
          NullComparisons.NullTest test = NullComparisons.nullTest(expression);
          if (test != null && test.operand() instanceof IdentifierTree operand) {
            tested.add(getSymbol(operand));
          }
        }
        return super.scan(tree, null);
      }
    }.scan(body, null);
    declaredNull.retainAll(tested);
    return declaredNull;
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
