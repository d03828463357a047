package io.github.leakprone.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticListener;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * One compile of the corpus, in a JVM of its own, started by {@link BuildCostBenchmark}: it runs
 * javac with the options it is given and writes what the compile cost to a result file. Each run
 * has a fresh JVM so that peak memory is that of one configuration, as in a build that compiles
 * once.
 *
 * <p>It names no Error Prone class: configuration A (plain javac) runs it with no Error Prone
 * anywhere; B and C load Error Prone as a javac plugin from the processor path in the options.
 *
 * <p>Arguments: the result file, the findings file, the file listing the sources (one path a line),
 * then javac's options.
 */
final class CorpusCompile {

  /**
   * The sources' charset: the last {@code -encoding} among javac's options, as javac itself takes
   * it, or UTF-8. The file manager reads the sources, and one made with a charset of its own does
   * not hear the option (a project saved in Latin-1 had its file left out for it).
   */
  private static Charset sourceCharset(List<String> options) {
    int last = options.lastIndexOf("-encoding");
    return last >= 0 && last + 1 < options.size()
        ? Charset.forName(options.get(last + 1))
        : StandardCharsets.UTF_8;
  }

  public static void main(String[] args) throws IOException {
    Path resultFile = Path.of(args[0]);
    Path findingsFile = Path.of(args[1]);
    List<Path> sources =
        Files.readAllLines(Path.of(args[2]), StandardCharsets.UTF_8).stream()
            .filter(line -> !line.isBlank())
            .map(Path::of)
            .collect(Collectors.toList());
    List<String> options = Arrays.asList(args).subList(3, args.length);

    AtomicLong peakHeapAfterGc = watchHeapAfterGc();
    Map<String, Integer> warningsByCheck = new TreeMap<>();
    List<String> findings = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    DiagnosticListener<JavaFileObject> listener =
        diagnostic -> {
          String message = diagnostic.getMessage(Locale.ROOT);
          if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
            errors.add(describe(diagnostic, message));
          } else if (diagnostic.getKind() == Diagnostic.Kind.WARNING
              || diagnostic.getKind() == Diagnostic.Kind.MANDATORY_WARNING) {
            // Error Prone starts each message with "[CheckName] "; javac's own warnings do not.
            String check =
                message.startsWith("[") && message.indexOf(']') > 1
                    ? message.substring(1, message.indexOf(']'))
                    : "javac";
            warningsByCheck.merge(check, 1, Integer::sum);
            if (!check.equals("javac")) {
              findings.add(describe(diagnostic, message.lines().findFirst().orElse("")));
            }
          }
        };

    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    long allocatedStart = threads.getCurrentThreadAllocatedBytes();
    long cpuStart = os.getProcessCpuTime();
    long javacCpuStart = threads.getCurrentThreadCpuTime();
    long jitMillisStart = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    long wallStart = System.nanoTime();
    boolean ok;
    Object context;
    CheckPhaseStart checkPhase;
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(listener, Locale.ROOT, sourceCharset(options))) {
      JavaCompiler.CompilationTask task =
          javac.getTask(
              null, files, listener, options, null, files.getJavaFileObjectsFromPaths(sources));
      // Taken now: the task lets go of its context when the compile ends.
      context = javacContext(task);
      checkPhase = CheckPhaseStart.watch(task, threads);
      ok = task.call();
    }
    long wallEnd = System.nanoTime();
    long javacCpuEnd = threads.getCurrentThreadCpuTime();
    long wallNanos = wallEnd - wallStart;
    long cpuNanos = os.getProcessCpuTime() - cpuStart;
    // The compiling thread alone: javac, Error Prone and the checks, without the JIT compiler's and
    // the collector's threads, whose work varies by a fifth from run to run of the same compile.
    long javacCpuNanos = javacCpuEnd - javacCpuStart;
    long jitMillis =
        ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jitMillisStart;
    // javac runs on this thread: what it allocated drives the collector's work, and unlike the
    // peaks below it does not depend on when the collector ran.
    long allocatedBytes = threads.getCurrentThreadAllocatedBytes() - allocatedStart;

    if (!ok || !errors.isEmpty()) {
      System.err.println(
          "the sources did not compile: " + errors.size() + " errors, the first ones:");
      errors.stream().limit(20).forEach(System.err::println);
      System.exit(1);
    }
    Files.write(findingsFile, findings, StandardCharsets.UTF_8);
    List<String> result = new ArrayList<>();
    result.add("wallNanos=" + wallNanos);
    result.add("cpuNanos=" + cpuNanos);
    result.add("javacCpuNanos=" + javacCpuNanos);
    result.add("jitMillis=" + jitMillis);
    result.add("allocatedBytes=" + allocatedBytes);
    result.add("vmHwmKiB=" + vmHwmKiB());
    result.add("checkPhaseWallNanos=" + checkPhase.wallNanosUntil(wallEnd));
    result.add("checkPhaseJavacCpuNanos=" + checkPhase.javacCpuNanosUntil(javacCpuEnd));
    result.add("peakHeapAfterGcBytes=" + peakHeapAfterGc.get());
    warningsByCheck.forEach((check, count) -> result.add("warnings." + check + "=" + count));
    errorProneTimings(context)
        .forEach((check, time) -> result.add("timing." + check + "=" + time.toNanos()));
    Files.write(resultFile, result, StandardCharsets.UTF_8);
  }

  private static String describe(Diagnostic<? extends JavaFileObject> diagnostic, String message) {
    String source = diagnostic.getSource() == null ? "?" : diagnostic.getSource().getName();
    return source + ":" + diagnostic.getLineNumber() + ": " + message;
  }

  /**
   * The peak of the heap in use just after a garbage collection: the live data plus what the
   * collector kept. Heap used at any moment mostly measures when the collector last ran; this
   * measures what the compile holds on to.
   */
  private static AtomicLong watchHeapAfterGc() {
    AtomicLong peak = new AtomicLong();
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) collector)
          .addNotificationListener(
              (notification, handback) -> {
                if (!notification
                    .getType()
                    .equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                  return;
                }
                Map<String, MemoryUsage> after =
                    GarbageCollectionNotificationInfo.from(
                            (CompositeData) notification.getUserData())
                        .getGcInfo()
                        .getMemoryUsageAfterGc();
                long heap =
                    ManagementFactory.getMemoryPoolMXBeans().stream()
                        .filter(pool -> pool.getType() == MemoryType.HEAP)
                        .map(pool -> after.get(pool.getName()))
                        .filter(usage -> usage != null)
                        .mapToLong(MemoryUsage::getUsed)
                        .sum();
                peak.accumulateAndGet(heap, Math::max);
              },
              null,
              null);
    }
    return peak;
  }

  /**
   * The time Error Prone measured in each check's matchers (it times every check, always, for build
   * tools to read): the share of the compile that is a check's own, which the machine's load
   * stretches no more than the rest. Read by reflection: this class must load without Error Prone,
   * whose classes live in javac's plugin class loader. Empty where there is no Error Prone, or
   * where a JDK or Error Prone version keeps them elsewhere.
   */
  private static Map<String, Duration> errorProneTimings(Object context) {
    if (context == null) {
      return Map.of();
    }
    try {
      Class<?> contextType = Class.forName("com.sun.tools.javac.util.Context");
      Class<?> processing =
          Class.forName("com.sun.tools.javac.processing.JavacProcessingEnvironment");
      Object environment = processing.getMethod("instance", contextType).invoke(null, context);
      ClassLoader plugins =
          (ClassLoader) processing.getMethod("getProcessorClassLoader").invoke(environment);
      Class<?> timingsType =
          Class.forName("com.google.errorprone.ErrorProneTimings", false, plugins);
      Object timings = timingsType.getMethod("instance", contextType).invoke(null, context);
      Map<String, Duration> byCheck = new TreeMap<>();
      ((Map<?, ?>) timingsType.getMethod("timings").invoke(timings))
          .forEach((check, time) -> byCheck.put((String) check, (Duration) time));
      return byCheck;
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return Map.of();
    }
  }

  /** javac's own context of {@code task}, or null where it is not a javac task. */
  private static Object javacContext(JavaCompiler.CompilationTask task) {
    try {
      return task.getClass().getMethod("getContext").invoke(task);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  /**
   * The process's peak resident memory (VmHWM, Linux): heap, metaspace, code and thread stacks, as
   * the machine saw them; -1 where /proc is not there.
   */
  private static long vmHwmKiB() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.isReadable(status)) {
      return -1;
    }
    for (String line : Files.readAllLines(status, StandardCharsets.UTF_8)) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }

  private CorpusCompile() {}
}
