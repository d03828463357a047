package io.github.leakprone.checks;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/** Each lifecycle pair: growth on open, with and without the matching removal on close. */
final class StaticCollectionLeakLifecycleTest {

  private final CompilationTestHelper helper =
      LeakStubs.addTo(CompilationTestHelper.newInstance(StaticCollectionLeak.class, getClass()));

  @Test
  void jsr356Javax() {
    helper
        .addSourceLines(
            "Removes.java",
            """
            import java.util.Set;
            import java.util.concurrent.CopyOnWriteArraySet;
            import javax.websocket.OnClose;
            import javax.websocket.OnOpen;
            import javax.websocket.Session;

            class Removes {
              private static final Set<Session> SESSIONS = new CopyOnWriteArraySet<>();

              @OnOpen
              public void onOpen(Session session) {
                SESSIONS.add(session);
              }

              @OnClose
              public void onClose(Session session) {
                SESSIONS.remove(session);
              }
            }
            """)
        .addSourceLines(
            "Forgets.java",
            """
            import java.util.Set;
            import java.util.concurrent.CopyOnWriteArraySet;
            import javax.websocket.OnClose;
            import javax.websocket.OnOpen;
            import javax.websocket.Session;

            class Forgets {
              private static final Set<Session> SESSIONS = new CopyOnWriteArraySet<>();

              @OnOpen
              public void onOpen(Session session) {
                // BUG: Diagnostic matches: FORGETS
                SESSIONS.add(session);
              }

              @OnClose
              public void onClose(Session session) {}
            }
            """)
        .expectErrorMessage(
            "FORGETS",
            m ->
                m.contains(
                    "SESSIONS grows in onOpen (@OnOpen) but onClose (@OnClose) never removes from"
                        + " it: every entry added there outlives its connection or registration,"
                        + " held by the static field until the JVM exits; remove it in onClose"))
        .doTest();
  }

  @Test
  void jsr356Jakarta() {
    helper
        .addSourceLines(
            "Removes.java",
            """
            import jakarta.websocket.OnClose;
            import jakarta.websocket.OnOpen;
            import jakarta.websocket.Session;
            import java.util.Map;
            import java.util.concurrent.ConcurrentHashMap;

            class Removes {
              private static final Map<String, Session> BY_ID = new ConcurrentHashMap<>();

              @OnOpen
              public void open(Session session) {
                BY_ID.put(session.getId(), session);
              }

              @OnClose
              public void close(Session session) {
                BY_ID.remove(session.getId());
              }
            }
            """)
        .addSourceLines(
            "Forgets.java",
            """
            import jakarta.websocket.OnClose;
            import jakarta.websocket.OnOpen;
            import jakarta.websocket.Session;
            import java.util.Map;
            import java.util.concurrent.ConcurrentHashMap;

            class Forgets {
              private static final Map<String, Session> BY_ID = new ConcurrentHashMap<>();

              @OnOpen
              public void open(Session session) {
                // BUG: Diagnostic contains: BY_ID grows in open (@OnOpen) but close (@OnClose)
                BY_ID.put(session.getId(), session);
              }

              @OnClose
              public void close(Session session) {}
            }
            """)
        .doTest();
  }

  @Test
  void jsr356WithoutOnClose() {
    helper
        .addSourceLines(
            "NoClose.java",
            """
            import java.util.List;
            import java.util.concurrent.CopyOnWriteArrayList;
            import javax.websocket.OnError;
            import javax.websocket.OnOpen;
            import javax.websocket.Session;

            class NoClose {
              private static final List<Session> SESSIONS = new CopyOnWriteArrayList<>();

              @OnOpen
              public void onOpen(Session session) {
                // BUG: Diagnostic matches: NO_CLOSE
                SESSIONS.add(session);
              }

              @OnError
              public void onError(Session session, Throwable error) {
                SESSIONS.remove(session);
              }
            }
            """)
        .expectErrorMessage(
            "NO_CLOSE",
            m ->
                m.contains(
                    "SESSIONS grows in onOpen (@OnOpen) but the class has no @OnClose method, so"
                        + " nothing removes the entry when it ends (it removes only in onError(),"
                        + " there is no close handler): every entry added there outlives its"
                        + " connection or registration, held by the static field until the JVM"
                        + " exits; add an @OnClose method that removes it"))
        .doTest();
  }

