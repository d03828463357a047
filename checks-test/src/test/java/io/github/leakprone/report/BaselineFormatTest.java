package io.github.leakprone.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import io.github.leakprone.sarif.SarifSchema;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The pieces a baseline entry and a report are made of: normalised code, entry lines, JSON text.
 */
final class BaselineFormatTest {

  @Test
  void layoutAndCommentsDoNotCount() {
    assertEquals("conn.prepareStatement(sql)", NormalisedCode.of("conn.prepareStatement(sql)"));
    assertEquals(
        "conn.prepareStatement(sql)",
        NormalisedCode.of("conn\n    .prepareStatement( /* per row */ sql ) // hot path\n"));
    assertEquals(
        "new OkHttpClient.Builder().build()",
        NormalisedCode.of("new   OkHttpClient.Builder()\n\t.build()"));
    assertEquals("a+b", NormalisedCode.of("a + b"));
  }

  @Test
  void literalsAreKeptAsWrittenOnOneLine() {
    assertEquals("call(\"a  b // c\")", NormalisedCode.of("call( \"a  b // c\" )"));
    assertEquals("call('\"',\"\\\"x\")", NormalisedCode.of("call('\"', \"\\\"x\")"));
    assertEquals(
        "run(\"\"\"\\n  select 1\\n  \"\"\")",
        NormalisedCode.of("run(\"\"\"\n  select 1\n  \"\"\")"));
  }

  @Test
  void longCodeIsCutWithAHashOfTheWhole() {
    String chain = "builder()" + ".with(1)".repeat(40) + ".build()";
    String other = "builder()" + ".with(1)".repeat(41) + ".build()";

    String cut = NormalisedCode.of(chain);

    assertEquals(NormalisedCode.MAX_LENGTH, cut.length(), cut);
    assertTrue(cut.startsWith("builder().with(1)"), cut);
    assertTrue(cut.matches(".*\\.\\.\\.#[0-9a-f]{12}"), cut);
    assertTrue(!cut.equals(NormalisedCode.of(other)));
  }

  @Test
  void entryLineRoundTrips() {
    BaselineEntry entry =
        new BaselineEntry(
            "JdbcResourceLeak",
            "src/main/java/A.java",
            "A.Inner",
            "run(String[],int...)",
            2,
            "x(\"a | b\")");

    assertEquals(
        "JdbcResourceLeak | src/main/java/A.java | A.Inner | run(String[],int...) | 2 | x(\"a |"
            + " b\")",
        entry.toLine());
    assertEquals(entry, BaselineEntry.parse(entry.toLine()));
  }

  @Test
  void entryLinesAreCheckedFieldByField() {
    List<String> bad =
        ImmutableList.of(
            "JdbcResourceLeak | A.java | A | run() | 1",
            "JdbcResourceLeak | A.java |  | run() | 1 | x()",
            "Jdbc-Resource | A.java | A | run() | 1 | x()",
            "JdbcResourceLeak | A.java | A | run() | 0 | x()");
    List<String> messages =
        bad.stream()
            .map(
                line ->
                    assertThrows(IllegalArgumentException.class, () -> BaselineEntry.parse(line)))
            .map(Throwable::getMessage)
            .toList();

    assertEquals(
        ImmutableList.of(
            "expected 'check | file | class | member | occurrence | code', found 5 field(s)",
            "expected 'check | file | class | member | occurrence | code', field 3 is empty",
            "'Jdbc-Resource' is not a check name",
            "occurrence '0' is not a whole number of 1 or more"),
        messages);
  }

  @Test
  void baselineFileIsSortedByFileThenClassThenMember() {
    BaselineEntry b = new BaselineEntry("C", "b/B.java", "B", "m()", 1, "x()");
    BaselineEntry a2 = new BaselineEntry("C", "a/A.java", "A", "z()", 1, "x()");
    BaselineEntry a1 = new BaselineEntry("C", "a/A.java", "A", "m()", 1, "x()");

    List<String> lines = Baseline.render(List.of(b, a2, a1)).lines().toList();

    assertEquals(Baseline.HEADER, lines.subList(0, Baseline.HEADER.size()));
    assertEquals(
        ImmutableList.of(a1.toLine(), a2.toLine(), b.toLine()),
        lines.subList(Baseline.HEADER.size(), lines.size()));
  }

  @Test
  void jsonStringsEscapeWhatJsonRequires() {
    String text = "quote \" backslash \\ newline \n tab \t bell \u0007 separator \u2028 é";
    StringBuilder quoted = new StringBuilder();

    Json.quote(text, quoted);

    assertEquals(
        "\"quote \\\" backslash \\\\ newline \\n tab \\t bell \\u0007 separator \\u2028 é\"",
        quoted.toString());
    String minimalLog =
        Json.render(
            Json.obj()
                .put("version", "2.1.0")
                .put(
                    "runs",
                    List.of(
                        Json.obj()
                            .put("tool", Json.obj().put("driver", Json.obj().put("name", text)))
                            .put("results", Json.array()))));
    assertEquals(ImmutableList.of(), ImmutableList.copyOf(SarifSchema.violations(minimalLog)));
  }
}
