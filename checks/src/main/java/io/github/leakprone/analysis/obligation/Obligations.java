package io.github.leakprone.analysis.obligation;

import static com.google.errorprone.util.ASTHelpers.getSymbol;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.VisitorState;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import io.github.leakprone.catalog.ResourceSpec;
import io.github.leakprone.trees.TreePaths;
import java.util.IdentityHashMap;
import java.util.Optional;

/**
 * The one way a check reaches the obligation analysis: give it the path of an acquisition (or of
 * anything inside a method or lambda) and it finds the body around it, the summary of its class,
 * analyses the body once and answers from then on. One per check, for that check's resources.
 *
 * <p>Error Prone brings a check a compilation unit's trees in order, so the bodies analysed are
 * kept only until the next unit arrives, and the class summary only until the next class.
 */
public final class Obligations {

  /** A method or lambda, and the resources acquired in it that some path loses, in source order. */
  public record BodyLeaks(TreePath methodOrLambda, ImmutableList<Leak> leaks) {}

  private final ResourceSpec spec;
  private final ExceptionPolicy exceptions;

  private CompilationUnitTree unit;
  private ThrowingCalls throwing;

  /** The analysed bodies of {@link #unit}, by their method or lambda. Identity, as trees are. */
  private final IdentityHashMap<Tree, ImmutableList<Leak>> leaksByBody = new IdentityHashMap<>();

  private ClassTree summarisedClass;
  private ClassSummary summary;

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
    CompilationUnitTree current = inside.getCompilationUnit();
    if (current != unit) {
      leaksByBody.clear();
      unit = current;
      throwing = new ThrowingCalls(exceptions, current);
    }
    ImmutableList<Leak> leaks = leaksByBody.get(methodOrLambda.getLeaf());
    if (leaks == null) {
      leaks = analyse(methodOrLambda, state);
      leaksByBody.put(methodOrLambda.getLeaf(), leaks);
    }
    return Optional.of(new BodyLeaks(methodOrLambda, leaks));
  }

  private ImmutableList<Leak> analyse(TreePath methodOrLambda, VisitorState state) {
    Tree body = TreePaths.bodyOf(methodOrLambda.getLeaf());
    ClassTree owner = ownerOf(methodOrLambda);
    if (body == null || owner == null) {
      return ImmutableList.of();
    }
    return ObligationAnalysis.analyse(
        body,
        spec,
        summaryOf(owner, state),
        throwing,
        getSymbol(owner),
        state.withPath(methodOrLambda));
  }

  private static Optional<Leak> leakOf(BodyLeaks body, Tree site) {
    return body.leaks().stream().filter(leak -> leak.site() == site).findFirst();
  }

  private static ClassTree ownerOf(TreePath methodOrLambda) {
    for (TreePath p = methodOrLambda; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof ClassTree owner) {
        return owner;
      }
    }
    return null;
  }

  private ClassSummary summaryOf(ClassTree owner, VisitorState state) {
    if (owner != summarisedClass) {
      summary = ClassSummary.of(owner, spec, state);
      summarisedClass = owner;
    }
    return summary;
  }
}
