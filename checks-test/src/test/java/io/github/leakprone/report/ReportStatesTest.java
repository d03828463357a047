package io.github.leakprone.report;

import static io.github.leakprone.report.Fixtures.ORDER_DAO;
import static io.github.leakprone.report.Fixtures.ORDER_DAO_PATH;
import static io.github.leakprone.report.ReportingJavac.compile;
import static io.github.leakprone.report.ReportingJavac.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import io.github.leakprone.report.ReportingJavac.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three states of a compilation's report: off without {@code -XepOpt:LeakProne:*} flags, bad
 * flags (one error with no position, findings as they came unless a baseline is named, nothing
 * written), and active (books kept, files written). Each compilation chooses its own, even in one
 * JVM.
 */
final class ReportStatesTest {

  private static final String GOOD_REPORT = "-XepOpt:LeakProne:SarifReport=leakprone.sarif";
  private static final String BAD_GATE = "-XepOpt:LeakProne:Gate=yes";
  private static final String BAD_GATE_ERROR =
      "[LeakProne] -XepOpt:LeakProne:Gate: 'yes' is neither 'true' nor 'false'";

  @TempDir Path project;

  @BeforeEach
  void sources() {
    write(project, ORDER_DAO_PATH, ORDER_DAO);
  }

  private Result compileMain(String... flags) {
    return compile(project.resolve("src/main/java"), project.resolve("target/classes"), flags);
  }

  @Test
  void badFlagFoundLastStillLeavesEveryFileUnwritten() throws Exception {
    Path baseline = project.resolve("baseline.txt");
    Path report = Files.createDirectories(project.resolve("leakprone.sarif"));

    // The baseline flags are good and would silence every finding; the report path, checked last,
    // is a folder. Nothing takes effect but the error.
    Result result =
        compileMain(
            "-XepOpt:LeakProne:BaseDir=" + project,
            "-XepOpt:LeakProne:Baseline=" + baseline,
            "-XepOpt:LeakProne:BaselineMode=write",
            GOOD_REPORT);

    assertFalse(result.success());
    assertEquals(
        ImmutableList.of(
            "[LeakProne] -XepOpt:LeakProne:SarifReport: cannot write "
                + report
                + ": it is a folder"),
        result.errors());
    // A baseline is named: its findings are held back, as in a good write they would be.
    assertEquals(ImmutableList.of(), result.findings());
    assertEquals(ImmutableList.of(), result.placedBuildMessages());
    assertTrue(result.notes().isEmpty(), result.notes().toString());
    assertFalse(Files.exists(baseline));
  }

  @Test
  void eachCompilationChoosesItsOwnState() {
    Path report = project.resolve("leakprone.sarif");

    Result bad = compileMain("-XepOpt:LeakProne:BaseDir=" + project, GOOD_REPORT, BAD_GATE);
    boolean badWroteAReport = Files.exists(report);
    Result active = compileMain("-XepOpt:LeakProne:BaseDir=" + project, GOOD_REPORT);
    boolean activeWroteItsReport = Files.exists(report);
    Result off = compileMain();

    assertEquals(ImmutableList.of(BAD_GATE_ERROR), bad.errors());
    assertFalse(badWroteAReport);
    assertTrue(active.success(), active.diagnostics().toString());
    assertTrue(activeWroteItsReport);
    assertTrue(off.success(), off.diagnostics().toString());
    assertEquals(2, off.findings().size(), off.findings().toString());
    assertTrue(off.notes().isEmpty(), off.notes().toString());
  }
}
