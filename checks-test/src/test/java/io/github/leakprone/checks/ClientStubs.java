package io.github.leakprone.checks;

import static com.google.common.collect.ImmutableList.toImmutableList;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.CompilationTestHelper;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Minimal sources of the third-party types the check knows (the plugin itself depends on none of
 * them), and the test helpers that compile them next to each test's own source. Every method body
 * returns {@code null} or does nothing, so that the stubs themselves hold no creation to report.
 */
final class ClientStubs {

  record Stub(String path, String source) {
    String packageName() {
      return path.substring(0, path.lastIndexOf('/')).replace('/', '.');
    }
  }

  static final ImmutableList<Stub> ALL =
      ImmutableList.of(
          // --- OkHttp ---
          new Stub(
              "okhttp3/OkHttpClient.java",
              """
              package okhttp3;
              import java.util.concurrent.TimeUnit;
              public class OkHttpClient {
                public OkHttpClient() {}
                public Builder newBuilder() { return null; }
                public Call newCall(Request request) { return null; }
                public Dispatcher dispatcher() { return null; }
                public static final class Builder {
                  public Builder() {}
                  public Builder connectTimeout(long timeout, TimeUnit unit) { return this; }
                  public Builder readTimeout(long timeout, TimeUnit unit) { return this; }
                  public Builder retryOnConnectionFailure(boolean retry) { return this; }
                  public OkHttpClient build() { return null; }
                }
              }
              """),
          new Stub("okhttp3/Request.java", "package okhttp3; public final class Request {}"),
          new Stub(
              "okhttp3/Dispatcher.java",
              """
              package okhttp3;
              public final class Dispatcher {
                public java.util.concurrent.ExecutorService executorService() { return null; }
              }
              """),
          new Stub(
              "okhttp3/Call.java",
              """
              package okhttp3;
              public interface Call {
                Object execute() throws java.io.IOException;
              }
              """),
          // --- fastjson ---
          new Stub(
              "com/alibaba/fastjson/serializer/SerializeConfig.java",
              """
              package com.alibaba.fastjson.serializer;
              public class SerializeConfig {
                public com.alibaba.fastjson.PropertyNamingStrategy propertyNamingStrategy;
                public void setAsmEnable(boolean asmEnable) {}
              }
              """),
          new Stub(
              "com/alibaba/fastjson/parser/ParserConfig.java",
              """
              package com.alibaba.fastjson.parser;
              public class ParserConfig {
                public static ParserConfig getGlobalInstance() { return null; }
                public void setAutoTypeSupport(boolean autoTypeSupport) {}
              }
              """),
          new Stub(
              "com/alibaba/fastjson/PropertyNamingStrategy.java",
              """
              package com.alibaba.fastjson;
              public enum PropertyNamingStrategy { CamelCase, SnakeCase }
              """),
          new Stub(
              "com/alibaba/fastjson/JSON.java",
              """
              package com.alibaba.fastjson;
              import com.alibaba.fastjson.parser.ParserConfig;
              import com.alibaba.fastjson.serializer.SerializeConfig;
              public class JSON {
                public static String toJSONString(Object o, SerializeConfig c) { return ""; }
                public static <T> T parseObject(String text, Class<T> clazz, ParserConfig c) {
                  return null;
                }
              }
              """),
          // --- Aliyun OSS: its calls declare their unchecked failures, as the real SDK's do ---
          new Stub(
              "com/aliyun/oss/OSSException.java",
              """
              package com.aliyun.oss;
              public class OSSException extends RuntimeException {}
              """),
          new Stub(
              "com/aliyun/oss/ClientException.java",
              """
              package com.aliyun.oss;
              public class ClientException extends RuntimeException {}
              """),
          new Stub(
              "com/aliyun/oss/OSS.java",
              """
              package com.aliyun.oss;
              public interface OSS {
                Object putObject(String bucketName, String key, java.io.InputStream input)
                    throws OSSException, ClientException;
                void shutdown();
              }
              """),
          new Stub(
              "com/aliyun/oss/OSSClient.java",
              """
              package com.aliyun.oss;
              public class OSSClient implements OSS {
                public OSSClient(String endpoint, String accessKeyId, String secretAccessKey) {}
                @Override
                public Object putObject(String bucketName, String key, java.io.InputStream input)
                    throws OSSException, ClientException {
                  return null;
                }
                @Override
                public void shutdown() {}
              }
              """),
          new Stub(
              "com/aliyun/oss/OSSClientBuilder.java",
              """
              package com.aliyun.oss;
              public class OSSClientBuilder {
                public OSSClientBuilder() {}
                public OSS build(String endpoint, String accessKeyId, String secretAccessKey) {
                  return null;
                }
                public static OSSClientBuilderImpl create() { return null; }
                public static final class OSSClientBuilderImpl {
                  public OSSClientBuilderImpl endpoint(String endpoint) { return this; }
                  public OSSClientBuilderImpl region(String region) { return this; }
                  public OSS build() { return null; }
                }
              }
              """),
          // --- Jackson ---
          new Stub(
              "com/fasterxml/jackson/core/JsonProcessingException.java",
              """
              package com.fasterxml.jackson.core;
              public class JsonProcessingException extends java.io.IOException {
                private static final long serialVersionUID = 1L;
              }
              """),
          new Stub(
              "com/fasterxml/jackson/databind/DeserializationFeature.java",
              """
              package com.fasterxml.jackson.databind;
              public enum DeserializationFeature { FAIL_ON_UNKNOWN_PROPERTIES }
              """),
          new Stub(
              "com/fasterxml/jackson/databind/ObjectMapper.java",
              """
              package com.fasterxml.jackson.databind;
              import com.fasterxml.jackson.core.JsonProcessingException;
              public class ObjectMapper {
                public ObjectMapper() {}
                public String writeValueAsString(Object value) throws JsonProcessingException {
                  return null;
                }
                public <T> T readValue(String content, Class<T> type) throws JsonProcessingException {
                  return null;
                }
                public <T> T convertValue(Object fromValue, Class<T> type) { return null; }
                public ObjectMapper configure(DeserializationFeature feature, boolean state) {
                  return this;
                }
              }
              """),
          new Stub(
              "com/fasterxml/jackson/databind/cfg/MapperBuilder.java",
              """
              package com.fasterxml.jackson.databind.cfg;
              import com.fasterxml.jackson.databind.DeserializationFeature;
              import com.fasterxml.jackson.databind.ObjectMapper;
              public abstract class MapperBuilder<M extends ObjectMapper, B extends MapperBuilder<M, B>> {
                public B configure(DeserializationFeature feature, boolean state) { return null; }
                public M build() { return null; }
              }
              """),
          new Stub(
              "com/fasterxml/jackson/databind/json/JsonMapper.java",
              """
              package com.fasterxml.jackson.databind.json;
              import com.fasterxml.jackson.databind.ObjectMapper;
              import com.fasterxml.jackson.databind.cfg.MapperBuilder;
              public class JsonMapper extends ObjectMapper {
                public static Builder builder() { return null; }
                public static class Builder extends MapperBuilder<JsonMapper, Builder> {}
              }
              """),
          // --- Gson ---
          new Stub(
              "com/google/gson/Gson.java",
              """
              package com.google.gson;
              public final class Gson {
                public Gson() {}
                public String toJson(Object src) { return null; }
                public <T> T fromJson(String json, Class<T> classOfT) { return null; }
              }
              """),
          new Stub(
              "com/google/gson/GsonBuilder.java",
              """
              package com.google.gson;
              public final class GsonBuilder {
                public GsonBuilder() {}
                public GsonBuilder setPrettyPrinting() { return this; }
                public GsonBuilder setDateFormat(String pattern) { return this; }
                public Gson create() { return null; }
              }
              """),
          // --- JAXB, javax and jakarta ---
          jaxbContext("javax"),
          jaxbException("javax"),
          jaxbMarshaller("javax"),
          jaxbContext("jakarta"),
          jaxbException("jakarta"),
          jaxbMarshaller("jakarta"),
          // --- Retrofit ---
          new Stub(
              "retrofit2/Retrofit.java",
              """
              package retrofit2;
              public final class Retrofit {
                public <T> T create(Class<T> service) { return null; }
                public Builder newBuilder() { return null; }
                public static final class Builder {
                  public Builder() {}
                  public Builder baseUrl(String baseUrl) { return this; }
                  public Builder client(okhttp3.OkHttpClient client) { return this; }
                  public Retrofit build() { return null; }
                }
              }
              """),
          // --- Apache HttpClient 4 and 5 ---
          closeableHttpClient("org.apache.http.impl.client"),
          httpClients("org.apache.http.impl.client"),
          httpClientBuilder("org.apache.http.impl.client"),
          new Stub(
              "org/apache/http/conn/ClientConnectionManager.java",
              """
              package org.apache.http.conn;
              public interface ClientConnectionManager {
                void shutdown();
              }
              """),
          new Stub(
              "org/apache/http/client/HttpClient.java",
              """
              package org.apache.http.client;
              public interface HttpClient {
                org.apache.http.conn.ClientConnectionManager getConnectionManager();
              }
              """),
          new Stub(
              "org/apache/http/impl/client/AbstractHttpClient.java",
              """
              package org.apache.http.impl.client;
              public abstract class AbstractHttpClient extends CloseableHttpClient
                  implements org.apache.http.client.HttpClient {
                @Override
                public org.apache.http.conn.ClientConnectionManager getConnectionManager() {
                  return null;
                }
              }
              """),
          new Stub(
              "org/apache/http/impl/client/DefaultHttpClient.java",
              """
              package org.apache.http.impl.client;
              public class DefaultHttpClient extends AbstractHttpClient {
                public DefaultHttpClient() {}
              }
              """),
          closeableHttpClient("org.apache.hc.client5.http.impl.classic"),
          httpClients("org.apache.hc.client5.http.impl.classic"),
          httpClientBuilder("org.apache.hc.client5.http.impl.classic"),
          // --- AWS SDK v1 ---
          new Stub(
              "com/amazonaws/AmazonWebServiceClient.java",
              """
              package com.amazonaws;
              public abstract class AmazonWebServiceClient {
                protected AmazonWebServiceClient() {}
                public void shutdown() {}
              }
              """),
          new Stub(
              "com/amazonaws/services/s3/AmazonS3.java",
              """
              package com.amazonaws.services.s3;
              public interface AmazonS3 {
                Object putObject(String bucketName, String key, String content);
                void shutdown();
              }
              """),
          new Stub(
              "com/amazonaws/services/s3/AmazonS3Client.java",
              """
              package com.amazonaws.services.s3;
              public class AmazonS3Client extends com.amazonaws.AmazonWebServiceClient
                  implements AmazonS3 {
                public AmazonS3Client() {}
                @Override
                public Object putObject(String bucketName, String key, String content) {
                  return null;
                }
              }
              """),
          new Stub(
              "com/amazonaws/client/builder/AwsClientBuilder.java",
              """
              package com.amazonaws.client.builder;
              public abstract class AwsClientBuilder<
                  Subclass extends AwsClientBuilder<Subclass, TypeToBuild>, TypeToBuild> {
                public Subclass withRegion(String region) { return null; }
                public TypeToBuild build() { return null; }
              }
              """),
          new Stub(
              "com/amazonaws/services/s3/AmazonS3ClientBuilder.java",
              """
              package com.amazonaws.services.s3;
              import com.amazonaws.client.builder.AwsClientBuilder;
              public final class AmazonS3ClientBuilder
                  extends AwsClientBuilder<AmazonS3ClientBuilder, AmazonS3> {
                public static AmazonS3ClientBuilder standard() { return null; }
                public static AmazonS3 defaultClient() { return null; }
              }
              """),
          // --- AWS SDK v2 ---
          new Stub(
              "software/amazon/awssdk/utils/SdkAutoCloseable.java",
              """
              package software.amazon.awssdk.utils;
              public interface SdkAutoCloseable extends AutoCloseable {
                @Override
                void close();
              }
              """),
          new Stub(
              "software/amazon/awssdk/core/SdkClient.java",
              """
              package software.amazon.awssdk.core;
              public interface SdkClient extends software.amazon.awssdk.utils.SdkAutoCloseable {
                String serviceName();
              }
              """),
          new Stub(
              "software/amazon/awssdk/utils/builder/SdkBuilder.java",
              """
              package software.amazon.awssdk.utils.builder;
              public interface SdkBuilder<B extends SdkBuilder<B, T>, T> {
                T build();
              }
              """),
          new Stub(
              "software/amazon/awssdk/services/s3/S3Client.java",
              """
              package software.amazon.awssdk.services.s3;
              public interface S3Client extends software.amazon.awssdk.core.SdkClient {
                static S3Client create() { return null; }
                static S3ClientBuilder builder() { return null; }
                Object putObject(String bucket, String key, String content);
              }
              """),
          new Stub(
              "software/amazon/awssdk/services/s3/S3ClientBuilder.java",
              """
              package software.amazon.awssdk.services.s3;
              public interface S3ClientBuilder
                  extends software.amazon.awssdk.utils.builder.SdkBuilder<S3ClientBuilder, S3Client> {
                S3ClientBuilder region(String region);
              }
              """),
          // --- Netty's event-loop groups (the real ones are ScheduledExecutorServices) ---
          new Stub(
              "io/netty/util/concurrent/EventExecutorGroup.java",
              """
              package io.netty.util.concurrent;
              public interface EventExecutorGroup {
                java.util.concurrent.Future<?> shutdownGracefully();
                void execute(Runnable task);
              }
              """),
          new Stub(
              "io/netty/util/concurrent/MultithreadEventExecutorGroup.java",
              """
              package io.netty.util.concurrent;
              public abstract class MultithreadEventExecutorGroup implements EventExecutorGroup {
                public java.util.concurrent.Future<?> shutdownGracefully() { return null; }
                public void execute(Runnable task) {}
              }
              """),
          new Stub(
              "io/netty/channel/EventLoopGroup.java",
              """
              package io.netty.channel;
              public interface EventLoopGroup extends io.netty.util.concurrent.EventExecutorGroup {}
              """),
          new Stub(
              "io/netty/channel/nio/NioEventLoopGroup.java",
              """
              package io.netty.channel.nio;
              public class NioEventLoopGroup
                  extends io.netty.util.concurrent.MultithreadEventExecutorGroup
                  implements io.netty.channel.EventLoopGroup {
                public NioEventLoopGroup() {}
                public NioEventLoopGroup(int threads) {}
              }
              """),
          new Stub(
              "io/netty/util/concurrent/DefaultEventExecutorGroup.java",
              """
              package io.netty.util.concurrent;
              public class DefaultEventExecutorGroup extends MultithreadEventExecutorGroup {
                public DefaultEventExecutorGroup(int threads) {}
              }
              """),
          // --- JDBC connection pools ---
          new Stub(
              "com/zaxxer/hikari/HikariDataSource.java",
              """
              package com.zaxxer.hikari;
              public class HikariDataSource implements java.io.Closeable {
                public HikariDataSource() {}
                public void setJdbcUrl(String url) {}
                public java.sql.Connection getConnection() { return null; }
                @Override public void close() {}
              }
              """),
          new Stub(
              "org/apache/commons/dbcp2/BasicDataSource.java",
              """
              package org.apache.commons.dbcp2;
              public class BasicDataSource implements AutoCloseable {
                public void setUrl(String url) {}
                public java.sql.Connection getConnection() { return null; }
                @Override public void close() {}
              }
              """),
          new Stub(
              "org/apache/commons/dbcp2/BasicDataSourceFactory.java",
              """
              package org.apache.commons.dbcp2;
              public class BasicDataSourceFactory {
                public static BasicDataSource createDataSource(java.util.Properties p) {
                  return null;
                }
              }
              """),
          // --- MongoDB, Jedis, Kafka, Elasticsearch, Redisson ---
          new Stub(
              "com/mongodb/client/MongoClient.java",
              """
              package com.mongodb.client;
              public interface MongoClient extends java.io.Closeable {
                Object getDatabase(String name);
                @Override
                void close();
              }
              """),
          new Stub(
              "com/mongodb/client/MongoClients.java",
              """
              package com.mongodb.client;
              public final class MongoClients {
                public static MongoClient create(String connectionString) { return null; }
              }
              """),
          new Stub(
              "com/mongodb/MongoClient.java",
              """
              package com.mongodb;
              public class MongoClient implements java.io.Closeable {
                public MongoClient(String host) {}
                public Object getDatabase(String name) { return null; }
                @Override
                public void close() {}
              }
              """),
          jedisStub("JedisPool"),
          jedisStub("JedisCluster"),
          new Stub(
              "org/apache/kafka/clients/producer/Producer.java",
              """
              package org.apache.kafka.clients.producer;
              public interface Producer<K, V> extends java.io.Closeable {
                Object send(Object record);
                @Override
                void close();
              }
              """),
          new Stub(
              "org/apache/kafka/clients/producer/KafkaProducer.java",
              """
              package org.apache.kafka.clients.producer;
              public class KafkaProducer<K, V> implements Producer<K, V> {
                public KafkaProducer(java.util.Properties properties) {}
                @Override
                public Object send(Object record) { return null; }
                @Override
                public void close() {}
              }
              """),
          new Stub(
              "org/apache/kafka/clients/consumer/KafkaConsumer.java",
              """
              package org.apache.kafka.clients.consumer;
              public class KafkaConsumer<K, V> implements java.io.Closeable {
                public KafkaConsumer(java.util.Properties properties) {}
                public Object poll(java.time.Duration timeout) { return null; }
                @Override
                public void close() {}
              }
              """),
          new Stub(
              "org/elasticsearch/client/RestClient.java",
              """
              package org.elasticsearch.client;
              public class RestClient implements java.io.Closeable {
                public static RestClientBuilder builder(String... hosts) { return null; }
                public Object performRequest(Object request) throws java.io.IOException {
                  return null;
                }
                @Override
                public void close() {}
              }
              """),
          new Stub(
              "org/elasticsearch/client/RestClientBuilder.java",
              """
              package org.elasticsearch.client;
              public final class RestClientBuilder {
                public RestClientBuilder setPathPrefix(String prefix) { return this; }
                public RestClient build() { return null; }
              }
              """),
          new Stub(
              "org/elasticsearch/client/RestHighLevelClient.java",
              """
              package org.elasticsearch.client;
              public class RestHighLevelClient implements java.io.Closeable {
                public RestHighLevelClient(RestClientBuilder builder) {}
                // A body that may throw: one in sight that cannot is no path.
                public Object search(Object request) throws java.io.IOException {
                  throw new java.io.IOException("unreachable cluster");
                }
                @Override
                public void close() {}
              }
              """),
          new Stub(
              "org/redisson/api/RedissonClient.java",
              """
              package org.redisson.api;
              public interface RedissonClient {
                Object getMap(String name);
                void shutdown();
              }
              """),
          new Stub(
              "org/redisson/Redisson.java",
              """
              package org.redisson;
              public class Redisson {
                public static org.redisson.api.RedissonClient create() { return null; }
              }
              """),
          asyncHttpClient("org.apache.http.impl.nio.client"),
          asyncHttpClients("org.apache.http.impl.nio.client"),
          asyncHttpClient("org.apache.hc.client5.http.impl.async"),
          asyncHttpClients("org.apache.hc.client5.http.impl.async"),
          // --- JPA and Hibernate ---
          entityManagerFactory("javax.persistence", ""),
          entityManagerFactory("jakarta.persistence", " extends AutoCloseable"),
          entityManager("javax.persistence"),
          entityManager("jakarta.persistence"),
          persistence("javax.persistence"),
          persistence("jakarta.persistence"),
          new Stub(
              "org/hibernate/SessionFactory.java",
              """
              package org.hibernate;
              public interface SessionFactory extends javax.persistence.EntityManagerFactory {
                Session openSession();
              }
              """),
          new Stub(
              "org/hibernate/Session.java",
              """
              package org.hibernate;
              public interface Session extends AutoCloseable {
                void save(Object entity);
                @Override
                void close();
              }
              """),
          new Stub(
              "org/hibernate/cfg/Configuration.java",
              """
              package org.hibernate.cfg;
              public class Configuration {
                public Configuration() {}
                public Configuration configure() { return this; }
                public Configuration addAnnotatedClass(Class<?> type) { return this; }
                public org.hibernate.SessionFactory buildSessionFactory() { return null; }
              }
              """),
          // --- Release helpers and the run-once annotations of containers ---
          new Stub(
              "org/apache/commons/io/IOUtils.java",
              """
              package org.apache.commons.io;
              public final class IOUtils {
                // A body like the library's: compiled with the test, it is judged by it.
                public static void closeQuietly(java.io.Closeable closeable) {
                  try {
                    if (closeable != null) {
                      closeable.close();
                    }
                  } catch (java.io.IOException ignored) {
                    // quietly
                  }
                }
              }
              """),
          annotation("javax.annotation", "PostConstruct"),
          annotation("jakarta.annotation", "PostConstruct"),
          annotation("org.springframework.context.annotation", "Bean"),
          annotation("com.google.inject", "Provides"),
          annotation("jakarta.enterprise.inject", "Produces"),
          // Request handlers: Spring MVC, JAX-RS, websocket.
          annotation("org.springframework.web.bind.annotation", "GetMapping"),
          annotation("javax.ws.rs", "GET"),
          annotation("javax.websocket", "OnMessage"),
          // A user's own types, for the -XepOpt flags.
          new Stub(
              "com/acme/Client.java",
              """
              package com.acme;
              public class Client {
                public Client() {}
                public Client(String endpoint) {}
                public static Client create(String endpoint) { return null; }
                public static Client createOrThrow(String endpoint) throws java.io.IOException {
                  return null;
                }
                public static Client newClient() { return null; }
                public static Client of(String endpoint) { return null; }
                public static Builder builder() { return null; }
                public String get(String path) { return null; }
                public static final class Builder {
                  public Builder() {}
                  public Builder endpoint(String endpoint) { return this; }
                  public Client build() { return null; }
                }
              }
              """),
          new Stub(
              "com/acme/Pool.java",
              """
              package com.acme;
              public class Pool {
                public Pool(int size) {}
                public static Pool newPool(int size) { return null; }
                public void submit(Runnable task) {}
                public void shutdown() {}
                public void close() {}
              }
              """),
          new Stub(
              "com/acme/Conn.java",
              """
              package com.acme;
              public class Conn implements AutoCloseable {
                public Conn(String url) {}
                public static Conn createConn(String url) { return null; }
                public void send(String message) {}
                @Override
                public void close() {}
              }
              """));

