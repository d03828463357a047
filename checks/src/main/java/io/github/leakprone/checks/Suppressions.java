package io.github.leakprone.checks;

import static com.google.errorprone.util.ASTHelpers.getSymbol;

import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;

/**
 * {@code @SuppressWarnings} for a finding that Error Prone does not place itself. Error Prone skips
 * a check's matcher inside a suppressed declaration, but a check that reports where its analysis
 * found something, away from the tree it was asked about, must look for itself.
 */
final class Suppressions {

  /**
   * Whether a declaration around {@code site} (a local, a method, a class) suppresses {@code
   * check}.
   */
  static boolean around(BugChecker check, TreePath site, VisitorState state) {
    for (TreePath p = site; p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof MethodTree || leaf instanceof ClassTree || leaf instanceof VariableTree) {
        Symbol symbol = getSymbol(leaf);
        if (symbol != null && check.isSuppressed(symbol, state)) {
          return true;
        }
      }
    }
    return false;
  }

  private Suppressions() {}
}
