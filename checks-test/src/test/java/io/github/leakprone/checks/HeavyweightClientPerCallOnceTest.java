package io.github.leakprone.checks;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * Code that runs once however often its method is called (behind a once-only flag, filling a cache
 * per key, in a private method only run-once code calls, in a start method whose class releases the
 * client at its end), factories that hand the client they build to their caller, and a pool of the
 * project's own that shuts itself down when its work ends. Each shape that is not a finding sits
 * next to a finding that differs from it minimally.
 */
final class HeavyweightClientPerCallOnceTest {

  private final CompilationTestHelper helper = ClientStubs.compilation(getClass());

  @Test
  void booleanFlagSetByTheMethodIsAOnceOnlyGuard() {
    helper
        .addSourceLines(
            "Test.java",
            """
            import okhttp3.OkHttpClient;

            class Test {
              private boolean inited;
              private boolean checkedOnly;
              private OkHttpClient client;

              void setUp() {
                if (inited) {
                  return;
                }
                client = new OkHttpClient();
                inited = true;
              }

              void setUpUnlessFlagged() {
                if (!inited) {
                  client = new OkHttpClient();
                  inited = true;
                }
              }

              void flagNeverSet() {
                if (checkedOnly) {
                  return;
                }
                // BUG: Diagnostic contains: built on every call of flagNeverSet() and stored in field
                client = new OkHttpClient();
              }

              void localFlag(boolean ignored) {
                boolean done = ignored;
                if (done) {
                  return;
                }
                // BUG: Diagnostic contains: built on every call of localFlag() and stored in field
                client = new OkHttpClient();
                done = true;
              }
            }
            """)
        .doTest();
  }

  /**
   * A method that returns at once while another field is set, and sets that field to a new object
   * before it builds the client, runs once as behind a flag (COPPER's {@code startup()}: {@code if
   * (enqueueThread != null) return; enqueueThread = new Thread(...); ... executor =
   * Executors.newSingleThreadScheduledExecutor();}). A method that tests the field but never sets
   * it builds a client on every call, and so does one whose class nulls the field again (ActiveMQ's
   * transaction context, whose close() nulls the connection that guards a per-use executor).
   */
  @Test
  void anotherFieldSetByTheMethodIsAOnceOnlyGuard() {
    helper
        .addSourceLines(
            "Storage.java",
            """
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.Executors;

            class Storage {
              private Thread worker;
              private ExecutorService executor;
              private ExecutorService spare;

              synchronized void startup() {
                if (worker != null) {
                  return;
                }
                worker = new Thread("worker");
                worker.start();
                executor = Executors.newSingleThreadExecutor();
              }

              synchronized void refresh() {
                if (worker != null) {
                  return;
                }
                // BUG: Diagnostic contains: built on every call of refresh()
                spare = Executors.newSingleThreadExecutor();
              }

              synchronized void shutdown() {
                executor.shutdown();
                if (spare != null) {
                  spare.shutdown();
                }
              }
            }

            class Context {
              private Object connection;

              void connect() {
                if (connection == null) {
                  connection = new Object();
                  // BUG: Diagnostic contains: built on every call of connect()
                  Executors.newSingleThreadExecutor().submit(() -> {});
                }
              }

              void close() {
                connection = null;
              }
            }
            """)
        .doTest();
  }

