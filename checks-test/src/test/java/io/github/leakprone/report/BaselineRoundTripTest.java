package io.github.leakprone.report;

import static io.github.leakprone.report.Fixtures.ORDER_DAO;
import static io.github.leakprone.report.Fixtures.ORDER_DAO_PATH;
import static io.github.leakprone.report.ReportingJavac.compile;
import static io.github.leakprone.report.ReportingJavac.read;
import static io.github.leakprone.report.ReportingJavac.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import io.github.leakprone.report.ReportingJavac.Result;
import io.github.leakprone.sarif.SarifSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The baseline's life: written on day one, it silences what it holds; a new leak is reported, and
 * alone; moving or reformatting code keeps its entries; a fixed leak leaves a stale entry, reported
 * once, and rewriting the file drops it. Every compilation here runs with the gate on, as CI would.
 */
final class BaselineRoundTripTest {

  @TempDir Path project;
  private Path baseline;

  @BeforeEach
  void dayOne() {
    baseline = project.resolve("leakprone-baseline.txt");
    write(project, ORDER_DAO_PATH, ORDER_DAO);
  }

  private Result compileMain(String... more) {
    List<String> flags = new ArrayList<>();
    flags.add("-XepOpt:LeakProne:BaseDir=" + project);
    flags.add("-XepOpt:LeakProne:Baseline=leakprone-baseline.txt");
    flags.add("-XepOpt:LeakProne:Gate=true");
    flags.add("-XepOpt:LeakProne:SarifReport=target/leakprone/{output}.sarif");
    flags.addAll(List.of(more));
    return compile(
        project.resolve("src/main/java"),
        project.resolve("target/classes"),
        flags.toArray(new String[0]));
  }

  private Result writeBaseline() {
    return compileMain("-XepOpt:LeakProne:BaselineMode=write");
  }

  private List<String> entries() {
    return read(baseline).lines().filter(line -> !line.startsWith("#")).toList();
  }

  @Test
  void writingTheBaselineRecordsEveryFindingAndPassesTheGate() {
    Result written = writeBaseline();

    assertTrue(written.success(), written.diagnostics().toString());
    assertEquals(ImmutableList.of(), written.findings());
    assertEquals(
        ImmutableList.of(
            "JdbcResourceLeak | src/main/java/com/acme/orders/OrderDao.java | OrderDao |"
                + " archive(Connection,String[]) | 1 | conn.prepareStatement(sql)",
            "HeavyweightClientPerCall | src/main/java/com/acme/orders/OrderDao.java | OrderDao |"
                + " publish(Runnable) | 1 | Executors.newFixedThreadPool(4)"),
        entries());
    assertTrue(read(baseline).startsWith(String.join("\n", Baseline.HEADER)));
    assertEquals(
        ImmutableList.of(
            "[LeakProne] wrote "
                + baseline
                + ": 2 finding(s) of this compilation, 2 entries in all"),
        written.notes());
  }

  @Test
  void rerunReportsNothing() {
    writeBaseline();

    Result rerun = compileMain();

    assertTrue(rerun.success(), rerun.diagnostics().toString());
    assertEquals(ImmutableList.of(), rerun.findings());
    assertEquals(ImmutableList.of(), rerun.notes());
    JsonNode results =
        SarifSchema.readValid(project.resolve("target/leakprone/classes.sarif"))
            .at("/runs/0/results");
    assertEquals(2, results.size());
    for (JsonNode result : results) {
      assertEquals("unchanged", result.at("/baselineState").asText());
      assertEquals("external", result.at("/suppressions/0/kind").asText());
      assertEquals("warning", result.at("/level").asText());
    }
  }