  @Test
  void removalOnlyOnARarePathIsNoExcuse() {
    helper
        .addSourceLines(
            "RarePath.java",
            """
            import java.io.IOException;
            import java.util.List;
            import java.util.concurrent.CopyOnWriteArrayList;
            import javax.websocket.OnClose;
            import javax.websocket.OnError;
            import javax.websocket.OnOpen;
            import javax.websocket.Session;

            class RarePath {
              private static final List<Session> SESSIONS = new CopyOnWriteArrayList<>();

              @OnOpen
              public void onOpen(Session session) {
                // BUG: Diagnostic matches: RARE
                SESSIONS.add(session);
              }

              @OnClose
              public void onClose() {}

              @OnError
              public void onError(Session session, Throwable error) {
                SESSIONS.remove(session);
              }

              public void broadcast(String text) {
                for (Session session : SESSIONS) {
                  try {
                    session.getBasicRemote().sendText(text);
                  } catch (IOException e) {
                    SESSIONS.remove(session);
                  }
                }
              }
            }
            """)
        .expectErrorMessage(
            "RARE",
            m ->
                m.contains(
                    "SESSIONS grows in onOpen (@OnOpen) but onClose (@OnClose) never removes from"
                        + " it (it removes only in onError() and broadcast(), not in the close"
                        + " handler)"))
        .doTest();
  }

  @Test
  void helpersOnEitherSideAreFollowed() {
    helper
        .addSourceLines(
            "Helpers.java",
            """
            import java.util.Set;
            import java.util.concurrent.ConcurrentHashMap;
            import javax.websocket.OnClose;
            import javax.websocket.OnOpen;
            import javax.websocket.Session;

            class Helpers {
              private static final Set<Session> SESSIONS = ConcurrentHashMap.newKeySet();

              @OnOpen
              public void onOpen(Session session) {
                register(session);
              }

              @OnClose
              public void onClose(Session session) {
                cleanUp(session);
              }

              private static void register(Session session) {
                SESSIONS.add(session);
              }

              private void cleanUp(Session session) {
                forget(session);
              }

              private static void forget(Session session) {
                SESSIONS.remove(session);
              }
            }
            """)
        .addSourceLines(
            "HelperForgets.java",
            """
            import java.util.Set;
            import java.util.concurrent.ConcurrentHashMap;
            import javax.websocket.OnClose;
            import javax.websocket.OnOpen;
            import javax.websocket.Session;

            class HelperForgets {
              private static final Set<Session> SESSIONS = ConcurrentHashMap.newKeySet();

              @OnOpen
              public void onOpen(Session session) {
                register(session);
              }

              @OnClose
              public void onClose(Session session) {}

              private static void register(Session session) {
                // BUG: Diagnostic contains: grows in register(), called from onOpen (@OnOpen), but
                SESSIONS.add(session);
              }
            }
            """)
        .doTest();
  }

  @Test
  void jettyAnnotations() {
    helper
        .addSourceLines(
            "JettyEndpoint.java",
            """
            import java.util.Set;
            import java.util.concurrent.CopyOnWriteArraySet;
            import org.eclipse.jetty.websocket.api.Session;
            import org.eclipse.jetty.websocket.api.annotations.OnWebSocketClose;
            import org.eclipse.jetty.websocket.api.annotations.OnWebSocketConnect;

            class JettyEndpoint {
              private static final Set<Session> OPEN = new CopyOnWriteArraySet<>();
              private static final Set<Session> SEEN = new CopyOnWriteArraySet<>();
              private Session session;

              @OnWebSocketConnect
              public void connected(Session session) {
                this.session = session;
                OPEN.add(session);
                // BUG: Diagnostic contains: (@OnWebSocketConnect) but closed (@OnWebSocketClose)
                SEEN.add(session);
              }

              @OnWebSocketClose
              public void closed(int status, String reason) {
                OPEN.remove(session);
              }
            }
            """)
        .doTest();
  }

  @Test
  void jettyListener() {
    helper
        .addSourceLines(
            "JettySocket.java",
            """
            import java.util.Set;
            import java.util.concurrent.CopyOnWriteArraySet;
            import org.eclipse.jetty.websocket.api.Session;
            import org.eclipse.jetty.websocket.api.WebSocketAdapter;

            class JettySocket extends WebSocketAdapter {
              private static final Set<JettySocket> OPEN = new CopyOnWriteArraySet<>();
              private static final Set<JettySocket> SEEN = new CopyOnWriteArraySet<>();

              @Override
              public void onWebSocketConnect(Session session) {
                OPEN.add(this);
                // BUG: Diagnostic contains: onWebSocketConnect but onWebSocketClose never removes
                SEEN.add(this);
              }

              @Override
              public void onWebSocketClose(int status, String reason) {
                OPEN.remove(this);
              }
            }
            """)
        .doTest();
  }

