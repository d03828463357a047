package io.github.leakprone.checks;

import static com.google.common.collect.ImmutableList.toImmutableList;
import static com.google.common.collect.ImmutableSet.toImmutableSet;
import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;
import static com.google.errorprone.util.ASTHelpers.getStartPosition;
import static com.google.errorprone.util.ASTHelpers.getSymbol;

import com.google.auto.service.AutoService;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Sets;
import com.google.errorprone.BugPattern;
import com.google.errorprone.BugPattern.StandardTags;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.CompilationUnitTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import io.github.leakprone.Links;
import io.github.leakprone.analysis.obligation.ClassSummary;
import io.github.leakprone.analysis.obligation.LastClassSummary;
import io.github.leakprone.analysis.obligation.Leak;
import io.github.leakprone.analysis.obligation.ObligationAnalysis;
import io.github.leakprone.catalog.JdbcResources;
import io.github.leakprone.catalog.MethodRef;
import io.github.leakprone.catalog.NameFilter;
import io.github.leakprone.fixes.ReleaseOnEveryPath;
import io.github.leakprone.fixes.ReleaseOnEveryPath.Rewrite;
import io.github.leakprone.report.Reporter;
import io.github.leakprone.trees.LocalUses;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.inject.Inject;

/**
 * Flags a JDBC Connection, Statement or ResultSet that some path out of its scope does not close: a
 * {@code continue}, {@code break} or {@code return} that jumps over the close, an exception with no
 * {@code finally} behind it, an overwrite while it is still open, or a value never stored at all.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary = "Close every JDBC Connection, Statement and ResultSet on every path out of its scope",
    severity = WARNING,
    tags = StandardTags.LIKELY_ERROR,
    link = Links.DOCS + "JdbcResourceLeak.md",
    linkType = CUSTOM)
public final class JdbcResourceLeak extends BugChecker
    implements CompilationUnitTreeMatcher, MethodInvocationTreeMatcher {

  private static final long serialVersionUID = 1L;
  private static final ImmutableSet<String> RELEASE_METHODS = ImmutableSet.of("close");

  // Transient: a BugChecker is Serializable; these are rebuilt from the flags.
  private final transient JdbcResources resources;
  private final transient FlagProblem flagProblem;

  /** Whether a call's name is that of a call that may acquire: asked of every call. */
  private final transient NameFilter namedLikeAcquirer;

  private final transient LastClassSummary summaries;

  /**
   * The method and lambda bodies of {@link #bodiesUnit} analysed so far: a body is analysed at its
   * first acquiring call, and its other calls find it done. Identity, as trees are.
   */
  private final transient Set<Tree> analysedBodies = Sets.newIdentityHashSet();

  private transient CompilationUnitTree bodiesUnit;

  /** Used by ServiceLoader; Error Prone itself calls the {@link Inject} constructor. */
  public JdbcResourceLeak() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  JdbcResourceLeak(ErrorProneFlags flags) {
    FlagProblem.Parsed<JdbcResources> parsed =
        FlagProblem.parse(
            () -> JdbcResources.fromFlags(flags),
            () -> JdbcResources.fromFlags(ErrorProneFlags.empty()));
    this.resources = parsed.value();
    this.summaries = new LastClassSummary(resources);
    this.flagProblem = parsed.problem();
    ImmutableList<MethodRef> acquirerNames =
        resources.acquirerNamePatterns().stream()
            .map(pattern -> new MethodRef("", pattern))
            .collect(toImmutableList());
    this.namedLikeAcquirer =
        new NameFilter(name -> acquirerNames.stream().anyMatch(p -> p.nameMatches(name)));
  }

  @Override
  public Description matchCompilationUnit(CompilationUnitTree tree, VisitorState state) {
    flagProblem.reportOnce(canonicalName(), tree, state);
    return Description.NO_MATCH;
  }

  /**
   * Starts the analysis of a body at its first call that acquires a resource: the analysis's
   * obligations start at such calls and nowhere else, so a body without one has no leak. Error
   * Prone's own walk brings every call here; asking each one's name first is cheap, and the full
   * test runs only for a name that matches ({@code get*}, from DatabaseMetaData, matches most
   * getters). Looking for acquiring calls with a walk of each method and lambda body of our own
   * cost a second walk of the whole code base (docs/performance.md).
   */
  @Override
  public Description matchMethodInvocation(MethodInvocationTree call, VisitorState state) {
    MethodSymbol method = getSymbol(call);
    if (method == null || !namedLikeAcquirer.test(method.getSimpleName())) {
      return Description.NO_MATCH;
    }
    return InternalErrors.noFindingOnError(
        () -> {
          if (resources.acquisition(call, state).isEmpty() || handedOn(state.getPath())) {
            return Description.NO_MATCH;
          }
          TreePath body = enclosingBody(state.getPath());
          if (body == null || !firstTimeIn(body, state)) {
            return Description.NO_MATCH;
          }
          Tree code =
              body.getLeaf() instanceof MethodTree m
                  ? m.getBody()
                  : ((LambdaExpressionTree) body.getLeaf()).getBody();
          return check(code, state.withPath(body));
        });
  }

  /**
   * Whether the acquiring call at {@code call} hands its resource on at once: it is a return
   * statement's value, or a try-with-resources variable's initializer. The analysis finds nothing
   * to report about such an acquisition, so it does not start its body's analysis (a quarter of the
   * acquisitions in real code, docs/performance.md); another acquiring call of the body still does,
   * and the analysis then covers this one too.
   */
  private static boolean handedOn(TreePath call) {
    Tree parent = call.getParentPath().getLeaf();
    if (parent instanceof ReturnTree) {
      return true;
    }
    return parent instanceof VariableTree variable
        && variable.getInitializer() == call.getLeaf()
        && call.getParentPath().getParentPath().getLeaf() instanceof TryTree tryTree
        && tryTree.getResources().contains(variable);
  }

  /**
   * The method or lambda whose body runs {@code call}; none for a call in a field initializer or an
   * initializer block, which the analysis does not cover.
   */
  private static TreePath enclosingBody(TreePath call) {
    for (TreePath p = call.getParentPath(); p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof MethodTree || leaf instanceof LambdaExpressionTree) {
        return p;
      }
      if (leaf instanceof ClassTree) {
        return null;
      }
    }
    return null;
  }

  private boolean firstTimeIn(TreePath body, VisitorState state) {
    CompilationUnitTree unit = state.getPath().getCompilationUnit();
    if (unit != bodiesUnit) {
      analysedBodies.clear();
      bodiesUnit = unit;
    }
    return analysedBodies.add(body.getLeaf());
  }

  /** Analyses {@code body}; {@code state}'s path is its method or lambda. */
  private Description check(Tree body, VisitorState state) {
    ClassTree owner = state.findEnclosing(ClassTree.class);
    if (owner == null) {
      return Description.NO_MATCH;
    }
    ClassSummary classSummary = summaries.of(owner, state);
    ImmutableList<Leak> leaks =
        ObligationAnalysis.analyse(body, resources, classSummary, getSymbol(owner), state);
    if (leaks.isEmpty()) {
      return Description.NO_MATCH;
    }
    TreePath bodyPath = new TreePath(state.getPath(), body);
    LocalUses uses =
        LocalUses.of(bodyPath, leaks.stream().map(Leak::site).collect(toImmutableSet()));
    List<Rewrite> offered = new ArrayList<>();
    for (Leak leak : leaks) {
      TreePath site = uses.pathOf(leak.site());
      // A suppressed local around the acquiring call: Error Prone never showed us that call, but a
      // call elsewhere in the body may have started the analysis.
      if (Suppressions.around(this, site, state)) {
        continue;
      }
      VisitorState atSite = state.withPath(site);
      Description.Builder description =
          buildDescription(leak.site()).setMessage(JdbcLeakMessage.of(leak, atSite));
      // Two rewrites of one block would collide; the second is offered once the first is applied.
      ReleaseOnEveryPath.fix(RELEASE_METHODS, "close", atSite, uses, offered)
          .ifPresent(
              rewrite -> {
                offered.add(rewrite);
                description.addFix(rewrite.fix());
              });
      state.reportMatch(Reporter.route(description.build(), state));
    }
    return Description.NO_MATCH;
  }

  static int lineOf(Tree tree, VisitorState state) {
    return (int)
        state.getPath().getCompilationUnit().getLineMap().getLineNumber(getStartPosition(tree));
  }
}
