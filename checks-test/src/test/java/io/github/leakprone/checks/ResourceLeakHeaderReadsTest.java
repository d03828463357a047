package io.github.leakprone.checks;

import static com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode.TEXT_MATCH;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * A {@code URLConnection} asked for a header connects to answer, which opens a {@code file:} URL's
 * file or sends an HTTP request whose response holds the socket; only closing {@code
 * getInputStream()}, or an HTTP connection's {@code disconnect()}, releases it. night-config's
 * {@code ConfigParser.parse(URL)} asks for the content encoding and reads through a second stream
 * (the {@code read} case below).
 */
// TEXT_MATCH is deprecated from Error Prone 2.43 on, where it is doTest()'s default; 2.42.0, which
// JDK 17 runs, still defaults to AST_MATCH, so the test names the mode.
@SuppressWarnings("deprecation")
final class ResourceLeakHeaderReadsTest {

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(ResourceLeak.class, getClass());

  @Test
  void aConnectionAskedOnlyForHeadersKeepsWhatItOpened() {
    helper
        .addSourceLines(
            "Templates.java",
            """
            import java.io.IOException;
            import java.io.InputStreamReader;
            import java.io.Reader;
            import java.net.URL;
            import java.net.URLConnection;

            class Templates {
              long lastModified(URL template) throws IOException {
                URLConnection conn = template.openConnection();
                conn.setReadTimeout(1000);
                // BUG: Diagnostic contains: URLConnection `conn` opened at line 9 connects to answer `getLastModified()` at line 12, which opens the URL's file or HTTP response, and nothing in the method closes it; close `conn.getInputStream()` in a finally block, or disconnect() an HTTP connection
                return conn.getLastModified();
              }

              boolean exists(URL license) throws IOException {
                // BUG: Diagnostic contains: URLConnection made by openConnection() at line 17 connects to answer `getContentLength()`, which opens the URL's file or HTTP response, and is never stored, so nothing closes it
                return license.openConnection().getContentLength() > 0;
              }

              String read(URL url) throws IOException {
                URLConnection connection = url.openConnection();
                // BUG: Diagnostic contains: `connection` opened at line 21 connects to answer `getContentEncoding()` at line 23
                String encoding = connection.getContentEncoding();
                try (Reader in = new InputStreamReader(url.openStream(), encoding)) {
                  return String.valueOf((char) in.read());
                }
              }

              long[] header(URL url) throws IOException {
                URLConnection connection = url.openConnection();
                // BUG: Diagnostic contains: `connection` opened at line 30 connects to answer `getLastModified()` at line 32
                long modified = connection.getLastModified();
                long size = connection.getContentLength();
                return new long[] {modified, size};
              }
            }
            """)
        .doTest();
  }

  @Test
  void aConnectionClosedHandedOnOrAskedForAHeadRequestIsNoFinding() {
    helper
        .addSourceLines(
            "Resources.java",
            """
            import java.io.IOException;
            import java.net.HttpURLConnection;
            import java.net.URL;
            import java.net.URLConnection;

            class Resources {
              long lastModified(URL url) throws IOException {
                URLConnection conn = url.openConnection();
                try {
                  return conn.getLastModified();
                } finally {
                  conn.getInputStream().close();
                }
              }

              int length(URL url) throws IOException {
                HttpURLConnection conn = (HttpURLConnection) url.openConnection();
                try {
                  return conn.getContentLength();
                } finally {
                  conn.disconnect();
                }
              }

              long size(URL url) throws IOException {
                HttpURLConnection conn = (HttpURLConnection) url.openConnection();
                conn.setRequestMethod("HEAD");
                return conn.getContentLengthLong();
              }

              long sizeOf(URL url) throws IOException {
                URLConnection conn = url.openConnection();
                if (conn instanceof HttpURLConnection) {
                  HttpURLConnection http = (HttpURLConnection) conn;
                  http.setRequestMethod("HEAD");
                }
                return conn.getContentLengthLong();
              }

              URLConnection configured(URL url) throws IOException {
                URLConnection conn = url.openConnection();
                String type = conn.getContentType();
                return conn;
              }

              long checked(URL url) throws IOException {
                URLConnection conn = url.openConnection();
                long modified = conn.getLastModified();
                release(conn);
                return modified;
              }

              String given(URLConnection conn) {
                return conn.getContentType();
              }

              private static void release(URLConnection conn) throws IOException {
                if (conn instanceof HttpURLConnection) {
                  ((HttpURLConnection) conn).disconnect();
                } else {
                  conn.getInputStream().close();
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * No suggested fix: closing {@code getInputStream()} in a {@code finally} may throw in its turn
   * (an HTTP error status makes it throw), and which release suits depends on the URL's protocol.
   */
  @Test
  void aConnectionAskedForHeadersGetsNoFix() {
    BugCheckerRefactoringTestHelper.newInstance(ResourceLeak.class, getClass())
        .addInputLines(
            "Templates.java",
            """
            import java.io.IOException;
            import java.net.URL;
            import java.net.URLConnection;

            class Templates {
              long lastModified(URL template) throws IOException {
                URLConnection conn = template.openConnection();
                return conn.getLastModified();
              }
            }
            """)
        .expectUnchanged()
        .doTest(TEXT_MATCH);
  }
}
