package io.github.leakprone.fixes;

import static com.google.errorprone.util.ASTHelpers.getReceiver;
import static com.google.errorprone.util.ASTHelpers.getStartPosition;
import static com.google.errorprone.util.ASTHelpers.getSymbol;
import static com.google.errorprone.util.ASTHelpers.getType;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ReturnTree;
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
import io.github.leakprone.catalog.ContainerStores;
import io.github.leakprone.catalog.ReleaseNames;
import io.github.leakprone.trees.Casts;
import io.github.leakprone.trees.LocalUses;
import io.github.leakprone.trees.NoArgMethods;
import io.github.leakprone.trees.SourceText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ElementKind;

/**
 * Releases a resource held by a local on every path: {@code T x = acquire(); rest...} becomes
 * {@code try (T x = acquire()) { rest... }} when the release is {@code close()} of an {@link
 * AutoCloseable}, else {@code T x = acquire(); try { rest... } finally { x.release(); }}. The rest
 * of the block moves into the {@code try}, so every name it declares keeps its scope. A release
 * that ended the block is what the new {@code try} does: under try-with-resources it goes, in the
 * other form it moves into the {@code finally} as written ({@code shutdownNow()}, a {@code
 * closeQuietly(x)} helper).
 *
 * <p>Offered only when it keeps behaviour and compiles: the local only lends the resource (calls on
 * it, arguments to methods, null checks; a resource that is returned, stored, wrapped or captured
 * must outlive the block), it is never reassigned, and the release the fix adds resolves on the
 * declared type with its checked exceptions handled where it goes. Used by every check whose
 * resources a local can hold: JDBC's, and the must-release heavyweight clients.
 */
public final class ReleaseOnEveryPath {

  /** A fix and the source range it rewrites, so that a caller can keep its fixes apart. */
  public record Rewrite(SuggestedFix fix, int start, int end) {}

  /**
   * The fix for the acquisition at {@code stateAtSite}'s path, if it initialises a local declared
   * in a block; none when its rewrite would overlap one in {@code taken}. No other leak joins its
   * try.
   */
  public static Optional<Rewrite> fix(
      ImmutableSet<String> releaseMethods,
      String primaryRelease,
      VisitorState stateAtSite,
      LocalUses uses,
      List<Rewrite> taken) {
    return fix(releaseMethods, primaryRelease, stateAtSite, uses, taken, ImmutableSet.of());
  }

  /**
   * As above; and when the fix is a try-with-resources, the locals declared right after this one
   * whose initializers are among {@code otherLeaks} (acquisitions that leak too) join its resources
   * ({@code try (Connection c = ...; Statement st = c.createStatement())}), so that one run of the
   * fixes gives one try, where a fix per leak would give a try in a try after two runs.
   *
   * @param releaseMethods the methods that release the resource when called on it
   * @param primaryRelease the one the fix calls
   * @param uses the index of the enclosing body's variables
   */
  public static Optional<Rewrite> fix(
      ImmutableSet<String> releaseMethods,
      String primaryRelease,
      VisitorState stateAtSite,
      LocalUses uses,
      List<Rewrite> taken,
      Set<? extends Tree> otherLeaks) {
    TreePath localPath = stateAtSite.getPath().getParentPath();
    if (!(localPath.getLeaf() instanceof VariableTree local)
        || !(localPath.getParentPath().getLeaf() instanceof BlockTree block)) {
      return Optional.empty();
    }
    List<? extends StatementTree> statements = block.getStatements();
    int start = getStartPosition(local);
    int end = stateAtSite.getEndPosition(statements.get(statements.size() - 1));
    // Checked before any other work: many findings in one block would each rewrite all of it.
    if (taken.stream().anyMatch(other -> start < other.end() && other.start() < end)) {
      return Optional.empty();
    }
    boolean withResources = primaryRelease.equals("close") && isAutoCloseable(local, stateAtSite);
    Releasable releasable =
        new Releasable(block, localPath, releaseMethods, primaryRelease, uses, stateAtSite);
    if (!releasable.test(local, withResources)) {
      return Optional.empty();
    }
    int next = statements.indexOf(local) + 1;
    if (!withResources) {
      return Optional.of(
          new Rewrite(
              SuggestedFix.replace(
                  start,
                  end,
                  tryFinally(
                      local,
                      block,
                      statements.subList(next, statements.size()),
                      releaseMethods,
                      primaryRelease,
                      stateAtSite)),
              start,
              end));
    }
    List<VariableTree> resources = new ArrayList<>();
    resources.add(local);
    while (next < statements.size()
        && statements.get(next) instanceof VariableTree following
        && otherLeaks.contains(following.getInitializer())
        && SourceText.onlyBlankBetween(resources.get(resources.size() - 1), following, stateAtSite)
        && isAutoCloseable(following, stateAtSite)
        && releasable.test(following, true)) {
      resources.add(following);
      next++;
    }
    String text =
        TryWithResources.text(
            resources,
            localPath.getParentPath(),
            statements.subList(next, statements.size()),
            resourceUses(resources, releaseMethods, uses),
            stateAtSite);
    return Optional.of(new Rewrite(SuggestedFix.replace(start, end, text), start, end));
  }

