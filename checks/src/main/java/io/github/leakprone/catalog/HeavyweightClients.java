package io.github.leakprone.catalog;

import static io.github.leakprone.catalog.ClientPolicy.RELEASE;
import static io.github.leakprone.catalog.ClientPolicy.SHARE;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import io.github.leakprone.catalog.Creation.BuilderChain;
import io.github.leakprone.catalog.Creation.Constructor;
import io.github.leakprone.catalog.Creation.StaticFactory;

/**
 * The built-in catalog of heavyweight clients. Each entry says why one instance is expensive; the
 * reasons come from the libraries' own documentation and from the incidents in docs/bugpatterns.
 *
 * <p>Each entry also says whether one built per call {@link PerCallHarm#LEAK leaks} or only {@link
 * PerCallHarm#COST costs}. Leaks: OkHttpClient (pool and dispatcher threads), fastjson's configs
 * (ASM classes in Metaspace), OSS and AWS clients (pools held by the static IdleConnectionReaper),
 * JAXBContext (accessor classes loaded into the bound classes' loader), Retrofit (its own
 * OkHttpClient without client()), the JDK's HttpClient (selector thread), Apache's clients (pool
 * and sockets, also asynchronous ones' reactor threads), thread pools, Netty's event-loop groups,
 * JDBC connection pools, MongoDB, Jedis, Elasticsearch and Redisson clients and Kafka's producer
 * (connections and threads of their own), and JPA's and Hibernate's factories (a connection pool
 * each). Costs only: ObjectMapper and Gson, whose caches are the instance's own and are collected
 * with it.
 */
public final class HeavyweightClients {

  private static final ImmutableSet<String> ALL_METHODS = ImmutableSet.of("*");

  /**
   * The release of HttpClient 4.0 to 4.2's clients as a finding names it: a chain, not a method
   * name, so no call's name matches it; {@link ClientResources} knows the view and its release.
   */
  private static final String HTTP_CLIENT_4_RELEASE = "getConnectionManager().shutdown";

  /** The base class of HttpClient 4's clients, with or without {@code CloseableHttpClient}. */
  private static final String ABSTRACT_HTTP_CLIENT =
      "org.apache.http.impl.client.AbstractHttpClient";

  private static final ImmutableSet<String> NONE = ImmutableSet.of();

  /**
   * The JDK's thread-pool factories ({@code Executors.newFixedThreadPool} and the rest): a
   * catalogue entry here, and the pools that start no thread before their first task in {@link
   * ClientResources#opensOnFirstUse}.
   */
  static final MethodRef THREAD_POOL_FACTORIES =
      new MethodRef("java.util.concurrent.Executors", "new*");

  /** Why a MongoDB client, of the driver or the legacy one, is heavy. */
  private static final String MONGO =
      "each client runs its own connection pool and server-monitor threads";

  /** Why a client over Apache's asynchronous I/O reactor (its own, or Elasticsearch's) is heavy. */
  private static final String REACTOR =
      "each client runs its own I/O reactor threads and connection pool";

