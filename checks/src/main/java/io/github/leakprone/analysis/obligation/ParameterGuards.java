package io.github.leakprone.analysis.obligation;

import static com.google.errorprone.util.ASTHelpers.getSymbol;
import static com.google.errorprone.util.ASTHelpers.stripParentheses;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.tools.javac.code.Symbol;
import io.github.leakprone.trees.SameBodyScanner;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.type.TypeKind;

/**
 * The boolean parameters under whose value a body's {@code return} statements are reached: {@code
 * if (inBatchMode) { return batchConnection(); } else { ...; return dataSource.getConnection(); }}
 * returns a new connection only where {@code inBatchMode} is false (Jackrabbit's {@code
 * ConnectionHelper.getConnection(boolean)}). Read from {@code if} statements whose condition is the
 * parameter itself or its negation: their branches, and the rest of a block after one whose branch
 * always returns or throws.
 */
final class ParameterGuards {

  /** The parameter at {@code parameter} has {@code value} wherever the guarded code runs. */
  record Guard(int parameter, boolean value) {}

  /** The guard every one of {@code returns}, statements of {@code method}, is reached under. */
  static Optional<Guard> commonTo(MethodTree method, Collection<ReturnTree> returns) {
    if (returns.isEmpty() || method.getBody() == null) {
      return Optional.empty();
    }
    List<Symbol> parameters =
        method.getParameters().stream().map(parameter -> (Symbol) getSymbol(parameter)).toList();
    Map<Tree, Map<Symbol, Boolean>> guardsAt = new HashMap<>();
    new SameBodyScanner() {
      private Map<Symbol, Boolean> guards = new HashMap<>();

      @Override
      public Void visitIf(IfTree tree, Void unused) {
        Guard tested = tested(tree.getCondition(), parameters);
        if (tested == null) {
          return super.visitIf(tree, null);
        }
        scan(tree.getCondition(), null);
        Symbol parameter = parameters.get(tested.parameter());
        under(parameter, tested.value(), tree.getThenStatement());
        if (tree.getElseStatement() != null) {
          under(parameter, !tested.value(), tree.getElseStatement());
        }
        return null;
      }

      private void under(Symbol parameter, boolean value, Tree code) {
        Map<Symbol, Boolean> outer = guards;
        guards = new HashMap<>(outer);
        guards.put(parameter, value);
        scan(code, null);
        guards = outer;
      }

      @Override
      public Void visitBlock(BlockTree block, Void unused) {
        Map<Symbol, Boolean> outer = guards;
        guards = new HashMap<>(outer);
        for (StatementTree statement : block.getStatements()) {
          scan(statement, null);
          // if (inBatchMode) return held; ... the rest runs only where the test was false.
          if (statement instanceof IfTree early
              && early.getElseStatement() == null
              && alwaysLeaves(early.getThenStatement())) {
            Guard tested = tested(early.getCondition(), parameters);
            if (tested != null) {
              guards.put(parameters.get(tested.parameter()), !tested.value());
            }
          }
        }
        guards = outer;
        return null;
      }

      @Override
      public Void visitReturn(ReturnTree tree, Void unused) {
        guardsAt.put(tree, Map.copyOf(guards));
        return super.visitReturn(tree, null);
      }
    }.scan(method.getBody(), null);
    Map<Symbol, Boolean> common = null;
    for (ReturnTree ret : returns) {
      Map<Symbol, Boolean> at = guardsAt.getOrDefault(ret, Map.of());
      if (common == null) {
        common = new HashMap<>(at);
      } else {
        common.entrySet().removeIf(entry -> !entry.getValue().equals(at.get(entry.getKey())));
      }
    }
    return common.entrySet().stream()
        .findFirst()
        .map(entry -> new Guard(parameters.indexOf(entry.getKey()), entry.getValue()));
  }

  /** The parameter {@code condition} is, or negates, and the value for which it is true. */
  private static Guard tested(ExpressionTree condition, List<Symbol> parameters) {
    ExpressionTree bare = stripParentheses(condition);
    boolean value = true;
    if (bare.getKind() == Tree.Kind.LOGICAL_COMPLEMENT) {
      bare = stripParentheses(((UnaryTree) bare).getExpression());
      value = false;
    }
    if (!(bare instanceof IdentifierTree)) {
      return null;
    }
    Symbol symbol = getSymbol(bare);
    int index = parameters.indexOf(symbol);
    return index >= 0 && symbol.asType().getKind() == TypeKind.BOOLEAN
        ? new Guard(index, value)
        : null;
  }

  /** Whether {@code statement} always ends in a {@code return} or a {@code throw}. */
  private static boolean alwaysLeaves(StatementTree statement) {
    if (statement instanceof BlockTree block) {
      List<? extends StatementTree> statements = block.getStatements();
      return !statements.isEmpty() && alwaysLeaves(statements.get(statements.size() - 1));
    }
    return statement instanceof ReturnTree || statement instanceof ThrowTree;
  }

  private ParameterGuards() {}
}
