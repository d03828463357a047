package io.github.leakprone.trees;

import static com.google.errorprone.util.ASTHelpers.getSymbol;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which methods a compilation unit's methods call, read the first time it is asked: a call or a
 * {@code new} anywhere in a method's body, its lambdas and local classes included (they may run
 * before the method ends).
 */
public final class UnitCalls {

  private final CompilationUnitTree unit;
  private Map<MethodSymbol, Set<Symbol>> called;

  public UnitCalls(CompilationUnitTree unit) {
    this.unit = unit;
  }

  /** The methods and constructors that {@code roots} call, directly or through others. */
  public Set<Symbol> reachFrom(Collection<MethodSymbol> roots) {
    if (called == null) {
      called = scan(unit);
    }
    Set<Symbol> reached = new HashSet<>();
    Deque<Symbol> work = new ArrayDeque<>(roots);
    while (!work.isEmpty()) {
      for (Symbol callee : called.getOrDefault(work.poll(), Set.of())) {
        if (reached.add(callee)) {
          work.add(callee);
        }
      }
    }
    return reached;
  }

  private static Map<MethodSymbol, Set<Symbol>> scan(CompilationUnitTree unit) {
    Map<MethodSymbol, Set<Symbol>> called = new HashMap<>();
    new TreeScanner<Void, MethodSymbol>() {
      @Override
      public Void visitMethod(MethodTree method, MethodSymbol outer) {
        // A local or anonymous class's method runs when its enclosing method lets it: its calls
        // are counted as that method's.
        scan(method.getBody(), outer != null ? outer : getSymbol(method));
        return null;
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, MethodSymbol caller) {
        note(caller, getSymbol(call));
        return super.visitMethodInvocation(call, caller);
      }

      @Override
      public Void visitNewClass(NewClassTree made, MethodSymbol caller) {
        note(caller, getSymbol(made));
        return super.visitNewClass(made, caller);
      }

      private void note(MethodSymbol caller, Symbol callee) {
        if (caller != null && callee != null) {
          called.computeIfAbsent(caller, k -> new HashSet<>()).add(callee);
        }
      }
    }.scan(unit, null);
    return called;
  }
}