  public static final ImmutableList<HeavyweightClient> BUILT_IN =
      ImmutableList.of(
          share(
              "okhttp3.OkHttpClient",
              "OkHttpClient",
              "each instance has its own connection pool and dispatcher threads",
              "build one and share it (derive per-call settings with shared.newBuilder())",
              ALL_METHODS,
              new Constructor("okhttp3.OkHttpClient"),
              builder(
                  "okhttp3.OkHttpClient$Builder",
                  "build",
                  new Constructor("okhttp3.OkHttpClient$Builder"))),
          share(
              "com.alibaba.fastjson.serializer.SerializeConfig",
              "SerializeConfig",
              "each instance generates its own ASM serializer classes, which stay in Metaspace",
              "keep one in a static final field",
              NONE,
              new Constructor("com.alibaba.fastjson.serializer.SerializeConfig")),
          share(
              "com.alibaba.fastjson.parser.ParserConfig",
              "ParserConfig",
              "each instance generates its own ASM deserializer classes, which stay in Metaspace",
              "keep one in a static final field",
              NONE,
              new Constructor("com.alibaba.fastjson.parser.ParserConfig")),
          release(
              "com.aliyun.oss.OSS",
              "OSSClient",
              "each instance registers its connection pool with the static IdleConnectionReaper"
                  + " thread, which holds it until shutdown()",
              "share one client, or call shutdown() in a finally block",
              ImmutableSet.of("shutdown"),
              new Constructor("com.aliyun.oss.OSSClient"),
              builder(
                  "com.aliyun.oss.OSSClientBuilder",
                  "build",
                  new Constructor("com.aliyun.oss.OSSClientBuilder")),
              builder(
                  "com.aliyun.oss.OSSClientBuilder$OSSClientBuilderImpl",
                  "build",
                  staticFactory("com.aliyun.oss.OSSClientBuilder", "create"))),
          // COST: its serializer caches belong to the instance and go with it; it starts no thread
          // and generates no class (without modules such as Afterburner).
          shareCost(
              "com.fasterxml.jackson.databind.ObjectMapper",
              "ObjectMapper",
              "each instance introspects every type again and keeps its own serializer caches",
              "build one and share it (it is thread-safe once configured)",
              ImmutableSet.of(
                  "write*",
                  "read*",
                  "convertValue",
                  "treeToValue",
                  "valueToTree",
                  "getTypeFactory",
                  "createObjectNode",
                  "createArrayNode"),
              new Constructor("com.fasterxml.jackson.databind.ObjectMapper"),
              builder(
                  "com.fasterxml.jackson.databind.cfg.MapperBuilder",
                  "build",
                  staticFactory("com.fasterxml.jackson.databind.ObjectMapper", "builder"))),
          // COST: its type adapters belong to the instance and go with it; no thread, no class.
          shareCost(
              "com.google.gson.Gson",
              "Gson",
              "each instance builds its reflective type adapters again",
              "build one and share it (it is immutable and thread-safe)",
              ALL_METHODS,
              new Constructor("com.google.gson.Gson"),
              builder(
                  "com.google.gson.GsonBuilder",
                  "create",
                  new Constructor("com.google.gson.GsonBuilder"))),
          jaxbContext("javax.xml.bind.JAXBContext"),
          jaxbContext("jakarta.xml.bind.JAXBContext"),
          share(
              "retrofit2.Retrofit",
              "Retrofit",
              "each instance keeps its own service-method cache and, without client(), its own"
                  + " OkHttpClient",
              "build one and share it",
              ALL_METHODS,
              builder(
                  "retrofit2.Retrofit$Builder",
                  "build",
                  new Constructor("retrofit2.Retrofit$Builder"))),
          apacheHttpClient(
              "org.apache.http.impl.client",
              // HttpClient 4's clients from before 4.3's builders (new DefaultHttpClient(),
              // SystemDefaultHttpClient), CloseableHttpClients since 4.3: JetS3t's per-GET client.
              // Their old release goes through the connection manager (ClientResources).
              new Constructor(ABSTRACT_HTTP_CLIENT)),
          // HttpClient 4.0 to 4.2, which has no CloseableHttpClient (where it has, the entry above
          // takes these clients first): its clients are released only through their connection
          // manager (ClientResources). Steam Condenser's per-call client, a holdout round's miss.
          release(
              ABSTRACT_HTTP_CLIENT,
              "",
              "each instance owns a connection manager and its sockets until"
                  + " getConnectionManager().shutdown()",
              "share one client, or shut its connection manager down in a finally block",
              ImmutableSet.of(HTTP_CLIENT_4_RELEASE),
              new Constructor(ABSTRACT_HTTP_CLIENT)),
          apacheHttpClient("org.apache.hc.client5.http.impl.classic"),
          share(
              "java.net.http.HttpClient",
              "HttpClient",
              "each instance starts its own selector thread and connection pool",
              "build one and share it",
              ALL_METHODS,
              staticFactory("java.net.http.HttpClient", "newHttpClient"),
              builder(
                  "java.net.http.HttpClient$Builder",
                  "build",
                  staticFactory("java.net.http.HttpClient", "newBuilder"))),
          release(
              // v1 clients share no supertype beyond Object (AmazonS3, AmazonSQS, ...): the
              // builders and
              // constructors below are what identify them.
              "java.lang.Object",
              "",
              "each AWS SDK v1 client owns an HTTP connection pool and registers it with the static"
                  + " IdleConnectionReaper until shutdown()",
              "share one client, or call shutdown() in a finally block",
              ImmutableSet.of("shutdown"),
              new Constructor("com.amazonaws.AmazonWebServiceClient"),
              staticFactory("com.amazonaws.client.builder.AwsClientBuilder", "defaultClient"),
              builder(
                  "com.amazonaws.client.builder.AwsClientBuilder",
                  "build",
                  staticFactory("com.amazonaws.client.builder.AwsClientBuilder", "standard"))),
          release(
              "software.amazon.awssdk.core.SdkClient",
              "",
              "each AWS SDK v2 client owns an HTTP client with its own connection pool and threads",
              "share one client, or close it with try-with-resources",
              ImmutableSet.of("close"),
              staticFactory("software.amazon.awssdk.core.SdkClient", "create"),
              builder(
                  "software.amazon.awssdk.utils.builder.SdkBuilder",
                  "build",
                  staticFactory("software.amazon.awssdk.core.SdkClient", "builder"))),
          release(
              "java.util.concurrent.ExecutorService",
              "",
              "each pool starts its own threads, which stay alive until shutdown()",
              "share one pool, or call shutdown() in a finally block",
              ImmutableSet.of("shutdown", "shutdownNow", "close"),
              new StaticFactory(THREAD_POOL_FACTORIES),
              new Constructor("java.util.concurrent.ThreadPoolExecutor")),
          // Netty's groups are executor services too, made by their constructors, not by the
          // creations above: one entry each, never two findings.
          release(
              "io.netty.util.concurrent.EventExecutorGroup",
              "",
              "each group starts its own event-loop threads (by default twice the cores), which"
                  + " stay alive until shutdownGracefully()",
              "share one group, or call shutdownGracefully() in a finally block",
              ImmutableSet.of("shutdownGracefully", "shutdown", "shutdownNow", "close"),
              new Constructor("io.netty.util.concurrent.MultithreadEventExecutorGroup")),
          jdbcPool("com.zaxxer.hikari.HikariDataSource"),
          jdbcPool(
              "org.apache.commons.dbcp2.BasicDataSource",
              staticFactory("org.apache.commons.dbcp2.BasicDataSourceFactory", "createDataSource")),
          jdbcPool("org.apache.commons.dbcp.BasicDataSource"),
          // Not c3p0's ComboPooledDataSource: its documented release is the static
          // DataSources.destroy(ds), which no release name covers (Infinispan's pooled connection
          // factory destroys its pool so in stop()).
          jdbcPool("com.alibaba.druid.pool.DruidDataSource"),
          jdbcPool("org.apache.tomcat.jdbc.pool.DataSource"),
          release(
              "com.mongodb.client.MongoClient",
              "",
              MONGO + " until close()",
              "share one client, or close it with try-with-resources",
              ImmutableSet.of("close"),
              staticFactory("com.mongodb.client.MongoClients", "create")),
          release(
              "com.mongodb.MongoClient",
              "",
              MONGO + " until close()",
              "share one client, or close it in a finally block",
              ImmutableSet.of("close"),
              new Constructor("com.mongodb.MongoClient")),
          jedis("redis.clients.jedis.JedisPool"),
          jedis("redis.clients.jedis.JedisSentinelPool"),
          jedis("redis.clients.jedis.JedisCluster"),
          release(
              "org.apache.kafka.clients.producer.KafkaProducer",
              "",
              "each producer runs its own network thread and broker connections until close()",
              "share one producer (it is thread-safe), or close it in a finally block",
              ImmutableSet.of("close"),
              new Constructor("org.apache.kafka.clients.producer.KafkaProducer")),
          // Not Kafka's consumer: one is made per polling thread, in its run(), and kept for the
          // thread's life; "per call" would misname that, and a consumer per request is rare.
          release(
              "org.elasticsearch.client.RestClient",
              "",
              REACTOR + " until close()",
              "share one client, or close it with try-with-resources",
              ImmutableSet.of("close"),
              builder(
                  "org.elasticsearch.client.RestClientBuilder",
                  "build",
                  staticFactory("org.elasticsearch.client.RestClient", "builder"))),
          release(
              "org.elasticsearch.client.RestHighLevelClient",
              "",
              REACTOR + " until close()",
              "share one client, or close it with try-with-resources",
              ImmutableSet.of("close"),
              new Constructor("org.elasticsearch.client.RestHighLevelClient")),
          release(
              "org.redisson.api.RedissonClient",
              "",
              "each client runs its own Netty event-loop threads and connection pools until"
                  + " shutdown()",
              "share one client, or call shutdown() in a finally block",
              ImmutableSet.of("shutdown"),
              staticFactory("org.redisson.Redisson", "create")),
          apacheAsyncHttpClient("org.apache.http.impl.nio.client"),
          apacheAsyncHttpClient("org.apache.hc.client5.http.impl.async"),
          entityManagerFactory("javax.persistence"),
          entityManagerFactory("jakarta.persistence"),
          // Listed after the JPA factories, whose type it extends: a SessionFactory built by
          // Configuration is matched by this entry's builder, not by theirs.
          release(
              "org.hibernate.SessionFactory",
              "",
              "each factory opens its own JDBC connection pool and builds the mapping's metamodel"
                  + " and caches, and keeps them until close()",
              "build one per database and share it, or close it in a finally block",
              ImmutableSet.of("close"),
              builder(
                  "org.hibernate.cfg.Configuration",
                  "buildSessionFactory",
                  new Constructor("org.hibernate.cfg.Configuration"))));

