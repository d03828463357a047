package io.github.leakprone.fixes;

import static com.google.errorprone.util.ASTHelpers.getReceiver;
import static com.google.errorprone.util.ASTHelpers.getStartPosition;
import static com.google.errorprone.util.ASTHelpers.getSymbol;
import static com.google.errorprone.util.ASTHelpers.getType;

import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import io.github.leakprone.trees.LocalUses;
import io.github.leakprone.trees.SourceText;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ElementKind;

/**
 * Releases a resource held by a local on every path: {@code T x = acquire(); rest...} becomes {@code
 * try (T x = acquire()) { rest... }} when the release is {@code close()} of an {@link AutoCloseable},
 * else {@code T x = acquire(); try { rest... } finally { x.release(); }}. The rest of the block moves
 * into the {@code try}, so every name it declares keeps its scope; the release statements that stood
 * directly in it are dropped, since the new {@code try} does their job on every path.
 *
 * <p>Offered only when the local only lends the resource (calls on it, arguments to methods, null
 * checks): a resource that is returned, stored, wrapped or captured must outlive the block.
 */
public final class ReleaseLocalOnEveryPath {

  /** A fix and the source range it rewrites, so that a caller can keep its fixes apart. */
  public record Rewrite(SuggestedFix fix, int start, int end) {}

  /**
   * The fix for the acquisition at {@code stateAtSite}'s path, if it initialises a local declared in
   * a block and that local only lends it; none when its rewrite would overlap one in {@code taken}.
   *
   * @param uses the index of the enclosing body's variables
   */
  public static Optional<Rewrite> fix(
      ImmutableSet<String> releaseMethods,
      String primaryRelease,
      VisitorState stateAtSite,
      LocalUses uses,
      List<Rewrite> taken) {
    TreePath parentPath = stateAtSite.getPath().getParentPath();
    if (!(parentPath.getLeaf() instanceof VariableTree local)
        || !(parentPath.getParentPath().getLeaf() instanceof BlockTree block)) {
      return Optional.empty();
    }
    List<? extends StatementTree> statements = block.getStatements();
    List<? extends StatementTree> rest =
        statements.subList(statements.indexOf(local) + 1, statements.size());
    int start = getStartPosition(local);
    int end =
        rest.isEmpty()
            ? stateAtSite.getEndPosition(local)
            : stateAtSite.getEndPosition(rest.get(rest.size() - 1));
    // Checked before any other work: many findings in one block would each rewrite all of it.
    if (taken.stream().anyMatch(other -> start < other.end() && other.start() < end)) {
      return Optional.empty();
    }
    VarSymbol symbol = getSymbol(local);
    if (symbol.getKind() != ElementKind.LOCAL_VARIABLE
        || uses.isAssigned(symbol)
        || !onlyLends(symbol, uses, block, releaseMethods)) {
      return Optional.empty();
    }
    return Optional.of(
        rewrite(local, block, rest, symbol, releaseMethods, primaryRelease, stateAtSite));
  }

  private static Rewrite rewrite(
      VariableTree local,
      BlockTree block,
      List<? extends StatementTree> rest,
      VarSymbol symbol,
      ImmutableSet<String> releaseMethods,
      String primaryRelease,
      VisitorState state) {
    CharSequence source = state.getSourceCode();
    int start = getStartPosition(local);
    int declarationEnd = state.getEndPosition(local);
    int end = rest.isEmpty() ? declarationEnd : state.getEndPosition(rest.get(rest.size() - 1));
    String indent = SourceText.indentationAt(start, state);
    String unit = indentUnit(indent, block, state);

    // The rest of the block, re-indented one step, without the releases the try now performs.
    StringBuilder inner = new StringBuilder();
    int copied = declarationEnd;
    for (StatementTree statement : rest) {
      if (isRelease(statement, symbol, releaseMethods)) {
        inner.append(source, copied, lineStartBefore(source, getStartPosition(statement)));
        copied = state.getEndPosition(statement);
      }
    }
    inner.append(source, copied, end);
    String body = reindent(inner.toString(), unit);

    String declaration = source.subSequence(start, declarationEnd).toString();
    String replacement;
    if (primaryRelease.equals("close") && isAutoCloseable(local, state)) {
      String resource =
          declaration.endsWith(";")
              ? declaration.substring(0, declaration.length() - 1)
              : declaration;
      replacement = "try (" + resource + ") {" + body + "\n" + indent + "}";
    } else {
      replacement =
          String.format(
              "%s\n%stry {%s\n%s} finally {\n%s%s%s.%s();\n%s}",
              declaration,
              indent,
              body,
              indent,
              indent,
              unit,
              local.getName(),
              primaryRelease,
              indent);
    }
    return new Rewrite(SuggestedFix.replace(start, end, replacement), start, end);
  }

