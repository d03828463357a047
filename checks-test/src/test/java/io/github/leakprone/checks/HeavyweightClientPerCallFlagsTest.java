package io.github.leakprone.checks;

import static com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode.TEXT_MATCH;
import static io.github.leakprone.checks.ClientStubs.exactly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.ErrorProneFlags;
import io.github.leakprone.catalog.HeavyweightClientPerCallFlags;
import org.junit.jupiter.api.Test;

/**
 * The users' own client types, named by {@code -XepOpt:HeavyweightClientPerCall:SharedTypes} and
 * {@code ...:ReleasedTypes}, and what a user sees when a value is malformed.
 */
// TEXT_MATCH is deprecated from Error Prone 2.43 on, where it is doTest()'s default; 2.42.0, which
// JDK 17 runs, still defaults to AST_MATCH, so the tests name the mode.
@SuppressWarnings("deprecation")
final class HeavyweightClientPerCallFlagsTest {

  private static final String SHARED = "-XepOpt:HeavyweightClientPerCall:SharedTypes=";
  private static final String RELEASED = "-XepOpt:HeavyweightClientPerCall:ReleasedTypes=";

  private static final String USER_CLIENTS =
      """
      import com.acme.Client;

      class Test {
        private static final Client SHARED = new Client("https://shared");

        String shared(String path) {
          return SHARED.get(path) + Client.of("https://e").get(path);
        }

        String derived(Client.Builder builder, String path) {
          return builder.build().get(path);
        }

        String constructor(String path) {
          // BUG: Diagnostic matches: CONSTRUCTOR
          return new Client("https://e").get(path);
        }

        String createFactory(String path) {
          // BUG: Diagnostic contains: Client built on every call of createFactory()
          return Client.create("https://e").get(path);
        }

        String newFactory(String path) {
          // BUG: Diagnostic contains: Client built on every call of newFactory()
          return Client.newClient().get(path);
        }

        String staticBuilder(String path) {
          // BUG: Diagnostic contains: Client built on every call of staticBuilder()
          return Client.builder().endpoint("https://e").build().get(path);
        }

        String builderConstructor(String path) {
          // BUG: Diagnostic contains: Client built on every call of builderConstructor()
          return new Client.Builder().endpoint("https://e").build().get(path);
        }
      }
      """;

  @Test
  void sharedTypesAreRecognisedByConstructorFactoriesAndBuilders() {
    ClientStubs.compilation(getClass())
        .setArgs(SHARED + "com.acme.Client")
        .addSourceLines("Test.java", USER_CLIENTS)
        .expectErrorMessage(
            "CONSTRUCTOR",
            exactly(
                "Client built on every call of constructor(): it is listed in"
                    + " -XepOpt:HeavyweightClientPerCall:SharedTypes as a client to share; build"
                    + " one and share it"))
        .doTest();
  }

