package io.github.leakprone.analysis;

import static com.google.errorprone.util.ASTHelpers.getSymbol;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.VisitorState;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import io.github.leakprone.catalog.ClientLifecycles;
import io.github.leakprone.catalog.OnceFlags;
import io.github.leakprone.catalog.RequestHandlers;
import io.github.leakprone.catalog.RunOnceMethods;
import io.github.leakprone.trees.Loops;
import io.github.leakprone.trees.MainMethods;
import io.github.leakprone.trees.PrivateCalls;
import io.github.leakprone.trees.Setters;
import io.github.leakprone.trees.ShutdownHooks;
import io.github.leakprone.trees.Tasks;
import io.github.leakprone.trees.TreePaths;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Tells whether code runs on every call of some method or lambda, or once per class or per owning
 * object. Only the former can build a client per call.
 */
public final class PerCallScope {

  /**
   * The method or lambda each of whose calls runs {@code path}'s leaf, or empty when the leaf runs
   * once per class or per object: static and instance initialisers, field initialisers,
   * constructors, {@code main}, methods that a container or a test runner calls once, code behind a
   * once-only flag ({@code if (!started.compareAndSet(false, true)) return;}), and private methods
   * called only from such code. A task that runs once where it is made ({@link Tasks#oneShotTask})
   * is part of the code that makes it.
   */
  public static Optional<Tree> of(TreePath path, VisitorState state) {
    return of(path, state, new HashSet<>());
  }

  /**
   * Whether the code at {@code path}, which runs per call of {@code body}, runs again for every
   * request or item: inside a loop of {@code body}, or in a method that handles a request (see
   * {@link RequestHandlers}), or a lambda in one.
   */
  public static boolean repeatsPerRequest(TreePath path, Tree body) {
    for (TreePath p = path; p != null && p.getLeaf() != body; p = p.getParentPath()) {
      if (Loops.isLoop(p.getLeaf())) {
        return true;
      }
    }
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof MethodTree method) {
        return RequestHandlers.handlesRequests(getSymbol(method));
      }
      if (p.getLeaf() instanceof ClassTree) {
        return false;
      }
    }
    return false;
  }

  private static Optional<Tree> of(TreePath path, VisitorState state, Set<MethodSymbol> visiting) {
    for (TreePath p = path.getParentPath(); p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      TreePath oneShotTask = Tasks.oneShotTask(p, state);
      if (oneShotTask != null) {
        // Run once where it is made: its body runs per call of the code around it.
        p = oneShotTask;
        continue;
      }
      if (leaf instanceof LambdaExpressionTree) {
        return behindOnceFlag(path, leaf) || ShutdownHooks.runsAtShutdown(p)
            ? Optional.empty()
            : Optional.of(leaf);
      }
      if (leaf instanceof MethodTree method) {
        return runsOnce(method)
                || ShutdownHooks.runsAtShutdown(p)
                || behindOnceFlag(path, method)
                || calledOnlyFromRunOnceCode(p, state, visiting)
                || PrivateCalls.neverCalled(p)
            ? Optional.empty()
            : Optional.of(method);
      }
      Tree parent = p.getParentPath() == null ? null : p.getParentPath().getLeaf();
      boolean classMember = parent instanceof ClassTree;
      if (leaf instanceof ClassTree
          || (classMember && (leaf instanceof VariableTree || leaf instanceof BlockTree))) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static boolean runsOnce(MethodTree method) {
    MethodSymbol symbol = getSymbol(method);
    // A method that ends its object's life (close(), destroy()) runs once per object, as its
    // constructor does: MariaDB's pool builds an executor in close() to abort its connections.
    return symbol.isConstructor()
        || ClientLifecycles.ends(symbol)
        || MainMethods.isMain(symbol)
        || RunOnceMethods.carriesRunOnceAnnotation(symbol, RunOnceMethods.ONCE_PER_BEAN);
  }

  /**
   * Whether the code at {@code path} runs once per object (or class), however often the method is
   * called: behind a flag field of the class that {@code body} sets ({@link OnceFlags#guards}). A
   * local flag is no guard: it starts afresh on every call.
   */
  private static boolean behindOnceFlag(TreePath path, Tree body) {
    return OnceFlags.guards(path, body, flag -> true);
  }

  /**
   * Whether the method at {@code methodPath} is private, or a setter, and every call of it in its
   * top-level class (there is at least one) runs once: in a constructor, an initialiser, a run-once
   * method, behind a once-only flag, or in another such method. A setter its class's constructors
   * use as their initialiser ({@code ConcurrentTaskExecutor() { setConcurrentExecutor(null); }},
   * which builds the default executor when given none) configures an object; other code calls it to
   * configure it again, not per request.
   */
  private static boolean calledOnlyFromRunOnceCode(
      TreePath methodPath, VisitorState state, Set<MethodSymbol> visiting) {
    MethodSymbol symbol = getSymbol((MethodTree) methodPath.getLeaf());
    if (!visiting.add(symbol)) {
      return false; // recursion: a cycle of calls proves nothing
    }
    try {
      TreePath topLevel = TreePaths.topLevelClass(methodPath);
      Optional<ImmutableList<TreePath>> calls =
          Setters.isSetter(symbol) && topLevel != null
              ? PrivateCalls.callsIn(topLevel, symbol)
              : PrivateCalls.callSites(methodPath);
      if (calls.isEmpty() || calls.get().isEmpty()) {
        return false;
      }
      for (TreePath call : calls.get()) {
        if (of(call, state, visiting).isPresent()) {
          return false;
        }
      }
      return true;
    } finally {
      visiting.remove(symbol);
    }
  }

  private PerCallScope() {}
}
