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
import com.google.errorprone.bugpatterns.BugChecker.ClassTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.CompilationUnitTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.TreePath;
import io.github.leakprone.Links;
import io.github.leakprone.analysis.growth.JudgedFields;
import io.github.leakprone.analysis.growth.StaticGrowth;
import io.github.leakprone.analysis.growth.UnremovedGrowth;
import io.github.leakprone.catalog.StaticCollectionLeakFlags;
import io.github.leakprone.catalog.StaticGrowthCatalog;
import io.github.leakprone.fixes.RemoveInPartner;
import io.github.leakprone.report.Reporter;
import javax.inject.Inject;

/**
 * Flags a static collection, map or cache that grows on every call or connection while nothing on
 * the matching path (the close handler of its lifecycle, or anything at all) removes from it.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary =
        "Remove what per-call or per-connection code adds to a static collection, or bound the"
            + " collection",
    severity = WARNING,
    tags = StandardTags.PERFORMANCE,
    link = Links.DOCS + "StaticCollectionLeak.md",
    linkType = CUSTOM)
public final class StaticCollectionLeak extends BugChecker
    implements CompilationUnitTreeMatcher, ClassTreeMatcher {

  private static final long serialVersionUID = 1L;

  // Transient: a BugChecker is Serializable, the catalog need not be (it is rebuilt from flags).
  private final transient FlagProblem flagProblem;

  /** The catalog's fields, and its type answers for the compilation, which the analysis shares. */
  private final transient JudgedFields judgedFields;

  /**
   * The unit analysed last. The analysis covers a whole unit (a field's uses may be anywhere in it)
   * and starts at the first class that declares a field it judges; Error Prone visits a unit's
   * classes one after another, so the others of that unit find it done.
   */
  private transient CompilationUnitTree analysedUnit;

  /** Used by ServiceLoader; Error Prone itself calls the {@link Inject} constructor. */
  public StaticCollectionLeak() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  StaticCollectionLeak(ErrorProneFlags flags) {
    FlagProblem.Parsed<StaticGrowthCatalog> parsed =
        FlagProblem.parse(
            () -> StaticCollectionLeakFlags.catalog(flags), () -> StaticGrowthCatalog.BUILT_IN);
    this.flagProblem = parsed.problem();
    this.judgedFields = new JudgedFields(parsed.value());
  }

  @Override
  public Description matchCompilationUnit(CompilationUnitTree tree, VisitorState state) {
    flagProblem.reportOnce(canonicalName(), state);
    return Description.NO_MATCH;
  }

  /**
   * Starts the analysis of the unit at its first class with a judged field. Asking each class
   * (Error Prone visits local and anonymous ones too) about its own members costs next to nothing;
   * analysing every unit, as this check first did, cost 3% of a real build for units where nothing
   * could be found (docs/performance.md).
   */
  @Override
  public Description matchClass(ClassTree tree, VisitorState state) {
    CompilationUnitTree unit = state.getPath().getCompilationUnit();
    if (unit == analysedUnit) {
      return Description.NO_MATCH;
    }
    return InternalErrors.noFindingOnError(
        () -> {
          if (!judgedFields.declaredIn(tree, state)) {
            return Description.NO_MATCH;
          }
          analysedUnit = unit;
          // Every finding is built before the first is reported: a failure reports none, not half.
          check(new TreePath(unit), state)
              .forEach(finding -> state.reportMatch(Reporter.route(finding, state)));
          return Description.NO_MATCH;
        });
  }

  private ImmutableList<Description> check(TreePath unit, VisitorState state) {
    ImmutableList.Builder<Description> findings = ImmutableList.builder();
    for (UnremovedGrowth leak : StaticGrowth.analyse(unit, judgedFields, state)) {
      if (isSuppressed(leak, state)) {
        continue;
      }
      Description.Builder description =
          buildDescription(leak.growth().getLeaf())
              .setMessage(StaticCollectionLeakMessage.of(leak));
      RemoveInPartner.fix(leak, state).ifPresent(description::addFix);
      findings.add(description.build());
    }
    return findings.build();
  }

  /**
   * A finding in a unit-wide check is not suppressed by Error Prone itself: honour
   * {@code @SuppressWarnings} on the field and on every declaration around the growth.
   */
  private boolean isSuppressed(UnremovedGrowth leak, VisitorState state) {
    return isSuppressed(leak.field(), state) || Suppressions.around(this, leak.growth(), state);
  }
}
