package io.github.leakprone.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.errorprone.ErrorProneJavaCompiler;
import com.google.errorprone.scanner.ScannerSupplier;
import io.github.leakprone.checks.HeavyweightClientPerCall;
import io.github.leakprone.checks.JdbcResourceLeak;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;

/**
 * What LeakProne's reporting adds to a compile: a generated code base of {@value #FILES} files with
 * JDBC code, thread pools and plain code; in every file (far denser than real code), or in one file
 * in twenty, a statement is lost on {@code continue} and a pool is never shut down. It is compiled
 * with both checks
 *
 * <ul>
 *   <li><b>plain</b>: no {@code -XepOpt:LeakProne:*} flag;
 *   <li><b>report</b>: {@code SarifReport} (every finding located, snippet and fixes, one file
 *       written);
 *   <li><b>gate</b>: {@code Baseline} holding every finding (read once, each finding keyed and
 *       looked up, stale entries computed), {@code Gate=true} and {@code SarifReport}: the CI
 *       setting.
 * </ul>
 *
 * Rounds interleave the three so that load on the machine falls on all of them alike; it prints the
 * median and quartiles of the compile's wall time and of the compiling thread's CPU time (javac,
 * Error Prone and the report all run on it). Not a test: it prints figures.
 *
 * <p>Run: {@code ./mvnw -B -q install -DskipTests -pl checks -am && ./mvnw -B -q -pl checks-test
 * test-compile exec:java@report-cost-benchmark}
 */
public final class ReportCostBenchmark {

  private static final int FILES = 200;
  private static final int WARMUP_ROUNDS = 5;
  private static final int ROUNDS = 15;

  public static void main(String[] args) throws IOException {
    // Every file leaking is far denser than real code; one in twenty is closer to legacy code.
    scenario("every file leaks", 1);
    scenario("one file in 20 leaks", 20);
  }

  private static void scenario(String title, int leakEvery) throws IOException {
    Path project = Files.createTempDirectory("leakprone-report-cost");
    Path sources = project.resolve("src/main/java");
    for (int i = 0; i < FILES; i++) {
      Path file = sources.resolve("com/acme/gen/Dao" + i + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, source(i, i % leakEvery == 0), UTF_8);
    }
    String base = "-XepOpt:LeakProne:BaseDir=" + project;
    String sarif = "-XepOpt:LeakProne:SarifReport=target/leakprone/{output}.sarif";
    String baseline = "-XepOpt:LeakProne:Baseline=leakprone-baseline.txt";
    Map<String, List<String>> settings = new LinkedHashMap<>();
    settings.put("plain", List.of());
    settings.put("report", List.of(base, sarif));
    settings.put("gate", List.of(base, baseline, "-XepOpt:LeakProne:Gate=true", sarif));

    compile(project, List.of(base, baseline, "-XepOpt:LeakProne:BaselineMode=write"));
    long entries =
        Files.readAllLines(project.resolve("leakprone-baseline.txt"), UTF_8).stream()
            .filter(line -> !line.startsWith("#"))
            .count();
    long lines;
    try (Stream<Path> files = Files.walk(sources)) {
      lines = files.filter(Files::isRegularFile).mapToLong(ReportCostBenchmark::lineCount).sum();
    }

    Map<String, List<Double>> wall = new LinkedHashMap<>();
    Map<String, List<Double>> cpu = new LinkedHashMap<>();
    settings.keySet().forEach(name -> wall.put(name, new ArrayList<>()));
    settings.keySet().forEach(name -> cpu.put(name, new ArrayList<>()));
    for (int round = 0; round < WARMUP_ROUNDS + ROUNDS; round++) {
      for (Map.Entry<String, List<String>> setting : settings.entrySet()) {
        int[] result = compile(project, setting.getValue());
        int expected = setting.getKey().equals("gate") ? 0 : (int) entries;
        if (result[2] != expected) {
          throw new IllegalStateException(
              setting.getKey() + " showed " + result[2] + " findings, not " + expected);
        }
        if (round >= WARMUP_ROUNDS) {
          wall.get(setting.getKey()).add(result[0] / 1e3);
          cpu.get(setting.getKey()).add(result[1] / 1e3);
        }
      }
    }

    System.out.printf(
        Locale.ROOT,
        "%n%s: %d files, %d lines, %d findings (all in the baseline), SARIF report %d KiB,"
            + " baseline %d KiB; %d rounds after %d warm-up rounds%n",
        title,
        FILES,
        lines,
        entries,
        Files.size(project.resolve("target/leakprone/classes.sarif")) / 1024,
        Files.size(project.resolve("leakprone-baseline.txt")) / 1024,
        ROUNDS,
        WARMUP_ROUNDS);
    System.out.printf(
        Locale.ROOT,
        "%-8s %26s %10s %26s %10s%n",
        "setting",
        "wall ms: median [q1, q3]",
        "vs plain",
        "CPU ms: median [q1, q3]",
        "vs plain");
    double plainWall = median(wall.get("plain"));
    double plainCpu = median(cpu.get("plain"));
    for (String name : settings.keySet()) {
      System.out.printf(
          Locale.ROOT,
          "%-8s %26s %+9.1f%% %26s %+9.1f%%%n",
          name,
          quartiles(wall.get(name)),
          100 * (median(wall.get(name)) - plainWall) / plainWall,
          quartiles(cpu.get(name)),
          100 * (median(cpu.get(name)) - plainCpu) / plainCpu);
    }
  }

