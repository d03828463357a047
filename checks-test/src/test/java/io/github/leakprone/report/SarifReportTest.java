package io.github.leakprone.report;

import static io.github.leakprone.report.Fixtures.ORDER_DAO;
import static io.github.leakprone.report.Fixtures.ORDER_DAO_PATH;
import static io.github.leakprone.report.ReportingJavac.compile;
import static io.github.leakprone.report.ReportingJavac.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import com.google.errorprone.BugCheckerInfo;
import io.github.leakprone.checks.HeavyweightClientPerCall;
import io.github.leakprone.checks.JdbcResourceLeak;
import io.github.leakprone.report.ReportingJavac.Result;
import io.github.leakprone.sarif.SarifSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -XepOpt:LeakProne:SarifReport}: the report validates against the SARIF 2.1.0 schema, has a
 * rule per check, a result per finding located relative to the base folder, the flagged snippet,
 * and fixes that, applied as SARIF says, compile and end the finding.
 */
final class SarifReportTest {

  @TempDir Path project;

  private String[] flags(String... more) {
    List<String> flags = new ArrayList<>();
    flags.add("-XepOpt:LeakProne:BaseDir=" + project);
    flags.add("-XepOpt:LeakProne:SarifReport=target/leakprone/{output}.sarif");
    flags.addAll(List.of(more));
    return flags.toArray(new String[0]);
  }

  private Result compileMain(String... flags) {
    return compile(project.resolve("src/main/java"), project.resolve("target/classes"), flags);
  }

  @Test
  void reportHoldsOneRulePerCheckAndOneResultPerFinding() {
    write(project, ORDER_DAO_PATH, ORDER_DAO);

    Result result = compileMain(flags());

    assertTrue(result.success(), result.diagnostics().toString());
    assertEquals(
        ImmutableList.of(
            "JdbcResourceLeak OrderDao.java:12", "HeavyweightClientPerCall OrderDao.java:22"),
        result.findings());
    JsonNode run =
        SarifSchema.readValid(project.resolve("target/leakprone/classes.sarif")).at("/runs/0");

    assertEquals("LeakProne", run.at("/tool/driver/name").asText());
    assertEquals("leakprone/target/classes/", run.at("/automationDetails/id").asText());
    assertEquals(project.toUri().toString(), run.at("/originalUriBaseIds/%SRCROOT%/uri").asText());
    JsonNode rules = run.at("/tool/driver/rules");
    assertEquals(2, rules.size());
    assertRule(rules, JdbcResourceLeak.class);
    assertRule(rules, HeavyweightClientPerCall.class);

    JsonNode results = run.at("/results");
    assertEquals(2, results.size());
    assertResult(results.get(0), "JdbcResourceLeak", 12, "conn.prepareStatement(sql)");
    assertResult(results.get(1), "HeavyweightClientPerCall", 22, "Executors.newFixedThreadPool(4)");
    assertTrue(
        results
            .get(0)
            .at("/message/text")
            .asText()
            .startsWith("PreparedStatement `ps` acquired at line 12"),
        results.get(0).toString());
  }

  /**
   * The log and the report locate one finding two ways (README, "The report"): javac prints one
   * point, the flagged call's preferred position, its {@code (}; the SARIF region is the whole
   * call, from its first character to just past its last, which holds that point.
   */
  @Test
  void javacPointsInsideTheRegionTheReportHighlights() {
    write(project, ORDER_DAO_PATH, ORDER_DAO);

    Result result = compileMain(flags());

    List<String> lines = ORDER_DAO.lines().toList();
    String jdbc = lines.get(11);
    String pool = lines.get(21);
    int jdbcStart = jdbc.indexOf("conn.prepareStatement(sql)") + 1;
    int poolStart = pool.indexOf("Executors.newFixedThreadPool(4)") + 1;
    assertEquals(
        ImmutableList.of("12:" + (jdbc.indexOf("(sql)") + 1), "22:" + (pool.indexOf("(4)") + 1)),
        result.diagnostics().stream()
            .filter(d -> d.getKind() == Diagnostic.Kind.WARNING)
            .map(d -> d.getLineNumber() + ":" + d.getColumnNumber())
            .toList());
    List<String> regions = new ArrayList<>();
    for (JsonNode finding :
        SarifSchema.readValid(project.resolve("target/leakprone/classes.sarif"))
            .at("/runs/0/results")) {
      JsonNode region = finding.at("/locations/0/physicalLocation/region");
      regions.add(
          region.at("/startLine").asInt()
              + ":"
              + region.at("/startColumn").asInt()
              + "-"
              + region.at("/endLine").asInt()
              + ":"
              + region.at("/endColumn").asInt());
    }
    assertEquals(
        ImmutableList.of(
            "12:" + jdbcStart + "-12:" + (jdbcStart + "conn.prepareStatement(sql)".length()),
            "22:" + poolStart + "-22:" + (poolStart + "Executors.newFixedThreadPool(4)".length())),
        regions);
  }