  @Test
  void aNewLeakIsTheOneFindingAndFailsTheGate() {
    writeBaseline();
    write(project, ORDER_DAO_PATH, Fixtures.ORDER_DAO_NEW_LEAK);

    Result withNewLeak = compileMain();

    assertFalse(withNewLeak.success());
    assertEquals(
        ImmutableList.of("HeavyweightClientPerCall OrderDao.java:22"), withNewLeak.findings());
    assertEquals(1, withNewLeak.errors().size());
    assertTrue(
        withNewLeak.errors().get(0).contains("ExecutorService built on every call of refund()"),
        withNewLeak.errors().get(0));
    JsonNode results =
        SarifSchema.readValid(project.resolve("target/leakprone/classes.sarif"))
            .at("/runs/0/results");
    assertEquals(3, results.size());
    assertEquals(
        ImmutableList.of("unchanged", "new", "unchanged"),
        ImmutableList.of(
            results.get(0).at("/baselineState").asText(),
            results.get(1).at("/baselineState").asText(),
            results.get(2).at("/baselineState").asText()));
    assertEquals("error", results.get(1).at("/level").asText());
    assertTrue(results.get(1).at("/suppressions").isMissingNode());
  }

  @Test
  void codeMovedDownTwentyLinesStillMatches() {
    writeBaseline();
    write(project, ORDER_DAO_PATH, Fixtures.ORDER_DAO_MOVED_DOWN);

    Result moved = compileMain();

    assertTrue(moved.success(), moved.diagnostics().toString());
    assertEquals(ImmutableList.of(), moved.findings());
    assertEquals(ImmutableList.of(), moved.notes());
    JsonNode results =
        SarifSchema.readValid(project.resolve("target/leakprone/classes.sarif"))
            .at("/runs/0/results");
    assertEquals(32, results.get(0).at("/locations/0/physicalLocation/region/startLine").asInt());
    assertEquals(42, results.get(1).at("/locations/0/physicalLocation/region/startLine").asInt());
  }

  @Test
  void reformattedCodeStillMatches() {
    writeBaseline();
    write(project, ORDER_DAO_PATH, Fixtures.ORDER_DAO_REFORMATTED);

    Result reformatted = compileMain();

    assertTrue(reformatted.success(), reformatted.diagnostics().toString());
    assertEquals(ImmutableList.of(), reformatted.findings());
    assertEquals(ImmutableList.of(), reformatted.notes());
  }

  @Test
  void aFixedLeakLeavesOneStaleEntryAndRewritingDropsIt() {
    writeBaseline();
    write(project, ORDER_DAO_PATH, Fixtures.ORDER_DAO_JDBC_FIXED);

    Result fixed = compileMain();

    assertTrue(fixed.success(), fixed.diagnostics().toString());
    assertEquals(ImmutableList.of(), fixed.findings());
    assertEquals(1, fixed.notes().size(), fixed.notes().toString());
    String note = fixed.notes().get(0);
    assertTrue(
        note.startsWith(
            "[LeakProne] "
                + baseline
                + ": 1 entry matches no finding any more (the leak was fixed, or its code or member"
                + " changed); delete it so that the baseline shrinks, or rewrite the file with"
                + " -XepOpt:LeakProne:BaselineMode=write:\n"),
        note);
    // javac indents the lines after a message's first.
    assertEquals(
        "line 6: JdbcResourceLeak | src/main/java/com/acme/orders/OrderDao.java | OrderDao |"
            + " archive(Connection,String[]) | 1 | conn.prepareStatement(sql)",
        note.lines().skip(1).findFirst().orElseThrow().strip());
    JsonNode notifications =
        SarifSchema.readValid(project.resolve("target/leakprone/classes.sarif"))
            .at("/runs/0/invocations/0/toolExecutionNotifications");
    assertEquals(1, notifications.size());
    assertEquals(
        "leakprone-baseline.txt",
        notifications.at("/0/locations/0/physicalLocation/artifactLocation/uri").asText());
    assertEquals(6, notifications.at("/0/locations/0/physicalLocation/region/startLine").asInt());

    writeBaseline();
    assertEquals(1, entries().size(), entries().toString());
    assertEquals(ImmutableList.of(), compileMain().notes());
  }