  @Test
  void springHandler() {
    helper
        .addSourceLines(
            "SpringHandler.java",
            """
            import java.util.Map;
            import java.util.concurrent.ConcurrentHashMap;
            import org.springframework.web.socket.CloseStatus;
            import org.springframework.web.socket.WebSocketSession;
            import org.springframework.web.socket.handler.TextWebSocketHandler;

            class SpringHandler extends TextWebSocketHandler {
              private static final Map<String, WebSocketSession> OPEN = new ConcurrentHashMap<>();
              private static final Map<String, WebSocketSession> SEEN = new ConcurrentHashMap<>();

              @Override
              public void afterConnectionEstablished(WebSocketSession session) {
                OPEN.put(session.getId(), session);
                // BUG: Diagnostic contains: afterConnectionEstablished but afterConnectionClosed
                SEEN.put(session.getId(), session);
              }

              @Override
              public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
                OPEN.remove(session.getId());
              }
            }
            """)
        .doTest();
  }

  @Test
  void nettyHandlers() {
    helper
        .addSourceLines(
            "ChannelTracker.java",
            """
            import io.netty.channel.Channel;
            import io.netty.channel.ChannelHandlerContext;
            import io.netty.channel.ChannelInboundHandlerAdapter;
            import java.util.Set;
            import java.util.concurrent.ConcurrentHashMap;

            class ChannelTracker extends ChannelInboundHandlerAdapter {
              private static final Set<Channel> ACTIVE = ConcurrentHashMap.newKeySet();
              private static final Set<Channel> EVER = ConcurrentHashMap.newKeySet();
              private static final Set<ChannelHandlerContext> HANDLERS = ConcurrentHashMap.newKeySet();

              @Override
              public void channelActive(ChannelHandlerContext ctx) {
                ACTIVE.add(ctx.channel());
                // BUG: Diagnostic contains: EVER grows in channelActive but channelInactive never
                EVER.add(ctx.channel());
              }

              @Override
              public void channelInactive(ChannelHandlerContext ctx) {
                ACTIVE.remove(ctx.channel());
              }

              @Override
              public void handlerAdded(ChannelHandlerContext ctx) {
                // BUG: Diagnostic contains: handlerAdded but the class has no handlerRemoved method
                HANDLERS.add(ctx);
              }
            }
            """)
        .doTest();
  }

  @Test
  void nettyCloseFutureListenerRemoves() {
    helper
        .addSourceLines(
            "CloseListener.java",
            """
            import io.netty.channel.Channel;
            import io.netty.channel.ChannelHandlerContext;
            import io.netty.channel.ChannelInboundHandlerAdapter;
            import java.util.Set;
            import java.util.concurrent.ConcurrentHashMap;

            class CloseListener extends ChannelInboundHandlerAdapter {
              private static final Set<Channel> ACTIVE = ConcurrentHashMap.newKeySet();

              @Override
              public void channelActive(ChannelHandlerContext ctx) {
                Channel channel = ctx.channel();
                ACTIVE.add(channel);
                channel.closeFuture().addListener(future -> ACTIVE.remove(channel));
              }
            }
            """)
        .doTest();
  }

  @Test
  void servletSessionListener() {
    helper
        .addSourceLines(
            "SessionTracker.java",
            """
            import java.util.Map;
            import java.util.concurrent.ConcurrentHashMap;
            import javax.servlet.http.HttpSession;
            import javax.servlet.http.HttpSessionEvent;
            import javax.servlet.http.HttpSessionListener;

            class SessionTracker implements HttpSessionListener {
              private static final Map<String, HttpSession> LIVE = new ConcurrentHashMap<>();
              private static final Map<String, HttpSession> ALL = new ConcurrentHashMap<>();

              @Override
              public void sessionCreated(HttpSessionEvent event) {
                LIVE.put(event.getSession().getId(), event.getSession());
                // BUG: Diagnostic contains: ALL grows in sessionCreated but sessionDestroyed never
                ALL.put(event.getSession().getId(), event.getSession());
              }

              @Override
              public void sessionDestroyed(HttpSessionEvent event) {
                LIVE.remove(event.getSession().getId());
              }
            }
            """)
        .doTest();
  }

  @Test
  void servletContextAndInitDestroy() {
    helper
        .addSourceLines(
            "ContextRegistry.java",
            """
            import java.util.List;
            import java.util.concurrent.CopyOnWriteArrayList;
            import javax.servlet.ServletContextEvent;
            import javax.servlet.ServletContextListener;

            class ContextRegistry implements ServletContextListener {
              private static final List<Object> CONTEXTS = new CopyOnWriteArrayList<>();

              @Override
              public void contextInitialized(ServletContextEvent event) {
                // BUG: Diagnostic contains: grows in contextInitialized but contextDestroyed never
                CONTEXTS.add(event);
              }

              @Override
              public void contextDestroyed(ServletContextEvent event) {}
            }
            """)
        .addSourceLines(
            "OnlyInitialized.java",
            """
            import java.util.List;
            import java.util.concurrent.CopyOnWriteArrayList;
            import javax.servlet.ServletContextEvent;
            import javax.servlet.ServletContextListener;

            // Without contextDestroyed, contextInitialized runs once: set-up, not traffic.
            class OnlyInitialized implements ServletContextListener {
              private static final List<Object> CONTEXTS = new CopyOnWriteArrayList<>();

              @Override
              public void contextInitialized(ServletContextEvent event) {
                CONTEXTS.add(event);
              }
            }
            """)
        .addSourceLines(
            "Filter.java",
            """
            import java.util.ArrayList;
            import java.util.List;

            class Filter {
              private static final List<Filter> INSTANCES = new ArrayList<>();
              private static final List<Filter> KEPT = new ArrayList<>();

              public void init() {
                INSTANCES.add(this);
                // BUG: Diagnostic contains: KEPT grows in init but destroy never removes from it
                KEPT.add(this);
              }

              public void destroy() {
                INSTANCES.remove(this);
              }
            }
            """)
        .doTest();
  }

