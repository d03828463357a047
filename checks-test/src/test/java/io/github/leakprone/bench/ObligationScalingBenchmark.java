package io.github.leakprone.bench;

import com.google.errorprone.ErrorProneJavaCompiler;
import com.google.errorprone.scanner.ScannerSupplier;
import io.github.leakprone.analysis.obligation.ObligationAnalysis;
import io.github.leakprone.bench.GeneratedJdbcMethods.Shape;
import io.github.leakprone.checks.JdbcResourceLeak;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * How the obligation analysis's cost grows with a method's size and nesting depth: it compiles
 * generated JDBC methods of 250 to 8,000 lines at depths 1, 4 and 8, with Error Prone running only
 * JdbcResourceLeak and with Error Prone running nothing, and prints per size the analysis's work
 * (statements and expressions visited: exact and machine-independent) and the median extra compile
 * CPU time of the compiling thread. Linear cost shows as flat "units/line" and "check ms/kLoc"
 * columns. With {@value #CHART_PROPERTY} set it also draws them as an SVG chart ({@link
 * ScalingChart}). Not a test: it prints figures.
 *
 * <p>Run: {@code ./mvnw -B -q install -DskipTests -pl checks -am && ./mvnw -B -q -pl checks-test
 * test-compile exec:java@scaling-benchmark}
 */
public final class ObligationScalingBenchmark {

  private static final int[] LINES = {250, 500, 1000, 2000, 4000, 8000};
  private static final int[] DEPTHS = {1, 4, 8};
  private static final int WARMUP = 3;
  private static final int RUNS = 7;

  /** Where to draw the chart of the figures (an SVG file); no chart when unset. */
  private static final String CHART_PROPERTY = "leakprone.bench.chart";

  private static final Path OUTPUT =
      Path.of(System.getProperty("java.io.tmpdir"), "leakprone-scaling-benchmark");

  public static void main(String[] args) throws IOException {
    Files.createDirectories(OUTPUT);
    ScannerSupplier check = ScannerSupplier.fromBugCheckerClasses(JdbcResourceLeak.class);
    ScannerSupplier none = ScannerSupplier.fromBugCheckerClasses(Collections.emptyList());
    warmUp(check, none);
    List<ScalingChart.Point> points = new ArrayList<>();
    for (Shape shape : Shape.values()) {
      System.out.printf(Locale.ROOT, "%nShape %s%n", shape);
      System.out.printf(
          Locale.ROOT,
          "%6s %6s %7s %11s %11s %12s %14s %9s%n",
          "depth",
          "lines",
          "found",
          "work units",
          "units/line",
          "check ms",
          "check ms/kLoc",
          "javac ms");
      for (int depth : DEPTHS) {
        for (int lines : LINES) {
          points.add(measure(check, none, shape, depth, lines));
        }
      }
    }
    String chart = System.getProperty(CHART_PROPERTY, "");
    if (!chart.isBlank()) {
      ScalingChart.write(
          Path.of(chart),
          points,
          String.format(
              Locale.ROOT,
              "JDK %s, Error Prone %s",
              System.getProperty("java.specification.version"),
              System.getProperty("leakprone.bench.errorProneVersion", "?")));
      System.out.printf(Locale.ROOT, "%nChart: %s%n", chart);
    }
  }

  private static ScalingChart.Point measure(
      ScannerSupplier check, ScannerSupplier none, Shape shape, int depth, int lines) {
    String source = GeneratedJdbcMethods.source(lines, depth, shape);
    int actualLines = (int) source.lines().count();
    long before = ObligationAnalysis.workUnits();
    int findings = compile(check, source);
    long units = ObligationAnalysis.workUnits() - before;
    double withCheck = medianMillis(check, source);
    double without = medianMillis(none, source);
    double checkMillis = Math.max(0, withCheck - without);
    System.out.printf(
        Locale.ROOT,
        "%6d %6d %7d %11d %11.2f %12.2f %14.2f %9.1f%n",
        depth,
        actualLines,
        findings,
        units,
        (double) units / actualLines,
        checkMillis,
        checkMillis * 1000 / actualLines,
        without);
    return new ScalingChart.Point(shape, depth, actualLines, units, checkMillis);
  }

  private static void warmUp(ScannerSupplier check, ScannerSupplier none) {
    String source = GeneratedJdbcMethods.source(2000, 4, Shape.ONE_VARIABLE);
    for (int i = 0; i < WARMUP * 3; i++) {
      compile(check, source);
      compile(none, source);
    }
  }

  /** The median CPU time of this thread: what the compile cost, whatever else the machine runs. */
  private static double medianMillis(ScannerSupplier scanners, String source) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    List<Double> times = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      long start = threads.getCurrentThreadCpuTime();
      compile(scanners, source);
      times.add((threads.getCurrentThreadCpuTime() - start) / 1e6);
    }
    Collections.sort(times);
    return times.get(RUNS / 2);
  }

  /**
   * Compiles {@code source} in memory with Error Prone running {@code scanners}; returns warnings.
   */
  private static int compile(ScannerSupplier scanners, String source) {
    JavaCompiler compiler = new ErrorProneJavaCompiler(scanners);
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    JavaFileObject file =
        new SimpleJavaFileObject(
            URI.create("string:///Generated.java"), JavaFileObject.Kind.SOURCE) {
          @Override
          public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return source;
          }
        };
    // Stop after flow analysis, where Error Prone runs: a generated 8,000-line method is beyond
    // what
    // the class file format allows, and bytecode is not what is measured.
    List<String> options =
        List.of(
            "-proc:none",
            "-XDshould-stop.ifNoError=FLOW",
            "-Xmaxwarns",
            "100000",
            "-d",
            OUTPUT.toString());
    boolean ok =
        compiler
            .getTask(
                null,
                ToolProvider.getSystemJavaCompiler().getStandardFileManager(null, null, null),
                diagnostics,
                options,
                null,
                List.of(file))
            .call();
    if (!ok) {
      throw new IllegalStateException(
          "generated source did not compile: " + diagnostics.getDiagnostics());
    }
    return (int)
        diagnostics.getDiagnostics().stream()
            .filter(d -> d.getKind() == javax.tools.Diagnostic.Kind.WARNING)
            .count();
  }

  private ObligationScalingBenchmark() {}
}
