package io.github.leakprone.checks;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * Shapes met in public projects' sources, rewritten small in our own words: each false positive the
 * check once reported, kept as a negative, and the true positives beside them.
 */
final class StaticCollectionLeakRealCodeTest {

  private final CompilationTestHelper helper =
      LeakStubs.addTo(CompilationTestHelper.newInstance(StaticCollectionLeak.class, getClass()));

  /**
   * twitter4j keeps every configuration it builds in a static list, adding one only when no equal
   * one is there: the list grows with every new configuration (one per OAuth token), not on every
   * call, and the message says so. A plain {@code add} beside it still grows on every call.
   */
  @Test
  void aListThatAddsOnlyWhatItDoesNotHoldGrowsWithEachNewValue() {
    helper
        .addSourceLines(
            "Configuration.java",
            """
            import java.util.ArrayList;
            import java.util.List;

            class Configuration {
              private static final List<Configuration> instances = new ArrayList<>();
              private static final List<Configuration> built = new ArrayList<>();

              private static void cacheInstance(Configuration conf) {
                if (!instances.contains(conf)) {
                  // BUG: Diagnostic contains: instances grows in cacheInstance with every value it does not hold yet and nothing in this file ever removes from it
                  instances.add(conf);
                }
              }

              void cache() {
                cacheInstance(this);
              }

              void build() {
                // BUG: Diagnostic contains: built grows in build on every call and nothing
                built.add(this);
              }
            }
            """)
        .doTest();
  }

  /** As spring-websocket's SpringConfigurator: bean names cached per application context id. */
  @Test
  void cacheFilledAfterALookupOfTheSameKey() {
    helper
        .addSourceLines(
            "EndpointNames.java",
            """
            import java.util.Map;
            import java.util.concurrent.ConcurrentHashMap;

            class EndpointNames {
              private static final Map<String, Map<Class<?>, String>> BY_CONTEXT = new ConcurrentHashMap<>();

              public String nameOf(String contextId, Class<?> type) {
                Map<Class<?>, String> names = BY_CONTEXT.get(contextId);
                if (names == null) {
                  names = new ConcurrentHashMap<>();
                  BY_CONTEXT.put(contextId, names);
                }
                return names.computeIfAbsent(type, Class::getSimpleName);
              }
            }
            """)
        .doTest();
  }

  /** As Dubbo's NacosInstanceManageUtil: a setter that files values under the caller's name. */
  @Test
  void registryKeyedByTheCallersName() {
    helper
        .addSourceLines(
            "ServiceNames.java",
            """
            import java.util.Map;
            import java.util.Set;
            import java.util.concurrent.ConcurrentHashMap;

            class ServiceNames {
              private static final Map<String, Set<String>> ALIASES = new ConcurrentHashMap<>();

              public static void setAliases(String service, Set<String> aliases) {
                ALIASES.put(service, aliases);
              }

              public static boolean known(String service) {
                return ALIASES.containsKey(service);
              }
            }
            """)
        .doTest();
  }

  /**
   * As Apache Ivy's CredentialsStore: a key read from a new object ({@code c.getKey()}, realm and
   * host) is as new as what the object was made of, the caller's values; one read from an object
   * made of a random UUID is new on every call.
   */
  @Test
  void keyReadFromANewObjectIsTheCallersValue() {
    helper
        .addSourceLines(
            "CredentialsStore.java",
            """
            import java.util.HashMap;
            import java.util.Map;
            import java.util.UUID;

            class CredentialsStore {
              private static final Map<String, Credentials> KEYRING = new HashMap<>();
              private static final Map<String, Credentials> SESSIONS = new HashMap<>();

              static final class Credentials {
                private final String realm;
                private final String host;

                Credentials(String realm, String host) {
                  this.realm = realm;
                  this.host = host;
                }

                String getKey() {
                  return realm + "@" + host;
                }
              }

              public void addCredentials(String realm, String host) {
                Credentials c = new Credentials(realm, host);
                KEYRING.put(c.getKey(), c);
              }

              public Credentials get(String realm, String host) {
                return KEYRING.get(realm + "@" + host);
              }

              public void openSession(String host) {
                Credentials c = new Credentials(UUID.randomUUID().toString(), host);
                // BUG: Diagnostic contains: SESSIONS grows
                SESSIONS.put(c.getKey(), c);
              }
            }
            """)
        .doTest();
  }

  /** As Dubbo's DeprecatedFilter: warn once per interface method. */
  @Test
  void warnOnceSetOfMethodNames() {
    helper
        .addSourceLines(
            "DeprecationWarner.java",
            """
            import java.util.Set;
            import java.util.concurrent.ConcurrentHashMap;

            class DeprecationWarner {
              private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

              public void called(Class<?> api, String method) {
                String key = api.getName() + "." + method;
                if (!WARNED.contains(key)) {
                  WARNED.add(key);
                  System.err.println(key + " is deprecated");
                }
              }
            }
            """)
        .doTest();
  }

