package io.github.leakprone.checks;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;
import static com.google.common.collect.ImmutableList.toImmutableList;
import static com.google.common.collect.ImmutableSet.toImmutableSet;
import static com.google.errorprone.util.ASTHelpers.getStartPosition;
import static com.google.errorprone.util.ASTHelpers.getSymbol;

import com.google.auto.service.AutoService;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.BugPattern;
import com.google.errorprone.BugPattern.StandardTags;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.CompilationUnitTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.LambdaExpressionTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.MethodTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import io.github.leakprone.Links;
import io.github.leakprone.analysis.obligation.ClassSummary;
import io.github.leakprone.analysis.obligation.Leak;
import io.github.leakprone.analysis.obligation.ObligationAnalysis;
import io.github.leakprone.catalog.JdbcResources;
import io.github.leakprone.catalog.MethodRef;
import io.github.leakprone.fixes.ReleaseOnEveryPath;
import io.github.leakprone.fixes.ReleaseOnEveryPath.Rewrite;
import io.github.leakprone.report.Reporter;
import io.github.leakprone.trees.LocalUses;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;

/**
 * Flags a JDBC Connection, Statement or ResultSet that some path out of its scope does not close:
 * a {@code continue}, {@code break} or {@code return} that jumps over the close, an exception with no
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
    implements CompilationUnitTreeMatcher, MethodTreeMatcher, LambdaExpressionTreeMatcher {

  private static final long serialVersionUID = 1L;
  private static final ImmutableSet<String> RELEASE_METHODS = ImmutableSet.of("close");

  // Transient: a BugChecker is Serializable; these are rebuilt from the flags.
  private final transient JdbcResources resources;
  private final transient FlagProblem flagProblem;
  /** The names of the calls that may acquire, as patterns: built once, asked of every call. */
  private final transient ImmutableList<MethodRef> acquirerNames;
  /** The summary of the class analysed last: methods of one class arrive one after another. */
  private transient ClassTree summarisedClass;

  private transient ClassSummary summary;

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
    this.flagProblem = parsed.problem();
    this.acquirerNames =
        resources.acquirerNamePatterns().stream()
            .map(pattern -> new MethodRef("", pattern))
            .collect(toImmutableList());
  }

  @Override
  public Description matchCompilationUnit(CompilationUnitTree tree, VisitorState state) {
    flagProblem.reportOnce(canonicalName(), tree, state);
    return Description.NO_MATCH;
  }

  @Override
  public Description matchMethod(MethodTree tree, VisitorState state) {
    return InternalErrors.noFindingOnError(
        () -> tree.getBody() == null ? Description.NO_MATCH : check(tree.getBody(), state));
  }

  @Override
  public Description matchLambdaExpression(LambdaExpressionTree tree, VisitorState state) {
    return InternalErrors.noFindingOnError(() -> check(tree.getBody(), state));
  }

  private Description check(Tree body, VisitorState state) {
    if (!acquires(body, state)) {
      return Description.NO_MATCH;
    }
    ClassTree owner = state.findEnclosing(ClassTree.class);
    if (owner == null) {
      return Description.NO_MATCH;
    }
    ClassSummary classSummary = summaryOf(owner, state);
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
      VisitorState atSite = state.withPath(uses.pathOf(leak.site()));
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

  private ClassSummary summaryOf(ClassTree owner, VisitorState state) {
    if (owner != summarisedClass) {
      summary = ClassSummary.of(owner, resources, state);
      summarisedClass = owner;
    }
    return summary;
  }

  /**
   * Whether {@code body} makes a call that acquires a resource, looked for before any analysis: the
   * analysis's obligations start at such calls and nowhere else, so a body without one has no leak.
   * The name comes first because it is cheap; the full test only for a call whose name matches, which
   * DatabaseMetaData's {@code get*} makes most getters. (A name test alone sent most methods of a
   * real code base through the class summary and the analysis for nothing: docs/performance.md.)
   */
  private boolean acquires(Tree body, VisitorState state) {
    boolean[] found = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        if (namedLikeAcquirer(getSymbol(call).getSimpleName().toString())
            && resources.acquisition(call, state).isPresent()) {
          found[0] = true;
          return null;
        }
        return super.visitMethodInvocation(call, null);
      }

      @Override
      public Void scan(Tree tree, Void unused) {
        return found[0] ? null : super.scan(tree, null);
      }
    }.scan(body, null);
    return found[0];
  }

  private boolean namedLikeAcquirer(String name) {
    for (MethodRef pattern : acquirerNames) {
      if (pattern.nameMatches(name)) {
        return true;
      }
    }
    return false;
  }

  static int lineOf(Tree tree, VisitorState state) {
    return (int)
        state.getPath().getCompilationUnit().getLineMap().getLineNumber(getStartPosition(tree));
  }
}
