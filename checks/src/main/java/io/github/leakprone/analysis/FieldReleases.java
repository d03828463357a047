package io.github.leakprone.analysis;

import static com.google.errorprone.util.ASTHelpers.getReceiver;
import static com.google.errorprone.util.ASTHelpers.getSymbol;

import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import io.github.leakprone.catalog.ReleaseNames;
import java.util.HashSet;
import java.util.Set;

/**
 * Whether code releases the client a field holds: a release call on the field or on what it leads
 * to ({@code client.dispatcher().executorService().shutdown()}), or the field handed to a release
 * helper. A map or collection field holds its clients as elements: a release of one taken out of
 * it, into a local ({@code pool = pools.get(name); pool.close();}) or by a loop over it ({@code for
 * (pool : pools.values()) pool.close();}), releases what the field holds.
 */
final class FieldReleases {

  /** Whether {@code tree} releases what {@code field} holds; locals are looked up in it too. */
  static boolean releases(Tree tree, VarSymbol field) {
    return releasesAny(tree, holdersOf(field, tree));
  }

  /**
   * {@code field} and the locals of {@code scope} that hold an element of it: what a release of
   * what the field holds is called on ({@link #releasesAny}). Worked out once for a run of
   * questions about one scope.
   */
  static Set<Symbol> holdersOf(VarSymbol field, Tree scope) {
    Set<Symbol> holders = elementLocals(field, scope);
    holders.add(field);
    return holders;
  }

  /** Whether {@code tree} releases what one of {@code holders} holds ({@link #holdersOf}). */
  static boolean releasesAny(Tree tree, Set<Symbol> holders) {
    boolean[] found = new boolean[1];
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        Symbol method = getSymbol(call);
        if (method != null
            && ReleaseNames.isReleaseHelper(method.getSimpleName().toString())
            && (holders.contains(rootSymbol(getReceiver(call)))
                || call.getArguments().stream().anyMatch(a -> holders.contains(getSymbol(a))))) {
          found[0] = true;
        }
        return super.visitMethodInvocation(call, null);
      }
    }.scan(tree, null);
    return found[0];
  }

  /**
   * The locals of {@code scope} that hold an element of {@code field}, a map or collection: set to
   * a call on it ({@code pools.get(name)}, {@code pools.remove(name)}) or the variable of a loop
   * over one ({@code pools.values()}). None for a field of another type: a local set from a
   * client's call ({@code session = factory.openSession()}) is something else the client made.
   */
  private static Set<Symbol> elementLocals(VarSymbol field, Tree scope) {
    Set<Symbol> locals = new HashSet<>();
    if (!isContainer(field.type)) {
      return locals;
    }
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree variable, Void unused) {
        if (variable.getInitializer() instanceof MethodInvocationTree call
            && rootSymbol(call) == field) {
          locals.add(getSymbol(variable));
        }
        return super.visitVariable(variable, null);
      }

      @Override
      public Void visitEnhancedForLoop(EnhancedForLoopTree loop, Void unused) {
        if (rootSymbol(loop.getExpression()) == field) {
          locals.add(getSymbol(loop.getVariable()));
        }
        return super.visitEnhancedForLoop(loop, null);
      }
    }.scan(scope, null);
    return locals;
  }

  /** Whether {@code type} is a {@code java.util.Map} or {@code java.util.Collection}. */
  private static boolean isContainer(Type type) {
    if (!(type.tsym instanceof ClassSymbol c)) {
      return false;
    }
    String name = c.getQualifiedName().toString();
    if (name.equals("java.util.Map") || name.equals("java.util.Collection")) {
      return true;
    }
    if (isContainer(c.getSuperclass())) {
      return true;
    }
    for (Type implemented : c.getInterfaces()) {
      if (isContainer(implemented)) {
        return true;
      }
    }
    return false;
  }

  /** The variable a chain of calls starts from: {@code client} in {@code client.a().b()}. */
  static Symbol rootSymbol(ExpressionTree tree) {
    ExpressionTree current = tree;
    while (current instanceof MethodInvocationTree call) {
      current = getReceiver(call);
    }
    return current == null ? null : getSymbol(current);
  }

  private FieldReleases() {}
}
