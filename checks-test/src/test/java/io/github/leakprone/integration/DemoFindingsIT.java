package io.github.leakprone.integration;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The demo's findings, as its own Maven build printed them, must equal
 * maven-demo/expected-findings.txt line for line: a lost finding and a new one both fail the build.
 * After an intended change, refresh the golden file with {@code ./mvnw -B verify
 * -Dleakprone.demo.update=true} and review its diff.
 */
final class DemoFindingsIT {

  private static final Path BUILD_LOG = Path.of(System.getProperty("leakprone.demo.buildLog"));
  private static final Path EXPECTED = Path.of(System.getProperty("leakprone.demo.expected"));
  private static final ImmutableList<String> HEADER =
      ImmutableList.of(
          "# LeakProne's findings on maven-demo as its Maven build prints them:",
          "# path:line:column: [Check] message (see link). Compared by checks-test's DemoFindingsIT;",
          "# refresh with ./mvnw -B verify -Dleakprone.demo.update=true and review the diff.");

  @Test
  void demoShowsExactlyTheGoldenFindings() throws IOException {
    List<String> log = Files.readAllLines(BUILD_LOG, UTF_8);
    assertTrue(
        log.stream().anyMatch(line -> line.contains("BUILD SUCCESS")),
        "the demo build did not succeed; see " + BUILD_LOG);
    ImmutableSet<String> checks = DemoFindings.leakProneCheckNames();
    assertFalse(checks.isEmpty(), "no LeakProne check is registered through ServiceLoader");
    ImmutableList<String> actual = DemoFindings.parse(log, checks, "maven-demo");

    if (Boolean.getBoolean("leakprone.demo.update")) {
      Files.write(
          EXPECTED, ImmutableList.<String>builder().addAll(HEADER).addAll(actual).build(), UTF_8);
      System.out.println("Rewrote " + EXPECTED + " with " + actual.size() + " findings");
      return;
    }
    List<String> expected =
        Files.readAllLines(EXPECTED, UTF_8).stream()
            .filter(line -> !line.isBlank() && !line.startsWith("#"))
            .toList();
    assertEquals(
        String.join("\n", expected),
        String.join("\n", actual),
        difference(expected, actual) + "\nThe demo's build log: " + BUILD_LOG);
  }

  /** Says which findings went missing and which are new, so a failure reads without a diff tool. */
  private static String difference(List<String> expected, List<String> actual) {
    List<String> missing = new ArrayList<>(expected);
    missing.removeAll(actual);
    List<String> unexpected = new ArrayList<>(actual);
    unexpected.removeAll(expected);
    return "Findings lost:\n  "
        + String.join("\n  ", missing)
        + "\nFindings new:\n  "
        + String.join("\n  ", unexpected);
  }
}
