package io.github.leakprone.analysis.growth;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import io.github.leakprone.catalog.OnceFlags;

/**
 * Code that runs once per JVM however often its method is called: behind a static flag that the
 * method sets and nothing clears ({@code if (!initialized) { ...; initialized = true; }}), as
 * jMimeMagic fills its file-type table. A static container filled there holds one fill, as if
 * filled in a static initializer. A flag of the object guards once per object, which for a static
 * container is no bound: every new object fills it again.
 */
final class OncePerJvm {

  /** Whether the code at {@code path} runs once per JVM, behind a static once-only flag. */
  static boolean runs(TreePath path) {
    for (TreePath p = path.getParentPath(); p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof MethodTree method) {
        return method.getBody() != null
            && OnceFlags.guards(path, method.getBody(), ASTHelpers::isStatic);
      }
      if (leaf instanceof LambdaExpressionTree || leaf instanceof ClassTree) {
        return false; // a lambda runs on its own schedule; an initializer is judged as one
      }
    }
    return false;
  }

  private OncePerJvm() {}
}
