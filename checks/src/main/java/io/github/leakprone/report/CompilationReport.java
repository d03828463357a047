package io.github.leakprone.report;

import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Description;
import com.sun.tools.javac.util.Context;
import io.github.leakprone.BuildMessages;

/**
 * What LeakProne's reporting does in one javac compilation, in one of three states that its {@code
 * -XepOpt:LeakProne:*} flags decide at the first file: {@link Off} (no such flag), {@link BadFlags}
 * (a value was wrong) or {@link ActiveReport} (books kept, files written when the compilation
 * ends). It lives in the compilation's javac {@link Context}, never in a static field: a Gradle
 * daemon or an IDE runs many compilations in one JVM.
 */
sealed interface CompilationReport
    permits CompilationReport.Off, CompilationReport.BadFlags, ActiveReport {

  /** Notes that {@code check} looked at the current file. */
  void visitFile(String check, VisitorState state);

  /**
   * Decides a finding's fate: {@link Description#NO_MATCH} when the baseline holds it (or is being
   * written), an error when the gate is on, otherwise the finding as the check made it.
   */
  Description route(Description description, VisitorState state);

  /** The compilation's report, made (and registered with javac) on the first call. */
  static CompilationReport of(VisitorState state) {
    Context context = state.context;
    CompilationReport report = context.get(CompilationReport.class);
    if (report == null) {
      report = start(state);
      context.put(CompilationReport.class, report);
    }
    return report;
  }

  private static CompilationReport start(VisitorState state) {
    ErrorProneFlags flags = state.errorProneOptions().getFlags();
    if (ReportFlags.noneSet(flags)) {
      return Off.INSTANCE;
    }
    try {
      return ActiveReport.start(state.context, ReportFlags.parse(flags));
    } catch (IllegalArgumentException e) {
      return new BadFlags(e.getMessage(), flags.get(ReportFlags.BASELINE).isPresent());
    }
  }

  /** No LeakProne reporting flag: findings go straight to javac, and nothing is kept or written. */
  enum Off implements CompilationReport {
    INSTANCE;

    @Override
    public void visitFile(String check, VisitorState state) {}

    @Override
    public Description route(Description description, VisitorState state) {
      return description;
    }
  }

  /**
   * A flag value was wrong, or a file they name cannot be read or written: the compilation fails
   * with one error that says which, with no source position (the problem is in the build's setup,
   * not in the file being checked), and nothing is kept or written.
   *
   * <p>Without a baseline, findings go to javac as they came, so that the user still sees them.
   * With one, every finding is held back: the baseline's findings must never show (and a gate must
   * not print known leaks as warnings beside its error), and when it cannot be read, or a flag
   * beside it is wrong, which findings it holds is not known. The build fails on the error anyway;
   * once the flags are right every finding is judged again. (Error Prone itself checks no class
   * after the first error it did not report, so findings past the first class were lost anyway.)
   */
  final class BadFlags implements CompilationReport {

    private final String problem;
    private final boolean holdBack;
    private boolean reported;

    /**
     * @param holdBack whether a baseline was named: findings are then kept from javac
     */
    BadFlags(String problem, boolean holdBack) {
      this.problem = problem;
      this.holdBack = holdBack;
    }

    @Override
    public void visitFile(String check, VisitorState state) {
      reportOnce(state);
    }

    @Override
    public Description route(Description description, VisitorState state) {
      reportOnce(state);
      return holdBack ? Description.NO_MATCH : description;
    }

    private void reportOnce(VisitorState state) {
      if (reported) {
        return;
      }
      reported = true;
      BuildMessages.error(state.context, "[LeakProne] " + problem);
    }
  }
}
