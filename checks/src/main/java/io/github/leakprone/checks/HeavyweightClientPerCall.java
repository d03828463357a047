package io.github.leakprone.checks;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.auto.service.AutoService;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.BugPattern;
import com.google.errorprone.BugPattern.StandardTags;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.CompilationUnitTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.NewClassTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import io.github.leakprone.Links;
import io.github.leakprone.analysis.Fate;
import io.github.leakprone.analysis.FateAnalysis;
import io.github.leakprone.analysis.PerCallScope;
import io.github.leakprone.analysis.SelfEndingClients;
import io.github.leakprone.analysis.obligation.ExceptionPolicy;
import io.github.leakprone.analysis.obligation.Leak;
import io.github.leakprone.analysis.obligation.Obligations;
import io.github.leakprone.catalog.ClientCatalog;
import io.github.leakprone.catalog.ClientPolicy;
import io.github.leakprone.catalog.ClientResources;
import io.github.leakprone.catalog.HeavyweightClient;
import io.github.leakprone.catalog.HeavyweightClientPerCallFlags;
import io.github.leakprone.catalog.HeavyweightClients;
import io.github.leakprone.catalog.NamedTypes;
import io.github.leakprone.catalog.PerCallHarm;
import io.github.leakprone.fixes.HoistToStaticField;
import io.github.leakprone.fixes.ReleaseOnEveryPath;
import io.github.leakprone.report.Reporter;
import io.github.leakprone.trees.LocalUses;
import io.github.leakprone.trees.TreePaths;
import java.util.Optional;
import javax.inject.Inject;

/**
 * Flags a heavyweight client (HTTP, storage, JSON, thread pool) built on every call of a method.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary =
        "Share a heavyweight client, or release it on every path, instead of building one per call",
    severity = WARNING,
    tags = StandardTags.PERFORMANCE,
    link = Links.DOCS + "HeavyweightClientPerCall.md",
    linkType = CUSTOM)
public final class HeavyweightClientPerCall extends BugChecker
    implements CompilationUnitTreeMatcher, NewClassTreeMatcher, MethodInvocationTreeMatcher {

  private static final long serialVersionUID = 1L;
  private static final String DOC_PAGE = "docs/bugpatterns/HeavyweightClientPerCall.md";

  /** What the flags say: the catalog, with users' additions, and which exceptions count. */
  private record Settings(ImmutableList<HeavyweightClient> clients, ExceptionPolicy exceptions) {}

  // Transient: a BugChecker is Serializable, the catalog need not be (it is rebuilt from flags).
  private final transient ClientCatalog catalog;

  private final transient ClientResources resources;
  private final transient FlagProblem flagProblem;

  private final transient Obligations obligations;

  /** Used by ServiceLoader; Error Prone itself calls the {@link Inject} constructor. */
  public HeavyweightClientPerCall() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  HeavyweightClientPerCall(ErrorProneFlags flags) {
    FlagProblem.Parsed<Settings> parsed =
        FlagProblem.parse(
            () ->
                new Settings(
                    HeavyweightClientPerCallFlags.catalog(flags),
                    ExceptionPolicy.fromFlags(flags, "HeavyweightClientPerCall", DOC_PAGE)),
            () -> new Settings(HeavyweightClients.BUILT_IN, ExceptionPolicy.DECLARED));
    this.catalog = new ClientCatalog(parsed.value().clients());
    this.resources = new ClientResources(catalog);
    this.obligations = new Obligations(resources, parsed.value().exceptions());
    this.flagProblem = parsed.problem();
  }

  @Override
  public Description matchCompilationUnit(CompilationUnitTree tree, VisitorState state) {
    flagProblem.reportOnce(canonicalName(), state);
    return Description.NO_MATCH;
  }

  @Override
  public Description matchNewClass(NewClassTree tree, VisitorState state) {
    return InternalErrors.noFindingOnError(() -> check(tree, state));
  }

  @Override
  public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    // Nearly every call fails the name test: asked first, it spares them the error guard's lambda.
    if (!catalog.mayEndCreation(tree, state)) {
      return Description.NO_MATCH;
    }
    return InternalErrors.noFindingOnError(() -> check(tree, state));
  }

  private Description check(ExpressionTree creation, VisitorState state) {
    Optional<HeavyweightClient> match = catalog.match(creation, state);
    if (match.isEmpty()) {
      return Description.NO_MATCH;
    }
    Optional<Tree> body = PerCallScope.of(state.getPath(), state);
    HeavyweightClient client = match.get();
    if (body.isEmpty()
        || SelfEndingClients.endsItself(
            ASTHelpers.getType(creation), client.releaseMethods(), state)) {
      return Description.NO_MATCH;
    }
    Fate fate =
        FateAnalysis.analyse(
            state.getPath(), body.get(), NamedTypes.get(client.type(), state), state);
    if (client.harm() == PerCallHarm.COST
        && fate.kind() != Fate.Kind.ADDED_TO_COLLECTION
        && !PerCallScope.repeatsPerRequest(state.getPath(), body.get())) {
      // Built per call of a method that runs now and then (loading configuration), it costs a
      // little CPU and leaks nothing; kept in a collection per call, it does.
      return Description.NO_MATCH;
    }
    Optional<Leak> leak = Optional.empty();
    switch (fate.kind()) {
      case RETURNED, KEPT_ONCE -> {
        return Description.NO_MATCH;
      }
      case STAYS_IN_METHOD -> {
        if (client.policy() == ClientPolicy.RELEASE) {
          // Released on every path out of the call is what the library asks for: only a path that
          // loses it is a finding.
          leak = obligations.leakAt(state.getPath(), state);
          if (leak.isEmpty()) {
            return Description.NO_MATCH;
          }
        }
      }
      case ADDED_TO_COLLECTION, STORED_IN_FIELD -> {}
    }
    boolean byFactory = catalog.isFactoryInSight(creation, state);
    Description.Builder description =
        buildDescription(creation)
            .setMessage(
                HeavyweightClientPerCallMessage.of(
                    client, fate, leak, creation, byFactory, body.get(), state));
    if (client.policy() == ClientPolicy.SHARE) {
      HoistToStaticField.fix(client, fate, state).ifPresent(description::addFix);
    } else if (leak.isPresent()) {
      TreePath bodyPath = TreePaths.pathTo(body.get(), state.getPath());
      ReleaseOnEveryPath.fix(
              client.releaseMethods(),
              client.primaryReleaseMethod(),
              state,
              LocalUses.of(bodyPath, ImmutableSet.of()),
              ImmutableList.of())
          .ifPresent(rewrite -> description.addFix(rewrite.fix()));
    }
    return Reporter.route(description.build(), state);
  }
}
