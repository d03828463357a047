package io.github.leakprone.integration;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.github.leakprone.checks.HeavyweightClientPerCall;
import io.github.leakprone.checks.StaticCollectionLeak;
import io.github.leakprone.sarif.SarifSchema;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs javac with {@code -Xplugin:ErrorProne} and the packaged checks jar on the processor path, as
 * a user's build does: the checks are found only through the jar's ServiceLoader entry.
 */
final class PluginJarIT {

  private static final JavaFileObject PER_CALL_POOL =
      JavaFileObjects.forSourceString(
          "demo.Handler",
          """
          package demo;
          import java.util.concurrent.ExecutorService;
          import java.util.concurrent.Executors;
          class Handler {
            void handle(Runnable task) {
              ExecutorService pool = Executors.newFixedThreadPool(4);
              pool.submit(task);
            }
          }
          """);

  @Test
  void packagedJarRegistersTheChecks() throws Exception {
    Path jar = checksJar();
    try (JarFile file = new JarFile(jar.toFile())) {
      String services =
          new String(
              file.getInputStream(
                      file.getEntry(
                          "META-INF/services/com.google.errorprone.bugpatterns.BugChecker"))
                  .readAllBytes(),
              StandardCharsets.UTF_8);
      assertTrue(services.contains(HeavyweightClientPerCall.class.getName()), services);
      assertTrue(services.contains(StaticCollectionLeak.class.getName()), services);
    }
  }

  @Test
  void unitWideCheckReportsThroughThePlugin() throws Exception {
    JavaFileObject registry =
        JavaFileObjects.forSourceString(
            "demo.Registry",
            """
            package demo;
            import java.util.ArrayList;
            import java.util.List;
            class Registry {
              private static final List<String> SEEN = new ArrayList<>();
              void handle(String request) {
                SEEN.add(request);
              }
              @SuppressWarnings("StaticCollectionLeak")
              void handleQuietly(String request) {
                SEEN.add(request);
              }
            }
            """);
    Compilation compilation =
        compiler("-Xplugin:ErrorProne -XepDisableAllChecks -Xep:StaticCollectionLeak:WARN")
            .compile(registry);
    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining(
            "[StaticCollectionLeak] SEEN grows in handle on every call and nothing in this file"
                + " ever removes from it");
    assertThat(compilation).hadWarningContaining("docs/bugpatterns/StaticCollectionLeak.md");
    assertThat(compilation).hadWarningCount(1);
  }

  @Test
  void userBuildReportsFindingsWithLinks() throws Exception {
    Compilation compilation =
        compile("-Xplugin:ErrorProne -XepDisableAllChecks -Xep:HeavyweightClientPerCall:WARN");
    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining(
            "[HeavyweightClientPerCall] ExecutorService built on every call of handle() and never"
                + " released with shutdown()");
    assertThat(compilation).hadWarningContaining("docs/bugpatterns/HeavyweightClientPerCall.md");
  }

  @Test
  void checkCanBeRaisedToAnError() throws Exception {
    Compilation compilation =
        compile("-Xplugin:ErrorProne -XepDisableAllChecks -Xep:HeavyweightClientPerCall:ERROR");
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("[HeavyweightClientPerCall]");
  }

