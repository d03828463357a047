package io.github.leakprone.report;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.common.collect.ImmutableMap;
import com.google.errorprone.BugCheckerInfo;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.tools.javac.util.Context;
import io.github.leakprone.BuildMessages;
import io.github.leakprone.FailOnInternalError;
import io.github.leakprone.report.ReportFlags.BaselineMode;
import io.github.leakprone.report.SarifReport.Notification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * Turns a compilation's books into what the flags ask for when javac announces the end of the
 * compilation: the rewritten baseline, or notes on the baseline's stale entries, and the SARIF
 * report. A file that cannot be written is a compilation error that names it, never a crash.
 */
final class ReportWriter implements TaskListener {

  private final Context context;
  private final ReportFlags flags;
  @Nullable private final Baseline baseline;
  private final ClassFolder output;
  private final CompilationBooks books;

  ReportWriter(
      Context context,
      ReportFlags flags,
      @Nullable Baseline baseline,
      ClassFolder output,
      CompilationBooks books) {
    this.context = context;
    this.flags = flags;
    this.baseline = baseline;
    this.output = output;
    this.books = books;
  }

  @Override
  public void finished(TaskEvent event) {
    if (event.getKind() != TaskEvent.Kind.COMPILATION) {
      return;
    }
    try {
      List<Notification> notifications = new ArrayList<>();
      ImmutableMap<String, BugCheckerInfo> known = Rules.leakProneChecks();
      if (flags.mode() == BaselineMode.WRITE) {
        writeBaseline(known);
      } else if (baseline != null) {
        reportStale(baseline, known, notifications);
      }
      if (flags.sarifReport() != null) {
        writeSarif(known, notifications);
      }
    } catch (RuntimeException e) {
      if (FailOnInternalError.ENABLED) {
        throw e;
      }
      error("could not write the report or the baseline: " + e);
    }
  }

  /**
   * Notes the baseline's entries that no finding matched, where this compilation looked for them,
   * both for the build log and as the SARIF report's notifications.
   */
  private void reportStale(
      Baseline baseline,
      ImmutableMap<String, BugCheckerInfo> known,
      List<Notification> notifications) {
    List<String> lines = new ArrayList<>();
    SourceFile baselineFile = SourceFile.of(baseline.file(), flags.baseDir());
    for (Map.Entry<BaselineEntry, Integer> line : baseline.lines().entrySet()) {
      BaselineEntry entry = line.getKey();
      if (books.wasMatched(entry) || !books.lookedAt(entry, known)) {
        continue;
      }
      lines.add("\n  line " + line.getValue() + ": " + entry.toLine());
      notifications.add(
          new Notification(
              "note",
              "Stale baseline entry: no finding matches it any more: " + entry.toLine(),
              baselineFile,
              line.getValue()));
    }
    if (!lines.isEmpty()) {
      note(
          baseline.file()
              + ": "
              + lines.size()
              + (lines.size() == 1 ? " entry matches" : " entries match")
              + " no finding any more (the leak was fixed, or its code or member changed); delete"
              + (lines.size() == 1 ? " it" : " them")
              + " so that the baseline shrinks, or rewrite the file with "
              + ReportFlags.PREFIX
              + ReportFlags.BASELINE_MODE
              + "=write:"
              + String.join("", lines));
    }
  }

  /**
   * Rewrites the baseline: the entries of the files and checks this compilation looked at are
   * replaced by its findings; other entries (another module's, the test sources' when this is the
   * main compilation) stay.
   */
  private void writeBaseline(ImmutableMap<String, BugCheckerInfo> known) {
    Path file = flags.baseline();
    List<BaselineEntry> entries = books.entries();
    try {
      int[] total = {0};
      BaselineLock.run(
          file,
          () -> {
            Baseline existing = Baseline.read(file, true);
            List<BaselineEntry> merged = new ArrayList<>();
            for (BaselineEntry entry : existing.lines().keySet()) {
              if (!books.lookedAt(entry, known)) {
                merged.add(entry);
              }
            }
            merged.addAll(entries);
            total[0] = merged.size();
            String text = Baseline.render(merged);
            if (!Files.exists(file) || !text.equals(Files.readString(file, UTF_8))) {
              AtomicFiles.write(file, text);
            }
          });
      note(
          "wrote "
              + file
              + ": "
              + entries.size()
              + " finding(s) of this compilation, "
              + total[0]
              + " entries in all");
    } catch (IOException e) {
      error(
          ReportFlags.PREFIX
              + ReportFlags.BASELINE
              + ": cannot write "
              + file
              + ": "
              + Baseline.reason(e, file));
    } catch (IllegalArgumentException e) {
      error(e.getMessage());
    }
  }

  private void writeSarif(
      ImmutableMap<String, BugCheckerInfo> known, List<Notification> notifications) {
    Path path = flags.sarifPath(output.name());
    try {
      if (Files.isRegularFile(path)) {
        String previous = SarifReport.automationIdOf(Files.readString(path, UTF_8));
        if (previous != null && !previous.equals(output.automationId())) {
          note(
              ReportFlags.PREFIX
                  + ReportFlags.SARIF_REPORT
                  + ": replaced "
                  + path
                  + ", which held the findings of another compilation ("
                  + previous
                  + "); put "
                  + ReportFlags.OUTPUT_PLACEHOLDER
                  + " in the path to keep one report per compilation");
        }
      }
      String baselineUri =
          baseline == null ? null : SourceFile.of(baseline.file(), flags.baseDir()).path();
      AtomicFiles.write(
          path,
          SarifReport.render(
              books.checksRun(),
              known,
              books.findings(),
              notifications,
              flags.baseDir(),
              output.automationId(),
              baselineUri));
    } catch (IOException e) {
      error(
          ReportFlags.PREFIX
              + ReportFlags.SARIF_REPORT
              + ": cannot write "
              + path
              + ": "
              + Baseline.reason(e, path));
    }
  }

  private void note(String message) {
    BuildMessages.note(context, "[LeakProne] " + message);
  }

  private void error(String message) {
    BuildMessages.error(context, "[LeakProne] " + message);
  }
}
