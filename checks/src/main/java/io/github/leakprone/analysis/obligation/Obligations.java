package io.github.leakprone.analysis.obligation;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.VisitorState;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import io.github.leakprone.catalog.ResourceSpec;
import io.github.leakprone.trees.PrivateCalls;
import io.github.leakprone.trees.TreePaths;
import java.util.IdentityHashMap;
import java.util.Optional;

/**
 * The one way a check reaches the obligation analysis: give it the path of an acquisition (or of
 * anything inside a method or lambda) and it finds the body around it, the summary of its class,
 * analyses the body once and answers from then on. One per check, for that check's resources.
 *
 * <p>Error Prone brings a check a compilation unit's trees in order, so the bodies analysed, and
 * what is known of the unit ({@link UnitSummary}), are kept only until the next unit arrives.
 */
public final class Obligations {

  /** A method or lambda, and the resources acquired in it that some path loses, in source order. */
  public record BodyLeaks(TreePath methodOrLambda, ImmutableList<Leak> leaks) {}

  private final ResourceSpec spec;
  private final ExceptionPolicy exceptions;

  private CompilationUnitTree unit;
  private UnitSummary unitSummary;

  /** The analysed bodies of {@link #unit}, by their method or lambda. Identity, as trees are. */
  private final IdentityHashMap<Tree, ImmutableList<Leak>> leaksByBody = new IdentityHashMap<>();

  public Obligations(ResourceSpec spec, ExceptionPolicy exceptions) {
    this.spec = spec;
    this.exceptions = exceptions;
  }

  /** The leak of the resource acquired at {@code acquisition}'s leaf, if some path loses it. */
  public Optional<Leak> leakAt(TreePath acquisition, VisitorState state) {
    Tree site = acquisition.getLeaf();
    return around(acquisition, state).flatMap(body -> leakOf(body, site));
  }

  /**
   * The leaks of the method or lambda whose body runs {@code inside}'s leaf; empty for code in a
   * field initializer or an initializer block, which the analysis does not cover.
   */
  public Optional<BodyLeaks> around(TreePath inside, VisitorState state) {
    TreePath methodOrLambda = TreePaths.enclosingMethodOrLambda(inside);
    if (methodOrLambda == null) {
      return Optional.empty();
    }
    summaryOf(inside.getCompilationUnit(), state);
    ImmutableList<Leak> leaks = leaksByBody.get(methodOrLambda.getLeaf());
    if (leaks == null) {
      leaks = analyse(methodOrLambda, state);
      if (!leaks.isEmpty() && neverRuns(methodOrLambda)) {
        leaks = ImmutableList.of(); // dead code is deleted, not fixed
      }
      leaksByBody.put(methodOrLambda.getLeaf(), leaks);
    }
    return Optional.of(new BodyLeaks(methodOrLambda, leaks));
  }

  /**
   * Whether the call or constructor at {@code site}'s leaf acquires a resource as the analysis
   * counts it: the catalogue's answer, less a method known by its look (a project's {@code
   * prepare*}, a method declared to return a resource) whose body, in sight, does not return a new
   * one. A check asks it before it has a body analysed: most such calls in a delegating wrapper
   * ({@code getDelegateStatement().getInt(i)}) hand out what a field holds, and each of their
   * bodies was analysed for nothing: on the build-cost corpus, 196 of JdbcResourceLeak's 327
   * analyses (docs/performance.md, fourteenth round).
   */
  public boolean acquires(TreePath site, VisitorState state) {
    return summaryOf(site.getCompilationUnit(), state)
        .acquiring
        .acquisition((ExpressionTree) site.getLeaf(), state)
        .isPresent();
  }

  /** What is known of {@code current}; what was known of the unit before it is dropped. */
  private UnitSummary summaryOf(CompilationUnitTree current, VisitorState state) {
    if (current != unit) {
      leaksByBody.clear();
      unit = current;
      unitSummary = new UnitSummary(current, spec, exceptions, state);
    }
    return unitSummary;
  }

  /**
   * Whether the method at {@code methodOrLambda}, or the one a lambda there belongs to, is a
   * private method nothing calls ({@link PrivateCalls#neverCalled}). Asked only of a body with a
   * leak: the walk of its class is paid where there is something to report.
   */
  private static boolean neverRuns(TreePath methodOrLambda) {
    TreePath method =
        methodOrLambda.getLeaf() instanceof MethodTree
            ? methodOrLambda
            : TreePaths.enclosingMethod(methodOrLambda);
    return method != null && PrivateCalls.neverCalled(method);
  }

  private ImmutableList<Leak> analyse(TreePath methodOrLambda, VisitorState state) {
    Tree body = TreePaths.bodyOf(methodOrLambda.getLeaf());
    ClassTree owner = TreePaths.enclosingClass(methodOrLambda);
    if (body == null || owner == null) {
      return ImmutableList.of();
    }
    return ObligationAnalysis.analyse(
        body, spec, unitSummary, owner, state.withPath(methodOrLambda));
  }

  private static Optional<Leak> leakOf(BodyLeaks body, Tree site) {
    return body.leaks().stream().filter(leak -> leak.site() == site).findFirst();
  }
}
