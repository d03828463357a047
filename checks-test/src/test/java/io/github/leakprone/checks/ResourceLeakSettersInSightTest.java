package io.github.leakprone.checks;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * A helper in sight that sets what it is given, or a view of it ({@code socket.getChannel()}), on
 * another object: the resource goes where that object goes. An object the helper was given, or one
 * it hands on itself (to a registry, to another object's setter), outlives the call and keeps it;
 * one the helper only returns is the caller's to close with what it holds.
 */
final class ResourceLeakSettersInSightTest {

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(ResourceLeak.class, getClass());

  /** The shapes of a reactor: a selectable the reactor keeps, and a transport bound to it. */
  private static final String REACTOR =
      """
      import java.nio.channels.SelectableChannel;

      interface Selectable {
        void setChannel(SelectableChannel channel);
      }

      interface Transport {
        void setSelectable(Selectable selectable);
      }

      interface Reactor {
        Selectable selectable();

        void update(Selectable selectable);
      }
      """;

  /**
   * Proton-J's acceptor hands each accepted channel's {@code socket()} to a helper that sets the
   * socket's channel on a selectable and registers the selectable with its reactor: the reactor
   * closes the channel when the connection ends.
   */
  @Test
  void aHelperThatSetsAViewOnAnObjectItHandsOnKeepsTheResource() {
    helper
        .addSourceLines("Reactor.java", REACTOR)
        .addSourceLines(
            "Acceptor.java",
            """
            import java.io.IOException;
            import java.net.Socket;
            import java.nio.channels.ServerSocketChannel;
            import java.nio.channels.SocketChannel;

            class Acceptor {
              void accept(ServerSocketChannel server, Reactor reactor, Transport transport)
                  throws IOException {
                SocketChannel channel = server.accept();
                selectableTransport(reactor, channel.socket(), transport);
              }

              void acceptBound(ServerSocketChannel server, Reactor reactor, Transport transport)
                  throws IOException {
                SocketChannel channel = server.accept();
                bind(reactor, channel.socket(), transport);
              }

              static Selectable selectableTransport(
                  Reactor reactor, Socket socket, Transport transport) {
                Selectable selectable = reactor.selectable();
                selectable.setChannel(socket != null ? socket.getChannel() : null);
                reactor.update(selectable);
                return selectable;
              }

              static void bind(Reactor reactor, Socket socket, Transport transport) {
                Selectable selectable = reactor.selectable();
                selectable.setChannel(socket.getChannel());
                transport.setSelectable(selectable);
              }
            }
            """)
        .doTest();
  }

  /**
   * A helper that keeps in a field of its object a new object made of the socket it is given, or of
   * the socket's streams, keeps the socket, as the same store in the caller would: Vernacular's VNC
   * client keeps {@code new VncSession(config, in, out)} over the socket's streams, which its
   * {@code stop()} closes (a FALSE of the hundred-and-ninth holdout round). An object made of them
   * and dropped keeps nothing, nor does one whose constructor only reads what it is given (MySQL's
   * {@code CallableStatementParamInfo(rs)}, which walks the result set's rows through a helper).
   */
  @Test
  void aHelperThatKeepsAnObjectMadeOfTheSocketInAFieldKeepsTheSocket() {
    helper
        .addSourceLines(
            "Session.java",
            """
            import java.io.IOException;
            import java.io.InputStream;
            import java.io.OutputStream;

            class Session {
              private final InputStream in;
              private final OutputStream out;

              Session(InputStream in, OutputStream out) {
                this.in = in;
                this.out = out;
              }

              void kill() throws IOException {
                in.close();
                out.close();
              }
            }
            """)
        .addSourceLines(
            "Header.java",
            """
            import java.io.IOException;
            import java.io.InputStream;

            class Header {
              private final int magic;

              Header(InputStream in) throws IOException {
                magic = readMagic(in);
              }

              private static int readMagic(InputStream in) throws IOException {
                return in.read();
              }
            }
            """)
        .addSourceLines(
            "Client.java",
            """
            import java.io.BufferedInputStream;
            import java.io.IOException;
            import java.io.InputStream;
            import java.io.OutputStream;
            import java.net.Socket;

            class Client {
              private Session session;

              void start(String host, int port) throws IOException {
                createSession(new Socket(host, port));
              }

              void probe(String host, int port) throws IOException {
                // BUG: Diagnostic contains: Socket created at line 16 is never stored
                talkOnce(new Socket(host, port));
              }

              private void createSession(Socket socket) throws IOException {
                InputStream in = new BufferedInputStream(socket.getInputStream());
                OutputStream out = socket.getOutputStream();
                session = new Session(in, out);
              }

              private Header header;

              void probeHeader(String host, int port) throws IOException {
                // BUG: Diagnostic contains: Socket created at line 29 is never stored
                readHeader(new Socket(host, port));
              }

              private void readHeader(Socket socket) throws IOException {
                header = new Header(socket.getInputStream());
              }

              private void talkOnce(Socket socket) throws IOException {
                Session once = new Session(socket.getInputStream(), socket.getOutputStream());
                once.hashCode();
              }

              void stop() throws IOException {
                if (session != null) {
                  session.kill();
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * A helper that sets what it is given on an object it only returns hands that object to the
   * caller, who drops it with the channel open (ini4j's {@code IniFormatter.newInstance(out)},
   * whose caller uses the formatter and drops it with the writer).
   */
  @Test
  void aHelperThatSetsItOnAnObjectItOnlyReturnsKeepsNothing() {
    helper
        .addSourceLines("Reactor.java", REACTOR)
        .addSourceLines(
            "Acceptor.java",
            """
            import java.io.IOException;
            import java.net.Socket;
            import java.nio.channels.ServerSocketChannel;
            import java.nio.channels.SocketChannel;

            class Acceptor {
              void accept(ServerSocketChannel server, Reactor reactor) throws IOException {
                // BUG: Diagnostic contains: SocketChannel `channel` acquired at line 9 is never closed
                SocketChannel channel = server.accept();
                selectable(reactor, channel.socket());
              }

              void acceptChannel(ServerSocketChannel server, Reactor reactor) throws IOException {
                // BUG: Diagnostic contains: SocketChannel `channel` acquired at line 15 is never closed
                SocketChannel channel = server.accept();
                selectableOf(reactor, channel);
              }

              static Selectable selectable(Reactor reactor, Socket socket) {
                Selectable selectable = reactor.selectable();
                selectable.setChannel(socket.getChannel());
                return selectable;
              }

              static Selectable selectableOf(Reactor reactor, SocketChannel channel) {
                Selectable selectable = reactor.selectable();
                selectable.setChannel(channel);
                return selectable;
              }
            }
            """)
        .doTest();
  }

  /**
   * A setter of a number, a flag or a string keeps no resource, whatever the helper gives it:
   * xSocket's endpoint sets each option through its own {@code setOption(name, value)}, which calls
   * {@code socket.setSendBufferSize((Integer) value)}; that helper still fails as any call that
   * declares an {@code IOException}, and the channel opened before it is lost then.
   */
  @Test
  void aSetterOfANumberKeepsNothing() {
    helper
        .addSourceLines(
            "Endpoint.java",
            """
            import java.io.IOException;
            import java.net.DatagramSocket;
            import java.net.InetSocketAddress;
            import java.nio.channels.DatagramChannel;
            import java.util.Map;

            class Endpoint {
              private final DatagramChannel channel;
              private final DatagramSocket socket;

              Endpoint(InetSocketAddress address, Map<String, Object> options) throws IOException {
                // BUG: Diagnostic contains: is not closed when `setOption(...)` at line 16 throws
                channel = DatagramChannel.open();
                socket = channel.socket();
                for (Map.Entry<String, Object> option : options.entrySet()) {
                  setOption(option.getKey(), option.getValue());
                }
                socket.bind(address);
              }

              protected Endpoint setOption(String name, Object value) throws IOException {
                if (name.equals("SO_SNDBUF")) {
                  socket.setSendBufferSize((Integer) value);
                }
                return this;
              }

              void close() throws IOException {
                channel.close();
              }
            }
            """)
        .doTest();
  }

  /**
   * A closeable connection bound to a socket adopts it ({@code conn.bind(socket)}: HttpCore's proxy
   * client opens a socket on each pass of its retry loop when the connection is closed, and binds
   * the connection to it), failing or not: its {@code close()} closes the socket. Handed to the
   * {@code bind} of an object that cannot be closed, the socket is still the method's, and the next
   * pass loses it.
   */
  @Test
  void aConnectionBoundToASocketAdoptsIt() {
    helper
        .addSourceLines(
            "Tunnel.java",
            """
            import java.io.Closeable;
            import java.io.IOException;
            import java.net.Socket;

            class Tunnel {
              interface Connection extends Closeable {
                boolean isOpen();

                void bind(Socket socket) throws IOException;
              }

              interface Binder {
                void bind(Socket socket) throws IOException;
              }

              void tunnel(Connection conn, String host, int port) throws IOException {
                for (; ; ) {
                  if (!conn.isOpen()) {
                    Socket socket = new Socket(host, port);
                    conn.bind(socket);
                  }
                  if (conn.isOpen()) {
                    break;
                  }
                }
              }

              void log(Binder binder, String host, int port) throws IOException {
                for (int i = 0; i < 3; i++) {
                  // BUG: Diagnostic contains: Socket `socket` acquired at line 31
                  Socket socket = new Socket(host, port);
                  binder.bind(socket);
                }
              }
            }
            """)
        .doTest();
  }
}
