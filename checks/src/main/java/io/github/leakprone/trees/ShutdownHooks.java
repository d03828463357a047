package io.github.leakprone.trees;

import static com.google.errorprone.util.ASTHelpers.getSymbol;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.MethodSymbol;

/**
 * Code handed to a shutdown hook: the JVM (or a project's own shutdown registry) runs it once, as
 * the program ends, however it is written.
 */
public final class ShutdownHooks {

  /**
   * Whether the method at {@code methodPath} belongs to an anonymous class, or {@code lambda} is a
   * lambda, handed to a shutdown registration: directly, or inside the thread that carries it
   * ({@code Runtime.getRuntime().addShutdownHook(new Thread(() -> ...))}, hprose's {@code
   * Threads.registerShutdownHandler(new Runnable() { ... })}). A registration is a call whose name
   * has the word {@code Shutdown} in it.
   */
  public static boolean runsAtShutdown(TreePath methodOrLambda) {
    TreePath made = methodOrLambda;
    if (!(made.getLeaf() instanceof LambdaExpressionTree)) {
      TreePath owner = made.getParentPath();
      if (owner == null
          || !(owner.getLeaf() instanceof ClassTree)
          || owner.getParentPath() == null
          || !(owner.getParentPath().getLeaf() instanceof NewClassTree)) {
        return false;
      }
      made = owner.getParentPath();
    }
    Tree given = made.getLeaf();
    for (TreePath p = made.getParentPath(); p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof ParenthesizedTree || leaf instanceof TypeCastTree) {
        given = leaf;
        continue;
      }
      if (leaf instanceof NewClassTree carrier && carrier.getArguments().contains(given)) {
        given = carrier; // new Thread(() -> ...), itself handed on
        continue;
      }
      if (!(leaf instanceof MethodInvocationTree call) || !call.getArguments().contains(given)) {
        return false;
      }
      MethodSymbol registration = getSymbol(call);
      return registration != null && registration.getSimpleName().toString().contains("Shutdown");
    }
    return false;
  }

  private ShutdownHooks() {}
}