  /**
   * A client kept in an {@code AtomicReference} field is kept by the object, as in a field of its
   * own: DBOS's queue service builds its pool only while {@code execServiceRef.get() == null},
   * keeps it with {@code compareAndSet(null, pool)} and shuts it down in {@code close()}. Set there
   * on every call with no such test, it is a new pool per call.
   */
  @Test
  void aClientKeptInAnAtomicReferenceBehindItsNullTestIsBuiltOnce() {
    helper
        .addSourceLines(
            "Queues.java",
            """
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.Executors;
            import java.util.concurrent.atomic.AtomicReference;

            class Queues implements AutoCloseable {
              private final AtomicReference<ExecutorService> pool = new AtomicReference<>();
              private final AtomicReference<ExecutorService> spare = new AtomicReference<>();

              void start() {
                if (pool.get() == null) {
                  ExecutorService executor = Executors.newFixedThreadPool(2);
                  if (pool.compareAndSet(null, executor)) {
                    executor.submit(() -> {});
                  }
                }
              }

              void refresh() {
                // BUG: Diagnostic contains: built on every call of refresh() and stored in field spare
                ExecutorService executor = Executors.newFixedThreadPool(2);
                spare.set(executor);
              }

              @Override
              public void close() {
                ExecutorService executor = pool.getAndSet(null);
                if (executor != null) {
                  executor.shutdownNow();
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * A client whose predecessor is shut down just before the field is replaced (directly, or by a
   * method of the class called first) is a replacement: one pool alive at a time, no pile-up. One
   * shut down after the store only under a condition is not.
   */
  @Test
  void aClientReleasedBeforeItIsReplacedIsNoPileUp() {
    helper
        .addSourceLines(
            "Test.java",
            """
            import java.util.concurrent.Executors;
            import java.util.concurrent.ScheduledExecutorService;

            class Test {
              private ScheduledExecutorService timer;

              void restartTimer() {
                cancelTimer();
                timer = Executors.newSingleThreadScheduledExecutor();
              }

              void restartTimerInline() {
                if (timer != null) {
                  timer.shutdownNow();
                }
                timer = Executors.newSingleThreadScheduledExecutor();
              }

              void restartWithoutCancelling() {
                // BUG: Diagnostic contains: stored in field timer with no once-only guard
                timer = Executors.newSingleThreadScheduledExecutor();
              }

              void cancelledAfterwardsWhenStale(boolean stale) {
                // BUG: Diagnostic contains: stored in field timer with no once-only guard
                timer = Executors.newSingleThreadScheduledExecutor();
                if (stale) {
                  cancelTimer();
                }
              }

              private void cancelTimer() {
                if (timer != null) {
                  timer.shutdownNow();
                  timer = null;
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * A client kept in a map under a name, after the method shut down (itself, or by a method of the
   * class called first) what the map held, taken out into a local, is a replacement too: Yank's
   * {@code createPool(name, props)} first closes the pool of that name, then puts the new one. One
   * put with no release before it piles up, as does one released only after the put.
   */
  @Test
  void aClientKeptInAMapAfterItsPredecessorWasReleasedIsNoPileUp() {
    helper
        .addSourceLines(
            "Pools.java",
            """
            import java.util.Map;
            import java.util.concurrent.ConcurrentHashMap;
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.Executors;

            class Pools {
              private final Map<String, ExecutorService> pools = new ConcurrentHashMap<>();

              void create(String name, int size) {
                release(name);
                pools.put(name, Executors.newFixedThreadPool(size));
              }

              void recreate(String name, int size) {
                ExecutorService old = pools.get(name);
                if (old != null) {
                  old.shutdown();
                }
                ExecutorService pool = Executors.newFixedThreadPool(size);
                pools.put(name, pool);
              }

              void add(String name, int size) {
                // BUG: Diagnostic contains: and kept in pools
                pools.put(name, Executors.newFixedThreadPool(size));
              }

              void addThenRelease(String name, int size) {
                // BUG: Diagnostic contains: and kept in pools
                pools.put(name, Executors.newFixedThreadPool(size));
                release(name);
              }

              private void release(String name) {
                ExecutorService pool = pools.get(name);
                if (pool != null) {
                  pool.shutdown();
                }
              }

              void releaseAll() {
                for (ExecutorService pool : pools.values()) {
                  pool.shutdown();
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * A client stored in a field and shut down in a {@code finally} that runs after the store, itself
   * or through a method of the class, ends with the call that made it: one alive at a time (Flume's
   * exec source builds its flush timer at the top of each run of the command, and the run's {@code
   * finally} calls {@code kill()}, which shuts it down). A {@code finally} that releases something
   * else, or one that ran before the store, leaves it to pile up.
   */
  @Test
  void aClientShutDownInAFinallyAfterItIsStoredIsNoPileUp() {
    helper
        .addSourceLines(
            "Runner.java",
            """
            import java.util.concurrent.Executors;
            import java.util.concurrent.ScheduledExecutorService;

            class Runner implements Runnable {
              private ScheduledExecutorService flusher;
              private Process process;

              @Override
              public void run() {
                flusher = Executors.newSingleThreadScheduledExecutor();
                try {
                  process = new ProcessBuilder("tail", "-F", "log").start();
                  process.waitFor();
                } catch (Exception e) {
                  Thread.currentThread().interrupt();
                } finally {
                  kill();
                }
              }

              public void runInside() {
                try {
                  flusher = Executors.newSingleThreadScheduledExecutor();
                  process = new ProcessBuilder("tail", "-F", "log").start();
                } catch (Exception e) {
                  Thread.currentThread().interrupt();
                } finally {
                  flusher.shutdown();
                }
              }

              public void runAndDestroyOnly() {
                // BUG: Diagnostic contains: stored in field flusher with no once-only guard
                flusher = Executors.newSingleThreadScheduledExecutor();
                try {
                  process = new ProcessBuilder("tail", "-F", "log").start();
                } catch (Exception e) {
                  Thread.currentThread().interrupt();
                } finally {
                  process.destroy();
                }
              }

              int kill() {
                process.destroy();
                if (flusher != null) {
                  flusher.shutdown();
                }
                return 0;
              }
            }
            """)
        .doTest();
  }

  /**
   * A client stored in a field and shut down by a later statement of the method that stored it ends
   * with the call that made it, as in a {@code finally} (jgroups' {@code Probe.start(...)}, which
   * runs its requests on the pool it built and shuts it down before it returns, a holdout round's
   * finding). Not where the shutdown runs only under a condition, nor after a {@code return} that
   * may come first, nor after the loop whose every pass stores one.
   */
  @Test
  void aClientShutDownLaterInTheMethodThatStoredItIsNoPileUp() {
    helper
        .addSourceLines(
            "Probe.java",
            """
            import java.util.List;
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.Executors;
            import java.util.concurrent.TimeUnit;

            class Probe {
              private ExecutorService pool;

              void run(List<Runnable> requests) throws InterruptedException {
                pool = Executors.newCachedThreadPool();
                for (Runnable request : requests) {
                  pool.execute(request);
                }
                pool.shutdown();
                pool.awaitTermination(1, TimeUnit.SECONDS);
              }

              void probe(List<Runnable> requests, boolean last) {
                // BUG: Diagnostic contains: stored in field pool with no once-only guard
                pool = Executors.newCachedThreadPool();
                requests.forEach(pool::execute);
                if (last) {
                  pool.shutdown();
                }
              }

              void probeUnlessEmpty(List<Runnable> requests) {
                // BUG: Diagnostic contains: stored in field pool with no once-only guard
                pool = Executors.newCachedThreadPool();
                if (requests.isEmpty()) {
                  return;
                }
                requests.forEach(pool::execute);
                pool.shutdown();
              }

              void probeEach(List<Runnable> requests) {
                for (Runnable request : requests) {
                  // BUG: Diagnostic contains: stored in field pool with no once-only guard
                  pool = Executors.newCachedThreadPool();
                  pool.execute(request);
                }
                pool.shutdown();
              }
            }
            """)
        .doTest();
  }

  /**
   * A client stored in a field by one side of a pair of methods named as {@code LifecyclePairs}
   * pairs them, and released by the other, is owned by its object: sqlg's {@code registerListener}
   * builds two executors that {@code unregisterListener} shuts down (a holdout round's finding).
   * Not one released only by a method of another name, nor one the partner leaves running.
   */
  @Test
  void aClientReleasedByThePartnerOfTheMethodThatBuiltItIsOwnedByItsObject() {
    helper
        .addSourceLines(
            "Listeners.java",
            """
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.Executors;
            import java.util.concurrent.ScheduledExecutorService;

            class Notifications {
              private ExecutorService merger;
              private ScheduledExecutorService poller;

              void registerListener() {
                merger = Executors.newSingleThreadExecutor();
                poller = Executors.newSingleThreadScheduledExecutor();
              }

              void unregisterListener() {
                poller.shutdownNow();
                merger.shutdownNow();
              }
            }

            class ReleasedElsewhere {
              private ExecutorService merger;

              void registerHandler() {
                // BUG: Diagnostic contains: built on every call of registerHandler() and stored
                merger = Executors.newSingleThreadExecutor();
              }

              void close() {
                merger.shutdown();
              }
            }

            class PartnerLeavesItRunning {
              private ExecutorService merger;
              private Runnable listener;

              void subscribe(Runnable listener) {
                this.listener = listener;
                // BUG: Diagnostic contains: built on every call of subscribe() and stored
                merger = Executors.newSingleThreadExecutor();
              }

              void unsubscribe() {
                listener = null;
              }
            }
            """)
        .doTest();
  }

  /**
   * The same one call up: a private method that builds the client, called by a start method of a
   * class that shuts it down, and by a caller that shuts the old one down first (BeeCP's pool,
   * whose {@code startupInternal()} builds its scheduler, called by {@code start()} and by {@code
   * restart()} after {@code shutdownInternalThreads()}, a holdout round's finding). A caller that
   * does not shut it down first piles one up per call.
   */
  @Test
  void aPrivateBuilderWhoseCallersShutTheOldClientDownFirstIsNoPileUp() {
    helper
        .addSourceLines(
            "Pool.java",
            """
            import java.util.concurrent.Executors;
            import java.util.concurrent.ScheduledExecutorService;

            class Pool {
              private ScheduledExecutorService scheduler;

              public void start() {
                startup();
              }

              public void restart() {
                shutdownThreads();
                startup();
              }

              public void close() {
                shutdownThreads();
              }

              private void startup() {
                scheduler = Executors.newSingleThreadScheduledExecutor();
              }

              private void shutdownThreads() {
                if (scheduler != null) {
                  scheduler.shutdownNow();
                  scheduler = null;
                }
              }
            }
            """)
        .addSourceLines(
            "Reloading.java",
            """
            import java.util.concurrent.Executors;
            import java.util.concurrent.ScheduledExecutorService;

            class Reloading {
              private ScheduledExecutorService scheduler;

              public void start() {
                startup();
              }

              public void reload() {
                startup();
              }

              public void close() {
                scheduler.shutdownNow();
              }

              private void startup() {
                // BUG: Diagnostic contains: stored in field scheduler with no once-only guard
                scheduler = Executors.newSingleThreadScheduledExecutor();
              }
            }
            """)
        .doTest();
  }

  /**
   * A client derived from another ({@code new OkHttpClient().newBuilder()...build()}) shares its
   * pool and threads: returning the derived one hands both to the caller.
   */
  @Test
  void aClientDerivedFromAnotherCarriesItsFate() {
    helper
        .addSourceLines(
            "Test.java",
            """
            import okhttp3.OkHttpClient;
            import okhttp3.Request;

            class Test {
              static OkHttpClient newDefaultHttpClient() {
                OkHttpClient client = new OkHttpClient().newBuilder().build();
                return client;
              }

              void callOnce(Request request) {
                // BUG: Diagnostic contains: OkHttpClient built on every call of callOnce()
                new OkHttpClient().newBuilder().build().newCall(request);
              }
            }
            """)
        .doTest();
  }

  /**
   * A method that ends its object's life ({@code close()}, {@code destroy()}, {@code shutdown()})
   * runs once per object, as its constructor does: MariaDB's pool builds an executor in {@code
   * close()} to abort its connections, once per pool. A method of another name is called per call.
   */
  @Test
  void aMethodThatEndsItsObjectsLifeRunsOnce() {
    helper
        .addSourceLines(
            "Pool.java",
            """
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.Executors;

            class Pool {
              public void close() throws InterruptedException {
                ExecutorService destroyer = Executors.newFixedThreadPool(2);
                destroyer.execute(this::abortConnections);
                Thread.sleep(10);
                destroyer.shutdown();
              }

              public void evict() throws InterruptedException {
                // BUG: Diagnostic contains: built on every call of evict()
                ExecutorService evictor = Executors.newFixedThreadPool(2);
                evictor.execute(this::abortConnections);
                Thread.sleep(10);
                evictor.shutdown();
              }

              private void abortConnections() {}
            }
            """)
        .doTest();
  }

  @Test
  void atomicBooleanFlagIsAOnceOnlyGuard() {
    helper
        .addSourceLines(
            "Test.java",
            """
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.Executors;
            import java.util.concurrent.atomic.AtomicBoolean;

            class Test {
              private final AtomicBoolean started = new AtomicBoolean();
              private final AtomicBoolean running = new AtomicBoolean();

              void compareAndSet(Runnable loop) {
                if (!started.compareAndSet(false, true)) {
                  return;
                }
                Executors.newSingleThreadExecutor().execute(loop);
              }

              void compareAndSetBranch(Runnable loop) {
                if (started.compareAndSet(false, true)) {
                  Executors.newSingleThreadExecutor().execute(loop);
                }
              }

              void compareAndSetTheWrongWay(Runnable loop) {
                if (started.compareAndSet(false, true)) {
                  return;
                }
                // BUG: Diagnostic contains: built on every call of compareAndSetTheWrongWay() and never
                Executors.newSingleThreadExecutor().execute(loop);
              }

              void getThenSet(Runnable loop) {
                if (running.get()) {
                  return;
                }
                running.set(true);
                Executors.newSingleThreadExecutor().execute(loop);
              }

              void getNeverSet(Runnable loop) {
                if (running.get()) {
                  return;
                }
                // BUG: Diagnostic contains: built on every call of getNeverSet() and never
                Executors.newSingleThreadExecutor().execute(loop);
              }
            }
            """)
        .doTest();
  }

  @Test
  void mapFieldFilledOncePerKeyIsACache() {
    helper
        .addSourceLines(
            "Test.java",
            """
            import java.util.HashMap;
            import java.util.Map;
            import okhttp3.OkHttpClient;

            class Test {
              private static final Map<String, OkHttpClient> CLIENTS = new HashMap<>();

              void containsKey(String host) {
                if (!CLIENTS.containsKey(host)) {
                  CLIENTS.put(host, new OkHttpClient());
                }
              }

              void getIsNull(String host) {
                if (CLIENTS.get(host) == null) {
                  OkHttpClient client = new OkHttpClient();
                  CLIENTS.put(host, client);
                }
              }

              void earlyExit(String host) {
                if (CLIENTS.containsKey(host)) {
                  return;
                }
                CLIENTS.put(host, new OkHttpClient());
              }

              OkHttpClient computeIfAbsent(String host) {
                return CLIENTS.computeIfAbsent(
                    host,
                    h -> {
                      OkHttpClient client = new OkHttpClient();
                      return client;
                    });
              }

              void anotherKey(String host, String alias) {
                if (!CLIENTS.containsKey(host)) {
                  // BUG: Diagnostic contains: built on every call of anotherKey() and kept in CLIENTS
                  CLIENTS.put(alias, new OkHttpClient());
                }
              }

              void builtBeforeTheTest(String host) {
                // BUG: Diagnostic contains: built on every call of builtBeforeTheTest() and kept in
                OkHttpClient client = new OkHttpClient();
                if (!CLIENTS.containsKey(host)) {
                  CLIENTS.put(host, client);
                }
              }

              void putIfAbsent(String host) {
                // BUG: Diagnostic contains: built on every call of putIfAbsent() and kept in CLIENTS
                CLIENTS.putIfAbsent(host, new OkHttpClient());
              }

              void localMap(String host) {
                Map<String, OkHttpClient> clients = new HashMap<>();
                if (!clients.containsKey(host)) {
                  // BUG: Diagnostic contains: built on every call of localMap() and kept in clients
                  clients.put(host, new OkHttpClient());
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void privateMethodCalledOnlyFromRunOnceCodeRunsOnce() {
    helper
        .addSourceLines(
            "Test.java",
            """
            import okhttp3.OkHttpClient;

            class Test {
              static OkHttpClient shared;
              OkHttpClient client;

              static {
                initShared();
              }

              Test() {
                setUp();
              }

              Test(int unused) {
                perCallToo();
              }

              Test(String unused) {
                referenced();
              }

              @javax.annotation.PostConstruct
              void postConstruct() {
                configure();
              }

              private static void initShared() {
                shared = new OkHttpClient();
              }

              private void setUp() {
                client = new OkHttpClient();
              }

              private void configure() {
                buildClient();
              }

              private void buildClient() {
                client = new OkHttpClient();
              }

              void refresh() {
                perCallToo();
              }

              private void perCallToo() {
                // BUG: Diagnostic contains: built on every call of perCallToo() and stored in field
                client = new OkHttpClient();
              }

              Runnable task() {
                return this::referenced;
              }

              private void referenced() {
                // BUG: Diagnostic contains: built on every call of referenced() and stored in field
                client = new OkHttpClient();
              }

              // Nothing calls it: it never runs, and code nobody calls is deleted, not fixed.
              private void neverCalled() {
                client = new OkHttpClient();
              }
            }
            """)
        .doTest();
  }

  /**
   * A template method's steps are its lifecycle too: ActiveMQ's KahaDB store builds its executors
   * in {@code doStart()}, which its {@code ServiceSupport.start()} runs once behind a state check,
   * and shuts them down in {@code doStop()} (a holdout round's false finding); Tomcat's {@code
   * startInternal()} and {@code stopInternal()} the same. A step that is no start ({@code
   * doWork()}) still builds one per call.
   */
  @Test
  void aTemplateMethodsStartAndStopStepsAreItsLifecycle() {
    helper
        .addSourceLines(
            "Stores.java",
            """
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.Executors;

            class KahaStore {
              private ExecutorService queueExecutor;

              protected void doStart() {
                queueExecutor = Executors.newFixedThreadPool(2);
              }

              protected void doStop() {
                queueExecutor.shutdownNow();
                queueExecutor = null;
              }
            }

            class Valve {
              private ExecutorService executor;

              protected void startInternal() {
                executor = Executors.newSingleThreadExecutor();
              }

              protected void stopInternal() {
                executor.shutdown();
              }
            }

            class Worker {
              private ExecutorService executor;

              protected void doWork() {
                // BUG: Diagnostic contains: built on every call of doWork() and stored in field executor
                executor = Executors.newSingleThreadExecutor();
              }

              protected void doStop() {
                executor.shutdown();
              }
            }
            """)
        .doTest();
  }

  /**
   * A client built in a start method and released in another method of its class, an end method or
   * the stop that pairs with that start (JobRunr's lock-renewal timer, started when the lock is
   * taken and shut down when it is removed), is owned by its object; so is one kept in a field of a
   * superclass compiled with it, which releases it (JBatch's thread-pool services, which build the
   * pool in {@code init()} into their abstract base's field, whose {@code shutdown()} ends it). Not
   * one nothing releases, nor one a method that is no start builds.
   */
  @Test
  void clientBuiltAtStartAndReleasedAtEndIsOwnedByItsObject() {
    helper
        .addSourceLines(
            "Owners.java",
            """
            import com.aliyun.oss.OSS;
            import com.aliyun.oss.OSSClient;
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.Executors;
            import okhttp3.OkHttpClient;

            class Started {
              private ExecutorService pool;

              void start() {
                pool = Executors.newFixedThreadPool(2);
              }

              void stop() {
                pool.shutdown();
              }
            }

            abstract class PoolService {
              protected ExecutorService executor;

              public void shutdown() {
                executor.shutdownNow();
              }
            }

            class BoundedPoolService extends PoolService {
              public void init(int size) {
                executor = Executors.newFixedThreadPool(size);
              }
            }

            abstract class UnreleasedPoolService {
              protected ExecutorService executor;
            }

            class LeakingPoolService extends UnreleasedPoolService {
              public void init(int size) {
                // BUG: Diagnostic contains: built in init() and stored in field executor
                executor = Executors.newFixedThreadPool(size);
              }
            }

            class NotStopped {
              private ExecutorService pool;

              void start() {
                // BUG: Diagnostic contains: built in start() and stored in field pool
                pool = Executors.newFixedThreadPool(2);
              }

              void stop() {}
            }

            class StoppedByItsPair {
              private ExecutorService renewer;

              boolean lock() {
                startRenewing();
                return true;
              }

              private void startRenewing() {
                renewer = Executors.newSingleThreadScheduledExecutor();
              }

              void unlock() {
                renewer.shutdown();
              }
            }

            class Restarted {
              private ExecutorService pool;

              void restart() {
                // BUG: Diagnostic contains: built on every call of restart() and stored in field pool
                pool = Executors.newFixedThreadPool(2);
              }

              void stop() {
                pool.shutdown();
              }
            }

            class Opened {
              private OSS oss;

              public void open() {
                connect();
              }

              private void connect() {
                oss = new OSSClient("endpoint", "id", "secret");
              }

              public void close() {
                oss.shutdown();
              }
            }

            class Initialised {
              private OkHttpClient client;

              void init() {
                client = new OkHttpClient();
              }

              void destroy() {
                client.dispatcher().executorService().shutdown();
              }
            }

            class InitialisedAndLeftRunning {
              private OkHttpClient client;

              void init() {
                // BUG: Diagnostic contains: built in init() and stored in field client
                client = new OkHttpClient();
              }

              void destroy() {
                client.dispatcher();
              }
            }
            """)
        .doTest();
  }

  @Test
  void factoryReturnsTheClientItBuilt() {
    helper
        .addSourceLines(
            "ClientFactory.java",
            """
            import static java.util.concurrent.TimeUnit.SECONDS;

            import okhttp3.OkHttpClient;
            import retrofit2.Retrofit;

            class ClientFactory {
              static final class Holder {
                Holder(OkHttpClient client) {}

                void ping() {}
              }

              private long timeout;
              private boolean custom;

              OkHttpClient build() {
                OkHttpClient client = new OkHttpClient();
                if (custom) {
                  client = client.newBuilder().connectTimeout(timeout, SECONDS).build();
                }
                return client;
              }

              OkHttpClient buildEither() {
                OkHttpClient client;
                if (custom) {
                  client = new OkHttpClient.Builder().connectTimeout(timeout, SECONDS).build();
                } else {
                  client = new OkHttpClient();
                }
                return client;
              }

              Retrofit retrofit(String url) {
                OkHttpClient client = new OkHttpClient.Builder().connectTimeout(timeout, SECONDS).build();
                return new Retrofit.Builder().baseUrl(url).client(client).build();
              }

              Holder holder() {
                Holder holder = new Holder(new OkHttpClient());
                return holder;
              }

              Holder holderNotReturned() {
                // BUG: Diagnostic contains: OkHttpClient built on every call of holderNotReturned()
                Holder holder = new Holder(new OkHttpClient());
                holder.ping();
                return null;
              }

              String describe() {
                // BUG: Diagnostic contains: OkHttpClient built on every call of describe()
                return String.valueOf(new OkHttpClient());
              }
            }
            """)
        .doTest();
  }

  /** opencsv's executors: one per parse, shut down by their own complete() or on a failure. */
  @Test
  void aPoolThatShutsItselfDownWhenItsWorkEndsIsNoPileUp() {
    helper
        .addSourceLines(
            "Test.java",
            """
            import java.util.concurrent.LinkedBlockingQueue;
            import java.util.concurrent.ThreadPoolExecutor;
            import java.util.concurrent.TimeUnit;

            class Test {
              static class WorkPool extends ThreadPoolExecutor {
                WorkPool() {
                  super(2, 2, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
                }

                void complete() throws InterruptedException {
                  shutdown();
                  awaitTermination(1, TimeUnit.MINUTES);
                }
              }

              static class LinePool extends WorkPool {}

              static class ClosablePool extends ThreadPoolExecutor {
                ClosablePool() {
                  super(2, 2, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
                }

                public void close() {
                  shutdown();
                }

                void stopAll() {
                  shutdownNow();
                }
              }

              private WorkPool pool;

              void parse(Runnable line) throws InterruptedException {
                pool = new LinePool();
                pool.execute(line);
                pool.complete();
              }

              void run(Runnable task) {
                // BUG: Diagnostic contains: ClosablePool built on every call of run()
                ClosablePool pool = new ClosablePool();
                pool.execute(task);
              }
            }
            """)
        .doTest();
  }

  /**
   * A start method is known by its name, also one of several words ({@code startPolling}); and a
   * template hook that the superclass calls only from its start method starts the life too
   * (archaius's {@code FixedDelayPollingScheduler.schedule()}, called by {@code startPolling()}). A
   * hook the superclass also calls per poll, and a {@code restartPolling()}, may run per call.
   */
  @Test
  void aHookTheSuperclassCallsFromItsStartIsOwnedByItsObject() {
    helper
        .addSourceLines(
            "Polling.java",
            """
            import java.util.concurrent.Executors;
            import java.util.concurrent.ScheduledExecutorService;
            import java.util.concurrent.TimeUnit;

            abstract class Scheduler {
              public void startPolling(Runnable task) {
                schedule(task);
              }

              protected abstract void schedule(Runnable task);

              public abstract void stop();
            }

            class FixedDelay extends Scheduler {
              private ScheduledExecutorService executor;

              @Override
              protected synchronized void schedule(Runnable task) {
                executor = Executors.newScheduledThreadPool(1);
                executor.scheduleWithFixedDelay(task, 0, 1, TimeUnit.SECONDS);
              }

              @Override
              public void stop() {
                if (executor != null) {
                  executor.shutdown();
                  executor = null;
                }
              }
            }

            abstract class Poller {
              public void startPolling() {
                refresh();
              }

              public void poll() {
                refresh();
              }

              protected abstract void refresh();

              public abstract void stop();
            }

            class Refreshing extends Poller {
              private ScheduledExecutorService executor;

              @Override
              protected void refresh() {
                // BUG: Diagnostic contains: built on every call of refresh() and stored in field executor
                executor = Executors.newScheduledThreadPool(1);
              }

              @Override
              public void stop() {
                executor.shutdown();
              }
            }

            class Direct {
              private ScheduledExecutorService executor;

              public void startPolling() {
                executor = Executors.newScheduledThreadPool(1);
              }

              public void restartPolling() {
                // BUG: Diagnostic contains: built on every call of restartPolling() and stored in field executor
                executor = Executors.newScheduledThreadPool(1);
              }

              public void stop() {
                executor.shutdown();
              }
            }
            """)
        .doTest();
  }

  /**
   * A field's null test asked through the class's own helpers ({@code if (isStarted()) return;},
   * {@code isStarted()} returning {@code !isStopped()}), and standing at every call of the private
   * method that builds the client rather than in it (JobRunr's {@code BackgroundJobServer}): once
   * per start. The same private method called also from code without the test builds per call.
   */
  @Test
  void aNullTestThroughHelpersAtEveryCallIsAOnceOnlyGuard() {
    helper
        .addSourceLines(
            "Server.java",
            """
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.Executors;

            class Server {
              private ExecutorService pool;
              private ExecutorService workers;

              public void start() {
                synchronized (this) {
                  if (isStarted()) {
                    return;
                  }
                  startPool();
                  startWorkers();
                }
              }

              public void restart() {
                startWorkers();
              }

              boolean isStarted() {
                return !isStopped();
              }

              boolean isStopped() {
                synchronized (this) {
                  return pool == null;
                }
              }

              private void startPool() {
                pool = Executors.newFixedThreadPool(5);
              }

              private void startWorkers() {
                // BUG: Diagnostic contains: stored in field workers with no once-only guard
                workers = Executors.newFixedThreadPool(5);
              }
            }
            """)
        .doTest();
  }

  /**
   * A pool built in a shutdown hook (hprose's handlers swap each static pool for a fresh one and
   * shut the old one down, once, as the program ends): the JVM's {@code addShutdownHook}, through
   * the thread that carries the code, or a project's own {@code registerShutdownHandler}. The same
   * code handed to a registration of another kind may run on every event, and is reported.
   */
  @Test
  void aShutdownHookRunsOnce() {
    helper
        .addSourceLines(
            "Pools.java",
            """
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.Executors;

            class Pools {
              private static volatile ExecutorService pool = Executors.newCachedThreadPool();

              static {
                registerShutdownHandler(
                    new Runnable() {
                      @Override
                      public void run() {
                        ExecutorService old = pool;
                        pool = Executors.newCachedThreadPool();
                        old.shutdownNow();
                      }
                    });
                Runtime.getRuntime()
                    .addShutdownHook(
                        new Thread(
                            () -> {
                              ExecutorService old = pool;
                              pool = Executors.newCachedThreadPool();
                              old.shutdownNow();
                            }));
                registerListener(
                    () -> {
                      ExecutorService old = pool;
                      // BUG: Diagnostic contains: HeavyweightClientPerCall
                      pool = Executors.newCachedThreadPool();
                      old.shutdownNow();
                    });
              }

              static void registerShutdownHandler(Runnable handler) {}

              static void registerListener(Runnable listener) {}
            }
            """)
        .doTest();
  }
}