  /** As Dubbo's ThriftProtocol: one server per exported address, replaced on re-export. */
  @Test
  void oneServerPerAddress() {
    helper
        .addSourceLines(
            "Servers.java",
            """
            import java.util.HashMap;
            import java.util.Map;

            class Servers {
              private static final Map<String, Thread> BY_ADDRESS = new HashMap<>();

              public Runnable export(String address, Runnable serve) {
                Thread server = new Thread(serve);
                BY_ADDRESS.put(address, server);
                server.start();
                return server::interrupt;
              }

              public Thread serverAt(String address) {
                return BY_ADDRESS.get(address);
              }
            }
            """)
        .doTest();
  }

  /** As Nacos's NacosServiceLoader: SPI implementation classes cached per service interface. */
  @Test
  void classesCachedInACollectionThatIsASet() {
    helper
        .addSourceLines(
            "Plugins.java",
            """
            import java.util.Collection;
            import java.util.LinkedHashSet;
            import java.util.Map;
            import java.util.ServiceLoader;
            import java.util.concurrent.ConcurrentHashMap;

            class Plugins {
              private static final Map<Class<?>, Collection<Class<?>>> IMPLEMENTATIONS =
                  new ConcurrentHashMap<>();

              public static <T> void load(Class<T> service) {
                for (T each : ServiceLoader.load(service)) {
                  remember(service, each);
                }
              }

              private static <T> void remember(Class<T> service, T instance) {
                IMPLEMENTATIONS.computeIfAbsent(service, k -> new LinkedHashSet<>()).add(instance.getClass());
              }
            }
            """)
        .doTest();
  }

  /**
   * As Dubbo's Curator clients: removing a data listener leaves the started node cache (one per
   * path) in the static map, where a later client's add finds it and skips its own listener.
   */
  @Test
  void removeListenerLeavesWhatAddListenerStarted() {
    helper
        .addSourceLines(
            "NodeWatchers.java",
            """
            import java.util.Map;
            import java.util.concurrent.ConcurrentHashMap;

            class NodeWatchers {
              private static final Map<String, Watcher> WATCHERS = new ConcurrentHashMap<>();

              static final class Watcher {
                void start() {}

                void stopListening(Runnable listener) {}
              }

              protected void addDataListener(String path, Runnable listener) {
                Watcher watcher = new Watcher();
                // BUG: Diagnostic contains: but removeDataListener never removes from it
                if (WATCHERS.putIfAbsent(path, watcher) != null) {
                  return;
                }
                watcher.start();
              }

              protected void removeDataListener(String path, Runnable listener) {
                Watcher watcher = WATCHERS.get(path);
                if (watcher != null) {
                  watcher.stopListening(listener);
                }
              }
            }
            """)
        .doTest();
  }

  /** As a "minimal websocket set-up" tutorial: no @OnClose at all. */
  @Test
  void tutorialEndpointWithoutOnClose() {
    helper
        .addSourceLines(
            "MinimalEndpoint.java",
            """
            import java.util.concurrent.CopyOnWriteArraySet;
            import javax.websocket.OnOpen;
            import javax.websocket.Session;

            class MinimalEndpoint {
              private static int onlineCount = 0;
              private static CopyOnWriteArraySet<MinimalEndpoint> endpoints =
                  new CopyOnWriteArraySet<MinimalEndpoint>();
              private Session session;

              @OnOpen
              public void onOpen(Session session) {
                this.session = session;
                // BUG: Diagnostic contains: but the class has no @OnClose method
                endpoints.add(this);
                onlineCount++;
              }
            }
            """)
        .doTest();
  }

  /**
   * As jMimeMagic's file-type table: a static map filled by a private helper, called only from an
   * initialiser that runs its body once per JVM behind a static flag it sets and never clears, or
   * filled in that guarded body itself. A flag of the object, not the class, guards once per
   * object: every new object fills the static list again.
   */
  @Test
  void aStaticCollectionFilledBehindAStaticOnceFlagIsFilledOnce() {
    helper
        .addSourceLines(
            "FileTypes.java",
            """
            import java.util.ArrayList;
            import java.util.HashMap;
            import java.util.List;
            import java.util.Map;
            import java.util.concurrent.atomic.AtomicBoolean;

            class FileTypes {
              private static final Map<String, List<String>> hints = new HashMap<>();
              private static final List<String> names = new ArrayList<>();
              private static final List<String> loadedFrom = new ArrayList<>();
              private static final List<String> perObject = new ArrayList<>();
              private static boolean initialized;
              private static final AtomicBoolean started = new AtomicBoolean();
              private boolean loaded;

              private static void addHint(String extension, String type) {
                hints.computeIfAbsent(extension, e -> new ArrayList<>()).add(type);
              }

              public static synchronized void initialize(List<String> types) {
                if (!initialized) {
                  for (String type : types) {
                    addHint(type.substring(type.indexOf('.') + 1), type);
                    names.add(type);
                  }
                  initialized = true;
                }
              }

              public static void start(String source) {
                if (!started.compareAndSet(false, true)) {
                  return;
                }
                loadedFrom.add(source);
              }

              public void load(String type) {
                if (!loaded) {
                  // BUG: Diagnostic contains: perObject grows in load on every call
                  perObject.add(type);
                  loaded = true;
                }
              }
            }
            """)
        .doTest();
  }
}
