package io.github.leakprone.checks;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * Every entry of the built-in catalog: each way of building the client is flagged in a method, and
 * not flagged when it differs only in what the catalog requires (shared once, or released on every
 * path) or in being no creation at all (a client derived from a shared one).
 */
final class HeavyweightClientPerCallCatalogTest {

  private final CompilationTestHelper helper = ClientStubs.compilation(getClass());

  @Test
  void okHttpClientConstructor() {
    helper
        .addSourceLines(
            "Test.java",
            """
            import java.io.IOException;
            import okhttp3.OkHttpClient;
            import okhttp3.Request;

            class Test {
              private static final OkHttpClient SHARED = new OkHttpClient();

              Object sendShared(Request request) throws IOException {
                return SHARED.newCall(request).execute();
              }

              Object send(Request request) throws IOException {
                // BUG: Diagnostic contains: OkHttpClient built on every call of send(): each instance
                return new OkHttpClient().newCall(request).execute();
              }
            }
            """)
        .doTest();
  }

  @Test
  void okHttpClientBuilder() {
    helper
        .addSourceLines(
            "Test.java",
            """
            import java.io.IOException;
            import java.util.concurrent.TimeUnit;
            import okhttp3.OkHttpClient;
            import okhttp3.Request;

            class Test {
              private final OkHttpClient shared = new OkHttpClient();

              Object sendDerived(Request request, long timeout) throws IOException {
                OkHttpClient client = shared.newBuilder().connectTimeout(timeout, TimeUnit.SECONDS).build();
                return client.newCall(request).execute();
              }

              Object send(Request request, long timeout) throws IOException {
                OkHttpClient client =
                    // BUG: Diagnostic contains: OkHttpClient built on every call of send()
                    new OkHttpClient.Builder().connectTimeout(timeout, TimeUnit.SECONDS).build();
                return client.newCall(request).execute();
              }
            }
            """)
        .doTest();
  }

  @Test
  void fastjsonSerializeConfig() {
    helper
        .addSourceLines(
            "Test.java",
            """
            import com.alibaba.fastjson.JSON;
            import com.alibaba.fastjson.serializer.SerializeConfig;

            class Test {
              private static final SerializeConfig SHARED = new SerializeConfig();

              String toJsonShared(Object bean) {
                return JSON.toJSONString(bean, SHARED);
              }

              String toJson(Object bean) {
                // BUG: Diagnostic contains: SerializeConfig built on every call of toJson(): each
                return JSON.toJSONString(bean, new SerializeConfig());
              }
            }
            """)
        .doTest();
  }

  @Test
  void fastjsonParserConfig() {
    helper
        .addSourceLines(
            "Test.java",
            """
            import com.alibaba.fastjson.JSON;
            import com.alibaba.fastjson.parser.ParserConfig;

            class Test {
              <T> T parseShared(String text, Class<T> type) {
                return JSON.parseObject(text, type, ParserConfig.getGlobalInstance());
              }

              <T> T parse(String text, Class<T> type) {
                // BUG: Diagnostic contains: ParserConfig built on every call of parse(): each
                return JSON.parseObject(text, type, new ParserConfig());
              }
            }
            """)
        .doTest();
  }

  @Test
  void aliyunOssClientConstructor() {
    helper
        .addSourceLines(
            "Test.java",
            """
            import com.aliyun.oss.OSSClient;
            import java.io.InputStream;

            class Test {
              void uploadReleased(String endpoint, String key, InputStream input) {
                OSSClient client = new OSSClient(endpoint, "id", "secret");
                try {
                  client.putObject("bucket", key, input);
                } finally {
                  client.shutdown();
                }
              }

              void upload(String endpoint, String key, InputStream input) {
                // BUG: Diagnostic contains: OSSClient built on every call of upload() and never released
                OSSClient client = new OSSClient(endpoint, "id", "secret");
                client.putObject("bucket", key, input);
              }
            }
            """)
        .doTest();
  }

  @Test
  void aliyunOssClientBuilder() {
    helper
        .addSourceLines(
            "Test.java",
            """
            import com.aliyun.oss.OSS;
            import com.aliyun.oss.OSSClientBuilder;
            import java.io.InputStream;

            class Test {
              void uploadReleased(String endpoint, String key, InputStream input) {
                OSS client = new OSSClientBuilder().build(endpoint, "id", "secret");
                try {
                  client.putObject("bucket", key, input);
                } finally {
                  client.shutdown();
                }
              }

              void upload(String endpoint, String key, InputStream input) {
                // BUG: Diagnostic contains: OSSClient built on every call of upload() and never released
                OSS client = new OSSClientBuilder().build(endpoint, "id", "secret");
                client.putObject("bucket", key, input);
              }
            }
            """)
        .doTest();
  }