  /**
   * A Jedis pool or cluster client: it keeps connections of its own open (and, as a commons-pool
   * pool, a place in its evictor's timer) until it is closed.
   */
  private static HeavyweightClient jedis(String type) {
    return release(
        type,
        "",
        "each keeps its own pooled Redis connections open until close()",
        "share one, or close it with try-with-resources",
        ImmutableSet.of("close", "destroy"),
        new Constructor(type));
  }

  /**
   * A JPA persistence unit's factory: built per call, it opens the unit's JDBC connection pool and
   * builds its metamodel again, and keeps both until it is closed.
   */
  private static HeavyweightClient entityManagerFactory(String pkg) {
    return release(
        pkg + ".EntityManagerFactory",
        "",
        "each factory opens the persistence unit's own JDBC connection pool and builds its"
            + " metamodel, and keeps them until close()",
        "build one per persistence unit and share it, or close it in a finally block",
        ImmutableSet.of("close"),
        staticFactory(pkg + ".Persistence", "createEntityManagerFactory"));
  }

  /**
   * A JDBC connection pool, made by its constructor (and any {@code others}): built per call and
   * used, it opens physical connections of its own that stay open, with the threads that keep them,
   * until it is closed.
   */
  private static HeavyweightClient jdbcPool(String type, Creation... others) {
    Creation[] creations = new Creation[others.length + 1];
    creations[0] = new Constructor(type);
    System.arraycopy(others, 0, creations, 1, others.length);
    return release(
        type,
        "",
        "each pool opens physical connections of its own and keeps them open, with the threads"
            + " that tend them, until close()",
        "share one pool, or close it with try-with-resources",
        ImmutableSet.of("close"),
        creations);
  }

