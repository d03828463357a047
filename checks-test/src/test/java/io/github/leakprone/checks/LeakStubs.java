package io.github.leakprone.checks;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.CompilationTestHelper;
import java.util.Map;
import java.util.TreeMap;

/**
 * Stubs of the third-party types the StaticCollectionLeak tests use (javax and jakarta websocket,
 * Jetty, Spring, Netty, servlet, SLF4J, Hutool, Caffeine, Guava's cache API is real), by path.
 */
final class LeakStubs {

  static final Map<String, String> FILES = new TreeMap<>();

  static {
    for (String ns : new String[] {"javax", "jakarta"}) {
      FILES.put(
          ns + "/websocket/Session.java",
          """
          package NS.websocket;
          public interface Session {
            RemoteEndpoint.Basic getBasicRemote();
            boolean isOpen();
            String getId();
            java.util.Map<String, java.util.List<String>> getRequestParameterMap();
          }
          """
              .replace("NS", ns));
      FILES.put(
          ns + "/websocket/RemoteEndpoint.java",
          """
          package NS.websocket;
          public interface RemoteEndpoint {
            interface Basic {
              void sendText(String text) throws java.io.IOException;
            }
          }
          """
              .replace("NS", ns));
      FILES.put(
          ns + "/websocket/CloseReason.java",
          "package NS.websocket;\npublic class CloseReason {}\n".replace("NS", ns));
      for (String annotation : new String[] {"OnOpen", "OnClose", "OnError", "OnMessage"}) {
        FILES.put(
            ns + "/websocket/" + annotation + ".java",
            """
            package NS.websocket;
            import java.lang.annotation.*;
            @Retention(RetentionPolicy.RUNTIME)
            @Target(ElementType.METHOD)
            public @interface NAME {}
            """
                .replace("NS", ns)
                .replace("NAME", annotation));
      }
      FILES.put(
          ns + "/websocket/server/ServerEndpoint.java",
          """
          package NS.websocket.server;
          public @interface ServerEndpoint {
            String value();
          }
          """
              .replace("NS", ns));
      FILES.put(
          ns + "/websocket/server/PathParam.java",
          """
          package NS.websocket.server;
          public @interface PathParam {
            String value();
          }
          """
              .replace("NS", ns));
      for (String annotation : new String[] {"PostConstruct", "PreDestroy"}) {
        FILES.put(
            ns + "/annotation/" + annotation + ".java",
            "package NS.annotation;\npublic @interface NAME {}\n"
                .replace("NS", ns)
                .replace("NAME", annotation));
      }
    }
    FILES.put(
        "org/slf4j/Logger.java",
        """
        package org.slf4j;
        public interface Logger {
          void info(String format, Object... arguments);
          void error(String format, Object... arguments);
        }
        """);
    FILES.put(
        "org/slf4j/LoggerFactory.java",
        """
        package org.slf4j;
        public final class LoggerFactory {
          public static Logger getLogger(Class<?> type) {
            return null;
          }
        }
        """);
    FILES.put(
        "cn/hutool/json/JSONUtil.java",
        """
        package cn.hutool.json;
        public final class JSONUtil {
          public static boolean isJson(String text) {
            return false;
          }
        }
        """);
    FILES.put(
        "org/springframework/stereotype/Component.java",
        "package org.springframework.stereotype;\npublic @interface Component {}\n");
    FILES.put(
        "lombok/EqualsAndHashCode.java",
        "package lombok;\npublic @interface EqualsAndHashCode {}\n");
    FILES.put(
        "org/springframework/web/socket/WebSocketSession.java",
        """
        package org.springframework.web.socket;
        public interface WebSocketSession {
          String getId();
        }
        """);
    FILES.put(
        "org/springframework/web/socket/CloseStatus.java",
        "package org.springframework.web.socket;\npublic class CloseStatus {}\n");
    FILES.put(
        "org/springframework/web/socket/handler/TextWebSocketHandler.java",
        """
        package org.springframework.web.socket.handler;
        import org.springframework.web.socket.CloseStatus;
        import org.springframework.web.socket.WebSocketSession;
        public class TextWebSocketHandler {
          public void afterConnectionEstablished(WebSocketSession session) throws Exception {}
          public void afterConnectionClosed(WebSocketSession session, CloseStatus status)
              throws Exception {}
        }
        """);
    FILES.put(
        "org/eclipse/jetty/websocket/api/Session.java",
        "package org.eclipse.jetty.websocket.api;\npublic interface Session {}\n");
    FILES.put(
        "org/eclipse/jetty/websocket/api/WebSocketAdapter.java",
        """
        package org.eclipse.jetty.websocket.api;
        public class WebSocketAdapter {
          public void onWebSocketConnect(Session session) {}
          public void onWebSocketClose(int statusCode, String reason) {}
          public void onWebSocketError(Throwable cause) {}
        }
        """);
    for (String annotation : new String[] {"OnWebSocketConnect", "OnWebSocketClose"}) {
      FILES.put(
          "org/eclipse/jetty/websocket/api/annotations/" + annotation + ".java",
          "package org.eclipse.jetty.websocket.api.annotations;\npublic @interface NAME {}\n"
              .replace("NAME", annotation));
    }
    FILES.put(
        "io/netty/channel/Channel.java",
        """
        package io.netty.channel;
        public interface Channel {
          ChannelFuture closeFuture();
        }
        """);
    FILES.put(
        "io/netty/channel/ChannelFuture.java",
        """
        package io.netty.channel;
        public interface ChannelFuture {
          ChannelFuture addListener(ChannelFutureListener listener);
        }
        """);
    FILES.put(
        "io/netty/channel/ChannelFutureListener.java",
        """
        package io.netty.channel;
        public interface ChannelFutureListener {
          void operationComplete(ChannelFuture future) throws Exception;
        }
        """);
    FILES.put(
        "io/netty/channel/ChannelHandlerContext.java",
        """
        package io.netty.channel;
        public interface ChannelHandlerContext {
          Channel channel();
        }
        """);
    FILES.put(
        "io/netty/channel/ChannelInboundHandlerAdapter.java",
        """
        package io.netty.channel;
        public class ChannelInboundHandlerAdapter {
          public void channelActive(ChannelHandlerContext ctx) throws Exception {}
          public void channelInactive(ChannelHandlerContext ctx) throws Exception {}
          public void handlerAdded(ChannelHandlerContext ctx) throws Exception {}
          public void handlerRemoved(ChannelHandlerContext ctx) throws Exception {}
        }
        """);
    FILES.put(
        "io/netty/channel/group/ChannelGroup.java",
        """
        package io.netty.channel.group;
        public interface ChannelGroup extends java.util.Set<io.netty.channel.Channel> {}
        """);
    FILES.put(
        "io/netty/channel/group/DefaultChannelGroup.java",
        """
        package io.netty.channel.group;
        public class DefaultChannelGroup extends java.util.HashSet<io.netty.channel.Channel>
            implements ChannelGroup {
          public DefaultChannelGroup(Object executor) {}
        }
        """);
    FILES.put(
        "javax/servlet/http/HttpSession.java",
        """
        package javax.servlet.http;
        public interface HttpSession {
          String getId();
        }
        """);
    FILES.put(
        "javax/servlet/http/HttpSessionEvent.java",
        """
        package javax.servlet.http;
        public class HttpSessionEvent {
          public HttpSession getSession() {
            return null;
          }
        }
        """);
    FILES.put(
        "javax/servlet/http/HttpSessionListener.java",
        """
        package javax.servlet.http;
        public interface HttpSessionListener {
          default void sessionCreated(HttpSessionEvent event) {}
          default void sessionDestroyed(HttpSessionEvent event) {}
        }
        """);
    FILES.put(
        "javax/servlet/ServletContextEvent.java",
        "package javax.servlet;\npublic class ServletContextEvent {}\n");
    FILES.put(
        "javax/servlet/ServletContextListener.java",
        """
        package javax.servlet;
        public interface ServletContextListener {
          default void contextInitialized(ServletContextEvent event) {}
          default void contextDestroyed(ServletContextEvent event) {}
        }
        """);
    FILES.put(
        "com/github/benmanes/caffeine/cache/Cache.java",
        """
        package com.github.benmanes.caffeine.cache;
        public interface Cache<K, V> {
          V getIfPresent(K key);
          V get(K key, java.util.function.Function<? super K, ? extends V> loader);
          void put(K key, V value);
          void invalidate(K key);
        }
        """);
    FILES.put(
        "com/github/benmanes/caffeine/cache/Caffeine.java",
        """
        package com.github.benmanes.caffeine.cache;
        public final class Caffeine<K, V> {
          public static Caffeine<Object, Object> newBuilder() {
            return new Caffeine<>();
          }
          public Caffeine<K, V> maximumSize(long size) {
            return this;
          }
          public Caffeine<K, V> expireAfterWrite(java.time.Duration duration) {
            return this;
          }
          public <K1 extends K, V1 extends V> Cache<K1, V1> build() {
            return null;
          }
        }
        """);
  }

  /** The helper with every stub added as a source next to the test's own. */
  @SuppressWarnings("MissingTestCall") // the caller ends the chain with doTest()
  static CompilationTestHelper addTo(CompilationTestHelper helper) {
    CompilationTestHelper result = helper;
    for (Map.Entry<String, String> file : FILES.entrySet()) {
      result = result.addSourceLines(file.getKey(), file.getValue());
    }
    return result;
  }

  /**
   * The helper with the stubs under the given folders ({@code "javax/websocket"}) added as inputs
   * that the fix must leave unchanged. (Each input costs a comparison, so fix tests name theirs.)
   */
  @SuppressWarnings("MissingTestCall") // the caller ends the chain with doTest()
  static BugCheckerRefactoringTestHelper addTo(
      BugCheckerRefactoringTestHelper helper, String... folders) {
    BugCheckerRefactoringTestHelper result = helper;
    for (Map.Entry<String, String> file : FILES.entrySet()) {
      for (String folder : folders) {
        if (file.getKey().startsWith(folder + "/")) {
          result = result.addInputLines(file.getKey(), file.getValue()).expectUnchanged();
          break;
        }
      }
    }
    return result;
  }

  private LeakStubs() {}
}
