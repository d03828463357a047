package io.github.leakprone.trees;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import javax.annotation.Nullable;

/** Questions about where a tree stands among its ancestors. */
public final class TreePaths {

  /** The path to {@code ancestor}, which must enclose {@code inner}'s leaf (or be it). */
  public static TreePath pathTo(Tree ancestor, TreePath inner) {
    for (TreePath p = inner; p != null; p = p.getParentPath()) {
      if (p.getLeaf() == ancestor) {
        return p;
      }
    }
    throw new IllegalArgumentException("not an ancestor of the path's leaf");
  }

  /**
   * The method or lambda whose body runs {@code path}'s leaf, or null for code in a field
   * initializer or an initializer block, which belongs to no method.
   */
  @Nullable
  public static TreePath enclosingMethodOrLambda(TreePath path) {
    for (TreePath p = path.getParentPath(); p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof MethodTree || leaf instanceof LambdaExpressionTree) {
        return p;
      }
      if (leaf instanceof ClassTree) {
        return null;
      }
    }
    return null;
  }

  /** The class that most closely encloses {@code path}'s leaf (or is it), or null. */
  @Nullable
  public static ClassTree enclosingClass(TreePath path) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof ClassTree owner) {
        return owner;
      }
    }
    return null;
  }

  /**
   * The method whose call runs the code at {@code path}'s leaf: the one around it, through the
   * lambdas on the way (a lambda runs when its method does, or later); null for code in an
   * initializer, or in a class declared inside a method.
   */
  @Nullable
  public static TreePath enclosingMethod(TreePath path) {
    TreePath method = enclosingMethodOrLambda(path);
    while (method != null && !(method.getLeaf() instanceof MethodTree)) {
      method = enclosingMethodOrLambda(method);
    }
    return method;
  }

  /**
   * The statement of {@code block} that runs {@code path}'s leaf (or is it), or null if none does.
   */
  @Nullable
  public static Tree statementOf(BlockTree block, TreePath path) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (p.getParentPath() != null && p.getParentPath().getLeaf() == block) {
        return p.getLeaf();
      }
    }
    return null;
  }

  /** The path of the outermost class around {@code path}'s leaf, or null outside any class. */
  @Nullable
  public static TreePath topLevelClass(TreePath path) {
    TreePath topLevel = null;
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof ClassTree) {
        topLevel = p;
      }
    }
    return topLevel;
  }

  /** The body of a method (null when abstract) or of a lambda (a block or an expression). */
  @Nullable
  public static Tree bodyOf(Tree methodOrLambda) {
    return methodOrLambda instanceof MethodTree method
        ? method.getBody()
        : ((LambdaExpressionTree) methodOrLambda).getBody();
  }

  private TreePaths() {}
}
