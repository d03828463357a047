package io.github.leakprone.fixes;

import static com.google.errorprone.util.ASTHelpers.getReceiver;
import static com.google.errorprone.util.ASTHelpers.getStartPosition;
import static com.google.errorprone.util.ASTHelpers.getSymbol;
import static com.google.errorprone.util.ASTHelpers.getType;

import com.google.errorprone.VisitorState;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import io.github.leakprone.analysis.Fate;
import io.github.leakprone.catalog.HeavyweightClient;
import io.github.leakprone.trees.LocalVariables;
import io.github.leakprone.trees.SourceText;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ElementKind;

/**
 * Releases a must-release client on every path: {@code T x = build(); rest...} becomes
 * try-with-resources when the release is {@code close()} of an {@link AutoCloseable}, else {@code T x
 * = build(); try { rest... } finally { x.release(); }}. A release that ended the block moves into the
 * {@code finally}; the rest of the block moves into the {@code try}, so every name it declares keeps
 * its scope.
 */
public final class ReleaseOnEveryPath {

  public static Optional<SuggestedFix> fix(
      HeavyweightClient client, Fate fate, VisitorState state) {
    if (fate.kind() != Fate.Kind.NOT_RELEASED && fate.kind() != Fate.Kind.RELEASED_ON_NORMAL_PATH) {
      return Optional.empty();
    }
    TreePath parentPath = state.getPath().getParentPath();
    if (!(parentPath.getLeaf() instanceof VariableTree local)
        || !(parentPath.getParentPath().getLeaf() instanceof BlockTree block)) {
      return Optional.empty();
    }
    Symbol symbol = getSymbol(local);
    Tree method = LocalVariables.enclosingMethodOrClass(state.getPath());
    if (symbol.getKind() != ElementKind.LOCAL_VARIABLE
        || LocalVariables.isAssigned((VarSymbol) symbol, method)) {
      return Optional.empty();
    }
    List<? extends StatementTree> statements = block.getStatements();
    List<? extends StatementTree> rest =
        statements.subList(statements.indexOf(local) + 1, statements.size());
    boolean releaseEndsBlock =
        !rest.isEmpty() && isRelease(rest.get(rest.size() - 1), symbol, client);
    List<? extends StatementTree> body =
        releaseEndsBlock ? rest.subList(0, rest.size() - 1) : rest;

    CharSequence source = state.getSourceCode();
    int start = getStartPosition(local);
    int declarationEnd = state.getEndPosition(local);
    int bodyEnd = body.isEmpty() ? declarationEnd : state.getEndPosition(body.get(body.size() - 1));
    int replacedEnd =
        releaseEndsBlock ? state.getEndPosition(rest.get(rest.size() - 1)) : bodyEnd;
    String indent = SourceText.indentationAt(start, state);
    String unit = indentUnit(indent, parentPath.getParentPath(), state);
    String inner = reindent(source.subSequence(declarationEnd, bodyEnd).toString(), unit);
    String declaration = source.subSequence(start, declarationEnd).toString();

    String replacement;
    if (client.primaryReleaseMethod().equals("close") && isAutoCloseable(local, state)) {
      String resource = declaration.endsWith(";") ? declaration.substring(0, declaration.length() - 1) : declaration;
      replacement = "try (" + resource + ") {" + inner + "\n" + indent + "}";
    } else {
      replacement =
          String.format(
              "%s\n%stry {%s\n%s} finally {\n%s%s%s.%s();\n%s}",
              declaration,
              indent,
              inner,
              indent,
              indent,
              unit,
              local.getName(),
              client.primaryReleaseMethod(),
              indent);
    }
    return Optional.of(SuggestedFix.replace(start, replacedEnd, replacement));
  }

  /** Whether {@code statement} is {@code x.release();} for one of the client's release methods. */
  private static boolean isRelease(StatementTree statement, Symbol symbol, HeavyweightClient client) {
    return statement instanceof ExpressionStatementTree expression
        && expression.getExpression() instanceof MethodInvocationTree call
        && getReceiver(call) instanceof IdentifierTree receiver
        && getSymbol(receiver) == symbol
        && client.releaseMethods().contains(getSymbol(call).getSimpleName().toString());
  }

  private static boolean isAutoCloseable(VariableTree local, VisitorState state) {
    Type type = getType(local);
    Type autoCloseable = state.getSymtab().autoCloseableType;
    return type != null && ASTHelpers.isSubtype(type, autoCloseable, state);
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

  /** The step between the block's own line and its statements' indentation; two spaces if unclear. */
  private static String indentUnit(String statementIndent, TreePath blockPath, VisitorState state) {
    String blockIndent = SourceText.indentationAt(getStartPosition(blockPath.getLeaf()), state);
    return statementIndent.length() > blockIndent.length() && statementIndent.startsWith(blockIndent)
        ? statementIndent.substring(blockIndent.length())
        : "  ";
  }

  private ReleaseOnEveryPath() {}
}
