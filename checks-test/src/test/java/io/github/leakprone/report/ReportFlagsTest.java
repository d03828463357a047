package io.github.leakprone.report;

import static io.github.leakprone.report.Fixtures.ORDER_DAO;
import static io.github.leakprone.report.Fixtures.ORDER_DAO_PATH;
import static io.github.leakprone.report.ReportingJavac.compile;
import static io.github.leakprone.report.ReportingJavac.read;
import static io.github.leakprone.report.ReportingJavac.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import io.github.leakprone.report.ReportingJavac.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A missing, unreadable or malformed baseline, an unwritable report path, and malformed flag
 * values: each fails the compilation with one error that names the flag and the file (and the line
 * of a malformed baseline), and leaves no file half-written.
 */
final class ReportFlagsTest {

  @TempDir Path project;

  @BeforeEach
  void sources() {
    write(project, ORDER_DAO_PATH, ORDER_DAO);
  }

  private Result compileMain(String... flags) {
    String[] all = new String[flags.length + 1];
    all[0] = "-XepOpt:LeakProne:BaseDir=" + project;
    System.arraycopy(flags, 0, all, 1, flags.length);
    return compile(project.resolve("src/main/java"), project.resolve("target/classes"), all);
  }

  /**
   * One error, exactly {@code message}, in no file and at no position (the flags are wrong, not the
   * file javac was checking), and, as no baseline was named, the findings still shown as the
   * warnings they are.
   */
  private static void assertOneError(Result result, String message) {
    assertOneErrorOnly(result, message);
    assertEquals(2, result.findings().size(), result.findings().toString());
  }

  /**
   * One error, exactly {@code message}, in no file and at no position, and no finding: a baseline
   * was named, so findings are held back, as which of them it holds is not known or the build's
   * setup is wrong.
   */
  private static void assertOneErrorAndNoFinding(Result result, String message) {
    assertOneErrorOnly(result, message);
    assertEquals(ImmutableList.of(), result.findings());
  }

  private static void assertOneErrorOnly(Result result, String message) {
    assertFalse(result.success());
    assertEquals(ImmutableList.of("[LeakProne] " + message), result.errors());
    assertEquals(ImmutableList.of(), result.placedBuildMessages());
  }

  @Test
  void missingBaseline() {
    Path missing = project.resolve("missing-baseline.txt");

    assertOneErrorAndNoFinding(
        compileMain("-XepOpt:LeakProne:Baseline=missing-baseline.txt"),
        "-XepOpt:LeakProne:Baseline: "
            + missing
            + " does not exist; write it with -XepOpt:LeakProne:BaselineMode=write");
    assertFalse(Files.exists(missing));
  }

  @Test
  void unreadableBaseline() throws Exception {
    Path folder = Files.createDirectories(project.resolve("baseline-folder"));

    Result result = compileMain("-XepOpt:LeakProne:Baseline=baseline-folder");

    assertFalse(result.success());
    assertEquals(1, result.errors().size(), result.errors().toString());
    assertTrue(
        result
            .errors()
            .get(0)
            .startsWith("[LeakProne] -XepOpt:LeakProne:Baseline: cannot read " + folder + ": "),
        result.errors().get(0));
    assertEquals(ImmutableList.of(), result.placedBuildMessages());
    assertEquals(ImmutableList.of(), result.findings());
  }

  @Test
  void aBaselinedFindingDoesNotLeakWhenTheReportPathIsWrong() throws Exception {
    // The baseline holds both findings; the report's path is a folder. The gate fails on that
    // error alone: the known findings must not come out as warnings beside it.
    compileMain("-XepOpt:LeakProne:Baseline=baseline.txt", "-XepOpt:LeakProne:BaselineMode=write");
    Path report = Files.createDirectories(project.resolve("target/leakprone/classes.sarif"));

    assertOneErrorAndNoFinding(
        compileMain(
            "-XepOpt:LeakProne:Baseline=baseline.txt",
            "-XepOpt:LeakProne:Gate=true",
            "-XepOpt:LeakProne:SarifReport=target/leakprone/{output}.sarif"),
        "-XepOpt:LeakProne:SarifReport: cannot write " + report + ": it is a folder");
  }

  @Test
  void aBaselinedFindingDoesNotLeakWhenAFlagBesideItIsWrong() throws Exception {
    compileMain("-XepOpt:LeakProne:Baseline=baseline.txt", "-XepOpt:LeakProne:BaselineMode=write");

    assertOneErrorAndNoFinding(
        compileMain("-XepOpt:LeakProne:Baseline=baseline.txt", "-XepOpt:LeakProne:Gate=yes"),
        "-XepOpt:LeakProne:Gate: 'yes' is neither 'true' nor 'false'");
  }

  @Test
  void baselineThatIsNotUtf8() throws Exception {
    Path file = project.resolve("baseline.txt");
    Files.write(file, new byte[] {(byte) 0xC3, (byte) 0x28, '\n'});

    assertOneErrorAndNoFinding(
        compileMain("-XepOpt:LeakProne:Baseline=baseline.txt"),
        "-XepOpt:LeakProne:Baseline: " + file + " is not UTF-8 text");
  }

  @Test
  void malformedBaselineLineIsNamedByItsNumber() throws Exception {
    Path file = project.resolve("baseline.txt");
    Files.writeString(
        file,
        String.join("\n", Baseline.HEADER)
            + "\n\nJdbcResourceLeak | src/main/java/com/acme/orders/OrderDao.java | OrderDao\n");

    assertOneErrorAndNoFinding(
        compileMain("-XepOpt:LeakProne:Baseline=baseline.txt"),
        "-XepOpt:LeakProne:Baseline: "
            + file
            + ":7: expected 'check | file | class | member | occurrence | code', found 3 field(s)");
  }

