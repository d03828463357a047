package io.github.leakprone.analysis.obligation;

import static com.google.errorprone.util.ASTHelpers.getSymbol;
import static com.google.errorprone.util.ASTHelpers.stripParentheses;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.api.JavacTrees;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import io.github.leakprone.trees.GuardedCode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.lang.model.type.TypeKind;

/**
 * The boolean parameter under whose value points of a body are reached: its {@code return}
 * statements ({@code if (inBatchMode) { return batchConnection(); } else { ...; return
 * dataSource.getConnection(); }} returns a new connection only where {@code inBatchMode} is false:
 * Jackrabbit's {@code ConnectionHelper.getConnection(boolean)}), or the reads of a parent it closes
 * (iciql's {@code closeSilently(rs, closeStatement)} gets {@code rs.getStatement()} only {@code if
 * (closeStatement)}). The guard is a condition that is the parameter itself or its negation, read
 * as {@link GuardedCode} reads every once-only guard: a branch it takes, or the rest of a block
 * after an {@code if} whose branch cannot complete normally.
 */
final class ParameterGuards {

  /** The parameter at {@code parameter} has {@code value} wherever the guarded code runs. */
  record Guard(int parameter, boolean value) {}

  /**
   * The guard every one of {@code points}, trees of {@code method} (its {@code return} statements,
   * the reads of what it closes), is reached under.
   */
  static Optional<Guard> commonTo(
      MethodTree method, Collection<? extends Tree> points, VisitorState state) {
    MethodSymbol symbol = getSymbol(method);
    if (points.isEmpty() || method.getBody() == null || !hasABooleanParameter(symbol)) {
      return Optional.empty();
    }
    // Found only for the few factories with a flag, so the walk to the method's path is rare.
    TreePath methodPath = JavacTrees.instance(state.context).getPath(symbol);
    if (methodPath == null) {
      return Optional.empty();
    }
    List<TreePath> paths = new ArrayList<>();
    for (Tree point : points) {
      TreePath path = TreePath.getPath(methodPath, point);
      if (path == null) {
        return Optional.empty();
      }
      paths.add(path);
    }
    List<? extends Symbol> parameters = symbol.getParameters();
    for (int index = 0; index < parameters.size(); index++) {
      if (parameters.get(index).asType().getKind() != TypeKind.BOOLEAN) {
        continue;
      }
      for (boolean value : new boolean[] {true, false}) {
        Guard guard = new Guard(index, value);
        if (paths.stream()
            .allMatch(
                path ->
                    GuardedCode.runsOnlyWhileOpen(
                        path,
                        method.getBody(),
                        (condition, outcome) -> holds(guard, condition, outcome, parameters)))) {
          return Optional.of(guard);
        }
      }
    }
    return Optional.empty();
  }

  private static boolean hasABooleanParameter(MethodSymbol method) {
    return method != null
        && method.getParameters().stream()
            .anyMatch(parameter -> parameter.asType().getKind() == TypeKind.BOOLEAN);
  }

  /**
   * Whether {@code condition} (the parameter itself or its negation), having evaluated to {@code
   * outcome}, says {@code guard}'s parameter has its value.
   */
  private static boolean holds(
      Guard guard, ExpressionTree condition, boolean outcome, List<? extends Symbol> parameters) {
    ExpressionTree bare = stripParentheses(condition);
    boolean parameterWhenTrue = true;
    if (bare.getKind() == Tree.Kind.LOGICAL_COMPLEMENT) {
      bare = stripParentheses(((UnaryTree) bare).getExpression());
      parameterWhenTrue = false;
    }
    return bare instanceof IdentifierTree
        && parameters.indexOf(getSymbol(bare)) == guard.parameter()
        && (outcome == parameterWhenTrue) == guard.value();
  }

  private ParameterGuards() {}
}