  @Test
  void withoutTheFlagAUserTypeIsNoClient() {
    ClientStubs.compilation(getClass())
        .addSourceLines("Test.java", USER_CLIENTS.replaceAll("// BUG: .*", ""))
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void aSharedTypeIsAFindingEvenWhenReleased() {
    ClientStubs.compilation(getClass())
        .setArgs(SHARED + "com.acme.Client,com.acme.Conn")
        .addSourceLines(
            "Test.java",
            """
            import com.acme.Conn;

            class Test {
              private static final Conn SHARED = new Conn("db://shared");

              void sendShared(String message) {
                SHARED.send(message);
              }

              void send(String message) {
                // BUG: Diagnostic contains: Conn built on every call of send(): it is listed in
                try (Conn conn = new Conn("db://e")) {
                  conn.send(message);
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void releasedTypesWithAndWithoutAReleaseMethod() {
    ClientStubs.compilation(getClass())
        .setArgs(RELEASED + "com.acme.Pool#shutdown,com.acme.Conn")
        .addSourceLines(
            "Test.java",
            """
            import com.acme.Conn;
            import com.acme.Pool;

            class Test {
              void runReleased(Runnable task) {
                Pool pool = new Pool(2);
                try {
                  pool.submit(task);
                } finally {
                  pool.shutdown();
                }
              }

              void run(Runnable task) {
                // BUG: Diagnostic matches: POOL
                Pool pool = new Pool(2);
                pool.submit(task);
              }

              void closedIsNotShutDown(Runnable task) {
                // BUG: Diagnostic contains: Pool built on every call of closedIsNotShutDown() and never
                Pool pool = Pool.newPool(2);
                try {
                  pool.submit(task);
                } finally {
                  pool.close();
                }
              }

              void sendClosed(String message) {
                try (Conn conn = Conn.createConn("db://e")) {
                  conn.send(message);
                }
              }

              void send(String message) {
                // BUG: Diagnostic contains: Conn built on every call of send() and never released with
                // close(): it is listed in -XepOpt:HeavyweightClientPerCall:ReleasedTypes
                Conn conn = Conn.createConn("db://e");
                conn.send(message);
              }
            }
            """)
        .expectErrorMessage(
            "POOL",
            exactly(
                "Pool built on every call of run() and never released with shutdown(): it is listed"
                    + " in -XepOpt:HeavyweightClientPerCall:ReleasedTypes as a client to release;"
                    + " share one, or call shutdown() in a finally block"))
        .doTest();
  }

  @Test
  void aTypeMissingFromTheClasspathMatchesNothing() {
    ClientStubs.compilation(getClass())
        .setArgs(SHARED + "com.acme.Missing", RELEASED + "com.acme.Gone#stop")
        .addSourceLines(
            "Test.java",
            """
            import com.acme.Client;

            class Test {
              String get(String path) {
                return new Client("https://e").get(path);
              }
            }
            """)
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void userTypesGetTheReleaseFixes() {
    ClientStubs.refactoring(getClass(), "com.acme")
        .setArgs(RELEASED + "com.acme.Pool#shutdown,com.acme.Conn", SHARED + "com.acme.Client")
        .addInputLines(
            "Test.java",
            """
            import com.acme.Client;
            import com.acme.Conn;
            import com.acme.Pool;

            class Test {
              void run(Runnable task) {
                Pool pool = new Pool(2);
                pool.submit(task);
              }

              void send(String message) {
                Conn conn = Conn.createConn("db://e");
                conn.send(message);
              }

              Object get() {
                return handle(new Client("https://e"));
              }

              static String handle(Client client) {
                return String.valueOf(client);
              }
            }
            """)
        .addOutputLines(
            "Test.java",
            """
            import com.acme.Client;
            import com.acme.Conn;
            import com.acme.Pool;

            class Test {
              private static final Client CLIENT = new Client("https://e");

              void run(Runnable task) {
                Pool pool = new Pool(2);
                try {
                  pool.submit(task);
                } finally {
                  pool.shutdown();
                }
              }

              void send(String message) {
                try (Conn conn = Conn.createConn("db://e")) {
                  conn.send(message);
                }
              }

              Object get() {
                return handle(CLIENT);
              }

              static String handle(Client client) {
                return String.valueOf(client);
              }
            }
            """)
        .doTest(TEXT_MATCH);
  }

  // ---------------------------------------------------------------------------------------------
  // Malformed values. Error Prone builds each checker reflectively and wraps whatever its
  // constructor throws twice (ProvisionException, AssertionError); javac then reports "An exception
  // has occurred in the compiler ... Please file a bug against the Java compiler" with the cause
  // three levels down a stack trace. So the check reports a malformed value itself, as an error
  // with no source position (the flag is wrong, not the first class compiled), naming the flag and
  // the entry.

  @Test
  void malformedReleaseMethodFailsTheCompilationWithNoPosition() {
    assertEquals(
        ImmutableList.of(
            "-:-1: [HeavyweightClientPerCall] -XepOpt:HeavyweightClientPerCall:ReleasedTypes: bad"
                + " entry 'com.acme.Pool#': '' is not a method name (entries are separated by"
                + " commas; see docs/bugpatterns/HeavyweightClientPerCall.md)"),
        FlagErrors.of(HeavyweightClientPerCall.class, RELEASED + "com.acme.Pool#"));
  }

  @Test
  void simpleClassNameFailsTheCompilation() {
    assertOneUnplacedError(
        "-XepOpt:HeavyweightClientPerCall:SharedTypes: bad entry 'Client': 'Client' is not a fully"
            + " qualified class name such as com.acme.Client",
        FlagErrors.of(HeavyweightClientPerCall.class, SHARED + "com.acme.Client,Client"));
  }

  @Test
  void emptyPackageSegmentFailsTheCompilation() {
    assertOneUnplacedError(
        "-XepOpt:HeavyweightClientPerCall:SharedTypes: bad entry 'com..Foo'",
        FlagErrors.of(HeavyweightClientPerCall.class, SHARED + "com..Foo"));
  }

  @Test
  void malformedValueIsAnErrorWhateverTheSeverityAndIsReportedOnce() {
    assertOneUnplacedError(
        "-XepOpt:HeavyweightClientPerCall:ReleasedTypes: bad entry 'com.acme.Pool#shut-down':"
            + " 'shut-down' is not a method name",
        FlagErrors.of(
            HeavyweightClientPerCall.class,
            RELEASED + "com.acme.Pool#shut-down",
            "-Xep:HeavyweightClientPerCall:WARN"));
  }

  /** One error, with no source file or position, whose message starts with {@code start}. */
  private static void assertOneUnplacedError(String start, ImmutableList<String> errors) {
    assertEquals(1, errors.size(), errors.toString());
    assertTrue(
        errors.get(0).startsWith("-:-1: [HeavyweightClientPerCall] " + start), errors.toString());
  }

  @Test
  void wellFormedValuesCompile() {
    compilationEndingIn("OK")
        .setArgs(SHARED + "com.acme.Client,com.acme.Outer$Client", RELEASED + "com.acme.P#stop_1")
        .addSourceLines(
            "Test.java",
            """
            class Test {}
            """)
        .doTest();
  }

  /**
   * A compilation of this test's sources (and no stubs, so the first class compiled is the test's)
   * that javac must end with {@code result}, a name of javac's {@code Main.Result}: reached through
   * reflection, as its package is exported to this module's test run but not to its compilation.
   */
  @SuppressWarnings("MissingTestCall") // the caller adds its sources and calls doTest()
  private CompilationTestHelper compilationEndingIn(String result) {
    CompilationTestHelper helper =
        CompilationTestHelper.newInstance(HeavyweightClientPerCall.class, getClass());
    try {
      Class<?> results = Class.forName("com.sun.tools.javac.main.Main$Result");
      return (CompilationTestHelper)
          CompilationTestHelper.class
              .getMethod("expectResult", results)
              .invoke(helper, results.getField(result).get(null));
    } catch (ReflectiveOperationException e) {
      throw new LinkageError("javac's Main.Result." + result, e);
    }
  }

  @Test
  void catalogRejectsMalformedValuesNamingTheFlag() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                HeavyweightClientPerCallFlags.catalog(
                    ErrorProneFlags.fromMap(
                        ImmutableMap.of(
                            "HeavyweightClientPerCall:ReleasedTypes", "com.acme.Pool#"))));
    assertEquals(
        "-XepOpt:HeavyweightClientPerCall:ReleasedTypes: bad entry 'com.acme.Pool#': '' is not a"
            + " method name (entries are separated by commas; see"
            + " docs/bugpatterns/HeavyweightClientPerCall.md)",
        e.getMessage());
  }
}