  private static HeavyweightClient jaxbContext(String type) {
    return share(
        type,
        "JAXBContext",
        "each context generates and loads accessor classes for every bound type",
        "create one per set of classes and share it (it is thread-safe)",
        ALL_METHODS,
        staticFactory(type, "newInstance"));
  }

  private static HeavyweightClient apacheHttpClient(String pkg, Creation... older) {
    return apacheClient(
        pkg,
        "Http",
        "CloseableHttpClient",
        "each instance owns a connection pool and its sockets",
        older);
  }

  /**
   * Apache's asynchronous HTTP client (4 and 5): its I/O reactor threads start with {@code start()}
   * and stop with {@code close()}.
   */
  private static HeavyweightClient apacheAsyncHttpClient(String pkg) {
    return apacheClient(pkg, "HttpAsync", "", REACTOR);
  }

  /**
   * An Apache HTTP client of {@code pkg}, {@code Closeable<kind>Client}, made as the library names
   * it for both kinds: {@code <kind>Clients.createDefault()}, {@code createSystem()}, {@code
   * createMinimal()}, or a builder from {@code <kind>Clients.custom()} or {@code
   * <kind>ClientBuilder.create()}.
   */
  private static HeavyweightClient apacheClient(
      String pkg, String kind, String displayName, String whyHeavy, Creation... older) {
    String clients = pkg + "." + kind + "Clients";
    String builderType = pkg + "." + kind + "ClientBuilder";
    ImmutableList<Creation> creations =
        ImmutableList.<Creation>builder()
            .add(
                staticFactory(clients, "createDefault"),
                staticFactory(clients, "createSystem"),
                staticFactory(clients, "createMinimal"),
                builder(
                    builderType,
                    "build",
                    staticFactory(clients, "custom"),
                    staticFactory(builderType, "create")))
            .add(older)
            .build();
    return release(
        pkg + ".Closeable" + kind + "Client",
        displayName,
        whyHeavy + " until close()",
        "share one client, or close it with try-with-resources",
        ImmutableSet.of("close"),
        creations.toArray(new Creation[0]));
  }

