package com.example.leakdemo.incident003;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.websocket.OnClose;
import javax.websocket.OnError;
import javax.websocket.OnMessage;
import javax.websocket.OnOpen;
import javax.websocket.Session;
import javax.websocket.server.PathParam;
import javax.websocket.server.ServerEndpoint;

/**
 * Incident 003, fixed: onClose removes the session from SESSIONS too, as it does from the other
 * two collections. No finding.
 */
@ServerEndpoint("/app/ws/export-task-fixed/{token}")
public class ExcelExportTaskWebSocketFixed {

  private static final Logger log = Logger.getLogger(ExcelExportTaskWebSocketFixed.class.getName());

  public static final String HEART_BEAT = "HEART-BEAT";

  /** 在线人数 */
  private static final AtomicInteger ONLINE_COUNT = new AtomicInteger(0);

  /** 当前会话 */
  private Session session;

  /** 用户唯一标识 */
  private String userToken;

  /** concurrent包的线程安全Set，用来存放每个客户端对应的Session对象。 */
  private static final CopyOnWriteArraySet<ExcelExportTaskWebSocketFixed> WEB_SOCKET_SET =
      new CopyOnWriteArraySet<>();

  /** concurrent包的线程安全set，用来存放每个客户端对应的MyWebSocket对象 */
  private static final ConcurrentMap<String, ExcelExportTaskWebSocketFixed> WEB_SOCKET_MAP =
      new ConcurrentHashMap<>();

  /** 为了保存在线用户信息，在方法中新建一个list存储一下【实际项目依据复杂度，可以存储到数据库或者缓存】 */
  private static final List<Session> SESSIONS = Collections.synchronizedList(new ArrayList<>());

  /**
   * 打开连接
   *
   * @param session session
   * @param userToken 用户token
   */
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

  /** 关闭连接 */
  @OnClose
  public void onClose() {
    WEB_SOCKET_SET.remove(this);
    SESSIONS.remove(session);
    if (WEB_SOCKET_MAP.containsKey(userToken)) {
      WEB_SOCKET_MAP.remove(userToken);
      subOnlineCount();
    }
    log.info("[连接ID:" + userToken + "] 断开连接, 当前连接数:" + getOnlineCount());
  }

  /**
   * 连接失败
   *
   * @param session session
   * @param error 错误异常
   */
  @OnError
  public void onError(Session session, Throwable error) {
    log.info("[连接ID:" + this.userToken + "] 错误原因:" + error.getMessage());
  }

  /**
   * 接收消息
   *
   * @param message 消息内容
   */
  @OnMessage
  public void onMessage(String message) {
    boolean json = isJson(message);
    if (!json && HEART_BEAT.equals(message)) {
      return;
    }
    log.info("[连接ID:" + this.userToken + "] 收到消息:" + message);
  }

  /**
   * 发送消息
   *
   * @param message 消息内容
   * @param userToken 用户id
   */
  public void sendMessage(String message, String userToken) {
    ExcelExportTaskWebSocketFixed webSocketServer = WEB_SOCKET_MAP.get(userToken);
    if (webSocketServer != null) {
      log.info("【websocket消息】推送消息,[toUser]userToken=" + userToken + ",message=" + message);
      try {
        webSocketServer.session.getBasicRemote().sendText(message);
      } catch (Exception e) {
        log.severe("[连接ID:" + this.userToken + "] 发送消息失败, 消息:" + message + ": " + e);
      }
    }
  }

  /**
   * 群发消息
   *
   * @param message 消息
   */
  public void sendMassMessage(String message) {
    try {
      for (Session currentSession : SESSIONS) {

        if (currentSession.isOpen()) {
          currentSession.getBasicRemote().sendText(message);
          log.info(
              "[连接ID:"
                  + currentSession.getRequestParameterMap().get("userId")
                  + "] 发送消息:"
                  + message);
        }
      }
    } catch (Exception e) {
      log.info("群发失败: " + e);
    }
  }

  /**
   * 获取当前连接数
   *
   * @return 在线任务
   */
  public static synchronized AtomicInteger getOnlineCount() {
    return ONLINE_COUNT;
  }

  /** 当前连接数加一 */
  public static synchronized void addOnlineCount() {
    ExcelExportTaskWebSocketFixed.ONLINE_COUNT.incrementAndGet();
  }

  /** 当前连接数减一 */
  public static synchronized void subOnlineCount() {
    ExcelExportTaskWebSocketFixed.ONLINE_COUNT.decrementAndGet();
  }

  /** Stands in for Hutool's JSONUtil.isJson. */
  private static boolean isJson(String message) {
    String text = message.trim();
    return text.startsWith("{") || text.startsWith("[");
  }
}
