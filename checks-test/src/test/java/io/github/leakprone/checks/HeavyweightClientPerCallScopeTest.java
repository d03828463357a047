package io.github.leakprone.checks;

import static io.github.leakprone.checks.ClientStubs.exactly;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * Where a client is built (per call, or once) and what becomes of it (returned, kept once, kept per
 * call, released): each shape that is not a finding sits next to a finding that differs from it
 * minimally. Every fate clause of the message is asserted exactly once here.
 */
final class HeavyweightClientPerCallScopeTest {

  private static final String OKHTTP_WHY =
      ": each instance has its own connection pool and dispatcher threads; build one and share it"
          + " (derive per-call settings with shared.newBuilder())";

  private final CompilationTestHelper helper = ClientStubs.compilation(getClass());

  /**
   * A private method nothing calls never runs: code nobody calls is deleted, not fixed. Nor do the
   * private methods only it calls. One that something calls, runs.
   */
  @Test
  void aPrivateMethodNothingCallsNeverRuns() {
    helper
        .addSourceLines(
            "Clients.java",
            """
            import okhttp3.OkHttpClient;
            import okhttp3.Request;

            class Clients {
              private String leftBehind(Request request) throws Exception {
                return fetch(request);
              }

              private String fetch(Request request) throws Exception {
                return new OkHttpClient().newCall(request).execute().toString();
              }

              private String used(Request request) throws Exception {
                // BUG: Diagnostic contains: built on every call of used()
                return new OkHttpClient().newCall(request).execute().toString();
              }

              String get(Request request) throws Exception {
                return used(request);
              }
            }
            """)
        .doTest();
  }

  @Test
  void initialisersAndConstructorsRunOnce() {
    helper
        .addSourceLines(
            "Test.java",
            """
            import okhttp3.OkHttpClient;

            class Test {
              static final OkHttpClient STATIC_FIELD = new OkHttpClient();
              static OkHttpClient staticBlock;

              static {
                staticBlock = new OkHttpClient();
              }

              final OkHttpClient instanceField = new OkHttpClient();
              OkHttpClient instanceBlock;

              {
                instanceBlock = new OkHttpClient();
              }

              OkHttpClient constructed;

              Test() {
                constructed = new OkHttpClient();
              }

              Test(boolean unused) {
                this();
              }

              static OkHttpClient staticMethod;
              OkHttpClient method;

              static void initStatic() {
                // BUG: Diagnostic contains: built on every call of initStatic() and stored in field
                staticMethod = new OkHttpClient();
              }

              void init() {
                // BUG: Diagnostic contains: built in init() and stored in field method
                method = new OkHttpClient();
              }
            }
            """)
        .doTest();
  }

  /**
   * A setter that the class's constructors use as their initialiser (audit4j's, after Spring's,
   * {@code ConcurrentTaskExecutor() { setConcurrentExecutor(null); }}, which builds the default
   * executor when given none) runs once per object, as they do: other code calls a setter to
   * configure the object again, not per request. A setter also called from another method, or a
   * method that is no setter, is judged as any method.
   */
  @Test
  void aSetterTheConstructorsUseAsTheirInitialiserRunsOnce() {
    helper
        .addSourceLines(
            "Tasks.java",
            """
            import java.util.concurrent.Executor;
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.Executors;

            class Tasks {
              private Executor executor;
              private ExecutorService pool;
              private ExecutorService workers;

              Tasks() {
                setExecutor(null);
                restart();
              }

              Tasks(Executor executor) {
                setExecutor(executor);
              }

              public final void setExecutor(Executor executor) {
                this.executor = executor != null ? executor : Executors.newSingleThreadExecutor();
              }

              public void restart() {
                // BUG: Diagnostic contains: built on every call of restart() and stored in field pool
                pool = Executors.newCachedThreadPool();
              }

              public void setWorkers(int count) {
                // BUG: Diagnostic contains: built on every call of setWorkers() and stored in field workers
                workers = Executors.newFixedThreadPool(count);
              }

              void resize(int count) {
                setWorkers(count);
              }
            }
            """)
        .doTest();
  }

