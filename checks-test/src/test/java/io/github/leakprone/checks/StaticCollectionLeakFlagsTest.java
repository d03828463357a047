package io.github.leakprone.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.ErrorProneFlags;
import io.github.leakprone.catalog.LifecyclePair;
import io.github.leakprone.catalog.StaticCollectionLeakFlags;
import io.github.leakprone.catalog.StaticGrowthCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The user's own lifecycle pairs and bounded types, and what a malformed flag says. */
final class StaticCollectionLeakFlagsTest {

  private static final String ATTACH =
      """
      import java.util.ArrayList;
      import java.util.List;

      class Sockets {
        private static final List<Sockets> ATTACHED = new ArrayList<>();

        public void attach() {
          // BUG: Diagnostic contains: ATTACHED grows in attach but detach never removes from it
          ATTACHED.add(this);
        }

        public void detach() {}

        public void evict() {
          ATTACHED.clear();
        }
      }
      """;

  @Test
  void withoutTheFlagAnyRemovalAnswersAnOrdinaryMethod() {
    CompilationTestHelper.newInstance(StaticCollectionLeak.class, getClass())
        .addSourceLines("Sockets.java", ATTACH.replaceAll("(?m)^.*// BUG.*\\n", ""))
        .doTest();
  }

  @Test
  void userNamePairMakesTheCloseHandlerAccountable() {
    CompilationTestHelper.newInstance(StaticCollectionLeak.class, getClass())
        .setArgs("-XepOpt:StaticCollectionLeak:LifecyclePairs=attach:detach")
        .addSourceLines("Sockets.java", ATTACH)
        .doTest();
  }

  @Test
  void userWildcardAndAnnotationPairs() {
    CompilationTestHelper.newInstance(StaticCollectionLeak.class, getClass())
        .setArgs(
            "-XepOpt:StaticCollectionLeak:LifecyclePairs="
                + "watch*:unwatch*|forget*,@com.acme.OnJoin:@com.acme.OnLeave")
        .addSourceLines(
            "com/acme/OnJoin.java", "package com.acme;\n\npublic @interface OnJoin {}\n")
        .addSourceLines(
            "com/acme/OnLeave.java", "package com.acme;\n\npublic @interface OnLeave {}\n")
        .addSourceLines(
            "Watchers.java",
            """
            import com.acme.OnJoin;
            import java.util.ArrayList;
            import java.util.List;

            class Watchers {
              private static final List<Object> FILES = new ArrayList<>();
              private static final List<Object> DIRS = new ArrayList<>();
              private static final List<Object> MEMBERS = new ArrayList<>();

              public void watchFile(Object file) {
                FILES.add(file);
              }

              public void forgetFile(Object file) {
                FILES.remove(file);
              }

              public void watchDir(Object dir) {
                // BUG: Diagnostic contains: DIRS grows in watchDir but unwatchDir never removes
                DIRS.add(dir);
              }

              public void unwatchDir(Object dir) {}

              public void unwatchFile(Object file) {
                DIRS.remove(file);
              }

              @OnJoin
              public void joined(Object member) {
                // BUG: Diagnostic contains: but the class has no @OnLeave method
                MEMBERS.add(member);
              }
            }
            """)
        .doTest();
  }

  @Test
  void userBoundedType() {
    String source =
        """
        package demo;

        import java.util.LinkedHashMap;

        class Recent {
          static class RingMap<K, V> extends LinkedHashMap<K, V> {}

          private static final RingMap<String, String> RECENT = new RingMap<>();

          public void seen(String value) {
            // BUG: Diagnostic contains: RECENT grows in seen on every call
            RECENT.put(java.util.UUID.randomUUID().toString(), value);
          }
        }
        """;
    CompilationTestHelper.newInstance(StaticCollectionLeak.class, getClass())
        .addSourceLines("demo/Recent.java", source)
        .doTest();
    CompilationTestHelper.newInstance(StaticCollectionLeak.class, getClass())
        .setArgs("-XepOpt:StaticCollectionLeak:BoundedTypes=demo.Recent$RingMap,com.acme.Other")
        .addSourceLines("demo/Recent.java", source.replaceAll("(?m)^.*// BUG.*\\n", ""))
        .doTest();
  }

  @Test
  void flagsAddToTheBuiltInCatalog() {
    StaticGrowthCatalog catalog =
        StaticCollectionLeakFlags.catalog(
            ErrorProneFlags.fromMap(
                ImmutableMap.of(
                    StaticCollectionLeakFlags.LIFECYCLE_PAIRS, "attach:detach,@a.B:@a.C",
                    StaticCollectionLeakFlags.BOUNDED_TYPES, "com.acme.Ring")));
    assertEquals(StaticGrowthCatalog.BUILT_IN.pairs().size() + 2, catalog.pairs().size(), "pairs");
    LifecyclePair annotated = catalog.pairs().get(catalog.pairs().size() - 1);
    assertEquals(LifecyclePair.WhenMissing.FINDING, annotated.whenMissing());
    assertTrue(catalog.boundedTypes().contains("com.acme.Ring"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "LifecyclePairs | attach | expected open:close",
        "LifecyclePairs | attach: | expected open:close",
        "LifecyclePairs | :detach | expected open:close",
        "LifecyclePairs | a:b:c | expected open:close",
        "LifecyclePairs | at-tach:detach | 'at-tach' is not a method name",
        "LifecyclePairs | add*:remove | a * on one side needs a * on the other",
        "LifecyclePairs | a**b:c**d | has more than one *",
        "LifecyclePairs | @OnJoin:@com.acme.OnLeave | 'OnJoin' is not a fully qualified annotation",
        "LifecyclePairs | @com.acme.OnJoin:leave | both sides must be annotations",
        "BoundedTypes | RingMap | 'RingMap' is not a fully qualified class name",
      })
  void malformedFlagsNameTheFlag(String flag, String value, String problem) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                StaticCollectionLeakFlags.catalog(
                    ErrorProneFlags.fromMap(
                        ImmutableMap.of("StaticCollectionLeak:" + flag, value))));
    assertTrue(
        e.getMessage().startsWith("-XepOpt:StaticCollectionLeak:" + flag + ": bad entry '"),
        e.getMessage());
    assertTrue(e.getMessage().contains(problem), e.getMessage());
  }

  @Test
  void malformedFlagFailsTheCompilationWithOneErrorAndNoPosition() {
    // One clean javac error naming the check, the flag and the entry, not a compiler crash, and not
    // pinned on the first class compiled.
    ImmutableList<String> errors =
        FlagErrors.of(
            StaticCollectionLeak.class, "-XepOpt:StaticCollectionLeak:LifecyclePairs=attach");
    assertEquals(1, errors.size(), errors.toString());
    assertTrue(
        errors
            .get(0)
            .startsWith(
                "-:-1: [StaticCollectionLeak] -XepOpt:StaticCollectionLeak:LifecyclePairs: bad"
                    + " entry 'attach'"),
        errors.toString());
  }
}