  /**
   * A client to share whose instances leak when built per call (threads, pools, Metaspace classes,
   * static registries).
   */
  static HeavyweightClient share(
      String type,
      String displayName,
      String whyHeavy,
      String whatToDo,
      ImmutableSet<String> sharedUseMethods,
      Creation... creations) {
    return share(
        PerCallHarm.LEAK, type, displayName, whyHeavy, whatToDo, sharedUseMethods, creations);
  }

  /**
   * A client to share whose instances only cost the time to build them (see {@link PerCallHarm}).
   */
  static HeavyweightClient shareCost(
      String type,
      String displayName,
      String whyHeavy,
      String whatToDo,
      ImmutableSet<String> sharedUseMethods,
      Creation... creations) {
    return share(
        PerCallHarm.COST, type, displayName, whyHeavy, whatToDo, sharedUseMethods, creations);
  }

  private static HeavyweightClient share(
      PerCallHarm harm,
      String type,
      String displayName,
      String whyHeavy,
      String whatToDo,
      ImmutableSet<String> sharedUseMethods,
      Creation... creations) {
    return new HeavyweightClient(
        type,
        displayName,
        SHARE,
        harm,
        whyHeavy,
        whatToDo,
        ImmutableSet.of(),
        ImmutableList.copyOf(creations),
        sharedUseMethods);
  }

  static HeavyweightClient release(
      String type,
      String displayName,
      String whyHeavy,
      String whatToDo,
      ImmutableSet<String> releaseMethods,
      Creation... creations) {
    return new HeavyweightClient(
        type,
        displayName,
        RELEASE,
        PerCallHarm.LEAK,
        whyHeavy,
        whatToDo,
        releaseMethods,
        ImmutableList.copyOf(creations),
        NONE);
  }

  static BuilderChain builder(String builderType, String buildMethod, Creation... roots) {
    return new BuilderChain(builderType, buildMethod, ImmutableList.copyOf(roots));
  }

  static StaticFactory staticFactory(String owner, String namePattern) {
    return new StaticFactory(new MethodRef(owner, namePattern));
  }

  private HeavyweightClients() {}
}
