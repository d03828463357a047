package io.github.leakprone.analysis.growth;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.InstanceOfTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;

/**
 * What the tree enclosing a use of a container's content does with it: the one reading of the
 * enclosing tree that both {@link UseWalk} (which follows the use on) and {@link ContentChanges}
 * (which asks whether the use can grow anything) go by.
 */
enum UseSite {
  /** A parenthesis, cast or branch of {@code ?:}: the enclosing tree holds the same content. */
  PASSED_ON,
  /** The receiver of a call ({@code FIELD.add(x)}); the call is the grandparent. */
  RECEIVER,
  /** The qualifier of a method reference ({@code FIELD::add}). */
  METHOD_REFERENCE,
  /** The collection an enhanced for loop runs over. */
  LOOPED_OVER,
  /** The value of a declaration or assignment: stored in a local (an alias) or elsewhere. */
  STORED,
  /** The variable of an assignment: the content is replaced, not used. */
  REPLACED,
  /** An argument of a method call. */
  ARGUMENT,
  /** An argument of a constructor. */
  CONSTRUCTOR_ARGUMENT,
  /** Compared, tested with {@code instanceof}, locked on, or a statement of its own: only read. */
  READ,
  /** Returned, a lambda's result, put in an array or anything else: it leaves our sight. */
  ESCAPES;

  /** What the tree enclosing {@code use} does with it. */
  static UseSite of(TreePath use) {
    Tree child = use.getLeaf();
    TreePath parentPath = use.getParentPath();
    Tree parent = parentPath.getLeaf();
    if (parent instanceof ParenthesizedTree || parent instanceof TypeCastTree) {
      return PASSED_ON;
    }
    if (parent instanceof MemberSelectTree select
        && parentPath.getParentPath().getLeaf() instanceof MethodInvocationTree call
        && call.getMethodSelect() == select) {
      return RECEIVER;
    }
    if (parent instanceof MemberReferenceTree reference
        && reference.getQualifierExpression() == child) {
      return METHOD_REFERENCE;
    }
    if (parent instanceof EnhancedForLoopTree loop && loop.getExpression() == child) {
      return LOOPED_OVER;
    }
    if (parent instanceof VariableTree) {
      return STORED;
    }
    if (parent instanceof AssignmentTree assignment) {
      return assignment.getExpression() == child ? STORED : REPLACED;
    }
    if (parent instanceof MethodInvocationTree) {
      return ARGUMENT;
    }
    if (parent instanceof NewClassTree) {
      return CONSTRUCTOR_ARGUMENT;
    }
    if (parent instanceof ConditionalExpressionTree conditional
        && conditional.getCondition() != child) {
      return PASSED_ON;
    }
    if (parent instanceof BinaryTree
        || parent instanceof InstanceOfTree
        || parent instanceof SynchronizedTree
        || parent instanceof ExpressionStatementTree) {
      return READ;
    }
    return ESCAPES;
  }
}
