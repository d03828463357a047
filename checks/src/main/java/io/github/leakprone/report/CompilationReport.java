package io.github.leakprone.report;

import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.util.Context;
import com.sun.tools.javac.util.JCDiagnostic;
import com.sun.tools.javac.util.Log;

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
      return new BadFlags(e.getMessage());
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
   * A flag value was wrong: the compilation fails with one error that says which, and findings go
   * to javac as they came, so that the user still sees them; nothing is kept or written.
   */
  final class BadFlags implements CompilationReport {

    private final String problem;
    private boolean reported;

    BadFlags(String problem) {
      this.problem = problem;
    }

    @Override
    public void visitFile(String check, VisitorState state) {
      reportOnce(state);
    }

    @Override
    public Description route(Description description, VisitorState state) {
      reportOnce(state);
      return description;
    }

    private void reportOnce(VisitorState state) {
      if (reported) {
        return;
      }
      reported = true;
      CompilationUnitTree file = state.getPath().getCompilationUnit();
      // At the first class of the file, where javac shows a line, as FlagProblem does.
      Tree at = file.getTypeDecls().isEmpty() ? file : file.getTypeDecls().get(0);
      Log.instance(state.context)
          .error(
              (JCTree) at,
              new JCDiagnostic.Error("compiler", "proc.messager", "[LeakProne] " + problem));
    }
  }
}
