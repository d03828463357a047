package io.github.leakprone.report;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.errorprone.BugCheckerInfo;
import com.google.errorprone.VisitorState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.tools.JavaFileObject;

/**
 * The books of one compilation: which checks looked at which files, each finding's baseline entry,
 * which baseline entries a finding matched, and the findings for the SARIF report. Kept while the
 * checks run; read when the compilation ends.
 */
final class CompilationBooks {

  private final Path baseDir;
  private final Map<JavaFileObject, SourceFile> files = new HashMap<>();

  /** The checks that ran, in the order they first did: the SARIF report's rules. */
  private final Set<String> checksRun = new LinkedHashSet<>();

  /** For each file (as the baseline names it), the checks that looked at it. */
  private final Map<String, Set<String>> checksByFile = new HashMap<>();

  /** How many findings so far had each key, so that identical ones get distinct entries. */
  private final Map<String, Integer> occurrences = new HashMap<>();

  private final List<BaselineEntry> entries = new ArrayList<>();
  private final Set<BaselineEntry> matched = new HashSet<>();
  private final List<Finding> findings = new ArrayList<>();

  CompilationBooks(Path baseDir) {
    this.baseDir = baseDir;
  }

  /** The current file, as the report and the baseline name it. */
  SourceFile sourceFile(VisitorState state) {
    JavaFileObject file = state.getPath().getCompilationUnit().getSourceFile();
    return files.computeIfAbsent(file, f -> SourceFile.of(f, baseDir));
  }

  void ranOn(String check, SourceFile file) {
    checksRun.add(check);
    checksByFile.computeIfAbsent(file.path(), f -> new HashSet<>()).add(check);
  }

  /** Books a finding's baseline entry, numbered after the identical findings before it. */
  BaselineEntry newEntry(String check, SourceFile file, FindingSite site) {
    String code = NormalisedCode.of(site.snippet());
    String key = String.join("\n", check, file.path(), site.className(), site.member(), code);
    int occurrence = occurrences.merge(key, 1, Integer::sum);
    BaselineEntry entry =
        new BaselineEntry(check, file.path(), site.className(), site.member(), occurrence, code);
    entries.add(entry);
    return entry;
  }

  /** Notes that a finding matched {@code entry} of the baseline: the entry is not stale. */
  void matched(BaselineEntry entry) {
    matched.add(entry);
  }

  void add(Finding finding) {
    findings.add(finding);
  }

  boolean wasMatched(BaselineEntry entry) {
    return matched.contains(entry);
  }

  /**
   * Whether this compilation looked for {@code entry}'s finding: its check ran on its file, or its
   * check is not one this jar has (renamed or removed) and some check ran on its file.
   */
  boolean lookedAt(BaselineEntry entry, ImmutableMap<String, BugCheckerInfo> known) {
    Set<String> checks = checksByFile.get(entry.file());
    if (checks == null) {
      return false;
    }
    return checks.contains(entry.check())
        || (!known.containsKey(entry.check()) && !checksRun.contains(entry.check()));
  }

  ImmutableList<String> checksRun() {
    return ImmutableList.copyOf(checksRun);
  }

  /** This compilation's baseline entries, one per finding, in the order they were found. */
  List<BaselineEntry> entries() {
    return Collections.unmodifiableList(entries);
  }

  List<Finding> findings() {
    return Collections.unmodifiableList(findings);
  }
}