  /** Whether every use of {@code symbol} only borrows the resource. */
  private static boolean onlyLends(
      VarSymbol symbol, LocalUses uses, BlockTree block, ImmutableSet<String> releaseMethods) {
    for (TreePath use : uses.usesOf(symbol)) {
      if (isCaptured(use, block) || !isLendingUse(use, releaseMethods)) {
        return false;
      }
    }
    return true;
  }

  /** A lambda or a class body inside the block may run after the block has closed the resource. */
  private static boolean isCaptured(TreePath use, Tree block) {
    for (TreePath p = use; p != null && p.getLeaf() != block; p = p.getParentPath()) {
      if (p.getLeaf() instanceof LambdaExpressionTree || p.getLeaf() instanceof ClassTree) {
        return true;
      }
    }
    return false;
  }

  private static boolean isLendingUse(TreePath use, ImmutableSet<String> releaseMethods) {
    Tree parent = use.getParentPath().getLeaf();
    if (parent instanceof MemberSelectTree) {
      return use.getParentPath().getParentPath().getLeaf() instanceof MethodInvocationTree;
    }
    if (parent instanceof BinaryTree comparison) {
      return comparison.getKind() == Tree.Kind.EQUAL_TO
          || comparison.getKind() == Tree.Kind.NOT_EQUAL_TO;
    }
    if (parent instanceof MethodInvocationTree call) {
      // An argument: borrowed, unless the callee keeps it (a collection) or releases it elsewhere.
      String name = getSymbol(call).getSimpleName().toString();
      return call.getArguments().contains(use.getLeaf())
          && !isGrowth(name)
          && !releaseMethods.contains(name);
    }
    // Returned, stored, wrapped by a constructor: it must outlive the block.
    return false;
  }

  private static boolean isGrowth(String name) {
    return name.startsWith("add") || name.startsWith("put") || name.equals("offer")
        || name.equals("push") || name.equals("set");
  }

  private static boolean isRelease(
      StatementTree statement, VarSymbol symbol, ImmutableSet<String> releaseMethods) {
    return statement instanceof ExpressionStatementTree expression
        && expression.getExpression() instanceof MethodInvocationTree call
        && getReceiver(call) instanceof IdentifierTree receiver
        && getSymbol(receiver) == symbol
        && releaseMethods.contains(getSymbol(call).getSimpleName().toString());
  }

  private static boolean isAutoCloseable(VariableTree local, VisitorState state) {
    Type type = getType(local);
    return type != null
        && ASTHelpers.isSubtype(type, state.getSymtab().autoCloseableType, state);
  }

  private static int lineStartBefore(CharSequence source, int position) {
    int lineStart = position;
    while (lineStart > 0 && source.charAt(lineStart - 1) != '\n') {
      lineStart--;
    }
    // Keep the newline that ended the previous line: the dropped statement's line goes entirely.
    return lineStart > 0 ? lineStart - 1 : lineStart;
  }

  /** Indents every line after the first (which continues the declaration's line) by {@code unit}. */
  private static String reindent(String text, String unit) {
    StringBuilder out = new StringBuilder(text.length() + 64);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      out.append(c);
      if (c == '\n' && i + 1 < text.length() && text.charAt(i + 1) != '\n') {
        out.append(unit);
      }
    }
    return out.toString();
  }

  /** The step between the block's own line and its statements; two spaces when unclear. */
  private static String indentUnit(String statementIndent, BlockTree block, VisitorState state) {
    String blockIndent = SourceText.indentationAt(getStartPosition(block), state);
    return statementIndent.length() > blockIndent.length()
            && statementIndent.startsWith(blockIndent)
        ? statementIndent.substring(blockIndent.length())
        : "  ";
  }

  private ReleaseLocalOnEveryPath() {}
}
