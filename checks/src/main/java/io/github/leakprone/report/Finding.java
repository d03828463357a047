package io.github.leakprone.report;

import com.google.common.base.CharMatcher;
import com.google.common.collect.ImmutableList;
import com.google.errorprone.BugPattern.SeverityLevel;
import com.google.errorprone.VisitorState;
import com.google.errorprone.fixes.Fix;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import io.github.leakprone.FailOnInternalError;
import javax.annotation.Nullable;

/**
 * One finding of the compilation, kept as plain data (not the Description, which holds javac's
 * trees) until the report is written when the compilation ends.
 *
 * @param state {@code new}, {@code unchanged} (the baseline holds it), or null when the baseline is
 *     being written
 */
record Finding(
    String check,
    SeverityLevel level,
    String message,
    @Nullable String link,
    String packageName,
    FindingSite site,
    BaselineEntry entry,
    @Nullable String state,
    ImmutableList<FixEdits> fixes) {

  /**
   * Takes what the report needs from {@code description} while javac's trees are still there.
   *
   * @param gated whether the gate raised the finding to an error
   * @param baselineState the finding's {@link #state}
   */
  static Finding of(
      Description description,
      VisitorState state,
      FindingSite site,
      BaselineEntry entry,
      boolean gated,
      @Nullable String baselineState) {
    return new Finding(
        description.checkName,
        gated ? SeverityLevel.ERROR : severity(description, state),
        description.getRawMessage(),
        description.getLink(),
        packageName(state.getPath().getCompilationUnit(), state),
        site,
        entry,
        baselineState,
        fixes(description, state));
  }

  private static SeverityLevel severity(Description description, VisitorState state) {
    SeverityLevel configured = state.severityMap().get(description.checkName);
    // A severity the check chose itself wins over the configured one, as in Error Prone.
    return description
        .applySeverityOverride(configured != null ? configured : SeverityLevel.WARNING)
        .severity();
  }

  private static ImmutableList<FixEdits> fixes(Description description, VisitorState state) {
    ImmutableList.Builder<FixEdits> fixes = ImmutableList.builder();
    for (Fix fix : description.fixes) {
      try {
        fixes.add(FixEdits.of(fix, state));
      } catch (RuntimeException e) {
        if (FailOnInternalError.ENABLED) {
          throw e;
        }
        // A fix whose edits cannot be read is left out of the report; the finding stays.
      }
    }
    return fixes.build();
  }

  private static String packageName(CompilationUnitTree unit, VisitorState state) {
    ExpressionTree name = unit.getPackageName();
    if (name == null) {
      return "";
    }
    String source = state.getSourceForNode(name);
    return source == null ? "" : CharMatcher.whitespace().removeFrom(source);
  }
}