  /**
   * Whether the fix may release a local's resource at the end of its block: the local only lends
   * the resource, is never reassigned, and the release the fix adds (try-with-resources' implicit
   * close(), or a new call in the finally) compiles where it goes: on the declared type, with its
   * checked exceptions handled there. A release that ended the block and moves into the finally
   * compiled there already.
   */
  private record Releasable(
      BlockTree block,
      TreePath localPath,
      ImmutableSet<String> releaseMethods,
      String primaryRelease,
      LocalUses uses,
      VisitorState state) {

    boolean test(VariableTree local, boolean withResources) {
      VarSymbol symbol = getSymbol(local);
      if (symbol.getKind() != ElementKind.LOCAL_VARIABLE
          || uses.isAssigned(symbol)
          || !onlyLends(symbol, uses, block, releaseMethods, state)) {
        return false;
      }
      List<? extends StatementTree> statements = block.getStatements();
      StatementTree last = statements.get(statements.size() - 1);
      boolean releaseEndsBlock = last != local && isRelease(last, symbol, releaseMethods);
      if (withResources || !releaseEndsBlock) {
        Optional<MethodSymbol> release = NoArgMethods.find(getType(local), primaryRelease, state);
        return release.isPresent() && mayThrow(release.get().getThrownTypes(), localPath, state);
      }
      return true;
    }
  }

  /**
   * The statements that release one of {@code resources}, and the uses of each resource (as
   * positions) other than those releases.
   */
  private static RedundantReleases.Resources resourceUses(
      List<VariableTree> resources, ImmutableSet<String> releaseMethods, LocalUses uses) {
    Set<Symbol> symbols = new HashSet<>();
    resources.forEach(resource -> symbols.add(getSymbol(resource)));
    return new RedundantReleases.Resources() {
      @Override
      public boolean isRelease(StatementTree statement) {
        return releasedBy(statement) != null;
      }

      @Override
      public boolean usedIn(StatementTree release, int start, int end) {
        Symbol symbol = releasedBy(release);
        for (TreePath use : uses.usesOf(symbol)) {
          int position = getStartPosition(use.getLeaf());
          if (position >= start && position < end && !isInRelease(use, symbol)) {
            return true;
          }
        }
        return false;
      }

      @Override
      public boolean anyUsedIn(int start, int end) {
        for (Symbol symbol : symbols) {
          for (TreePath use : uses.usesOf(symbol)) {
            int position = getStartPosition(use.getLeaf());
            if (position >= start && position < end) {
              return true;
            }
          }
        }
        return false;
      }

      private Symbol releasedBy(StatementTree statement) {
        for (Symbol symbol : symbols) {
          if (ReleaseOnEveryPath.isRelease(statement, symbol, releaseMethods)) {
            return symbol;
          }
        }
        return null;
      }

      private boolean isInRelease(TreePath use, Symbol symbol) {
        for (TreePath p = use; p != null; p = p.getParentPath()) {
          if (p.getLeaf() instanceof StatementTree statement) {
            return ReleaseOnEveryPath.isRelease(statement, symbol, releaseMethods);
          }
        }
        return false;
      }
    };
  }

