package io.github.leakprone.checks;

import com.google.errorprone.VisitorState;
import io.github.leakprone.BuildMessages;
import io.github.leakprone.report.Reporter;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javax.annotation.Nullable;

/**
 * A malformed {@code -XepOpt:} value. A check's constructor must not throw (Error Prone would crash
 * javac with a stack trace), so the check parses its flags through {@link #parse}, runs with its
 * built-in knowledge, and reports the problem as a compilation error, once, at the first file it
 * sees, with no source position (the problem is in the build's flags, not in that file). The
 * message names the check, the flag and the bad entry ({@code [Check] -XepOpt:Check:Flag: bad entry
 * '...': why}).
 */
final class FlagProblem {

  @Nullable private final String message;
  private final AtomicBoolean reported = new AtomicBoolean();

  private FlagProblem(@Nullable String message) {
    this.message = message;
  }

  /** What a check's flags came to: the parsed value and the problem, if any, to report. */
  record Parsed<T>(T value, FlagProblem problem) {}

  /**
   * Runs {@code parse}; when it rejects a flag value, runs {@code fallback} (the built-in
   * knowledge) instead and keeps the message for {@link #reportOnce}.
   */
  static <T> Parsed<T> parse(Supplier<T> parse, Supplier<T> fallback) {
    try {
      return new Parsed<>(parse.get(), new FlagProblem(null));
    } catch (IllegalArgumentException e) {
      return new Parsed<>(fallback.get(), new FlagProblem(e.getMessage()));
    }
  }

  /**
   * Reports the problem as a javac error, once per compilation, with no source file or position. It
   * goes to javac's log directly, not through a Description: a finding's severity is the user's to
   * set with {@code -Xep:}, but a malformed flag must fail the build whatever that severity is.
   */
  void reportOnce(String checkName, VisitorState state) {
    // Every check calls this for every file: LeakProne's report learns which files each check saw.
    Reporter.visitFile(checkName, state);
    if (message != null && !reported.getAndSet(true)) {
      BuildMessages.error(state.context, "[" + checkName + "] " + message);
    }
  }
}
