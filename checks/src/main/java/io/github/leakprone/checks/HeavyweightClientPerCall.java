package io.github.leakprone.checks;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.auto.service.AutoService;
import com.google.common.collect.ImmutableList;
import com.google.errorprone.BugPattern;
import com.google.errorprone.BugPattern.StandardTags;
import com.google.errorprone.ErrorProneFlags;
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
import com.sun.source.tree.Tree;
import io.github.leakprone.Links;
import io.github.leakprone.analysis.Fate;
import io.github.leakprone.analysis.FateAnalysis;
import io.github.leakprone.analysis.PerCallScope;
import io.github.leakprone.catalog.CatalogFlags;
import io.github.leakprone.catalog.ClientCatalog;
import io.github.leakprone.catalog.ClientPolicy;
import io.github.leakprone.catalog.HeavyweightClient;
import io.github.leakprone.catalog.HeavyweightClients;
import io.github.leakprone.fixes.HoistToStaticField;
import io.github.leakprone.fixes.ReleaseOnEveryPath;
import io.github.leakprone.report.Reporter;
import java.util.Optional;
import javax.inject.Inject;

/** Flags a heavyweight client (HTTP, storage, JSON, thread pool) built on every call of a method. */
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

  // Transient: a BugChecker is Serializable, the catalogue need not be (it is rebuilt from flags).
  private final transient ClientCatalog catalog;

  private final transient FlagProblem flagProblem;

  /** Used by ServiceLoader; Error Prone itself calls the {@link Inject} constructor. */
  public HeavyweightClientPerCall() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  HeavyweightClientPerCall(ErrorProneFlags flags) {
    FlagProblem.Parsed<ImmutableList<HeavyweightClient>> parsed =
        FlagProblem.parse(
            () -> CatalogFlags.catalogue(flags), () -> HeavyweightClients.BUILT_IN);
    this.catalog = new ClientCatalog(parsed.value());
    this.flagProblem = parsed.problem();
  }

  @Override
  public Description matchCompilationUnit(CompilationUnitTree tree, VisitorState state) {
    flagProblem.reportOnce(canonicalName(), tree, state);
    return Description.NO_MATCH;
  }

  @Override
  public Description matchNewClass(NewClassTree tree, VisitorState state) {
    return InternalErrors.noFindingOnError(() -> check(tree, state));
  }

  @Override
  public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    return InternalErrors.noFindingOnError(() -> check(tree, state));
  }

  private Description check(ExpressionTree creation, VisitorState state) {
    Optional<HeavyweightClient> match = catalog.match(creation, state);
    if (match.isEmpty()) {
      return Description.NO_MATCH;
    }
    Optional<Tree> body = PerCallScope.of(state.getPath());
    if (body.isEmpty()) {
      return Description.NO_MATCH;
    }
    HeavyweightClient client = match.get();
    Fate fate =
        FateAnalysis.analyse(
            state.getPath(),
            body.get(),
            client.releaseMethods(),
            state.getTypeFromString(client.type()),
            state);
    if (!isLeak(client, fate)) {
      return Description.NO_MATCH;
    }
    Description.Builder description =
        buildDescription(creation)
            .setMessage(ClientFindingMessage.of(client, fate, creation, body.get(), state));
    (client.policy() == ClientPolicy.SHARE
            ? HoistToStaticField.fix(client, fate, state)
            : ReleaseOnEveryPath.fix(client, fate, state))
        .ifPresent(description::addFix);
    return Reporter.route(description.build(), state);
  }

  private static boolean isLeak(HeavyweightClient client, Fate fate) {
    return switch (fate.kind()) {
      case RETURNED, KEPT_ONCE -> false;
      case ADDED_TO_COLLECTION, STORED_IN_FIELD -> true;
      case RELEASED_ON_EVERY_PATH -> client.policy() == ClientPolicy.SHARE;
      case RELEASED_ON_NORMAL_PATH, NOT_RELEASED -> true;
    };
  }
}
