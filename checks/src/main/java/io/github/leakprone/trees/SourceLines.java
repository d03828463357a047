package io.github.leakprone.trees;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.tree.JCTree;

/** Line numbers as a user reads them in javac's output. */
public final class SourceLines {

  /**
   * The line javac reports for {@code tree}: its preferred position, so a call spread over several
   * lines is on the line of its method name, where the warning about it stands too.
   */
  public static int lineOf(Tree tree, VisitorState state) {
    return (int)
        state
            .getPath()
            .getCompilationUnit()
            .getLineMap()
            .getLineNumber(((JCTree) tree).getPreferredPosition());
  }

  private SourceLines() {}
}
