package io.github.leakprone.integration;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import io.github.leakprone.sarif.SarifSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * maven-demo's {@code gate} profile, run both ways by the invoker as a user's CI would: with the
 * demo's committed baseline the build passes and prints no finding; with one new leak added it
 * fails and names that finding, and only it; and built again without clean after a baseline entry
 * was deleted, it fails on that entry's finding. Both builds leave a valid SARIF report with every
 * finding.
 */
final class GateIT {

  private static final Path PASSING = Path.of(System.getProperty("leakprone.gate.passing"));
  private static final Path NEW_LEAK = Path.of(System.getProperty("leakprone.gate.newLeak"));
  private static final Path INCREMENTAL = Path.of(System.getProperty("leakprone.gate.incremental"));
  private static final Path BASELINE = Path.of(System.getProperty("leakprone.demo.baseline"));
  private static final String HCPC_LINK =
      "https://github.com/leakprone/leakprone/blob/main/docs/bugpatterns/HeavyweightClientPerCall.md";

  @Test
  void gatePassesOnTheDemoWithItsBaseline() throws IOException {
    List<String> log = Files.readAllLines(PASSING.resolve("build.log"), UTF_8);

    assertTrue(log.contains("[INFO] BUILD SUCCESS"), "see " + PASSING.resolve("build.log"));
    assertEquals(
        ImmutableList.of(),
        DemoFindings.parse(log, DemoFindings.leakProneCheckNames(), "maven-demo"),
        "the baseline should hold every finding of the demo");
    assertFalse(
        log.stream().anyMatch(line -> line.contains("[LeakProne]")),
        "no stale entry, no other message expected: see " + PASSING.resolve("build.log"));

    JsonNode results = results(PASSING);
    assertEquals(baselineEntries(), results.size(), results.toString());
    for (JsonNode result : results) {
      assertEquals("unchanged", result.at("/baselineState").asText(), result.toString());
    }
  }

  @Test
  void gateFailsOnANewLeakNamingIt() throws IOException {
    List<String> log = Files.readAllLines(NEW_LEAK.resolve("build.log"), UTF_8);

    assertTrue(log.contains("[INFO] BUILD FAILURE"), "see " + NEW_LEAK.resolve("build.log"));
    ImmutableList<String> findings =
        DemoFindings.parse(log, DemoFindings.leakProneCheckNames(), "maven-demo");
    // Maven prints a compilation error twice: as javac reports it, with its link on the next line,
    // and again in the failure summary, where the link line reads differently.
    assertTrue(findings.get(0).endsWith(HCPC_LINK + ")"), findings.toString());
    assertEquals(
        ImmutableList.of(
            "src/main/java/com/example/leakdemo/newleak/StatusNotifier.java:12:27:"
                + " [HeavyweightClientPerCall] OkHttpClient built on every call of ping(): each"
                + " instance has its own connection pool and dispatcher threads; build one and"
                + " share it (derive per-call settings with shared.newBuilder())"),
        findings.stream()
            .map(f -> f.replaceAll(" \\((see \\S+|no link)\\)$", ""))
            .distinct()
            .toList());
    assertTrue(
        log.stream()
            .anyMatch(line -> line.startsWith("[ERROR]") && line.contains("StatusNotifier.java")),
        "the new finding must be an error");

    JsonNode results = results(NEW_LEAK);
    assertEquals(baselineEntries() + 1, results.size(), results.toString());
    List<String> fresh = new ArrayList<>();
    for (JsonNode result : results) {
      if (result.at("/baselineState").asText().equals("new")) {
        fresh.add(
            result.at("/locations/0/physicalLocation/artifactLocation/uri").asText()
                + ":"
                + result.at("/locations/0/physicalLocation/region/startLine").asInt()
                + " "
                + result.at("/level").asText());
      }
    }
    assertEquals(
        ImmutableList.of("src/main/java/com/example/leakdemo/newleak/StatusNotifier.java:12 error"),
        fresh);
  }

  /**
   * The gate without clean (src/it/gate-incremental): it passed, a baseline entry was deleted, and
   * the next {@code -Pgate test-compile}, without clean, compiled again (rather than "Nothing to
   * compile") and failed on the finding that entry held, and on no other.
   */
  @Test
  void gateWithoutCleanJudgesAChangedBaselineAgain() throws IOException {
    Path buildLog = INCREMENTAL.resolve("build.log");
    List<String> log = Files.readAllLines(buildLog, UTF_8);
    int lastPass = log.lastIndexOf("[INFO] BUILD SUCCESS");
    assertTrue(lastPass > 0, "the first builds should pass: see " + buildLog);
    List<String> last = log.subList(lastPass + 1, log.size());

    assertTrue(last.contains("[INFO] BUILD FAILURE"), "see " + buildLog);
    assertFalse(
        last.stream().anyMatch(line -> line.contains("Nothing to compile")),
        "the gate must not reuse the classes judged against the old baseline: see " + buildLog);
    assertEquals(
        ImmutableList.of(
            "src/main/java/com/example/leakdemo/incident001/WcsDataBuilder.java:17:32:"
                + " [HeavyweightClientPerCall] SerializeConfig built on every call of buildData():"
                + " each instance generates its own ASM serializer classes, which stay in"
                + " Metaspace; keep one in a static final field"),
        DemoFindings.parse(last, DemoFindings.leakProneCheckNames(), "maven-demo").stream()
            .map(f -> f.replaceAll(" \\((see \\S+|no link)\\)$", ""))
            .distinct()
            .toList());
  }

  private static int baselineEntries() throws IOException {
    return (int)
        Files.readAllLines(BASELINE, UTF_8).stream()
            .filter(line -> !line.isBlank() && !line.startsWith("#"))
            .count();
  }

  private static JsonNode results(Path demo) {
    return SarifSchema.readValid(demo.resolve("target/leakprone/leakprone-demo-classes.sarif"))
        .at("/runs/0/results");
  }
}
