package io.github.leakprone.report;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.common.base.CharMatcher;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.errorprone.BugCheckerInfo;
import com.google.errorprone.BugPattern.SeverityLevel;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.fixes.Fix;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.tools.javac.api.BasicJavacTask;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.util.Context;
import com.sun.tools.javac.util.JCDiagnostic;
import com.sun.tools.javac.util.Log;
import io.github.leakprone.FailOnInternalError;
import io.github.leakprone.report.ReportFlags.BaselineMode;
import io.github.leakprone.report.SarifReport.Notification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.Nullable;
import javax.tools.JavaFileObject;

/**
 * What LeakProne's reporting knows about one javac compilation: its flags, its baseline (read
 * once), the files each check looked at, and the findings. It lives in the compilation's javac
 * {@link Context}, never in a static field (a Gradle daemon or an IDE runs many compilations in one
 * JVM), and writes the report and the baseline when javac announces the end of the compilation.
 */
final class CompilationReport implements TaskListener {

  /**
   * The report of a compilation without LeakProne reporting flags: findings go straight to javac.
   */
  private static final CompilationReport OFF = new CompilationReport(null, null, null, null, null);

  @Nullable private final Context context;
  @Nullable private final ReportFlags flags;
  @Nullable private final Baseline baseline;
  @Nullable private final Output output;
  @Nullable private final String problem;
  private boolean problemReported;

  /** For each file (as the baseline names it), the checks that looked at it. */
  private final Map<String, Set<String>> checksByFile = new HashMap<>();

  private final Set<String> checksRun = new LinkedHashSet<>();
  private final Map<JavaFileObject, SourceFile> files = new HashMap<>();
  private final Map<String, Integer> occurrences = new HashMap<>();
  private final List<BaselineEntry> entries = new ArrayList<>();
  private final Set<BaselineEntry> matched = new HashSet<>();
  private final List<Finding> findings = new ArrayList<>();

  private CompilationReport(
      @Nullable Context context,
      @Nullable ReportFlags flags,
      @Nullable Baseline baseline,
      @Nullable Output output,
      @Nullable String problem) {
    this.context = context;
    this.flags = flags;
    this.baseline = baseline;
    this.output = output;
    this.problem = problem;
  }

  /** The compilation's report, made and registered with javac on the first call. */
  static CompilationReport of(VisitorState state) {
    Context context = state.context;
    CompilationReport report = context.get(CompilationReport.class);
    if (report == null) {
      report = create(state);
      context.put(CompilationReport.class, report);
    }
    return report;
  }

