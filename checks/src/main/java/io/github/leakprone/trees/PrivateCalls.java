package io.github.leakprone.trees;

import static com.google.errorprone.util.ASTHelpers.getSymbol;

import com.google.common.collect.ImmutableList;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/** Where a private method is called from: only its top-level class can call it. */
public final class PrivateCalls {

  /**
   * The paths of every call of the private method at {@code methodPath}, or empty when the method
   * is not private or is referenced other than by a call (a method reference may run anywhere).
   */
  public static Optional<ImmutableList<TreePath>> callSites(TreePath methodPath) {
    MethodTree method = (MethodTree) methodPath.getLeaf();
    MethodSymbol symbol = getSymbol(method);
    if (symbol == null || !symbol.getModifiers().contains(Modifier.PRIVATE)) {
      return Optional.empty();
    }
    TreePath topLevel = null;
    for (TreePath p = methodPath; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof ClassTree) {
        topLevel = p;
      }
    }
    if (topLevel == null) {
      return Optional.empty();
    }
    return callsIn(topLevel, symbol);
  }

  /**
   * The paths of every call of {@code symbol} in the code at {@code scope}, or empty when the code
   * there also references it other than by a call (a method reference may run anywhere).
   */
  public static Optional<ImmutableList<TreePath>> callsIn(TreePath scope, MethodSymbol symbol) {
    List<TreePath> calls = new ArrayList<>();
    boolean[] otherReference = new boolean[1];
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
        if (getSymbol(tree) == symbol) {
          calls.add(getCurrentPath());
        }
        return super.visitMethodInvocation(tree, null);
      }

      @Override
      public Void visitMemberReference(MemberReferenceTree tree, Void unused) {
        if (getSymbol(tree) == symbol) {
          otherReference[0] = true;
        }
        return super.visitMemberReference(tree, null);
      }
    }.scan(scope, null);
    return otherReference[0] ? Optional.empty() : Optional.of(ImmutableList.copyOf(calls));
  }

  private PrivateCalls() {}
}
