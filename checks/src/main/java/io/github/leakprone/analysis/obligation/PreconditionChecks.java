package io.github.leakprone.analysis.obligation;

import static com.google.errorprone.util.ASTHelpers.getSymbol;
import static com.google.errorprone.util.ASTHelpers.stripParentheses;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.InstanceOfTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Type;
import io.github.leakprone.trees.LocalVariables;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;
import javax.lang.model.element.ElementKind;
import javax.lang.model.type.TypeKind;

/**
 * The {@code throw}s of a method that state its preconditions: an {@code if} that tests only what
 * the caller passed and the object's state, and throws one of the JDK's exceptions for a caller's
 * mistake, made afresh with no cause ({@code if (row < 0 || row >= counter) throw new
 * IllegalArgumentException("Row out of range")}, ImageJ's {@code ResultsTable.getRowAsString}). A
 * caller that breaks one breaks it on its first run, as with the same types named where a method
 * declares what it throws ({@link ThrowingCalls}), and no one guards a resource against it: the
 * evaluation's FALSE was a table's rows written to a file, each asked for by an index below the
 * table's size. Where the test reads what the method computed (a header's magic number it read, a
 * field it set from it), the same exception reports bad input, which repeats with each bad file
 * (Vorbis's {@code FlacFile.open} throws {@code IllegalArgumentException("File type not
 * recognised")}): that {@code throw} is a way to fail.
 */
final class PreconditionChecks {

  /** The preconditions' {@code throw}s in {@code method}'s body. */
  static Set<ThrowTree> in(
      MethodTree method, Predicate<Type> isCallersMistake, VisitorState state) {
    Set<ThrowTree> checks = new HashSet<>();
    if (method.getBody() == null) {
      return checks;
    }
    Set<Symbol> assigned = LocalVariables.assignedIn(method.getBody());
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitIf(IfTree branch, Void unused) {
        ThrowTree thrown = soleThrow(branch.getThenStatement());
        if (thrown != null
            && isFreshWithoutCause(thrown, isCallersMistake, state)
            && readsOnlyArgumentsAndState(branch.getCondition(), assigned)) {
          checks.add(thrown);
        }
        return super.visitIf(branch, null);
      }
    }.scan(method.getBody(), null);
    return checks;
  }

  /** The {@code throw} that {@code statement} is, alone or as the only statement of a block. */
  private static ThrowTree soleThrow(StatementTree statement) {
    if (statement instanceof BlockTree block && block.getStatements().size() == 1) {
      statement = block.getStatements().get(0);
    }
    return statement instanceof ThrowTree thrown ? thrown : null;
  }

  private static boolean isFreshWithoutCause(
      ThrowTree thrown, Predicate<Type> isCallersMistake, VisitorState state) {
    if (!(stripParentheses(thrown.getExpression()) instanceof NewClassTree made)) {
      return false;
    }
    Type type = ASTHelpers.getType(made);
    Type throwable = state.getSymtab().throwableType;
    return type != null
        && isCallersMistake.test(type)
        && made.getArguments().stream()
            .map(ASTHelpers::getType)
            .noneMatch(
                argument -> argument == null || ASTHelpers.isSubtype(argument, throwable, state));
  }

  /**
   * Whether {@code condition} reads nothing but parameters, fields of this object the method does
   * not assign, constants, and an array's length: no call, no local.
   */
  private static boolean readsOnlyArgumentsAndState(
      ExpressionTree condition, Set<Symbol> assigned) {
    ExpressionTree bare = stripParentheses(condition);
    if (bare instanceof LiteralTree || ASTHelpers.constValue(bare) != null) {
      return true;
    }
    if (bare instanceof BinaryTree binary) {
      return readsOnlyArgumentsAndState(binary.getLeftOperand(), assigned)
          && readsOnlyArgumentsAndState(binary.getRightOperand(), assigned);
    }
    if (bare instanceof UnaryTree unary) {
      return readsOnlyArgumentsAndState(unary.getExpression(), assigned);
    }
    if (bare instanceof InstanceOfTree test) {
      return readsOnlyArgumentsAndState(test.getExpression(), assigned);
    }
    if (bare instanceof MemberSelectTree select
        && select.getIdentifier().contentEquals("length")
        && ASTHelpers.getType(select.getExpression()) != null
        && ASTHelpers.getType(select.getExpression()).getKind() == TypeKind.ARRAY) {
      return readsOnlyArgumentsAndState(select.getExpression(), assigned);
    }
    Symbol symbol = getSymbol(bare);
    if (symbol == null) {
      return false;
    }
    if (symbol.getKind() == ElementKind.PARAMETER) {
      return !assigned.contains(symbol);
    }
    return ClassSummary.isOwnField(bare, symbol) && !assigned.contains(symbol);
  }

  private PreconditionChecks() {}
}
