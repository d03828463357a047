package io.github.leakprone.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What LeakProne's checks cost a real build: it compiles a corpus of other people's code (sources
 * jars from Maven Central, fetched by the {@code benchmark} profile of checks-test's pom) in three
 * configurations, each run in a JVM of its own, the configurations taking turns (A, B, C, A, B, C,
 * ...) so that a change in the machine's load falls on all three alike:
 *
 * <ul>
 *   <li>A: plain javac;
 *   <li>B: javac with Error Prone and every check off;
 *   <li>C: B plus LeakProne's checks, every check the checks jar registers for ServiceLoader.
 * </ul>
 *
 * <p>It prints, per configuration, the median wall time and CPU time of the compile, the median
 * peak memory, the findings by check, and the ratios C/B (what LeakProne costs) and B/A (what Error
 * Prone itself costs). Not a test: it prints figures.
 *
 * <p>Run: see {@link Benchmarks}.
 */
public final class BuildCostBenchmark {

  /** The three configurations, in the order each round runs them. */
  enum Config {
    A("plain javac"),
    B("+ Error Prone, all checks off"),
    C("+ LeakProne's checks");

    final String label;

    Config(String label) {
      this.label = label;
    }
  }

  /** One compile's figures, as {@link CorpusCompile} wrote them. */
  record Run(
      Config config,
      double wallSeconds,
      double cpuSeconds,
      double javacCpuSeconds,
      double jitSeconds,
      double allocatedGiB,
      double rssMiB,
      double liveHeapMiB,
      double checkPhaseWallSeconds,
      double checkPhaseJavacCpuSeconds,
      Map<String, Integer> warnings,
      Map<String, Double> checkSeconds,
      double loadAverage) {

    /** The share of the compile's wall time spent in {@code checks}' matchers. */
    double shareOf(List<String> checks) {
      return checks.stream().mapToDouble(c -> checkSeconds.getOrDefault(c, 0.0)).sum()
          / wallSeconds;
    }
  }

  private final Path corpus;
  private final int runs;
  private final ChildCompiles compiles;
  private final List<String> leakProneChecks;
  private final String errorProneVersion;

  private BuildCostBenchmark() throws IOException {
    corpus = Path.of(ChildCompiles.requiredProperty("leakprone.bench.corpus"));
    runs = Integer.getInteger("leakprone.bench.runs", 7);
    compiles = new ChildCompiles(corpus.resolve("processorpath.txt"));
    leakProneChecks = compiles.leakProneChecks();
    errorProneVersion = System.getProperty("leakprone.bench.errorProneVersion", "?");
  }

  public static void main(String[] args) throws IOException, InterruptedException {
    new BuildCostBenchmark().run();
  }

  private void run() throws IOException, InterruptedException {
    Path work = Files.createTempDirectory("leakprone-build-cost");
    List<Path> sources = ChildCompiles.javaSources(corpus.resolve("src"));
    Path sourceList = work.resolve("sources.txt");
    Files.write(
        sourceList,
        sources.stream().map(Path::toString).collect(Collectors.toList()),
        StandardCharsets.UTF_8);
    printCorpus(sources);
    System.out.printf(
        Locale.ROOT,
        "LeakProne's checks (C): %s%n%d rounds of A, B, C after one warm-up round; each run a JVM of"
            + " its own%n%n",
        String.join(", ", leakProneChecks),
        runs);

    Map<Config, List<Run>> results = new EnumMap<>(Config.class);
    for (int round = 0; round <= runs; round++) {
      for (Config config : Config.values()) {
        Run result = compile(config, sourceList, work, round == 0 ? "warm-up" : "round " + round);
        if (round > 0) {
          results.computeIfAbsent(config, c -> new ArrayList<>()).add(result);
        }
      }
    }
    printTable(results);
    Files.copy(
        work.resolve("findings-C.txt"),
        corpus.resolve("findings.txt"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    System.out.printf(
        Locale.ROOT, "LeakProne's findings, one a line: %s%n", corpus.resolve("findings.txt"));
  }

  private void printCorpus(List<Path> sources) throws IOException {
    Map<String, int[]> projects = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (Path source : sources) {
      int[] counts = projects.computeIfAbsent(project(source), p -> new int[2]);
      counts[0]++;
      counts[1] += ChildCompiles.lines(source);
    }
    System.out.printf(Locale.ROOT, "Corpus (%s)%n", corpus.resolve("src"));
    System.out.printf(Locale.ROOT, "  %-18s %6s %8s%n", "project", "files", "lines");
    int files = 0;
    int lines = 0;
    for (Map.Entry<String, int[]> project : projects.entrySet()) {
      System.out.printf(
          Locale.ROOT,
          "  %-18s %6d %8d%n",
          project.getKey(),
          project.getValue()[0],
          project.getValue()[1]);
      files += project.getValue()[0];
      lines += project.getValue()[1];
    }
    System.out.printf(Locale.ROOT, "  %-18s %6d %8d%n", "total", files, lines);
    try (Stream<Path> jars = Files.list(corpus.resolve("lib"))) {
      System.out.printf(
          Locale.ROOT,
          "  class path: %d jars of their dependencies (%s)%n",
          jars.count(),
          corpus.resolve("lib"));
    }
    System.out.printf(
        Locale.ROOT,
        "Machine: %d cores, %.1f GiB memory, %s %s, Error Prone %s%n",
        Runtime.getRuntime().availableProcessors(),
        memTotalKiB() / 1024.0 / 1024.0,
        System.getProperty("java.vm.name"),
        System.getProperty("java.runtime.version"),
        errorProneVersion);
  }

  /** The corpus project a source belongs to: the first directory under src/, less "-sources". */
  private String project(Path source) {
    Path relative = corpus.resolve("src").relativize(source);
    return relative.getName(0).toString().replaceFirst("-sources$", "");
  }

  /** javac's options for {@code config}; only C names a check. */
  private List<String> javacOptions(Config config, Path classes) throws IOException {
    List<String> options =
        new ArrayList<>(ChildCompiles.plainJavacOptions(classes, corpus.resolve("lib")));
    if (config != Config.A) {
      options.addAll(compiles.errorProneOptions(config == Config.C));
    }
    return options;
  }

  private Run compile(Config config, Path sourceList, Path work, String round)
      throws IOException, InterruptedException {
    Path classes = Files.createTempDirectory(work, "classes");
    Path resultFile = work.resolve("result-" + config + ".txt");
    Path findingsFile = work.resolve("findings-" + config + ".txt");
    double loadBefore = loadAverage();
    int exit = compiles.run(resultFile, findingsFile, sourceList, javacOptions(config, classes));
    double load = (loadBefore + loadAverage()) / 2;
    ChildCompiles.deleteTree(classes);
    if (exit != 0) {
      throw new IllegalStateException("configuration " + config + " failed, exit code " + exit);
    }
    Map<String, String> values = ChildCompiles.readResult(resultFile);
    Map<String, Integer> warnings = new TreeMap<>();
    Map<String, Double> checkSeconds = new TreeMap<>();
    values.forEach(
        (key, value) -> {
          if (key.startsWith("warnings.")) {
            warnings.put(key.substring("warnings.".length()), Integer.parseInt(value));
          } else if (key.startsWith("timing.")) {
            checkSeconds.put(key.substring("timing.".length()), Long.parseLong(value) / 1e9);
          }
        });
    Run result =
        new Run(
            config,
            Long.parseLong(values.get("wallNanos")) / 1e9,
            Long.parseLong(values.get("cpuNanos")) / 1e9,
            Long.parseLong(values.get("javacCpuNanos")) / 1e9,
            Long.parseLong(values.get("jitMillis")) / 1e3,
            Long.parseLong(values.get("allocatedBytes")) / 1024.0 / 1024.0 / 1024.0,
            Long.parseLong(values.get("vmHwmKiB")) / 1024.0,
            Long.parseLong(values.get("peakHeapAfterGcBytes")) / 1024.0 / 1024.0,
            Long.parseLong(values.get("checkPhaseWallNanos")) / 1e9,
            Long.parseLong(values.get("checkPhaseJavacCpuNanos")) / 1e9,
            warnings,
            checkSeconds,
            load);
    System.out.printf(
        Locale.ROOT,
        "  %-8s %s: wall %6.1f s%s, cpu %6.1f s, javac cpu %6.1f s, jit %5.1f s, allocated %5.2f"
            + " GiB, peak RSS %5.0f MiB, live heap %5.0f MiB, load %.1f%s%n",
        round,
        config,
        result.wallSeconds(),
        config == Config.A
            ? ""
            : String.format(Locale.ROOT, " (check phase %5.2f s)", result.checkPhaseWallSeconds()),
        result.cpuSeconds(),
        result.javacCpuSeconds(),
        result.jitSeconds(),
        result.allocatedGiB(),
        result.rssMiB(),
        result.liveHeapMiB(),
        load,
        config == Config.C
            ? String.format(
                Locale.ROOT, ", in LeakProne %.2f%%", 100 * result.shareOf(leakProneChecks))
            : "");
    return result;
  }

  private void printTable(Map<Config, List<Run>> results) {
    System.out.printf(
        Locale.ROOT,
        "%nMedians of %d runs each (load average during the runs: %.1f to %.1f)%n",
        runs,
        results.values().stream()
            .flatMap(List::stream)
            .mapToDouble(Run::loadAverage)
            .min()
            .orElse(0),
        results.values().stream()
            .flatMap(List::stream)
            .mapToDouble(Run::loadAverage)
            .max()
            .orElse(0));
    System.out.printf(
        Locale.ROOT,
        "  %-34s %8s %8s %12s %7s %10s %13s %15s %9s%n",
        "configuration",
        "wall s",
        "cpu s",
        "javac cpu s",
        "jit s",
        "alloc GiB",
        "peak RSS MiB",
        "live heap MiB",
        "findings");
    Map<Config, double[]> medians = new EnumMap<>(Config.class);
    for (Config config : Config.values()) {
      List<Run> runs = results.get(config);
      double[] m = {
        median(runs, Run::wallSeconds),
        median(runs, Run::cpuSeconds),
        median(runs, Run::javacCpuSeconds),
        median(runs, Run::jitSeconds),
        median(runs, Run::allocatedGiB),
        median(runs, Run::rssMiB),
        median(runs, Run::liveHeapMiB)
      };
      medians.put(config, m);
      System.out.printf(
          Locale.ROOT,
          "  %-34s %8.2f %8.2f %12.2f %7.2f %10.2f %13.0f %15.0f %9d%n",
          config + " " + config.label,
          m[0],
          m[1],
          m[2],
          m[3],
          m[4],
          m[5],
          m[6],
          leakProneFindings(runs.get(0)));
    }
    printRatio("C/B (LeakProne)", medians.get(Config.C), medians.get(Config.B));
    printRatio("B/A (Error Prone)", medians.get(Config.B), medians.get(Config.A));
    printCheckPhase(results);

    // The difference of two medians, each of a whole compile, carries the machine's noise; the
    // time Error Prone measured inside the checks' matchers, as a share of the same compile, does
    // not (it misses only the collector's and the JIT's extra work, which the alloc column shows).
    List<Run> withChecks = results.get(Config.C);
    System.out.printf(
        Locale.ROOT,
        "%nTime inside LeakProne's checks, as Error Prone times each check (C, median of %d): %.2f s,"
            + " %.2f%% of the compile's wall time%n",
        withChecks.size(),
        median(withChecks, run -> run.shareOf(leakProneChecks) * run.wallSeconds()),
        100 * median(withChecks, run -> run.shareOf(leakProneChecks)));
    System.out.printf(
        Locale.ROOT, "  %-26s %9s %12s %9s%n", "check", "findings", "check time s", "% of wall");
    Map<String, Integer> warnings = withChecks.get(0).warnings();
    for (String check : leakProneChecks) {
      List<String> one = List.of(check);
      System.out.printf(
          Locale.ROOT,
          "  %-26s %9d %12.2f %9.2f%n",
          check,
          warnings.getOrDefault(check, 0),
          median(withChecks, run -> run.checkSeconds().getOrDefault(check, 0.0)),
          100 * median(withChecks, run -> run.shareOf(one)));
    }
  }

  /**
   * What C adds, measured on the check phase alone (see {@link CheckPhaseStart}): parsing and
   * attribution before it are the same work in B and C, so leaving them out leaves out most of the
   * noise of a whole compile, not any of the checks' cost. The difference is put over B's whole
   * compile, the figure the target is set against.
   */
  private void printCheckPhase(Map<Config, List<Run>> results) {
    List<Run> without = results.get(Config.B);
    List<Run> with = results.get(Config.C);
    System.out.printf(
        Locale.ROOT,
        "%nThe check phase: from the end of javac's analysis of the first class (Error Prone's"
            + " checks start there) to the end of the compile; everything before it is the same"
            + " work in B and C%n");
    System.out.printf(Locale.ROOT, "  %-34s %8s %12s%n", "configuration", "wall s", "javac cpu s");
    // Not A: plain javac does not run Error Prone's compile policy, so it attributes and analyses
    // class by class, and its first class's analysis ends early in the compile.
    for (Config config : List.of(Config.B, Config.C)) {
      List<Run> runs = results.get(config);
      System.out.printf(
          Locale.ROOT,
          "  %-34s %8.2f %12.2f%n",
          config + " " + config.label,
          median(runs, Run::checkPhaseWallSeconds),
          median(runs, Run::checkPhaseJavacCpuSeconds));
    }
    double wallAdded =
        median(with, Run::checkPhaseWallSeconds) - median(without, Run::checkPhaseWallSeconds);
    double cpuAdded =
        median(with, Run::checkPhaseJavacCpuSeconds)
            - median(without, Run::checkPhaseJavacCpuSeconds);
    double[] pairedWall = new double[with.size()];
    for (int i = 0; i < with.size(); i++) {
      pairedWall[i] = with.get(i).checkPhaseWallSeconds() - without.get(i).checkPhaseWallSeconds();
    }
    Arrays.sort(pairedWall);
    System.out.printf(
        Locale.ROOT,
        "  C - B, as a share of B's whole compile: wall %+.2f s, %+.2f%% of %.2f s; javac cpu"
            + " %+.2f s, %+.2f%% of %.2f s%n",
        wallAdded,
        100 * wallAdded / median(without, Run::wallSeconds),
        median(without, Run::wallSeconds),
        cpuAdded,
        100 * cpuAdded / median(without, Run::javacCpuSeconds),
        median(without, Run::javacCpuSeconds));
    System.out.printf(
        Locale.ROOT,
        "  C - B round by round, wall: median %+.2f s, from %+.2f to %+.2f s%n",
        pairedWall.length % 2 == 1
            ? pairedWall[pairedWall.length / 2]
            : (pairedWall[pairedWall.length / 2 - 1] + pairedWall[pairedWall.length / 2]) / 2,
        pairedWall[0],
        pairedWall[pairedWall.length - 1]);
  }

  private static void printRatio(String name, double[] over, double[] under) {
    System.out.printf(
        Locale.ROOT,
        "  %-34s %8.3f %8.3f %12.3f %7.3f %10.3f %13.3f %15.3f%n",
        name,
        over[0] / under[0],
        over[1] / under[1],
        over[2] / under[2],
        over[3] / under[3],
        over[4] / under[4],
        over[5] / under[5],
        over[6] / under[6]);
  }

  private int leakProneFindings(Run run) {
    return leakProneChecks.stream().mapToInt(check -> run.warnings().getOrDefault(check, 0)).sum();
  }

  private static double median(List<Run> runs, ToDoubleFunction<Run> figure) {
    double[] values = runs.stream().mapToDouble(figure).sorted().toArray();
    int middle = values.length / 2;
    return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
  }

  /** The one-minute load average, or -1 where /proc is not there. */
  private static double loadAverage() {
    try {
      String loadavg = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.UTF_8);
      return Double.parseDouble(loadavg.substring(0, loadavg.indexOf(' ')));
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private static long memTotalKiB() {
    try {
      return Files.readAllLines(Path.of("/proc/meminfo"), StandardCharsets.UTF_8).stream()
          .filter(line -> line.startsWith("MemTotal:"))
          .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
          .findFirst()
          .orElse(-1);
    } catch (IOException e) {
      return -1;
    }
  }
}