  private static CompilationReport create(VisitorState state) {
    ErrorProneFlags epFlags = state.errorProneOptions().getFlags();
    if (ReportFlags.noneSet(epFlags)) {
      return OFF;
    }
    Context context = state.context;
    try {
      ReportFlags flags = ReportFlags.parse(epFlags);
      if (!Files.isDirectory(flags.baseDir())) {
        throw new IllegalArgumentException(
            ReportFlags.PREFIX
                + ReportFlags.BASE_DIR
                + ": "
                + flags.baseDir()
                + " is not a folder");
      }
      Baseline baseline = null;
      if (flags.baseline() != null) {
        boolean writing = flags.mode() == BaselineMode.WRITE;
        baseline = Baseline.read(flags.baseline(), writing);
        if (writing) {
          checkWritable(ReportFlags.BASELINE, flags.baseline());
        }
      }
      Output output = Output.of(context, flags.baseDir());
      if (flags.sarifReport() != null) {
        checkWritable(ReportFlags.SARIF_REPORT, flags.sarifPath(output.name()));
      }
      CompilationReport report = new CompilationReport(context, flags, baseline, output, null);
      BasicJavacTask.instance(context).addTaskListener(report);
      return report;
    } catch (IllegalArgumentException e) {
      return new CompilationReport(context, null, null, null, e.getMessage());
    }
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

  private boolean active() {
    return flags != null;
  }

  /** Notes that {@code check} looked at the current file; reports a flag problem once. */
  void visitFile(String check, VisitorState state) {
    reportProblemOnce(state);
    if (active()) {
      ranOn(check, sourceFile(state));
    }
  }

  /**
   * Records a finding and decides its fate: {@link Description#NO_MATCH} when the baseline holds it
   * (or is being written), an error when the gate is on, otherwise the finding as the check made
   * it.
   */
  Description route(Description description, VisitorState state) {
    reportProblemOnce(state);
    if (!active() || description == Description.NO_MATCH) {
      return description;
    }
    String check = description.checkName;
    SourceFile file = sourceFile(state);
    ranOn(check, file);
    FindingSite site = FindingSite.of(description, state, file);
    String code = NormalisedCode.of(site.snippet());
    String key = String.join("\n", check, file.path(), site.className(), site.member(), code);
    int occurrence = occurrences.merge(key, 1, Integer::sum);
    BaselineEntry entry =
        new BaselineEntry(check, file.path(), site.className(), site.member(), occurrence, code);
    entries.add(entry);
    boolean writing = flags.mode() == BaselineMode.WRITE;
    boolean inBaseline = !writing && baseline != null && baseline.contains(entry);
    if (inBaseline) {
      matched.add(entry);
    }
    boolean silenced = writing || inBaseline;
    boolean gated = flags.gate() && !silenced;
    if (flags.sarifReport() != null) {
      findings.add(
          new Finding(
              check,
              gated ? SeverityLevel.ERROR : severity(description, state),
              description.getRawMessage(),
              description.getLink(),
              packageName(state.getPath().getCompilationUnit(), state),
              site,
              entry,
              writing || baseline == null ? null : inBaseline ? "unchanged" : "new",
              fixes(description, state)));
    }
    if (silenced) {
      return Description.NO_MATCH;
    }
    return gated ? description.applySeverityOverride(SeverityLevel.ERROR) : description;
  }

  @Override
  public void finished(TaskEvent event) {
    if (event.getKind() != TaskEvent.Kind.COMPILATION || !active()) {
      return;
    }
    Log log = Log.instance(context);
    try {
      List<Notification> notifications = new ArrayList<>();
      ImmutableMap<String, BugCheckerInfo> known = Rules.leakProneChecks();
      if (flags.mode() == BaselineMode.WRITE) {
        writeBaseline(known, log);
      } else if (baseline != null) {
        reportStale(known, log, notifications);
      }
      if (flags.sarifReport() != null) {
        writeSarif(known, log, notifications);
      }
    } catch (RuntimeException e) {
      if (FailOnInternalError.ENABLED) {
        throw e;
      }
      error(log, "could not write the report or the baseline: " + e);
    }
  }

  private void reportStale(
      ImmutableMap<String, BugCheckerInfo> known, Log log, List<Notification> notifications) {
    List<String> lines = new ArrayList<>();
    SourceFile baselineFile = SourceFile.of(baseline.file(), flags.baseDir());
    for (Map.Entry<BaselineEntry, Integer> line : baseline.lines().entrySet()) {
      BaselineEntry entry = line.getKey();
      if (matched.contains(entry) || !lookedAt(entry, known)) {
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
          log,
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
  private void writeBaseline(ImmutableMap<String, BugCheckerInfo> known, Log log) {
    Path file = flags.baseline();
    try {
      int[] total = {0};
      BaselineLock.run(
          file,
          () -> {
            Baseline existing = Baseline.read(file, true);
            List<BaselineEntry> merged = new ArrayList<>();
            for (BaselineEntry entry : existing.lines().keySet()) {
              if (!lookedAt(entry, known)) {
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
          log,
          "wrote "
              + file
              + ": "
              + entries.size()
              + " finding(s) of this compilation, "
              + total[0]
              + " entries in all");
    } catch (IOException e) {
      error(
          log,
          ReportFlags.PREFIX
              + ReportFlags.BASELINE
              + ": cannot write "
              + file
              + ": "
              + Baseline.reason(e, file));
    } catch (IllegalArgumentException e) {
      error(log, e.getMessage());
    }
  }

  private void writeSarif(
      ImmutableMap<String, BugCheckerInfo> known, Log log, List<Notification> notifications) {
    Path path = flags.sarifPath(output.name());
    try {
      if (Files.isRegularFile(path)) {
        String previous = SarifReport.automationIdOf(Files.readString(path, UTF_8));
        if (previous != null && !previous.equals(output.automationId())) {
          note(
              log,
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
              ImmutableList.copyOf(checksRun),
              known,
              findings,
              notifications,
              flags.baseDir(),
              output.automationId(),
              baselineUri));
    } catch (IOException e) {
      error(
          log,
          ReportFlags.PREFIX
              + ReportFlags.SARIF_REPORT
              + ": cannot write "
              + path
              + ": "
              + Baseline.reason(e, path));
    }
  }

  /**
   * Whether this compilation looked for {@code entry}'s finding: its check ran on its file, or its
   * check is not one this jar has (renamed or removed) and some check ran on its file.
   */
  private boolean lookedAt(BaselineEntry entry, ImmutableMap<String, BugCheckerInfo> known) {
    Set<String> checks = checksByFile.get(entry.file());
    if (checks == null) {
      return false;
    }
    return checks.contains(entry.check())
        || (!known.containsKey(entry.check()) && !checksRun.contains(entry.check()));
  }

  private void ranOn(String check, SourceFile file) {
    checksRun.add(check);
    checksByFile.computeIfAbsent(file.path(), f -> new HashSet<>()).add(check);
  }

  private SourceFile sourceFile(VisitorState state) {
    JavaFileObject file = state.getPath().getCompilationUnit().getSourceFile();
    return files.computeIfAbsent(file, f -> SourceFile.of(f, flags.baseDir()));
  }

  private void reportProblemOnce(VisitorState state) {
    if (problem == null || problemReported) {
      return;
    }
    problemReported = true;
    CompilationUnitTree file = state.getPath().getCompilationUnit();
    // At the first class of the file, where javac shows a line, as FlagProblem does.
    Tree at = file.getTypeDecls().isEmpty() ? file : file.getTypeDecls().get(0);
    Log.instance(context)
        .error(
            (JCTree) at,
            new JCDiagnostic.Error("compiler", "proc.messager", "[LeakProne] " + problem));
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

  private static void note(Log log, String message) {
    log.note(new JCDiagnostic.Note("compiler", "proc.messager", "[LeakProne] " + message));
  }

  private static void error(Log log, String message) {
    log.error(new JCDiagnostic.Error("compiler", "proc.messager", "[LeakProne] " + message));
  }

  /** The compilation's class folder ({@code javac -d}), which names its report and its run. */
  record Output(String name, String automationId) {

    static Output of(Context context, Path baseDir) {
      Path folder = classFolder(context);
      if (folder == null) {
        return new Output("classes", "leakprone/classes/");
      }
      Path absolute = folder.toAbsolutePath().normalize();
      String id =
          absolute.startsWith(baseDir)
              ? baseDir.relativize(absolute).toString().replace('\\', '/')
              : absolute.getFileName().toString();
      return new Output(absolute.getFileName().toString(), "leakprone/" + id + "/");
    }

    @Nullable
    private static Path classFolder(Context context) {
      String d = com.sun.tools.javac.util.Options.instance(context).get("-d");
      if (d != null) {
        return Path.of(d);
      }
      if (context.get(javax.tools.JavaFileManager.class)
          instanceof javax.tools.StandardJavaFileManager manager) {
        Iterable<? extends java.io.File> location =
            manager.getLocation(javax.tools.StandardLocation.CLASS_OUTPUT);
        if (location != null && location.iterator().hasNext()) {
          return location.iterator().next().toPath();
        }
      }
      return null;
    }
  }
}