  @Test
  void aliyunOssClientBuilderCreate() {
    helper
        .addSourceLines(
            "Test.java",
            """
            import com.aliyun.oss.OSS;
            import com.aliyun.oss.OSSClientBuilder;
            import java.io.InputStream;

            class Test {
              void uploadReleased(String endpoint, String key, InputStream input) {
                OSS client = OSSClientBuilder.create().endpoint(endpoint).region("r").build();
                try {
                  client.putObject("bucket", key, input);
                } finally {
                  client.shutdown();
                }
              }

              void upload(String endpoint, String key, InputStream input) {
                // BUG: Diagnostic contains: OSSClient built on every call of upload() and never released
                OSS client = OSSClientBuilder.create().endpoint(endpoint).region("r").build();
                client.putObject("bucket", key, input);
              }
            }
            """)
        .doTest();
  }

  @Test
  void jacksonObjectMapper() {
    helper
        .addSourceLines(
            "Test.java",
            """
            import com.fasterxml.jackson.core.JsonProcessingException;
            import com.fasterxml.jackson.databind.ObjectMapper;
            import org.springframework.web.bind.annotation.GetMapping;

            class Test {
              private static final ObjectMapper SHARED = new ObjectMapper();

              @GetMapping
              String toJsonShared(Object value) throws JsonProcessingException {
                return SHARED.writeValueAsString(value);
              }

              @GetMapping
              String toJson(Object value) throws JsonProcessingException {
                // BUG: Diagnostic contains: ObjectMapper built on every call of toJson(): each
                return new ObjectMapper().writeValueAsString(value);
              }
            }
            """)
        .doTest();
  }

  @Test
  void jacksonJsonMapperBuilder() {
    helper
        .addSourceLines(
            "Test.java",
            """
            import com.fasterxml.jackson.core.JsonProcessingException;
            import com.fasterxml.jackson.databind.DeserializationFeature;
            import com.fasterxml.jackson.databind.ObjectMapper;
            import com.fasterxml.jackson.databind.json.JsonMapper;
            import org.springframework.web.bind.annotation.GetMapping;

            class Test {
              private static final ObjectMapper SHARED =
                  JsonMapper.builder()
                      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                      .build();

              @GetMapping
              <T> T readShared(String json, Class<T> type) throws JsonProcessingException {
                return SHARED.readValue(json, type);
              }

              @GetMapping
              <T> T read(String json, Class<T> type, boolean strict) throws JsonProcessingException {
                ObjectMapper mapper =
                    JsonMapper.builder()
                        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, strict)
                        // BUG: Diagnostic contains: ObjectMapper built on every call of read()
                        .build();
                return mapper.readValue(json, type);
              }
            }
            """)
        .doTest();
  }

  @Test
  void gson() {
    helper
        .addSourceLines(
            "Test.java",
            """
            import com.google.gson.Gson;
            import org.springframework.web.bind.annotation.GetMapping;

            class Test {
              private static final Gson SHARED = new Gson();

              @GetMapping
              String toJsonShared(Object value) {
                return SHARED.toJson(value);
              }

              @GetMapping
              String toJson(Object value) {
                // BUG: Diagnostic contains: Gson built on every call of toJson(): each instance
                return new Gson().toJson(value);
              }
            }
            """)
        .doTest();
  }

  @Test
  void gsonBuilder() {
    helper
        .addSourceLines(
            "Test.java",
            """
            import com.google.gson.Gson;
            import com.google.gson.GsonBuilder;
            import org.springframework.web.bind.annotation.GetMapping;

            class Test {
              private static final Gson SHARED = new GsonBuilder().setPrettyPrinting().create();

              @GetMapping
              String toJsonShared(Object value) {
                return SHARED.toJson(value);
              }

              @GetMapping
              String toJson(Object value) {
                // BUG: Diagnostic contains: Gson built on every call of toJson()
                Gson gson = new GsonBuilder().setPrettyPrinting().create();
                return gson.toJson(value);
              }
            }
            """)
        .doTest();
  }

  @Test
  void javaxJaxbContext() {
    helper
        .addSourceLines(
            "Test.java",
            """
            import java.io.Writer;
            import javax.xml.bind.JAXBContext;
            import javax.xml.bind.JAXBException;

            class Test {
              private static final JAXBContext SHARED;

              static {
                try {
                  SHARED = JAXBContext.newInstance(Test.class);
                } catch (JAXBException e) {
                  throw new ExceptionInInitializerError(e);
                }
              }

              void writeShared(Writer out) throws JAXBException {
                SHARED.createMarshaller().marshal(this, out);
              }

              void write(Writer out) throws JAXBException {
                // BUG: Diagnostic contains: JAXBContext built on every call of write(): each context
                JAXBContext.newInstance(Test.class).createMarshaller().marshal(this, out);
              }
            }
            """)
        .doTest();
  }