  private static Stub jedisStub(String name) {
    return new Stub(
        pathOf("redis.clients.jedis", name),
        """
        package redis.clients.jedis;
        public class %s implements java.io.Closeable {
          public %s(String host, int port) {}
          public Object getResource() { return null; }
          public String get(String key) { return null; }
          @Override
          public void close() {}
          public void destroy() {}
        }
        """
            .formatted(name, name));
  }

  private static Stub asyncHttpClient(String pkg) {
    return new Stub(
        pathOf(pkg, "CloseableHttpAsyncClient"),
        """
        package %s;
        public abstract class CloseableHttpAsyncClient implements java.io.Closeable {
          public void start() {}
          public Object execute(Object request, Object callback) { return null; }
          @Override
          public void close() throws java.io.IOException {}
        }
        """
            .formatted(pkg));
  }

  private static Stub asyncHttpClients(String pkg) {
    return new Stub(
        pathOf(pkg, "HttpAsyncClients"),
        """
        package %s;
        public class HttpAsyncClients {
          public static CloseableHttpAsyncClient createDefault() { return null; }
        }
        """
            .formatted(pkg));
  }

  private static Stub entityManagerFactory(String pkg, String supertype) {
    return new Stub(
        pathOf(pkg, "EntityManagerFactory"),
        """
        package %s;
        public interface EntityManagerFactory%s {
          EntityManager createEntityManager();
          void close();
        }
        """
            .formatted(pkg, supertype));
  }