  /**
   * {@code T x = acquire(); try { rest } finally { x.release(); }}: the statements that go into the
   * try are re-indented one step; a release that ended the block moves into the finally as written
   * ({@code shutdownNow()}, a {@code closeQuietly(x)} helper).
   */
  private static String tryFinally(
      VariableTree local,
      BlockTree block,
      List<? extends StatementTree> rest,
      ImmutableSet<String> releaseMethods,
      String primaryRelease,
      VisitorState state) {
    CharSequence source = state.getSourceCode();
    int start = getStartPosition(local);
    int declarationEnd = state.getEndPosition(local);
    String indent = SourceText.indentationAt(start, state);
    String unit = SourceText.indentStep(indent, block, state);
    String declaration = source.subSequence(start, declarationEnd).toString();
    boolean releaseEndsBlock =
        !rest.isEmpty() && isRelease(rest.get(rest.size() - 1), getSymbol(local), releaseMethods);
    // A release in the middle stays where it was (a second release is harmless, a later one would
    // keep the resource open longer than the code says).
    List<? extends StatementTree> body = releaseEndsBlock ? rest.subList(0, rest.size() - 1) : rest;
    int bodyEnd = body.isEmpty() ? declarationEnd : state.getEndPosition(body.get(body.size() - 1));
    String indented =
        SourceText.reindent(source.subSequence(declarationEnd, bodyEnd).toString(), unit);
    String release =
        releaseEndsBlock
            ? state.getSourceForNode(rest.get(rest.size() - 1))
            : local.getName() + "." + primaryRelease + "();";
    return String.format(
        "%s\n%stry {%s\n%s} finally {\n%s%s%s\n%s}",
        declaration, indent, indented, indent, indent, unit, release, indent);
  }

  /** Whether every use of {@code symbol} only borrows the resource. */
  private static boolean onlyLends(
      VarSymbol symbol,
      LocalUses uses,
      BlockTree block,
      ImmutableSet<String> releaseMethods,
      VisitorState state) {
    for (TreePath use : uses.usesOf(symbol)) {
      if (isCaptured(use, block) || !isLendingUse(use, releaseMethods, state)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the call at {@code call}, on the resource, makes a closeable that the method returns: a
   * pool's physical connection's handle ({@code return physical.getConnection();}), a connection's
   * statement. The resource must outlive the block for it to work.
   */
  private static boolean returnsAChildOf(TreePath call, VisitorState state) {
    Type result = getType(call.getLeaf());
    if (result == null
        || !ASTHelpers.isSubtype(result, state.getSymtab().autoCloseableType, state)) {
      return false;
    }
    return Casts.outermost(call).getParentPath().getLeaf() instanceof ReturnTree;
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

  private static boolean isLendingUse(
      TreePath use, ImmutableSet<String> releaseMethods, VisitorState state) {
    Tree parent = use.getParentPath().getLeaf();
    if (parent instanceof MemberSelectTree) {
      TreePath call = use.getParentPath().getParentPath();
      return call.getLeaf() instanceof MethodInvocationTree && !returnsAChildOf(call, state);
    }
    if (parent instanceof MemberReferenceTree reference) {
      // pool::execute handed to a call (tasks.forEach(pool::execute)) is a call on it made there.
      return use.getParentPath().getParentPath().getLeaf() instanceof MethodInvocationTree call
          && call.getArguments().contains(reference);
    }
    if (parent instanceof BinaryTree comparison) {
      return comparison.getKind() == Tree.Kind.EQUAL_TO
          || comparison.getKind() == Tree.Kind.NOT_EQUAL_TO;
    }
    if (parent instanceof MethodInvocationTree call) {
      // An argument: lent, unless the callee keeps it (a collection, a decorator it returns).
      String name = getSymbol(call).getSimpleName().toString();
      Type result = getType(call);
      Type argument = getType(use.getLeaf());
      boolean decorates =
          result != null
              && argument != null
              && !result.isPrimitiveOrVoid()
              && !ReleaseNames.isReleaseHelper(name)
              && ASTHelpers.isSubtype(result, argument, state);
      return call.getArguments().contains(use.getLeaf())
          && !ContainerStores.mayStoreArgument(name)
          && !ContainerStores.storesArgument(call, state)
          && !releaseMethods.contains(name)
          && !decorates;
    }
    // Returned, stored, wrapped by a constructor: it must outlive the block.
    return false;
  }

  /**
   * Whether {@code statement} is {@code x.release();} for one of the release methods, or a release
   * helper such as {@code IOUtils.closeQuietly(x);}.
   */
  static boolean isRelease(
      StatementTree statement, Symbol symbol, ImmutableSet<String> releaseMethods) {
    if (!(statement instanceof ExpressionStatementTree expression)
        || !(expression.getExpression() instanceof MethodInvocationTree call)) {
      return false;
    }
    String name = getSymbol(call).getSimpleName().toString();
    if (getReceiver(call) instanceof IdentifierTree receiver && getSymbol(receiver) == symbol) {
      return releaseMethods.contains(name);
    }
    return ReleaseNames.isReleaseHelper(name)
        && call.getArguments().stream()
            .anyMatch(
                argument -> argument instanceof IdentifierTree && getSymbol(argument) == symbol);
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

  private ReleaseOnEveryPath() {}
}
