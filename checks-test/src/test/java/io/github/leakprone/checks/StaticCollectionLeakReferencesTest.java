package io.github.leakprone.checks;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * A unit is analysed only if some reference to its watched fields may grow one where growth is
 * judged (docs/performance.md): every kind of reference that can is followed, however the rest of
 * the unit uses the field, and a unit that only fills its fields in static initialisation and reads
 * or removes elsewhere has nothing to find.
 */
final class StaticCollectionLeakReferencesTest {

  private final CompilationTestHelper helper =
      LeakStubs.addTo(CompilationTestHelper.newInstance(StaticCollectionLeak.class, getClass()));

  @Test
  void growthOfAPartTheFieldHandsOut() {
    helper
        .addSourceLines(
            "Parts.java",
            """
            import java.util.*;
            public class Parts {
              private static final Map<String, List<String>> BY_KEY = new HashMap<>();
              static { BY_KEY.put("a", new ArrayList<>()); }
              public static void note(String key, String value) {
                // BUG: Diagnostic contains: grows in
                BY_KEY.get(key).add(value);
              }
            }
            """)
        .doTest();
  }

  @Test
  void growthThroughAView() {
    helper
        .addSourceLines(
            "Views.java",
            """
            import java.util.*;
            public class Views {
              private static final Map<String, List<String>> BY_KEY = new HashMap<>();
              static { BY_KEY.put("a", new ArrayList<>()); }
              public static void note(String value) {
                for (List<String> values : BY_KEY.values()) {
                  // BUG: Diagnostic contains: grows in
                  values.add(value);
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void growthOfAnElementGivenToALambda() {
    helper
        .addSourceLines(
            "Callback.java",
            """
            import java.util.*;
            public class Callback {
              private static final Map<String, List<String>> BY_KEY = new HashMap<>();
              static { BY_KEY.put("a", new ArrayList<>()); }
              public static void note(String value) {
                // BUG: Diagnostic contains: grows in
                BY_KEY.forEach((k, values) -> values.add(value));
              }
            }
            """)
        .doTest();
  }

  @Test
  void growthThroughALocalThatHoldsTheField() {
    helper
        .addSourceLines(
            "Alias.java",
            """
            import java.util.*;
            public class Alias {
              private static final List<String> NAMES = new ArrayList<>();
              static { NAMES.add("a"); }
              public static void note(String value) {
                List<String> names = NAMES;
                // BUG: Diagnostic contains: grows in
                names.add(value);
              }
            }
            """)
        .doTest();
  }

  @Test
  void growthInALambdaHeldByAStaticField() {
    helper
        .addSourceLines(
            "FieldLambda.java",
            """
            import java.util.*;
            import java.util.function.Consumer;
            public class FieldLambda {
              private static final List<String> NAMES = new ArrayList<>();
              // BUG: Diagnostic contains: grows in
              private static final Consumer<String> REMEMBER = name -> NAMES.add(name);
              public static void note(String value) {
                REMEMBER.accept(value);
              }
            }
            """)
        .doTest();
  }

  @Test
  void growthInAClassBodyMadeInStaticInitialisation() {
    helper
        .addSourceLines(
            "StaticAnon.java",
            """
            import java.util.*;
            public class StaticAnon {
              private static final List<String> NAMES = new ArrayList<>();
              static final Runnable R;
              static {
                List<String> names = NAMES;
                // BUG: Diagnostic contains: grows in
                R = new Runnable() { public void run() { names.add("x"); } };
              }
              public static void note(String value) { R.run(); }
            }
            """)
        .doTest();
  }

  @Test
  void growthInAnInstanceInitializer() {
    helper
        .addSourceLines(
            "InstanceInit.java",
            """
            import java.util.*;
            public class InstanceInit {
              private static final List<Object> ALL = new ArrayList<>();
              // BUG: Diagnostic contains: grows in
              { ALL.add(this); }
              public InstanceInit() {}
            }
            """)
        .doTest();
  }

  @Test
  void growthByAStaticMutatorOrThroughALiveWrapper() {
    helper
        .addSourceLines(
            "Mutator.java",
            """
            import java.util.*;
            public class Mutator {
              private static final List<String> NAMES = new ArrayList<>();
              private static final List<String> SEEN = new ArrayList<>();
              static { NAMES.add("a"); SEEN.add("b"); }
              public static void note(String... names) {
                // BUG: Diagnostic contains: NAMES grows in
                Collections.addAll(NAMES, names);
              }
              public static void seen(String name) {
                // BUG: Diagnostic contains: SEEN grows in
                Collections.synchronizedList(SEEN).add(name);
              }
              public static boolean known(String name) {
                return NAMES.contains(name) && !SEEN.isEmpty();
              }
            }
            """)
        .doTest();
  }

  @Test
  void aTableFilledAtStartAndOnlyReadOrRemovedFromHasNothingToFind() {
    helper
        .addSourceLines(
            "Table.java",
            """
            import java.util.*;
            public class Table {
              private static final Map<String, Integer> CODES = new HashMap<>();
              static {
                CODES.put("a", 1);
                for (String s : new String[] {"b", "c"}) { CODES.put(s, 2); }
              }
              public static int code(String s) {
                if (!CODES.containsKey(s) || CODES.isEmpty()) { return CODES.size(); }
                return CODES.get(s);
              }
              public static void forget(String s) { CODES.remove(s); }
            }
            """)
        .doTest();
  }
}
