package io.github.leakprone.report;

import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Description;
import io.github.leakprone.FailOnInternalError;

/**
 * The one way every LeakProne check reports: a check passes each finding through {@link #route}
 * before javac sees it, so that every check, a new one too, gets the SARIF report, the baseline and
 * the gate.
 *
 * <pre>{@code
 * return Reporter.route(description.build(), state);              // from a matcher
 * state.reportMatch(Reporter.route(description.build(), state));  // several per match
 * }</pre>
 *
 * <p>Without {@code -XepOpt:LeakProne:*} flags a finding passes through untouched. With them, the
 * compilation's {@link CompilationReport} (kept in javac's per-compilation context) records it,
 * silences it when the baseline holds it, raises it to an error when the gate is on, and writes the
 * report and the baseline when the compilation ends. A failure here never costs the user a finding
 * or crashes javac: the finding then goes to javac as it came.
 */
public final class Reporter {

  /**
   * Routes a check's finding: returns it for javac (raised to an error when the gate is on), or
   * {@link Description#NO_MATCH} when the baseline holds it.
   */
  public static Description route(Description description, VisitorState state) {
    try {
      return CompilationReport.of(state).route(description, state);
    } catch (RuntimeException | LinkageError e) {
      if (FailOnInternalError.ENABLED) {
        throw e;
      }
      return description;
    }
  }

  /**
   * Tells the report that {@code check} looked at the current file, whether or not it finds
   * anything there: the report is then written even for a clean compilation, a baseline entry for a
   * file that no longer has its finding is known to be stale, and a bad {@code -XepOpt:LeakProne:*}
   * flag fails the compilation at its first file. Checks call it through {@code
   * FlagProblem.reportOnce} at each compilation unit.
   */
  public static void visitFile(String check, VisitorState state) {
    try {
      CompilationReport.of(state).visitFile(check, state);
    } catch (RuntimeException | LinkageError e) {
      if (FailOnInternalError.ENABLED) {
        throw e;
      }
    }
  }

  private Reporter() {}
}
