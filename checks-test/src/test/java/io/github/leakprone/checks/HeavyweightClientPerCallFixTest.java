package io.github.leakprone.checks;

import static com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode.TEXT_MATCH;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * The suggested fixes. Each test's expected output must compile (the helper compiles it). A case
 * that gets no fix is a finding left unchanged ({@code expectUnchanged()}, after {@link
 * #assertFindings} has shown that it is a finding), next to a twin that differs from it minimally
 * and gets the fix.
 */
// TEXT_MATCH is deprecated from Error Prone 2.43 on, where it is doTest()'s default; 2.42.0, which
// JDK 17 runs, still defaults to AST_MATCH, so the tests name the mode.
@SuppressWarnings("deprecation")
final class HeavyweightClientPerCallFixTest {

  // ---------------------------------------------------------------------------------------------
  // SHARE: hoist into a private static final field

  @Test
  void incident001HoistsLocalAndItsConfigurationIntoAStaticBlock() {
    ClientStubs.refactoring(getClass(), "com.alibaba.fastjson")
        .addInputLines(
            "Util.java",
            """
            import com.alibaba.fastjson.JSON;
            import com.alibaba.fastjson.PropertyNamingStrategy;
            import com.alibaba.fastjson.serializer.SerializeConfig;

            class Util {
              public static String buildData(Object bean) {
                try {
                  SerializeConfig CONFIG = new SerializeConfig();
                  CONFIG.propertyNamingStrategy = PropertyNamingStrategy.SnakeCase;
                  return JSON.toJSONString(bean, CONFIG);
                } catch (Exception e) {
                  return null;
                }
              }
            }
            """)
        .addOutputLines(
            "Util.java",
            """
            import com.alibaba.fastjson.JSON;
            import com.alibaba.fastjson.PropertyNamingStrategy;
            import com.alibaba.fastjson.serializer.SerializeConfig;

            class Util {
              private static final SerializeConfig CONFIG = new SerializeConfig();

              static {
                CONFIG.propertyNamingStrategy = PropertyNamingStrategy.SnakeCase;
              }

              public static String buildData(Object bean) {
                try {
                  return JSON.toJSONString(bean, CONFIG);
                } catch (Exception e) {
                  return null;
                }
              }
            }
            """)
        .doTest(TEXT_MATCH);
  }

  @Test
  void configurationCallsMoveAndUsesAreRenamed() {
    ClientStubs.refactoring(getClass(), "org.springframework.web", "com.fasterxml.jackson")
        .addInputLines(
            "Test.java",
            """
            import com.fasterxml.jackson.core.JsonProcessingException;
            import com.fasterxml.jackson.databind.DeserializationFeature;
            import com.fasterxml.jackson.databind.ObjectMapper;
            import org.springframework.web.bind.annotation.GetMapping;

            class Test {
              @GetMapping
              <T> T read(String json, Class<T> type) throws JsonProcessingException {
                ObjectMapper objectMapper = new ObjectMapper();
                objectMapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
                T value = objectMapper.readValue(json, type);
                return objectMapper.convertValue(value, type);
              }
            }
            """)
        .addOutputLines(
            "Test.java",
            """
            import com.fasterxml.jackson.core.JsonProcessingException;
            import com.fasterxml.jackson.databind.DeserializationFeature;
            import com.fasterxml.jackson.databind.ObjectMapper;
            import org.springframework.web.bind.annotation.GetMapping;

            class Test {
              private static final ObjectMapper OBJECT_MAPPER = new ObjectMapper();

              static {
                OBJECT_MAPPER.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
              }

              @GetMapping
              <T> T read(String json, Class<T> type) throws JsonProcessingException {
                T value = OBJECT_MAPPER.readValue(json, type);
                return OBJECT_MAPPER.convertValue(value, type);
              }
            }
            """)
        .doTest(TEXT_MATCH);
  }

  @Test
  void aUseRightAfterTheDeclarationIsNoConfiguration() {
    ClientStubs.refactoring(
            getClass(), "org.springframework.web", "com.fasterxml.jackson", "okhttp3")
        .addInputLines(
            "Test.java",
            """
            import com.fasterxml.jackson.core.JsonProcessingException;
            import com.fasterxml.jackson.databind.ObjectMapper;
            import java.io.IOException;
            import okhttp3.OkHttpClient;
            import okhttp3.Request;
            import org.springframework.web.bind.annotation.GetMapping;

            class Test {
              private static final Request PING = new Request();

              Object send(Request request) throws IOException {
                OkHttpClient client = new OkHttpClient();
                client.newCall(PING);
                return client.newCall(request).execute();
              }

              @GetMapping
              String toJson(Object value) throws JsonProcessingException {
                ObjectMapper mapper = new ObjectMapper();
                mapper.writeValueAsString("warm-up");
                return mapper.writeValueAsString(value);
              }
            }
            """)
        .addOutputLines(
            "Test.java",
            """
            import com.fasterxml.jackson.core.JsonProcessingException;
            import com.fasterxml.jackson.databind.ObjectMapper;
            import java.io.IOException;
            import okhttp3.OkHttpClient;
            import okhttp3.Request;
            import org.springframework.web.bind.annotation.GetMapping;

            class Test {
              private static final OkHttpClient CLIENT = new OkHttpClient();

              private static final ObjectMapper MAPPER = new ObjectMapper();

              private static final Request PING = new Request();

              Object send(Request request) throws IOException {
                CLIENT.newCall(PING);
                return CLIENT.newCall(request).execute();
              }

              @GetMapping
              String toJson(Object value) throws JsonProcessingException {
                MAPPER.writeValueAsString("warm-up");
                return MAPPER.writeValueAsString(value);
              }
            }
            """)
        .doTest(TEXT_MATCH);
  }

  @Test
  void hoistsAnInlineCreation() {
    ClientStubs.refactoring(
            getClass(), "org.springframework.web", "com.alibaba.fastjson", "com.google.gson")
        .addInputLines(
            "Test.java",
            """
            import com.alibaba.fastjson.JSON;
            import com.alibaba.fastjson.serializer.SerializeConfig;
            import com.google.gson.Gson;
            import org.springframework.web.bind.annotation.GetMapping;

            class Test {
              @GetMapping
              String toJson(Object value) {
                return new Gson().toJson(value);
              }

              String toFastjson(Object value) {
                return JSON.toJSONString(value, new SerializeConfig());
              }
            }
            """)
        .addOutputLines(
            "Test.java",
            """
            import com.alibaba.fastjson.JSON;
            import com.alibaba.fastjson.serializer.SerializeConfig;
            import com.google.gson.Gson;
            import org.springframework.web.bind.annotation.GetMapping;

            class Test {
              private static final Gson GSON = new Gson();

              private static final SerializeConfig SERIALIZE_CONFIG = new SerializeConfig();

              @GetMapping
              String toJson(Object value) {
                return GSON.toJson(value);
              }

              String toFastjson(Object value) {
                return JSON.toJSONString(value, SERIALIZE_CONFIG);
              }
            }
            """)
        .doTest(TEXT_MATCH);
  }

  @Test
  void hoistsABuilderChainOfConstants() {
    ClientStubs.refactoring(getClass(), "okhttp3")
        .addInputLines(
            "Test.java",
            """
            import java.io.IOException;
            import java.util.concurrent.TimeUnit;
            import okhttp3.OkHttpClient;
            import okhttp3.Request;

            class Test {
              private static final long TIMEOUT_SECONDS = 10;

              Object send(Request request) throws IOException {
                OkHttpClient client =
                    new OkHttpClient.Builder()
                        .connectTimeout(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                        .readTimeout(2 * TIMEOUT_SECONDS, TimeUnit.SECONDS)
                        .retryOnConnectionFailure(true)
                        .build();
                return client.newCall(request).execute();
              }
            }
            """)
        .addOutputLines(
            "Test.java",
            """
            import java.io.IOException;
            import java.util.concurrent.TimeUnit;
            import okhttp3.OkHttpClient;
            import okhttp3.Request;

            class Test {
              private static final long TIMEOUT_SECONDS = 10;
              private static final OkHttpClient CLIENT =
                  new OkHttpClient.Builder()
                      .connectTimeout(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                      .readTimeout(2 * TIMEOUT_SECONDS, TimeUnit.SECONDS)
                      .retryOnConnectionFailure(true)
                      .build();

              Object send(Request request) throws IOException {
                return CLIENT.newCall(request).execute();
              }
            }
            """)
        .doTest(TEXT_MATCH);
  }

  @Test
  void insertedAfterTheStaticFieldsItReads() {
    ClientStubs.refactoring(
            getClass(), "org.springframework.web", "com.alibaba.fastjson", "com.google.gson")
        .addInputLines(
            "Test.java",
            """
            import com.alibaba.fastjson.JSON;
            import com.alibaba.fastjson.PropertyNamingStrategy;
            import com.alibaba.fastjson.serializer.SerializeConfig;
            import com.google.gson.Gson;
            import com.google.gson.GsonBuilder;
            import org.springframework.web.bind.annotation.GetMapping;

            class Test {
              @GetMapping
              String toJson(Object value) {
                Gson gson = new GsonBuilder().setDateFormat(DATE_FORMAT).create();
                return gson.toJson(value);
              }

              String toFastjson(Object value) {
                SerializeConfig config = new SerializeConfig();
                config.propertyNamingStrategy = NAMING;
                return JSON.toJSONString(value, config);
              }

              private static final String DATE_FORMAT = "yyyy-MM-dd";
              static final PropertyNamingStrategy NAMING = PropertyNamingStrategy.SnakeCase;
            }
            """)
        .addOutputLines(
            "Test.java",
            """
            import com.alibaba.fastjson.JSON;
            import com.alibaba.fastjson.PropertyNamingStrategy;
            import com.alibaba.fastjson.serializer.SerializeConfig;
            import com.google.gson.Gson;
            import com.google.gson.GsonBuilder;
            import org.springframework.web.bind.annotation.GetMapping;

            class Test {
              @GetMapping
              String toJson(Object value) {
                return GSON.toJson(value);
              }

              String toFastjson(Object value) {
                return JSON.toJSONString(value, CONFIG);
              }

              private static final String DATE_FORMAT = "yyyy-MM-dd";
              private static final Gson GSON = new GsonBuilder().setDateFormat(DATE_FORMAT).create();

              static final PropertyNamingStrategy NAMING = PropertyNamingStrategy.SnakeCase;
              private static final SerializeConfig CONFIG = new SerializeConfig();

              static {
                CONFIG.propertyNamingStrategy = NAMING;
              }
            }
            """)
        .doTest(TEXT_MATCH);
  }

  @Test
  void insertedAfterEnumConstants() {
    ClientStubs.refactoring(getClass(), "org.springframework.web", "com.google.gson")
        .addInputLines(
            "Format.java",
            """
            import com.google.gson.Gson;
            import org.springframework.web.bind.annotation.GetMapping;

            enum Format {
              JSON {
                @Override
                String render(Object value) {
                  return new Gson().toJson(value);
                }
              },
              TEXT;

              @GetMapping
              String render(Object value) {
                return new Gson().toJson(String.valueOf(value));
              }
            }
            """)
        .addOutputLines(
            "Format.java",
            """
            import com.google.gson.Gson;
            import org.springframework.web.bind.annotation.GetMapping;

            enum Format {
              JSON {
                @Override
                String render(Object value) {
                  return new Gson().toJson(value);
                }
              },
              TEXT;
              private static final Gson GSON = new Gson();

              @GetMapping
              String render(Object value) {
                return GSON.toJson(String.valueOf(value));
              }
            }
            """)
        .doTest(TEXT_MATCH);
  }

  @Test
  void nameClashesGetASuffix() {
    ClientStubs.refactoring(getClass(), "org.springframework.web", "com.google.gson", "okhttp3")
        .addInputLines(
            "Base.java",
            """
            class Base {
              protected static final Object CLIENT = "inherited";
            }
            """)
        .expectUnchanged()
        .addInputLines(
            "Test.java",
            """
            import com.google.gson.Gson;
            import java.io.IOException;
            import okhttp3.OkHttpClient;
            import okhttp3.Request;
            import org.springframework.web.bind.annotation.GetMapping;

            class Test extends Base {
              private static final String GSON = "taken";
              private final String gson2 = GSON;

              @GetMapping
              String toJson(Object value) {
                String GSON_2 = "taken by a local";
                return new Gson().toJson(value) + GSON_2;
              }

              Object send(Request request) throws IOException {
                OkHttpClient client = new OkHttpClient();
                return client.newCall(request).execute() + String.valueOf(CLIENT);
              }
            }
            """)
        .addOutputLines(
            "Test.java",
            """
            import com.google.gson.Gson;
            import java.io.IOException;
            import okhttp3.OkHttpClient;
            import okhttp3.Request;
            import org.springframework.web.bind.annotation.GetMapping;

            class Test extends Base {
              private static final Gson GSON_3 = new Gson();

              private static final OkHttpClient CLIENT_2 = new OkHttpClient();

              private static final String GSON = "taken";
              private final String gson2 = GSON;

              @GetMapping
              String toJson(Object value) {
                String GSON_2 = "taken by a local";
                return GSON_3.toJson(value) + GSON_2;
              }

              Object send(Request request) throws IOException {
                return CLIENT_2.newCall(request).execute() + String.valueOf(CLIENT);
              }
            }
            """)
        .doTest(TEXT_MATCH);
  }

  @Test
  void hoistsFromALambda() {
    ClientStubs.refactoring(getClass(), "org.springframework.web", "com.google.gson")
        .addInputLines(
            "Test.java",
            """
            import com.google.gson.Gson;
            import java.util.function.Function;
            import org.springframework.web.bind.annotation.GetMapping;

            class Test {
              @GetMapping
              Function<Object, String> renderer() {
                return value -> new Gson().toJson(value);
              }
            }
            """)
        .addOutputLines(
            "Test.java",
            """
            import com.google.gson.Gson;
            import java.util.function.Function;
            import org.springframework.web.bind.annotation.GetMapping;

            class Test {
              private static final Gson GSON = new Gson();

              @GetMapping
              Function<Object, String> renderer() {
                return value -> GSON.toJson(value);
              }
            }
            """)
        .doTest(TEXT_MATCH);
  }

  @Test
  void noHoistWhenAnArgumentIsNotAConstant() {
    String noFix =
        """
        import com.google.gson.GsonBuilder;
        import org.springframework.web.bind.annotation.GetMapping;

        class NoFix {
          private static String mutableFormat = "yyyy";
          private final String instanceFormat = "yyyy";

          @GetMapping
          String parameter(Object value, String format) {
            // BUG: Diagnostic contains: Gson built on every call of parameter()
            return new GsonBuilder().setDateFormat(format).create().toJson(value);
          }

          @GetMapping
          String local(Object value) {
            String format = "yyyy";
            // BUG: Diagnostic contains: Gson built on every call of local()
            return new GsonBuilder().setDateFormat(format).create().toJson(value);
          }

          @GetMapping
          String instanceField(Object value) {
            // BUG: Diagnostic contains: Gson built on every call of instanceField()
            return new GsonBuilder().setDateFormat(instanceFormat).create().toJson(value);
          }

          @GetMapping
          String nonFinalStaticField(Object value) {
            // BUG: Diagnostic contains: Gson built on every call of nonFinalStaticField()
            return new GsonBuilder().setDateFormat(mutableFormat).create().toJson(value);
          }
        }
        """;
    assertFindings("NoFix.java", noFix);
    ClientStubs.refactoring(getClass(), "org.springframework.web", "com.google.gson")
        .addInputLines("NoFix.java", noFix)
        .expectUnchanged()
        .addInputLines(
            "Fixed.java",
            """
            import com.google.gson.GsonBuilder;
            import org.springframework.web.bind.annotation.GetMapping;

            class Fixed {
              private static final String FORMAT = "yyyy";

              @GetMapping
              String constant(Object value) {
                return new GsonBuilder().setDateFormat(FORMAT).create().toJson(value);
              }
            }
            """)
        .addOutputLines(
            "Fixed.java",
            """
            import com.google.gson.Gson;
            import com.google.gson.GsonBuilder;
            import org.springframework.web.bind.annotation.GetMapping;

            class Fixed {
              private static final String FORMAT = "yyyy";
              private static final Gson GSON = new GsonBuilder().setDateFormat(FORMAT).create();

              @GetMapping
              String constant(Object value) {
                return GSON.toJson(value);
              }
            }
            """)
        .doTest(TEXT_MATCH);
  }

  @Test
  void noHoistWhenConfigurationIsNotConstant() {
    String noFix =
        """
        import com.alibaba.fastjson.JSON;
        import com.alibaba.fastjson.PropertyNamingStrategy;
        import com.alibaba.fastjson.serializer.SerializeConfig;

        class NoFix {
          String named(Object bean, PropertyNamingStrategy naming) {
            // BUG: Diagnostic contains: SerializeConfig built on every call of named()
            SerializeConfig config = new SerializeConfig();
            config.propertyNamingStrategy = naming;
            return JSON.toJSONString(bean, config);
          }
        }
        """;
    assertFindings("NoFix.java", noFix);
    ClientStubs.refactoring(getClass(), "com.alibaba.fastjson")
        .addInputLines("NoFix.java", noFix)
        .expectUnchanged()
        .addInputLines(
            "Fixed.java",
            """
            import com.alibaba.fastjson.JSON;
            import com.alibaba.fastjson.PropertyNamingStrategy;
            import com.alibaba.fastjson.serializer.SerializeConfig;

            class Fixed {
              String snakeCase(Object bean) {
                SerializeConfig config = new SerializeConfig();
                config.propertyNamingStrategy = PropertyNamingStrategy.SnakeCase;
                return JSON.toJSONString(bean, config);
              }
            }
            """)
        .addOutputLines(
            "Fixed.java",
            """
            import com.alibaba.fastjson.JSON;
            import com.alibaba.fastjson.PropertyNamingStrategy;
            import com.alibaba.fastjson.serializer.SerializeConfig;

            class Fixed {
              private static final SerializeConfig CONFIG = new SerializeConfig();

              static {
                CONFIG.propertyNamingStrategy = PropertyNamingStrategy.SnakeCase;
              }

              String snakeCase(Object bean) {
                return JSON.toJSONString(bean, CONFIG);
              }
            }
            """)
        .doTest(TEXT_MATCH);
  }

  @Test
  void noHoistWhenCreationThrowsACheckedException() {
    String shared = "-XepOpt:HeavyweightClientPerCall:SharedTypes=com.acme.Client";
    String noFix =
        """
        import com.acme.Client;
        import java.io.IOException;
        import java.io.Writer;
        import javax.xml.bind.JAXBContext;
        import javax.xml.bind.JAXBException;

        class NoFix {
          void write(Writer out) throws JAXBException {
            // BUG: Diagnostic contains: JAXBContext built on every call of write()
            JAXBContext context = JAXBContext.newInstance(NoFix.class);
            context.createMarshaller().marshal(this, out);
          }

          Object getOrThrow() throws IOException {
            // BUG: Diagnostic contains: Client built on every call of getOrThrow()
            return handle(Client.createOrThrow("https://e"));
          }

          Object handle(Client client) {
            return client;
          }
        }
        """;
    assertFindings("NoFix.java", noFix, shared);
    ClientStubs.refactoring(getClass(), "javax.xml.bind", "com.acme")
        .setArgs(shared)
        .addInputLines("NoFix.java", noFix)
        .expectUnchanged()
        .addInputLines(
            "Fixed.java",
            """
            import com.acme.Client;

            class Fixed {
              Object get() {
                return handle(Client.create("https://e"));
              }

              static String handle(Client client) {
                return String.valueOf(client);
              }
            }
            """)
        .addOutputLines(
            "Fixed.java",
            """
            import com.acme.Client;

            class Fixed {
              private static final Client CLIENT = Client.create("https://e");

              Object get() {
                return handle(CLIENT);
              }

              static String handle(Client client) {
                return String.valueOf(client);
              }
            }
            """)
        .doTest(TEXT_MATCH);
  }

  @Test
  void noHoistWhenKeptInACollectionOrAField() {
    String noFix =
        """
        import java.io.IOException;
        import java.util.ArrayList;
        import java.util.List;
        import okhttp3.OkHttpClient;
        import okhttp3.Request;

        class NoFix {
          private final List<OkHttpClient> clients = new ArrayList<>();
          private OkHttpClient last;

          Object sendAndKeep(Request request) throws IOException {
            // BUG: Diagnostic contains: and kept in clients
            OkHttpClient client = new OkHttpClient();
            clients.add(client);
            return client.newCall(request).execute();
          }

          Object sendAndStore(Request request) throws IOException {
            // BUG: Diagnostic contains: and stored in field last
            last = new OkHttpClient();
            return last.newCall(request).execute();
          }
        }
        """;
    assertFindings("NoFix.java", noFix);
    ClientStubs.refactoring(getClass(), "okhttp3")
        .addInputLines("NoFix.java", noFix)
        .expectUnchanged()
        .addInputLines(
            "Fixed.java",
            """
            import java.io.IOException;
            import okhttp3.OkHttpClient;
            import okhttp3.Request;

            class Fixed {
              Object send(Request request) throws IOException {
                OkHttpClient client = new OkHttpClient();
                return client.newCall(request).execute();
              }
            }
            """)
        .addOutputLines(
            "Fixed.java",
            """
            import java.io.IOException;
            import okhttp3.OkHttpClient;
            import okhttp3.Request;

            class Fixed {
              private static final OkHttpClient CLIENT = new OkHttpClient();

              Object send(Request request) throws IOException {
                return CLIENT.newCall(request).execute();
              }
            }
            """)
        .doTest(TEXT_MATCH);
  }

  @Test
  void noHoistWhenALaterUseMayChangeASharedObjectMapper() {
    String noFix =
        """
        import com.fasterxml.jackson.core.JsonProcessingException;
        import com.fasterxml.jackson.databind.DeserializationFeature;
        import com.fasterxml.jackson.databind.ObjectMapper;
        import org.springframework.web.bind.annotation.GetMapping;

        class NoFix {
          @GetMapping
          String configuredAfterAUse(Object value) throws JsonProcessingException {
            // BUG: Diagnostic contains: ObjectMapper built on every call of configuredAfterAUse()
            ObjectMapper mapper = new ObjectMapper();
            String first = mapper.writeValueAsString(value);
            mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
            return first + mapper.writeValueAsString(value);
          }
        }
        """;
    assertFindings("NoFix.java", noFix);
    ClientStubs.refactoring(getClass(), "org.springframework.web", "com.fasterxml.jackson")
        .addInputLines("NoFix.java", noFix)
        .expectUnchanged()
        .addInputLines(
            "Fixed.java",
            """
            import com.fasterxml.jackson.core.JsonProcessingException;
            import com.fasterxml.jackson.databind.DeserializationFeature;
            import com.fasterxml.jackson.databind.ObjectMapper;
            import org.springframework.web.bind.annotation.GetMapping;

            class Fixed {
              @GetMapping
              String configuredFirst(Object value) throws JsonProcessingException {
                ObjectMapper mapper = new ObjectMapper();
                mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
                String first = mapper.writeValueAsString(value);
                return first + mapper.writeValueAsString(value);
              }
            }
            """)
        .addOutputLines(
            "Fixed.java",
            """
            import com.fasterxml.jackson.core.JsonProcessingException;
            import com.fasterxml.jackson.databind.DeserializationFeature;
            import com.fasterxml.jackson.databind.ObjectMapper;
            import org.springframework.web.bind.annotation.GetMapping;

            class Fixed {
              private static final ObjectMapper MAPPER = new ObjectMapper();

              static {
                MAPPER.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
              }

              @GetMapping
              String configuredFirst(Object value) throws JsonProcessingException {
                String first = MAPPER.writeValueAsString(value);
                return first + MAPPER.writeValueAsString(value);
              }
            }
            """)
        .doTest(TEXT_MATCH);
  }

  @Test
  void noHoistWhenASerializeConfigIsUsedOtherThanAsAnArgument() {
    String noFix =
        """
        import com.alibaba.fastjson.JSON;
        import com.alibaba.fastjson.serializer.SerializeConfig;

        class NoFix {
          String changedAfterAUse(Object bean) {
            // BUG: Diagnostic contains: SerializeConfig built on every call of changedAfterAUse()
            SerializeConfig config = new SerializeConfig();
            String json = JSON.toJSONString(bean, config);
            config.setAsmEnable(false);
            return json + JSON.toJSONString(bean, config);
          }
        }
        """;
    assertFindings("NoFix.java", noFix);
    ClientStubs.refactoring(getClass(), "com.alibaba.fastjson")
        .addInputLines("NoFix.java", noFix)
        .expectUnchanged()
        .addInputLines(
            "Fixed.java",
            """
            import com.alibaba.fastjson.JSON;
            import com.alibaba.fastjson.serializer.SerializeConfig;

            class Fixed {
              String passedOn(Object bean) {
                SerializeConfig config = new SerializeConfig();
                config.setAsmEnable(false);
                String json = JSON.toJSONString(bean, config);
                return json + JSON.toJSONString(bean, config);
              }
            }
            """)
        .addOutputLines(
            "Fixed.java",
            """
            import com.alibaba.fastjson.JSON;
            import com.alibaba.fastjson.serializer.SerializeConfig;

            class Fixed {
              private static final SerializeConfig CONFIG = new SerializeConfig();

              static {
                CONFIG.setAsmEnable(false);
              }

              String passedOn(Object bean) {
                String json = JSON.toJSONString(bean, CONFIG);
                return json + JSON.toJSONString(bean, CONFIG);
              }
            }
            """)
        .doTest(TEXT_MATCH);
  }

  @Test
  void immutableClientsAllowEveryUse() {
    ClientStubs.refactoring(getClass(), "retrofit2")
        .addInputLines(
            "Test.java",
            """
            import java.net.http.HttpClient;
            import retrofit2.Retrofit;

            class Test {
              <T> T api(Class<T> type) {
                Retrofit retrofit = new Retrofit.Builder().baseUrl("https://api/").build();
                return retrofit.newBuilder().build().create(type);
              }

              HttpClient.Version version() {
                HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
                return client.version();
              }
            }
            """)
        .addOutputLines(
            "Test.java",
            """
            import java.net.http.HttpClient;
            import retrofit2.Retrofit;

            class Test {
              private static final Retrofit RETROFIT = new Retrofit.Builder().baseUrl("https://api/").build();

              private static final HttpClient CLIENT =
                  HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

              <T> T api(Class<T> type) {
                return RETROFIT.newBuilder().build().create(type);
              }

              HttpClient.Version version() {
                return CLIENT.version();
              }
            }
            """)
        .doTest(TEXT_MATCH);
  }

  @Test
  void noHoistOutOfClassesThatCannotHoldAStaticField() {
    String noFix =
        """
        import com.google.gson.Gson;
        import org.springframework.web.bind.annotation.GetMapping;

        class NoFix {
          class Inner {
            @GetMapping
            String toJson(Object value) {
              // BUG: Diagnostic contains: Gson built on every call of toJson()
              return new Gson().toJson(value);
            }
          }

          Object anonymous() {
            return new Object() {
              @Override
              @GetMapping
              public String toString() {
                // BUG: Diagnostic contains: Gson built on every call of toString()
                return new Gson().toJson(this);
              }
            };
          }

          String local(Object value) {
            class Local {
              @GetMapping
              String toJson() {
                // BUG: Diagnostic contains: Gson built on every call of toJson()
                return new Gson().toJson(value);
              }
            }
            return new Local().toJson();
          }

          interface Interface {
            @GetMapping
            default String toJson(Object value) {
              // BUG: Diagnostic contains: Gson built on every call of toJson()
              return new Gson().toJson(value);
            }
          }
        }
        """;
    assertFindings("NoFix.java", noFix);
    ClientStubs.refactoring(getClass(), "org.springframework.web", "com.google.gson")
        .addInputLines("NoFix.java", noFix)
        .expectUnchanged()
        .addInputLines(
            "Fixed.java",
            """
            import com.google.gson.Gson;
            import org.springframework.web.bind.annotation.GetMapping;

            class Fixed {
              static class Nested {
                @GetMapping
                String toJson(Object value) {
                  return new Gson().toJson(value);
                }
              }

              record Record(Object value) {
                @GetMapping
                String toJson() {
                  return new Gson().toJson(value);
                }
              }
            }
            """)
        .addOutputLines(
            "Fixed.java",
            """
            import com.google.gson.Gson;
            import org.springframework.web.bind.annotation.GetMapping;

            class Fixed {
              static class Nested {
                private static final Gson GSON = new Gson();

                @GetMapping
                String toJson(Object value) {
                  return GSON.toJson(value);
                }
              }

              record Record(Object value) {
                private static final Gson GSON = new Gson();

                @GetMapping
                String toJson() {
                  return GSON.toJson(value);
                }
              }
            }
            """)
        .doTest(TEXT_MATCH);
  }

  /**
   * A shared instance has one owner, the class: no fix for a client that another object may keep (a
   * constructor's or an instance method's argument, or a static method that may return it), nor for
   * one released down a call chain. Hoisted, one user's release would stop it for all.
   */
  @Test
  void noHoistWhenAnotherOwnerMayKeepOrReleaseIt() {
    String noFix =
        """
        import java.io.IOException;
        import okhttp3.OkHttpClient;
        import okhttp3.Request;

        class NoFix {
          static final class Holder {
            Holder(OkHttpClient client) {}

            void use(OkHttpClient client) {}
          }

          Object handedToAConstructor(Request request) throws IOException {
            // BUG: Diagnostic contains: OkHttpClient built on every call of handedToAConstructor()
            OkHttpClient client = new OkHttpClient();
            new Holder(client);
            return client.newCall(request).execute();
          }

          Object handedToAnInstanceMethod(Holder holder, Request request) throws IOException {
            // BUG: Diagnostic contains: OkHttpClient built on every call of handedToAnInstanceMethod()
            OkHttpClient client = new OkHttpClient();
            holder.use(client);
            return client.newCall(request).execute();
          }

          Object handedToAStaticMethodThatMayReturnIt() {
            // BUG: Diagnostic contains: built on every call of handedToAStaticMethodThatMayReturnIt()
            return String.valueOf(identity(new OkHttpClient()));
          }

          static Object identity(Object value) {
            return value;
          }

          Object shutDown(Request request) throws IOException {
            // BUG: Diagnostic contains: OkHttpClient built on every call of shutDown()
            OkHttpClient client = new OkHttpClient();
            try {
              return client.newCall(request).execute();
            } finally {
              client.dispatcher().executorService().shutdown();
            }
          }
        }
        """;
    assertFindings("NoFix.java", noFix);
    ClientStubs.refactoring(getClass(), "okhttp3")
        .addInputLines("NoFix.java", noFix)
        .expectUnchanged()
        .addInputLines(
            "Fixed.java",
            """
            import java.io.IOException;
            import okhttp3.OkHttpClient;
            import okhttp3.Request;

            class Fixed {
              Object handedToAStaticMethodThatCannotKeepIt(Request request) throws IOException {
                OkHttpClient named = new OkHttpClient();
                String name = String.valueOf(named);
                return named.newCall(request).execute() + name;
              }

              Object notShutDown(Request request) throws IOException {
                OkHttpClient client = new OkHttpClient();
                client.dispatcher().executorService();
                return client.newCall(request).execute();
              }
            }
            """)
        .addOutputLines(
            "Fixed.java",
            """
            import java.io.IOException;
            import okhttp3.OkHttpClient;
            import okhttp3.Request;

            class Fixed {
              private static final OkHttpClient NAMED = new OkHttpClient();

              private static final OkHttpClient CLIENT = new OkHttpClient();

              Object handedToAStaticMethodThatCannotKeepIt(Request request) throws IOException {
                String name = String.valueOf(NAMED);
                return NAMED.newCall(request).execute() + name;
              }

              Object notShutDown(Request request) throws IOException {
                CLIENT.dispatcher().executorService();
                return CLIENT.newCall(request).execute();
              }
            }
            """)
        .doTest(TEXT_MATCH);
  }

  /**
   * A client handed to a method that may return it gets no fix (it is still a finding), and one
   * returned is no finding (the method is a factory), so no fix either.
   */
  @Test
  void noFixWhenTheClientMayLeaveTheMethod() {
    String shared = "-XepOpt:HeavyweightClientPerCall:SharedTypes=com.acme.Client";
    String noFix =
        """
        import com.acme.Client;

        class NoFix {
          Object handedBack() {
            // BUG: Diagnostic contains: Client built on every call of handedBack()
            return handle(new Client("https://e"));
          }

          Object handle(Client client) {
            return client;
          }

          Client returned() {
            Client client = new Client("https://e");
            return client;
          }
        }
        """;
    assertFindings("NoFix.java", noFix, shared);
    ClientStubs.refactoring(getClass(), "com.acme")
        .setArgs(shared)
        .addInputLines("NoFix.java", noFix)
        .expectUnchanged()
        .doTest(TEXT_MATCH);
  }

  /**
   * The hoisted field is indented like the class's members, also where the first member javac sees
   * does not start a line of its own: a record's fields come from its header, an enum's constants
   * may follow its brace. ({@code BugCheckerRefactoringTestHelper} formats what it compares, so
   * these compare the text as patched.)
   */
  @Test
  void hoistedFieldIsIndentedLikeTheMembers() {
    assertEquals(
        """
        import com.alibaba.fastjson.JSON;
        import com.alibaba.fastjson.serializer.SerializeConfig;

        record Row(Object value) {
          private static final SerializeConfig SERIALIZE_CONFIG = new SerializeConfig();

          String toJson() {
            return JSON.toJSONString(value, SERIALIZE_CONFIG);
          }
        }
        """,
        RawFixes.apply(
            "Row.java",
            """
            import com.alibaba.fastjson.JSON;
            import com.alibaba.fastjson.serializer.SerializeConfig;

            record Row(Object value) {
              String toJson() {
                return JSON.toJSONString(value, new SerializeConfig());
              }
            }
            """,
            "com.alibaba.fastjson"));
    assertEquals(
        """
        import com.alibaba.fastjson.JSON;
        import com.alibaba.fastjson.serializer.SerializeConfig;

        enum Format { JSON_TEXT, PLAIN;
          private static final SerializeConfig SERIALIZE_CONFIG = new SerializeConfig();

          String render(Object value) {
            return JSON.toJSONString(value, SERIALIZE_CONFIG);
          }
        }
        """,
        RawFixes.apply(
            "Format.java",
            """
            import com.alibaba.fastjson.JSON;
            import com.alibaba.fastjson.serializer.SerializeConfig;

            enum Format { JSON_TEXT, PLAIN;
              String render(Object value) {
                return JSON.toJSONString(value, new SerializeConfig());
              }
            }
            """,
            "com.alibaba.fastjson"));
  }

  /**
   * One blank line between the hoisted members and the member after them, whatever blank lines the
   * class had: incident 001's class opens with a blank line; after a field the moved code reads,
   * the new field joins its group.
   */
  @Test
  void hoistedMembersAreSetOffByOneBlankLine() {
    assertEquals(
        """
        import com.alibaba.fastjson.JSON;
        import com.alibaba.fastjson.PropertyNamingStrategy;
        import com.alibaba.fastjson.serializer.SerializeConfig;

        public class WcsDataBuilder {
          private static final SerializeConfig CONFIG = new SerializeConfig();

          static {
            CONFIG.propertyNamingStrategy = PropertyNamingStrategy.SnakeCase;
          }

          /** Returns the bean as JSON with snake_case field names. */
          public static String buildData(Object bean) {
            return JSON.toJSONString(bean, CONFIG);
          }
        }
        """,
        RawFixes.apply(
            "WcsDataBuilder.java",
            """
            import com.alibaba.fastjson.JSON;
            import com.alibaba.fastjson.PropertyNamingStrategy;
            import com.alibaba.fastjson.serializer.SerializeConfig;

            public class WcsDataBuilder {

              /** Returns the bean as JSON with snake_case field names. */
              public static String buildData(Object bean) {
                SerializeConfig CONFIG = new SerializeConfig();
                CONFIG.propertyNamingStrategy = PropertyNamingStrategy.SnakeCase;
                return JSON.toJSONString(bean, CONFIG);
              }
            }
            """,
            "com.alibaba.fastjson"));
    assertEquals(
        """
        import com.alibaba.fastjson.JSON;
        import com.alibaba.fastjson.PropertyNamingStrategy;
        import com.alibaba.fastjson.serializer.SerializeConfig;

        class Snake {
          private static final PropertyNamingStrategy NAMING = PropertyNamingStrategy.SnakeCase;
          private static final SerializeConfig CONFIG = new SerializeConfig();

          static {
            CONFIG.propertyNamingStrategy = NAMING;
          }

          String toJson(Object bean) {
            return JSON.toJSONString(bean, CONFIG);
          }
        }
        """,
        RawFixes.apply(
            "Snake.java",
            """
            import com.alibaba.fastjson.JSON;
            import com.alibaba.fastjson.PropertyNamingStrategy;
            import com.alibaba.fastjson.serializer.SerializeConfig;

            class Snake {
              private static final PropertyNamingStrategy NAMING = PropertyNamingStrategy.SnakeCase;

              String toJson(Object bean) {
                SerializeConfig config = new SerializeConfig();
                config.propertyNamingStrategy = NAMING;
                return JSON.toJSONString(bean, config);
              }
            }
            """,
            "com.alibaba.fastjson"));
  }

  // ---------------------------------------------------------------------------------------------
  // RELEASE: release on every path

  @Test
  void incident002OssClientShutDownInFinally() {
    ClientStubs.refactoring(getClass(), "com.aliyun.oss")
        .addInputLines(
            "OssUploader.java",
            """
            import com.aliyun.oss.OSSClient;
            import java.io.InputStream;

            public class OssUploader {
              private final String endpoint = "https://oss-cn-hangzhou.aliyuncs.com";
              private final String accessKeyId = "id";
              private final String accessKeySecret = "secret";
              private final String bucket = "bucket";

              public void upload(String key, InputStream input) {
                OSSClient ossClient = new OSSClient(endpoint, accessKeyId, accessKeySecret);
                ossClient.putObject(bucket, key, input);
              }
            }
            """)
        .addOutputLines(
            "OssUploader.java",
            """
            import com.aliyun.oss.OSSClient;
            import java.io.InputStream;

            public class OssUploader {
              private final String endpoint = "https://oss-cn-hangzhou.aliyuncs.com";
              private final String accessKeyId = "id";
              private final String accessKeySecret = "secret";
              private final String bucket = "bucket";

              public void upload(String key, InputStream input) {
                OSSClient ossClient = new OSSClient(endpoint, accessKeyId, accessKeySecret);
                try {
                  ossClient.putObject(bucket, key, input);
                } finally {
                  ossClient.shutdown();
                }
              }
            }
            """)
        .doTest(TEXT_MATCH);
  }

  @Test
  void ossInterfaceFromABuilderShutDownInFinally() {
    ClientStubs.refactoring(getClass(), "com.aliyun.oss")
        .addInputLines(
            "Test.java",
            """
            import com.aliyun.oss.OSS;
            import com.aliyun.oss.OSSClientBuilder;
            import java.io.InputStream;

            class Test {
              void upload(String endpoint, String key, InputStream input, boolean enabled) {
                if (enabled) {
                  OSS oss = new OSSClientBuilder().build(endpoint, "id", "secret");
                  Object result = oss.putObject("bucket", key, input);
                  System.out.println(result);
                  oss.shutdown();
                }
              }
            }
            """)
        .addOutputLines(
            "Test.java",
            """
            import com.aliyun.oss.OSS;
            import com.aliyun.oss.OSSClientBuilder;
            import java.io.InputStream;

            class Test {
              void upload(String endpoint, String key, InputStream input, boolean enabled) {
                if (enabled) {
                  OSS oss = new OSSClientBuilder().build(endpoint, "id", "secret");
                  try {
                    Object result = oss.putObject("bucket", key, input);
                    System.out.println(result);
                  } finally {
                    oss.shutdown();
                  }
                }
              }
            }
            """)
        .doTest(TEXT_MATCH);
  }

  @Test
  void executorShutDownInFinallyKeepingTheBlocksOwnRelease() {
    ClientStubs.refactoring(getClass())
        .addInputLines(
            "Test.java",
            """
            import com.google.common.util.concurrent.MoreExecutors;
            import java.util.List;
            import java.util.concurrent.Callable;
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.Executors;
            import java.util.concurrent.TimeUnit;

            class Test {
              void never(List<Runnable> tasks) {
                ExecutorService pool = Executors.newFixedThreadPool(4);
                tasks.forEach(pool::execute);
              }

              void normalPath(List<Callable<Void>> tasks) throws InterruptedException {
                ExecutorService pool = Executors.newFixedThreadPool(4);
                // one task each
                pool.invokeAll(tasks);
                pool.shutdownNow();
              }

              void helper(List<Callable<Void>> tasks) throws InterruptedException {
                ExecutorService pool = Executors.newCachedThreadPool();
                pool.invokeAll(tasks);
                MoreExecutors.shutdownAndAwaitTermination(pool, 1, TimeUnit.MINUTES);
              }
            }
            """)
        .addOutputLines(
            "Test.java",
            """
            import com.google.common.util.concurrent.MoreExecutors;
            import java.util.List;
            import java.util.concurrent.Callable;
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.Executors;
            import java.util.concurrent.TimeUnit;

            class Test {
              void never(List<Runnable> tasks) {
                ExecutorService pool = Executors.newFixedThreadPool(4);
                try {
                  tasks.forEach(pool::execute);
                } finally {
                  pool.shutdown();
                }
              }

              void normalPath(List<Callable<Void>> tasks) throws InterruptedException {
                ExecutorService pool = Executors.newFixedThreadPool(4);
                try {
                  // one task each
                  pool.invokeAll(tasks);
                } finally {
                  pool.shutdownNow();
                }
              }

              void helper(List<Callable<Void>> tasks) throws InterruptedException {
                ExecutorService pool = Executors.newCachedThreadPool();
                try {
                  pool.invokeAll(tasks);
                } finally {
                  MoreExecutors.shutdownAndAwaitTermination(pool, 1, TimeUnit.MINUTES);
                }
              }
            }
            """)
        .doTest(TEXT_MATCH);
  }

  @Test
  void closeableClientIntoTryWithResources() {
    ClientStubs.refactoring(
            getClass(), "org.apache.commons.io", "org.apache.http", "software.amazon.awssdk")
        .addInputLines(
            "Test.java",
            """
            import java.io.IOException;
            import org.apache.commons.io.IOUtils;
            import org.apache.http.impl.client.CloseableHttpClient;
            import org.apache.http.impl.client.HttpClients;
            import software.amazon.awssdk.services.s3.S3Client;

            class Test {
              Object never(Object request) throws IOException {
                CloseableHttpClient client = HttpClients.createDefault();
                return client.execute(request);
              }

              void normalPath(Object request) throws IOException {
                CloseableHttpClient client = HttpClients.custom().setUserAgent("agent").build();
                client.execute(request);
                client.close();
              }

              void helper(Object request) throws IOException {
                CloseableHttpClient client = HttpClients.createDefault();
                client.execute(request);
                IOUtils.closeQuietly(client);
              }

              Object notLast(Object request) throws IOException {
                CloseableHttpClient client = HttpClients.createDefault();
                Object response = client.execute(request);
                client.close();
                return response;
              }

              void put(String key) {
                S3Client s3 = S3Client.builder().region("eu-west-1").build();
                s3.putObject("bucket", key, "content");
              }
            }
            """)
        .addOutputLines(
            "Test.java",
            """
            import java.io.IOException;
            import org.apache.commons.io.IOUtils;
            import org.apache.http.impl.client.CloseableHttpClient;
            import org.apache.http.impl.client.HttpClients;
            import software.amazon.awssdk.services.s3.S3Client;

            class Test {
              Object never(Object request) throws IOException {
                try (CloseableHttpClient client = HttpClients.createDefault()) {
                  return client.execute(request);
                }
              }

              void normalPath(Object request) throws IOException {
                try (CloseableHttpClient client = HttpClients.custom().setUserAgent("agent").build()) {
                  client.execute(request);
                }
              }

              void helper(Object request) throws IOException {
                try (CloseableHttpClient client = HttpClients.createDefault()) {
                  client.execute(request);
                }
              }

              Object notLast(Object request) throws IOException {
                try (CloseableHttpClient client = HttpClients.createDefault()) {
                  Object response = client.execute(request);
                  return response;
                }
              }

              void put(String key) {
                try (S3Client s3 = S3Client.builder().region("eu-west-1").build()) {
                  s3.putObject("bucket", key, "content");
                }
              }
            }
            """)
        .doTest(TEXT_MATCH);
  }

  @Test
  void noTryWithResourcesWhenCloseWouldThrowAnUnhandledCheckedException() {
    String noFix =
        """
        import java.io.IOException;
        import java.io.UncheckedIOException;
        import org.apache.http.impl.client.CloseableHttpClient;
        import org.apache.http.impl.client.HttpClients;

        class NoFix {
          Object caughtInside(Object request) {
            // BUG: Diagnostic contains: CloseableHttpClient built on every call of caughtInside()
            CloseableHttpClient client = HttpClients.createDefault();
            try {
              return client.execute(request);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }
        }
        """;
    assertFindings("NoFix.java", noFix);
    ClientStubs.refactoring(getClass(), "org.apache.http")
        .addInputLines("NoFix.java", noFix)
        .expectUnchanged()
        .addInputLines(
            "Fixed.java",
            """
            import java.io.IOException;
            import org.apache.http.impl.client.CloseableHttpClient;
            import org.apache.http.impl.client.HttpClients;

            class Fixed {
              Object declared(Object request) throws IOException {
                CloseableHttpClient client = HttpClients.createDefault();
                return client.execute(request);
              }

              Object caughtAround(Object request) {
                try {
                  CloseableHttpClient client = HttpClients.createDefault();
                  return client.execute(request);
                } catch (IllegalStateException | IOException e) {
                  throw new IllegalStateException(e);
                }
              }
            }
            """)
        .addOutputLines(
            "Fixed.java",
            """
            import java.io.IOException;
            import org.apache.http.impl.client.CloseableHttpClient;
            import org.apache.http.impl.client.HttpClients;

            class Fixed {
              Object declared(Object request) throws IOException {
                try (CloseableHttpClient client = HttpClients.createDefault()) {
                  return client.execute(request);
                }
              }

              Object caughtAround(Object request) {
                try {
                  try (CloseableHttpClient client = HttpClients.createDefault()) {
                    return client.execute(request);
                  }
                } catch (IllegalStateException | IOException e) {
                  throw new IllegalStateException(e);
                }
              }
            }
            """)
        .doTest(TEXT_MATCH);
  }

  @Test
  void noReleaseFixUnlessALocalThatIsNeverReassignedNorKept() {
    String noFix =
        """
        import java.util.concurrent.ExecutorService;
        import java.util.concurrent.Executors;

        class NoFix {
          private ExecutorService last;

          void inline(Runnable task) {
            // BUG: Diagnostic contains: ExecutorService built on every call of inline()
            Executors.newFixedThreadPool(2).execute(task);
          }

          void reassigned(Runnable task) {
            // BUG: Diagnostic contains: ExecutorService built on every call of reassigned()
            ExecutorService pool = Executors.newFixedThreadPool(2);
            pool.execute(task);
            // BUG: Diagnostic contains: ExecutorService built on every call of reassigned()
            pool = Executors.newSingleThreadExecutor();
            pool.execute(task);
          }

          void keptInAField(Runnable task) {
            // BUG: Diagnostic contains: and stored in field last
            ExecutorService pool = Executors.newFixedThreadPool(2);
            last = pool;
            pool.execute(task);
          }

          void typedAsObject(Runnable task) {
            // BUG: Diagnostic contains: ExecutorService built on every call of typedAsObject()
            Object pool = Executors.newFixedThreadPool(2);
            task.run();
            System.out.println(pool);
          }
        }
        """;
    assertFindings("NoFix.java", noFix);
    ClientStubs.refactoring(getClass())
        .addInputLines("NoFix.java", noFix)
        .expectUnchanged()
        .addInputLines(
            "Fixed.java",
            """
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.Executors;

            class Fixed {
              void local(Runnable task) {
                ExecutorService pool = Executors.newFixedThreadPool(2);
                pool.execute(task);
              }
            }
            """)
        .addOutputLines(
            "Fixed.java",
            """
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.Executors;

            class Fixed {
              void local(Runnable task) {
                ExecutorService pool = Executors.newFixedThreadPool(2);
                try {
                  pool.execute(task);
                } finally {
                  pool.shutdown();
                }
              }
            }
            """)
        .doTest(TEXT_MATCH);
  }

  /**
   * Asserts that {@code source} has a finding on each line that its {@code // BUG} comments mark
   * and on no other: a case that gets no fix is a finding all the same.
   */
  private void assertFindings(String path, String source, String... args) {
    CompilationTestHelper compilation = ClientStubs.compilation(getClass());
    if (args.length > 0) {
      compilation = compilation.setArgs(args);
    }
    compilation.addSourceLines(path, source).doTest();
  }
}
