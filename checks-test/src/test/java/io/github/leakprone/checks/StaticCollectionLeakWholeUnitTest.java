package io.github.leakprone.checks;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.errorprone.BaseErrorProneJavaCompiler;
import com.google.errorprone.scanner.ScannerSupplier;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The analysis covers a whole compilation unit and is started by the first class that declares a
 * field it judges: every class of a unit must still be covered, local ones too, and each finding
 * reported once however many classes of the unit declare such fields. Error Prone's test helper
 * accepts a finding reported twice on one line, so these tests count javac's warnings.
 */
final class StaticCollectionLeakWholeUnitTest {

  private static final Compiler JAVAC =
      Compiler.compiler(
          new BaseErrorProneJavaCompiler(
              ScannerSupplier.fromBugCheckerClasses(StaticCollectionLeak.class)));

  @Test
  void everyClassOfTheUnitIsCoveredAndEachFindingReportedOnce() {
    Compilation compilation =
        JAVAC.compile(
            JavaFileObjects.forSourceString(
                "Registry",
                """
                import java.util.ArrayList;
                import java.util.List;

                class Registry {
                  private static final List<String> NAMES = new ArrayList<>();

                  static void register(String name) {
                    NAMES.add(name);
                  }

                  static class Inner {
                    private static final List<String> INNER = new ArrayList<>();

                    void seen(String name) {
                      INNER.add(name);
                    }
                  }
                }

                class Second {
                  private static final List<Integer> IDS = new ArrayList<>();

                  void open(int id) {
                    IDS.add(id);
                  }
                }
                """));

    assertThat(compilation).succeeded();
    assertThat(findings(compilation))
        .containsExactly(
            "8: NAMES grows in register on every call",
            "15: INNER grows in seen on every call",
            "24: IDS grows in open on every call");
  }

  @Test
  void aFieldOfALocalClassIsJudgedWhenNoOtherClassHasOne() {
    Compilation compilation =
        JAVAC.compile(
            JavaFileObjects.forSourceString(
                "Handler",
                """
                import java.util.ArrayList;
                import java.util.List;

                class Handler {
                  void handle(String request) {
                    class Seen {
                      private static final List<String> REQUESTS = new ArrayList<>();
                    }
                    Seen.REQUESTS.add(request);
                  }
                }
                """));

    assertThat(compilation).succeeded();
    assertThat(findings(compilation))
        .containsExactly("9: REQUESTS grows in handle on every call");
  }

  @Test
  void aUnitWithoutAJudgedFieldIsNotAnalysed() {
    // The public field could grow anywhere else: it is never judged, so it starts no analysis.
    Compilation compilation =
        JAVAC.compile(
            JavaFileObjects.forSourceString(
                "Open",
                """
                import java.util.ArrayList;
                import java.util.List;

                public class Open {
                  public static final List<String> NAMES = new ArrayList<>();

                  static void register(String name) {
                    NAMES.add(name);
                  }
                }
                """));

    assertThat(compilation).succeeded();
    assertThat(findings(compilation)).isEmpty();
  }

  /** Each warning as "line: start of its message", the check's name and the rest cut off. */
  private static List<String> findings(Compilation compilation) {
    return compilation.warnings().stream()
        .map(StaticCollectionLeakWholeUnitTest::describe)
        .toList();
  }

  private static String describe(Diagnostic<? extends JavaFileObject> warning) {
    String message = warning.getMessage(Locale.ROOT);
    String prefix = "[StaticCollectionLeak] ";
    assertThat(message).startsWith(prefix);
    String text = message.substring(prefix.length());
    int cut = text.indexOf(" on every call");
    return warning.getLineNumber()
        + ": "
        + (cut < 0 ? text : text.substring(0, cut + " on every call".length()));
  }
}
