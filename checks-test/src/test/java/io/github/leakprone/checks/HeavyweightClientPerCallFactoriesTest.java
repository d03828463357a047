package io.github.leakprone.checks;

import static com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode.TEXT_MATCH;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * A factory of the project's own, in sight and overridden nowhere, whose every {@code return} hands
 * out a client it builds there, builds one at every call: the call is judged where it is made, as
 * the creation in the factory's body would be there (frontend-maven-plugin's downloader, which
 * builds an HTTP client per download through its helper and never closes it, a holdout round's
 * miss). The message names the factory. A method that returns a kept client, or keeps what it
 * builds besides returning it (Jackrabbit's data-source factory, which lists what it makes for its
 * {@code close()}), one a subclass may override, and the factory itself, which returns what it
 * builds, are no finding.
 */
// TEXT_MATCH is deprecated from Error Prone 2.43 on, where it is doTest()'s default; 2.42.0, which
// JDK 17 runs, still defaults to AST_MATCH, so the test names the mode.
@SuppressWarnings("deprecation")
final class HeavyweightClientPerCallFactoriesTest {

  private final CompilationTestHelper helper = ClientStubs.compilation(getClass());

  @Test
  void aFactorysCallBuildsAClientAtEveryCall() {
    helper
        .addSourceLines(
            "Api.java",
            """
            import java.util.concurrent.TimeUnit;
            import okhttp3.OkHttpClient;
            import okhttp3.Request;

            class Api {
              private final OkHttpClient shared = new OkHttpClient();

              Object fetch(Request request) {
                // BUG: Diagnostic contains: OkHttpClient built by newClient() on every call of fetch()
                return newClient(10).newCall(request);
              }

              Object fetchStored(Request request) {
                // BUG: Diagnostic contains: OkHttpClient built by newClient() on every call of fetchStored()
                OkHttpClient client = newClient(5);
                return client.newCall(request);
              }

              Object fetchShared(Request request) {
                return kept().newCall(request);
              }

              Object fetchOverridable(Request request) {
                return overridable().newCall(request);
              }

              private OkHttpClient newClient(long timeout) {
                OkHttpClient client =
                    new OkHttpClient.Builder().connectTimeout(timeout, TimeUnit.SECONDS).build();
                return client;
              }

              private OkHttpClient kept() {
                return shared;
              }

              protected OkHttpClient overridable() {
                return new OkHttpClient();
              }
            }
            """)
        .doTest();
  }

  @Test
  void aClientToReleaseFromAFactoryIsLostWhereItsCallerDropsIt() {
    helper
        .addSourceLines(
            "Uploads.java",
            """
            import com.aliyun.oss.OSS;
            import com.aliyun.oss.OSSClientBuilder;
            import java.io.InputStream;

            class Uploads {
              void upload(String key, InputStream in) {
                // BUG: Diagnostic contains: OSSClient built by client() on every call of upload()
                client().putObject("bucket", key, in);
              }

              void uploadKept(String key, InputStream in) {
                kept().putObject("bucket", key, in);
              }

              void uploadAndShutDown(String key, InputStream in) {
                OSS oss = client();
                try {
                  oss.putObject("bucket", key, in);
                } finally {
                  oss.shutdown();
                }
              }

              private static OSS client() {
                return new OSSClientBuilder().build("endpoint", "id", "secret");
              }

              private final java.util.List<OSS> made = new java.util.ArrayList<>();

              // Keeps what it makes, for a close() that shuts them all down: no factory.
              private OSS kept() {
                OSS oss = new OSSClientBuilder().build("endpoint", "id", "secret");
                made.add(oss);
                return oss;
              }
            }
            """)
        .doTest();
  }

  /**
   * A static factory's call is hoisted into a static field as a creation is; an instance method's
   * cannot be, and gets no fix.
   */
  @Test
  void aStaticFactorysCallIsHoisted() {
    ClientStubs.refactoring(getClass(), "okhttp3")
        .addInputLines(
            "Api.java",
            """
            import okhttp3.OkHttpClient;
            import okhttp3.Request;

            class Api {
              private final long timeout = 10;

              Object fetch(Request request) {
                return newClient().newCall(request);
              }

              Object fetchWithTimeout(Request request) {
                return clientWithTimeout().newCall(request);
              }

              private static OkHttpClient newClient() {
                return new OkHttpClient.Builder().build();
              }

              private OkHttpClient clientWithTimeout() {
                return new OkHttpClient.Builder()
                    .connectTimeout(timeout, java.util.concurrent.TimeUnit.SECONDS)
                    .build();
              }
            }
            """)
        .addOutputLines(
            "Api.java",
            """
            import okhttp3.OkHttpClient;
            import okhttp3.Request;

            class Api {
              private static final OkHttpClient OK_HTTP_CLIENT = newClient();

              private final long timeout = 10;

              Object fetch(Request request) {
                return OK_HTTP_CLIENT.newCall(request);
              }

              Object fetchWithTimeout(Request request) {
                return clientWithTimeout().newCall(request);
              }

              private static OkHttpClient newClient() {
                return new OkHttpClient.Builder().build();
              }

              private OkHttpClient clientWithTimeout() {
                return new OkHttpClient.Builder()
                    .connectTimeout(timeout, java.util.concurrent.TimeUnit.SECONDS)
                    .build();
              }
            }
            """)
        .doTest(TEXT_MATCH);
  }
}
