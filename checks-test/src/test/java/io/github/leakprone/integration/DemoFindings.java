package io.github.leakprone.integration;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.BugCheckerInfo;
import com.google.errorprone.bugpatterns.BugChecker;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads LeakProne's findings out of a Maven build log, as a user would see them: javac's warning
 * line ({@code [WARNING] /abs/Foo.java:[12,5] [CheckName] message}) followed by Error Prone's
 * {@code (see link)} line. Each finding becomes one line, {@code path:line:column: [CheckName]
 * message (see link)}, with the path relative to the project, so that it can be compared with a
 * golden file.
 */
final class DemoFindings {

  private static final Pattern FINDING =
      Pattern.compile(
          "^\\[(?:WARNING|ERROR)\\] (.+\\.java):\\[(\\d+),(\\d+)\\] \\[(\\w+)\\] (.*)$");
  private static final Pattern LINK = Pattern.compile("^\\s+\\(see (\\S+)\\)$");

  /** The names of the checks the plugin jar registers, which is what a user's build loads. */
  static ImmutableSet<String> leakProneCheckNames() {
    ImmutableSet.Builder<String> names = ImmutableSet.builder();
    for (BugChecker checker : ServiceLoader.load(BugChecker.class)) {
      if (checker.getClass().getName().startsWith("io.github.leakprone.")) {
        names.add(BugCheckerInfo.create(checker.getClass()).canonicalName());
      }
    }
    return names.build();
  }

  /**
   * The findings of {@code checkNames} in {@code log}, in log order, with paths made relative to
   * the folder named {@code projectFolder}.
   */
  static ImmutableList<String> parse(
      List<String> log, ImmutableSet<String> checkNames, String projectFolder) {
    List<String> findings = new ArrayList<>();
    for (int i = 0; i < log.size(); i++) {
      Matcher finding = FINDING.matcher(log.get(i));
      if (!finding.matches() || !checkNames.contains(finding.group(4))) {
        continue;
      }
      Matcher link = i + 1 < log.size() ? LINK.matcher(log.get(i + 1)) : null;
      String see = link != null && link.matches() ? " (see " + link.group(1) + ")" : " (no link)";
      findings.add(
          String.format(
              "%s:%s:%s: [%s] %s%s",
              relative(finding.group(1), projectFolder),
              finding.group(2),
              finding.group(3),
              finding.group(4),
              finding.group(5),
              see));
    }
    return ImmutableList.copyOf(findings);
  }

  private static String relative(String path, String projectFolder) {
    String unixPath = path.replace('\\', '/');
    String marker = "/" + projectFolder + "/";
    int at = unixPath.lastIndexOf(marker);
    return at < 0 ? unixPath : unixPath.substring(at + marker.length());
  }

  private DemoFindings() {}
}
