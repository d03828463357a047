package io.github.leakprone.checks;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * An object made with a connection, whose class keeps the connection in a field and has a method
 * that disconnects it: that method, called on the object, releases what the connection made, as
 * {@code conn.disconnect()} in the caller would.
 */
final class ResourceLeakKeptMakersTest {

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(ResourceLeak.class, getClass());

  /**
   * jsoup's {@code HttpConnection.Response.execute}: the response is built with the connection
   * before its stream is opened, and the handler of a failure calls {@code res.safeClose()}, which
   * disconnects the connection and so closes the stream a failing {@code new GZIPInputStream(...)}
   * would lose (an evaluation FALSE). So where the connection is used before the response exists
   * ({@code conn.connect()}): the failures of those calls, made while nothing is open, reach the
   * catch apart from the others, and do not make {@code res} unknown on the stream's path. A method
   * that only forgets the connection releases nothing, nor one of an object made of something else.
   */
  @Test
  void aMethodThatDisconnectsTheConnectionTheObjectKeptReleasesWhatItMade() {
    helper
        .addSourceLines(
            "Fetcher.java",
            """
            import java.io.IOException;
            import java.io.InputStream;
            import java.net.HttpURLConnection;
            import java.net.URL;
            import java.util.zip.GZIPInputStream;

            class Fetcher {
              static final class Response {
                private HttpURLConnection conn;
                InputStream body;

                Response(HttpURLConnection conn) {
                  this.conn = conn;
                }

                Response() {}

                void safeClose() {
                  if (conn != null) {
                    conn.disconnect();
                    conn = null;
                  }
                }

                void forget() {
                  conn = null;
                }
              }

              Response execute(URL url, boolean gzip) throws IOException {
                HttpURLConnection conn = (HttpURLConnection) url.openConnection();
                Response res = null;
                try {
                  res = new Response(conn);
                  InputStream stream = conn.getInputStream();
                  if (gzip) {
                    stream = new GZIPInputStream(stream);
                  }
                  res.body = stream;
                } catch (IOException e) {
                  if (res != null) {
                    res.safeClose();
                  }
                  throw e;
                }
                return res;
              }

              Response forgotten(URL url, boolean gzip) throws IOException {
                HttpURLConnection conn = (HttpURLConnection) url.openConnection();
                Response res = null;
                try {
                  res = new Response(conn);
                  // BUG: Diagnostic contains: acquired at line 55 is not closed when `new GZIPInputStream(...)` at line 57
                  InputStream stream = conn.getInputStream();
                  if (gzip) {
                    stream = new GZIPInputStream(stream);
                  }
                  res.body = stream;
                } catch (IOException e) {
                  if (res != null) {
                    res.forget();
                  }
                  throw e;
                }
                return res;
              }

              Response empty(URL url, boolean gzip) throws IOException {
                HttpURLConnection conn = (HttpURLConnection) url.openConnection();
                Response res = null;
                try {
                  res = new Response();
                  // BUG: Diagnostic contains: acquired at line 75 is not closed when `new GZIPInputStream(...)` at line 77
                  InputStream stream = conn.getInputStream();
                  if (gzip) {
                    stream = new GZIPInputStream(stream);
                  }
                  res.body = stream;
                } catch (IOException e) {
                  if (res != null) {
                    res.safeClose();
                  }
                  throw e;
                }
                return res;
              }

              Response connectedFirst(URL url, boolean gzip) throws IOException {
                HttpURLConnection conn = (HttpURLConnection) url.openConnection();
                Response res = null;
                try {
                  conn.connect();
                  int status = conn.getResponseCode();
                  res = new Response(conn);
                  InputStream stream = conn.getInputStream();
                  if (gzip) {
                    stream = new GZIPInputStream(stream);
                  }
                  res.body = stream;
                } catch (IOException e) {
                  if (res != null) {
                    res.safeClose();
                  }
                  throw e;
                }
                return res;
              }
            }
            """)
        .doTest();
  }
}
