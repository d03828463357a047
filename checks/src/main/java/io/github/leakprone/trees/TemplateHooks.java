package io.github.leakprone.trees;

import static com.google.errorprone.util.ASTHelpers.getSymbol;

import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.api.JavacTrees;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A template method's hook: a method that implements or overrides one its superclass declares and
 * calls from its own code ({@code startPolling()} calls {@code schedule(task)}, which each subclass
 * implements). When the superclass is compiled with the unit, its calls are in sight.
 */
public final class TemplateHooks {

  /**
   * The methods of {@code method}'s superclasses, compiled with the unit, that call the method it
   * overrides; empty when there is none, or when a call is made from a lambda, a field's
   * initializer or an initializer block, which no method name describes.
   */
  public static Optional<ImmutableSet<MethodSymbol>> callersInSuperclasses(
      MethodSymbol method, VisitorState state) {
    Set<MethodSymbol> callers = new HashSet<>();
    for (MethodSymbol hook : ASTHelpers.findSuperMethods(method, state.getTypes())) {
      if (!(hook.owner instanceof ClassSymbol declaring)) {
        continue;
      }
      ClassTree declaration = JavacTrees.instance(state.context).getTree(declaring);
      if (declaration != null && !addCallers(declaration, hook, callers)) {
        return Optional.empty();
      }
    }
    return callers.isEmpty() ? Optional.empty() : Optional.of(ImmutableSet.copyOf(callers));
  }

  /** Adds the methods of {@code declaration} that call {@code hook}; false for a call elsewhere. */
  private static boolean addCallers(
      ClassTree declaration, MethodSymbol hook, Set<MethodSymbol> callers) {
    boolean[] outsideAMethod = {false};
    new TreeScanner<Void, MethodSymbol>() {
      @Override
      public Void visitMethod(MethodTree tree, MethodSymbol enclosing) {
        return super.visitMethod(tree, getSymbol(tree));
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree lambda, MethodSymbol enclosing) {
        return super.visitLambdaExpression(lambda, null);
      }

      @Override
      public Void visitClass(ClassTree nested, MethodSymbol enclosing) {
        return super.visitClass(nested, null);
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, MethodSymbol enclosing) {
        if (getSymbol(call) == hook) {
          if (enclosing == null) {
            outsideAMethod[0] = true;
          } else {
            callers.add(enclosing);
          }
        }
        return super.visitMethodInvocation(call, enclosing);
      }
    }.scan(declaration, null);
    return !outsideAMethod[0];
  }

  private TemplateHooks() {}
}