  @Test
  void badOccurrence() throws Exception {
    Path file = project.resolve("baseline.txt");
    Files.writeString(file, "JdbcResourceLeak | A.java | A | run() | first | x()\n");

    assertOneErrorAndNoFinding(
        compileMain("-XepOpt:LeakProne:Baseline=baseline.txt"),
        "-XepOpt:LeakProne:Baseline: "
            + file
            + ":1: occurrence 'first' is not a whole number of 1 or more");
  }

  @Test
  void repeatedBaselineLine() throws Exception {
    Path file = project.resolve("baseline.txt");
    String entry = "JdbcResourceLeak | A.java | A | run() | 1 | x()\n";
    Files.writeString(file, entry + "# again\n" + entry);

    assertOneErrorAndNoFinding(
        compileMain("-XepOpt:LeakProne:Baseline=baseline.txt"),
        "-XepOpt:LeakProne:Baseline: " + file + ":3: repeats line 1");
  }

  @Test
  void malformedBaselineIsNotOverwrittenInWriteMode() throws Exception {
    Path file = project.resolve("baseline.txt");
    Files.writeString(file, "not a baseline\n");

    Result result =
        compileMain(
            "-XepOpt:LeakProne:Baseline=baseline.txt", "-XepOpt:LeakProne:BaselineMode=write");

    assertFalse(result.success());
    assertEquals("not a baseline\n", read(file));
    assertNoTemporaryFiles(project);
  }

  @Test
  void unwritableReportPath() throws Exception {
    Files.writeString(project.resolve("target"), "a file where the report's folder should be");
    Path report = project.resolve("target/leakprone/classes.sarif");

    Result result =
        compile(
            project.resolve("src/main/java"),
            project.resolve("classes"),
            "-XepOpt:LeakProne:BaseDir=" + project,
            "-XepOpt:LeakProne:SarifReport=target/leakprone/{output}.sarif");

    assertOneError(
        result,
        "-XepOpt:LeakProne:SarifReport: cannot write "
            + report
            + ": "
            + project.resolve("target/leakprone")
            + ": Not a directory");
    assertNoTemporaryFiles(project);
  }

  @Test
  void reportPathThatIsAFolder() throws Exception {
    Path report = Files.createDirectories(project.resolve("target/leakprone/classes.sarif"));

    assertOneError(
        compileMain("-XepOpt:LeakProne:SarifReport=target/leakprone/{output}.sarif"),
        "-XepOpt:LeakProne:SarifReport: cannot write " + report + ": it is a folder");
  }

  @Test
  void unwritableBaselineInWriteMode() throws Exception {
    Files.writeString(project.resolve("config"), "a file");
    Path file = project.resolve("config/baseline.txt");

    assertOneErrorAndNoFinding(
        compileMain(
            "-XepOpt:LeakProne:Baseline=config/baseline.txt",
            "-XepOpt:LeakProne:BaselineMode=write"),
        "-XepOpt:LeakProne:Baseline: cannot write "
            + file
            + ": "
            + project.resolve("config")
            + " exists and is not a folder");
  }

  @Test
  void badBaselineMode() {
    assertOneErrorAndNoFinding(
        compileMain("-XepOpt:LeakProne:Baseline=b.txt", "-XepOpt:LeakProne:BaselineMode=refresh"),
        "-XepOpt:LeakProne:BaselineMode: 'refresh' is neither 'check' nor 'write'");
  }

  @Test
  void writeModeWithoutABaseline() {
    assertOneError(
        compileMain("-XepOpt:LeakProne:BaselineMode=write"),
        "-XepOpt:LeakProne:BaselineMode=write needs -XepOpt:LeakProne:Baseline=<file>, the baseline"
            + " to write");
  }

  @Test
  void badGate() {
    assertOneError(
        compileMain("-XepOpt:LeakProne:Gate=yes"),
        "-XepOpt:LeakProne:Gate: 'yes' is neither 'true' nor 'false'");
  }

  @Test
  void baseDirThatIsNotAFolder() {
    Path missing = project.resolve("no-such-folder");

    Result result =
        compile(
            project.resolve("src/main/java"),
            project.resolve("target/classes"),
            "-XepOpt:LeakProne:BaseDir=" + missing,
            "-XepOpt:LeakProne:SarifReport=report.sarif");

    assertOneError(result, "-XepOpt:LeakProne:BaseDir: " + missing + " is not a folder");
    assertFalse(Files.exists(missing));
  }

  @Test
  void failedReportWriteLeavesTheOldReportAndNoTemporaryFile() throws Exception {
    Path folder = Files.createDirectories(project.resolve("out"));
    Path target = Files.createDirectories(folder.resolve("report.sarif/not-empty"));

    try {
      AtomicFiles.write(folder.resolve("report.sarif"), "{}");
    } catch (java.io.IOException expected) {
      // A non-empty folder cannot be replaced by a file.
    }

    assertTrue(Files.isDirectory(target));
    assertNoTemporaryFiles(project);
  }

  private static void assertNoTemporaryFiles(Path folder) throws Exception {
    try (Stream<Path> files = Files.walk(folder)) {
      assertEquals(
          ImmutableList.of(),
          files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList());
    }
  }
}
