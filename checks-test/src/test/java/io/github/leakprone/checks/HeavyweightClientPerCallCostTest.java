package io.github.leakprone.checks;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * Clients that only cost the time to build them (Gson, ObjectMapper) are findings only where that
 * cost repeats per request: in a loop or in a request handler. Clients that leak are findings
 * wherever they are built per call.
 */
final class HeavyweightClientPerCallCostTest {

  private final CompilationTestHelper helper = ClientStubs.compilation(getClass());

  @Test
  void costOnlyClientBuiltWhileLoadingConfigurationIsNoFinding() {
    helper
        .addSourceLines(
            "Test.java",
            """
            import com.fasterxml.jackson.core.JsonProcessingException;
            import com.fasterxml.jackson.databind.ObjectMapper;
            import com.google.gson.Gson;
            import java.util.ArrayList;
            import java.util.List;
            import okhttp3.OkHttpClient;
            import okhttp3.Request;
            import org.springframework.web.bind.annotation.GetMapping;

            class Test {
              private final List<Gson> kept = new ArrayList<>();
              private ObjectMapper mapper;

              <T> T loadConfig(String json, Class<T> type) throws JsonProcessingException {
                return new ObjectMapper().readValue(json, type);
              }

              @GetMapping
              <T> T handle(String json, Class<T> type) throws JsonProcessingException {
                // BUG: Diagnostic contains: ObjectMapper built on every call of handle()
                return new ObjectMapper().readValue(json, type);
              }

              String render(Object value) {
                return new Gson().toJson(value);
              }

              String renderAll(List<Object> values) {
                StringBuilder out = new StringBuilder();
                for (Object value : values) {
                  // BUG: Diagnostic contains: Gson built on every call of renderAll()
                  out.append(new Gson().toJson(value));
                }
                return out.toString();
              }

              void configure() {
                mapper = new ObjectMapper();
              }

              void keep() {
                // BUG: Diagnostic contains: Gson built on every call of keep() and kept in kept
                kept.add(new Gson());
              }

              Object send(Request request) {
                // BUG: Diagnostic contains: OkHttpClient built on every call of send()
                return new OkHttpClient().newCall(request);
              }
            }
            """)
        .doTest();
  }

  @Test
  void requestHandlersOfEachFramework() {
    helper
        .addSourceLines(
            "Handlers.java",
            """
            import com.google.gson.Gson;
            import java.util.function.Supplier;

            class Handlers {
              @javax.ws.rs.GET
              String jaxRs(Object value) {
                // BUG: Diagnostic contains: Gson built on every call of jaxRs()
                return new Gson().toJson(value);
              }

              @javax.websocket.OnMessage
              String onMessage(String message) {
                // BUG: Diagnostic contains: Gson built on every call of onMessage()
                return new Gson().toJson(message);
              }

              void doGet(Object request, Object response) {
                // BUG: Diagnostic contains: Gson built on every call of doGet()
                new Gson().toJson(request);
              }

              void channelRead(Object context, Object message) {
                // BUG: Diagnostic contains: Gson built on every call of channelRead()
                new Gson().toJson(message);
              }

              @org.springframework.web.bind.annotation.GetMapping
              Supplier<String> lambdaInAHandler(Object value) {
                // BUG: Diagnostic contains: Gson built on every call of a lambda in lambdaInAHandler()
                return () -> new Gson().toJson(value);
              }

              void doGetLater(Object request) {
                new Gson().toJson(request);
              }
            }
            """)
        .doTest();
  }
}
