package io.github.leakprone.report;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.common.collect.ImmutableMap;
import com.google.errorprone.BugCheckerInfo;
import com.google.errorprone.bugpatterns.BugChecker;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The LeakProne checks this jar registers, read from its ServiceLoader file without instantiating
 * any checker (the processor path also registers every other plugin's checks): their names,
 * summaries, links and default severities become the SARIF report's rules.
 */
final class Rules {

  private static final String SERVICES =
      "META-INF/services/com.google.errorprone.bugpatterns.BugChecker";
  private static final String OUR_PACKAGE = "io.github.leakprone.";

  /** The registered LeakProne checks by canonical name; empty when the file cannot be read. */
  static ImmutableMap<String, BugCheckerInfo> leakProneChecks() {
    ClassLoader loader = Rules.class.getClassLoader();
    Map<String, BugCheckerInfo> checks = new LinkedHashMap<>();
    try {
      Enumeration<URL> files = loader.getResources(SERVICES);
      while (files.hasMoreElements()) {
        readServiceFile(files.nextElement(), loader, checks);
      }
    } catch (IOException e) {
      // No rule metadata: the report then describes each check by its findings alone.
    }
    return ImmutableMap.copyOf(checks);
  }

  private static void readServiceFile(
      URL file, ClassLoader loader, Map<String, BugCheckerInfo> checks) throws IOException {
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(file.openStream(), UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String className = line.replaceAll("#.*", "").strip();
        if (!className.startsWith(OUR_PACKAGE)) {
          continue;
        }
        try {
          Class<? extends BugChecker> checker =
              Class.forName(className, false, loader).asSubclass(BugChecker.class);
          BugCheckerInfo info = BugCheckerInfo.create(checker);
          checks.putIfAbsent(info.canonicalName(), info);
        } catch (ClassNotFoundException | ClassCastException | LinkageError e) {
          // A stale service entry: skip it, as ServiceLoader would fail on it.
        }
      }
    }
  }

  private Rules() {}
}
