package io.github.leakprone.bench;

import io.github.leakprone.FailOnInternalError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The real-code evaluation, LeakProne's precision figure: it compiles the sources of the projects
 * in {@code docs/evaluation/projects.tsv} (sources jars from Maven Central, each with its own
 * dependencies) with every LeakProne check on, and compares the findings with the verdicts of
 * {@code docs/evaluation/triage.tsv}. It prints, per check and per project, the findings and how
 * many are REAL, PEDANTIC and FALSE, then the findings the triage does not hold (new) and the
 * triaged findings that are gone. Not a test: it prints figures; it fails only if a project does
 * not compile.
 *
 * <p>Each project is resolved by a small pom of its own, generated into {@code
 * target/evaluation/<project>} and run through the repository's Maven wrapper: one Maven module
 * would mediate the projects' dependencies into one set of versions (two projects' Netty or OkHttp,
 * say), and would put them on the build-cost corpus's class path. A project's pom is run again only
 * when it changes.
 *
 * <p>Run: see docs/evaluation/README.md.
 */
public final class RealCodeEvaluation {

  private static final List<String> VERDICTS = List.of("REAL", "PEDANTIC", "FALSE");

  /** A line of projects.tsv. */
  record Project(
      String name,
      List<String> artifacts,
      List<String> extras,
      List<String> javacFlags,
      List<String> excludes) {

    /** The artifactIds whose sources are compiled. */
    List<String> sourceArtifactIds() {
      return artifacts.stream().map(a -> a.split(":", -1)[1]).collect(Collectors.toList());
    }
  }

  /**
   * A finding, or a line of triage.tsv. {@code file} is relative to the project's sources root;
   * {@code message} is the first clause of the check's message (up to its first "; " or ": ").
   */
  record Finding(
      String project,
      String file,
      int line,
      String check,
      String message,
      String verdict,
      String reason) {

    /**
     * What matches a finding to its triage: line numbers left out, in the file's position and in
     * the message ("acquired at line 12"), so that an edit above a finding does not orphan it.
     */
    String key() {
      return String.join("\t", project, file, check, message.replaceAll("\\bline \\d+", "line #"));
    }

    String tsv() {
      return String.join(
          "\t", project, file, String.valueOf(line), check, message, verdict, reason);
    }
  }

  /** {@code path:line: [Check] message}, as {@link CorpusCompile} writes a finding. */
  private static final Pattern FINDING = Pattern.compile("^(.*):(\\d+): \\[(\\w+)\\] (.*)$");

  private final Path evaluationDocs;
  private final Path work;
  private final Path mvnw;
  private final String localRepository;
  private final ChildCompiles compiles;

  private RealCodeEvaluation() throws IOException {
    evaluationDocs = Path.of(ChildCompiles.requiredProperty("leakprone.eval.docs"));
    work = Path.of(ChildCompiles.requiredProperty("leakprone.eval.work"));
    mvnw = Path.of(ChildCompiles.requiredProperty("leakprone.eval.mvnw"));
    localRepository = System.getProperty("leakprone.eval.localRepository", "");
    // A check that fails on a tree of real code gives no finding in a user's build; here it fails
    // the compile, so that the evaluation shows every crash instead of a finding quietly gone.
    compiles =
        new ChildCompiles(
            Path.of(ChildCompiles.requiredProperty("leakprone.eval.processorPath")),
            List.of("-D" + FailOnInternalError.PROPERTY + "=true"));
  }

  public static void main(String[] args) throws IOException, InterruptedException {
    List<String> failed = new RealCodeEvaluation().run();
    if (!failed.isEmpty()) {
      // Thrown, not System.exit: exec:java runs this in Maven's own JVM.
      throw new IllegalStateException(
          "did not compile (their first errors are above): " + String.join(", ", failed));
    }
  }