  private static Stub entityManager(String pkg) {
    return new Stub(
        pathOf(pkg, "EntityManager"),
        """
        package %s;
        public interface EntityManager {
          void persist(Object entity);
          void close();
        }
        """
            .formatted(pkg));
  }

  private static Stub persistence(String pkg) {
    return new Stub(
        pathOf(pkg, "Persistence"),
        """
        package %s;
        public class Persistence {
          public static EntityManagerFactory createEntityManagerFactory(String unit) {
            return null;
          }
          public static EntityManagerFactory createEntityManagerFactory(
              String unit, java.util.Map<?, ?> properties) {
            return null;
          }
        }
        """
            .formatted(pkg));
  }

  private static Stub jaxbContext(String root) {
    return new Stub(
        root + "/xml/bind/JAXBContext.java",
        """
        package %s.xml.bind;
        public abstract class JAXBContext {
          public static JAXBContext newInstance(Class<?>... classes) throws JAXBException {
            return null;
          }
          public abstract Marshaller createMarshaller() throws JAXBException;
        }
        """
            .formatted(root));
  }

  private static Stub jaxbException(String root) {
    return new Stub(
        root + "/xml/bind/JAXBException.java",
        """
        package %s.xml.bind;
        public class JAXBException extends Exception {
          private static final long serialVersionUID = 1L;
          public JAXBException(String message) { super(message); }
        }
        """
            .formatted(root));
  }

