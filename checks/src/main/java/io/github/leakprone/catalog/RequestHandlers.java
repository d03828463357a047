package io.github.leakprone.catalog;

import com.google.common.collect.ImmutableSet;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import javax.lang.model.element.AnnotationMirror;

/**
 * Methods that a framework calls once per request or message: what they build, they build again for
 * every request. A client whose only harm is the cost of building it ({@link PerCallHarm#COST}) is
 * a finding only there (or in a loop).
 */
public final class RequestHandlers {

  /** Annotations (by simple name, so that javax and jakarta both count) of request handlers. */
  public static final ImmutableSet<String> ANNOTATIONS =
      ImmutableSet.of(
          // Spring MVC and WebFlux: one call per HTTP request to the mapped path.
          "RequestMapping",
          "GetMapping",
          "PostMapping",
          "PutMapping",
          "DeleteMapping",
          "PatchMapping",
          // Spring messaging (STOMP, RSocket): one call per message.
          "MessageMapping",
          // JAX-RS resource methods: one call per HTTP request. (@Path alone marks a sub-resource
          // locator, which the runtime also calls per request.)
          "GET",
          "POST",
          "PUT",
          "DELETE",
          "PATCH",
          "HEAD",
          "OPTIONS",
          "Path",
          // JSR-356 websocket endpoints: one call per message received.
          "OnMessage",
          // Message listeners of Spring's Kafka, RabbitMQ and JMS support: one call per message.
          "KafkaListener",
          "RabbitListener",
          "JmsListener");

  /**
   * Method names that servlet, Netty and JMS containers call per request or message, specific
   * enough to stand alone. (Not {@code service}: too many plain methods share a servlet's name.)
   */
  public static final ImmutableSet<String> METHOD_NAMES =
      ImmutableSet.of(
          // HttpServlet, once per request of the method.
          "doGet",
          "doPost",
          "doPut",
          "doDelete",
          "doHead",
          "doOptions",
          "doPatch",
          // Filter.doFilter, once per request.
          "doFilter",
          // Netty's ChannelInboundHandler and SimpleChannelInboundHandler, once per message.
          "channelRead",
          "channelRead0",
          // JMS MessageListener, once per message.
          "onMessage");

  /** Whether a framework calls {@code method} once per request or message. */
  public static boolean handlesRequests(MethodSymbol method) {
    if (method == null) {
      return false;
    }
    if (METHOD_NAMES.contains(method.getSimpleName().toString())) {
      return true;
    }
    for (AnnotationMirror annotation : method.getAnnotationMirrors()) {
      String name = annotation.getAnnotationType().asElement().getSimpleName().toString();
      if (ANNOTATIONS.contains(name)) {
        return true;
      }
    }
    return false;
  }

  private RequestHandlers() {}
}