  @Test
  void identicalLeaksInOneMethodAreCountedByOccurrence() {
    write(
        project,
        ORDER_DAO_PATH,
        ORDER_DAO.replace(
            "    pool.submit(task);\n",
            "    pool.submit(task);\n    Executors.newFixedThreadPool(4).submit(task);\n"));
    writeBaseline();

    assertEquals(
        ImmutableList.of(1, 2),
        entries().stream()
            .filter(e -> e.contains("publish"))
            .map(e -> BaselineEntry.parse(e).occurrence())
            .toList());
    assertEquals(ImmutableList.of(), compileMain().findings());
  }

  @Test
  void mainAndTestCompilationsShareOneBaseline() {
    write(
        project,
        "src/test/java/com/acme/orders/OrderDaoTest.java",
        """
        package com.acme.orders;

        import java.util.concurrent.Executors;

        class OrderDaoTest {
          void publishes() {
            Executors.newSingleThreadExecutor().submit(() -> {});
          }
        }
        """);
    String[] testFlags = {
      "-XepOpt:LeakProne:BaseDir=" + project,
      "-XepOpt:LeakProne:Baseline=leakprone-baseline.txt",
      "-XepOpt:LeakProne:Gate=true",
      "-classpath",
      project.resolve("target/classes").toString()
    };

    writeBaseline();
    compile(
        project.resolve("src/test/java"),
        project.resolve("target/test-classes"),
        concat(testFlags, "-XepOpt:LeakProne:BaselineMode=write"));
    assertEquals(3, entries().size(), entries().toString());

    // Each compilation looks only at its own files: neither finds the other's entries stale.
    Result main = compileMain();
    Result test =
        compile(
            project.resolve("src/test/java"), project.resolve("target/test-classes"), testFlags);
    assertTrue(main.success() && test.success(), main.diagnostics() + "\n" + test.diagnostics());
    assertEquals(ImmutableList.of(), main.notes());
    assertEquals(ImmutableList.of(), test.notes());

    // Rewriting from the main compilation keeps the test sources' entry.
    write(project, ORDER_DAO_PATH, Fixtures.ORDER_DAO_JDBC_FIXED);
    writeBaseline();
    assertEquals(2, entries().size(), entries().toString());
    assertTrue(
        entries().stream().anyMatch(e -> e.contains("OrderDaoTest.java")), entries().toString());
  }

  @Test
  void aDisabledCheckLeavesItsEntriesAlone() {
    writeBaseline();

    Result withoutJdbc = compileMain("-Xep:JdbcResourceLeak:OFF");

    assertTrue(withoutJdbc.success(), withoutJdbc.diagnostics().toString());
    assertEquals(ImmutableList.of(), withoutJdbc.notes());
  }

  @Test
  void anEntryOfARemovedCheckIsStaleWhereItsFileWasCompiled() throws Exception {
    writeBaseline();
    Files.writeString(
        baseline,
        read(baseline)
            + "RenamedCheck | src/main/java/com/acme/orders/OrderDao.java | OrderDao |"
            + " publish(Runnable) | 1 | Executors.newFixedThreadPool(4)\n"
            + "RenamedCheck | src/main/java/com/acme/other/NotCompiled.java | NotCompiled | run() |"
            + " 1 | x()\n");

    Result result = compileMain();

    assertEquals(1, result.notes().size(), result.notes().toString());
    assertTrue(result.notes().get(0).contains("line 8: RenamedCheck"), result.notes().get(0));
    assertFalse(result.notes().get(0).contains("NotCompiled"), result.notes().get(0));
  }

  private static String[] concat(String[] flags, String... more) {
    List<String> all = new ArrayList<>(List.of(flags));
    all.addAll(List.of(more));
    return all.toArray(new String[0]);
  }
}