  @Test
  void jakartaJaxbContext() {
    helper
        .addSourceLines(
            "Test.java",
            """
            import jakarta.xml.bind.JAXBContext;
            import jakarta.xml.bind.JAXBException;
            import java.io.Writer;

            class Test {
              private static final JAXBContext SHARED;

              static {
                try {
                  SHARED = JAXBContext.newInstance(Test.class);
                } catch (JAXBException e) {
                  throw new ExceptionInInitializerError(e);
                }
              }

              void writeShared(Writer out) throws JAXBException {
                SHARED.createMarshaller().marshal(this, out);
              }

              void write(Writer out) throws JAXBException {
                // BUG: Diagnostic contains: JAXBContext built on every call of write(): each context
                JAXBContext.newInstance(Test.class).createMarshaller().marshal(this, out);
              }
            }
            """)
        .doTest();
  }

  @Test
  void retrofitBuilder() {
    helper
        .addSourceLines(
            "Test.java",
            """
            import retrofit2.Retrofit;

            class Test {
              private final Retrofit shared = new Retrofit.Builder().baseUrl("https://a/").build();

              <T> T apiDerived(Class<T> api, String url) {
                return shared.newBuilder().baseUrl(url).build().create(api);
              }

              <T> T api(Class<T> api, String url) {
                // BUG: Diagnostic contains: Retrofit built on every call of api(): each instance
                return new Retrofit.Builder().baseUrl(url).build().create(api);
              }
            }
            """)
        .doTest();
  }

  @Test
  void apacheHttpClient4() {
    helper
        .addSourceLines(
            "Test.java",
            """
            import java.io.IOException;
            import org.apache.http.impl.client.CloseableHttpClient;
            import org.apache.http.impl.client.HttpClientBuilder;
            import org.apache.http.impl.client.HttpClients;

            class Test {
              Object closed(Object request) throws IOException {
                try (CloseableHttpClient a = HttpClients.createDefault();
                    CloseableHttpClient b = HttpClients.createSystem();
                    CloseableHttpClient c = HttpClients.createMinimal();
                    CloseableHttpClient d = HttpClients.custom().setUserAgent("x").build();
                    CloseableHttpClient e = HttpClientBuilder.create().build()) {
                  return a.execute(b.execute(c.execute(d.execute(e.execute(request)))));
                }
              }

              Object leaked(Object request) throws IOException {
                // BUG: Diagnostic contains: CloseableHttpClient built on every call of leaked() and never
                CloseableHttpClient a = HttpClients.createDefault();
                // BUG: Diagnostic contains: CloseableHttpClient built on every call of leaked() and never
                CloseableHttpClient b = HttpClients.createSystem();
                // BUG: Diagnostic contains: CloseableHttpClient built on every call of leaked() and never
                CloseableHttpClient c = HttpClients.createMinimal();
                // BUG: Diagnostic contains: CloseableHttpClient built on every call of leaked() and never
                CloseableHttpClient d = HttpClients.custom().setUserAgent("x").build();
                // BUG: Diagnostic contains: CloseableHttpClient built on every call of leaked() and never
                CloseableHttpClient e = HttpClientBuilder.create().build();
                return a.execute(b.execute(c.execute(d.execute(e.execute(request)))));
              }
            }
            """)
        .doTest();
  }