  private static Stub jaxbMarshaller(String root) {
    return new Stub(
        root + "/xml/bind/Marshaller.java",
        """
        package %s.xml.bind;
        public interface Marshaller {
          void marshal(Object element, java.io.Writer writer) throws JAXBException;
        }
        """
            .formatted(root));
  }

  private static Stub closeableHttpClient(String pkg) {
    return new Stub(
        pathOf(pkg, "CloseableHttpClient"),
        """
        package %s;
        public abstract class CloseableHttpClient implements java.io.Closeable {
          public Object execute(Object request) throws java.io.IOException { return null; }
          @Override
          public void close() throws java.io.IOException {}
        }
        """
            .formatted(pkg));
  }

  private static Stub httpClients(String pkg) {
    return new Stub(
        pathOf(pkg, "HttpClients"),
        """
        package %s;
        public class HttpClients {
          public static CloseableHttpClient createDefault() { return null; }
          public static CloseableHttpClient createSystem() { return null; }
          public static CloseableHttpClient createMinimal() { return null; }
          public static HttpClientBuilder custom() { return null; }
        }
        """
            .formatted(pkg));
  }

  private static Stub httpClientBuilder(String pkg) {
    return new Stub(
        pathOf(pkg, "HttpClientBuilder"),
        """
        package %s;
        public class HttpClientBuilder {
          protected HttpClientBuilder() {}
          public static HttpClientBuilder create() { return null; }
          public HttpClientBuilder setUserAgent(String userAgent) { return this; }
          public CloseableHttpClient build() { return null; }
        }
        """
            .formatted(pkg));
  }