  @Test
  void eachFixAppliedAsSarifSaysCompilesAndEndsItsFinding() {
    write(project, ORDER_DAO_PATH, ORDER_DAO);
    compileMain(flags());
    JsonNode results =
        SarifSchema.readValid(project.resolve("target/leakprone/classes.sarif"))
            .at("/runs/0/results");

    for (JsonNode result : results) {
      JsonNode fixes = result.at("/fixes");
      assertEquals(1, fixes.size(), result.toString());
      JsonNode change = fixes.get(0).at("/artifactChanges/0");
      assertEquals(ORDER_DAO_PATH, change.at("/artifactLocation/uri").asText());
      String fixed = apply(ORDER_DAO, change.at("/replacements"));

      Path fixedProject = project.resolve("fixed-" + result.at("/ruleId").asText());
      write(fixedProject, ORDER_DAO_PATH, fixed);
      Result recompiled =
          compile(fixedProject.resolve("src/main/java"), fixedProject.resolve("target/classes"));
      assertTrue(recompiled.success(), fixed + "\n" + recompiled.diagnostics());
      assertFalse(
          recompiled.findings().stream().anyMatch(f -> f.startsWith(result.at("/ruleId").asText())),
          fixed + "\n" + recompiled.findings());
    }
  }

  @Test
  void cleanCompilationStillWritesItsReport() {
    write(project, "src/main/java/com/acme/orders/Clean.java", Fixtures.CLEAN);

    Result result = compileMain(flags());

    assertTrue(result.success(), result.diagnostics().toString());
    JsonNode run =
        SarifSchema.readValid(project.resolve("target/leakprone/classes.sarif")).at("/runs/0");
    assertEquals(0, run.at("/results").size());
    // Both checks ran and found nothing: a viewer may close their old alerts.
    assertEquals(2, run.at("/tool/driver/rules").size());
  }

