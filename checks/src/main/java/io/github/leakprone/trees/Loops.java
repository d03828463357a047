package io.github.leakprone.trees;

import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.WhileLoopTree;
import javax.annotation.Nullable;

/** Java's four loops. */
public final class Loops {

  /** Whether {@code tree} is a {@code for}, enhanced {@code for}, {@code while} or {@code do}. */
  public static boolean isLoop(Tree tree) {
    return tree instanceof ForLoopTree
        || tree instanceof EnhancedForLoopTree
        || tree instanceof WhileLoopTree
        || tree instanceof DoWhileLoopTree;
  }

  /** The body of {@code loop}, one of the four; null for any other tree. */
  public static @Nullable StatementTree body(Tree loop) {
    if (loop instanceof ForLoopTree forLoop) {
      return forLoop.getStatement();
    }
    if (loop instanceof EnhancedForLoopTree forEach) {
      return forEach.getStatement();
    }
    if (loop instanceof WhileLoopTree whileLoop) {
      return whileLoop.getStatement();
    }
    return loop instanceof DoWhileLoopTree doWhile ? doWhile.getStatement() : null;
  }

  private Loops() {}
}
