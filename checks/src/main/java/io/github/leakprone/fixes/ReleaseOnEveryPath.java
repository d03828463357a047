package io.github.leakprone.fixes;

import static com.google.errorprone.util.ASTHelpers.getReceiver;
import static com.google.errorprone.util.ASTHelpers.getStartPosition;
import static com.google.errorprone.util.ASTHelpers.getSymbol;
import static com.google.errorprone.util.ASTHelpers.getType;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.VisitorState;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.UnionTypeTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.Types;
import io.github.leakprone.analysis.Fate;
import io.github.leakprone.analysis.FateAnalysis;
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
    boolean withResources =
        client.primaryReleaseMethod().equals("close") && isAutoCloseable(local, state);
    // The release the fix adds (try-with-resources' implicit close(), or a new call in the finally)
    // must compile where it goes: on the declared type, with its checked exceptions handled there.
    // A release that ended the block and moves into the finally compiled there already.
    if (withResources || !releaseEndsBlock) {
      Optional<MethodSymbol> release =
          releaseMethod(getType(local), client.primaryReleaseMethod(), state);
      if (release.isEmpty() || !mayThrow(release.get().getThrownTypes(), parentPath, state)) {
        return Optional.empty();
      }
    }

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
    if (withResources) {
      String resource =
          declaration.endsWith(";")
              ? declaration.substring(0, declaration.length() - 1)
              : declaration;
      replacement = "try (" + resource + ") {" + inner + "\n" + indent + "}";
    } else {
      // Keep the block's own release (shutdownNow(), a closeQuietly(x) helper) rather than
      // substituting the primary release method for it.
      String release =
          releaseEndsBlock
              ? state.getSourceForNode(rest.get(rest.size() - 1))
              : local.getName() + "." + client.primaryReleaseMethod() + "();";
      replacement =
          String.format(
              "%s\n%stry {%s\n%s} finally {\n%s%s%s\n%s}",
              declaration, indent, inner, indent, indent, unit, release, indent);
    }
    return Optional.of(SuggestedFix.replace(start, replacedEnd, replacement));
  }

  /**
   * Whether {@code statement} is {@code x.release();} for one of the client's release methods, or a
   * release helper such as {@code IOUtils.closeQuietly(x);}.
   */
  private static boolean isRelease(StatementTree statement, Symbol symbol, HeavyweightClient client) {
    if (!(statement instanceof ExpressionStatementTree expression)
        || !(expression.getExpression() instanceof MethodInvocationTree call)) {
      return false;
    }
    String name = getSymbol(call).getSimpleName().toString();
    if (getReceiver(call) instanceof IdentifierTree receiver && getSymbol(receiver) == symbol) {
      return client.releaseMethods().contains(name);
    }
    return FateAnalysis.isReleaseHelperName(name)
        && call.getArguments().stream()
            .anyMatch(argument -> argument instanceof IdentifierTree && getSymbol(argument) == symbol);
  }

  /**
   * The no-argument method {@code name} that a call on {@code type} resolves to: of the methods of
   * that name in {@code type} and its supertypes, the one declared lowest in the hierarchy.
   */
  private static Optional<MethodSymbol> releaseMethod(Type type, String name, VisitorState state) {
    if (type == null) {
      return Optional.empty();
    }
    Types types = state.getTypes();
    MethodSymbol found = null;
    for (Symbol member :
        types.membersClosure(type, /* skipInterface= */ false)
            .getSymbolsByName(state.getName(name))) {
      if (member instanceof MethodSymbol method
          && method.getParameters().isEmpty()
          && !method.isStatic()
          && (found == null || method.owner.isSubClass(found.owner, types))) {
        found = method;
      }
    }
    return Optional.ofNullable(found);
  }

  /**
   * Whether code at {@code path} may throw every checked exception in {@code thrown}: caught by an
   * enclosing {@code try}, or declared by the enclosing method. A lambda or a class in between ends
   * the search: what it may throw is a question about another signature.
   */
  private static boolean mayThrow(List<Type> thrown, TreePath path, VisitorState state) {
    Type runtime = state.getSymtab().runtimeExceptionType;
    Type error = state.getSymtab().errorType;
    for (Type exception : thrown) {
      if (!ASTHelpers.isSubtype(exception, runtime, state)
          && !ASTHelpers.isSubtype(exception, error, state)
          && !isHandled(exception, path, state)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isHandled(Type exception, TreePath path, VisitorState state) {
    for (TreePath p = path; p.getParentPath() != null; p = p.getParentPath()) {
      Tree parent = p.getParentPath().getLeaf();
      if (parent instanceof TryTree tryTree && tryTree.getBlock() == p.getLeaf()) {
        for (CatchTree catchTree : tryTree.getCatches()) {
          Tree caught = catchTree.getParameter().getType();
          List<? extends Tree> alternatives =
              caught instanceof UnionTypeTree union
                  ? union.getTypeAlternatives()
                  : ImmutableList.of(caught);
          for (Tree alternative : alternatives) {
            if (ASTHelpers.isSubtype(exception, getType(alternative), state)) {
              return true;
            }
          }
        }
      } else if (parent instanceof MethodTree method) {
        return getSymbol(method).getThrownTypes().stream()
            .anyMatch(declared -> ASTHelpers.isSubtype(exception, declared, state));
      } else if (parent instanceof LambdaExpressionTree || parent instanceof ClassTree) {
        return false;
      }
    }
    return false;
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
