package io.github.leakprone.trees;

import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.WhileLoopTree;

/** Java's four loops. */
public final class Loops {

  /** Whether {@code tree} is a {@code for}, enhanced {@code for}, {@code while} or {@code do}. */
  public static boolean isLoop(Tree tree) {
    return tree instanceof ForLoopTree
        || tree instanceof EnhancedForLoopTree
        || tree instanceof WhileLoopTree
        || tree instanceof DoWhileLoopTree;
  }

  private Loops() {}
}
