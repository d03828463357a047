package io.github.leakprone.checks;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;
import static com.google.errorprone.util.ASTHelpers.getSymbol;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.BugPattern.StandardTags;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.ErrorProneOptions.Severity;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.CompilationUnitTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.NewClassTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import io.github.leakprone.Links;
import io.github.leakprone.analysis.HeaderReads;
import io.github.leakprone.analysis.obligation.ExceptionPolicy;
import io.github.leakprone.analysis.obligation.Obligations;
import io.github.leakprone.catalog.FileTreeWalks;
import io.github.leakprone.catalog.IoResources;
import io.github.leakprone.catalog.NameFilter;
import io.github.leakprone.report.Reporter;
import javax.inject.Inject;

/**
 * Flags a file, socket, channel, class loader or HTTP response that some path out of its scope does
 * not close, on the same analysis, paths and messages as {@link JdbcResourceLeak}: a jump over the
 * close, an exception with no {@code finally}, an overwrite while open, a value never stored. A
 * decorator ({@code new BufferedReader(new FileReader(f))}) and the resource it wraps are one.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary =
        "Close every file, socket, channel, class loader and HTTP response on every path out of"
            + " its scope",
    // The token Eclipse and IntelliJ use for unclosed resources: code bases already carry it.
    altNames = "resource",
    severity = WARNING,
    tags = StandardTags.LIKELY_ERROR,
    link = Links.DOCS + "ResourceLeak.md",
    linkType = CUSTOM)
public final class ResourceLeak extends BugChecker
    implements CompilationUnitTreeMatcher, MethodInvocationTreeMatcher, NewClassTreeMatcher {

  private static final long serialVersionUID = 1L;
  private static final String DOC_PAGE = "docs/bugpatterns/ResourceLeak.md";

  /** Error Prone's own check of {@code Files.lines} and its kin, on by default. */
  private static final String STREAM_RESOURCE_LEAK = "StreamResourceLeak";

  /** What the flags say: the resources, with users' additions, and which exceptions count. */
  private record Settings(IoResources resources, ExceptionPolicy exceptions) {}

  // Transient: a BugChecker is Serializable; these are rebuilt from the flags.
  private final transient IoResources resources;
  private final transient FlagProblem flagProblem;
  private final transient Obligations obligations;

  /** Whether a call's name is that of a call that may acquire: asked of every call. */
  private final transient NameFilter namedLikeAcquirer;

  /** Whether a call's name is that of a URLConnection's header getter: asked of every call. */
  private final transient NameFilter namedLikeAHeaderGetter =
      new NameFilter(HeaderReads::namedLikeAHeaderGetter);

  private final transient LeakFindings findings = new LeakFindings(this, LeakMessage::of);

  /** Used by ServiceLoader; Error Prone itself calls the {@link Inject} constructor. */
  public ResourceLeak() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  ResourceLeak(ErrorProneFlags flags) {
    FlagProblem.Parsed<Settings> parsed =
        FlagProblem.parse(
            () ->
                new Settings(
                    IoResources.fromFlags(flags),
                    ExceptionPolicy.fromFlags(flags, "ResourceLeak", DOC_PAGE)),
            () ->
                new Settings(
                    IoResources.fromFlags(ErrorProneFlags.empty()), ExceptionPolicy.DECLARED));
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

  @Override
  public Description matchNewClass(NewClassTree tree, VisitorState state) {
    // Most constructors build no resource: a look-up answered once per constructor, asked before
    // the error guard's lambda.
    MethodSymbol constructor = getSymbol(tree);
    if (constructor == null || !resources.acquires(constructor, state)) {
      return Description.NO_MATCH;
    }
    return check(tree, state);
  }

  @Override
  public Description matchMethodInvocation(MethodInvocationTree call, VisitorState state) {
    MethodSymbol method = getSymbol(call);
    if (method == null) {
      return Description.NO_MATCH;
    }
    // Nearly every call fails the name tests: asked first, they spare them the error guard's
    // lambda.
    if (namedLikeAHeaderGetter.test(method.getSimpleName(), state.context)) {
      Description headerRead = checkHeaderRead(state);
      if (headerRead != Description.NO_MATCH) {
        return headerRead;
      }
    }
    if (!namedLikeAcquirer.test(method.getSimpleName(), state.context)) {
      return Description.NO_MATCH;
    }
    return check(call, state);
  }

  /** A URLConnection asked for a header connects, and opens what nothing may close. */
  private Description checkHeaderRead(VisitorState state) {
    return InternalErrors.noFindingOnError(
        () ->
            HeaderReads.lossAt(state.getPath(), state)
                .map(
                    loss ->
                        Reporter.route(
                            buildDescription(loss.firstRead())
                                .setMessage(HeaderReadMessage.of(loss, state))
                                .build(),
                            state))
                .orElse(Description.NO_MATCH));
  }

  private Description check(ExpressionTree acquisition, VisitorState state) {
    return InternalErrors.noFindingOnError(
        () -> {
          if (resources.acquisition(acquisition, state).isEmpty()
              || LeakFindings.handedOn(state.getPath(), state)
              || reportedByStreamResourceLeak(acquisition, state)
              || FileTreeWalks.drainedInFull(state.getPath(), state)
              || !obligations.acquires(state.getPath(), state)) {
            return Description.NO_MATCH;
          }
          return obligations
              .around(state.getPath(), state)
              .map(body -> findings.describe(acquisition, body, state))
              .orElse(Description.NO_MATCH);
        });
  }

  /**
   * Whether Error Prone's StreamResourceLeak, which is on unless turned off, reports this {@code
   * Files} stream already: one finding per problem. Turned off, this check reports it.
   */
  private static boolean reportedByStreamResourceLeak(
      ExpressionTree acquisition, VisitorState state) {
    if (!(getSymbol(acquisition) instanceof MethodSymbol method)
        || !IoResources.isFilesStream(method, state)) {
      return false;
    }
    Severity severity = state.errorProneOptions().getSeverityMap().get(STREAM_RESOURCE_LEAK);
    if (severity != null) {
      return severity != Severity.OFF;
    }
    return !state.errorProneOptions().isDisableAllChecks();
  }
}