  /** Compiles the project; returns wall microseconds, CPU microseconds and the findings shown. */
  private static int[] compile(Path project, List<String> flags) throws IOException {
    JavaCompiler compiler =
        new ErrorProneJavaCompiler(
            ScannerSupplier.fromBugCheckerClasses(
                HeavyweightClientPerCall.class, JdbcResourceLeak.class));
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<String> options = new ArrayList<>(List.of("-proc:none", "-Xmaxwarns", "100000"));
    options.add("-d");
    options.add(Files.createDirectories(project.resolve("target/classes")).toString());
    options.addAll(flags);
    List<Path> files;
    try (Stream<Path> paths = Files.walk(project.resolve("src/main/java"))) {
      files = paths.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    try (StandardJavaFileManager fileManager =
        compiler.getStandardFileManager(diagnostics, null, UTF_8)) {
      long wallStart = System.nanoTime();
      long cpuStart = threads.getCurrentThreadCpuTime();
      boolean ok =
          compiler
              .getTask(
                  null,
                  fileManager,
                  diagnostics,
                  options,
                  null,
                  fileManager.getJavaFileObjectsFromPaths(files))
              .call();
      long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
      long wall = System.nanoTime() - wallStart;
      if (!ok) {
        throw new IllegalStateException("did not compile: " + diagnostics.getDiagnostics());
      }
      int findings =
          (int)
              diagnostics.getDiagnostics().stream()
                  .filter(d -> d.getKind() != javax.tools.Diagnostic.Kind.NOTE)
                  .filter(d -> d.getMessage(Locale.ROOT).startsWith("["))
                  .filter(d -> !d.getMessage(Locale.ROOT).startsWith("[LeakProne]"))
                  .count();
      return new int[] {(int) (wall / 1000), (int) (cpu / 1000), findings};
    }
  }

  private static final String LEAKY_ARCHIVE =
      """
            PreparedStatement ps = conn.prepareStatement(sql);
            if (sql.startsWith("--")) {
              continue;
            }
            ps.execute();
            ps.close();\
      """;
  private static final String SAFE_ARCHIVE =
      """
            try (PreparedStatement ps = conn.prepareStatement(sql)) {
              if (!sql.startsWith("--")) {
                ps.execute();
              }
            }\
      """;
  private static final String LEAKY_PUBLISH = "    pool.submit(task);";
  private static final String SAFE_PUBLISH =
      """
          try {
            pool.submit(task);
          } finally {
            pool.shutdown();
          }\
      """;

  private static String source(int i, boolean leaks) {
    return """
    package com.acme.gen;

    import java.sql.Connection;
    import java.sql.PreparedStatement;
    import java.sql.SQLException;
    import java.util.ArrayList;
    import java.util.List;
    import java.util.concurrent.ExecutorService;
    import java.util.concurrent.Executors;

    public class Dao%1$d {
      private final List<String> log = new ArrayList<>();

      void archive(Connection conn, String[] sqls) throws SQLException {
        for (String sql : sqls) {
    @LEAKY_ARCHIVE@
        }
      }

      void archiveSafely(Connection conn, String[] sqls) throws SQLException {
        for (String sql : sqls) {
          try (PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.execute();
          }
        }
      }

      void publish(Runnable task) {
        ExecutorService pool = Executors.newFixedThreadPool(4);
    @LEAKY_PUBLISH@
      }

      int total(int[] values) {
        int sum = 0;
        for (int value : values) {
          sum += value %% 7 == 0 ? value * 2 : value;
        }
        log.add("total " + sum);
        return sum;
      }

      String describe(String name, int count) {
        StringBuilder text = new StringBuilder(name);
        for (int k = 0; k < count; k++) {
          text.append(k %% 2 == 0 ? '-' : '+');
        }
        return text.append(" #%1$d").toString();
      }
    }
    """
        .formatted(i)
        .replace("@LEAKY_ARCHIVE@", leaks ? LEAKY_ARCHIVE : SAFE_ARCHIVE)
        .replace("@LEAKY_PUBLISH@", leaks ? LEAKY_PUBLISH : SAFE_PUBLISH);
  }

  private static long lineCount(Path file) {
    try {
      return Files.readAllLines(file, UTF_8).size();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  private static String quartiles(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return String.format(
        Locale.ROOT,
        "%.0f [%.0f, %.0f]",
        sorted.get(n / 2),
        sorted.get(n / 4),
        sorted.get(3 * n / 4));
  }

  private ReportCostBenchmark() {}
}
