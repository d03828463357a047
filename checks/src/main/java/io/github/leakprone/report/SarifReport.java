package io.github.leakprone.report;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.hash.Hashing;
import com.google.errorprone.BugCheckerInfo;
import com.google.errorprone.BugPattern.SeverityLevel;
import io.github.leakprone.report.FixEdits.Edit;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * One compilation's findings as a SARIF 2.1.0 log with one run: a rule per LeakProne check that
 * ran, a result per finding (located relative to the base folder, with its snippet and its fixes),
 * and the baseline's stale entries as notifications.
 */
final class SarifReport {

  static final String SCHEMA =
      "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
  static final String TOOL = "LeakProne";
  static final String INFORMATION_URI = "https://github.com/leakprone/leakprone";
  static final String FINGERPRINT = "leakproneBaselineEntry/v1";

  private static final Pattern AUTOMATION_ID =
      Pattern.compile(
          "\"automationDetails\"\\s*:\\s*\\{\\s*\"id\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

  /** A message about the run rather than the code, such as a stale baseline entry. */
  record Notification(String level, String text, @Nullable SourceFile file, int line) {}

  /**
   * @param checks the checks that ran, in the order they first did
   * @param known the registered LeakProne checks' metadata
   * @param automationId this compilation's stable identity, {@code leakprone/<class folder>/}
   * @param baselineUri the baseline file as results name it, or null without a baseline
   */
  static String render(
      List<String> checks,
      ImmutableMap<String, BugCheckerInfo> known,
      List<Finding> findings,
      List<Notification> notifications,
      Path baseDir,
      String automationId,
      @Nullable String baselineUri) {
    Map<String, Integer> ruleIndex = new LinkedHashMap<>();
    List<Object> rules = Json.array();
    for (String check : checks) {
      ruleIndex.put(check, rules.size());
      rules.add(rule(check, known.get(check), findings));
    }
    List<Object> results = Json.array();
    for (Finding finding : findings) {
      if (!ruleIndex.containsKey(finding.check())) {
        ruleIndex.put(finding.check(), rules.size());
        rules.add(rule(finding.check(), known.get(finding.check()), findings));
      }
      results.add(result(finding, ruleIndex.get(finding.check()), baselineUri));
    }
    Json.Obj driver =
        Json.obj()
            .put("name", TOOL)
            .put("informationUri", INFORMATION_URI)
            .put("version", SarifReport.class.getPackage().getImplementationVersion())
            .put("rules", rules);
    List<Object> toolNotifications = Json.array();
    notifications.forEach(n -> toolNotifications.add(notification(n)));
    Json.Obj invocation =
        Json.obj()
            .put("executionSuccessful", true)
            .put(
                "toolExecutionNotifications",
                toolNotifications.isEmpty() ? null : toolNotifications);
    String base = baseDir.toUri().toString();
    Json.Obj run =
        Json.obj()
            .put("tool", Json.obj().put("driver", driver))
            .put("automationDetails", Json.obj().put("id", automationId))
            .put(
                "originalUriBaseIds",
                Json.obj()
                    .put(
                        SourceFile.BASE_ID,
                        Json.obj()
                            .put("uri", base.endsWith("/") ? base : base + "/")
                            .put(
                                "description",
                                text(
                                    "The base folder (-XepOpt:LeakProne:BaseDir) of relative"
                                        + " URIs"))))
            .put("invocations", list(invocation))
            .put("columnKind", "utf16CodeUnits")
            .put("results", results);
    return Json.render(
        Json.obj().put("$schema", SCHEMA).put("version", "2.1.0").put("runs", list(run)));
  }

  /**
   * The automation id of an existing report's run, or null; to say when one run replaces another.
   */
  @Nullable
  static String automationIdOf(String report) {
    Matcher matcher = AUTOMATION_ID.matcher(report);
    return matcher.find() ? matcher.group(1) : null;
  }

  private static Json.Obj rule(
      String check, @Nullable BugCheckerInfo info, List<Finding> findings) {
    if (info == null) {
      // A check outside this jar's registry (a test's own): what its findings say is all we have.
      String link =
          findings.stream()
              .filter(f -> f.check().equals(check))
              .map(Finding::link)
              .findFirst()
              .orElse(null);
      return Json.obj()
          .put("id", check)
          .put("name", check)
          .put("shortDescription", text(check))
          .put("helpUri", link);
    }
    String link = info.linkUrl();
    List<Object> tags = Json.array();
    tags.addAll(info.getTags());
    return Json.obj()
        .put("id", check)
        .put("name", check)
        .put("shortDescription", text(info.message()))
        .put("fullDescription", text(info.message()))
        .put("help", link == null ? null : text(info.message() + ". See " + link))
        .put("helpUri", link)
        .put("defaultConfiguration", Json.obj().put("level", level(info.defaultSeverity())))
        .put("properties", tags.isEmpty() ? null : Json.obj().put("tags", tags));
  }

  private static Json.Obj result(Finding finding, int ruleIndex, @Nullable String baselineUri) {
    FindingSite site = finding.site();
    Json.Obj region =
        Json.obj()
            .put("startLine", site.startLine())
            .put("startColumn", site.startColumn())
            .put("endLine", site.endLine())
            .put("endColumn", site.endColumn())
            .put("snippet", text(site.snippet()));
    Json.Obj physical =
        Json.obj().put("artifactLocation", artifact(site.file())).put("region", region);
    String member = site.member();
    String qualified =
        (finding.packageName().isEmpty() ? "" : finding.packageName() + ".")
            + site.className()
            + (member.equals("-") ? "" : "." + member);
    Json.Obj logical =
        Json.obj()
            .put("fullyQualifiedName", qualified)
            .put("kind", member.endsWith(")") ? "function" : "member");
    List<Object> fixes = Json.array();
    for (FixEdits fix : finding.fixes()) {
      if (!fix.edits().isEmpty()) {
        fixes.add(fix(fix, site.file()));
      }
    }
    List<Object> suppressions = null;
    if ("unchanged".equals(finding.state())) {
      suppressions =
          list(
              Json.obj()
                  .put("kind", "external")
                  .put("justification", "Listed in the LeakProne baseline " + baselineUri));
    }
    return Json.obj()
        .put("ruleId", finding.check())
        .put("ruleIndex", ruleIndex)
        .put("level", level(finding.level()))
        .put("message", text(finding.message()))
        .put(
            "locations",
            list(
                Json.obj()
                    .put("physicalLocation", physical)
                    .put("logicalLocations", list(logical))))
        .put("partialFingerprints", Json.obj().put(FINGERPRINT, fingerprint(finding.entry())))
        .put("baselineState", finding.state())
        .put("suppressions", suppressions)
        .put("fixes", fixes.isEmpty() ? null : fixes);
  }

  private static Json.Obj fix(FixEdits fix, SourceFile file) {
    List<Object> replacements = Json.array();
    for (Edit edit : fix.edits()) {
      replacements.add(
          Json.obj()
              .put(
                  "deletedRegion",
                  Json.obj().put("charOffset", edit.offset()).put("charLength", edit.length()))
              .put(
                  "insertedContent",
                  edit.text().isEmpty() ? null : Json.obj().put("text", edit.text())));
    }
    return Json.obj()
        .put(
            "description",
            text(fix.description().isEmpty() ? "LeakProne's suggested fix" : fix.description()))
        .put(
            "artifactChanges",
            list(
                Json.obj()
                    .put("artifactLocation", artifact(file))
                    .put("replacements", replacements)));
  }

  private static Json.Obj notification(Notification notification) {
    Json.Obj result =
        Json.obj().put("level", notification.level()).put("message", text(notification.text()));
    if (notification.file() != null) {
      Json.Obj location =
          Json.obj()
              .put(
                  "physicalLocation",
                  Json.obj()
                      .put("artifactLocation", artifact(notification.file()))
                      .put(
                          "region",
                          notification.line() > 0
                              ? Json.obj().put("startLine", notification.line())
                              : null));
      result.put("locations", list(location));
    }
    return result;
  }

  private static Json.Obj artifact(SourceFile file) {
    return Json.obj()
        .put("uri", file.uri())
        .put("uriBaseId", file.relative() ? SourceFile.BASE_ID : null);
  }

  static String fingerprint(BaselineEntry entry) {
    return Hashing.sha256()
        .hashString(entry.toLine(), StandardCharsets.UTF_8)
        .toString()
        .substring(0, 32);
  }

  static String level(SeverityLevel severity) {
    return switch (severity) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case SUGGESTION -> "note";
    };
  }

  private static Json.Obj text(String text) {
    return Json.obj().put("text", text);
  }

  private static List<Object> list(Object... elements) {
    return new ArrayList<>(ImmutableList.copyOf(elements));
  }

  private SarifReport() {}
}
