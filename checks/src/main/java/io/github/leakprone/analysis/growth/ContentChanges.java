package io.github.leakprone.analysis.growth;

import static com.google.errorprone.util.ASTHelpers.getSymbol;
import static com.google.errorprone.util.ASTHelpers.getType;

import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import io.github.leakprone.catalog.ContainerCalls;
import io.github.leakprone.catalog.ContainerFlow;
import io.github.leakprone.catalog.ContainerKind;

/**
 * Whether a reference to a watched field may lead {@link UseWalk} to a growth that {@link
 * StaticGrowth} judges. Most references cannot: a lookup table filled by statements of a static
 * initializer, read elsewhere and handed out, has no such growth, and {@link UnitIndex} asks this
 * of every reference so that the analysis of such a unit stops before it follows a single use
 * (docs/performance.md).
 *
 * <p>The answer errs towards yes. It is no only for a use that ends where {@link UseWalk} ends it
 * without a growth: the field replaced, only read, returned or otherwise escaping, given to a
 * constructor or to a method that neither grows its argument nor hands it back live; a call on the
 * field that its container kinds list neither as a growth nor as handing out a view, and that does
 * not give elements to a lambda or remove through a function ({@code size()}, {@code
 * containsKey(k)}, {@code remove(k)}), or that hands out a part no container can be ({@code get(k)}
 * of a map of strings); and a call on the field that is a statement of static initialisation itself
 * ({@code FIELD.put(k, v);} in a static block, not in a lambda, method or class body there): a
 * growth in static initialisation is never judged, and nothing of the call's result is kept.
 */
final class ContentChanges {

  /**
   * Whether the reference at {@code reference} to {@code field} may lead to a judged growth; {@code
   * inStaticInit} says whether it stands in static initialisation itself.
   */
  static boolean mayGrow(
      TreePath reference, VarSymbol field, boolean inStaticInit, ContainerTypes types) {
    TreePath parent = reference.getParentPath();
    return switch (UseSite.of(reference)) {
      case REPLACED, READ, ESCAPES, CONSTRUCTOR_ARGUMENT -> false;
      case ARGUMENT -> mayGrowOrHandOn(getSymbol((MethodInvocationTree) parent.getLeaf()), types);
      case RECEIVER -> mayGrowAsReceiver(parent.getParentPath(), field, inStaticInit, types);
      case PASSED_ON, METHOD_REFERENCE, LOOPED_OVER, STORED -> true;
    };
  }

  /** A static mutator ({@code Collections.addAll}) or a live wrapper may grow its argument. */
  private static boolean mayGrowOrHandOn(MethodSymbol method, ContainerTypes types) {
    return types.staticMutation(method).isPresent()
        || types.matchesAny(method, ContainerFlow.PASS_THROUGH);
  }

  private static boolean mayGrowAsReceiver(
      TreePath callPath, VarSymbol field, boolean inStaticInit, ContainerTypes types) {
    if (inStaticInit && callPath.getParentPath().getLeaf() instanceof ExpressionStatementTree) {
      return false;
    }
    MethodInvocationTree call = (MethodInvocationTree) callPath.getLeaf();
    String name = ((MemberSelectTree) call.getMethodSelect()).getIdentifier().toString();
    if (ContainerCalls.ELEMENT_CALLBACKS.contains(name)
        || ContainerCalls.REMOVE_ON_NULL.contains(name)) {
      return true;
    }
    for (ContainerKind kind : types.kindsOf(field.type)) {
      if (kind.growth().contains(name) || kind.views().contains(name)) {
        return true;
      }
      if (kind.parts().contains(name) && types.reaches(getType(call))) {
        return true;
      }
    }
    return false;
  }

  private ContentChanges() {}
}