  private static Stub annotation(String pkg, String name) {
    return new Stub(
        pathOf(pkg, name),
        """
        package %s;
        import java.lang.annotation.Retention;
        import java.lang.annotation.RetentionPolicy;
        @Retention(RetentionPolicy.RUNTIME)
        public @interface %s {}
        """
            .formatted(pkg, name));
  }

  private static String pathOf(String pkg, String simpleName) {
    return pkg.replace('.', '/') + "/" + simpleName + ".java";
  }

  /**
   * Matches a diagnostic whose message is exactly {@code message}: nothing but the check's name
   * before it, and nothing after it but the link to the documentation and a fix, on lines of their
   * own. For {@code // BUG: Diagnostic matches: KEY} with {@link
   * CompilationTestHelper#expectErrorMessage}.
   */
  static Predicate<String> exactly(String message) {
    String expected = "[HeavyweightClientPerCall] " + message;
    return new Predicate<>() {
      @Override
      public boolean test(String diagnostic) {
        return diagnostic.equals(expected) || diagnostic.startsWith(expected + "\n");
      }

      @Override
      public String toString() {
        return "exactly \"" + expected + "\"";
      }
    };
  }

  /** A compilation of {@code test}'s sources with every stub, checked by the check alone. */
  @SuppressWarnings("MissingTestCall") // the caller adds its source and calls doTest()
  static CompilationTestHelper compilation(Class<?> test) {
    CompilationTestHelper helper =
        CompilationTestHelper.newInstance(HeavyweightClientPerCall.class, test);
    for (Stub stub : ALL) {
      helper = helper.addSourceLines(stub.path(), stub.source());
    }
    return helper;
  }