  @Test
  void suppressWarningsSilencesTheCheck() throws Exception {
    JavaFileObject suppressed =
        JavaFileObjects.forSourceString(
            "demo.Handler",
            """
            package demo;
            import java.util.concurrent.Executors;
            class Handler {
              @SuppressWarnings("HeavyweightClientPerCall")
              void handle(Runnable task) {
                Executors.newFixedThreadPool(4).submit(task);
              }
            }
            """);
    Compilation compilation =
        compiler("-Xplugin:ErrorProne -XepDisableAllChecks -Xep:HeavyweightClientPerCall:WARN")
            .compile(suppressed);
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void malformedFlagFailsTheBuildWithOneClearError() throws Exception {
    Compilation compilation =
        compile(
            "-Xplugin:ErrorProne -XepDisableAllChecks -Xep:JdbcResourceLeak:WARN"
                + " -XepOpt:JdbcResourceLeak:Closers=Db#close");
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining(
            "-XepOpt:JdbcResourceLeak:Closers: bad entry 'Db#close': 'Db' is not a fully qualified"
                + " class name");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void reportIsWrittenWhenThePluginsCompilationEnds(@TempDir Path folder) throws Exception {
    Path report = folder.resolve("reports/{output}.sarif");

    Compilation compilation =
        compile(
            "-Xplugin:ErrorProne -XepDisableAllChecks -Xep:HeavyweightClientPerCall:WARN"
                + " -XepOpt:LeakProne:SarifReport="
                + report);

    assertThat(compilation).succeeded();
    // No class folder in memory: the report is named for the default one.
    JsonNode run = SarifSchema.readValid(folder.resolve("reports/classes.sarif")).at("/runs/0");
    // The jar's manifest names its version.
    assertTrue(run.at("/tool/driver/version").asText().matches("\\d+\\.\\d+.*"), run.toString());
    // JdbcResourceLeak is off: only the check that ran has a rule.
    assertEquals(1, run.at("/tool/driver/rules").size());
    assertEquals("HeavyweightClientPerCall", run.at("/results/0/ruleId").asText());
    assertEquals(
        "Executors.newFixedThreadPool(4)",
        run.at("/results/0/locations/0/physicalLocation/region/snippet/text").asText());
  }

  @Test
  void gateFailsTheBuildOnAFindingTheBaselineDoesNotHold(@TempDir Path folder) throws Exception {
    Path baseline = folder.resolve("baseline.txt");
    String flags =
        "-Xplugin:ErrorProne -XepDisableAllChecks -Xep:HeavyweightClientPerCall:WARN"
            + " -XepOpt:LeakProne:Gate=true -XepOpt:LeakProne:Baseline="
            + baseline;

    assertThat(compile(flags + " -XepOpt:LeakProne:BaselineMode=write")).succeededWithoutWarnings();
    assertThat(compile(flags)).succeededWithoutWarnings();
    Files.writeString(baseline, "");
    Compilation gated = compile(flags);
    assertThat(gated).failed();
    assertThat(gated).hadErrorCount(1);
    assertThat(gated)
        .hadErrorContaining("[HeavyweightClientPerCall] ExecutorService built on every call");
  }

  private static Compilation compile(String errorProneArgs) throws Exception {
    return compiler(errorProneArgs).compile(PER_CALL_POOL);
  }

  private static com.google.testing.compile.Compiler compiler(String errorProneArgs)
      throws Exception {
    return javac()
        .withOptions(
            "-XDcompilePolicy=simple",
            "--should-stop=ifError=FLOW",
            // As README tells users to pass it: Error Prone 2.43+ requires it on JDK 21, and every
            // compile here shows that it changes nothing on the JDK that runs the tests.
            "-XDaddTypeAnnotationsToSymbol=true",
            "-processorpath",
            processorPath(),
            errorProneArgs);
  }

  /**
   * Error Prone and its dependencies, from this JVM's class path, plus the packaged checks jar; not
   * the test classes, so nothing but the jar can register a check.
   */
  private static String processorPath() throws URISyntaxException, IOException {
    String checksJar = checksJar().toString();
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(entry -> entry.endsWith(".jar") && !entry.equals(checksJar))
            .collect(Collectors.joining(File.pathSeparator))
        + File.pathSeparator
        + checksJar;
  }

  /** The checks jar this test was given; fails when the build handed over a classes folder. */
  private static Path checksJar() throws URISyntaxException {
    Path location =
        Path.of(
            HeavyweightClientPerCall.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
    assertTrue(
        location.toString().endsWith(".jar"),
        "expected the packaged leakprone-checks jar, got " + location + " (run ./mvnw verify)");
    return location;
  }
}