  /**
   * HttpClient 4's clients before its builders ({@code new DefaultHttpClient()}) are built per call
   * as its builders' are; released with {@code close()}, or as they were before 4.3, by shutting
   * their connection manager down.
   */
  @Test
  void apacheHttpClient4BeforeItsBuilders() {
    helper
        .addSourceLines(
            "Test.java",
            """
            import java.io.IOException;
            import org.apache.http.impl.client.DefaultHttpClient;

            class Test {
              Object leaked(Object request) throws IOException {
                // BUG: Diagnostic contains: CloseableHttpClient built on every call of leaked() and never
                DefaultHttpClient client = new DefaultHttpClient();
                return client.execute(request);
              }

              Object closed(Object request) throws IOException {
                try (DefaultHttpClient client = new DefaultHttpClient()) {
                  return client.execute(request);
                }
              }

              Object shutDown(Object request) throws IOException {
                DefaultHttpClient client = new DefaultHttpClient();
                try {
                  return client.execute(request);
                } finally {
                  client.getConnectionManager().shutdown();
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * HttpClient 4.0 to 4.2, before CloseableHttpClient: a client built per call is released only
   * through its connection manager, which the finding names (no fix: the release is no method of
   * the client).
   */
  @Test
  void apacheHttpClient4BeforeCloseableHttpClient() {
    CompilationTestHelper.newInstance(HeavyweightClientPerCall.class, getClass())
        .addSourceLines(
            "org/apache/http/conn/ClientConnectionManager.java",
            """
            package org.apache.http.conn;
            public interface ClientConnectionManager {
              void shutdown();
            }
            """)
        .addSourceLines(
            "org/apache/http/client/HttpClient.java",
            """
            package org.apache.http.client;
            public interface HttpClient {
              org.apache.http.conn.ClientConnectionManager getConnectionManager();
            }
            """)
        .addSourceLines(
            "org/apache/http/impl/client/AbstractHttpClient.java",
            """
            package org.apache.http.impl.client;
            public abstract class AbstractHttpClient implements org.apache.http.client.HttpClient {
              @Override
              public org.apache.http.conn.ClientConnectionManager getConnectionManager() {
                return null;
              }
              public Object execute(Object request) throws java.io.IOException {
                return null;
              }
            }
            """)
        .addSourceLines(
            "org/apache/http/impl/client/DefaultHttpClient.java",
            """
            package org.apache.http.impl.client;
            public class DefaultHttpClient extends AbstractHttpClient {}
            """)
        .addSourceLines(
            "Test.java",
            """
            import java.io.IOException;
            import org.apache.http.impl.client.DefaultHttpClient;

            class Test {
              private static final DefaultHttpClient SHARED = new DefaultHttpClient();

              Object shared(Object request) throws IOException {
                return SHARED.execute(request);
              }

              Object leaked(Object request) throws IOException {
                // BUG: Diagnostic contains: DefaultHttpClient built on every call of leaked() and never released with getConnectionManager().shutdown()
                DefaultHttpClient client = new DefaultHttpClient();
                return client.execute(request);
              }

              Object shutDownAfter(Object request) throws IOException {
                // BUG: Diagnostic contains: not released with getConnectionManager().shutdown() when `client.execute(...)`
                DefaultHttpClient client = new DefaultHttpClient();
                Object response = client.execute(request);
                client.getConnectionManager().shutdown();
                return response;
              }

              Object shutDown(Object request) throws IOException {
                DefaultHttpClient client = new DefaultHttpClient();
                try {
                  return client.execute(request);
                } finally {
                  client.getConnectionManager().shutdown();
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void apacheHttpClient5() {
    helper
        .addSourceLines(
            "Test.java",
            """
            import java.io.IOException;
            import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
            import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
            import org.apache.hc.client5.http.impl.classic.HttpClients;

            class Test {
              Object closed(Object request) throws IOException {
                try (CloseableHttpClient a = HttpClients.createDefault();
                    CloseableHttpClient b = HttpClients.createSystem();
                    CloseableHttpClient c = HttpClients.createMinimal();
                    CloseableHttpClient d = HttpClients.custom().setUserAgent("x").build();
                    CloseableHttpClient e = HttpClientBuilder.create().build()) {
                  return a.execute(b.execute(c.execute(d.execute(e.execute(request)))));
                }
              }

              Object leaked(Object request) throws IOException {
                // BUG: Diagnostic contains: CloseableHttpClient built on every call of leaked() and never
                CloseableHttpClient a = HttpClients.createDefault();
                // BUG: Diagnostic contains: CloseableHttpClient built on every call of leaked() and never
                CloseableHttpClient b = HttpClients.createSystem();
                // BUG: Diagnostic contains: CloseableHttpClient built on every call of leaked() and never
                CloseableHttpClient c = HttpClients.createMinimal();
                // BUG: Diagnostic contains: CloseableHttpClient built on every call of leaked() and never
                CloseableHttpClient d = HttpClients.custom().setUserAgent("x").build();
                // BUG: Diagnostic contains: CloseableHttpClient built on every call of leaked() and never
                CloseableHttpClient e = HttpClientBuilder.create().build();
                return a.execute(b.execute(c.execute(d.execute(e.execute(request)))));
              }
            }
            """)
        .doTest();
  }

  @Test
  void javaNetHttpClient() {
    helper
        .addSourceLines(
            "Test.java",
            """
            import java.net.http.HttpClient;
            import java.time.Duration;

            class Test {
              private static final HttpClient SHARED = HttpClient.newHttpClient();
              private static final HttpClient SHARED_BUILT =
                  HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

              HttpClient.Version version() {
                return SHARED.version();
              }

              HttpClient.Version builtVersion() {
                return SHARED_BUILT.version();
              }

              HttpClient.Version perCall() {
                // BUG: Diagnostic contains: HttpClient built on every call of perCall(): each instance
                return HttpClient.newHttpClient().version();
              }

              HttpClient.Version builtPerCall(Duration timeout) {
                // BUG: Diagnostic contains: HttpClient built on every call of builtPerCall()
                return HttpClient.newBuilder().connectTimeout(timeout).build().version();
              }
            }
            """)
        .doTest();
  }

  @Test
  void awsSdkV1() {
    helper
        .addSourceLines(
            "Test.java",
            """
            import com.amazonaws.services.s3.AmazonS3;
            import com.amazonaws.services.s3.AmazonS3Client;
            import com.amazonaws.services.s3.AmazonS3ClientBuilder;

            class Test {
              // Built inside the try: a client built before it would leak if the next one failed.
              void putReleased(String key) {
                AmazonS3 a = null;
                AmazonS3 b = null;
                AmazonS3 c = null;
                try {
                  a = AmazonS3ClientBuilder.standard().withRegion("eu-west-1").build();
                  b = AmazonS3ClientBuilder.defaultClient();
                  c = new AmazonS3Client();
                  a.putObject("bucket", key, b.putObject("bucket", key, c.toString()).toString());
                } finally {
                  if (a != null) {
                    a.shutdown();
                  }
                  if (b != null) {
                    b.shutdown();
                  }
                  if (c != null) {
                    c.shutdown();
                  }
                }
              }

              void put(String key) {
                // BUG: Diagnostic contains: AmazonS3 built on every call of put() and never released
                AmazonS3 a = AmazonS3ClientBuilder.standard().withRegion("eu-west-1").build();
                // BUG: Diagnostic contains: AmazonS3 built on every call of put() and never released
                AmazonS3 b = AmazonS3ClientBuilder.defaultClient();
                // BUG: Diagnostic contains: AmazonS3Client built on every call of put() and never released
                AmazonS3 c = new AmazonS3Client();
                a.putObject("bucket", key, b.putObject("bucket", key, c.toString()).toString());
              }
            }
            """)
        .doTest();
  }

  @Test
  void awsSdkV2() {
    helper
        .addSourceLines(
            "Test.java",
            """
            import software.amazon.awssdk.services.s3.S3Client;

            class Test {
              void putClosed(String key) {
                try (S3Client a = S3Client.create();
                    S3Client b = S3Client.builder().region("eu-west-1").build()) {
                  a.putObject("bucket", key, b.serviceName());
                }
              }

              void put(String key) {
                // BUG: Diagnostic contains: S3Client built on every call of put() and never released with
                S3Client a = S3Client.create();
                // BUG: Diagnostic contains: S3Client built on every call of put() and never released with
                S3Client b = S3Client.builder().region("eu-west-1").build();
                a.putObject("bucket", key, b.serviceName());
              }
            }
            """)
        .doTest();
  }

  @Test
  void executorsFactories() {
    helper
        .addSourceLines(
            "Test.java",
            """
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.Executors;
            import java.util.concurrent.ScheduledExecutorService;
            import java.util.concurrent.ThreadFactory;

            class Test {
              private final ExecutorService shared = Executors.newCachedThreadPool();

              // Built inside the try: a pool built before it would leak if the next one failed.
              void runReleased(Runnable task) {
                ExecutorService a = null;
                ExecutorService b = null;
                ExecutorService c = null;
                ScheduledExecutorService d = null;
                ExecutorService e = null;
                try {
                  a = Executors.newFixedThreadPool(2);
                  b = Executors.newCachedThreadPool();
                  c = Executors.newSingleThreadExecutor();
                  d = Executors.newScheduledThreadPool(1);
                  e = Executors.newWorkStealingPool();
                  a.execute(task);
                  b.execute(task);
                  c.execute(task);
                  d.execute(task);
                  e.execute(task);
                } finally {
                  if (a != null) {
                    a.shutdown();
                  }
                  if (b != null) {
                    b.shutdownNow();
                  }
                  if (c != null) {
                    c.shutdown();
                  }
                  if (d != null) {
                    d.shutdown();
                  }
                  if (e != null) {
                    e.shutdownNow();
                  }
                }
              }

              ThreadFactory notPools(Runnable task) {
                Executors.unconfigurableExecutorService(shared).execute(task);
                return Executors.defaultThreadFactory();
              }

              void run(Runnable task) {
                // BUG: Diagnostic contains: ExecutorService built on every call of run() and never released
                Executors.newFixedThreadPool(2).execute(task);
                // BUG: Diagnostic contains: ExecutorService built on every call of run() and never released
                Executors.newCachedThreadPool().execute(task);
                // BUG: Diagnostic contains: ExecutorService built on every call of run() and never released
                Executors.newSingleThreadExecutor().execute(task);
                // BUG: Diagnostic contains: ScheduledExecutorService built on every call of run() and never
                Executors.newScheduledThreadPool(1).execute(task);
                // BUG: Diagnostic contains: ExecutorService built on every call of run() and never released
                Executors.newWorkStealingPool().execute(task);
              }
            }
            """)
        .doTest();
  }

  @Test
  void threadPoolExecutorConstructor() {
    helper
        .addSourceLines(
            "Test.java",
            """
            import java.util.concurrent.LinkedBlockingQueue;
            import java.util.concurrent.ScheduledThreadPoolExecutor;
            import java.util.concurrent.ThreadPoolExecutor;
            import java.util.concurrent.TimeUnit;

            class Test {
              void runReleased(Runnable task) {
                ThreadPoolExecutor pool =
                    new ThreadPoolExecutor(1, 4, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>());
                try {
                  pool.execute(task);
                } finally {
                  pool.shutdown();
                }
              }

              void run(Runnable task) {
                ThreadPoolExecutor pool =
                    // BUG: Diagnostic contains: ThreadPoolExecutor built on every call of run() and never
                    new ThreadPoolExecutor(1, 4, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>());
                pool.execute(task);
                // BUG: Diagnostic contains: ScheduledThreadPoolExecutor built on every call of run()
                new ScheduledThreadPoolExecutor(1).execute(task);
              }
            }
            """)
        .doTest();
  }

  /**
   * Netty's event-loop groups start their threads when made: one per call of a client's {@code
   * connect()} is a thread leak unless it is shut down. A server that shuts its groups down in a
   * {@code finally} after the channel closes owns them for that run.
   */
  @Test
  void nettyEventLoopGroups() {
    helper
        .addSourceLines(
            "Test.java",
            """
            import io.netty.channel.EventLoopGroup;
            import io.netty.channel.nio.NioEventLoopGroup;
            import io.netty.util.concurrent.DefaultEventExecutorGroup;
            import io.netty.util.concurrent.EventExecutorGroup;

            class Test {
              void serve(Runnable bind) {
                EventLoopGroup boss = new NioEventLoopGroup(1);
                EventLoopGroup worker = new NioEventLoopGroup();
                try {
                  boss.execute(bind);
                  worker.execute(bind);
                } finally {
                  worker.shutdownGracefully();
                  boss.shutdownGracefully();
                }
              }

              void connect(Runnable task) {
                // BUG: Diagnostic contains: NioEventLoopGroup built on every call of connect() and never released with shutdownGracefully()
                EventLoopGroup group = new NioEventLoopGroup();
                group.execute(task);
              }

              void handle(Runnable task) {
                // BUG: Diagnostic contains: DefaultEventExecutorGroup built on every call of handle()
                EventExecutorGroup handlers = new DefaultEventExecutorGroup(4);
                handlers.execute(task);
              }
            }
            """)
        .doTest();
  }

  /**
   * A JDBC connection pool made per call opens physical connections of its own and keeps them, with
   * the threads that tend them, until it is closed: each call leaves a pool behind. A factory that
   * returns the pool it builds, or a method that closes it, owns it rightly.
   */
  @Test
  void jdbcConnectionPools() {
    helper
        .addSourceLines(
            "Test.java",
            """
            import com.zaxxer.hikari.HikariDataSource;
            import java.sql.Connection;
            import java.sql.SQLException;
            import java.util.Properties;
            import org.apache.commons.dbcp2.BasicDataSource;
            import org.apache.commons.dbcp2.BasicDataSourceFactory;

            class Test {
              HikariDataSource dataSource(String url) {
                HikariDataSource pool = new HikariDataSource();
                pool.setJdbcUrl(url);
                return pool;
              }

              void probe(String url) throws SQLException {
                try (HikariDataSource pool = new HikariDataSource()) {
                  pool.setJdbcUrl(url);
                  pool.getConnection().close();
                }
              }

              void report(String url) throws SQLException {
                // BUG: Diagnostic contains: BasicDataSource built on every call of report() and never released with close()
                BasicDataSource pool = new BasicDataSource();
                pool.setUrl(url);
                try (Connection connection = pool.getConnection()) {
                  connection.commit();
                }
              }

              void query(Properties properties) throws SQLException {
                // BUG: Diagnostic contains: BasicDataSource built on every call of query() and never released with close()
                BasicDataSource pool = BasicDataSourceFactory.createDataSource(properties);
                try (Connection connection = pool.getConnection()) {
                  connection.commit();
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * A JPA persistence unit's factory, or a Hibernate session factory, made per call opens a
   * connection pool of its own and builds the unit's metamodel again, and keeps both until it is
   * closed: each call that does not close it leaves a pool behind. A factory method that returns
   * the one it builds, one kept in a field, and one closed on every path are no finding.
   */
  @Test
  void jpaAndHibernateFactories() {
    helper
        .addSourceLines(
            "Test.java",
            """
            import javax.persistence.EntityManager;
            import javax.persistence.EntityManagerFactory;
            import javax.persistence.Persistence;
            import org.hibernate.Session;
            import org.hibernate.SessionFactory;
            import org.hibernate.cfg.Configuration;

            class Test {
              private static final EntityManagerFactory SHARED =
                  Persistence.createEntityManagerFactory("app");

              EntityManagerFactory open(String unit) {
                return Persistence.createEntityManagerFactory(unit);
              }

              void saveShared(Object entity) {
                EntityManager manager = SHARED.createEntityManager();
                manager.persist(entity);
                manager.close();
              }

              void migrate(Object entity) {
                EntityManagerFactory factory = Persistence.createEntityManagerFactory("admin");
                try {
                  factory.createEntityManager().persist(entity);
                } finally {
                  factory.close();
                }
              }

              void save(Object entity) {
                // BUG: Diagnostic contains: EntityManagerFactory built on every call of save() and never released with close()
                EntityManagerFactory factory = Persistence.createEntityManagerFactory("app");
                EntityManager manager = factory.createEntityManager();
                manager.persist(entity);
                manager.close();
              }

              void store(Object entity) {
                // BUG: Diagnostic contains: SessionFactory built on every call of store() and never released with close()
                SessionFactory factory = new Configuration().configure().buildSessionFactory();
                try (Session session = factory.openSession()) {
                  session.save(entity);
                }
              }

              void storeOnce(Object entity) {
                SessionFactory factory = new Configuration().configure().buildSessionFactory();
                try (Session session = factory.openSession()) {
                  session.save(entity);
                } finally {
                  factory.close();
                }
              }
            }
            """)
        .doTest();
  }

  /** Jakarta's factory is AutoCloseable: try-with-resources releases it. */
  @Test
  void jakartaEntityManagerFactory() {
    helper
        .addSourceLines(
            "Test.java",
            """
            import jakarta.persistence.EntityManagerFactory;
            import jakarta.persistence.Persistence;
            import java.util.Map;

            class Test {
              void migrate(Object entity) {
                try (EntityManagerFactory factory =
                    Persistence.createEntityManagerFactory("admin", Map.of())) {
                  factory.createEntityManager().persist(entity);
                }
              }

              void save(Object entity) {
                // BUG: Diagnostic contains: EntityManagerFactory built on every call of save() and never released with close()
                Persistence.createEntityManagerFactory("app").createEntityManager().persist(entity);
              }
            }
            """)
        .doTest();
  }

  /**
   * MongoDB's clients run a connection pool and monitor threads of their own: one made per call and
   * not closed leaves them running. One closed by try-with-resources, or kept in a field, is no
   * finding.
   */
  @Test
  void mongoClients() {
    helper
        .addSourceLines(
            "Test.java",
            """
            import com.mongodb.client.MongoClient;
            import com.mongodb.client.MongoClients;

            class Test {
              private final MongoClient shared = MongoClients.create("mongodb://db");

              Object read(String uri) {
                try (MongoClient client = MongoClients.create(uri)) {
                  return client.getDatabase("app");
                }
              }

              Object find(String uri) {
                // BUG: Diagnostic contains: MongoClient built on every call of find() and never released with close()
                MongoClient client = MongoClients.create(uri);
                return client.getDatabase("app");
              }

              Object legacy(String host) {
                // BUG: Diagnostic contains: MongoClient built on every call of legacy() and never released with close()
                com.mongodb.MongoClient client = new com.mongodb.MongoClient(host);
                return client.getDatabase("app");
              }
            }
            """)
        .doTest();
  }

  /** A Jedis pool or cluster client made per call keeps its Redis connections open. */
  @Test
  void jedisPoolsAndClusters() {
    helper
        .addSourceLines(
            "Test.java",
            """
            import redis.clients.jedis.JedisCluster;
            import redis.clients.jedis.JedisPool;

            class Test {
              Object cached(String host) {
                JedisPool pool = new JedisPool(host, 6379);
                try {
                  return pool.getResource();
                } finally {
                  pool.destroy();
                }
              }

              Object get(String host) {
                // BUG: Diagnostic contains: JedisPool built on every call of get() and never released with close()
                JedisPool pool = new JedisPool(host, 6379);
                return pool.getResource();
              }

              String fromCluster(String host, String key) {
                // BUG: Diagnostic contains: JedisCluster built on every call of fromCluster() and never released with close()
                return new JedisCluster(host, 7000).get(key);
              }
            }
            """)
        .doTest();
  }

  /** Kafka's producer runs a network thread of its own until closed. */
  @Test
  void kafkaClients() {
    helper
        .addSourceLines(
            "Test.java",
            """
            import java.time.Duration;
            import java.util.Properties;
            import org.apache.kafka.clients.consumer.KafkaConsumer;
            import org.apache.kafka.clients.producer.KafkaProducer;
            import org.apache.kafka.clients.producer.Producer;

            class Test {
              void publishOnce(Properties config, Object record) {
                try (Producer<String, String> producer = new KafkaProducer<>(config)) {
                  producer.send(record);
                }
              }

              void publish(Properties config, Object record) {
                // BUG: Diagnostic contains: KafkaProducer built on every call of publish() and never released with close()
                Producer<String, String> producer = new KafkaProducer<>(config);
                producer.send(record);
              }

              // A consumer is made per polling thread and kept for its life: not catalogued.
              Object poll(Properties config) {
                KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config);
                return consumer.poll(Duration.ofSeconds(1));
              }
            }
            """)
        .doTest();
  }

  /** Elasticsearch's REST clients run I/O reactor threads of their own. */
  @Test
  void elasticsearchRestClients() {
    helper
        .addSourceLines(
            "Test.java",
            """
            import java.io.IOException;
            import org.elasticsearch.client.RestClient;
            import org.elasticsearch.client.RestHighLevelClient;

            class Test {
              Object ping(String host, Object request) throws IOException {
                try (RestClient client = RestClient.builder(host).build()) {
                  return client.performRequest(request);
                }
              }

              Object send(String host, Object request) throws IOException {
                // BUG: Diagnostic contains: RestClient built on every call of send() and never released with close()
                RestClient client = RestClient.builder(host).setPathPrefix("/es").build();
                return client.performRequest(request);
              }

              Object search(String host, Object request) throws IOException {
                RestHighLevelClient client =
                    // BUG: Diagnostic contains: RestHighLevelClient built on every call of search() and not released with close() when `client.search(...)` at line 22 throws
                    new RestHighLevelClient(RestClient.builder(host));
                Object response = client.search(request);
                client.close();
                return response;
              }
            }
            """)
        .doTest();
  }

  /** Redisson's client runs Netty event loops of its own until shutdown(). */
  @Test
  void redissonClient() {
    helper
        .addSourceLines(
            "Test.java",
            """
            import org.redisson.Redisson;
            import org.redisson.api.RedissonClient;

            class Test {
              Object mapShutDown(String name) {
                RedissonClient client = Redisson.create();
                try {
                  return client.getMap(name);
                } finally {
                  client.shutdown();
                }
              }

              Object map(String name) {
                // BUG: Diagnostic contains: RedissonClient built on every call of map() and never released with shutdown()
                RedissonClient client = Redisson.create();
                return client.getMap(name);
              }
            }
            """)
        .doTest();
  }

  /** Apache's asynchronous HTTP clients, 4 and 5, run I/O reactor threads until closed. */
  @Test
  void apacheAsyncHttpClients() {
    helper
        .addSourceLines(
            "Test.java",
            """
            import java.io.IOException;
            import org.apache.http.impl.nio.client.CloseableHttpAsyncClient;
            import org.apache.http.impl.nio.client.HttpAsyncClients;

            class Test {
              void fetchClosed(Object request) throws IOException {
                try (CloseableHttpAsyncClient client = HttpAsyncClients.createDefault()) {
                  client.start();
                  client.execute(request, null);
                }
              }

              void fetch(Object request) {
                // BUG: Diagnostic contains: CloseableHttpAsyncClient built on every call of fetch() and never released with close()
                CloseableHttpAsyncClient client = HttpAsyncClients.createDefault();
                client.start();
                client.execute(request, null);
              }

              void fetch5(Object request) {
                org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient client =
                    // BUG: Diagnostic contains: CloseableHttpAsyncClient built on every call of fetch5() and never released with close()
                    org.apache.hc.client5.http.impl.async.HttpAsyncClients.createDefault();
                client.start();
                client.execute(request, null);
              }
            }
            """)
        .doTest();
  }
}
