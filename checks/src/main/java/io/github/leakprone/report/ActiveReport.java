package io.github.leakprone.report;

import com.google.errorprone.BugPattern.SeverityLevel;
import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Description;
import com.sun.tools.javac.api.BasicJavacTask;
import com.sun.tools.javac.util.Context;
import io.github.leakprone.report.ReportFlags.BaselineMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.annotation.Nullable;

/**
 * The report of a compilation whose {@code -XepOpt:LeakProne:*} flags are good: it routes each
 * finding (to javac, silenced by the baseline, or raised to an error by the gate) and keeps the
 * books, which {@link ReportWriter} turns into files when the compilation ends.
 */
final class ActiveReport implements CompilationReport {

  private final ReportFlags flags;

  /** The baseline as it was when the compilation started; null without {@code Baseline}. */
  @Nullable private final Baseline baseline;

  private final CompilationBooks books;

  private ActiveReport(ReportFlags flags, @Nullable Baseline baseline, CompilationBooks books) {
    this.flags = flags;
    this.baseline = baseline;
    this.books = books;
  }

  /**
   * Checks what the flags name (the base folder, the baseline, the files to write) and has the
   * files written when the compilation ends; throws {@link IllegalArgumentException} naming the
   * flag when something is wrong, before anything is written.
   */
  static ActiveReport start(Context context, ReportFlags flags) {
    if (!Files.isDirectory(flags.baseDir())) {
      throw new IllegalArgumentException(
          ReportFlags.PREFIX + ReportFlags.BASE_DIR + ": " + flags.baseDir() + " is not a folder");
    }
    Baseline baseline = null;
    if (flags.baseline() != null) {
      boolean writing = flags.mode() == BaselineMode.WRITE;
      if (writing) {
        // Writing is what write mode is for: a path that cannot be written says so, rather than
        // that it cannot be read (the file is read too, to keep other compilations' entries).
        checkWritable(ReportFlags.BASELINE, flags.baseline());
      }
      baseline = Baseline.read(flags.baseline(), writing);
    }
    ClassFolder output = ClassFolder.of(context, flags.baseDir());
    if (flags.sarifReport() != null) {
      checkWritable(ReportFlags.SARIF_REPORT, flags.sarifPath(output.name()));
    }
    CompilationBooks books = new CompilationBooks(flags.baseDir());
    BasicJavacTask.instance(context)
        .addTaskListener(new ReportWriter(context, flags, baseline, output, books));
    return new ActiveReport(flags, baseline, books);
  }

  private static void checkWritable(String flag, Path file) {
    try {
      AtomicFiles.checkWritable(file);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          ReportFlags.PREFIX + flag + ": cannot write " + file + ": " + Baseline.reason(e, file),
          e);
    }
  }

  @Override
  public void visitFile(String check, VisitorState state) {
    books.ranOn(check, books.sourceFile(state));
  }

  @Override
  public Description route(Description description, VisitorState state) {
    if (description == Description.NO_MATCH) {
      return description;
    }
    String check = description.checkName;
    SourceFile file = books.sourceFile(state);
    books.ranOn(check, file);
    FindingSite site = FindingSite.of(description, state, file);
    BaselineEntry entry = books.newEntry(check, file, site);
    boolean writing = flags.mode() == BaselineMode.WRITE;
    boolean inBaseline = !writing && baseline != null && baseline.contains(entry);
    if (inBaseline) {
      books.matched(entry);
    }
    boolean silenced = writing || inBaseline;
    boolean gated = flags.gate() && !silenced;
    if (flags.sarifReport() != null) {
      String baselineState = writing || baseline == null ? null : inBaseline ? "unchanged" : "new";
      books.add(Finding.of(description, state, site, entry, gated, baselineState));
    }
    if (silenced) {
      return Description.NO_MATCH;
    }
    return gated ? description.applySeverityOverride(SeverityLevel.ERROR) : description;
  }
}