  /** Runs the evaluation; returns the projects that did not compile. */
  private List<String> run() throws IOException, InterruptedException {
    long start = System.nanoTime();
    List<Project> projects = readProjects(evaluationDocs.resolve("projects.tsv"));
    // -Dleakprone.eval.projects=a,b: only these (to try a project being added); the others' triage
    // lines go into the draft unchanged.
    Set<String> only = chosen(projects);
    projects.removeIf(p -> !only.contains(p.name()));
    System.out.printf(
        Locale.ROOT,
        "LeakProne's checks: %s%nfrom %s%n%n",
        String.join(", ", compiles.leakProneChecks()),
        compiles.checksJar());
    System.out.printf(
        Locale.ROOT,
        "  %-20s %6s %8s %5s %9s %8s%n",
        "project",
        "files",
        "lines",
        "jars",
        "compile s",
        "findings");
    List<Finding> findings = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    for (Project project : projects) {
      List<Finding> found = evaluate(project);
      if (found == null) {
        failed.add(project.name());
      } else {
        findings.addAll(found);
      }
    }
    List<Finding> triage = readTriage(evaluationDocs.resolve("triage.tsv"));
    List<Finding> notRun =
        triage.stream().filter(t -> !only.contains(t.project())).collect(Collectors.toList());
    triage.removeAll(notRun);
    // A project that did not compile has no findings: its triage is not "gone", it is unknown.
    triage.removeIf(t -> failed.contains(t.project()));

    List<Finding> judged = new ArrayList<>();
    List<Finding> fresh = new ArrayList<>();
    List<Finding> gone = new ArrayList<>();
    match(findings, triage, judged, fresh, gone);
    printTable("check", compiles.leakProneChecks(), judged, fresh, Finding::check);
    printTable(
        "project",
        projects.stream().map(Project::name).collect(Collectors.toList()),
        judged,
        fresh,
        Finding::project);
    printList("New findings, not in triage.tsv (verdict TODO)", fresh);
    printList("Triaged findings that are gone", gone);

    List<Finding> draft = new ArrayList<>(judged);
    draft.addAll(fresh);
    draft.addAll(notRun);
    draft.sort(
        Comparator.comparing(Finding::project)
            .thenComparing(Finding::file)
            .thenComparingInt(Finding::line)
            .thenComparing(Finding::check));
    Path draftFile = work.resolve("triage-draft.tsv");
    List<String> lines = new ArrayList<>();
    lines.add(header());
    draft.forEach(f -> lines.add(f.tsv()));
    Files.write(draftFile, lines, StandardCharsets.UTF_8);
    System.out.printf(
        Locale.ROOT,
        "%nEvery finding with its verdict (TODO where none), to copy over docs/evaluation/triage.tsv"
            + " once triaged: %s%nTotal time %.0f s%n",
        draftFile,
        (System.nanoTime() - start) / 1e9);
    return failed;
  }

  /** The projects named by {@code leakprone.eval.projects}, or all; an unknown name fails. */
  private static Set<String> chosen(List<Project> projects) {
    Set<String> all = projects.stream().map(Project::name).collect(Collectors.toSet());
    String named = System.getProperty("leakprone.eval.projects", "").trim();
    if (named.isEmpty()) {
      return all;
    }
    Set<String> chosen = new LinkedHashSet<>(Arrays.asList(named.split("\\s*,\\s*")));
    for (String name : chosen) {
      if (!all.contains(name)) {
        throw new IllegalArgumentException(
            "-Dleakprone.eval.projects names " + name + ", which projects.tsv does not list");
      }
    }
    return chosen;
  }

