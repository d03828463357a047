package io.github.leakprone.catalog;

import com.google.common.collect.ImmutableList;
import io.github.leakprone.catalog.LifecyclePair.WhenMissing;
import io.github.leakprone.catalog.MethodPattern.Annotated;
import io.github.leakprone.catalog.MethodPattern.Named;

/**
 * The built-in lifecycle pairs: websocket, Netty, servlet and container callbacks, and name pairs.
 */
public final class LifecyclePairs {

  public static final ImmutableList<LifecyclePair> BUILT_IN =
      ImmutableList.of(
          // JSR-356 endpoints. After @OnError the container still calls @OnClose, so @OnClose is
          // the one place every connection passes through on its way out.
          annotated(
              WhenMissing.FINDING,
              ImmutableList.of("javax.websocket.OnOpen", "jakarta.websocket.OnOpen"),
              ImmutableList.of("javax.websocket.OnClose", "jakarta.websocket.OnClose")),
          // Jetty's annotated endpoints (9 and 10/11 say Connect, 12 says Open).
          annotated(
              WhenMissing.FINDING,
              ImmutableList.of(
                  "org.eclipse.jetty.websocket.api.annotations.OnWebSocketConnect",
                  "org.eclipse.jetty.websocket.api.annotations.OnWebSocketOpen"),
              ImmutableList.of(
                  "org.eclipse.jetty.websocket.api.annotations.OnWebSocketClose",
                  "org.eclipse.jetty.websocket.api.annotations.OnWebSocketClose")),
          // Jetty's listener interfaces.
          named(WhenMissing.FINDING, "onWebSocketConnect", "onWebSocketClose"),
          named(WhenMissing.FINDING, "onWebSocketOpen", "onWebSocketClose"),
          // Spring's WebSocketHandler.
          named(WhenMissing.FINDING, "afterConnectionEstablished", "afterConnectionClosed"),
          // Netty's channel handlers.
          named(WhenMissing.FINDING, "channelActive", "channelInactive"),
          named(WhenMissing.FINDING, "channelRegistered", "channelUnregistered"),
          named(WhenMissing.FINDING, "handlerAdded", "handlerRemoved"),
          // Servlet listeners and components.
          named(WhenMissing.FINDING, "sessionCreated", "sessionDestroyed"),
          named(WhenMissing.RUNS_ONCE, "contextInitialized", "contextDestroyed"),
          named(WhenMissing.RUNS_ONCE, "init", "destroy"),
          // Container-managed beans.
          annotated(
              WhenMissing.RUNS_ONCE,
              ImmutableList.of(
                  "javax.annotation.PostConstruct", "jakarta.annotation.PostConstruct"),
              ImmutableList.of("javax.annotation.PreDestroy", "jakarta.annotation.PreDestroy")),
          named(WhenMissing.RUNS_ONCE, "afterPropertiesSet", "destroy"),
          // Name pairs of ordinary APIs.
          named(WhenMissing.ORDINARY, "register*", "unregister*", "deregister*"),
          named(WhenMissing.ORDINARY, "subscribe*", "unsubscribe*"),
          named(WhenMissing.ORDINARY, "add*Listener", "remove*Listener"),
          named(WhenMissing.ORDINARY, "open", "close"),
          named(WhenMissing.ORDINARY, "start", "stop"),
          named(WhenMissing.ORDINARY, "connect", "disconnect"));

  static LifecyclePair annotated(
      WhenMissing whenMissing, ImmutableList<String> open, ImmutableList<String> close) {
    return new LifecyclePair(
        new Annotated(open), ImmutableList.of(new Annotated(close)), whenMissing);
  }

  static LifecyclePair named(WhenMissing whenMissing, String open, String... close) {
    ImmutableList.Builder<MethodPattern> closers = ImmutableList.builder();
    for (String name : close) {
      closers.add(new Named(name));
    }
    return new LifecyclePair(new Named(open), closers.build(), whenMissing);
  }

  private LifecyclePairs() {}
}
