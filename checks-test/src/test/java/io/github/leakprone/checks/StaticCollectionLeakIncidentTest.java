package io.github.leakprone.checks;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode;
import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * Incident 003: ExcelExportTaskWebSocket, as the post shows it (Lombok's @Slf4j written out as the
 * field it generates; the post's missing semicolon after SESSIONS.add(session) restored).
 */
// TEXT_MATCH is deprecated from Error Prone 2.43 on, where it is doTest()'s default; 2.42.0, which
// JDK 17 runs, still defaults to AST_MATCH, so the tests name the mode.
@SuppressWarnings("deprecation")
final class StaticCollectionLeakIncidentTest {

  private static final String BEFORE =
      """
      package com.example.ws;

      import cn.hutool.json.JSONUtil;
      import com.google.common.collect.Maps;
      import java.util.ArrayList;
      import java.util.Collections;
      import java.util.List;
      import java.util.concurrent.ConcurrentMap;
      import java.util.concurrent.CopyOnWriteArraySet;
      import java.util.concurrent.atomic.AtomicInteger;
      import javax.websocket.OnClose;
      import javax.websocket.OnError;
      import javax.websocket.OnMessage;
      import javax.websocket.OnOpen;
      import javax.websocket.Session;
      import javax.websocket.server.PathParam;
      import javax.websocket.server.ServerEndpoint;
      import lombok.EqualsAndHashCode;
      import org.slf4j.Logger;
      import org.slf4j.LoggerFactory;
      import org.springframework.stereotype.Component;

      @Component
      @ServerEndpoint("/app/ws/export-task/{token}")
      @EqualsAndHashCode
      public class ExcelExportTaskWebSocket {

        private static final Logger log = LoggerFactory.getLogger(ExcelExportTaskWebSocket.class);

        public static final String HEART_BEAT = "HEART-BEAT";

        /** 在线人数 */
        private static final AtomicInteger ONLINE_COUNT = new AtomicInteger(0);
        /** 当前会话 */
        private Session session;
        /** 用户唯一标识 */
        private String userToken;

        /** concurrent包的线程安全Set，用来存放每个客户端对应的Session对象。 */
        private static final CopyOnWriteArraySet<ExcelExportTaskWebSocket> WEB_SOCKET_SET =
            new CopyOnWriteArraySet<>();

        /** concurrent包的线程安全set，用来存放每个客户端对应的MyWebSocket对象 */
        private static final ConcurrentMap<String, ExcelExportTaskWebSocket> WEB_SOCKET_MAP =
            Maps.newConcurrentMap();

        /** 为了保存在线用户信息，在方法中新建一个list存储一下 */
        private static final List<Session> SESSIONS = Collections.synchronizedList(new ArrayList<>());

        @OnOpen
        public void onOpen(Session session, @PathParam("token") String userToken) {
          this.session = session;
          this.userToken = userToken;
          WEB_SOCKET_SET.add(this);
          SESSIONS.add(session);
          if (WEB_SOCKET_MAP.containsKey(this.userToken)) {
            WEB_SOCKET_MAP.remove(this.userToken);
            WEB_SOCKET_MAP.put(this.userToken, this);
          } else {
            WEB_SOCKET_MAP.put(this.userToken, this);
            addOnlineCount();
          }
        }

        @OnClose
        public void onClose() {
          WEB_SOCKET_SET.remove(this);
          if (WEB_SOCKET_MAP.containsKey(userToken)) {
            WEB_SOCKET_MAP.remove(userToken);
            subOnlineCount();
          }
          log.info("[连接ID:{}] 断开连接, 当前连接数:{}", userToken, getOnlineCount());
        }

        @OnError
        public void onError(Session session, Throwable error) {
          log.info("[连接ID:{}] 错误原因:{}", this.userToken, error.getMessage());
        }

        @OnMessage
        public void onMessage(String message) {
          boolean json = JSONUtil.isJson(message);
          if (!json && HEART_BEAT.equals(message)) {
            return;
          }
          log.info("[连接ID:{}] 收到消息:{}", this.userToken, message);
        }

        public void sendMessage(String message, String userToken) {
          ExcelExportTaskWebSocket webSocketServer = WEB_SOCKET_MAP.get(userToken);
          if (webSocketServer != null) {
            log.info("【websocket消息】推送消息,[toUser]userToken={},message={}", userToken, message);
            try {
              webSocketServer.session.getBasicRemote().sendText(message);
            } catch (Exception e) {
              log.error("[连接ID:{}] 发送消息失败, 消息:{}", this.userToken, message, e);
            }
          }
        }

        public void sendMassMessage(String message) {
          try {
            for (Session currentSession : SESSIONS) {

              if (currentSession.isOpen()) {
                currentSession.getBasicRemote().sendText(message);
                log.info(
                    "[连接ID:{}] 发送消息:{}",
                    currentSession.getRequestParameterMap().get("userId"),
                    message);
              }
            }
          } catch (Exception e) {
            log.info("群发失败", e);
          }
        }

        public static synchronized AtomicInteger getOnlineCount() {
          return ONLINE_COUNT;
        }

        public static synchronized void addOnlineCount() {
          ExcelExportTaskWebSocket.ONLINE_COUNT.incrementAndGet();
        }

        public static synchronized void subOnlineCount() {
          ExcelExportTaskWebSocket.ONLINE_COUNT.decrementAndGet();
        }
      }
      """;

  @Test
  void incidentIsFlaggedOnceOnTheForgottenCollection() {
    LeakStubs.addTo(CompilationTestHelper.newInstance(StaticCollectionLeak.class, getClass()))
        .addSourceLines(
            "com/example/ws/ExcelExportTaskWebSocket.java",
            BEFORE.replace(
                "    SESSIONS.add(session);\n",
                "    // BUG: Diagnostic contains: SESSIONS grows in onOpen (@OnOpen) but onClose"
                    + " (@OnClose) never removes from it: every entry added there outlives its"
                    + " connection\n    SESSIONS.add(session);\n"))
        .doTest();
  }

  @Test
  void fixRemovesTheSessionInOnClose() {
    LeakStubs.addTo(
            BugCheckerRefactoringTestHelper.newInstance(StaticCollectionLeak.class, getClass()),
            "javax/websocket",
            "org/slf4j",
            "cn/hutool",
            "org/springframework/stereotype",
            "lombok")
        .addInputLines("com/example/ws/ExcelExportTaskWebSocket.java", BEFORE)
        .addOutputLines(
            "com/example/ws/ExcelExportTaskWebSocket.java",
            BEFORE.replace(
                "    WEB_SOCKET_SET.remove(this);\n",
                "    WEB_SOCKET_SET.remove(this);\n    SESSIONS.remove(session);\n"))
        .doTest(TestMode.TEXT_MATCH);
  }
}
