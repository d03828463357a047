package io.github.leakprone.bench;

import com.google.errorprone.BugPattern;
import io.github.leakprone.checks.JdbcResourceLeak;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * How the programs that compile other people's code with LeakProne ({@link BuildCostBenchmark},
 * {@link RealCodeEvaluation}) run a compile: javac in a JVM of its own ({@link CorpusCompile}) with
 * the JDK-internal flags Error Prone needs, Error Prone and the LeakProne jar on the processor
 * path, and every check the jar registers turned on by name. One home, so that the cost the
 * benchmark measures and the findings the evaluation counts come from the same compile.
 */
final class ChildCompiles {

  private static final String CHECKER_SERVICES =
      "META-INF/services/com.google.errorprone.bugpatterns.BugChecker";

  /**
   * Overrides the LeakProne jar on the processor path, e.g. with checks/target's freshly packaged
   * jar, so that a change is measured without installing it into the shared local repository.
   */
  static final String CHECKS_JAR_PROPERTY = "leakprone.bench.checksJar";

  private final List<String> jvmFlags;
  private final List<String> processorPath;
  private final List<String> leakProneChecks;

  /** The jar named by {@link #CHECKS_JAR_PROPERTY}, as given, or null. */
  private final String overridingJar;

  /**
   * Reads the JVM flags from the {@code leakprone.bench.jvmFlags} property and the processor path
   * from {@code processorPathFile} (written by the profile's {@code dependency:build-classpath}).
   */
  ChildCompiles(Path processorPathFile) throws IOException {
    this(processorPathFile, List.of());
  }

  /** As {@link #ChildCompiles(Path)}, with {@code extraJvmFlags} after the property's flags. */
  ChildCompiles(Path processorPathFile, List<String> extraJvmFlags) throws IOException {
    jvmFlags = new ArrayList<>(words(requiredProperty("leakprone.bench.jvmFlags")));
    jvmFlags.addAll(extraJvmFlags);
    List<String> path =
        new ArrayList<>(
            Arrays.asList(
                Files.readString(processorPathFile, StandardCharsets.UTF_8)
                    .strip()
                    .split(File.pathSeparator, -1)));
    Path checksJar = codeSource(JdbcResourceLeak.class);
    String override = System.getProperty(CHECKS_JAR_PROPERTY, "");
    overridingJar = override.isBlank() ? null : Path.of(override).toAbsolutePath().toString();
    if (overridingJar != null) {
      Path given = Path.of(overridingJar);
      if (!Files.isRegularFile(given)) {
        throw new IllegalStateException(CHECKS_JAR_PROPERTY + " names no file: " + given);
      }
      // The compiles read a private copy: a jar replaced while a run goes on (a new build copied
      // over it) would otherwise break the compile that is reading it.
      Path replacement = Files.createTempFile("leakprone-checks-", ".jar");
      replacement.toFile().deleteOnExit();
      Files.copy(given, replacement, StandardCopyOption.REPLACE_EXISTING);
      // The entry that holds the checks, whichever jar or directory the build resolved it to.
      List<String> leakProne =
          path.stream().filter(ChildCompiles::holdsLeakProne).collect(Collectors.toList());
      if (leakProne.size() != 1) {
        throw new IllegalStateException(
            "the processor path holds " + leakProne.size() + " LeakProne entries, not 1: " + path);
      }
      path.replaceAll(entry -> entry.equals(leakProne.get(0)) ? replacement.toString() : entry);
      checksJar = replacement;
    }
    processorPath = List.copyOf(path);
    leakProneChecks = leakProneCheckNames(checksJar);
  }

  /** The name of every check the LeakProne jar on the processor path registers, sorted. */
  List<String> leakProneChecks() {
    return leakProneChecks;
  }

  /**
   * The LeakProne jar (or classes directory) the compiles load: the one named by {@link
   * #CHECKS_JAR_PROPERTY}, whose copy they read, or the build's.
   */
  String checksJar() {
    return overridingJar != null
        ? overridingJar
        : processorPath.stream().filter(ChildCompiles::holdsLeakProne).findFirst().orElse("?");
  }

