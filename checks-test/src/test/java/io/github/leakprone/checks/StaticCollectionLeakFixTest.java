package io.github.leakprone.checks;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode;
import org.junit.jupiter.api.Test;

/** The suggested fix: the forgotten removal, in the close handler, compiled. */
// TEXT_MATCH is deprecated from Error Prone 2.43 on, where it is doTest()'s default; 2.42.0, which
// JDK 17 runs, still defaults to AST_MATCH, so the tests name the mode.
@SuppressWarnings("deprecation")
final class StaticCollectionLeakFixTest {

  private BugCheckerRefactoringTestHelper helper(String... stubFolders) {
    return LeakStubs.addTo(
        BugCheckerRefactoringTestHelper.newInstance(StaticCollectionLeak.class, getClass()),
        stubFolders);
  }

  @Test
  void usesThePartnersParameterOfTheSameType() {
    helper("org/springframework/web/socket")
        .addInputLines(
            "Handler.java",
            """
            import java.util.Map;
            import java.util.concurrent.ConcurrentHashMap;
            import org.springframework.web.socket.CloseStatus;
            import org.springframework.web.socket.WebSocketSession;
            import org.springframework.web.socket.handler.TextWebSocketHandler;

            class Handler extends TextWebSocketHandler {
              private static final Map<String, WebSocketSession> OPEN = new ConcurrentHashMap<>();

              @Override
              public void afterConnectionEstablished(WebSocketSession session) {
                OPEN.put(session.getId(), session);
              }

              @Override
              public void afterConnectionClosed(WebSocketSession closed, CloseStatus status) {
                System.out.println(status);
              }
            }
            """)
        .addOutputLines(
            "Handler.java",
            """
            import java.util.Map;
            import java.util.concurrent.ConcurrentHashMap;
            import org.springframework.web.socket.CloseStatus;
            import org.springframework.web.socket.WebSocketSession;
            import org.springframework.web.socket.handler.TextWebSocketHandler;

            class Handler extends TextWebSocketHandler {
              private static final Map<String, WebSocketSession> OPEN = new ConcurrentHashMap<>();

              @Override
              public void afterConnectionEstablished(WebSocketSession session) {
                OPEN.put(session.getId(), session);
              }

              @Override
              public void afterConnectionClosed(WebSocketSession closed, CloseStatus status) {
                OPEN.remove(closed.getId());
                System.out.println(status);
              }
            }
            """)
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void fillsAnEmptyCloseHandler() {
    helper("io/netty/channel")
        .addInputLines(
            "Tracker.java",
            """
            import io.netty.channel.Channel;
            import io.netty.channel.ChannelHandlerContext;
            import io.netty.channel.ChannelInboundHandlerAdapter;
            import java.util.Set;
            import java.util.concurrent.ConcurrentHashMap;

            class Tracker extends ChannelInboundHandlerAdapter {
              private static final Set<Channel> ACTIVE = ConcurrentHashMap.newKeySet();

              @Override
              public void channelActive(ChannelHandlerContext ctx) {
                ACTIVE.add(ctx.channel());
              }

              @Override
              public void channelInactive(ChannelHandlerContext ctx) {}
            }
            """)
        .addOutputLines(
            "Tracker.java",
            """
            import io.netty.channel.Channel;
            import io.netty.channel.ChannelHandlerContext;
            import io.netty.channel.ChannelInboundHandlerAdapter;
            import java.util.Set;
            import java.util.concurrent.ConcurrentHashMap;

            class Tracker extends ChannelInboundHandlerAdapter {
              private static final Set<Channel> ACTIVE = ConcurrentHashMap.newKeySet();

              @Override
              public void channelActive(ChannelHandlerContext ctx) {
                ACTIVE.add(ctx.channel());
              }

              @Override
              public void channelInactive(ChannelHandlerContext ctx) {
                ACTIVE.remove(ctx.channel());
              }
            }
            """)
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void createsTheMissingOnCloseWithTheSession() {
    helper("javax/websocket")
        .addInputLines(
            "Endpoint.java",
            """
            import java.util.List;
            import java.util.concurrent.CopyOnWriteArrayList;
            import javax.websocket.OnOpen;
            import javax.websocket.Session;

            class Endpoint {
              private static final List<Session> SESSIONS = new CopyOnWriteArrayList<>();

              @OnOpen
              public void onOpen(Session session) {
                SESSIONS.add(session);
              }
            }
            """)
        .addOutputLines(
            "Endpoint.java",
            """
            import java.util.List;
            import java.util.concurrent.CopyOnWriteArrayList;
            import javax.websocket.OnClose;
            import javax.websocket.OnOpen;
            import javax.websocket.Session;

            class Endpoint {
              private static final List<Session> SESSIONS = new CopyOnWriteArrayList<>();

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
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void createsTheMissingJakartaOnCloseForThis() {
    helper("jakarta/websocket")
        .addInputLines(
            "Endpoint.java",
            """
            import jakarta.websocket.OnOpen;
            import java.util.Set;
            import java.util.concurrent.CopyOnWriteArraySet;

            class Endpoint {
              private static final Set<Endpoint> ENDPOINTS = new CopyOnWriteArraySet<>();

              @OnOpen
              public void onOpen() {
                ENDPOINTS.add(this);
              }
            }
            """)
        .addOutputLines(
            "Endpoint.java",
            """
            import jakarta.websocket.OnClose;
            import jakarta.websocket.OnOpen;
            import java.util.Set;
            import java.util.concurrent.CopyOnWriteArraySet;

            class Endpoint {
              private static final Set<Endpoint> ENDPOINTS = new CopyOnWriteArraySet<>();

              @OnOpen
              public void onOpen() {
                ENDPOINTS.add(this);
              }

              @OnClose
              public void onClose() {
                ENDPOINTS.remove(this);
              }
            }
            """)
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void multimapEntryIsRemovedByKeyAndValue() {
    helper("javax/websocket")
        .addInputLines(
            "Users.java",
            """
            import com.google.common.collect.LinkedListMultimap;
            import com.google.common.collect.ListMultimap;
            import com.google.common.collect.Multimaps;
            import javax.websocket.OnClose;
            import javax.websocket.OnOpen;
            import javax.websocket.Session;

            class Users {
              private static final ListMultimap<String, Session> BY_USER =
                  Multimaps.synchronizedListMultimap(LinkedListMultimap.create());
              private String user;

              @OnOpen
              public void onOpen(Session session) {
                user = session.getId();
                BY_USER.put(user, session);
              }

              @OnClose
              public void onClose(Session session) {
                System.out.println("bye");
              }
            }
            """)
        .addOutputLines(
            "Users.java",
            """
            import com.google.common.collect.LinkedListMultimap;
            import com.google.common.collect.ListMultimap;
            import com.google.common.collect.Multimaps;
            import javax.websocket.OnClose;
            import javax.websocket.OnOpen;
            import javax.websocket.Session;

            class Users {
              private static final ListMultimap<String, Session> BY_USER =
                  Multimaps.synchronizedListMultimap(LinkedListMultimap.create());
              private String user;

              @OnOpen
              public void onOpen(Session session) {
                user = session.getId();
                BY_USER.put(user, session);
              }

              @OnClose
              public void onClose(Session session) {
                BY_USER.remove(user, session);
                System.out.println("bye");
              }
            }
            """)
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void noFixWhereTheRemovedValueIsNotAtHand() {
    helper("javax/websocket")
        .addInputLines(
            "NoFix.java",
            """
            import java.util.List;
            import java.util.Map;
            import java.util.concurrent.ConcurrentHashMap;
            import java.util.concurrent.CopyOnWriteArrayList;
            import javax.websocket.OnClose;
            import javax.websocket.OnOpen;
            import javax.websocket.Session;

            class NoFix {
              private static final List<Object> WRAPPED = new CopyOnWriteArrayList<>();
              private static final Map<String, List<Session>> INNER = new ConcurrentHashMap<>();
              private static final List<Session> AMBIGUOUS = new CopyOnWriteArrayList<>();

              @OnOpen
              public void onOpen(Session session) {
                WRAPPED.add(new Object[] {session});
                INNER.computeIfAbsent(session.getId(), k -> new CopyOnWriteArrayList<>()).add(session);
                AMBIGUOUS.add(session);
              }

              @OnClose
              public void onClose(Session first, Session second) {}
            }
            """)
        .expectUnchanged()
        .doTest(TestMode.TEXT_MATCH);
  }
}
