package io.github.leakprone.checks;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;
import static com.google.errorprone.util.ASTHelpers.getSymbol;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.BugPattern.StandardTags;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.CompilationUnitTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import io.github.leakprone.Links;
import io.github.leakprone.analysis.obligation.ExceptionPolicy;
import io.github.leakprone.analysis.obligation.Obligations;
import io.github.leakprone.catalog.JdbcResources;
import io.github.leakprone.catalog.NameFilter;
import javax.inject.Inject;

/**
 * Flags a JDBC Connection, Statement or ResultSet that some path out of its scope does not close: a
 * {@code continue}, {@code break} or {@code return} that jumps over the close, an exception with no
 * {@code finally} behind it, an overwrite while it is still open, or a value never stored at all.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary = "Close every JDBC Connection, Statement and ResultSet on every path out of its scope",
    // The token Eclipse and IntelliJ use for unclosed resources: code bases already carry it.
    altNames = "resource",
    severity = WARNING,
    tags = StandardTags.LIKELY_ERROR,
    link = Links.DOCS + "JdbcResourceLeak.md",
    linkType = CUSTOM)
public final class JdbcResourceLeak extends BugChecker
    implements CompilationUnitTreeMatcher, MethodInvocationTreeMatcher {

  private static final long serialVersionUID = 1L;
  private static final String DOC_PAGE = "docs/bugpatterns/JdbcResourceLeak.md";

  /** What the flags say: the resources, with users' additions, and which exceptions count. */
  private record Settings(JdbcResources resources, ExceptionPolicy exceptions) {}

  // Transient: a BugChecker is Serializable; these are rebuilt from the flags.
  private final transient JdbcResources resources;
  private final transient FlagProblem flagProblem;

  /** Whether a call's name is that of a call that may acquire: asked of every call. */
  private final transient NameFilter namedLikeAcquirer;

  private final transient Obligations obligations;
  private final transient LeakFindings findings = new LeakFindings(this, LeakMessage::of);

  /** Used by ServiceLoader; Error Prone itself calls the {@link Inject} constructor. */
  public JdbcResourceLeak() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  JdbcResourceLeak(ErrorProneFlags flags) {
    FlagProblem.Parsed<Settings> parsed =
        FlagProblem.parse(
            () ->
                new Settings(
                    JdbcResources.fromFlags(flags),
                    ExceptionPolicy.fromFlags(flags, "JdbcResourceLeak", DOC_PAGE)),
            () ->
                new Settings(
                    JdbcResources.fromFlags(ErrorProneFlags.empty()), ExceptionPolicy.DECLARED));
    this.resources = parsed.value().resources();
    this.obligations = new Obligations(resources, parsed.value().exceptions());
    this.flagProblem = parsed.problem();
    this.namedLikeAcquirer = new NameFilter(resources::namedLikeAcquirer);
  }

  @Override
  public Description matchCompilationUnit(CompilationUnitTree tree, VisitorState state) {
    flagProblem.reportOnce(canonicalName(), state);
    return Description.NO_MATCH;
  }

  /**
   * Reports the leak of the resource that {@code call} acquires, if some path loses it. Error
   * Prone's own walk brings every call here; asking each one's name first is cheap, and the full
   * test runs only for a name that matches ({@code get*}, from DatabaseMetaData, matches most
   * getters). The first acquiring call of a body has the whole body analysed; the others find the
   * answer kept (docs/performance.md).
   */
  @Override
  public Description matchMethodInvocation(MethodInvocationTree call, VisitorState state) {
    MethodSymbol method = getSymbol(call);
    if (method == null
        || !(namedLikeAcquirer.test(method.getSimpleName(), state.context)
            || resources.declaredToReturnAResource(method, state))) {
      return Description.NO_MATCH;
    }
    return InternalErrors.noFindingOnError(
        () -> {
          if (resources.acquisition(call, state).isEmpty()
              || LeakFindings.handedOn(state.getPath(), state)
              || !obligations.acquires(state.getPath(), state)) {
            return Description.NO_MATCH;
          }
          return obligations
              .around(state.getPath(), state)
              .map(body -> findings.describe(call, body, state))
              .orElse(Description.NO_MATCH);
        });
  }
}