  /** Whether a processor path entry, a jar or a classes directory, holds LeakProne's checks. */
  private static boolean holdsLeakProne(String entry) {
    String checkClass = JdbcResourceLeak.class.getName().replace('.', '/') + ".class";
    Path path = Path.of(entry);
    if (Files.isDirectory(path)) {
      return Files.exists(path.resolve(checkClass));
    }
    if (!Files.isRegularFile(path)) {
      return false;
    }
    try (JarFile jar = new JarFile(path.toFile())) {
      return jar.getEntry(checkClass) != null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * What Error Prone requires of javac, as a user's build passes it (README), with every check off
   * and, if {@code withLeakProne}, every LeakProne check on as a warning.
   */
  List<String> errorProneOptions(boolean withLeakProne) {
    List<String> options = new ArrayList<>();
    options.addAll(
        List.of(
            "-XDcompilePolicy=simple",
            "--should-stop=ifError=FLOW",
            "-XDaddTypeAnnotationsToSymbol=true",
            "-processorpath",
            String.join(File.pathSeparator, processorPath)));
    StringBuilder plugin = new StringBuilder("-Xplugin:ErrorProne -XepDisableAllChecks");
    if (withLeakProne) {
      leakProneChecks.forEach(check -> plugin.append(" -Xep:").append(check).append(":WARN"));
    }
    options.add(plugin.toString());
    return options;
  }

  /**
   * Compiles the sources listed in {@code sourceList} with {@code javacOptions} in a new JVM; it
   * writes its figures to {@code resultFile} and its findings to {@code findingsFile} (see {@link
   * CorpusCompile}). Returns the JVM's exit code: not 0 if the sources did not compile (the first
   * errors are on standard error).
   */
  int run(Path resultFile, Path findingsFile, Path sourceList, List<String> javacOptions)
      throws IOException, InterruptedException {
    Files.deleteIfExists(resultFile);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmFlags);
    command.add("-cp");
    command.add(codeSource(CorpusCompile.class).toString());
    command.add(CorpusCompile.class.getName());
    command.add(resultFile.toString());
    command.add(findingsFile.toString());
    command.add(sourceList.toString());
    command.addAll(javacOptions);
    int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
    return exit == 0 && !Files.exists(resultFile) ? -1 : exit;
  }

  /** The figures {@link CorpusCompile} wrote, by name. */
  static Map<String, String> readResult(Path resultFile) throws IOException {
    Map<String, String> values = new LinkedHashMap<>();
    for (String line : Files.readAllLines(resultFile, StandardCharsets.UTF_8)) {
      int equals = line.indexOf('=');
      values.put(line.substring(0, equals), line.substring(equals + 1));
    }
    return values;
  }

  /** Every .java file under {@code root}, in a fixed order. */
  static List<Path> javaSources(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(f -> f.toString().endsWith(".java"))
          .sorted()
          .collect(Collectors.toList());
    }
  }

  /**
   * The options of a plain javac run over sources the benchmark did not write: no annotation
   * processing, UTF-8, every warning kept, classes into {@code classes}, the jars of {@code lib}.
   */
  static List<String> plainJavacOptions(Path classes, Path lib) throws IOException {
    return List.of(
        "-proc:none",
        "-encoding",
        "UTF-8",
        "-Xmaxwarns",
        "1000000",
        "-d",
        classes.toString(),
        "-classpath",
        classPath(lib));
  }

  /** The jars of {@code directory}, sorted, as a class path. */
  static String classPath(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return "";
    }
    try (Stream<Path> jars = Files.list(directory)) {
      return jars.sorted().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }
  }

  /** {@code wc -l} of a source; ISO-8859-1 reads any byte, whatever the file's encoding. */
  static int lines(Path source) throws IOException {
    try (Stream<String> lines = Files.lines(source, StandardCharsets.ISO_8859_1)) {
      return (int) lines.count();
    }
  }

  /**
   * The name of every check the LeakProne jar registers for ServiceLoader (its @BugPattern name),
   * so that a new check runs without a change here.
   */
  private static List<String> leakProneCheckNames(Path checks) throws IOException {
    String services;
    if (Files.isDirectory(checks)) {
      services = Files.readString(checks.resolve(CHECKER_SERVICES), StandardCharsets.UTF_8);
    } else {
      try (JarFile jar = new JarFile(checks.toFile());
          InputStream in = jar.getInputStream(jar.getEntry(CHECKER_SERVICES))) {
        services = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
    List<String> names = new ArrayList<>();
    for (String line : services.lines().map(String::strip).collect(Collectors.toList())) {
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      names.add(checkName(line));
    }
    Collections.sort(names);
    return names;
  }

  /**
   * A check's @BugPattern name; its simple class name (Error Prone's default) where the class is
   * not on this class path, as with a new check in an overriding jar.
   */
  private static String checkName(String className) {
    try {
      BugPattern pattern = Class.forName(className).getAnnotation(BugPattern.class);
      if (pattern != null && !pattern.name().isEmpty()) {
        return pattern.name();
      }
    } catch (ClassNotFoundException e) {
      // The default below.
    }
    return className.substring(className.lastIndexOf('.') + 1);
  }

  /** Deletes {@code root} and everything under it, if it is there. */
  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths
          .sorted(Comparator.reverseOrder())
          .forEach(
              path -> {
                try {
                  Files.delete(path);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }

  static Path codeSource(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static String requiredProperty(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "system property " + name + " is not set: run through checks-test's benchmark profile");
    }
    return value;
  }

  private static List<String> words(String text) {
    return Arrays.stream(text.strip().split("\\s+", -1))
        .filter(word -> !word.isEmpty())
        .collect(Collectors.toList());
  }
}
