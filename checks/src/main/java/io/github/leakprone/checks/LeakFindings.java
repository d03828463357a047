package io.github.leakprone.checks;

import static com.google.common.collect.ImmutableSet.toImmutableSet;

import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import io.github.leakprone.analysis.obligation.Leak;
import io.github.leakprone.analysis.obligation.Obligations.BodyLeaks;
import io.github.leakprone.catalog.ReleaseVerb;
import io.github.leakprone.fixes.ReleaseOnEveryPath;
import io.github.leakprone.fixes.ReleaseOnEveryPath.Rewrite;
import io.github.leakprone.report.Reporter;
import io.github.leakprone.trees.LambdaResults;
import io.github.leakprone.trees.LocalUses;
import io.github.leakprone.trees.TreePaths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The finding of a check built on the obligation analysis (JdbcResourceLeak, ResourceLeak) for one
 * acquisition: its message, and the try-with-resources rewrite that fixes it.
 */
final class LeakFindings {

  /**
   * Whether the acquisition at {@code acquisition} hands its resource on at once: it is a return
   * statement's value, the value of an expression lambda that returns one ({@code (c, sql) ->
   * c.prepareStatement(sql)}), or a try-with-resources variable's initializer. The analysis finds
   * nothing to report about such an acquisition, so it does not start its body's analysis (a
   * quarter of the acquisitions in real code, docs/performance.md); another acquisition of the body
   * still does, and the analysis then covers this one too.
   */
  static boolean handedOn(TreePath acquisition, VisitorState state) {
    Tree parent = acquisition.getParentPath().getLeaf();
    if (parent instanceof ReturnTree) {
      return true;
    }
    if (parent instanceof LambdaExpressionTree lambda) {
      // A lambda whose interface returns nothing drops the value: never stored, a finding.
      return LambdaResults.returnsValue(lambda, state);
    }
    return parent instanceof VariableTree variable
        && variable.getInitializer() == acquisition.getLeaf()
        && acquisition.getParentPath().getParentPath().getLeaf() instanceof TryTree tryTree
        && tryTree.getResources().contains(variable);
  }

  private final BugChecker checker;
  private final BiFunction<Leak, VisitorState, String> message;

  /** The body whose leaks were last worked out, and for each leak its place and its fix. */
  private Tree lastBody;

  private Map<Tree, Worked> worked = Map.of();

  /** A leak, its place in its body, and the rewrite that fixes it, if any. */
  private static final class Worked {
    final Leak leak;
    final TreePath at;
    final Optional<Rewrite> rewrite;

    Worked(Leak leak, TreePath at, Optional<Rewrite> rewrite) {
      this.leak = leak;
      this.at = at;
      this.rewrite = rewrite;
    }
  }

  /**
   * For {@code checker}'s findings.
   *
   * @param message the sentence of a leak, at its site
   */
  LeakFindings(BugChecker checker, BiFunction<Leak, VisitorState, String> message) {
    this.checker = checker;
    this.message = message;
  }

  /**
   * The finding for {@code site}'s resource, if it is among the leaks of its body. The fixes of a
   * body's leaks are worked out together, in source order, on the first question: two rewrites of
   * one block would collide, so each is offered once the ones before it are applied. Leaks declared
   * one after the other are the common case of that: the first one's try takes the others as
   * resources too, and theirs then offer no fix of their own. (Worked out per finding, reading the
   * body each time, a method with hundreds of findings cost quadratic time.)
   */
  Description describe(ExpressionTree site, BodyLeaks body, VisitorState state) {
    if (body.leaks().isEmpty()) {
      return Description.NO_MATCH;
    }
    if (lastBody != body.methodOrLambda().getLeaf()) {
      worked = workOut(body, state);
      lastBody = body.methodOrLambda().getLeaf();
    }
    Worked leak = worked.get(site);
    if (leak == null) {
      return Description.NO_MATCH;
    }
    Description.Builder description =
        checker
            .buildDescription(site)
            .setMessage(message.apply(leak.leak, state.withPath(leak.at)));
    leak.rewrite.ifPresent(r -> description.addFix(r.fix()));
    return Reporter.route(description.build(), state);
  }

  private Map<Tree, Worked> workOut(BodyLeaks body, VisitorState state) {
    TreePath bodyPath =
        new TreePath(body.methodOrLambda(), TreePaths.bodyOf(body.methodOrLambda().getLeaf()));
    ImmutableSet<Tree> sites = body.leaks().stream().map(Leak::site).collect(toImmutableSet());
    LocalUses uses = LocalUses.of(bodyPath, sites);
    VisitorState inBody = state.withPath(body.methodOrLambda());
    List<Rewrite> offered = new ArrayList<>();
    Map<Tree, Worked> result = new HashMap<>();
    for (Leak leak : body.leaks()) {
      TreePath at = uses.pathOf(leak.site());
      // A suppressed local around an acquisition: Error Prone never shows us that call, and its
      // finding is not made, nor its rewrite offered.
      if (Suppressions.around(checker, at, inBody)) {
        continue;
      }
      ReleaseVerb release = ReleaseVerb.of(ASTHelpers.getType(leak.site()), inBody);
      Optional<Rewrite> rewrite =
          ReleaseOnEveryPath.fix(
              ImmutableSet.of(release.base()),
              release.base(),
              state.withPath(at),
              uses,
              offered,
              sites);
      rewrite.ifPresent(offered::add);
      result.put(leak.site(), new Worked(leak, at, rewrite));
    }
    return result;
  }
}
