package io.github.leakprone.fixes;

import static com.google.errorprone.util.ASTHelpers.getStartPosition;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.tree.JCTree.JCBreak;
import com.sun.tools.javac.tree.JCTree.JCContinue;
import io.github.leakprone.trees.Loops;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The releases of a try-with-resources' resources that the try makes redundant: {@code x.close()}
 * where nothing that may run after it, before the try ends, uses {@code x} again. A person who
 * writes the try deletes those; one that is followed by a use of the resource (a loop that goes
 * round again, a {@code continue} back into it) is part of what the code does, and stays.
 */
final class RedundantReleases {

  /** Which statements are releases of which resource, and where each resource is used. */
  interface Resources {
    /** Whether {@code statement} releases one of the resources. */
    boolean isRelease(StatementTree statement);

    /**
     * Whether code in {@code [start, end)} uses the resource {@code release} releases, other than
     * to release it.
     */
    boolean usedIn(StatementTree release, int start, int end);

    /** Whether code in {@code [start, end)} names any of the resources, releases included. */
    boolean anyUsedIn(int start, int end);
  }

  /**
   * The releases among (and within) {@code statements}, the rest of {@code block} that the try will
   * hold, that the try makes redundant.
   */
  static Set<StatementTree> in(
      TreePath blockPath,
      List<? extends StatementTree> statements,
      Resources resources,
      VisitorState state) {
    if (statements.isEmpty()) {
      return Set.of();
    }
    int regionStart = getStartPosition(statements.get(0));
    int regionEnd = state.getEndPosition(statements.get(statements.size() - 1));
    List<TreePath> releases = new ArrayList<>();
    for (StatementTree statement : statements) {
      if (resources.isRelease(statement)) {
        releases.add(new TreePath(blockPath, statement));
        continue;
      }
      new TreePathScanner<Void, Void>() {
        @Override
        public Void visitLambdaExpression(LambdaExpressionTree tree, Void unused) {
          return null; // runs some other time: not this try's code
        }

        @Override
        public Void visitClass(ClassTree tree, Void unused) {
          return null;
        }

        @Override
        public Void scan(Tree tree, Void unused) {
          if (tree instanceof StatementTree candidate && resources.isRelease(candidate)) {
            releases.add(new TreePath(getCurrentPath(), tree));
            return null;
          }
          return super.scan(tree, null);
        }
      }.scan(new TreePath(blockPath, statement), null);
    }
    Set<StatementTree> redundant = new LinkedHashSet<>();
    for (TreePath release : releases) {
      StatementTree statement = (StatementTree) release.getLeaf();
      Predicate<Tree> uses =
          tree -> resources.usedIn(statement, getStartPosition(tree), state.getEndPosition(tree));
      if (nothingAfterUses(release, blockPath.getLeaf(), regionStart, regionEnd, uses)) {
        redundant.add(statement);
      }
    }
    return redundant;
  }

  /**
   * Whether no code that may run after {@code from}, until control leaves the try's region, uses
   * the resource: walks out from {@code from} to {@code block}, through the statements that follow
   * each level, loops that may go round again, and a try's catches and finally.
   */
  private static boolean nothingAfterUses(
      TreePath from, Tree block, int regionStart, int regionEnd, Predicate<Tree> uses) {
    TreePath p = from;
    while (true) {
      Tree leaf = p.getLeaf();
      TreePath parentPath = p.getParentPath();
      Tree parent = parentPath.getLeaf();
      if (parent instanceof BlockTree enclosing) {
        List<? extends StatementTree> siblings = enclosing.getStatements();
        TreePath next = null;
        for (StatementTree sibling :
            siblings.subList(siblings.indexOf(leaf) + 1, siblings.size())) {
          if (uses.test(sibling)) {
            return false;
          }
          if (sibling instanceof ReturnTree || sibling instanceof ThrowTree) {
            return true;
          }
          Tree target = jumpTarget(sibling);
          if (target != null) {
            int position = getStartPosition(target);
            if (position < regionStart || position >= regionEnd) {
              return true; // leaves the try
            }
            if (sibling instanceof ContinueTree && uses.test(target)) {
              return false; // the loop goes round again
            }
            next = enclosingPath(parentPath, target);
            break;
          }
        }
        if (next != null) {
          p = next;
          continue;
        }
        if (parent == block) {
          return true; // the end of the try
        }
        p = parentPath;
      } else if (parent instanceof TryTree tryTree) {
        // An exception after the release may reach a catch, and the finally runs in any case.
        if (tryTree.getBlock() == leaf) {
          for (Tree handler : tryTree.getCatches()) {
            if (uses.test(handler)) {
              return false;
            }
          }
        }
        if (tryTree.getFinallyBlock() != null
            && tryTree.getFinallyBlock() != leaf
            && uses.test(tryTree.getFinallyBlock())) {
          return false;
        }
        p = parentPath;
      } else if (Loops.isLoop(parent)) {
        if (uses.test(parent)) {
          return false;
        }
        p = parentPath;
      } else if (parent instanceof IfTree
          || parent instanceof LabeledStatementTree
          || parent instanceof SynchronizedTree) {
        p = parentPath;
      } else {
        return false; // a switch's case, or anything else: keep the release as written
      }
    }
  }

  /** The statement a {@code break} or {@code continue} goes to, as javac resolved it; else null. */
  private static Tree jumpTarget(StatementTree statement) {
    if (statement instanceof JCBreak jump) {
      return jump.target;
    }
    if (statement instanceof JCContinue jump) {
      return jump.target;
    }
    return null;
  }

  private static TreePath enclosingPath(TreePath path, Tree ancestor) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (p.getLeaf() == ancestor) {
        return p;
      }
    }
    throw new IllegalStateException("a jump's target encloses it");
  }

  private RedundantReleases() {}
}