  /**
   * A method named as one that starts its object's service life may run once per object (Knox's
   * token service, whose {@code start()} leaves one idle thread per gateway) or per request: the
   * message says where the client is built, not "on every call", which a maintainer reads as per
   * request. A static one, or any other method, keeps "on every call".
   */
  @Test
  void aServiceStartIsWhereTheClientIsBuiltNotEveryCall() {
    helper
        .addSourceLines(
            "TokenService.java",
            """
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.Executors;

            class TokenService {
              public void start() {
                // BUG: Diagnostic matches: inStart
                ExecutorService loader = Executors.newSingleThreadExecutor();
                loader.submit(() -> {});
              }

              public void refresh() {
                // BUG: Diagnostic matches: onEveryCall
                ExecutorService loader = Executors.newSingleThreadExecutor();
                loader.submit(() -> {});
              }
            }
            """)
        .expectErrorMessage(
            "inStart",
            message ->
                message.contains("ExecutorService built in start() and never released")
                    && !message.contains("every call"))
        .expectErrorMessage(
            "onEveryCall",
            message -> message.contains("built on every call of refresh() and never released"))
        .doTest();
  }

  @Test
  void mainRunsOnce() {
    helper
        .addSourceLines(
            "Main.java",
            """
            import okhttp3.OkHttpClient;
            import okhttp3.Request;

            class Main {
              public static void main(String[] args) {
                new OkHttpClient().newCall(new Request());
              }

              public static void start(String[] args) {
                // BUG: Diagnostic contains: OkHttpClient built on every call of start()
                new OkHttpClient().newCall(new Request());
              }

              static class Varargs {
                public static void main(String... args) {
                  new OkHttpClient().newCall(new Request());
                }

                public static void main(String arg) {
                  // BUG: Diagnostic contains: OkHttpClient built on every call of main()
                  new OkHttpClient().newCall(new Request());
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void containerAndTestLifecycleMethodsRunOnce() {
    helper
        .addSourceLines(
            "Test.java",
            """
            import okhttp3.OkHttpClient;
            import okhttp3.Request;
            import org.junit.jupiter.api.AfterAll;
            import org.junit.jupiter.api.AfterEach;
            import org.junit.jupiter.api.BeforeAll;
            import org.junit.jupiter.api.BeforeEach;
            import org.junit.jupiter.params.ParameterizedTest;

            class Test {
              // A run-once name, but on the return type: no container sees it on the method.
              @java.lang.annotation.Target(java.lang.annotation.ElementType.TYPE_USE)
              @interface BeforeClass {}

              OkHttpClient client;

              @javax.annotation.PostConstruct
              void javaxPostConstruct() {
                client = new OkHttpClient();
              }

              @jakarta.annotation.PostConstruct
              void jakartaPostConstruct() {
                client = new OkHttpClient();
              }

              @org.springframework.context.annotation.Bean
              void springBean() {
                client = new OkHttpClient();
              }

              @com.google.inject.Provides
              void guiceProvides() {
                client = new OkHttpClient();
              }

              @jakarta.enterprise.inject.Produces
              void cdiProduces() {
                client = new OkHttpClient();
              }

              @org.junit.jupiter.api.Test
              void test() {
                new OkHttpClient().newCall(new Request());
              }

              @ParameterizedTest
              void parameterizedTest() {
                new OkHttpClient().newCall(new Request());
              }

              @BeforeEach
              void beforeEach() {
                new OkHttpClient().newCall(new Request());
              }

              @BeforeAll
              static void beforeAll() {
                new OkHttpClient().newCall(new Request());
              }

              @AfterEach
              void afterEach() {
                new OkHttpClient().newCall(new Request());
              }

              @AfterAll
              static void afterAll() {
                new OkHttpClient().newCall(new Request());
              }

              @BeforeClass
              String typeUseAnnotation() {
                // BUG: Diagnostic contains: OkHttpClient built on every call of typeUseAnnotation()
                new OkHttpClient().newCall(new Request());
                return "";
              }

              @Deprecated
              void otherAnnotation() {
                // BUG: Diagnostic contains: OkHttpClient built on every call of otherAnnotation()
                new OkHttpClient().newCall(new Request());
              }

              void unannotated() {
                // BUG: Diagnostic contains: built on every call of unannotated() and stored in field
                client = new OkHttpClient();
              }
            }
            """)
        .doTest();
  }

  @Test
  void returnedToTheCaller() {
    helper
        .addSourceLines(
            "Test.java",
            """
            import okhttp3.OkHttpClient;
            import okhttp3.Request;

            class Test {
              OkHttpClient factory() {
                return new OkHttpClient();
              }

              OkHttpClient factoryViaLocal(long timeout) {
                OkHttpClient client =
                    new OkHttpClient.Builder()
                        .connectTimeout(timeout, java.util.concurrent.TimeUnit.SECONDS)
                        .build();
                return client;
              }

              OkHttpClient factoryOrShared(OkHttpClient shared, boolean fresh) {
                return fresh ? new OkHttpClient() : shared;
              }

              @org.springframework.context.annotation.Bean
              OkHttpClient springBean() {
                return new OkHttpClient();
              }

              Object notAFactory(Request request) {
                // BUG: Diagnostic contains: OkHttpClient built on every call of notAFactory()
                return new OkHttpClient().newCall(request);
              }
            }
            """)
        .doTest();
  }

  @Test
  void lambdaWhoseBodyIsTheCreation() {
    helper
        .addSourceLines(
            "Test.java",
            """
            import com.alibaba.fastjson.JSON;
            import com.alibaba.fastjson.serializer.SerializeConfig;
            import java.util.Map;
            import java.util.concurrent.ConcurrentHashMap;
            import java.util.function.Supplier;
            import okhttp3.OkHttpClient;

            class Test {
              static final ThreadLocal<SerializeConfig> CONFIG =
                  ThreadLocal.withInitial(() -> new SerializeConfig());
              private final Map<String, OkHttpClient> clients = new ConcurrentHashMap<>();

              OkHttpClient clientFor(String host) {
                return clients.computeIfAbsent(host, h -> new OkHttpClient());
              }

              Supplier<OkHttpClient> supplier() {
                return () -> {
                  return new OkHttpClient();
                };
              }

              String toJson(Object bean) {
                return JSON.toJSONString(bean, CONFIG.get());
              }

              Supplier<String> toJsonLater(Object bean) {
                // BUG: Diagnostic contains: SerializeConfig built on every call of a lambda in toJsonLater()
                return () -> JSON.toJSONString(bean, new SerializeConfig());
              }
            }
            """)
        .doTest();
  }

  @Test
  void lazyInitialisationGuardedByANullCheck() {
    helper
        .addSourceLines(
            "Test.java",
            """
            import okhttp3.OkHttpClient;

            class Test {
              private OkHttpClient lazy;
              private volatile OkHttpClient doubleChecked;
              private OkHttpClient early;
              private OkHttpClient ternary;
              private OkHttpClient negated;
              private OkHttpClient expiring;
              private OkHttpClient replaced;
              private OkHttpClient unguarded;

              OkHttpClient lazy() {
                if (lazy == null) {
                  lazy = new OkHttpClient();
                }
                return lazy;
              }

              OkHttpClient doubleChecked() {
                if (doubleChecked == null) {
                  synchronized (this) {
                    if (null == this.doubleChecked) {
                      this.doubleChecked = new OkHttpClient();
                    }
                  }
                }
                return doubleChecked;
              }

              OkHttpClient early() {
                if (early != null) {
                  return early;
                }
                early = new OkHttpClient();
                return early;
              }

              OkHttpClient ternary() {
                ternary = ternary == null ? new OkHttpClient() : ternary;
                return ternary;
              }

              OkHttpClient negated() {
                if (!(negated != null)) {
                  negated = new OkHttpClient();
                }
                return negated;
              }

              OkHttpClient expiring(boolean expired) {
                if (expiring == null || expired) {
                  expiring = new OkHttpClient();
                }
                return expiring;
              }

              OkHttpClient replaced() {
                if (replaced != null) {
                  replaced.newCall(null);
                }
                // BUG: Diagnostic contains: stored in field replaced with no once-only guard
                replaced = new OkHttpClient();
                return replaced;
              }

              OkHttpClient unguarded() {
                // BUG: Diagnostic matches: UNGUARDED
                unguarded = new OkHttpClient();
                return unguarded;
              }
            }
            """)
        .expectErrorMessage(
            "UNGUARDED",
            exactly(
                "OkHttpClient built on every call of unguarded() and stored in field unguarded with"
                    + " no once-only guard"
                    + OKHTTP_WHY))
        .doTest();
  }

  /**
   * An early exit guards the store when no path through it goes on: a branch that returns either
   * way counts, as Error Prone's reachability says, not only a block that ends in {@code return}.
   */
  @Test
  void earlyExitThatReturnsOnEveryBranchIsAGuard() {
    helper
        .addSourceLines(
            "Test.java",
            """
            import okhttp3.OkHttpClient;

            class Test {
              private OkHttpClient client;
              private boolean verbose;

              OkHttpClient branchingReturn() {
                if (client != null) {
                  if (verbose) {
                    System.out.println("cached client");
                    return client;
                  } else {
                    return client;
                  }
                }
                client = new OkHttpClient();
                return client;
              }

              OkHttpClient branchThatFallsThrough() {
                if (client != null) {
                  if (verbose) {
                    return client;
                  }
                }
                // BUG: Diagnostic contains: stored in field client with no once-only guard
                client = new OkHttpClient();
                return client;
              }
            }
            """)
        .doTest();
  }

  @Test
  void guardOnTheOtherBranchIsNoGuard() {
    helper
        .addSourceLines(
            "Test.java",
            """
            import okhttp3.OkHttpClient;

            class Test {
              private OkHttpClient client;

              OkHttpClient whenNull() {
                if (client == null) {
                  client = new OkHttpClient();
                } else {
                  client.newCall(null);
                }
                return client;
              }

              OkHttpClient whenNotNull() {
                if (client != null) {
                  // BUG: Diagnostic contains: stored in field client with no once-only guard
                  client = new OkHttpClient();
                } else {
                  client.newCall(null);
                }
                return client;
              }

              OkHttpClient elseWhenNull() {
                if (client != null) {
                  client.newCall(null);
                } else {
                  client = new OkHttpClient();
                }
                return client;
              }

              OkHttpClient earlyReturnThatFallsThrough() {
                if (client != null) {
                  client.newCall(null);
                }
                // BUG: Diagnostic contains: stored in field client with no once-only guard
                client = new OkHttpClient();
                return client;
              }
            }
            """)
        .doTest();
  }

  @Test
  void clientDerivedFromASharedOne() {
    helper
        .addSourceLines(
            "Test.java",
            """
            import static java.util.concurrent.TimeUnit.SECONDS;

            import okhttp3.OkHttpClient;
            import okhttp3.Request;

            class Test {
              private final OkHttpClient shared = new OkHttpClient();
              private final OkHttpClient.Builder sharedBuilder = new OkHttpClient.Builder();

              Object derived(Request request, long timeout) {
                return shared.newBuilder().readTimeout(timeout, SECONDS).build().newCall(request);
              }

              Object fromParameter(Request request, OkHttpClient.Builder builder) {
                return builder.build().newCall(request);
              }

              Object fromField(Request request) {
                return sharedBuilder.build().newCall(request);
              }

              Object fromLocal(Request request) {
                OkHttpClient.Builder builder = new OkHttpClient.Builder();
                // BUG: Diagnostic contains: OkHttpClient built on every call of fromLocal()
                return builder.build().newCall(request);
              }

              Object fresh(Request request, long timeout) {
                // BUG: Diagnostic contains: OkHttpClient built on every call of fresh()
                return new OkHttpClient.Builder().readTimeout(timeout, SECONDS).build().newCall(request);
              }
            }
            """)
        .doTest();
  }

  @Test
  void decoratorReleasedInFinallyReleasesThePool() {
    helper
        .addSourceLines(
            "Test.java",
            """
            import com.google.common.util.concurrent.ListeningExecutorService;
            import com.google.common.util.concurrent.MoreExecutors;
            import java.util.concurrent.Executors;

            class Test {
              void released(Runnable task) {
                ListeningExecutorService pool =
                    MoreExecutors.listeningDecorator(Executors.newFixedThreadPool(2));
                try {
                  pool.submit(task);
                } finally {
                  pool.shutdown();
                }
              }

              void leaked(Runnable task) {
                ListeningExecutorService pool =
                    // BUG: Diagnostic contains: ExecutorService built on every call of leaked() and never
                    MoreExecutors.listeningDecorator(Executors.newFixedThreadPool(2));
                pool.submit(task);
              }
            }
            """)
        .doTest();
  }

  @Test
  void incident000RetrofitMapKeepsEveryClient() {
    helper
        .addSourceLines(
            "RetrofitApiHttpGenerator.java",
            """
            import java.util.HashMap;
            import java.util.Map;
            import java.util.concurrent.TimeUnit;
            import okhttp3.OkHttpClient;
            import retrofit2.Retrofit;

            public class RetrofitApiHttpGenerator {
              private static final Map<OkHttpClient, Retrofit> retrofitMap = new HashMap<>();

              public static <T> T generateApi(Class<T> api, String url, long timeout) {
                OkHttpClient client =
                    // BUG: Diagnostic matches: OKHTTP
                    new OkHttpClient.Builder().connectTimeout(timeout, TimeUnit.SECONDS).build();
                // BUG: Diagnostic contains: Retrofit built on every call of generateApi() and kept in
                // retrofitMap
                Retrofit retrofit = new Retrofit.Builder().baseUrl(url).client(client).build();
                retrofitMap.put(client, retrofit);
                return retrofit.create(api);
              }
            }
            """)
        .expectErrorMessage(
            "OKHTTP",
            exactly(
                "OkHttpClient built on every call of generateApi() and kept in retrofitMap"
                    + OKHTTP_WHY))
        .doTest();
  }

  @Test
  void keptInACollectionOrAFieldOnEveryCall() {
    helper
        .addSourceLines(
            "Test.java",
            """
            import java.util.ArrayList;
            import java.util.List;
            import okhttp3.OkHttpClient;

            class Test {
              private final List<OkHttpClient> clients = new ArrayList<>();
              private OkHttpClient client;

              void add() {
                // BUG: Diagnostic contains: OkHttpClient built on every call of add() and kept in clients
                clients.add(new OkHttpClient());
              }

              void addLocal() {
                // BUG: Diagnostic contains: built on every call of addLocal() and kept in this.clients
                OkHttpClient local = new OkHttpClient();
                this.clients.add(local);
              }

              void store() {
                // BUG: Diagnostic contains: built on every call of store() and stored in field client
                this.client = new OkHttpClient();
              }

              void storeEither(OkHttpClient other, boolean fresh) {
                // BUG: Diagnostic contains: built on every call of storeEither() and stored in field client
                client = fresh ? new OkHttpClient() : other;
              }
            }
            """)
        .doTest();
  }

  @Test
  void lambdasAndInnerClassMethodsRunPerCall() {
    helper
        .addSourceLines(
            "Test.java",
            """
            import java.util.List;
            import java.util.concurrent.ExecutorService;
            import okhttp3.OkHttpClient;
            import okhttp3.Request;

            class Test {
              static final Runnable FIELD_LAMBDA =
                  // BUG: Diagnostic contains: OkHttpClient built on every call of a lambda: each
                  () -> new OkHttpClient().newCall(new Request());

              // A task run once where it is made is its maker's code (Tasks.oneShotTask).
              void send(ExecutorService executor, Request request) {
                // BUG: Diagnostic matches: LAMBDA
                executor.execute(() -> new OkHttpClient().newCall(request));
              }

              void sendEach(List<Request> requests) {
                requests.forEach(
                    request -> {
                      // BUG: Diagnostic contains: built on every call of a lambda in sendEach()
                      new OkHttpClient().newCall(request);
                    });
              }

              void sendAnonymous(Request request) {
                new Thread(
                        new Runnable() {
                          @Override
                          public void run() {
                            // BUG: Diagnostic contains: OkHttpClient built on every call of sendAnonymous()
                            new OkHttpClient().newCall(request);
                          }
                        })
                    .start();
              }

              void sendAnonymousLater(ExecutorService executor, Request request) {
                Runnable task =
                    new Runnable() {
                      @Override
                      public void run() {
                        // BUG: Diagnostic contains: OkHttpClient built on every call of run()
                        new OkHttpClient().newCall(request);
                      }
                    };
                executor.execute(task);
              }

              void sendLocal(Request request) {
                class Sender {
                  void go() {
                    // BUG: Diagnostic contains: OkHttpClient built on every call of go()
                    new OkHttpClient().newCall(request);
                  }
                }
                new Sender().go();
              }
            }
            """)
        .expectErrorMessage(
            "LAMBDA", exactly("OkHttpClient built on every call of send()" + OKHTTP_WHY))
        .doTest();
  }

  @Test
  void releasedOnEveryPath() {
    helper
        .addSourceLines(
            "Test.java",
            """
            import com.aliyun.oss.OSSClient;
            import com.google.common.util.concurrent.MoreExecutors;
            import java.io.IOException;
            import java.io.InputStream;
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.Executors;
            import java.util.concurrent.TimeUnit;
            import org.apache.commons.io.IOUtils;
            import org.apache.http.impl.client.CloseableHttpClient;
            import org.apache.http.impl.client.HttpClients;

            class Test {
              Object tryWithResources(Object request) throws IOException {
                try (CloseableHttpClient client = HttpClients.createDefault()) {
                  return client.execute(request);
                }
              }

              Object tryWithExistingResource(Object request) throws IOException {
                CloseableHttpClient client = HttpClients.createDefault();
                try (client) {
                  return client.execute(request);
                }
              }

              void finallyBlock(Runnable task) {
                ExecutorService pool = Executors.newFixedThreadPool(2);
                try {
                  pool.execute(task);
                } finally {
                  pool.shutdownNow();
                }
              }

              void finallyWithNullCheck(String endpoint, InputStream input) {
                OSSClient client = null;
                try {
                  client = new OSSClient(endpoint, "id", "secret");
                  client.putObject("bucket", "key", input);
                } finally {
                  if (client != null) {
                    client.shutdown();
                  }
                }
              }

              Object helperInFinally(Object request) throws IOException {
                CloseableHttpClient client = HttpClients.createDefault();
                try {
                  return client.execute(request);
                } finally {
                  IOUtils.closeQuietly(client);
                }
              }

              void guavaHelperInFinally(Runnable task) {
                ExecutorService pool = Executors.newFixedThreadPool(2);
                try {
                  pool.execute(task);
                } finally {
                  MoreExecutors.shutdownAndAwaitTermination(pool, 1, TimeUnit.SECONDS);
                }
              }

              Object helperOnNormalPath(Object request) throws IOException {
                // BUG: Diagnostic contains: not released with close() when `client.execute(...)` at line 68 throws
                CloseableHttpClient client = HttpClients.createDefault();
                Object response = client.execute(request);
                IOUtils.closeQuietly(client);
                return response;
              }

              void releasedBeforeItIsBuilt(Runnable task) {
                ExecutorService pool = null;
                try {
                  task.run();
                } finally {
                  if (pool != null) {
                    pool.shutdown();
                  }
                }
                // BUG: Diagnostic contains: built on every call of releasedBeforeItIsBuilt() and never released
                pool = Executors.newFixedThreadPool(2);
                pool.execute(task);
              }
            }
            """)
        .doTest();
  }

  @Test
  void releasedOnlyOnTheNormalPath() {
    helper
        .addSourceLines(
            "Test.java",
            """
            import java.util.List;
            import java.util.concurrent.Callable;
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.Executors;

            class Test {
              void run(List<Callable<Void>> tasks) throws InterruptedException {
                // BUG: Diagnostic matches: NORMAL_PATH
                ExecutorService pool = Executors.newFixedThreadPool(2);
                pool.invokeAll(tasks);
                pool.shutdown();
              }

              void onlyAnUncheckedExceptionSkipsTheRelease(Runnable task) {
                ExecutorService pool = Executors.newFixedThreadPool(2);
                pool.execute(task);
                pool.shutdown();
              }
            }
            """)
        .expectErrorMessage(
            "NORMAL_PATH",
            exactly(
                "ExecutorService built on every call of run() and not released with shutdown() when"
                    + " `pool.invokeAll(...)` at line 10 throws: each pool starts its own threads,"
                    + " which stay alive until shutdown(); share one pool, or call shutdown() in a"
                    + " finally block"))
        .doTest();
  }

  /**
   * A pool of {@code java.util.concurrent} starts its first thread when it is first given a task:
   * lost before that, it held none (Jolokia's discovery, whose per-call pool is lost only if the
   * multicast group's lookup fails before the first task). Lost after a task, its threads live on,
   * also where the task is given below the line of the loss, in an earlier pass of a loop
   * (ttorrent's hashing pool, lost when the next file fails to open).
   */
  @Test
  void aPoolLostBeforeItsFirstTaskHoldsNoThread() {
    helper
        .addSourceLines(
            "Discovery.java",
            """
            import java.io.File;
            import java.io.FileInputStream;
            import java.io.IOException;
            import java.net.InetAddress;
            import java.net.UnknownHostException;
            import java.util.ArrayList;
            import java.util.List;
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.Executors;
            import java.util.concurrent.Future;
            import java.util.concurrent.LinkedBlockingQueue;
            import java.util.concurrent.ThreadPoolExecutor;
            import java.util.concurrent.TimeUnit;

            class Discovery {
              List<Future<String>> send(List<String> hosts, String group) throws UnknownHostException {
                ExecutorService executor = Executors.newFixedThreadPool(hosts.size());
                InetAddress target = InetAddress.getByName(group);
                List<Future<String>> futures = new ArrayList<>();
                for (String host : hosts) {
                  futures.add(executor.submit(() -> host + target));
                }
                executor.shutdownNow();
                return futures;
              }

              Future<String> sendAfterAWarmUp(String group) throws UnknownHostException {
                // BUG: Diagnostic contains: not released with shutdown() when `InetAddress.getByName(...)` at line 31 throws
                ExecutorService executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
                executor.submit(() -> "warm-up");
                InetAddress target = InetAddress.getByName(group);
                Future<String> sent = executor.submit(() -> target.getHostName());
                executor.shutdown();
                return sent;
              }

              List<Future<String>> hashFiles(List<File> files) throws IOException {
                // BUG: Diagnostic contains: not released with shutdown() when `new FileInputStream(...)` at line 42 throws
                ExecutorService executor = Executors.newFixedThreadPool(4);
                List<Future<String>> results = new ArrayList<>();
                for (File file : files) {
                  FileInputStream in = new FileInputStream(file);
                  try {
                    results.add(executor.submit(() -> file.getName()));
                  } finally {
                    in.close();
                  }
                }
                executor.shutdown();
                return results;
              }
            }
            """)
        .doTest();
  }

  /**
   * With {@code UncheckedExceptionPaths=true}, a path that only an unchecked exception takes is a
   * finding too: {@code execute} throws RejectedExecutionException without declaring it.
   */
  @Test
  void uncheckedExceptionPathsWhenAskedFor() {
    ClientStubs.compilation(getClass())
        .setArgs("-XepOpt:HeavyweightClientPerCall:UncheckedExceptionPaths=true")
        .addSourceLines(
            "Test.java",
            """
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.Executors;

            class Test {
              void run(Runnable task) {
                // BUG: Diagnostic contains: when `pool.execute(...)` at line 8 throws
                ExecutorService pool = Executors.newFixedThreadPool(2);
                pool.execute(task);
                pool.shutdown();
              }
            }
            """)
        .doTest();
  }

  @Test
  void incident002OssClientNeverReleased() {
    helper
        .addSourceLines(
            "OssUploader.java",
            """
            import com.aliyun.oss.OSSClient;
            import java.io.InputStream;

            public class OssUploader {
              private final String endpoint = "https://oss-cn-hangzhou.aliyuncs.com";
              private final String accessKeyId = "id";
              private final String accessKeySecret = "secret";
              private final String bucket = "bucket";

              public void upload(String key, InputStream input) {
                // BUG: Diagnostic matches: NEVER_RELEASED
                OSSClient ossClient = new OSSClient(endpoint, accessKeyId, accessKeySecret);
                ossClient.putObject(bucket, key, input);
              }
            }
            """)
        .expectErrorMessage(
            "NEVER_RELEASED",
            exactly(
                "OSSClient built on every call of upload() and never released with shutdown(): each"
                    + " instance registers its connection pool with the static IdleConnectionReaper"
                    + " thread, which holds it until shutdown(); share one client, or call shutdown()"
                    + " in a finally block"))
        .doTest();
  }

  @Test
  void incident001SerializeConfigPerCall() {
    helper
        .addSourceLines(
            "Util.java",
            """
            import com.alibaba.fastjson.JSON;
            import com.alibaba.fastjson.PropertyNamingStrategy;
            import com.alibaba.fastjson.serializer.SerializeConfig;

            class Util {
              public static String buildData(Object bean) {
                try {
                  // BUG: Diagnostic matches: SHARE
                  SerializeConfig CONFIG = new SerializeConfig();
                  CONFIG.propertyNamingStrategy = PropertyNamingStrategy.SnakeCase;
                  return JSON.toJSONString(bean, CONFIG);
                } catch (Exception e) {
                  return null;
                }
              }
            }
            """)
        .expectErrorMessage(
            "SHARE",
            exactly(
                "SerializeConfig built on every call of buildData(): each instance generates its"
                    + " own ASM serializer classes, which stay in Metaspace; keep one in a static"
                    + " final field"))
        .doTest();
  }

  @Test
  void suppressible() {
    helper
        .addSourceLines(
            "Test.java",
            """
            import com.google.gson.Gson;
            import org.springframework.web.bind.annotation.GetMapping;

            class Test {
              @SuppressWarnings("HeavyweightClientPerCall")
              @GetMapping
              String suppressed(Object value) {
                return new Gson().toJson(value);
              }

              @GetMapping
              String reported(Object value) {
                // BUG: Diagnostic contains: Gson built on every call of reported()
                return new Gson().toJson(value);
              }
            }
            """)
        .doTest();
  }

  @Test
  void aPoolBuiltOnlyWhenNoneIsGivenIsShutDownBehindItsFlag() {
    helper
        .addSourceLines(
            "Uploader.java",
            """
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.Executors;

            class Uploader {
              private ExecutorService configured;

              void upload(Runnable part) {
                ExecutorService pool = configured;
                boolean ownPool = false;
                if (pool == null) {
                  ownPool = true;
                  pool = Executors.newFixedThreadPool(4);
                }
                try {
                  pool.execute(part);
                } finally {
                  if (ownPool) {
                    pool.shutdown();
                  }
                }
              }

              void uploadForgettingItsOwn(Runnable part) {
                ExecutorService pool = configured;
                boolean ownPool = false;
                if (pool == null) {
                  // BUG: Diagnostic contains: ExecutorService built on every call of uploadForgettingItsOwn() and never released
                  pool = Executors.newFixedThreadPool(4);
                }
                try {
                  pool.execute(part);
                } finally {
                  if (ownPool) {
                    pool.shutdown();
                  }
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void aFieldThatOnlyRemembersWhatTheReturnedObjectOwns() {
    helper
        .addSourceLines(
            "Archive.java",
            """
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.Executors;

            class Archive {
              private ExecutorService executor;

              static final class Task {
                private final ExecutorService executor;

                Task(ExecutorService executor) {
                  this.executor = executor;
                }

                void run(Runnable work) {
                  executor.execute(work);
                  executor.shutdown();
                }
              }

              Task newTask() {
                executor = Executors.newSingleThreadExecutor();
                return new Task(executor);
              }

              void startTask(Runnable work) {
                // BUG: Diagnostic contains: ExecutorService built in startTask() and stored in field executor
                executor = Executors.newSingleThreadExecutor();
                executor.execute(work);
              }
            }
            """)
        .doTest();
  }
}
