package io.github.leakprone.trees;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.api.JavacTrees;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import java.util.Optional;

/**
 * A template method's hook: a method that implements or overrides one its superclass declares and
 * calls from its own code ({@code startPolling()} calls {@code schedule(task)}, which each subclass
 * implements). When the superclass is compiled with the unit, its calls are in sight.
 */
public final class TemplateHooks {

  /**
   * The calls that the superclasses of {@code method}'s class, compiled with the unit, make to the
   * methods it overrides; empty when there are none, or when one of them is also referenced other
   * than by a call (see {@link PrivateCalls#callsIn}).
   */
  public static Optional<ImmutableList<TreePath>> callSitesInSuperclasses(
      MethodSymbol method, VisitorState state) {
    ImmutableList.Builder<TreePath> calls = ImmutableList.builder();
    for (MethodSymbol hook : ASTHelpers.findSuperMethods(method, state.getTypes())) {
      if (!(hook.owner instanceof ClassSymbol declaring)) {
        continue;
      }
      TreePath declaration = JavacTrees.instance(state.context).getPath(declaring);
      if (declaration == null) {
        continue;
      }
      Optional<ImmutableList<TreePath>> found = PrivateCalls.callsIn(declaration, hook);
      if (found.isEmpty()) {
        return Optional.empty();
      }
      calls.addAll(found.get());
    }
    ImmutableList<TreePath> all = calls.build();
    return all.isEmpty() ? Optional.empty() : Optional.of(all);
  }

  private TemplateHooks() {}
}