  @Test
  void postConstructAndPreDestroy() {
    helper
        .addSourceLines(
            "Bean.java",
            """
            import java.util.ArrayList;
            import java.util.List;
            import javax.annotation.PostConstruct;
            import javax.annotation.PreDestroy;

            class Bean {
              private static final List<Bean> BEANS = new ArrayList<>();

              @PostConstruct
              void start() {
                // BUG: Diagnostic contains: BEANS grows in start (@PostConstruct) but stop (@PreDestroy)
                BEANS.add(this);
              }

              @PreDestroy
              void stop() {}
            }
            """)
        .addSourceLines(
            "OnceBean.java",
            """
            import jakarta.annotation.PostConstruct;
            import java.util.ArrayList;
            import java.util.List;

            // Without @PreDestroy, @PostConstruct runs once per bean: set-up, not traffic.
            class OnceBean {
              private static final List<OnceBean> BEANS = new ArrayList<>();

              @PostConstruct
              void init() {
                BEANS.add(this);
              }
            }
            """)
        .doTest();
  }

  @Test
  void namePairs() {
    helper
        .addSourceLines(
            "Bus.java",
            """
            import java.util.List;
            import java.util.Map;
            import java.util.concurrent.ConcurrentHashMap;
            import java.util.concurrent.CopyOnWriteArrayList;

            class Bus {
              private static final List<Runnable> HANDLERS = new CopyOnWriteArrayList<>();
              private static final List<Runnable> SUBSCRIBERS = new CopyOnWriteArrayList<>();
              private static final List<Runnable> FOO_LISTENERS = new CopyOnWriteArrayList<>();
              private static final Map<String, Runnable> SINKS = new ConcurrentHashMap<>();

              public static void registerHandler(Runnable handler) {
                HANDLERS.add(handler);
              }

              public static void unregisterHandler(Runnable handler) {
                HANDLERS.remove(handler);
              }

              public static void subscribe(Runnable subscriber) {
                // BUG: Diagnostic contains: SUBSCRIBERS grows in subscribe but unsubscribe never
                SUBSCRIBERS.add(subscriber);
              }

              public static void unsubscribe(Runnable subscriber) {}

              public void addFooListener(Runnable listener) {
                // BUG: Diagnostic contains: removes only in removeBarListener(), not in the close
                FOO_LISTENERS.add(listener);
              }

              public void removeFooListener(Runnable listener) {}

              public void removeBarListener(Runnable listener) {
                FOO_LISTENERS.remove(listener);
              }

              public void open(String name, Runnable sink) {
                SINKS.put(name, sink);
              }

              public void close(String name) {
                SINKS.remove(name);
              }
            }
            """)
        .addSourceLines(
            "Service.java",
            """
            import java.util.ArrayList;
            import java.util.List;

            class Service {
              private static final List<Service> RUNNING = new ArrayList<>();
              private static final List<Service> CONNECTED = new ArrayList<>();

              public void start() {
                // BUG: Diagnostic contains: RUNNING grows in start but stop never removes from it
                RUNNING.add(this);
              }

              public void stop() {}

              public void connect() {
                CONNECTED.add(this);
              }

              public void disconnect() {
                CONNECTED.remove(this);
              }
            }
            """)
        .doTest();
  }

  @Test
  void namePairWithoutPartnerIsAnOrdinaryMethod() {
    helper
        .addSourceLines(
            "Registry.java",
            """
            import java.util.List;
            import java.util.concurrent.CopyOnWriteArrayList;

            class Registry {
              private static final List<Runnable> HANDLERS = new CopyOnWriteArrayList<>();
              private static final List<Runnable> REMOVABLE = new CopyOnWriteArrayList<>();

              public static void register(Runnable handler) {
                // BUG: Diagnostic contains: grows in register on every call and nothing in this
                HANDLERS.add(handler);
              }

              public static void register2(Runnable handler) {
                REMOVABLE.add(handler);
              }

              public static void clearAll() {
                REMOVABLE.clear();
              }
            }
            """)
        .doTest();
  }
}
