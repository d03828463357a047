package io.github.leakprone.analysis.obligation;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.TryTree;
import com.sun.tools.javac.code.Type;
import io.github.leakprone.trees.SameBodyScanner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether a {@code try}'s catch clauses catch every exception its block can throw, so that no
 * exceptional path leaves the {@code try}. Asked once per {@code try} of a body: a loop around it
 * asks again on every pass.
 */
final class CatchCoverage {

  private final VisitorState state;
  private final ThrowingCalls throwing;
  private final Map<TryTree, Boolean> answers = new HashMap<>();

  /** The types each try's catches name: asked for every call in the try, read once. */
  private final Map<TryTree, List<Type>> caught = new HashMap<>();

  CatchCoverage(VisitorState state, ThrowingCalls throwing) {
    this.state = state;
    this.throwing = throwing;
  }

  /**
   * {@code Exception} or {@code Throwable} is caught, or every exception that the block may throw
   * under the {@link ExceptionPolicy}: what its calls declare and its {@code throw}s throw, and
   * {@code RuntimeException} where the policy lets one leave a call. (Errors are left out, as by
   * every tool in this field: code does not clean up after an OutOfMemoryError.)
   */
  boolean catchesEverything(TryTree tryTree) {
    return answers.computeIfAbsent(tryTree, this::answer);
  }

  /**
   * Whether {@code tryTree}'s catches handle everything {@code call} may throw under the policy, so
   * that its exception cannot leave the {@code try}. Asked of every call in a {@code try} with
   * catches.
   */
  boolean catchesAllOf(TryTree tryTree, ExpressionTree call) {
    if (tryTree.getCatches().isEmpty()) {
      return false;
    }
    List<Type> thrown = new ArrayList<>();
    throwing.addThrown(call, thrown, state);
    return allCaught(thrown, caughtBy(tryTree));
  }

  private List<Type> caughtBy(TryTree tryTree) {
    return caught.computeIfAbsent(tryTree, CatchCoverage::readCaught);
  }

  private static List<Type> readCaught(TryTree tryTree) {
    List<Type> caught = new ArrayList<>();
    for (CatchTree catchTree : tryTree.getCatches()) {
      Type type = ASTHelpers.getType(catchTree.getParameter());
      if (type instanceof Type.UnionClassType union) {
        union.getAlternativeTypes().forEach(caught::add);
      } else if (type != null) {
        caught.add(type);
      }
    }
    return caught;
  }

  private boolean allCaught(List<Type> thrown, List<Type> caught) {
    return catchesAnything(caught)
        || thrown.stream()
            .allMatch(t -> caught.stream().anyMatch(c -> ASTHelpers.isSubtype(t, c, state)));
  }

  private static boolean catchesAnything(List<Type> caught) {
    return caught.stream()
        .anyMatch(t -> isNamed(t, "java.lang.Exception") || isNamed(t, "java.lang.Throwable"));
  }

  private boolean answer(TryTree tryTree) {
    List<Type> caught = caughtBy(tryTree);
    if (catchesAnything(caught)) {
      return true; // no need to read the block
    }
    List<Type> thrown = new ArrayList<>();
    new SameBodyScanner() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        throwing.addThrown(call, thrown, state);
        return super.visitMethodInvocation(call, null);
      }

      @Override
      public Void visitNewClass(NewClassTree newClass, Void unused) {
        throwing.addThrown(newClass, thrown, state);
        return super.visitNewClass(newClass, null);
      }

      @Override
      public Void visitThrow(ThrowTree throwTree, Void unused) {
        Type type = ASTHelpers.getType(throwTree.getExpression());
        if (type != null) {
          thrown.add(type);
        }
        return super.visitThrow(throwTree, null);
      }
    }.scan(tryTree.getBlock(), null);
    return allCaught(thrown, caught);
  }

  private static boolean isNamed(Type type, String name) {
    return type.tsym.getQualifiedName().contentEquals(name);
  }
}