  @Test
  void mainAndTestCompilationsWriteOneReportEach() {
    write(project, ORDER_DAO_PATH, ORDER_DAO);
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

    compileMain(flags());
    Result test =
        compile(
            project.resolve("src/test/java"),
            project.resolve("target/test-classes"),
            flags("-classpath", project.resolve("target/classes").toString()));

    assertTrue(test.success(), test.diagnostics().toString());
    JsonNode main = SarifSchema.readValid(project.resolve("target/leakprone/classes.sarif"));
    JsonNode tests = SarifSchema.readValid(project.resolve("target/leakprone/test-classes.sarif"));
    assertEquals(2, main.at("/runs/0/results").size());
    assertEquals(1, tests.at("/runs/0/results").size());
    assertEquals(
        "src/test/java/com/acme/orders/OrderDaoTest.java",
        tests.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri").asText());
    assertEquals(
        "leakprone/target/test-classes/", tests.at("/runs/0/automationDetails/id").asText());
    assertTrue(test.notes().isEmpty(), test.notes().toString());
  }

  @Test
  void oneReportPathForTwoCompilationsSaysThatItReplacedTheOther() {
    write(project, ORDER_DAO_PATH, ORDER_DAO);
    write(project, "src/test/java/com/acme/orders/Clean.java", Fixtures.CLEAN);
    String[] shared = {
      "-XepOpt:LeakProne:BaseDir=" + project, "-XepOpt:LeakProne:SarifReport=target/leakprone.sarif"
    };

    Result main = compileMain(shared);
    Result test =
        compile(project.resolve("src/test/java"), project.resolve("target/test-classes"), shared);

    assertTrue(main.notes().isEmpty(), main.notes().toString());
    assertEquals(
        ImmutableList.of(
            "[LeakProne] -XepOpt:LeakProne:SarifReport: replaced "
                + project.resolve("target/leakprone.sarif")
                + ", which held the findings of another compilation (leakprone/target/classes/);"
                + " put {output} in the path to keep one report per compilation"),
        test.notes());
    assertEquals(
        "leakprone/target/test-classes/",
        SarifSchema.readValid(project.resolve("target/leakprone.sarif"))
            .at("/runs/0/automationDetails/id")
            .asText());
  }

  @Test
  void gateRaisesNewFindingsToErrorsInTheBuildAndTheReport() {
    write(project, ORDER_DAO_PATH, ORDER_DAO);

    Result result = compileMain(flags("-XepOpt:LeakProne:Gate=true"));

    assertFalse(result.success());
    assertEquals(2, result.errors().size(), result.errors().toString());
    JsonNode results =
        SarifSchema.readValid(project.resolve("target/leakprone/classes.sarif"))
            .at("/runs/0/results");
    assertEquals("error", results.get(0).at("/level").asText());
    assertEquals("error", results.get(1).at("/level").asText());
  }

  @Test
  void reportPathNeedsNoFolderToExist() throws Exception {
    write(project, ORDER_DAO_PATH, ORDER_DAO);

    compileMain(
        flags()[0], "-XepOpt:LeakProne:SarifReport=" + project.resolve("a/b/c/report.sarif"));

    assertTrue(Files.isRegularFile(project.resolve("a/b/c/report.sarif")));
    try (var left = Files.list(project.resolve("a/b/c"))) {
      assertEquals(1, left.count(), "a temporary file was left behind");
    }
  }

  private static void assertRule(
      JsonNode rules, Class<? extends com.google.errorprone.bugpatterns.BugChecker> check) {
    BugCheckerInfo info = BugCheckerInfo.create(check);
    JsonNode rule = null;
    for (JsonNode candidate : rules) {
      if (candidate.at("/id").asText().equals(info.canonicalName())) {
        rule = candidate;
      }
    }
    assertTrue(rule != null, info.canonicalName() + " has no rule in " + rules);
    assertEquals(info.message(), rule.at("/shortDescription/text").asText());
    assertEquals(info.message(), rule.at("/fullDescription/text").asText());
    assertEquals(
        "https://github.com/leakprone/leakprone/blob/main/docs/bugpatterns/"
            + info.canonicalName()
            + ".md",
        rule.at("/helpUri").asText());
    assertEquals("warning", rule.at("/defaultConfiguration/level").asText());
  }

  private void assertResult(JsonNode result, String check, int line, String snippet) {
    assertEquals(check, result.at("/ruleId").asText());
    assertEquals("warning", result.at("/level").asText());
    JsonNode location = result.at("/locations/0/physicalLocation");
    assertEquals(ORDER_DAO_PATH, location.at("/artifactLocation/uri").asText());
    assertEquals("%SRCROOT%", location.at("/artifactLocation/uriBaseId").asText());
    JsonNode region = location.at("/region");
    assertEquals(line, region.at("/startLine").asInt(), result.toString());
    String sourceLine = ORDER_DAO.lines().toList().get(line - 1);
    assertEquals(sourceLine.indexOf(snippet) + 1, region.at("/startColumn").asInt());
    assertEquals(line, region.at("/endLine").asInt());
    assertEquals(
        sourceLine.indexOf(snippet) + snippet.length() + 1, region.at("/endColumn").asInt());
    assertEquals(snippet, region.at("/snippet/text").asText());
    assertTrue(
        result
            .at("/locations/0/logicalLocations/0/fullyQualifiedName")
            .asText()
            .startsWith("com.acme.orders.OrderDao."),
        result.toString());
    assertFalse(
        result.at("/partialFingerprints/leakproneBaselineEntry~1v1").asText().isEmpty(),
        result.toString());
  }

  /** Applies SARIF replacements (offsets into the original text) from the last to the first. */
  static String apply(String source, JsonNode replacements) {
    List<JsonNode> edits = new ArrayList<>();
    replacements.forEach(edits::add);
    edits.sort(
        (a, b) ->
            Integer.compare(
                b.at("/deletedRegion/charOffset").asInt(),
                a.at("/deletedRegion/charOffset").asInt()));
    StringBuilder text = new StringBuilder(source);
    for (JsonNode edit : edits) {
      int offset = edit.at("/deletedRegion/charOffset").asInt();
      int length = edit.at("/deletedRegion/charLength").asInt();
      text.replace(offset, offset + length, edit.at("/insertedContent/text").asText(""));
    }
    return text.toString();
  }
}
