package io.github.leakprone.report;

import com.google.errorprone.ErrorProneFlags;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * LeakProne's own {@code -XepOpt:LeakProne:*} flags, shared by every check: where the SARIF report
 * goes, which baseline silences known findings, whether the baseline is read or written, whether a
 * finding the baseline does not hold fails the compilation, and the folder paths are relative to.
 */
record ReportFlags(
    Path baseDir,
    @Nullable String sarifReport,
    @Nullable Path baseline,
    BaselineMode mode,
    boolean gate) {

  static final String PREFIX = "-XepOpt:";
  static final String SARIF_REPORT = "LeakProne:SarifReport";
  static final String BASELINE = "LeakProne:Baseline";
  static final String BASELINE_MODE = "LeakProne:BaselineMode";
  static final String GATE = "LeakProne:Gate";
  static final String BASE_DIR = "LeakProne:BaseDir";

  /** The placeholder in a SarifReport path for the name of the compilation's class folder. */
  static final String OUTPUT_PLACEHOLDER = "{output}";

  /** {@code check} reads the baseline and silences what it holds; {@code write} rewrites it. */
  enum BaselineMode {
    CHECK,
    WRITE
  }

  /** True when no LeakProne reporting flag is set: the checks then report straight to javac. */
  static boolean noneSet(ErrorProneFlags flags) {
    return flags.get(SARIF_REPORT).isEmpty()
        && flags.get(BASELINE).isEmpty()
        && flags.get(BASELINE_MODE).isEmpty()
        && flags.get(GATE).isEmpty()
        && flags.get(BASE_DIR).isEmpty();
  }

  /**
   * Parses the flags; a malformed value throws {@link IllegalArgumentException} with a message that
   * names the flag. Relative paths are resolved against the base folder, which is the compiler's
   * working directory unless {@code BaseDir} names another.
   */
  static ReportFlags parse(ErrorProneFlags flags) {
    Path workingDir = Path.of("").toAbsolutePath();
    Path baseDir =
        flags.get(BASE_DIR).map(dir -> path(BASE_DIR, dir, workingDir)).orElse(workingDir);
    Optional<String> sarif = flags.get(SARIF_REPORT).map(String::trim);
    if (sarif.isPresent()) {
      // Checked here for a clear message; the placeholder is filled in when the report is written.
      path(SARIF_REPORT, sarif.get().replace(OUTPUT_PLACEHOLDER, "classes"), baseDir);
    }
    Path baseline = flags.get(BASELINE).map(file -> path(BASELINE, file, baseDir)).orElse(null);
    BaselineMode mode = flags.get(BASELINE_MODE).map(ReportFlags::mode).orElse(BaselineMode.CHECK);
    if (mode == BaselineMode.WRITE && baseline == null) {
      throw new IllegalArgumentException(
          PREFIX
              + BASELINE_MODE
              + "=write needs "
              + PREFIX
              + BASELINE
              + "=<file>, the baseline to write");
    }
    boolean gate = flags.get(GATE).map(ReportFlags::bool).orElse(false);
    return new ReportFlags(baseDir, sarif.orElse(null), baseline, mode, gate);
  }

  /** The SARIF report's path for a compilation whose class folder is named {@code outputName}. */
  Path sarifPath(String outputName) {
    return baseDir.resolve(sarifReport.replace(OUTPUT_PLACEHOLDER, outputName)).normalize();
  }

  private static Path path(String flag, String value, Path against) {
    if (value.isBlank()) {
      throw new IllegalArgumentException(PREFIX + flag + ": empty path");
    }
    try {
      return against.resolve(value.trim()).normalize();
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException(
          PREFIX + flag + ": '" + value + "' is not a path: " + e.getReason(), e);
    }
  }

  private static BaselineMode mode(String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "check" -> BaselineMode.CHECK;
      case "write" -> BaselineMode.WRITE;
      default ->
          throw new IllegalArgumentException(
              PREFIX + BASELINE_MODE + ": '" + value + "' is neither 'check' nor 'write'");
    };
  }

  private static boolean bool(String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw new IllegalArgumentException(
              PREFIX + GATE + ": '" + value + "' is neither 'true' nor 'false'");
    };
  }
}
