package io.github.leakprone.checks;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The analysis covers a whole compilation unit and is started by the first class that declares a
 * field it judges: every class of a unit must still be covered, local ones too, and each finding
 * reported once however many classes of the unit declare such fields (counted: see {@link
 * CountedWarnings}).
 */
final class StaticCollectionLeakWholeUnitTest {

  @Test
  void everyClassOfTheUnitIsCoveredAndEachFindingReportedOnce() {
    List<String> findings =
        grownOnEveryCall(
            CountedWarnings.of(
                StaticCollectionLeak.class,
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

    assertThat(findings)
        .containsExactly(
            "8: NAMES grows in register on every call",
            "15: INNER grows in seen on every call",
            "24: IDS grows in open on every call");
  }

  @Test
  void aFieldOfALocalClassIsJudgedWhenNoOtherClassHasOne() {
    List<String> findings =
        grownOnEveryCall(
            CountedWarnings.of(
                StaticCollectionLeak.class,
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

    assertThat(findings).containsExactly("9: REQUESTS grows in handle on every call");
  }

  @Test
  void aUnitWithoutAJudgedFieldIsNotAnalysed() {
    // The public field could grow anywhere else: it is never judged, so it starts no analysis.
    List<String> findings =
        grownOnEveryCall(
            CountedWarnings.of(
                StaticCollectionLeak.class,
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

    assertThat(findings).isEmpty();
  }

  /** Each finding cut after "on every call": the rest of the message is tested elsewhere. */
  private static List<String> grownOnEveryCall(List<String> warnings) {
    return warnings.stream()
        .map(
            w ->
                w.contains(" on every call") ? w.substring(0, w.indexOf(" on every call") + 14) : w)
        .toList();
  }
}