  /** Resolves and compiles one project; its findings, or null if it did not compile. */
  private List<Finding> evaluate(Project project) throws IOException, InterruptedException {
    Path dir = work.resolve(project.name());
    resolve(project, dir);
    Path sourceRoot = dir.resolve("src");
    List<PathMatcher> excludes =
        project.excludes().stream()
            .map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob))
            .collect(Collectors.toList());
    List<Path> sources =
        ChildCompiles.javaSources(sourceRoot).stream()
            // module-info.java left out: each project compiles on the class path, as one tree.
            .filter(f -> !f.getFileName().toString().equals("module-info.java"))
            .filter(f -> excludes.stream().noneMatch(m -> m.matches(sourceRoot.relativize(f))))
            .collect(Collectors.toList());
    int lines = 0;
    for (Path source : sources) {
      lines += ChildCompiles.lines(source);
    }
    Path sourceList = dir.resolve("sources.txt");
    Files.write(
        sourceList,
        sources.stream().map(Path::toString).collect(Collectors.toList()),
        StandardCharsets.UTF_8);
    Path classes = dir.resolve("classes");
    ChildCompiles.deleteTree(classes);
    Files.createDirectories(classes);
    List<String> options =
        new ArrayList<>(ChildCompiles.plainJavacOptions(classes, dir.resolve("lib")));
    options.addAll(project.javacFlags());
    options.addAll(compiles.errorProneOptions(true));
    Path findingsFile = dir.resolve("findings.txt");
    long start = System.nanoTime();
    int exit = compiles.run(dir.resolve("result.txt"), findingsFile, sourceList, options);
    double seconds = (System.nanoTime() - start) / 1e9;
    if (exit != 0) {
      System.out.printf(
          Locale.ROOT,
          "  %-20s %6d %8d: DID NOT COMPILE (exit code %d, first errors above)%n",
          project.name(),
          sources.size(),
          lines,
          exit);
      return null;
    }
    List<Finding> found = new ArrayList<>();
    for (String line : Files.readAllLines(findingsFile, StandardCharsets.UTF_8)) {
      Matcher m = FINDING.matcher(line);
      if (!m.matches() || !compiles.leakProneChecks().contains(m.group(3))) {
        continue; // LeakProne's own notes (e.g. the report's), not a check's finding.
      }
      found.add(
          new Finding(
              project.name(),
              sourceRoot.relativize(Path.of(m.group(1))).toString().replace('\\', '/'),
              Integer.parseInt(m.group(2)),
              m.group(3),
              firstClause(m.group(4)),
              "TODO",
              ""));
    }
    System.out.printf(
        Locale.ROOT,
        "  %-20s %6d %8d %5d %9.1f %8d%n",
        project.name(),
        sources.size(),
        lines,
        ChildCompiles.classPath(dir.resolve("lib")).isEmpty()
            ? 0
            : ChildCompiles.classPath(dir.resolve("lib"))
                .split(java.io.File.pathSeparator, -1)
                .length,
        seconds,
        found.size());
    return found;
  }

  /**
   * Fetches the project's sources into {@code dir/src/<artifactId>} and its dependencies into
   * {@code dir/lib}, through a generated pom; skipped when that pom is unchanged since the last
   * successful run and what it fetched is still there (a run that cleans up after itself may delete
   * the sources and jars of a project it is done with).
   */
  private void resolve(Project project, Path dir) throws IOException, InterruptedException {
    String pom = pom(project);
    Path pomFile = dir.resolve("pom.xml");
    Path done = dir.resolve("resolved");
    if (Files.exists(done)
        && Files.exists(pomFile)
        && Files.isDirectory(dir.resolve("src"))
        && Files.isDirectory(dir.resolve("lib"))
        && Files.readString(pomFile, StandardCharsets.UTF_8).equals(pom)) {
      return;
    }
    ChildCompiles.deleteTree(dir);
    Files.createDirectories(dir);
    Files.writeString(pomFile, pom, StandardCharsets.UTF_8);
    List<String> command = new ArrayList<>(List.of(mvnw.toString(), "-B", "-q"));
    if (!localRepository.isBlank()) {
      command.add("-Dmaven.repo.local=" + localRepository);
    }
    command.addAll(List.of("-f", pomFile.toString(), "generate-resources"));
    int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
    if (exit != 0) {
      throw new IllegalStateException(
          "could not fetch " + project.name() + " from Maven Central (" + pomFile + ")");
    }
    Files.writeString(done, "", StandardCharsets.UTF_8);
  }

  /**
   * The project's own pom: its artifacts and extra dependencies (the optional ones its sources
   * need), the sources of its artifacts unpacked, and every jar, its artifacts' own included,
   * copied as the class path: the compiled sources take precedence over their classes in the jars,
   * and an excluded file's class, or a shaded class the sources name, still comes from the jar.
   */
  private static String pom(Project project) {
    StringBuilder dependencies = new StringBuilder();
    List<String> all = new ArrayList<>(project.artifacts());
    all.addAll(project.extras());
    for (String coordinates : all) {
      String[] parts = coordinates.split(":", -1);
      dependencies.append(
          String.format(
              Locale.ROOT,
              "    <dependency><groupId>%s</groupId><artifactId>%s</artifactId>"
                  + "<version>%s</version></dependency>%n",
              parts[0],
              parts[1],
              parts[2]));
    }
    String ids = String.join(",", project.sourceArtifactIds());
    // Filtered by groupId too: an artifactId alone picks the sources of a dependency that shares
    // it (Open Identity Platform's audit `core` beside its HTTP and i18n frameworks' `core`s).
    String groups =
        project.artifacts().stream()
            .map(coordinates -> coordinates.split(":", -1)[0])
            .distinct()
            .collect(Collectors.joining(","));
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- Generated by RealCodeEvaluation from docs/evaluation/projects.tsv; rewritten on every run. -->
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>io.github.leakprone.evaluation</groupId>
          <artifactId>%1$s</artifactId>
          <version>1</version>
          <packaging>pom</packaging>
          <dependencies>
        %2$s  </dependencies>
          <build>
            <plugins>
              <plugin>
                <groupId>org.apache.maven.plugins</groupId>
                <artifactId>maven-dependency-plugin</artifactId>
                <version>3.8.1</version>
                <executions>
                  <execution>
                    <id>sources</id>
                    <phase>generate-resources</phase>
                    <goals><goal>unpack-dependencies</goal></goals>
                    <configuration>
                      <includeGroupIds>%4$s</includeGroupIds>
                      <includeArtifactIds>%3$s</includeArtifactIds>
                      <classifier>sources</classifier>
                      <outputDirectory>${project.basedir}/src</outputDirectory>
                      <useSubDirectoryPerArtifact>true</useSubDirectoryPerArtifact>
                      <stripVersion>true</stripVersion>
                      <stripClassifier>true</stripClassifier>
                      <stripType>true</stripType>
                      <includes>**/*.java</includes>
                    </configuration>
                  </execution>
                  <execution>
                    <id>class-path</id>
                    <phase>generate-resources</phase>
                    <goals><goal>copy-dependencies</goal></goals>
                    <configuration>
                      <outputDirectory>${project.basedir}/lib</outputDirectory>
                      <prependGroupId>true</prependGroupId>
                    </configuration>
                  </execution>
                </executions>
              </plugin>
            </plugins>
          </build>
        </project>
        """
        .formatted(project.name(), dependencies, ids, groups);
  }

  /**
   * Pairs each finding with a triage line of the same key: first one at the same line with the same
   * message, then, among those left, in the order of their lines (an edit above them moved them
   * all). So a finding that goes leaves the others' verdicts where they were.
   */
  private static void match(
      List<Finding> findings,
      List<Finding> triage,
      List<Finding> judged,
      List<Finding> fresh,
      List<Finding> gone) {
    Map<String, List<Finding>> found = byKey(findings);
    Map<String, List<Finding>> triaged = byKey(triage);
    for (Map.Entry<String, List<Finding>> entry : found.entrySet()) {
      List<Finding> verdicts = new ArrayList<>(triaged.getOrDefault(entry.getKey(), List.of()));
      List<Finding> moved = new ArrayList<>();
      for (Finding f : entry.getValue()) {
        Finding same =
            verdicts.stream()
                .filter(t -> t.line() == f.line() && t.message().equals(f.message()))
                .findFirst()
                .orElse(null);
        if (same == null) {
          moved.add(f);
        } else {
          verdicts.remove(same);
          judged.add(judgedAs(f, same));
        }
      }
      for (int i = 0; i < moved.size(); i++) {
        if (i < verdicts.size()) {
          judged.add(judgedAs(moved.get(i), verdicts.get(i)));
        } else {
          fresh.add(moved.get(i));
        }
      }
      for (int i = moved.size(); i < verdicts.size(); i++) {
        gone.add(verdicts.get(i));
      }
    }
    triaged.forEach(
        (key, verdicts) -> {
          if (!found.containsKey(key)) {
            gone.addAll(verdicts);
          }
        });
  }

  /** {@code finding} with the verdict and reason of {@code triaged}. */
  private static Finding judgedAs(Finding finding, Finding triaged) {
    return new Finding(
        finding.project(),
        finding.file(),
        finding.line(),
        finding.check(),
        finding.message(),
        triaged.verdict(),
        triaged.reason());
  }

  private static Map<String, List<Finding>> byKey(List<Finding> findings) {
    Map<String, List<Finding>> byKey = new TreeMap<>();
    findings.stream()
        .sorted(Comparator.comparingInt(Finding::line))
        .forEach(f -> byKey.computeIfAbsent(f.key(), k -> new ArrayList<>()).add(f));
    return byKey;
  }

  /** A row for each of {@code names}, those with no finding included: a zero is a figure too. */
  private static void printTable(
      String by,
      List<String> names,
      List<Finding> judged,
      List<Finding> fresh,
      Function<Finding, String> group) {
    Map<String, int[]> rows = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    names.forEach(name -> rows.put(name, new int[5]));
    int[] total = new int[5];
    for (Finding f : judged) {
      int column = 1 + VERDICTS.indexOf(f.verdict());
      for (int[] row : List.of(rows.computeIfAbsent(group.apply(f), k -> new int[5]), total)) {
        row[0]++;
        row[column]++;
      }
    }
    for (Finding f : fresh) {
      for (int[] row : List.of(rows.computeIfAbsent(group.apply(f), k -> new int[5]), total)) {
        row[0]++;
        row[4]++;
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%n| %s | findings | REAL | PEDANTIC | FALSE | untriaged | %% REAL |%n"
            + "| --- | ---: | ---: | ---: | ---: | ---: | ---: |%n",
        by);
    rows.forEach((name, row) -> System.out.println(row(name, row)));
    System.out.println(row("**total**", total));
  }

  /** A table row; % REAL is of the triaged findings. */
  private static String row(String name, int[] counts) {
    int triaged = counts[0] - counts[4];
    return String.format(
        Locale.ROOT,
        "| %s | %d | %d | %d | %d | %d | %s |",
        name,
        counts[0],
        counts[1],
        counts[2],
        counts[3],
        counts[4],
        triaged == 0 ? "-" : String.format(Locale.ROOT, "%.0f%%", 100.0 * counts[1] / triaged));
  }

  private static void printList(String title, List<Finding> findings) {
    System.out.printf(Locale.ROOT, "%n%s: %d%n", title, findings.size());
    findings.forEach(f -> System.out.println("  " + f.tsv()));
  }

  /** The first clause of a check's message: up to its first "; " or ": ", the advice left out. */
  static String firstClause(String message) {
    int end = message.length();
    for (String separator : List.of("; ", ": ")) {
      int at = message.indexOf(separator);
      if (at >= 0) {
        end = Math.min(end, at);
      }
    }
    return message.substring(0, end).replace('\t', ' ');
  }

  private static List<Project> readProjects(Path file) throws IOException {
    List<Project> projects = new ArrayList<>();
    for (String[] cells : rows(file, 7)) {
      projects.add(
          new Project(cells[0], list(cells[1]), list(cells[2]), words(cells[3]), words(cells[4])));
    }
    if (projects.stream().map(Project::name).distinct().count() != projects.size()) {
      throw new IllegalStateException(file + " names a project twice");
    }
    return projects;
  }

  private static List<Finding> readTriage(Path file) throws IOException {
    List<Finding> triage = new ArrayList<>();
    if (!Files.exists(file)) {
      return triage;
    }
    for (String[] cells : rows(file, 7)) {
      if (!VERDICTS.contains(cells[5])) {
        throw new IllegalStateException(
            file + ": verdict " + cells[5] + " is none of " + VERDICTS + ": " + cells[1]);
      }
      triage.add(
          new Finding(
              cells[0],
              cells[1],
              Integer.parseInt(cells[2]),
              cells[3],
              cells[4],
              cells[5],
              cells[6]));
    }
    return triage;
  }

  /** The rows of a TSV file of {@code columns} columns, its header and # comments left out. */
  private static List<String[]> rows(Path file, int columns) throws IOException {
    List<String[]> rows = new ArrayList<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cells = line.split("\t", -1);
      if (cells.length != columns) {
        throw new IllegalStateException(
            file + ":" + (i + 1) + ": " + cells.length + " columns, not " + columns);
      }
      rows.add(Arrays.stream(cells).map(String::strip).toArray(String[]::new));
    }
    return rows;
  }

  private static String header() {
    return String.join("\t", "project", "file", "line", "check", "message", "verdict", "reason");
  }

  /** A comma-separated cell; "-" is empty. */
  private static List<String> list(String cell) {
    return cell.equals("-")
        ? List.of()
        : Arrays.stream(cell.split(",", -1)).map(String::strip).collect(Collectors.toList());
  }

  /** A space-separated cell; "-" is empty. */
  private static List<String> words(String cell) {
    return cell.equals("-") ? List.of() : Arrays.asList(cell.split(" +", -1));
  }
}