  /**
   * A refactoring of {@code test}'s sources with the stubs of {@code packages} (and of the packages
   * those stubs use), which the fixes must leave alone. Only those: the helper compiles every
   * source twice for each input, so the cost grows with the square of the number of stubs.
   */
  @SuppressWarnings("MissingTestCall") // the caller adds its source and calls doTest()
  static BugCheckerRefactoringTestHelper refactoring(Class<?> test, String... packages) {
    BugCheckerRefactoringTestHelper helper =
        BugCheckerRefactoringTestHelper.newInstance(HeavyweightClientPerCall.class, test);
    for (Stub stub : stubsOf(packages)) {
      helper = helper.addInputLines(stub.path(), stub.source()).expectUnchanged();
    }
    return helper;
  }

  /** The stubs in {@code packages} or their subpackages, and the stubs those refer to. */
  static ImmutableList<Stub> stubsOf(String... packages) {
    Set<Stub> chosen = new HashSet<>();
    Deque<String> pending = new ArrayDeque<>(Arrays.asList(packages));
    while (!pending.isEmpty()) {
      String prefix = pending.pop();
      for (Stub stub : ALL) {
        if (stub.packageName().startsWith(prefix) && chosen.add(stub)) {
          for (Stub other : ALL) {
            if (stub.source().contains(other.packageName() + ".")) {
              pending.add(other.packageName());
            }
          }
        }
      }
    }
    return ALL.stream().filter(chosen::contains).collect(toImmutableList());
  }

  private ClientStubs() {}
}
