package io.github.leakprone.checks;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * What is not a finding, each beside the smallest change that makes it one: run-once growth,
 * bounded containers, instance fields, escaping collections, bounded keys, guards, suppression.
 */
final class StaticCollectionLeakShapesTest {

  private final CompilationTestHelper helper =
      LeakStubs.addTo(CompilationTestHelper.newInstance(StaticCollectionLeak.class, getClass()));

  /**
   * The lazy first fill of a table ({@code if (OPERATIONS == null) { OPERATIONS = new HashSet<>();
   * OPERATIONS.add(...); }}, PDF Renderer's PostScript operators) adds to the collection the block
   * has just made: bounded, however often the constructor runs. An add under another test of the
   * field, or in a branch that does not make the collection, still grows it on every call.
   */
  @Test
  void aLazyFirstFillIsBounded() {
    helper
        .addSourceLines(
            "Operators.java",
            """
            import java.util.ArrayList;
            import java.util.HashSet;
            import java.util.List;
            import java.util.Set;

            public class Operators {
              private static Set<Operation> operations = null;
              private static List<Operation> named = new ArrayList<>();

              protected Operators() {
                if (operations == null) {
                  initOperations();
                }
              }

              private void initOperations() {
                if (operations == null) {
                  operations = new HashSet<>();
                  operations.add(new Operation("abs"));
                  operations.add(new Operation("add"));
                }
              }

              public void name(String name) {
                if (named != null) {
                  // BUG: Diagnostic contains: named grows in name on every call
                  named.add(new Operation(name));
                }
              }

              public void rename(String name) {
                if (named == null) {
                  named = new ArrayList<>();
                }
                // BUG: Diagnostic contains: named grows in rename on every call
                named.add(new Operation(name));
              }

              static final class Operation {
                final String name;

                Operation(String name) {
                  this.name = name;
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void growthThatRunsOnce() {
    helper
        .addSourceLines(
            "Once.java",
            """
            import java.util.HashMap;
            import java.util.Map;

            class Once {
              private static final Map<String, Integer> CODES = new HashMap<>();
              private static final Map<String, Integer> LOADED = new HashMap<>();
              private static final boolean READY = load();

              static {
                CODES.put("a", 1);
                for (String code : new String[] {"b", "c"}) {
                  CODES.put(code, code.length());
                }
                java.util.List.of("d", "e").forEach(code -> CODES.put(code, 0));
              }

              // Private and called only while the class initialises.
              private static boolean load() {
                for (String code : new String[] {"x", "y"}) {
                  LOADED.put(code, 0);
                }
                return true;
              }

              // Private and never called: dead code, no traffic.
              private static void unused(String code) {
                LOADED.put(code, 1);
              }

              public static void main(String[] args) {
                for (String arg : args) {
                  CODES.put(arg, 2);
                }
              }
            }
            """)
        .addSourceLines(
            "PerCall.java",
            """
            import java.util.ArrayList;
            import java.util.List;

            class PerCall {
              private static final List<String> CODES = new ArrayList<>();
              private static final List<String> SEEN = new ArrayList<>();

              // A lambda held by a field runs whenever it is called, not while the class initialises.
              private static final java.util.function.Consumer<String> RECORD =
                  // BUG: Diagnostic contains: SEEN grows in the lambda held by RECORD on every call
                  s -> SEEN.add(s);

              public static int code(String name) {
                // BUG: Diagnostic contains: CODES grows in code on every call and nothing
                CODES.add(name);
                return CODES.size();
              }
            }
            """)
        .doTest();
  }

  /** A container whose growth methods throw cannot grow; a copy of it into a new list can. */
  @Test
  void unmodifiableContainersCannotGrow() {
    helper
        .addSourceLines(
            "Fixed.java",
            """
            import com.google.common.collect.ImmutableList;
            import java.util.ArrayList;
            import java.util.Arrays;
            import java.util.Collections;
            import java.util.List;
            import java.util.Map;
            import java.util.Set;

            class Fixed {
              private static final List<String> NAMES = List.of("a");
              private static final List<String> GUAVA = ImmutableList.<String>builder().build();
              private static final List<String> VIEW =
                  Collections.unmodifiableList(new ArrayList<>());
              private static final Map<String, Integer> CODES = Map.of("a", 1);
              private static final List<String> SIZED = Arrays.asList("a", "b");
              private static final Set<String> NONE = Collections.emptySet();

              // Each call throws UnsupportedOperationException: nothing is kept.
              public static void add(String name) {
                NAMES.add(name);
                GUAVA.add(name);
                VIEW.add(name);
                CODES.put(name, 1);
                SIZED.add(name);
                NONE.add(name);
              }
            }
            """)
        .addSourceLines(
            "Copied.java",
            """
            import java.util.ArrayList;
            import java.util.List;

            class Copied {
              private static final List<String> NAMES = new ArrayList<>(List.of("a"));

              public static void add(String name) {
                // BUG: Diagnostic contains: NAMES grows in add on every call and nothing
                NAMES.add(name);
              }
            }
            """)
        .doTest();
  }

  /**
   * A field filled while the class initialises and grown again later: the static initializer's
   * growth is answered first and alone (StaticGrowth.judge), the later ones still in full, the
   * lifecycle pair's too.
   */
  @Test
  void filledInAStaticInitializerThenGrownPerCallOrOnOpen() {
    helper
        .addSourceLines(
            "Registry.java",
            """
            import java.util.ArrayList;
            import java.util.List;

            class Registry {
              private static final List<String> CODES = new ArrayList<>();

              static {
                CODES.add("a");
              }

              public static void register(String name) {
                // BUG: Diagnostic contains: CODES grows in register on every call and nothing
                CODES.add(name);
              }
            }
            """)
        .addSourceLines(
            "Sockets.java",
            """
            import java.util.HashSet;
            import java.util.Set;
            import javax.websocket.OnClose;
            import javax.websocket.OnOpen;
            import javax.websocket.Session;

            class Sockets {
              private static final Set<Session> SESSIONS = new HashSet<>();

              static {
                SESSIONS.add(null);
              }

              @OnOpen
              public void onOpen(Session session) {
                // BUG: Diagnostic contains: SESSIONS grows in onOpen (@OnOpen) but onClose (@OnClose) never removes
                SESSIONS.add(session);
              }

              @OnClose
              public void onClose(Session session) {}
            }
            """)
        .doTest();
  }

  @Test
  void enumConstructorRunsOnceButAClassConstructorPerInstance() {
    helper
        .addSourceLines(
            "Color.java",
            """
            import java.util.HashMap;
            import java.util.Map;

            enum Color {
              RED,
              GREEN;

              Color() {
                Holder.BY_NAME.put(name().toLowerCase(), this);
              }

              private static final class Holder {
                private static final Map<String, Color> BY_NAME = new HashMap<>();
              }
            }
            """)
        .addSourceLines(
            "Widget.java",
            """
            import java.util.ArrayList;
            import java.util.List;

            class Widget {
              private static final List<Widget> ALL = new ArrayList<>();

              Widget() {
                // BUG: Diagnostic contains: ALL grows in the constructor of Widget for every new
                ALL.add(this);
              }
            }
            """)
        .addSourceLines(
            "Singleton.java",
            """
            import java.util.ArrayList;
            import java.util.List;

            class Singleton {
              private static final List<Singleton> ALL = new ArrayList<>();
              private static final Singleton INSTANCE = new Singleton();

              private Singleton() {
                ALL.add(this);
              }
            }
            """)
        .doTest();
  }

  @Test
  void testsAndFactoriesRunOnce() {
    helper
        .addSourceLines(
            "Fixture.java",
            """
            import java.util.ArrayList;
            import java.util.List;

            class Fixture {
              @interface Test {}

              private static final List<String> SEEN = new ArrayList<>();

              @Test
              void records() {
                SEEN.add("x");
              }
            }
            """)
        .addSourceLines(
            "TypeUse.java",
            """
            import java.lang.annotation.ElementType;
            import java.lang.annotation.Target;
            import java.util.ArrayList;
            import java.util.List;

            class TypeUse {
              @Target(ElementType.TYPE_USE)
              @interface Test {}

              private static final List<String> SEEN = new ArrayList<>();

              // Among the modifiers, but it annotates the return type: no runner sees it.
              @Test
              String records(String name) {
                // BUG: Diagnostic contains: SEEN grows in records on every call
                SEEN.add(name);
                return name;
              }
            }
            """)
        .doTest();
  }

  /**
   * Growth that does not call the field's own method in place: a method reference run wherever it
   * is passed, a static mutator given the field, an inner list reached through a forEach lambda.
   */
  @Test
  void growthByReferenceMutatorAndCallback() {
    helper
        .addSourceLines(
            "Indirect.java",
            """
            import java.util.ArrayList;
            import java.util.Collections;
            import java.util.HashMap;
            import java.util.List;
            import java.util.Map;

            class Indirect {
              private static final List<String> REFERENCED = new ArrayList<>();
              private static final List<String> MUTATED = new ArrayList<>();
              private static final Map<String, List<String>> NESTED = new HashMap<>();

              public static void register(List<String> names) {
                // BUG: Diagnostic contains: REFERENCED grows in register on every call
                names.forEach(REFERENCED::add);
                // BUG: Diagnostic contains: MUTATED grows in register on every call
                Collections.addAll(MUTATED, "a", "b");
                // BUG: Diagnostic contains: NESTED grows in register on every call
                NESTED.forEach((key, values) -> values.add(key));
              }
            }
            """)
        .doTest();
  }

  /**
   * Only the launcher's entry point runs once: static, one {@code String[]} or {@code String...}.
   */
  @Test
  void onlyTheEntryPointMainRunsOnce() {
    helper
        .addSourceLines(
            "Cli.java",
            """
            import java.util.ArrayList;
            import java.util.List;

            class Cli {
              private static final List<String> ARGS = new ArrayList<>();
              private static final List<String> NAMES = new ArrayList<>();

              public static void main(String... args) {
                for (String arg : args) {
                  ARGS.add(arg);
                }
              }

              static final class Overload {
                static void main(String name) {
                  // BUG: Diagnostic contains: NAMES grows in main on every call
                  NAMES.add(name);
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void evictingLinkedHashMapIsBounded() {
    helper
        .addSourceLines(
            "Lru.java",
            """
            import java.util.Collections;
            import java.util.LinkedHashMap;
            import java.util.Map;

            class Lru {
              private static final Map<String, String> RECENT =
                  Collections.synchronizedMap(
                      new LinkedHashMap<>(16, 0.75f, true) {
                        @Override
                        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                          return size() > 100;
                        }
                      });
              private static final Map<String, String> ALL =
                  Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true));

              public void seen(String value) {
                String id = java.util.UUID.randomUUID().toString();
                RECENT.put(id, value);
                // BUG: Diagnostic contains: ALL grows in seen on every call
                ALL.put(id, value);
              }
            }
            """)
        .addSourceLines(
            "NamedLru.java",
            """
            import java.util.LinkedHashMap;
            import java.util.Map;

            class NamedLru {
              static final class LruMap<K, V> extends LinkedHashMap<K, V> {
                @Override
                protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                  return size() > 10;
                }
              }

              private static final LruMap<String, String> RECENT = new LruMap<>();

              public void seen(String key, String value) {
                RECENT.put(key, value);
              }
            }
            """)
        .doTest();
  }

  @Test
  void boundedQueues() {
    helper
        .addSourceLines(
            "Queues.java",
            """
            import java.util.Queue;
            import java.util.concurrent.ArrayBlockingQueue;
            import java.util.concurrent.BlockingQueue;
            import java.util.concurrent.LinkedBlockingQueue;

            class Queues {
              private static final Queue<String> RING = new ArrayBlockingQueue<>(100);
              private static final BlockingQueue<String> CAPPED = new LinkedBlockingQueue<>(100);
              private static final BlockingQueue<String> OPEN = new LinkedBlockingQueue<>();

              public void log(String line) {
                RING.offer(line);
                CAPPED.offer(line);
                // BUG: Diagnostic contains: OPEN grows in log on every call
                OPEN.offer(line);
              }
            }
            """)
        .doTest();
  }

  @Test
  void cachesWithLimits() {
    helper
        .addSourceLines(
            "Caches.java",
            """
            import com.github.benmanes.caffeine.cache.Caffeine;
            import com.google.common.cache.Cache;
            import com.google.common.cache.CacheBuilder;
            import java.time.Duration;
            import java.util.concurrent.ConcurrentMap;

            class Caches {
              private static final Cache<String, String> SIZED =
                  CacheBuilder.newBuilder().maximumSize(1000).build();
              private static final Cache<String, String> UNBOUNDED = CacheBuilder.newBuilder().build();
              private static final ConcurrentMap<String, String> SIZED_VIEW =
                  CacheBuilder.newBuilder().maximumSize(1000).<String, String>build().asMap();
              private static final com.github.benmanes.caffeine.cache.Cache<String, String> EXPIRING =
                  Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(5)).build();
              private static final com.github.benmanes.caffeine.cache.Cache<String, String> FOREVER =
                  Caffeine.newBuilder().build();

              public void remember(String value) {
                String key = java.util.UUID.randomUUID().toString();
                SIZED.put(key, value);
                SIZED_VIEW.put(key, value);
                EXPIRING.put(key, value);
                // BUG: Diagnostic contains: UNBOUNDED grows in remember on every call
                UNBOUNDED.put(key, value);
                // BUG: Diagnostic contains: FOREVER grows in remember on every call
                FOREVER.put(key, value);
              }
            }
            """)
        .doTest();
  }

  @Test
  void keyedGrowthOutsideALifecycleCountsOnlyForFreshKeys() {
    helper
        .addSourceLines(
            "Memo.java",
            """
            import com.github.benmanes.caffeine.cache.Caffeine;
            import java.util.Map;
            import java.util.concurrent.ConcurrentHashMap;

            class Memo {
              private static final Map<String, Integer> COMPUTED = new ConcurrentHashMap<>();
              private static final Map<String, Integer> CHECKED = new ConcurrentHashMap<>();
              private static final Map<String, Integer> LOOKED_UP = new ConcurrentHashMap<>();
              private static final Map<String, Integer> ABSENT = new ConcurrentHashMap<>();
              private static final com.github.benmanes.caffeine.cache.Cache<String, Integer> LOADED =
                  Caffeine.newBuilder().build();
              private static final Map<String, Integer> BY_CALLER_KEY = new ConcurrentHashMap<>();
              private static final Map<String, Integer> BY_NEW_KEY = new ConcurrentHashMap<>();
              private static final Map<Object, Integer> BY_NEW_OBJECT = new ConcurrentHashMap<>();
              private static final Map<Long, Integer> BY_COUNTER = new ConcurrentHashMap<>();
              private static final java.util.concurrent.atomic.AtomicLong COUNTER =
                  new java.util.concurrent.atomic.AtomicLong();

              public int length(String text) {
                int a = COMPUTED.computeIfAbsent(text, String::length);
                if (!CHECKED.containsKey(text)) {
                  CHECKED.put(text, text.length());
                }
                Integer b = LOOKED_UP.get(text);
                if (b == null) {
                  b = text.length();
                  LOOKED_UP.put(text, b);
                }
                ABSENT.putIfAbsent(text, 0);
                int c = LOADED.get(text, String::length);
                // A registry keyed by the caller's name grows only with new names.
                BY_CALLER_KEY.put(text, a);
                // BUG: Diagnostic contains: BY_NEW_KEY grows in length on every call
                BY_NEW_KEY.put("request-" + System.nanoTime(), b);
                Object token = new Object();
                // BUG: Diagnostic contains: BY_NEW_OBJECT grows in length on every call
                BY_NEW_OBJECT.put(token, c);
                // BUG: Diagnostic contains: BY_COUNTER grows in length on every call
                BY_COUNTER.put(COUNTER.incrementAndGet(), c);
                return a + b + c;
              }
            }
            """)
        .doTest();
  }

  /**
   * Code that looks a map up before it adds to it is a cache, whichever text of the key it asks
   * under (SchemaSpy's driver cache, looked up under each configured class name and filled under
   * the loaded class's name): one entry per key, not one per call. A map nobody asks first still
   * grows with a new key on every call.
   */
  @Test
  void aLookupUnderAnyKeyMakesACache() {
    helper
        .addSourceLines(
            "Drivers.java",
            """
            import java.util.HashMap;
            import java.util.Map;

            public class Drivers {
              private static final Map<String, Object> CACHE = new HashMap<>();
              private static final Map<String, Object> LOADED = new HashMap<>();

              public static synchronized Object driver(String[] names, String path) throws Exception {
                for (String name : names) {
                  Object cached = CACHE.get(name + "|" + path);
                  if (cached != null) {
                    return cached;
                  }
                }
                // A key read from what a new object was made of counts as new on every call.
                Class<?> type = new Loader(names, new StringBuilder(path)).load();
                Object driver = type.getDeclaredConstructor().newInstance();
                CACHE.put(type.getName() + "|" + path, driver);
                // BUG: Diagnostic contains: LOADED grows in driver on every call
                LOADED.put(type.getName() + "|" + path, driver);
                return driver;
              }

              static final class Loader {
                private final String[] names;

                Loader(String[] names, CharSequence origin) {
                  this.names = names;
                }

                Class<?> load() throws ClassNotFoundException {
                  return Class.forName(names[0]);
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * A bulk growth of a keyed container (a map's {@code putAll}, a set's {@code addAll}) adds the
   * argument's keys, which its look does not tell new: a configuration loaded again (SqlToy's
   * {@code SqlToyConstants.loadProperties}) puts the same keys. A list's {@code addAll} still adds
   * on every call.
   */
  @Test
  void bulkGrowthOfAKeyedContainerAddsTheArgumentsKeys() {
    helper
        .addSourceLines(
            "Settings.java",
            """
            import java.io.IOException;
            import java.io.InputStream;
            import java.util.ArrayList;
            import java.util.HashMap;
            import java.util.HashSet;
            import java.util.List;
            import java.util.Map;
            import java.util.Properties;
            import java.util.Set;

            public class Settings {
              private static final Map<Object, Object> PROPS = new HashMap<>();
              private static final Set<String> NAMES = new HashSet<>();
              private static final List<String> HISTORY = new ArrayList<>();

              public static void load(InputStream in, Map<String, String> overrides, List<String> names)
                  throws IOException {
                Properties props = new Properties();
                props.load(in);
                PROPS.putAll(props);
                PROPS.putAll(overrides);
                NAMES.addAll(names);
                // BUG: Diagnostic contains: HISTORY grows in load on every call
                HISTORY.addAll(names);
              }

              public static Object get(String key) {
                return PROPS.get(key) != null && NAMES.contains(key) ? key : HISTORY.get(0);
              }
            }
            """)
        .doTest();
  }

  @Test
  void selfCleaningContainers() {
    helper
        .addSourceLines(
            "Groups.java",
            """
            import io.netty.channel.Channel;
            import io.netty.channel.group.ChannelGroup;
            import io.netty.channel.group.DefaultChannelGroup;
            import java.util.ArrayList;
            import java.util.EnumMap;
            import java.util.List;
            import java.util.Map;
            import java.util.Set;
            import java.util.WeakHashMap;
            import java.util.concurrent.TimeUnit;

            class Groups {
              private static final ChannelGroup CHANNELS = new DefaultChannelGroup(null);
              private static final List<Channel> PLAIN = new ArrayList<>();
              private static final Map<Object, String> WEAK = new WeakHashMap<>();
              private static final Map<TimeUnit, String> BY_UNIT = new EnumMap<>(TimeUnit.class);
              private static final Set<Object> WEAK_SET =
                  java.util.Collections.newSetFromMap(new WeakHashMap<>());

              public void joined(Channel channel, Object owner, TimeUnit unit) {
                CHANNELS.add(channel);
                WEAK.put(owner, "x");
                BY_UNIT.put(unit, "x");
                WEAK_SET.add(owner);
                // BUG: Diagnostic contains: PLAIN grows in joined on every call
                PLAIN.add(channel);
              }
            }
            """)
        .doTest();
  }

  @Test
  void instanceFieldsAreNotJudged() {
    helper
        .addSourceLines(
            "Holder.java",
            """
            import java.util.ArrayList;
            import java.util.List;

            class Holder {
              private final List<String> mine = new ArrayList<>();
              private static final List<String> SHARED = new ArrayList<>();

              public void add(String value) {
                mine.add(value);
                // BUG: Diagnostic contains: SHARED grows in add
                SHARED.add(value);
              }
            }
            """)
        .doTest();
  }

  @Test
  void escapingCollectionsAreNotJudged() {
    helper
        .addSourceLines(
            "Escapes.java",
            """
            import java.util.ArrayList;
            import java.util.Collections;
            import java.util.List;
            import java.util.Map;
            import java.util.Set;
            import java.util.concurrent.ConcurrentHashMap;

            class Escapes {
              private static final List<String> RETURNED = new ArrayList<>();
              private static final List<String> PASSED = new ArrayList<>();
              private static final Map<String, Set<String>> INNER_RETURNED = new ConcurrentHashMap<>();
              private static final Map<String, String> VIEW_RETURNED = new ConcurrentHashMap<>();
              private static final List<String> ALIASED = new ArrayList<>();
              private static List<String> other;
              static final List<String> PACKAGE_VISIBLE = new ArrayList<>();
              private static final List<String> READ_ONLY = new ArrayList<>();
              private static final List<String> LOGGED = new ArrayList<>();
              private static final List<String> NESTED = new ArrayList<>();
              private static final List<List<String>> ALL_LISTS = new ArrayList<>();

              public void add(String value) {
                RETURNED.add(value);
                PASSED.add(value);
                INNER_RETURNED.computeIfAbsent(value, k -> ConcurrentHashMap.newKeySet()).add(value);
                VIEW_RETURNED.put(value, value);
                ALIASED.add(value);
                PACKAGE_VISIBLE.add(value);
                NESTED.add(value);
                // BUG: Diagnostic contains: READ_ONLY grows in add
                READ_ONLY.add(value);
                // BUG: Diagnostic contains: LOGGED grows in add
                LOGGED.add(value);
              }

              public List<String> returned() {
                return RETURNED;
              }

              public void pass(java.util.function.Consumer<List<String>> sink) {
                sink.accept(PASSED);
              }

              public Set<String> inner(String key) {
                return INNER_RETURNED.get(key);
              }

              public Set<String> keys() {
                return VIEW_RETURNED.keySet();
              }

              public void alias() {
                other = ALIASED;
                // BUG: Diagnostic contains: ALL_LISTS grows in alias
                ALL_LISTS.add(NESTED);
              }

              public List<String> readOnly() {
                return Collections.unmodifiableList(READ_ONLY);
              }

              public String describe() {
                System.out.println(LOGGED);
                return String.valueOf(LOGGED) + new ArrayList<>(LOGGED) + List.copyOf(LOGGED);
              }
            }
            """)
        .doTest();
  }

  @Test
  void sweepOnTheOpenPathAndPartnerInASuperclass() {
    helper
        .addSourceLines(
            "Sweeps.java",
            """
            import java.util.List;
            import java.util.concurrent.CopyOnWriteArrayList;
            import javax.websocket.OnClose;
            import javax.websocket.OnOpen;
            import javax.websocket.Session;

            class Sweeps {
              private static final List<Session> SESSIONS = new CopyOnWriteArrayList<>();

              @OnOpen
              public void onOpen(Session session) {
                SESSIONS.removeIf(s -> !s.isOpen());
                SESSIONS.add(session);
              }

              @OnClose
              public void onClose() {}
            }
            """)
        .addSourceLines(
            "Base.java",
            """
            import io.netty.channel.Channel;
            import io.netty.channel.ChannelHandlerContext;
            import io.netty.channel.ChannelInboundHandlerAdapter;
            import java.util.Set;
            import java.util.concurrent.ConcurrentHashMap;

            class Base extends ChannelInboundHandlerAdapter {
              static final class Child extends Base {
                @Override
                public void channelActive(ChannelHandlerContext ctx) {
                  ACTIVE.add(ctx.channel());
                }
              }

              private static final Set<Channel> ACTIVE = ConcurrentHashMap.newKeySet();

              @Override
              public void channelInactive(ChannelHandlerContext ctx) {
                ACTIVE.remove(ctx.channel());
              }
            }
            """)
        .doTest();
  }

  @Test
  void keysFromAFiniteDomain() {
    helper
        .addSourceLines(
            "Keys.java",
            """
            import java.lang.reflect.Method;
            import java.util.List;
            import java.util.Map;
            import java.util.Set;
            import java.util.concurrent.ConcurrentHashMap;
            import java.util.concurrent.CopyOnWriteArrayList;
            import java.util.concurrent.TimeUnit;

            class Keys {
              private static final Map<Class<?>, String> BY_CLASS = new ConcurrentHashMap<>();
              private static final Map<TimeUnit, String> BY_UNIT = new ConcurrentHashMap<>();
              private static final Set<Method> METHODS = ConcurrentHashMap.newKeySet();
              private static final Map<String, String> CONSTANT = new ConcurrentHashMap<>();
              private static final List<Class<?>> CLASS_LIST = new CopyOnWriteArrayList<>();
              private static final Map<Class<?>, List<String>> PER_CLASS = new ConcurrentHashMap<>();
              private static final String KEY = "config";

              public String describe(Class<?> type, TimeUnit unit, Method method, String text) {
                METHODS.add(method);
                BY_UNIT.put(unit, text);
                CONSTANT.put(KEY, text);
                CONSTANT.put("other", text);
                // BUG: Diagnostic contains: CLASS_LIST grows in describe
                CLASS_LIST.add(type);
                // BUG: Diagnostic contains: PER_CLASS grows in describe
                PER_CLASS.computeIfAbsent(type, t -> new CopyOnWriteArrayList<>()).add(text);
                return BY_CLASS.computeIfAbsent(type, Class::getName);
              }
            }
            """)
        .doTest();
  }

  @Test
  void sizeGuardsBound() {
    helper
        .addSourceLines(
            "Guarded.java",
            """
            import java.util.List;
            import java.util.concurrent.CopyOnWriteArrayList;

            class Guarded {
              private static final List<String> RECENT = new CopyOnWriteArrayList<>();
              private static final List<String> SKIPPED = new CopyOnWriteArrayList<>();

              public void record(String line) {
                if (RECENT.size() < 100) {
                  RECENT.add(line);
                }
              }

              public void skip(String line) {
                if (SKIPPED.size() >= 100) {
                  return;
                }
                SKIPPED.add(line);
              }
            }
            """)
        .doTest();
  }

  @Test
  void reassignmentEmptiesButLazyInitialisationDoesNot() {
    helper
        .addSourceLines(
            "Reset.java",
            """
            import java.util.ArrayList;
            import java.util.List;

            class Reset {
              private static List<String> batch = new ArrayList<>();
              private static List<String> lazy;

              public void add(String value) {
                batch.add(value);
              }

              public List<String> flush() {
                List<String> done = new ArrayList<>(batch);
                batch = new ArrayList<>();
                return done;
              }

              public void addLazily(String value) {
                if (lazy == null) {
                  lazy = new ArrayList<>();
                }
                // BUG: Diagnostic contains: lazy grows in addLazily on every call
                lazy.add(value);
              }
            }
            """)
        .doTest();
  }

  @Test
  void suppressWarningsOnTheFieldOrTheMethod() {
    helper
        .addSourceLines(
            "Suppressed.java",
            """
            import java.util.ArrayList;
            import java.util.List;

            class Suppressed {
              @SuppressWarnings("StaticCollectionLeak") // bounded by the caller: at most one per tenant
              private static final List<String> TENANTS = new ArrayList<>();

              private static final List<String> NAMES = new ArrayList<>();

              public void add(String value) {
                TENANTS.add(value);
              }

              @SuppressWarnings("StaticCollectionLeak") // called once per deployment
              public void name(String value) {
                NAMES.add(value);
              }
            }
            """)
        .doTest();
  }

  @Test
  void anyRemovalInTheFileAnswersGrowthOutsideALifecycle() {
    helper
        .addSourceLines(
            "Pending.java",
            """
            import java.util.Iterator;
            import java.util.Map;
            import java.util.concurrent.ConcurrentHashMap;

            class Pending {
              private static final Map<Long, Runnable> BY_ID = new ConcurrentHashMap<>();
              private static final Map<Long, Runnable> SWEPT = new ConcurrentHashMap<>();
              private static final Map<Long, Runnable> BY_ITERATOR = new ConcurrentHashMap<>();

              public void submit(long id, Runnable task) {
                BY_ID.put(id, task);
                SWEPT.put(id, task);
                BY_ITERATOR.put(id, task);
              }

              public void done(long id) {
                BY_ID.remove(id);
              }

              public void expire() {
                SWEPT.entrySet().removeIf(e -> e.getKey() < 0);
                for (Iterator<Long> it = BY_ITERATOR.keySet().iterator(); it.hasNext(); ) {
                  if (it.next() < 0) {
                    it.remove();
                  }
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * Vector's methods from before the collections framework grow and shrink it as {@code add} and
   * {@code remove} do: ImageJ's window list, added to with {@code add} and emptied by {@code
   * removeElement} as each window closes (a holdout round's false alarm). One filled by {@code
   * addElement} that nothing empties still grows.
   */
  @Test
  void vectorsOwnMethodsGrowAndShrinkIt() {
    helper
        .addSourceLines(
            "Windows.java",
            """
            import java.util.Vector;

            class Windows {
              private static final Vector<Object> OPEN = new Vector<>();
              private static final Vector<Object> SHOWN = new Vector<>();
              private static final Vector<Object> SEEN = new Vector<>();

              public void opened(Object window) {
                OPEN.add(window);
                SHOWN.addElement(window);
                // BUG: Diagnostic contains: SEEN grows in opened on every call
                SEEN.addElement(window);
              }

              public void closed(Object window) {
                OPEN.removeElement(window);
                SHOWN.removeElementAt(SHOWN.indexOf(window));
              }
            }
            """)
        .doTest();
  }
}
