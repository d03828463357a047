package io.github.leakprone.checks;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * Each pass of a loop acquires a new resource at the same line: the one the last pass left in its
 * variables is another resource, lost when the pass ends and the loop goes round to the
 * declarations of those variables again, even where a second variable (a view of it, a stream of
 * the socket) holds it too.
 */
final class ResourceLeakLoopPassesTest {

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(ResourceLeak.class, getClass());

  /**
   * A server's accept loop that keeps each socket's stream in a second variable and never closes
   * either: every connection's socket is lost when the next pass begins. In {@code main} too, whose
   * exit releases only what is open when it ends, not one socket per pass: there the finding names
   * the loop's next pass, the path that loses all but the last.
   */
  @Test
  void aSocketHeldAlsoByItsStreamIsLostWhenTheNextPassBegins() {
    helper
        .addSourceLines(
            "Echo.java",
            """
            import java.io.IOException;
            import java.io.InputStream;
            import java.io.OutputStream;
            import java.net.ServerSocket;
            import java.net.Socket;

            class Echo {
              public static void main(String[] args) throws IOException {
                ServerSocket server = new ServerSocket(Integer.parseInt(args[0]));
                while (true) {
                  // BUG: Diagnostic contains: Socket `client` acquired at line 12 is not closed when the loop at line 10 starts its next pass
                  Socket client = server.accept();
                  InputStream in = client.getInputStream();
                  in.read();
                }
              }

              void serve(ServerSocket server) throws IOException {
                while (true) {
                  // BUG: Diagnostic contains: Socket `client` acquired at line 21 is never closed
                  Socket client = server.accept();
                  OutputStream out = client.getOutputStream();
                  out.write(1);
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * The same loops, closing each socket through its stream, or once they are done with it; and a
   * resource stored in two variables at once ({@code a = b = accept()}), closed through the first.
   */
  @Test
  void aSocketClosedOnEachPassIsNotLostByTheNext() {
    helper
        .addSourceLines(
            "Echo.java",
            """
            import java.io.IOException;
            import java.io.InputStream;
            import java.io.OutputStream;
            import java.net.ServerSocket;
            import java.net.Socket;

            class Echo {
              public static void main(String[] args) throws IOException {
                ServerSocket server = new ServerSocket(Integer.parseInt(args[0]));
                while (true) {
                  Socket client = server.accept();
                  InputStream in = client.getInputStream();
                  try {
                    in.read();
                  } finally {
                    in.close();
                  }
                }
              }

              void serve(ServerSocket server) throws IOException {
                Socket last;
                Socket client;
                while (true) {
                  last = client = server.accept();
                  try (OutputStream out = client.getOutputStream()) {
                    out.write(1);
                  } finally {
                    last.close();
                  }
                }
              }
            }
            """)
        .doTest();
  }
}
