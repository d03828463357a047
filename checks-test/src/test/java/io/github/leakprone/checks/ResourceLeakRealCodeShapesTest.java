package io.github.leakprone.checks;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * Shapes met when ResourceLeak ran on projects nobody here wrote (the evaluation's holdout rounds,
 * docs/evaluation/README.md), rewritten in our own words: each false alarm found there is a
 * negative case here, beside the positive it must keep.
 */
final class ResourceLeakRealCodeShapesTest {

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(ResourceLeak.class, getClass());

  /**
   * A project's socket subclass whose {@code close()} releases nothing holds nothing of its own: it
   * adapts the streams of a socket someone else owns. One whose {@code close()} closes is a socket.
   */
  @Test
  void aSubclassWhoseCloseDoesNothingHoldsNothing() {
    helper
        .addSourceLines(
            "Tunnel.java",
            """
            import java.io.IOException;
            import java.io.InputStream;
            import java.net.Socket;
            import javax.net.ssl.SSLSocket;
            import javax.net.ssl.SSLSocketFactory;

            class Tunnel {
              static final class Adapter extends Socket {
                private final Socket delegate;

                Adapter(Socket delegate) {
                  this.delegate = delegate;
                }

                @Override
                public InputStream getInputStream() throws IOException {
                  return delegate.getInputStream();
                }

                @Override
                public synchronized void close() {
                  // the underlying socket is closed by its owner
                }
              }

              static final class Counted extends Socket {
                Counted(String host, int port) throws IOException {
                  super(host, port);
                }

                @Override
                public synchronized void close() throws IOException {
                  super.close();
                }
              }

              Socket secure(SSLSocketFactory factory, Socket plain, String host, int port)
                  throws IOException {
                SSLSocket ssl = (SSLSocket) factory.createSocket(new Adapter(plain), host, port, true);
                ssl.startHandshake();
                return ssl;
              }

              void ping(String host, int port) throws IOException {
                // BUG: Diagnostic contains: Counted `socket` acquired at line 46 is never closed
                Counted socket = new Counted(host, port);
                socket.getOutputStream().write(0);
              }
            }
            """)
        .doTest();
  }

  /**
   * A constructor that hands a new stream to another ({@code this(new FileInputStream(file))})
   * whose {@code super(...)} keeps a reader made of it, through a helper that returns one, hands
   * the stream to the object being built. One whose other constructor only reads from it does not.
   */
  @Test
  void aStreamHandedThroughThisAndSuperIsTheObjects() {
    helper
        .addSourceLines(
            "ScriptReader.java",
            """
            import java.io.File;
            import java.io.FileInputStream;
            import java.io.FilterReader;
            import java.io.IOException;
            import java.io.InputStream;
            import java.io.InputStreamReader;
            import java.io.Reader;
            import java.nio.charset.Charset;

            class ScriptReader extends FilterReader {
              ScriptReader(File file, String charset) throws IOException {
                this(new FileInputStream(file), charset);
              }

              ScriptReader(InputStream in, String charset) {
                super(readerOf(in, charset));
              }

              private static Reader readerOf(InputStream in, String charset) {
                return charset == null
                    ? new InputStreamReader(in)
                    : new InputStreamReader(in, Charset.forName(charset));
              }
            }
            """)
        .addSourceLines(
            "Header.java",
            """
            import java.io.File;
            import java.io.FileInputStream;
            import java.io.IOException;
            import java.io.InputStream;

            class Header {
              final int magic;

              Header(File file) throws IOException {
                // BUG: Diagnostic contains: FileInputStream created at line 11 is never stored
                this(new FileInputStream(file));
              }

              Header(InputStream in) throws IOException {
                magic = in.read();
              }
            }
            """)
        .doTest();
  }

  /**
   * A constructor that hands a file's stream to another ({@code this(stream)}) whose body gives it
   * to another object ({@code new StreamDrain(in).bytes()}, ez-vcard's {@code Gobble}) hands it on
   * there, as the first constructor's own body would by making that object: a library's object may
   * keep it, and one in sight that keeps it and closes it does. One whose other constructor gives
   * it to a decorator of the JDK, which becomes the stream and is dropped, does not; nor one that
   * gives it to an object in sight that only borrows it (keeps it, and closes nothing).
   */
  @Test
  void aStreamHandedThroughThisToALibrarysObjectIsThatObjects() {
    helper
        .addSourceLines(
            "Attachment.java",
            """
            import io.github.leakprone.library.StreamDrain;
            import java.io.BufferedInputStream;
            import java.io.IOException;
            import java.io.InputStream;
            import java.nio.file.Files;
            import java.nio.file.Path;

            class Attachment {
              final byte[] data;

              Attachment(Path file) throws IOException {
                this(new BufferedInputStream(Files.newInputStream(file)));
              }

              Attachment(InputStream in) throws IOException {
                this(new StreamDrain(in).bytes());
              }

              Attachment(byte[] data) {
                this.data = data;
              }
            }
            """)
        .addSourceLines(
            "Note.java",
            """
            import java.io.IOException;
            import java.io.InputStream;
            import java.nio.file.Files;
            import java.nio.file.Path;

            class Note {
              final byte[] text;

              Note(Path file) throws IOException {
                this(Files.newInputStream(file));
              }

              Note(InputStream in) throws IOException {
                this(new Slurp(in).all());
              }

              Note(byte[] text) {
                this.text = text;
              }

              static final class Slurp {
                private final InputStream in;

                Slurp(InputStream in) {
                  this.in = in;
                }

                byte[] all() throws IOException {
                  try {
                    return in.readAllBytes();
                  } finally {
                    in.close();
                  }
                }
              }
            }
            """)
        .addSourceLines(
            "Sample.java",
            """
            import java.io.IOException;
            import java.io.InputStream;
            import java.nio.file.Files;
            import java.nio.file.Path;

            class Sample {
              final int first;

              Sample(Path file) throws IOException {
                // BUG: Diagnostic contains: InputStream returned by newInputStream() at line 11 is
                this(Files.newInputStream(file));
              }

              Sample(InputStream in) throws IOException {
                this(new Peek(in).first());
              }

              Sample(int first) {
                this.first = first;
              }

              static final class Peek {
                private final InputStream in;

                Peek(InputStream in) {
                  this.in = in;
                }

                int first() throws IOException {
                  return in.read();
                }
              }
            }
            """)
        .addSourceLines(
            "Thumbnail.java",
            """
            import java.io.BufferedInputStream;
            import java.io.IOException;
            import java.io.InputStream;
            import java.nio.file.Files;
            import java.nio.file.Path;

            class Thumbnail {
              final int first;

              Thumbnail(Path file) throws IOException {
                // BUG: Diagnostic contains: InputStream returned by newInputStream() at line 12 is
                this(Files.newInputStream(file));
              }

              Thumbnail(InputStream in) throws IOException {
                this(new BufferedInputStream(in).read());
              }

              Thumbnail(int first) {
                this.first = first;
              }
            }
            """)
        .doTest();
  }

  /**
   * Code after a {@code try} whose block always returns runs only when something in the block fails
   * and a {@code catch} handles it: chunk-templates' {@code peekInsideJar} returns the stream of a
   * {@code jar:} URL, and when that fails opens the jar as a {@code ZipFile} after the catch, never
   * closed where the entry is missing. That path was missed while nothing was open in the block,
   * its failures reaching no catch. A catch only an unchecked exception reaches is no path (the
   * exception policy), and the code after it is judged unreached. (Those failures reach a catch
   * apart from the others: {@code
   * ResourceLeakKeptMakersTest.aMethodThatDisconnectsTheConnectionTheObjectKeptReleasesWhatItMade}.)
   */
  @Test
  void codeAfterATryThatAlwaysReturnsRunsThroughItsCatches() {
    helper
        .addSourceLines(
            "Resources.java",
            """
            import java.io.IOException;
            import java.io.InputStream;
            import java.net.URL;
            import java.util.zip.ZipEntry;
            import java.util.zip.ZipFile;

            class Resources {
              static InputStream peekInsideJar(String jar, String path) {
                try {
                  return new URL(jar + "!" + path).openStream();
                } catch (IOException e) {
                }
                try {
                  // BUG: Diagnostic contains: ZipFile `zip` acquired at line 15 is never closed
                  ZipFile zip = new ZipFile(jar.replaceFirst("^jar:file:", ""));
                  ZipEntry entry = zip.getEntry(path);
                  if (entry != null) {
                    return zip.getInputStream(entry);
                  }
                } catch (IOException e) {
                }
                return null;
              }

              static String name(Object key, String jar) throws IOException {
                try {
                  return key.toString();
                } catch (RuntimeException e) {
                }
                ZipFile zip = new ZipFile(jar);
                return zip.getName();
              }
            }
            """)
        .doTest();
  }

  /**
   * A channel's socket adaptor ({@code SocketChannel.open().socket()}) is the channel seen as a
   * socket: closing it closes the channel, and returning it hands the channel on. Kept open, it is
   * the channel kept open.
   */
  @Test
  void aChannelsSocketIsTheChannel() {
    helper
        .addSourceLines(
            "Sockets.java",
            """
            import java.io.IOException;
            import java.net.InetAddress;
            import java.net.InetSocketAddress;
            import java.net.Socket;
            import java.nio.channels.SocketChannel;

            class Sockets {
              Socket open(InetAddress host, int port, boolean nio) throws IOException {
                Socket socket = nio ? SocketChannel.open().socket() : new Socket();
                socket.connect(new InetSocketAddress(host, port));
                return socket;
              }

              void probe(InetAddress host, int port) throws IOException {
                // BUG: Diagnostic contains: Socket `socket` over the SocketChannel acquired at line 16 is not closed on the path that reaches the end
                Socket socket = SocketChannel.open().socket();
                socket.connect(new InetSocketAddress(host, port));
              }
            }
            """)
        .doTest();
  }

  /**
   * An HTTP connection has one response body: a second {@code getInputStream()} of the same {@code
   * HttpURLConnection} returns the stream the first call opened (jgroups' Rackspace discovery keeps
   * the first and reads the second, and its {@code finally} closes the first, a holdout round's
   * FALSE). Another connection's second call (a {@code jar:} URL's) opens a new stream, and so does
   * one where the first call may not have run (java-gitlab-api's parse, whose first call is in a
   * branch that returns).
   */
  @Test
  void aSecondStreamOfTheSameHttpConnectionIsTheFirst() {
    helper
        .addSourceLines(
            "Bodies.java",
            """
            import java.io.IOException;
            import java.io.InputStream;
            import java.net.HttpURLConnection;
            import java.net.URLConnection;

            class Bodies {
              int http(HttpURLConnection connection) throws IOException {
                InputStream in = null;
                try {
                  in = connection.getInputStream();
                  return first(connection.getInputStream());
                } finally {
                  if (in != null) {
                    in.close();
                  }
                }
              }

              int any(URLConnection connection) throws IOException {
                InputStream in = null;
                try {
                  in = connection.getInputStream();
                  // BUG: Diagnostic contains: InputStream returned by getInputStream() at line 24 is never stored
                  return first(connection.getInputStream());
                } finally {
                  if (in != null) {
                    in.close();
                  }
                }
              }

              int either(HttpURLConnection connection, boolean whole) throws IOException {
                if (whole) {
                  return connection.getInputStream().readAllBytes().length;
                }
                // BUG: Diagnostic contains: InputStream returned by getInputStream() at line 37 is never stored
                return first(connection.getInputStream());
              }

              private static int first(InputStream in) throws IOException {
                return in.read();
              }
            }
            """)
        .doTest();
  }

  /**
   * A {@code throws} clause that a body in sight cannot honour (a constructor that only stores
   * fields) opens no path: the message names the call that does throw. A method a subclass may
   * override keeps its clause, whatever its own body does.
   */
  @Test
  void aThrowsClauseItsBodyCannotHonourOpensNoPath() {
    helper
        .addSourceLines(
            "Fetcher.java",
            """
            import java.io.IOException;
            import java.net.InetSocketAddress;
            import java.net.Socket;

            class Fetcher {
              static final class Settings {
                final int timeout;

                Settings(int timeout) throws IOException {
                  this.timeout = timeout;
                }
              }

              Socket bound(int local) throws IOException {
                // BUG: Diagnostic contains: Socket `socket` acquired at line 16 is not closed when `socket.bind(...)` at line 18 throws
                Socket socket = new Socket();
                Settings settings = new Settings(10);
                socket.bind(new InetSocketAddress(local));
                socket.setSoTimeout(settings.timeout);
                return socket;
              }

              void configure(Socket socket) throws IOException {}

              Socket configured(String host, int port) throws IOException {
                // BUG: Diagnostic contains: Socket `socket` acquired at line 27 is not closed when `configure(...)` at line 28 throws
                Socket socket = new Socket(host, port);
                configure(socket);
                return socket;
              }
            }
            """)
        .doTest();
  }

  /**
   * An overridable method not made to be overridden (public or package, in a concrete class, a body
   * that does something, no override in its unit) is judged by its body like a final one:
   * commons-net's {@code init(ServerSocket) throws IOException} only sets a flag. A hook keeps its
   * clause: a protected method, one of an abstract class, or one its unit overrides with a body
   * that throws.
   */
  @Test
  void aThrowsClauseOfAMethodNotMadeToBeOverriddenIsJudgedByItsBody() {
    helper
        .addSourceLines(
            "Sockets.java",
            """
            import java.io.IOException;
            import java.net.ServerSocket;
            import java.net.Socket;
            import javax.net.ssl.SSLServerSocket;

            class Sockets {
              public ServerSocket init(ServerSocket socket) throws IOException {
                ((SSLServerSocket) socket).setUseClientMode(true);
                return socket;
              }

              ServerSocket listen(int port) throws IOException {
                return init(new ServerSocket(port));
              }

              protected Socket tuned(Socket socket) throws IOException {
                socket.toString();
                return socket;
              }

              Socket connect(String host, int port) throws IOException {
                // BUG: Diagnostic contains: Socket acquired at line 23 is not closed when `tuned(...)` at line 23 throws
                return tuned(new Socket(host, port));
              }

              Socket opened(String host, int port) throws IOException {
                // BUG: Diagnostic contains: Socket acquired at line 28 is not closed when `prepared(...)` at line 28 throws
                return prepared(new Socket(host, port));
              }

              Socket prepared(Socket socket) throws IOException {
                socket.toString();
                return socket;
              }

              static class Keepalive extends Sockets {
                @Override
                Socket prepared(Socket socket) throws IOException {
                  socket.setKeepAlive(true);
                  return socket;
                }
              }
            }
            """)
        .addSourceLines(
            "Base.java",
            """
            import java.io.IOException;
            import java.net.Socket;

            abstract class Base {
              public Socket configured(Socket socket) throws IOException {
                socket.toString();
                return socket;
              }

              Socket open(String host, int port) throws IOException {
                // BUG: Diagnostic contains: Socket acquired at line 12 is not closed when `configured(...)` at line 12 throws
                return configured(new Socket(host, port));
              }
            }
            """)
        .doTest();
  }

  /**
   * A socket made with no address ({@code new Socket()}, a factory's {@code createSocket()}) makes
   * its descriptor when it is first bound, connected or configured: one lost before that held
   * nothing, and one only asked which TLS protocols it supports (QuickFIX/J's {@code ((SSLSocket)
   * factory.createSocket()).getSupportedProtocols()}) never held anything. Once configured, or made
   * connected, it is lost as any socket. On JDK 17 a connect that fails keeps the descriptor it
   * made (later JDKs close it), so the fixture that connects closes the socket when that fails. A
   * failure before the first use does not hide a later one: jPOS's channel looks the local host up
   * (which may fail, losing nothing), then binds the socket, which fails when the port is taken.
   */
  @Test
  void anUnconnectedSocketHoldsNothingUntilItIsUsed() {
    helper
        .addSourceLines(
            "Protocols.java",
            """
            import java.io.IOException;
            import java.net.InetSocketAddress;
            import java.net.Socket;
            import javax.net.ssl.SSLContext;
            import javax.net.ssl.SSLSocket;

            class Protocols {
              String[] supported(SSLContext context) throws IOException {
                return ((SSLSocket) context.getSocketFactory().createSocket()).getSupportedProtocols();
              }

              Socket connect(String host, int port, boolean refuse) throws IOException {
                Socket socket = new Socket();
                if (refuse) {
                  throw new IOException("refused by policy");
                }
                try {
                  socket.connect(new InetSocketAddress(host, port));
                } catch (IOException e) {
                  socket.close();
                  throw e;
                }
                return socket;
              }

              String[] configured(SSLContext context) throws IOException {
                // BUG: Diagnostic contains: Socket `socket` acquired at line 28 is never closed
                SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket();
                socket.setSoTimeout(1000);
                return socket.getSupportedProtocols();
              }

              String[] connected(SSLContext context, String host) throws IOException {
                // BUG: Diagnostic contains: Socket returned by createSocket() at line 35 is never stored
                return ((SSLSocket) context.getSocketFactory().createSocket(host, 443)).getSupportedProtocols();
              }

              Socket timed(String host, int port, boolean refuse) throws IOException {
                // BUG: Diagnostic contains: Socket `socket` acquired at line 40 is not closed when the `throw` at line 43 is taken
                Socket socket = new Socket();
                socket.setSoTimeout(1000);
                if (refuse) {
                  throw new IOException("refused by policy");
                }
                socket.connect(new InetSocketAddress(host, port));
                return socket;
              }

              Socket bound(String host, int port, int localPort) throws IOException {
                // BUG: Diagnostic contains: Socket `socket` acquired at line 51 is not closed when `socket.bind(...)` at line 53 throws
                Socket socket = new Socket();
                java.net.InetAddress local = java.net.InetAddress.getLocalHost();
                socket.bind(new InetSocketAddress(local, localPort));
                socket.connect(new InetSocketAddress(host, port));
                return socket;
              }
            }
            """)
        .doTest();
  }

  /**
   * A boolean parameter tested where the resource is opened and again where it is closed tells the
   * paths that hold it: webarchive-commons' {@code cdxOutput(boolean toFile)} opens its CDX writer
   * and closes it in a {@code finally} only {@code if (toFile)}, so the path that prints to the
   * console holds nothing to lose; the header written before the {@code try} is the path that does.
   * A close tested the wrong way round is still no close.
   */
  @Test
  void aBooleanParameterTestedWhereTheResourceIsOpenedAndClosedTellsWhichPathsHoldIt() {
    helper
        .addSourceLines(
            "CdxDump.java",
            """
            import java.io.BufferedWriter;
            import java.io.FileWriter;
            import java.io.IOException;
            import java.util.List;

            class CdxDump {
              void cdxOutput(boolean toFile, List<String> records) throws IOException {
                BufferedWriter cdxWriter = null;
                if (toFile) {
                  // BUG: Diagnostic contains: is not closed when `cdxWriter.write(...)` at line 14 throws
                  cdxWriter = new BufferedWriter(new FileWriter("records.cdx"));
                }
                if (toFile) {
                  cdxWriter.write("CDX header");
                } else {
                  System.out.println("CDX header");
                }
                try {
                  for (String record : records) {
                    if (toFile) {
                      cdxWriter.write(record);
                    } else {
                      System.out.println(record);
                    }
                  }
                } finally {
                  if (toFile) {
                    cdxWriter.close();
                  }
                }
              }

              void closedTheWrongWayRound(boolean toFile, List<String> records) throws IOException {
                BufferedWriter cdxWriter = null;
                if (toFile) {
                  // BUG: Diagnostic contains: BufferedWriter `cdxWriter` over the FileWriter acquired at line 37 is never closed
                  cdxWriter = new BufferedWriter(new FileWriter("records.cdx"));
                }
                try {
                  for (String record : records) {
                    if (toFile) {
                      cdxWriter.write(record);
                    }
                  }
                } finally {
                  if (!toFile) {
                    cdxWriter.close();
                  }
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * A catch that handles a failure and lets the method go on names the call whose exception it
   * handled: hibernate-tools flushes and closes its generated-file writer in one {@code try} inside
   * a {@code finally}, and a failing {@code flush()} skips the close. Where no call's exception
   * brought the path to the catch (an explicit {@code throw}), the catch alone is named.
   */
  @Test
  void aCatchThatSwallowsAFailureNamesTheCallThatFailed() {
    helper
        .addSourceLines(
            "Generator.java",
            """
            import java.io.BufferedWriter;
            import java.io.File;
            import java.io.FileWriter;
            import java.io.IOException;
            import java.io.Writer;

            class Generator {
              void createFile(String content, File file) {
                Writer fw = null;
                try {
                  // BUG: Diagnostic contains: FileWriter `fw` acquired at line 12 is not closed when `fw.flush()` at line 19 throws and the catch at line 21 goes on without closing it
                  fw = new BufferedWriter(new FileWriter(file));
                  fw.write(content);
                } catch (IOException e) {
                  throw new IllegalStateException("cannot write " + file, e);
                } finally {
                  if (fw != null) {
                    try {
                      fw.flush();
                      fw.close();
                    } catch (IOException e) {
                      // nothing to do
                    }
                  }
                }
              }

              void refuseEmpty(String content, File file) throws IOException {
                // BUG: Diagnostic contains: FileWriter `fw` acquired at line 30 is not closed after the catch at line 36 handles an exception
                Writer fw = new FileWriter(file);
                try {
                  if (content.isEmpty()) {
                    throw new IllegalArgumentException("nothing to write");
                  }
                  fw.close();
                } catch (IllegalArgumentException e) {
                  // nothing to do
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * Closing a view of a field's resource closes the resource: jeromq's beacon closes its channel
   * through {@code handle.socket().close()}. A view only used in place closes nothing.
   */
  @Test
  void aFieldClosedThroughAViewIsClosed() {
    helper
        .addSourceLines(
            "Beacon.java",
            """
            import java.io.IOException;
            import java.net.SocketException;
            import java.nio.channels.DatagramChannel;

            class Beacon implements Runnable {
              private final DatagramChannel handle;

              Beacon() throws IOException {
                handle = DatagramChannel.open();
              }

              @Override
              public void run() {
                try {
                  handle.socket().setBroadcast(true);
                } catch (SocketException e) {
                  throw new IllegalStateException(e);
                } finally {
                  handle.socket().close();
                }
              }
            }
            """)
        .addSourceLines(
            "Sender.java",
            """
            import java.io.IOException;
            import java.nio.channels.DatagramChannel;

            class Sender {
              private final DatagramChannel handle;

              Sender() throws IOException {
                // BUG: Diagnostic contains: DatagramChannel `handle` acquired at line 9 is not closed after it is stored in field `handle`, which nothing in its class closes
                handle = DatagramChannel.open();
              }

              void broadcast() throws IOException {
                handle.socket().setBroadcast(true);
              }
            }
            """)
        .doTest();
  }

  /**
   * A method that states the field is empty before it stores ({@code assert fd == null}, {@code
   * checkState(fd == null)}) never runs with one held, the opposite of a test that lets one through
   * to the store: no earlier value is lost (jeromq's {@code TcpConnecter.open}).
   */
  @Test
  void aPreconditionThatTheFieldIsEmptyIsNoTestThatLetsOneThrough() {
    helper
        .addSourceLines(
            "Connecter.java",
            """
            import static com.google.common.base.Preconditions.checkState;

            import java.io.IOException;
            import java.nio.channels.SocketChannel;

            class Connecter {
              private SocketChannel fd;
              private SocketChannel spare;
              private SocketChannel other;

              boolean open() throws IOException {
                assert fd == null;
                fd = SocketChannel.open();
                return fd.finishConnect();
              }

              boolean openSpare() throws IOException {
                checkState(spare == null, "already open");
                spare = SocketChannel.open();
                return spare.finishConnect();
              }

              boolean reopen() throws IOException {
                if (other == null || !other.isConnected()) {
                  // BUG: Diagnostic contains: SocketChannel held in field `other` since an earlier call is not closed before line 26 stores a new one in it
                  other = SocketChannel.open();
                }
                return other.finishConnect();
              }

              void close() throws IOException {
                if (fd != null) {
                  fd.close();
                }
                if (spare != null) {
                  spare.close();
                }
                if (other != null) {
                  other.close();
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * A reconnect that replaces the field's socket only when a liveness test fails: the test kept in
   * a boolean first ({@code valid = socket != null && socket.isConnected() && !socket.isClosed()},
   * in a {@code try} whose catch says false) is read as if written in the {@code if} (the CloudBees
   * syslog client, a holdout round's three false alarms). A {@code java.net.Socket} that the method
   * connects once stored is, on a later call, connected or closed (JDK 25's failed connect closes
   * it; on JDK 17 the handler of that failure must): not connected, it is no loss of the call that
   * replaces it; and where no code of the file shuts a socket half down, none is. A flag that does
   * not test the socket lets a held one through, as does a half-shut test in a file that shuts
   * sockets half down.
   */
  @Test
  void aReconnectBehindALivenessTestKeptInABooleanLosesNothing() {
    helper
        .addSourceLines(
            "Sender.java",
            """
            import java.io.IOException;
            import java.io.OutputStream;
            import java.net.InetSocketAddress;
            import java.net.Socket;

            class Sender {
              private final InetSocketAddress server;
              private Socket socket;
              private Socket spare;
              private int attempts;

              Sender(InetSocketAddress server) {
                this.server = server;
              }

              void send(byte[] message) throws IOException {
                try {
                  ensureConnection();
                  OutputStream out = socket.getOutputStream();
                  out.write(message);
                  out.flush();
                } catch (IOException e) {
                  close();
                  throw e;
                }
              }

              void sendInline(byte[] message) throws IOException {
                if (socket == null || !socket.isConnected() || socket.isClosed()) {
                  socket = new Socket();
                  socket.connect(server, 1000);
                }
                socket.getOutputStream().write(message);
              }

              void sendOnSpare(byte[] message) throws IOException {
                boolean ready = spare != null && attempts < 3;
                if (!ready) {
                  // BUG: Diagnostic contains: Socket held in field `spare` since an earlier call is not closed before line 40 stores a new one in it
                  spare = new Socket();
                  spare.connect(server, 1000);
                }
                attempts++;
                spare.getOutputStream().write(message);
              }

              private synchronized void ensureConnection() throws IOException {
                boolean valid;
                try {
                  valid =
                      socket != null
                          && socket.isConnected()
                          && socket.isBound()
                          && !socket.isClosed()
                          && !socket.isOutputShutdown();
                } catch (RuntimeException e) {
                  valid = false;
                }
                if (!valid) {
                  socket = new Socket();
                  socket.setKeepAlive(true);
                  socket.connect(server, 1000);
                }
              }

              void close() throws IOException {
                if (socket != null) {
                  socket.close();
                }
                if (spare != null) {
                  spare.close();
                }
              }
            }
            """)
        .addSourceLines(
            "HalfCloser.java",
            """
            import java.io.IOException;
            import java.net.InetSocketAddress;
            import java.net.Socket;

            class HalfCloser {
              private Socket socket;

              void finish() throws IOException {
                socket.shutdownOutput();
              }

              void reconnect(InetSocketAddress server) throws IOException {
                boolean valid = socket != null && !socket.isClosed() && !socket.isOutputShutdown();
                if (!valid) {
                  // BUG: Diagnostic contains: Socket held in field `socket` since an earlier call is not closed before line 16 stores a new one in it
                  socket = new Socket();
                  socket.connect(server, 1000);
                }
              }

              void close() throws IOException {
                socket.close();
              }
            }
            """)
        .doTest();
  }

  /**
   * A factory that keeps what it makes in an element of a field's array, made on first use, hands
   * out its object's cache (PalDB's {@code getIndexStream(keyLength)}, a stream per key length that
   * {@code close()} closes): the caller only borrows it. One that keeps nothing hands out a new
   * one.
   */
  @Test
  void aFactoryThatKeepsWhatItMakesInAFieldsArrayHandsOutItsCache() {
    helper
        .addSourceLines(
            "Store.java",
            """
            import java.io.DataOutputStream;
            import java.io.File;
            import java.io.FileOutputStream;
            import java.io.IOException;
            import java.util.Arrays;

            class Store {
              private final File folder;
              private DataOutputStream[] streams = new DataOutputStream[0];

              Store(File folder) {
                this.folder = folder;
              }

              void put(byte[] key) throws IOException {
                getIndexStream(key.length).write(key);
              }

              void putAside(byte[] key) throws IOException {
                // BUG: Diagnostic contains: DataOutputStream `stream` acquired at line 21 is never closed
                DataOutputStream stream = openStream(key.length);
                stream.write(key);
              }

              private DataOutputStream getIndexStream(int length) throws IOException {
                if (streams.length <= length) {
                  streams = Arrays.copyOf(streams, length + 1);
                }
                DataOutputStream stream = streams[length];
                if (stream == null) {
                  stream = new DataOutputStream(new FileOutputStream(new File(folder, "i" + length)));
                  streams[length] = stream;
                }
                return stream;
              }

              private DataOutputStream openStream(int length) throws IOException {
                return new DataOutputStream(new FileOutputStream(new File(folder, "o" + length)));
              }

              void close() throws IOException {
                for (DataOutputStream stream : streams) {
                  if (stream != null) {
                    stream.close();
                  }
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * A constructor that keeps what it is given through a conditional ({@code this.writer = writer
   * instanceof BufferedWriter ? writer : new BufferedWriter(writer)}) takes it over: a writer
   * handed to it through {@code this(...)} is the object's.
   */
  @Test
  void aFieldStoredThroughAConditionalTakesWhatItIsGiven() {
    helper
        .addSourceLines(
            "CsvOut.java",
            """
            import java.io.BufferedWriter;
            import java.io.Closeable;
            import java.io.File;
            import java.io.FileWriter;
            import java.io.IOException;
            import java.io.Writer;

            class CsvOut implements Closeable {
              private final Writer writer;

              CsvOut(File file) throws IOException {
                this(new FileWriter(file));
              }

              CsvOut(Writer writer) {
                this.writer = writer instanceof BufferedWriter ? writer : new BufferedWriter(writer);
              }

              @Override
              public void close() throws IOException {
                writer.close();
              }
            }
            """)
        .doTest();
  }

  /**
   * A channel closed in a {@code finally} behind {@code isOpen()} is closed on every path: where
   * {@code isOpen()} says false, the channel was closed already. Tested but never closed, it is a
   * finding.
   */
  @Test
  void aCloseBehindIsOpenCloses() {
    helper
        .addSourceLines(
            "Tags.java",
            """
            import java.io.IOException;
            import java.nio.ByteBuffer;
            import java.nio.channels.FileChannel;
            import java.nio.file.Path;
            import java.nio.file.StandardOpenOption;

            class Tags {
              int write(Path path, ByteBuffer buffer) throws IOException {
                FileChannel channel = null;
                try {
                  channel = FileChannel.open(path, StandardOpenOption.WRITE);
                  return channel.write(buffer);
                } finally {
                  if (channel != null && channel.isOpen()) {
                    channel.close();
                  }
                }
              }

              int leaked(Path path, ByteBuffer buffer) throws IOException {
                // BUG: Diagnostic contains: FileChannel `channel` acquired at line 22
                FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE);
                int written = channel.write(buffer);
                return channel.isOpen() ? written : -1;
              }
            }
            """)
        .doTest();
  }

  /**
   * A path that a {@code finally}'s own call loses (a lock's release that throws before the close)
   * is named after that call, not after the jump that brought the path into the {@code finally}.
   */
  @Test
  void aFinallysThrowingCallNamesThePath() {
    helper
        .addSourceLines(
            "Tagger.java",
            """
            import java.io.FileNotFoundException;
            import java.io.IOException;
            import java.io.RandomAccessFile;
            import java.nio.ByteBuffer;
            import java.nio.channels.FileChannel;
            import java.nio.channels.FileLock;

            class Tagger {
              void write(String path, ByteBuffer tag) throws IOException {
                FileChannel channel = null;
                FileLock lock = null;
                try {
                  // BUG: Diagnostic contains: FileChannel `channel` over the RandomAccessFile acquired at line 14 is not closed when `lock.release()` at line 22 throws
                  channel = new RandomAccessFile(path, "rw").getChannel();
                  lock = channel.lock();
                  channel.write(tag);
                } catch (FileNotFoundException e) {
                  throw new IllegalStateException("cannot open " + path, e);
                } finally {
                  if (channel != null) {
                    if (lock != null) {
                      lock.release();
                    }
                    channel.close();
                  }
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * A socket made connected ({@code SocketChannel.open(address)}, {@code new Socket(host, port)},
   * one a server socket accepted) stays connected until it is closed, so {@code if
   * (channel.isConnected()) channel.close()} in a catch closes every one still open (ttorrent's
   * connector). A channel opened unconnected ({@code SocketChannel.open()}) is open and not
   * connected until told to connect: there the test leaves it open.
   */
  @Test
  void isConnectedOfASocketMadeConnectedAsksWhetherItIsOpen() {
    helper
        .addSourceLines(
            "Connector.java",
            """
            import java.io.IOException;
            import java.net.InetSocketAddress;
            import java.net.Socket;
            import java.nio.channels.SocketChannel;

            class Connector {
              private final java.util.List<SocketChannel> open = new java.util.ArrayList<>();

              interface Handler {
                void handshake(SocketChannel channel) throws IOException;
              }

              void connect(InetSocketAddress address, Handler handler) {
                SocketChannel channel = null;
                try {
                  channel = SocketChannel.open(address);
                  handler.handshake(channel);
                  open.add(channel);
                } catch (IOException e) {
                  if (channel != null && channel.isConnected()) {
                    try {
                      channel.close();
                    } catch (IOException ignored) {
                      // nothing left to do
                    }
                  }
                }
              }

              void unconnected(InetSocketAddress address, Handler handler) {
                SocketChannel channel = null;
                try {
                  // BUG: Diagnostic contains: SocketChannel `channel` acquired at line 34 is not closed when `handler.handshake(...)` at line 36 throws and the catch at line 38 goes on without closing it
                  channel = SocketChannel.open();
                  channel.configureBlocking(true);
                  handler.handshake(channel);
                  open.add(channel);
                } catch (IOException e) {
                  if (channel != null && channel.isConnected()) {
                    try {
                      channel.close();
                    } catch (IOException ignored) {
                      // nothing left to do
                    }
                  }
                }
              }

              void socket(String host, int port) throws IOException {
                Socket socket = new Socket(host, port);
                try {
                  socket.getOutputStream().write(1);
                } finally {
                  if (socket.isConnected()) {
                    socket.close();
                  }
                }
              }

              void served(java.net.ServerSocket server) throws IOException {
                Socket client = server.accept();
                try {
                  client.getOutputStream().write(1);
                } finally {
                  if (client.isConnected()) {
                    client.close();
                  }
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * A class that closes a field through a local copy of it ({@code Socket dead = socket; socket =
   * null; dead.close()}, the race-safe close of remotetea's connection transport) releases that
   * field: the socket the caller gives its constructor is the object's, not borrowed, and the
   * caller that starts the object and lets it go loses nothing. A copy that is only read, not
   * closed, releases nothing, and that object still only borrows.
   */
  @Test
  void aFieldClosedThroughALocalCopyIsReleased() {
    helper
        .addSourceLines(
            "Transport.java",
            """
            import java.io.IOException;
            import java.net.ServerSocket;
            import java.net.Socket;

            class Transport {
              static final class Connection {
                private Socket socket;

                Connection(Socket socket) {
                  this.socket = socket;
                }

                void listen() {}

                void close() {
                  if (socket != null) {
                    Socket dead = socket;
                    socket = null;
                    try {
                      dead.close();
                    } catch (IOException e) {
                      // already gone
                    }
                  }
                }
              }

              static final class Watcher {
                private Socket socket;

                Watcher(Socket socket) {
                  this.socket = socket;
                }

                void listen() {}

                String describe() {
                  Socket seen = socket;
                  return String.valueOf(seen);
                }
              }

              void serve(ServerSocket server) throws IOException {
                Socket accepted = server.accept();
                Connection connection = new Connection(accepted);
                connection.listen();
              }

              void watch(ServerSocket server) throws IOException {
                // BUG: Diagnostic contains: Socket `accepted` acquired at line 51 is never closed
                Socket accepted = server.accept();
                Watcher watcher = new Watcher(accepted);
                watcher.listen();
              }
            }
            """)
        .doTest();
  }

  /**
   * An object that keeps what the caller lends it from a variable, cannot be closed and releases
   * none of its fields only borrows it (jaudiotagger's {@code new FlacStreamReader(raf)}): the
   * caller still owns the file, and loses it when a read through the borrower throws. The object
   * takes it, as before, where its class releases a field, where its constructor closes what it
   * keeps (qiniu's exception that closes the response it reports), and where the resource is made
   * in the argument itself: given, not lent, it may come back through a getter.
   */
  @Test
  void anObjectThatOnlyBorrowsLeavesTheResourceWithTheLender() {
    helper
        .addSourceLines(
            "Readers.java",
            """
            import java.io.File;
            import java.io.IOException;
            import java.io.RandomAccessFile;

            class Readers {
              static class HeaderReader {
                private final RandomAccessFile raf;

                HeaderReader(RandomAccessFile raf) {
                  this.raf = raf;
                }

                int header() throws IOException {
                  return raf.readInt();
                }

                RandomAccessFile file() {
                  return raf;
                }
              }

              static class OwningReader {
                private final RandomAccessFile raf;

                OwningReader(RandomAccessFile raf) {
                  this.raf = raf;
                }

                void release() throws IOException {
                  raf.close();
                }
              }

              static class EmptyFile extends IOException {
                private final RandomAccessFile raf;

                EmptyFile(RandomAccessFile raf) {
                  this.raf = raf;
                  try {
                    raf.close();
                  } catch (IOException e) {
                    addSuppressed(e);
                  }
                }
              }

              int count(File f) throws IOException {
                // BUG: Diagnostic contains: RandomAccessFile `raf` acquired at line 49 is not closed when `reader.header()` at line 51 throws
                RandomAccessFile raf = new RandomAccessFile(f, "r");
                HeaderReader reader = new HeaderReader(raf);
                int header = reader.header();
                raf.close();
                return header;
              }

              int closedInFinally(File f) throws IOException {
                RandomAccessFile raf = new RandomAccessFile(f, "r");
                try {
                  return new HeaderReader(raf).header();
                } finally {
                  raf.close();
                }
              }

              HeaderReader handedOut(File f) throws IOException {
                RandomAccessFile raf = new RandomAccessFile(f, "r");
                return new HeaderReader(raf);
              }

              void owned(File f) throws IOException {
                RandomAccessFile raf = new RandomAccessFile(f, "r");
                OwningReader reader = new OwningReader(raf);
                reader.release();
              }

              void ensureNotEmpty(File f) throws IOException {
                RandomAccessFile raf = new RandomAccessFile(f, "r");
                if (f.length() == 0) {
                  throw new EmptyFile(raf);
                }
                raf.close();
              }

              RandomAccessFile givenNotLent(File f) throws IOException {
                HeaderReader reader = new HeaderReader(new RandomAccessFile(f, "r"));
                return reader.file();
              }
            }
            """)
        .doTest();
  }

  /**
   * A factory in sight that returns a new object built around what it is given hands it to that
   * object, as calling the constructor in place would (Apache XML-RPC's {@code WebServer.run}:
   * {@code newTask(socket)} returns {@code new Connection(socket)}, a task that closes it, and the
   * loop then nulls {@code socket} so that its {@code finally} does not close it). A factory whose
   * object only borrows the argument leaves it with the caller, as the constructor does, and the
   * argument goes wherever that object goes, also where it is wrapped in a decorator first (XML
   * Graphics' {@code createImageSource(in)}, returning {@code new
   * ImageSource(createImageInputStream(in))}): returned, it is handed on; dropped, it is lost.
   */
  @Test
  void aFactoryInSightHandsWhatItIsGivenToTheObjectItMakes() {
    helper
        .addSourceLines(
            "Server.java",
            """
            import java.io.File;
            import java.io.IOException;
            import java.io.RandomAccessFile;
            import java.net.ServerSocket;
            import java.net.Socket;

            class Server {
              interface Task {
                void run();
              }

              static final class Connection implements Task {
                private final Socket socket;

                Connection(Socket socket) {
                  this.socket = socket;
                }

                @Override
                public void run() {
                  try {
                    socket.close();
                  } catch (IOException e) {
                    // nothing to do
                  }
                }
              }

              static final class HeaderReader {
                private final RandomAccessFile raf;

                HeaderReader(RandomAccessFile raf) {
                  this.raf = raf;
                }

                int header() throws IOException {
                  return raf.readInt();
                }
              }

              interface Pool {
                boolean startTask(Task task);
              }

              private ServerSocket serverSocket;

              Task newTask(Socket socket) {
                return new Connection(socket);
              }

              HeaderReader newReader(RandomAccessFile raf) {
                return new HeaderReader(raf);
              }

              void serve(Pool pool) throws IOException {
                Socket socket = serverSocket.accept();
                try {
                  socket.setSoTimeout(30000);
                  Task task = newTask(socket);
                  if (pool.startTask(task)) {
                    socket = null;
                  }
                } finally {
                  if (socket != null) {
                    socket.close();
                  }
                }
              }

              int count(File f) throws IOException {
                // BUG: Diagnostic contains: RandomAccessFile `raf` acquired at line 72 is not closed when `reader.header()` at line 74 throws
                RandomAccessFile raf = new RandomAccessFile(f, "r");
                HeaderReader reader = newReader(raf);
                int header = reader.header();
                raf.close();
                return header;
              }

              HeaderReader opened(File f) throws IOException {
                RandomAccessFile raf = new RandomAccessFile(f, "r");
                return newReader(raf);
              }

              static final class Source {
                private final java.io.InputStream in;

                Source(java.io.InputStream in) {
                  this.in = in;
                }
              }

              Source newSource(java.io.InputStream in) {
                return new Source(new java.io.BufferedInputStream(in));
              }

              Source source(File f) throws IOException {
                java.io.InputStream in = new java.io.FileInputStream(f);
                return newSource(in);
              }

              void dropped(File f) throws IOException {
                // BUG: Diagnostic contains: FileInputStream `in` acquired at line 103 is never closed
                java.io.InputStream in = new java.io.FileInputStream(f);
                newSource(in);
              }

              Source newDecoded(java.io.InputStream in) {
                return new Source(buffered(checked(in)));
              }

              static java.io.InputStream checked(java.io.InputStream in) {
                return in;
              }

              static java.io.InputStream buffered(java.io.InputStream in) {
                return new java.io.BufferedInputStream(in);
              }

              Source decoded(File f) throws IOException {
                java.io.InputStream in = new java.io.FileInputStream(f);
                return newDecoded(in);
              }
            }
            """)
        .doTest();
  }

  /**
   * jwarc's WACZ writer opens two temporary channels, then asks for SHA-256 and rethrows the {@code
   * NoSuchAlgorithmException} no Java platform throws for it: as with a charset the platform lacks,
   * a call that can fail only so opens no path. A security call that fails in use (a key store of a
   * type the provider does not have, a bad password) still does. And a failing anonymous subclass's
   * constructor is named after the class it extends.
   */
  @Test
  void anAlgorithmThePlatformLacksOpensNoPath() {
    helper
        .addSourceLines(
            "Wacz.java",
            """
            import java.io.IOException;
            import java.io.InputStream;
            import java.io.OutputStream;
            import java.nio.channels.Channels;
            import java.nio.channels.FileChannel;
            import java.nio.file.Path;
            import java.nio.file.StandardOpenOption;
            import java.security.GeneralSecurityException;
            import java.security.KeyStore;
            import java.security.MessageDigest;
            import java.security.NoSuchAlgorithmException;
            import java.security.cert.Certificate;
            import java.security.cert.CertificateException;
            import java.security.cert.CertificateFactory;
            import java.util.Collection;
            import java.util.zip.GZIPOutputStream;

            class Wacz {
              FileChannel cdx;
              FileChannel pages;
              OutputStream gzip;
              MessageDigest digest;

              Wacz(Path cdxFile, Path pagesFile) throws IOException {
                // BUG: Diagnostic contains: FileChannel `cdx` acquired at line 26 is not closed when `new GZIPOutputStream(...)` at line 28 throws
                this.cdx = FileChannel.open(cdxFile, StandardOpenOption.WRITE);
                this.gzip =
                    new GZIPOutputStream(Channels.newOutputStream(cdx), 8192) {
                      @Override
                      public void close() throws IOException {
                        finish();
                      }
                    };
                this.pages = FileChannel.open(pagesFile, StandardOpenOption.WRITE);
                try {
                  digest = MessageDigest.getInstance("SHA-256");
                } catch (NoSuchAlgorithmException e) {
                  throw new IllegalStateException(e);
                }
              }

              void close() throws IOException {
                cdx.close();
                pages.close();
              }

              static KeyStore load(Path file, char[] password) throws IOException {
                // BUG: Diagnostic contains: InputStream `in` acquired at line 49 is not closed when the `throw` at line 56 is taken
                InputStream in = java.nio.file.Files.newInputStream(file);
                try {
                  KeyStore store = KeyStore.getInstance("PKCS12");
                  store.load(in, password);
                  in.close();
                  return store;
                } catch (GeneralSecurityException e) {
                  throw new IOException(e);
                }
              }

              static KeyStore ofType(Path file, char[] password, String type)
                  throws IOException, GeneralSecurityException {
                // BUG: Diagnostic contains: is not closed when `store.load(...)` at line 65 throws
                InputStream in = java.nio.file.Files.newInputStream(file);
                KeyStore store = KeyStore.getInstance(type);
                store.load(in, password);
                in.close();
                return store;
              }

              static Collection<? extends Certificate> certificates(Path file)
                  throws IOException, CertificateException {
                // BUG: Diagnostic contains: is not closed when `factory.generateCertificates(...)` at line 75 throws
                InputStream in = java.nio.file.Files.newInputStream(file);
                CertificateFactory factory = CertificateFactory.getInstance("X.509");
                Collection<? extends Certificate> read = factory.generateCertificates(in);
                in.close();
                return read;
              }
            }
            """)
        .doTest();
  }

  /**
   * CAS Workflow's readers open a file's stream, then make a document builder and parse the stream
   * in one {@code try} whose {@code catch} returns null. The parse closes the stream, failed or
   * not; the builder fails only on a parser configuration the platform lacks, fixed at the first
   * run: no path loses the stream. A SAX parser's making also declares a {@code SAXException}, a
   * way it fails in use: that path still loses it.
   */
  @Test
  void aParserConfigurationThePlatformLacksOpensNoPath() {
    helper
        .addSourceLines(
            "Reader.java",
            """
            import java.io.FileInputStream;
            import java.io.IOException;
            import java.io.InputStream;
            import javax.xml.parsers.DocumentBuilderFactory;
            import javax.xml.parsers.SAXParserFactory;
            import org.w3c.dom.Document;
            import org.xml.sax.InputSource;
            import org.xml.sax.helpers.DefaultHandler;

            class Reader {
              static Document documentRoot(String file) {
                InputStream in;
                try {
                  in = new FileInputStream(file);
                } catch (IOException e) {
                  return null;
                }
                try {
                  return DocumentBuilderFactory.newInstance()
                      .newDocumentBuilder()
                      .parse(new InputSource(in));
                } catch (Exception e) {
                  return null;
                }
              }

              static boolean scan(String file) {
                InputStream in;
                try {
                  // BUG: Diagnostic contains: is not closed when the `return` at line 39 is taken
                  in = new FileInputStream(file);
                } catch (IOException e) {
                  return false;
                }
                try {
                  SAXParserFactory.newInstance().newSAXParser().parse(in, new DefaultHandler());
                  return true;
                } catch (Exception e) {
                  return false;
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * JBatch's job model resolver keeps a private {@code getJslJobInheritance} that nothing calls,
   * and the private {@code readJobXML} only it calls: code nobody calls is deleted, not fixed, so
   * neither is reported. A private method something calls is, and so is a recursive one that
   * something calls.
   */
  @Test
  void aPrivateMethodNothingCallsNeverRuns() {
    helper
        .addSourceLines(
            "Resolver.java",
            """
            import java.io.File;
            import java.io.FileReader;
            import java.io.IOException;
            import java.io.InputStream;
            import java.io.Reader;

            class Resolver {
              private String inheritance(String id) throws IOException {
                return read(new File(id + ".xml"));
              }

              private String read(File file) throws IOException {
                Reader reader = new FileReader(file);
                return String.valueOf((char) reader.read());
              }

              private int first(File file) throws IOException {
                // BUG: Diagnostic contains: FileInputStream `in` acquired at line 19 is never closed
                InputStream in = new java.io.FileInputStream(file);
                return in.read();
              }

              private int deep(File file, int depth) throws IOException {
                // BUG: Diagnostic contains: FileInputStream `in` acquired at line 25 is never closed
                InputStream in = new java.io.FileInputStream(file);
                return depth == 0 ? in.read() : deep(file, depth - 1);
              }

              int resolve(File file) throws IOException {
                return first(file) + deep(file, 2);
              }
            }
            """)
        .doTest();
  }

  /**
   * twitter4j's upload retries in a loop: the file's stream is declared in the {@code try} and a
   * failing read or write is caught, and the loop goes on to the {@code return}. The exception took
   * the stream out of its variable's reach, so it is what lost it: the finding names the call that
   * throws, not the {@code return} the path reaches later. A stream declared before the {@code try}
   * is still in reach after the catch, and what the path does next loses it.
   */
  @Test
  void anExceptionThatLeavesTheScopeOfEveryHolderIsTheLoss() {
    helper
        .addSourceLines(
            "Upload.java",
            """
            import java.io.File;
            import java.io.FileInputStream;
            import java.io.IOException;
            import java.io.InputStream;
            import java.io.OutputStream;

            class Upload {
              String send(File file, OutputStream out, int retries) {
                String response = null;
                for (int retried = 0; retried <= retries; retried++) {
                  try {
                    // BUG: Diagnostic contains: FileInputStream `in` acquired at line 13 is not closed when `out.write(...)` at line 17 throws
                    InputStream in = new FileInputStream(file);
                    byte[] buffer = new byte[1024];
                    int length;
                    while ((length = in.read(buffer)) != -1) {
                      out.write(buffer, 0, length);
                    }
                    in.close();
                    response = "sent";
                    break;
                  } catch (IOException e) {
                    // retried
                  }
                }
                return response;
              }

              String sendOnce(File file, OutputStream out) throws IOException {
                // BUG: Diagnostic contains: FileInputStream `in` acquired at line 31 is not closed when the `return` at line 38 is taken
                InputStream in = new FileInputStream(file);
                try {
                  out.write(in.read());
                } catch (IOException e) {
                  // the stream is still in reach here: the return below is what loses it
                }
                if (out == null) {
                  return "no output";
                }
                in.close();
                return "sent";
              }
            }
            """)
        .doTest();
  }

  /**
   * In the catch block a resource's path went through, what the block does loses it: a retry that
   * stores a new socket over the one whose handshake failed (UNICORE's persistence and a holdout
   * round's sessions) is named as the overwrite, not as the retry's own connect failing, nor as the
   * catch going on. A null stored there is the catch going on without closing it, named with the
   * call that failed (jTDS's blob buffer). A socket closed in the catch before the retry loses
   * nothing.
   */
  @Test
  void anOverwriteInTheCatchThePathWentThroughNamesTheLoss() {
    helper
        .addSourceLines(
            "Sessions.java",
            """
            import java.io.IOException;
            import java.net.Socket;

            class Sessions {
              private final String host;
              private final int port;

              Sessions(String host, int port) {
                this.host = host;
                this.port = port;
              }

              Socket open() throws IOException {
                Socket socket = null;
                try {
                  // BUG: Diagnostic contains: Socket `socket` acquired at line 17 is not closed before `socket` is overwritten at line 20
                  socket = new Socket(host, port);
                  greet(socket);
                } catch (IOException e) {
                  socket = new Socket(host, port);
                }
                return socket;
              }

              Socket openOrNone() {
                Socket socket = null;
                try {
                  // BUG: Diagnostic contains: Socket `socket` acquired at line 29 is not closed when `greet(...)` at line 30 throws and the catch at line 31 goes on without closing it
                  socket = new Socket(host, port);
                  greet(socket);
                } catch (IOException e) {
                  socket = null;
                }
                return socket;
              }

              Socket openClosingTheFirst() throws IOException {
                Socket socket = null;
                try {
                  socket = new Socket(host, port);
                  greet(socket);
                } catch (IOException e) {
                  socket.close();
                  socket = new Socket(host, port);
                }
                return socket;
              }

              private void greet(Socket socket) throws IOException {
                socket.getOutputStream().write('H');
              }
            }
            """)
        .doTest();
  }

  /**
   * A catch that lets the path go on names a loss only when nothing more telling does: jdeb's
   * archive producer goes on after a {@code CompressorException} (an uncompressed file) and loses
   * its stream at the {@code throw} for an unsupported archive, which the finding names, not the
   * catch.
   */
  @Test
  void aLaterThrowNamesTheLossRatherThanACatchThePathWentOnFrom() {
    helper
        .addSourceLines(
            "Producer.java",
            """
            import java.io.BufferedInputStream;
            import java.io.File;
            import java.io.FileInputStream;
            import java.io.IOException;
            import java.io.InputStream;

            class Producer {
              static class CompressorException extends Exception {}
              static class ArchiveException extends Exception {}
              abstract static class CompressorInputStream extends InputStream {}
              abstract static class ArchiveInputStream extends InputStream {}
              abstract static class TarInputStream extends ArchiveInputStream {}
              interface Factory {
                CompressorInputStream compressed(InputStream in) throws CompressorException;
                ArchiveInputStream archive(InputStream in) throws ArchiveException;
              }

              void produce(File file, Factory factory) throws IOException {
                // BUG: Diagnostic contains: FileInputStream `is` acquired at line 20 is not closed when the `throw` at line 34 is taken
                InputStream is = new BufferedInputStream(new FileInputStream(file));
                CompressorInputStream compressor = null;
                try {
                  compressor = factory.compressed(is);
                } catch (CompressorException e) {
                  // expected if the input is not compressed
                }
                if (compressor != null) {
                  is = new BufferedInputStream(compressor);
                }
                ArchiveInputStream archive;
                try {
                  archive = factory.archive(is);
                } catch (ArchiveException e) {
                  throw new IOException("Unsupported archive format: " + file, e);
                }
                if (!(archive instanceof TarInputStream)) {
                  throw new IOException("Unsupported archive format: " + file);
                }
                try {
                  archive.read();
                } finally {
                  archive.close();
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * Two exceptions reach one {@code finally}: one before the stream is wrapped, one after. Closing
   * the wrapper there closes the stream only on the second path; on the first, the wrapper is null
   * and the stream is lost (Plexus Utils' {@code FileUtils.copyFile} with filters, a miss). Wrapped
   * before anything can throw, the stream is closed on every path.
   */
  @Test
  void aCloseOfTheWrapperClosesOnlyThePathsWhereItWraps() {
    helper
        .addSourceLines(
            "Copier.java",
            """
            import java.io.IOException;
            import java.io.OutputStream;
            import java.io.OutputStreamWriter;
            import java.io.Reader;
            import java.io.Writer;
            import java.nio.file.Files;
            import java.nio.file.Path;

            class Copier {
              void copy(Path from, Path to) throws IOException {
                Writer w = null;
                try {
                  // BUG: Diagnostic contains: OutputStream `out` acquired at line 14 is not closed when `Files.newBufferedReader(...)` at line 15 throws
                  OutputStream out = Files.newOutputStream(to);
                  try (Reader r = Files.newBufferedReader(from)) {
                    w = new OutputStreamWriter(out);
                    w.write(r.read());
                  }
                } finally {
                  if (w != null) {
                    w.close();
                  }
                }
              }

              void copyWrapped(Path from, Path to) throws IOException {
                Writer w = null;
                try {
                  OutputStream out = Files.newOutputStream(to);
                  w = new OutputStreamWriter(out);
                  try (Reader r = Files.newBufferedReader(from)) {
                    w.write(r.read());
                  }
                } finally {
                  if (w != null) {
                    w.close();
                  }
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * A decorator whose constructor throws loses what it was given, also a temporary: an object
   * stream over a file that is damaged (its header is read at once), a gzip stream over a file that
   * is not gzip (log4j's LF5 viewer). A call that fails only on a misconfiguration opens no path: a
   * charset name the platform lacks ({@code new InputStreamReader(in, encoding)}, {@code
   * getBytes(encoding)}), and {@code new JarOutputStream(out)}, whose {@code throws} is vestigial.
   */
  @Test
  void aDecoratorThatFailsLosesTheTemporaryItWasGiven() {
    helper
        .addSourceLines(
            "Readers.java",
            """
            import java.io.BufferedReader;
            import java.io.File;
            import java.io.FileInputStream;
            import java.io.FileOutputStream;
            import java.io.IOException;
            import java.io.InputStream;
            import java.io.InputStreamReader;
            import java.io.ObjectInputStream;
            import java.io.Reader;
            import java.util.jar.JarOutputStream;
            import java.util.zip.GZIPInputStream;

            class Readers {
              Object restore(File f) throws Exception {
                // BUG: Diagnostic contains: FileInputStream acquired at line 16 is not closed when `new ObjectInputStream(...)` at line 16 throws
                try (ObjectInputStream in = new ObjectInputStream(new FileInputStream(f))) {
                  return in.readObject();
                }
              }

              InputStream gzip(File f) throws IOException {
                // BUG: Diagnostic contains: FileInputStream acquired at line 23 is not closed when `new GZIPInputStream(...)` at line 23 throws
                return new GZIPInputStream(new FileInputStream(f));
              }

              Reader named(File f, String encoding) throws IOException {
                return new BufferedReader(new InputStreamReader(new FileInputStream(f), encoding));
              }

              void jar(File f) throws IOException {
                try (JarOutputStream jar = new JarOutputStream(new FileOutputStream(f))) {
                  jar.flush();
                }
              }

              void write(File f, String text, String encoding) throws IOException {
                FileOutputStream out = new FileOutputStream(f);
                byte[] bytes = text.getBytes(encoding);
                try {
                  out.write(bytes);
                } finally {
                  out.close();
                }
              }

              void writeBeforeTheTry(File f, String text) throws IOException {
                // BUG: Diagnostic contains: FileOutputStream `out` acquired at line 48 is not closed when `out.write(...)` at line 49 throws
                FileOutputStream out = new FileOutputStream(f);
                out.write(text.length());
                out.close();
              }
            }
            """)
        .doTest();
  }

  /**
   * A factory call whose value would wrap a stream made in the call itself loses that stream when
   * it fails, as a decorator's constructor does: Log4j's compression action opens the target file
   * in the arguments of commons-compress's {@code createCompressorOutputStream}, which throws for a
   * compressor name it does not know. A stream in a variable of the method is still the method's,
   * named as before; one in a try-with-resources of its own is closed whatever the factory does.
   */
  @Test
  void aWrappingCallThatFailsLosesTheTemporaryItWasGiven() {
    helper
        .addSourceLines(
            "Compress.java",
            """
            import java.io.File;
            import java.io.FileOutputStream;
            import java.io.IOException;
            import java.io.OutputStream;

            class Compress {
              interface Factory {
                OutputStream compressing(String name, OutputStream out) throws IOException;
              }

              void compress(Factory factory, String name, File dest) throws IOException {
                // BUG: Diagnostic contains: FileOutputStream acquired at line 13 is not closed when `factory.compressing(...)` at line 13 throws
                try (OutputStream os = factory.compressing(name, new FileOutputStream(dest))) {
                  os.write(1);
                }
              }

              void named(Factory factory, String name, File dest) throws IOException {
                // BUG: Diagnostic contains: FileOutputStream `out` acquired at line 20 is not closed when `factory.compressing(...)` at line 21 throws
                FileOutputStream out = new FileOutputStream(dest);
                try (OutputStream os = factory.compressing(name, out)) {
                  os.write(1);
                }
              }

              void wrapped(Factory factory, File dest) throws IOException {
                try (FileOutputStream out = new FileOutputStream(dest);
                    OutputStream os = factory.compressing("gz", out)) {
                  os.write(1);
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * An object that cannot release anything later (no {@code close()}, no release method) and is
   * given a stream for good uses it up in its constructor: dbunit's {@code new XmlDataSet(in)}
   * parses the stream at once. The method trusted the constructor with the stream, and its failure
   * is not a path this method loses it on. Where the method reads the stream again (closes it
   * after, as with {@code new Manifest(in)}), or the object has a {@code close()}, the failure
   * loses it.
   */
  @Test
  void anObjectThatCannotReleaseAnythingUsesUpWhatItIsGivenForGood() {
    helper
        .addSourceLines(
            "Loaders.java",
            """
            import java.io.File;
            import java.io.FileInputStream;
            import java.io.IOException;
            import java.io.InputStream;
            import java.net.URL;
            import java.util.jar.Manifest;

            class Loaders {
              static class DataSet {
                DataSet(InputStream in) throws IOException {
                  if (in.read() < 0) {
                    throw new IOException("empty");
                  }
                }
              }

              static class Session {
                Session(InputStream in) throws IOException {
                  in.read();
                }

                void close() {}
              }

              DataSet load(URL url) throws IOException {
                InputStream in = url.openStream();
                DataSet set = new DataSet(in);
                return set;
              }

              DataSet loadTemporary(File f) throws IOException {
                return new DataSet(new FileInputStream(f));
              }

              Manifest read(File f) throws IOException {
                // BUG: Diagnostic contains: FileInputStream `in` acquired at line 37 is not closed when `new Manifest(...)` at line 38 throws
                InputStream in = new FileInputStream(f);
                Manifest manifest = new Manifest(in);
                in.close();
                return manifest;
              }

              Session open(URL url) throws IOException {
                // BUG: Diagnostic contains: InputStream `in` acquired at line 45 is not closed when `new Session(...)` at line 46 throws
                InputStream in = url.openStream();
                return new Session(in);
              }
            }
            """)
        .doTest();
  }

  /**
   * Writes that land in a buffer the method has just made cannot fail: a {@code
   * BufferedOutputStream} or {@code BufferedWriter} keeps 8 KB before it writes to its stream, and
   * a constant written to it, or the header a decorator or a wrapping factory writes, stays there.
   * Ant's BZip2 task writes "BZ" and a compressor's header into a buffer over the file it opened,
   * and its Tar task hands a new buffer to the compression method that wraps it: neither loses the
   * file. Data written first, a write in a loop, or a factory that fails for another reason (a
   * format it does not know) still does.
   */
  @Test
  void writesIntoABufferJustMadeCannotFail() {
    helper
        .addSourceLines(
            "Archives.java",
            """
            import java.io.BufferedOutputStream;
            import java.io.BufferedWriter;
            import java.io.File;
            import java.io.FileOutputStream;
            import java.io.FileWriter;
            import java.io.IOException;
            import java.io.OutputStream;
            import java.io.Writer;
            import java.util.zip.GZIPOutputStream;

            class Archives {
              interface Compression {
                OutputStream compress(OutputStream out) throws IOException;
              }

              static class UnknownFormatException extends Exception {}

              interface Factory {
                OutputStream create(String format, OutputStream out) throws UnknownFormatException;
              }

              void pack(File f, byte[] data) {
                OutputStream z = null;
                try {
                  BufferedOutputStream bos = new BufferedOutputStream(new FileOutputStream(f));
                  bos.write('B');
                  bos.write('Z');
                  z = new GZIPOutputStream(bos);
                  z.write(data);
                } catch (IOException e) {
                  throw new IllegalStateException(e);
                } finally {
                  close(z);
                }
              }

              void tar(Compression compression, File f, byte[] data) throws IOException {
                try (OutputStream out =
                    compression.compress(new BufferedOutputStream(new FileOutputStream(f)))) {
                  out.write(data);
                }
              }

              void header(File f, String text) throws IOException {
                BufferedWriter w = new BufferedWriter(new FileWriter(f));
                w.write("# generated");
                try (Writer out = w) {
                  out.write(text);
                }
              }

              void dataFirst(File f, byte[] data) {
                OutputStream z = null;
                try {
                  // BUG: Diagnostic contains: BufferedOutputStream `bos` over the FileOutputStream acquired at line 56 is not closed when `bos.write(...)` at line 57 throws
                  BufferedOutputStream bos = new BufferedOutputStream(new FileOutputStream(f));
                  bos.write(data);
                  z = new GZIPOutputStream(bos);
                  z.write(data);
                } catch (IOException e) {
                  throw new IllegalStateException(e);
                } finally {
                  close(z);
                }
              }

              void looped(File f, byte[] data) throws IOException {
                // BUG: Diagnostic contains: BufferedOutputStream `bos` over the FileOutputStream acquired at line 69 is not closed when `bos.write(...)` at line 71 throws
                BufferedOutputStream bos = new BufferedOutputStream(new FileOutputStream(f));
                for (byte b : data) {
                  bos.write(' ');
                }
                try (OutputStream z = new GZIPOutputStream(bos)) {
                  z.write(data);
                }
              }

              void unknownFormat(Factory factory, File f, byte[] data) throws Exception {
                // BUG: Diagnostic contains: FileOutputStream acquired at line 80 is not closed when `factory.create(...)` at line 80 throws
                try (OutputStream out = factory.create("xz", new BufferedOutputStream(new FileOutputStream(f)))) {
                  out.write(data);
                }
              }

              static void close(OutputStream out) {
                try {
                  if (out != null) {
                    out.close();
                  }
                } catch (IOException ignored) {
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * A decorator in sight that closes itself in the handler of its own failure (Thrift's {@code new
   * TSocket(socket)}, closing the socket it keeps when it cannot get its streams) cleans up what it
   * was given: its failure loses nothing of the caller's. One that does not still loses it.
   */
  @Test
  void aDecoratorThatClosesItselfWhenItFailsTakesWhatItWasGivenAlong() {
    helper
        .addSourceLines(
            "Server.java",
            """
            import java.io.BufferedInputStream;
            import java.io.Closeable;
            import java.io.IOException;
            import java.io.InputStream;
            import java.net.ServerSocket;
            import java.net.Socket;

            class Transport implements Closeable {
              private final Socket socket;
              private InputStream in;

              Transport(Socket socket) throws IOException {
                this.socket = socket;
                try {
                  in = new BufferedInputStream(socket.getInputStream());
                } catch (IOException e) {
                  close();
                  throw new IOException("not open", e);
                }
              }

              @Override
              public void close() throws IOException {
                socket.close();
              }
            }

            class Careless implements Closeable {
              private final Socket socket;
              private InputStream in;

              Careless(Socket socket) throws IOException {
                this.socket = socket;
                in = new BufferedInputStream(socket.getInputStream());
              }

              @Override
              public void close() throws IOException {
                socket.close();
              }
            }

            class Server {
              private ServerSocket server;

              Transport accept() throws IOException {
                Socket result = server.accept();
                Transport transport = new Transport(result);
                return transport;
              }

              Careless acceptCarelessly() throws IOException {
                // BUG: Diagnostic contains: Socket `result` acquired at line 54 is not closed when `new Careless(...)` at line 55 throws
                Socket result = server.accept();
                Careless careless = new Careless(result);
                return careless;
              }
            }
            """)
        .doTest();
  }

  /**
   * A constructor in sight that closes the very resource it is given in the handler of its own
   * failure (j60870's {@code new Connection(socket, ...)}, which closes the socket when it cannot
   * get its streams, then rethrows) takes that resource's cleanup upon itself from the call on,
   * whether or not its object is a decorator. One whose handler closes nothing of what it was given
   * still loses the caller's resource.
   */
  @Test
  void aConstructorThatClosesWhatItIsGivenWhenItFailsLosesNothing() {
    helper
        .addSourceLines(
            "Client.java",
            """
            import java.io.DataInputStream;
            import java.io.DataOutputStream;
            import java.io.IOException;
            import java.net.Socket;

            class Link {
              private final Socket socket;
              private final DataOutputStream out;

              Link(Socket socket, int timeout) throws IOException {
                try {
                  out = new DataOutputStream(socket.getOutputStream());
                } catch (IOException e) {
                  socket.close();
                  throw e;
                }
                this.socket = socket;
              }

              void close() throws IOException {
                socket.close();
              }
            }

            class LooseLink {
              private final Socket socket;
              private final DataInputStream in;

              LooseLink(Socket socket, Socket spare) throws IOException {
                try {
                  in = new DataInputStream(socket.getInputStream());
                } catch (IOException e) {
                  spare.close();
                  throw e;
                }
                this.socket = socket;
              }

              void close() throws IOException {
                socket.close();
              }
            }

            class Client {
              Link connect(String host, int port) throws IOException {
                Socket socket = new Socket(host, port);
                return new Link(socket, 1000);
              }

              LooseLink connectLoosely(String host, int port, Socket spare) throws IOException {
                // BUG: Diagnostic contains: Socket `socket` acquired at line 52 is not closed when `new LooseLink(...)` at line 53 throws
                Socket socket = new Socket(host, port);
                return new LooseLink(socket, spare);
              }
            }
            """)
        .doTest();
  }

  /**
   * A helper in sight that only keeps what it is given (hands it to an object of its own and drops
   * it: JLayer's {@code convert(in, ...)} decoding through a {@code Bitstream} made around the
   * stream) does not take it from a caller that closes it itself afterwards: the caller only lent
   * it, and the helper's failure loses it. A helper that closes it, or a caller that leaves it to
   * the helper (or to either of two such helpers: another keep is no close; or closes it only in a
   * handler of the helper's failure, or on another branch), loses nothing.
   */
  @Test
  void aHelperThatOnlyKeepsWhatTheCallerClosesAfterwardsBorrowsIt() {
    helper
        .addSourceLines(
            "Converter.java",
            """
            import java.io.Closeable;
            import java.io.FileInputStream;
            import java.io.IOException;
            import java.io.InputStream;

            class Frames implements Closeable {
              private final InputStream source;

              Frames(InputStream source) {
                this.source = source;
              }

              int next() throws IOException {
                return source.read();
              }

              @Override
              public void close() throws IOException {
                source.close();
              }
            }

            class Decoder {
              private Frames frames;

              int decode(Frames frames) throws IOException {
                this.frames = frames;
                return frames.next();
              }
            }

            class Converter {
              private InputStream last;

              void convert(String name) throws IOException {
                // BUG: Diagnostic contains: FileInputStream `in` acquired at line 37 is not closed when `decode(...)` at line 38 throws
                InputStream in = new FileInputStream(name);
                decode(in);
                in.close();
                forget(name);
              }

              // Closes a field, no parameter: what it closes is no argument of a call of it.
              private void forget(String why) throws IOException {
                if (last != null) {
                  last.close();
                }
              }

              void convertAndLeave(String name) throws IOException {
                InputStream in = new FileInputStream(name);
                decode(in);
              }

              void convertEitherWay(String name, boolean twice) throws IOException {
                InputStream in = new FileInputStream(name);
                if (twice) {
                  decode(in);
                } else {
                  decodeOnce(in);
                }
              }

              void convertUnlessStopping(String name, boolean stopping) throws IOException {
                InputStream in = new FileInputStream(name);
                if (stopping) {
                  in.close();
                } else {
                  decode(in);
                }
              }

              void convertOrCleanUp(String name) throws IOException {
                InputStream in = new FileInputStream(name);
                try {
                  decode(in);
                } catch (IOException e) {
                  in.close();
                  throw e;
                }
              }

              void convertClosing(String name) throws IOException {
                InputStream in = new FileInputStream(name);
                decodeAndClose(in);
                in.close();
              }

              private void decode(InputStream source) throws IOException {
                Decoder decoder = new Decoder();
                if (decoder.decode(new Frames(source)) < 0) {
                  throw new IOException("empty");
                }
              }

              private void decodeOnce(InputStream source) throws IOException {
                decode(source);
              }

              private void decodeAndClose(InputStream source) throws IOException {
                try (Frames frames = new Frames(source)) {
                  if (frames.next() < 0) {
                    throw new IOException("empty");
                  }
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * A {@code catch} of a narrower exception than a call declares is that call's where another call
   * of its {@code try} declares that exception itself: {@code new Socket(host, port)} declares
   * {@code UnknownHostException}, so a write that declares only {@code IOException} does not reach
   * its handler (the Smartsheet SDK's retry on {@code ClientProtocolException}, which only {@code
   * execute} declares). Where no call declares it ({@code SocketTimeoutException} around a read),
   * any call that may throw its supertype still reaches it.
   */
  @Test
  void aNarrowCatchIsForTheCallThatDeclaresIt() {
    helper
        .addSourceLines(
            "Probe.java",
            """
            import java.io.IOException;
            import java.net.InetSocketAddress;
            import java.net.Socket;
            import java.net.SocketTimeoutException;
            import java.net.UnknownHostException;
            import java.util.List;

            class Probe {
              void ping(List<String> hosts) throws IOException {
                for (String host : hosts) {
                  Socket socket = null;
                  try {
                    socket = new Socket(host, 7);
                    socket.getOutputStream().write(1);
                  } catch (UnknownHostException e) {
                    continue;
                  } catch (IOException e) {
                    if (socket != null) {
                      socket.close();
                    }
                    throw e;
                  }
                  socket.close();
                }
              }

              void pingPatiently(List<String> hosts) throws IOException {
                for (String host : hosts) {
                  Socket socket = null;
                  try {
                    // BUG: Diagnostic contains: Socket `socket` acquired at line 32 is not closed when the `continue` at line 36 is taken
                    socket = new Socket();
                    socket.connect(new InetSocketAddress(host, 7), 1000);
                    socket.getOutputStream().write(1);
                  } catch (SocketTimeoutException e) {
                    continue;
                  } catch (IOException e) {
                    if (socket != null) {
                      socket.close();
                    }
                    throw e;
                  }
                  socket.close();
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * A method of the class that stores in a field a value made of the field's own (jnats's TLS
   * upgrade: {@code sslSocket = factory.createSocket(socket, host, port, true); ... socket =
   * sslSocket}) wraps its resource rather than overwrite it; one that stores a new socket still
   * loses the old.
   */
  @Test
  void aFieldStoredWithAWrapperOverItsOwnValueIsNotOverwritten() {
    helper
        .addSourceLines(
            "DataPort.java",
            """
            import java.io.IOException;
            import java.net.InetSocketAddress;
            import java.net.Socket;
            import javax.net.ssl.SSLSocket;
            import javax.net.ssl.SSLSocketFactory;

            class DataPort {
              private Socket socket;

              void connect(String host, int port, boolean secure) throws IOException {
                try {
                  socket = new Socket();
                  socket.connect(new InetSocketAddress(host, port));
                  if (secure) {
                    upgradeToSecure(host, port);
                  }
                } catch (IOException e) {
                  socket.close();
                  throw e;
                }
              }

              void connectTwice(String host, int port) throws IOException {
                try {
                  // BUG: Diagnostic contains: Socket `socket` acquired at line 26 is not closed before the call to reopen() at line 28 overwrites field `socket`
                  socket = new Socket();
                  socket.connect(new InetSocketAddress(host, port));
                  reopen(host, port);
                } catch (IOException e) {
                  socket.close();
                  throw e;
                }
              }

              private void upgradeToSecure(String host, int port) throws IOException {
                SSLSocketFactory factory = (SSLSocketFactory) SSLSocketFactory.getDefault();
                SSLSocket sslSocket = (SSLSocket) factory.createSocket(socket, host, port, true);
                sslSocket.startHandshake();
                socket = sslSocket;
              }

              private void reopen(String host, int port) throws IOException {
                socket = new Socket(host, port);
              }

              void close() throws IOException {
                socket.close();
              }
            }
            """)
        .doTest();
  }

  /**
   * A helper of the file whose only {@code throw} is in the handler of an exception nothing in its
   * {@code try} can throw throws nothing: typesafe-config's {@code readerFromStream(stream)}
   * rethrows the {@code UnsupportedEncodingException} of {@code new InputStreamReader(in,
   * "UTF-8")}, which fails only on a platform without the charset. A helper that throws on its
   * argument still opens a path.
   */
  @Test
  void aHandlerOfWhatItsTryCannotThrowNeverRuns() {
    helper
        .addSourceLines(
            "Parseable.java",
            """
            import java.io.BufferedReader;
            import java.io.File;
            import java.io.FileInputStream;
            import java.io.IOException;
            import java.io.InputStream;
            import java.io.InputStreamReader;
            import java.io.Reader;
            import java.io.UnsupportedEncodingException;
            import java.nio.charset.Charset;

            class Parseable {
              static final class BugOrBroken extends RuntimeException {
                BugOrBroken(String message, Throwable cause) {
                  super(message, cause);
                }
              }

              Reader reader(File file) throws IOException {
                InputStream stream = new FileInputStream(file);
                return readerFromStream(stream);
              }

              Reader reader(File file, String charset) throws IOException {
                // BUG: Diagnostic contains: acquired at line 25 is not closed when `decode(...)` at line 26 throws
                InputStream stream = new FileInputStream(file);
                return decode(stream, charset);
              }

              private static Reader readerFromStream(InputStream input) {
                try {
                  return new BufferedReader(new InputStreamReader(input, "UTF-8"));
                } catch (UnsupportedEncodingException e) {
                  throw new BugOrBroken("Java runtime does not support UTF-8", e);
                }
              }

              private static Reader decode(InputStream input, String charset) {
                if (charset.isEmpty()) {
                  throw new BugOrBroken("no charset named", null);
                }
                return new InputStreamReader(input, Charset.forName(charset));
              }
            }
            """)
        .doTest();
  }

  /**
   * A stream the method made is never one of the JVM's standard streams: sql-maven-plugin writes to
   * a new file's {@code PrintStream} or to {@code System.out}, and its {@code finally} closes what
   * it wrote to {@code if (out != System.out)}. A close only {@code if (out == System.out)} closes
   * nothing the method made.
   */
  @Test
  void aStreamTheMethodMadeIsNotAStandardStream() {
    helper
        .addSourceLines(
            "Report.java",
            """
            import java.io.File;
            import java.io.FileOutputStream;
            import java.io.IOException;
            import java.io.PrintStream;

            class Report {
              void write(File outputFile, String[] lines) throws IOException {
                PrintStream out = System.out;
                try {
                  if (outputFile != null) {
                    out = new PrintStream(new FileOutputStream(outputFile));
                  }
                  for (String line : lines) {
                    out.println(line);
                  }
                } finally {
                  if (out != null && out != System.out) {
                    out.close();
                  }
                }
              }

              void confused(File outputFile, String[] lines) throws IOException {
                PrintStream out = System.out;
                try {
                  if (outputFile != null) {
                    // BUG: Diagnostic contains: over the FileOutputStream acquired at line 28 is never closed
                    out = new PrintStream(new FileOutputStream(outputFile));
                  }
                  for (String line : lines) {
                    out.println(line);
                  }
                } finally {
                  if (System.out == out) {
                    out.close();
                  }
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * A stream made in a constructor's {@code this(...)} is lost when the constructor it hands over
   * to throws: no object comes to exist to own it (vorbis-java-core's {@code FlacNativeFile(File)},
   * whose {@code this(new FileInputStream(f))} rejects a file that is not FLAC). One that only
   * keeps the stream cannot fail, and the object owns the stream from then on; one that closes what
   * it keeps in the handler of its own failure (HyperSQL SqlTool's {@code SqlFile}, through {@code
   * closeReader()}; jsign's {@code PEFile}, which closes the channel parameter itself) loses
   * nothing.
   */
  @Test
  void aStreamGivenToThisIsLostWhenTheOtherConstructorThrows() {
    helper
        .addSourceLines(
            "Audio.java",
            """
            import static java.nio.charset.StandardCharsets.UTF_8;

            import java.io.Closeable;
            import java.io.File;
            import java.io.FileInputStream;
            import java.io.IOException;
            import java.io.InputStream;
            import java.io.InputStreamReader;
            import java.io.Reader;
            import java.nio.channels.SeekableByteChannel;
            import java.nio.file.Files;
            import java.nio.file.StandardOpenOption;

            class Audio {
              static final class Flac implements Closeable {
                private final InputStream input;

                Flac(File file) throws IOException {
                  // BUG: Diagnostic contains: FileInputStream acquired at line 20 is not closed when `this(...)` at line 20 throws
                  this(new FileInputStream(file));
                }

                Flac(InputStream input) throws IOException {
                  if (input.read() != 'f') {
                    throw new IOException("Not a FLAC file");
                  }
                  this.input = input;
                }

                @Override
                public void close() throws IOException {
                  input.close();
                }
              }

              static final class Raw implements Closeable {
                private final InputStream input;

                Raw(File file) throws IOException {
                  this(new FileInputStream(file));
                }

                Raw(InputStream input) {
                  this.input = input;
                }

                @Override
                public void close() throws IOException {
                  input.close();
                }
              }
              static final class Script implements Closeable {
                private Reader reader;

                Script(File file) throws IOException {
                  this(new InputStreamReader(new FileInputStream(file), UTF_8), file.getName());
                }

                Script(Reader reader, String name) throws IOException {
                  this.reader = reader;
                  try {
                    if (reader.read() < 0) {
                      throw new IOException("empty script " + name);
                    }
                  } catch (IOException | RuntimeException e) {
                    closeReader();
                    throw e;
                  }
                }

                private void closeReader() {
                  try {
                    reader.close();
                  } catch (IOException e) {
                    // already failing
                  }
                }

                @Override
                public void close() {
                  closeReader();
                }
              }

              static final class Executable implements Closeable {
                private final SeekableByteChannel channel;

                Executable(File file) throws IOException {
                  this(Files.newByteChannel(file.toPath(), StandardOpenOption.READ));
                }

                Executable(SeekableByteChannel channel) throws IOException {
                  this.channel = channel;
                  try {
                    if (channel.size() < 64) {
                      throw new IOException("DOS header not found");
                    }
                  } catch (IOException e) {
                    channel.close();
                    throw e;
                  }
                }

                @Override
                public void close() throws IOException {
                  channel.close();
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * The {@code default} of a switch whose cases name every constant of its enum guards against a
   * constant added later: redis-replicator hands the stream it opened to a replicator in each case
   * and throws in a default no value reaches. Nor is a helper whose only {@code throw} is in such a
   * default a thrower. A default that a case falls into, or whose cases miss a constant, still
   * opens a path.
   */
  @Test
  void aDefaultNoEnumConstantReachesIsNoPath() {
    helper
        .addSourceLines(
            "Replicator.java",
            """
            import java.io.BufferedInputStream;
            import java.io.File;
            import java.io.FileInputStream;
            import java.io.IOException;
            import java.io.InputStream;

            class Replicator {
              enum Format {
                TEXT,
                BINARY,
                MIXED
              }

              private InputStream in;

              void close() throws IOException {
                in.close();
              }

              void everyConstant(File file, Format format) throws IOException {
                InputStream stream = new FileInputStream(file);
                switch (format) {
                  case TEXT:
                    this.in = new BufferedInputStream(stream);
                    break;
                  case BINARY:
                  case MIXED:
                    this.in = stream;
                    break;
                  default:
                    throw new UnsupportedOperationException(format.toString());
                }
              }

              InputStream everyConstantAsRules(File file, Format format) throws IOException {
                InputStream stream = new FileInputStream(file);
                switch (format) {
                  case TEXT -> {
                    return stream;
                  }
                  case BINARY, MIXED -> {
                    return new BufferedInputStream(stream);
                  }
                  default -> throw new AssertionError(format);
                }
              }

              InputStream throughAHelper(File file, Format format) throws IOException {
                InputStream stream = new FileInputStream(file);
                return new BufferedInputStream(stream, bufferSize(format));
              }

              private static int bufferSize(Format format) {
                switch (format) {
                  case TEXT:
                    return 8192;
                  case BINARY:
                  case MIXED:
                    return 65536;
                  default:
                    throw new IllegalArgumentException("unknown format " + format);
                }
              }

              void aConstantMissing(File file, Format format) throws IOException {
                // BUG: Diagnostic contains: is not closed when the `throw` at line 74 is taken
                InputStream stream = new FileInputStream(file);
                switch (format) {
                  case TEXT:
                  case BINARY:
                    this.in = stream;
                    break;
                  default:
                    throw new UnsupportedOperationException(format.toString());
                }
              }

              void aCaseFallsIntoTheDefault(File file, Format format) throws IOException {
                // BUG: Diagnostic contains: is not closed when the `throw` at line 89 is taken
                InputStream stream = new FileInputStream(file);
                switch (format) {
                  case TEXT:
                  case BINARY:
                    this.in = stream;
                    break;
                  case MIXED:
                    System.err.println("mixed is not supported");
                  default:
                    throw new UnsupportedOperationException(format.toString());
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * A helper that keeps a number or a string it is given in a field takes no resource from its
   * caller: the call is still one that may fail (a setter that rejects a limit it cannot read). One
   * that keeps the stream it is given takes it over.
   */
  @Test
  void aHelperThatKeepsANumberItIsGivenStillThrows() {
    helper
        .addSourceLines(
            "Limits.java",
            """
            import java.io.File;
            import java.io.FileInputStream;
            import java.io.IOException;
            import java.io.InputStream;

            class Limits {
              private int limit;
              private String name;
              private InputStream kept;

              InputStream limited(File file, String limit) throws IOException {
                // BUG: Diagnostic contains: is not closed when `setLimit(...)` at line 14 throws
                InputStream in = new FileInputStream(file);
                setLimit(limit);
                return in;
              }

              InputStream named(File file, String name) throws IOException {
                // BUG: Diagnostic contains: is not closed when `setName(...)` at line 21 throws
                InputStream in = new FileInputStream(file);
                setName(name);
                return in;
              }

              void kept(File file) throws IOException {
                keep(new FileInputStream(file));
              }

              void close() throws IOException {
                kept.close();
              }

              private void setLimit(String limit) {
                if (limit.isEmpty() || limit.charAt(0) == '-') {
                  throw new NumberFormatException("not a limit: " + limit);
                }
                this.limit = Integer.parseInt(limit);
              }

              private void setName(String name) {
                if (name.isEmpty()) {
                  throw new IllegalArgumentException("no name");
                }
                this.name = name;
              }

              private void keep(InputStream in) {
                if (kept != null) {
                  throw new IllegalStateException("kept already");
                }
                kept = in;
              }
            }
            """)
        .doTest();
  }

  /**
   * A helper's precondition opens no path: an {@code if} that tests only its parameters and the
   * object's state and throws one of the JDK's exceptions for a caller's mistake, made with no
   * cause. ImageJ's results table writes each row to a file through {@code getRowAsString(i)},
   * which throws {@code IllegalArgumentException} for a row out of range, and its file was said
   * lost there. The same exception thrown on what the helper computed (a name's extension) reports
   * bad input, and one made with a cause (a failure the object recorded) passes on a failure in
   * use: both still open a path.
   */
  @Test
  void aPreconditionOfAHelperOpensNoPath() {
    helper
        .addSourceLines(
            "Table.java",
            """
            import java.io.File;
            import java.io.FileInputStream;
            import java.io.FileOutputStream;
            import java.io.IOException;
            import java.io.InputStream;
            import java.io.PrintWriter;

            class Table {
              private final String[] rows = new String[16];
              private int counter;
              private boolean closed;
              private IOException failure;

              void save(File file) throws IOException {
                FileOutputStream fos = new FileOutputStream(file);
                PrintWriter pw = new PrintWriter(fos);
                for (int i = 0; i < counter; i++) {
                  pw.println(rowAsString(i));
                }
                pw.close();
              }

              InputStream whileOpen(File file) throws IOException {
                InputStream in = new FileInputStream(file);
                checkOpen();
                return in;
              }

              InputStream byExtension(File file) throws IOException {
                // BUG: Diagnostic contains: is not closed when `checkExtension(...)` at line 32 throws
                InputStream in = new FileInputStream(file);
                checkExtension(file.getName());
                return in;
              }

              InputStream afterAFailure(File file) throws IOException {
                // BUG: Diagnostic contains: is not closed when `checkNotFailed()` at line 39 throws
                InputStream in = new FileInputStream(file);
                checkNotFailed();
                return in;
              }

              private String rowAsString(int row) {
                if (row < 0 || row >= counter) {
                  throw new IllegalArgumentException("Row out of range: " + row);
                }
                return rows[row];
              }

              private void checkOpen() {
                if (closed) {
                  throw new IllegalStateException("closed");
                }
              }

              private static void checkExtension(String name) {
                int dot = name.lastIndexOf('.');
                if (dot < 0) {
                  throw new IllegalArgumentException("no extension: " + name);
                }
              }

              private void checkNotFailed() {
                if (failure != null) {
                  throw new IllegalStateException("the writer failed", failure);
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * The body of a response of the JDK's {@code HttpURLConnection} read to its end releases itself:
   * its stream gives the socket back to the keep-alive cache at the end of the body. jsign reads
   * each REST answer with {@code IOUtils.toByteArray(conn.getInputStream())}, said to be never
   * stored and so never closed (a holdout round's five FALSE). Only a read that fails before the
   * end loses it, and where a local holds the body the finding names that path (a temporary, as
   * elsewhere, is reported only when it is never stored). A body of a connection not known to be
   * HTTP (a {@code file:} URL's is a {@code FileInputStream}), or one read only in part, is still
   * never closed.
   */
  @Test
  void anHttpBodyReadToItsEndReleasesItself() {
    helper
        .addSourceLines(
            "Rest.java",
            """
            import com.google.common.io.ByteStreams;
            import java.io.IOException;
            import java.io.InputStream;
            import java.io.OutputStream;
            import java.net.HttpURLConnection;
            import java.net.URL;
            import java.net.URLConnection;

            class Rest {
              byte[] query(URL url) throws IOException {
                HttpURLConnection conn = (HttpURLConnection) url.openConnection();
                return ByteStreams.toByteArray(conn.getInputStream());
              }

              String token(URL url) throws IOException {
                HttpURLConnection conn = (HttpURLConnection) url.openConnection();
                // BUG: Diagnostic contains: is not closed when `in.readAllBytes()` at line 19 throws
                InputStream in = conn.getInputStream();
                return new String(in.readAllBytes(), "UTF-8");
              }

              void download(URL url, OutputStream out) throws IOException {
                ((HttpURLConnection) url.openConnection()).getInputStream().transferTo(out);
              }

              byte[] anyUrl(URL url) throws IOException {
                URLConnection conn = url.openConnection();
                // BUG: Diagnostic contains: never stored, so nothing closes it
                return ByteStreams.toByteArray(conn.getInputStream());
              }

              int firstByte(URL url) throws IOException {
                HttpURLConnection conn = (HttpURLConnection) url.openConnection();
                // BUG: Diagnostic contains: never stored, so nothing closes it
                return conn.getInputStream().read();
              }
            }
            """)
        .doTest();
  }

  /**
   * A URL conversion that cannot fail where it is made opens no path: a file's URI made into a URL
   * (Maven Surefire's class path, {@code loader.addURL(new File(e).toURI().toURL())} on the loader
   * it has just made), and a conversion the method already made of the same value in an earlier
   * statement that always runs first (Log4j's {@code ConfigurationSource}: {@code
   * configLocation.toURL()} again, after the stream was opened on it). A URL made of a string the
   * method was given, a value assigned in between, or an earlier conversion under a condition still
   * opens one.
   */
  @Test
  void aUrlConversionThatCannotFailOpensNoPath() {
    helper
        .addSourceLines(
            "Sources.java",
            """
            import java.io.File;
            import java.io.FileInputStream;
            import java.io.IOException;
            import java.io.InputStream;
            import java.net.URI;
            import java.net.URL;
            import java.nio.file.Path;

            class Sources {
              static final class Source {
                private final InputStream in;
                private final URL url;

                Source(InputStream in, URL url) {
                  this.in = in;
                  this.url = url;
                }
              }

              Source ofFile(File file) throws IOException {
                InputStream in = new FileInputStream(file);
                return new Source(in, file.toURI().toURL());
              }

              @SuppressWarnings("deprecation")
              Source ofFileAsUrl(File file) throws IOException {
                InputStream in = new FileInputStream(file);
                return new Source(in, file.toURL());
              }

              Source ofPath(Path path) throws IOException {
                InputStream in = new FileInputStream(path.toFile());
                URI uri = path.toUri();
                return new Source(in, uri.toURL());
              }

              Source ofSpec(File file, String spec) throws IOException {
                // BUG: Diagnostic contains: is not closed when `new URL(...)` at line 40 throws
                InputStream in = new FileInputStream(file);
                return new Source(in, new URL(spec));
              }

              Source open(URI location) throws IOException {
                URL url = location.toURL();
                InputStream in = url.openStream();
                return new Source(in, location.toURL());
              }

              Source openResolved(URI location, String child) throws IOException {
                URL url = location.toURL();
                // BUG: Diagnostic contains: is not closed when `location.toURL()` at line 54 throws
                InputStream in = url.openStream();
                location = location.resolve(child);
                return new Source(in, location.toURL());
              }

              Source openIfAbsolute(URI location) throws IOException {
                URL url = location.isAbsolute() ? location.toURL() : null;
                // BUG: Diagnostic contains: is not closed when `location.toURL()` at line 61 throws
                InputStream in = url.openStream();
                return new Source(in, location.toURL());
              }
            }
            """)
        .doTest();
  }

  /**
   * A check of a helper's parameter that the call's constant meets throws nothing on that call:
   * Smack's reactor opens its selector, then calls {@code setReactorThreadCount(2)}, whose check
   * the constant passes. Smack's check throws {@code IllegalArgumentException}, a precondition that
   * opens no path whatever the argument ({@code aPreconditionOfAHelperOpensNoPath}); here it throws
   * the project's own exception, which may report a failure in use. A constant that fails the
   * check, a value not known where it is written, or a throw the constant does not rule out (a
   * check of the object's state) still opens a path.
   */
  @Test
  void aCheckTheCallsConstantMeetsThrowsNothing() {
    helper
        .addSourceLines(
            "Reactor.java",
            """
            import java.io.IOException;
            import java.nio.channels.Selector;

            class Reactor {
              private static final int DEFAULT_THREADS = 2;
              private int threads;
              private boolean running;

              Selector withTheDefault() throws IOException {
                Selector selector = Selector.open();
                setThreadCount(DEFAULT_THREADS);
                return selector;
              }

              Selector withOne() throws IOException {
                // BUG: Diagnostic contains: is not closed when `setThreadCount(...)` at line 18 throws
                Selector selector = Selector.open();
                setThreadCount(1);
                return selector;
              }

              Selector withWhatItIsAsked(int requested) throws IOException {
                // BUG: Diagnostic contains: is not closed when `setThreadCount(...)` at line 25 throws
                Selector selector = Selector.open();
                setThreadCount(requested);
                return selector;
              }

              Selector whileRunning() throws IOException {
                // BUG: Diagnostic contains: is not closed when `resize(...)` at line 32 throws
                Selector selector = Selector.open();
                resize(DEFAULT_THREADS);
                return selector;
              }

              private void setThreadCount(int count) {
                if (count < 2 || count > 64) {
                  throw new ReactorException("between 2 and 64 threads, not " + count);
                }
                threads = count;
              }

              private void resize(int count) {
                if (count < 2) {
                  throw new ReactorException("at least two threads, not " + count);
                }
                if (running) {
                  throw new ReactorException("running");
                }
                threads = count;
              }

              static final class ReactorException extends RuntimeException {
                ReactorException(String message) {
                  super(message);
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * A call whose constants turn off every branch of its callee that may fail fails on no path
   * there, whatever the callee declares: webarchive-commons' file stream delegates with {@code
   * this(new RandomAccessFile(file, "r"), 0)} to a constructor that seeks only {@code if (offset >
   * 0)} and otherwise assigns fields (the evaluation's FALSE). An offset the call does not fix, or
   * one that takes the seek, still opens a path; so does a callee a subclass may override.
   */
  @Test
  void aCallWhoseConstantsTurnOffEveryFailingBranchFailsNowhere() {
    helper
        .addSourceLines(
            "TableStream.java",
            """
            import java.io.File;
            import java.io.IOException;
            import java.io.InputStream;
            import java.io.RandomAccessFile;

            class TableStream extends InputStream {
              private final RandomAccessFile raf;
              private final boolean owned;

              TableStream(File file) throws IOException {
                this(new RandomAccessFile(file, "r"), 0L);
              }

              TableStream(File file, long offset) throws IOException {
                // BUG: Diagnostic contains: is not closed when `this(...)` at line 16 throws
                this(new RandomAccessFile(file, "r"), offset);
              }

              TableStream(File file, boolean skipHeader) throws IOException {
                // BUG: Diagnostic contains: is not closed when `this(...)` at line 21 throws
                this(new RandomAccessFile(file, "r"), 16L);
              }

              TableStream(RandomAccessFile raf, long offset) throws IOException {
                this.raf = raf;
                this.owned = true;
                if (offset > 0) {
                  raf.seek(offset);
                }
              }

              @Override
              public int read() throws IOException {
                return raf.read();
              }

              @Override
              public void close() throws IOException {
                if (owned) {
                  raf.close();
                }
              }
            }
            """)
        .addSourceLines(
            "Tables.java",
            """
            import java.io.File;
            import java.io.IOException;
            import java.io.RandomAccessFile;

            class Tables {
              private RandomAccessFile table;

              void open(File file) throws IOException {
                // BUG: Diagnostic contains: is not closed when `position(...)` at line 11 throws
                RandomAccessFile raf = new RandomAccessFile(file, "r");
                position(raf, 0L);
                table = raf;
              }

              protected void position(RandomAccessFile raf, long offset) throws IOException {
                if (offset > 0) {
                  raf.seek(offset);
                }
              }

              void close() throws IOException {
                table.close();
              }
            }
            """)
        .doTest();
  }

  /**
   * A read from a reader over memory fails only once it is closed: ImageJ's editor saves its text
   * by copying it line by line from a {@code BufferedReader} over a {@code CharArrayReader} into a
   * file writer, and the finding named the read where only the writes can fail (a holdout round's
   * false alarm). A reader over a URL's stream, or one the method is given, may fail there.
   */
  @Test
  void aReadFromMemoryFailsNowhere() {
    helper
        .addSourceLines(
            "Saver.java",
            """
            import java.io.BufferedReader;
            import java.io.BufferedWriter;
            import java.io.CharArrayReader;
            import java.io.FileWriter;
            import java.io.IOException;
            import java.io.InputStreamReader;
            import java.io.StringReader;
            import java.net.URL;

            class Saver {
              void save(String path, String text) throws IOException {
                BufferedReader br = new BufferedReader(new CharArrayReader(text.toCharArray()));
                // BUG: Diagnostic contains: is not closed when `bw.write(...)` at line 16 throws
                BufferedWriter bw = new BufferedWriter(new FileWriter(path));
                for (String s = br.readLine(); s != null; s = br.readLine()) {
                  bw.write(s, 0, s.length());
                  bw.newLine();
                }
                bw.close();
              }

              void saveString(String path, String text) throws IOException {
                StringReader source = new StringReader(text);
                BufferedReader br = new BufferedReader(source);
                // BUG: Diagnostic contains: is not closed when `bw.write(...)` at line 28 throws
                BufferedWriter bw = new BufferedWriter(new FileWriter(path));
                for (String s = br.readLine(); s != null; s = br.readLine()) {
                  bw.write(s);
                }
                bw.close();
              }

              void saveFrom(String path, BufferedReader br) throws IOException {
                // BUG: Diagnostic contains: is not closed when `br.readLine()` at line 36 throws
                BufferedWriter bw = new BufferedWriter(new FileWriter(path));
                for (String s = br.readLine(); s != null; s = br.readLine()) {
                  bw.write(s);
                }
                bw.close();
              }

              void download(String path, URL url) throws IOException {
                // BUG: Diagnostic contains: is not closed when `url.openStream()` at line 46 throws
                BufferedWriter bw = new BufferedWriter(new FileWriter(path));
                // BUG: Diagnostic contains: is not closed when `br.readLine()` at line 47 throws
                BufferedReader br = new BufferedReader(new InputStreamReader(url.openStream()));
                for (String s = br.readLine(); s != null; s = br.readLine()) {
                  bw.write(s);
                }
                br.close();
                bw.close();
              }
            }
            """)
        .doTest();
  }

  /**
   * A call that declares only {@code ClosedChannelException} fails only on a channel closed
   * already: SNMP4J registers each channel it accepts through its socket entry's {@code
   * addRegistration(selector, OP_READ)}. A call that declares an {@code IOException} still opens a
   * path.
   */
  @Test
  void aCallThatFailsOnlyOnAClosedChannelLosesNothing() {
    helper
        .addSourceLines(
            "Acceptor.java",
            """
            import java.io.IOException;
            import java.nio.channels.ClosedChannelException;
            import java.nio.channels.ServerSocketChannel;
            import java.nio.channels.SocketChannel;

            class Acceptor {
              interface Registry {
                void addRegistration(SocketChannel channel, int ops) throws ClosedChannelException;
              }

              interface Greeter {
                void greet(SocketChannel channel) throws IOException;
              }

              SocketChannel accepted(ServerSocketChannel server, Registry registry) throws IOException {
                SocketChannel channel = server.accept();
                registry.addRegistration(channel, 1);
                return channel;
              }

              SocketChannel greeted(ServerSocketChannel server, Greeter greeter) throws IOException {
                // BUG: Diagnostic contains: is not closed when `greeter.greet(...)` at line 24 throws
                SocketChannel channel = server.accept();
                greeter.greet(channel);
                return channel;
              }
            }
            """)
        .doTest();
  }

  /**
   * A {@code break} out of a loop that closes nothing skips no close: PircBot's search for a free
   * port breaks once {@code new ServerSocket(port)} succeeds, and the socket is lost later, when
   * {@code accept()} times out. The finding names that call, not the break. A break out of a loop
   * that closes the resource is still the event that loses it.
   */
  @Test
  void aBreakOutOfALoopThatClosesNothingIsNotTheLoss() {
    helper
        .addSourceLines(
            "Offer.java",
            """
            import java.io.IOException;
            import java.net.ServerSocket;
            import java.net.Socket;

            class Offer {
              Socket offer(int[] ports) throws IOException {
                ServerSocket ss = null;
                for (int i = 0; i < ports.length; i++) {
                  try {
                    // BUG: Diagnostic contains: is not closed when `ss.accept()` at line 21 throws
                    ss = new ServerSocket(ports[i]);
                    break;
                  } catch (IOException e) {
                    // try the next port
                  }
                }
                if (ss == null) {
                  throw new IOException("no free port");
                }
                ss.setSoTimeout(60_000);
                Socket socket = ss.accept();
                ss.close();
                return socket;
              }

              void probe(int[] ports) throws IOException {
                for (int port : ports) {
                  // BUG: Diagnostic contains: is not closed when the `break` at line 31 is taken
                  ServerSocket ss = new ServerSocket(port);
                  if (ss.getLocalPort() == 0) {
                    break;
                  }
                  ss.close();
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * A {@code FileOutputStream} has no buffer: its {@code flush()} is {@code OutputStream}'s, which
   * does nothing, so a {@code finally} that flushes it before closing it closes it on every path
   * (FastODS's {@code saveAs}); so does a variable of type {@code OutputStream} only ever given a
   * new {@code FileOutputStream} (EPUBCheck's temporary copy, a holdout round's false alarm). A
   * buffered stream's flush, also one called through a variable of type {@code OutputStream},
   * writes, and can fail before the close.
   */
  @Test
  void aFileStreamsFlushDoesNothing() {
    helper
        .addSourceLines(
            "Saver.java",
            """
            import java.io.BufferedOutputStream;
            import java.io.File;
            import java.io.FileOutputStream;
            import java.io.IOException;
            import java.io.InputStream;
            import java.io.OutputStream;
            import java.io.UncheckedIOException;

            class Saver {
              void saveAs(File file, byte[] data) throws IOException {
                FileOutputStream out = new FileOutputStream(file);
                try {
                  out.write(data);
                } finally {
                  out.flush();
                  out.close();
                }
              }

              void saveBuffered(File file, byte[] data) throws IOException {
                // BUG: Diagnostic contains: FileOutputStream `out` acquired at line 22 is not closed when `out.flush()` at line 26 throws
                OutputStream out = new BufferedOutputStream(new FileOutputStream(file));
                try {
                  out.write(data);
                } finally {
                  out.flush();
                  out.close();
                }
              }

              File copy(InputStream in, File target) {
                OutputStream out = null;
                try {
                  out = new FileOutputStream(target);
                  in.transferTo(out);
                  return target;
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                } finally {
                  if (out != null) {
                    try {
                      out.flush();
                      out.close();
                    } catch (IOException ignored) {
                    }
                  }
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * A helper of the class that sets a socket's options and does nothing else that can fail (Redis
   * Replicator's {@code build(socket)}: {@code setReuseAddress}, {@code setTcpNoDelay}, {@code
   * setSoLinger}, ...), directly or through a helper of its own, fails only when the socket is
   * closed or broken, as those setters called in place do: the socket opened in its argument is
   * lost on no path anyone guards. A helper that also writes to the socket, or throws, can fail on
   * an open one.
   */
  @Test
  void aHelperThatOnlySetsASocketsOptionsLosesNothing() {
    helper
        .addSourceLines(
            "Connector.java",
            """
            import java.io.IOException;
            import java.net.Socket;
            import java.net.SocketException;

            class Connector {
              private int readTimeout;

              Socket open(String host, int port) throws IOException {
                return build(new Socket(host, port));
              }

              Socket openQuietly(String host, int port) throws IOException {
                return tune(new Socket(host, port));
              }

              Socket openAndGreet(String host, int port) throws IOException {
                // BUG: Diagnostic contains: Socket acquired at line 18 is not closed when `greet(...)` at line 18 throws
                return greet(new Socket(host, port));
              }

              Socket openChecked(String host, int port) throws IOException {
                // BUG: Diagnostic contains: Socket acquired at line 23 is not closed when `check(...)` at line 23 throws
                return check(new Socket(host, port));
              }

              private Socket build(Socket socket) throws SocketException {
                socket.setReuseAddress(true);
                socket.setTcpNoDelay(true);
                socket.setSoLinger(true, 0);
                if (readTimeout > 0) {
                  socket.setSoTimeout(readTimeout);
                }
                return socket;
              }

              private static Socket tune(Socket socket) throws SocketException {
                socket.setKeepAlive(true);
                return new Connector().build(socket);
              }

              private Socket greet(Socket socket) throws IOException {
                build(socket);
                socket.getOutputStream().write('H');
                return socket;
              }

              private Socket check(Socket socket) throws IOException {
                build(socket);
                if (readTimeout < 0) {
                  throw new SocketException("no timeout");
                }
                return socket;
              }
            }
            """)
        .doTest();
  }

  /**
   * A project's factory out of sight, {@code new*} or {@code create*} on another object, that makes
   * an object with no way to release anything of what it is given: that object has it from the call
   * on, as from the constructor it stands for (XenQTT's broker hands each accepted channel to its
   * channel manager's {@code newBrokerChannel(client, handler)}, which registers it or closes it).
   * Not a method of another shape ({@code greet(client)}), nor one that returns a string, a value
   * made of the channel rather than an object that holds it.
   */
  @Test
  void aFactoryOutOfSightMakesAnObjectOfWhatItIsGiven() {
    helper
        .addSourceLines(
            "Broker.java",
            """
            import java.io.IOException;
            import java.nio.channels.ServerSocketChannel;
            import java.nio.channels.SocketChannel;

            class Broker {
              interface Channels {
                ChannelRef newBrokerChannel(SocketChannel channel, Object handler) throws IOException;

                String newDescription(SocketChannel channel);

                void greet(SocketChannel channel) throws IOException;
              }

              interface ChannelRef {}

              void serve(ServerSocketChannel server, Channels manager) throws IOException {
                for (; ; ) {
                  SocketChannel client = server.accept();
                  manager.newBrokerChannel(client, this);
                }
              }

              void greetEach(ServerSocketChannel server, Channels manager) throws IOException {
                for (; ; ) {
                  // BUG: Diagnostic contains: is never closed
                  SocketChannel client = server.accept();
                  manager.greet(client);
                }
              }

              void describeEach(ServerSocketChannel server, Channels manager) throws IOException {
                for (; ; ) {
                  // BUG: Diagnostic contains: is never closed
                  SocketChannel client = server.accept();
                  System.out.println(manager.newDescription(client));
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * A helper of the class that hands what it is given to such a factory out of sight keeps it, as
   * the call made in place does (FFMQ's multiplexer accepts each client channel and hands it to its
   * {@code acceptClient(serverHandler, channel)}, which makes a client handler of it with the
   * server handler's {@code createClientHandler(this, channel)} and keeps the handler in a map). A
   * helper that only shows it to another object borrows it.
   */
  @Test
  void aHelperThatHandsWhatItIsGivenToAFactoryOutOfSightKeepsIt() {
    helper
        .addSourceLines(
            "Multiplexer.java",
            """
            import java.io.IOException;
            import java.nio.channels.ServerSocketChannel;
            import java.nio.channels.SocketChannel;
            import java.util.HashMap;
            import java.util.Map;

            class Multiplexer {
              interface ServerHandler {
                ClientHandler createClientHandler(Multiplexer multiplexer, SocketChannel channel);

                void greet(SocketChannel channel) throws IOException;
              }

              interface ClientHandler {
                String getId();

                void onChannelClosed(); // an event it is told of, not a way to release
              }

              private final Map<String, ClientHandler> clients = new HashMap<>();

              void serve(ServerSocketChannel server, ServerHandler handler) throws IOException {
                for (; ; ) {
                  SocketChannel client = server.accept();
                  if (!acceptClient(handler, client)) {
                    client.close();
                  }
                }
              }

              void greetEach(ServerSocketChannel server, ServerHandler handler) throws IOException {
                for (; ; ) {
                  // BUG: Diagnostic contains: is never closed
                  SocketChannel client = server.accept();
                  greet(handler, client);
                }
              }

              protected boolean acceptClient(ServerHandler handler, SocketChannel channel) {
                ClientHandler client = handler.createClientHandler(this, channel);
                if (client == null) {
                  return false;
                }
                clients.put(client.getId(), client);
                return true;
              }

              private void greet(ServerHandler handler, SocketChannel channel) throws IOException {
                handler.greet(channel);
              }
            }
            """)
        .doTest();
  }

  /**
   * An event that carries a resource to a listener (a method of a {@link java.util.EventListener},
   * or an abstract one named {@code on} and a capital) hands it to the listener: ttorrent's
   * connection handler tells each {@code IncomingConnectionListener} of a new peer connection,
   * directly or through a method of its class that calls every listener, and the peer that hears it
   * binds the channel and closes it later; xSocket's acceptor tells its callback {@code
   * onConnectionAccepted(handler)}. A method of another name on an interface that is no listener
   * only borrows it.
   */
  @Test
  void anEventCarriesWhatItIsGivenToTheListener() {
    helper
        .addSourceLines(
            "Peers.java",
            """
            import java.io.File;
            import java.io.FileInputStream;
            import java.io.IOException;
            import java.io.InputStream;
            import java.net.InetSocketAddress;
            import java.nio.channels.SocketChannel;
            import java.util.EventListener;
            import java.util.List;
            import java.util.concurrent.CopyOnWriteArrayList;

            class Peers {
              interface ConnectionListener extends EventListener {
                void handleNewConnection(SocketChannel channel);
              }

              interface Greeter {
                void greet(SocketChannel channel);
              }

              interface AcceptorCallback {
                void onConnectionAccepted(SocketChannel channel);
              }

              interface FileConsumer {
                void onEachFile(InputStream in, String name) throws IOException;
              }

              private final List<ConnectionListener> listeners = new CopyOnWriteArrayList<>();

              void connect(InetSocketAddress address) throws IOException {
                SocketChannel channel = SocketChannel.open(address);
                fireNewConnection(channel);
              }

              void connectAndTell(InetSocketAddress address, ConnectionListener listener)
                  throws IOException {
                SocketChannel channel = SocketChannel.open(address);
                listener.handleNewConnection(channel);
              }

              void connectAndCallBack(InetSocketAddress address, AcceptorCallback callback)
                  throws IOException {
                SocketChannel channel = SocketChannel.open(address);
                callback.onConnectionAccepted(channel);
              }

              void connectAndGreet(InetSocketAddress address, Greeter greeter) throws IOException {
                // BUG: Diagnostic contains: SocketChannel `channel` acquired at line 49 is never closed
                SocketChannel channel = SocketChannel.open(address);
                greeter.greet(channel);
              }

              void feed(File file, FileConsumer consumer) throws IOException {
                // BUG: Diagnostic contains: FileInputStream created at line 55 is never stored
                consumer.onEachFile(new FileInputStream(file), file.getName());
              }

              private void fireNewConnection(SocketChannel channel) {
                for (ConnectionListener listener : listeners) {
                  listener.handleNewConnection(channel);
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * A helper that makes a task of what it is given (a {@link Runnable} or a {@link
   * java.util.concurrent.Callable}) hands it to the task, which runs later on a thread of its own,
   * as a task handed to a method does: xSocket's connector queues a {@code new
   * RegisterTask(channel, ...)} for its selector thread, which closes the channel when connecting
   * fails. A helper that only looks at it lends it.
   */
  @Test
  void aHelperThatMakesATaskOfWhatItIsGivenHandsItOn() {
    helper
        .addSourceLines(
            "Connector.java",
            """
            import java.io.IOException;
            import java.net.InetSocketAddress;
            import java.nio.channels.SocketChannel;
            import java.util.Queue;
            import java.util.concurrent.ConcurrentLinkedQueue;

            class Connector {
              private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();

              void connect(InetSocketAddress address) throws IOException {
                SocketChannel channel = SocketChannel.open();
                channel.configureBlocking(false);
                connectAsync(channel, address);
              }

              void connectAndLog(InetSocketAddress address) throws IOException {
                // BUG: Diagnostic contains: SocketChannel `channel` acquired at line 18 is never closed
                SocketChannel channel = SocketChannel.open();
                log(channel, address);
              }

              void connectAsync(SocketChannel channel, InetSocketAddress address) {
                tasks.add(new RegisterTask(channel, address));
              }

              void log(SocketChannel channel, InetSocketAddress address) {
                System.out.println(channel.isOpen() + " " + address);
              }

              record RegisterTask(SocketChannel channel, InetSocketAddress address) implements Runnable {
                @Override
                public void run() {}
              }
            }
            """)
        .doTest();
  }

  /**
   * A local that holds a failure or nothing ({@code IOException failure = null; ... catch
   * (IOException e) { failure = e; } if (failure != null) throw failure;}) says whether the catch
   * ran: the path that loses the socket is the rethrow, not the {@code return} that only the path
   * without a failure takes (OpenSMPP's {@code TCPIPConnection.accept()}, whose finding named the
   * return). A local assigned something else is no such flag.
   */
  @Test
  void aLocalThatHoldsTheFailureSaysWhetherTheCatchRan() {
    helper
        .addSourceLines(
            "Acceptor.java",
            """
            import java.io.IOException;
            import java.net.ServerSocket;
            import java.net.Socket;

            class Acceptor {
              static final class Connection {
                private final Socket socket;

                Connection(Socket socket) throws IOException {
                  this.socket = socket;
                  socket.getOutputStream().write('+');
                }

                void close() throws IOException {
                  socket.close();
                }
              }

              Connection accept(ServerSocket server) throws IOException {
                // BUG: Diagnostic contains: Socket `accepted` acquired at line 21 is not closed when the `throw` at line 30 is taken
                Socket accepted = server.accept();
                Connection connection = null;
                IOException failure = null;
                try {
                  connection = new Connection(accepted);
                } catch (IOException e) {
                  failure = e;
                }
                if (failure != null) {
                  throw failure;
                }
                return connection;
              }

              Connection acceptOrLast(ServerSocket server, IOException last) throws IOException {
                // BUG: Diagnostic contains: Socket `accepted` acquired at line 37 is not closed when the `return` at line 48 is taken
                Socket accepted = server.accept();
                Connection connection = null;
                IOException failure = last;
                try {
                  connection = new Connection(accepted);
                } catch (IOException e) {
                  failure = e;
                }
                if (failure != null && connection == null) {
                  throw failure;
                }
                return connection;
              }
            }
            """)
        .doTest();
  }

  /**
   * JavaMail's {@code new MimeMessage(session, in)} parses the message and leaves the stream open,
   * "positioned at the end of the data": Aspirin's file store hands it a new stream per stored mail
   * and never closes it (round 71's miss). A local given there stays the caller's, also when the
   * parse fails; a stream closed by try-with-resources around it is closed.
   */
  @Test
  void aMessageParsedFromAStreamLeavesTheStreamOpen() {
    helper
        .addSourceLines(
            "javax/mail/Session.java",
            """
            package javax.mail;

            public class Session {}
            """)
        .addSourceLines(
            "javax/mail/MessagingException.java",
            """
            package javax.mail;

            public class MessagingException extends Exception {}
            """)
        .addSourceLines(
            "javax/mail/internet/MimeMessage.java",
            """
            package javax.mail.internet;

            import java.io.InputStream;
            import javax.mail.MessagingException;
            import javax.mail.Session;

            public class MimeMessage {
              public MimeMessage(Session session, InputStream in) throws MessagingException {
                if (session == null) {
                  throw new MessagingException();
                }
              }

              public String getSubject() {
                return null;
              }
            }
            """)
        .addSourceLines(
            "Mails.java",
            """
            import java.io.File;
            import java.io.FileInputStream;
            import java.io.IOException;
            import java.io.InputStream;
            import javax.mail.MessagingException;
            import javax.mail.Session;
            import javax.mail.internet.MimeMessage;

            class Mails {
              MimeMessage load(Session session, File file) throws IOException, MessagingException {
                // BUG: Diagnostic contains: [ResourceLeak] FileInputStream created at line 12 is never stored
                return new MimeMessage(session, new FileInputStream(file));
              }

              String subject(Session session, File file) throws IOException, MessagingException {
                // BUG: Diagnostic contains: [ResourceLeak] FileInputStream `in` acquired at line 17 is not closed when `new MimeMessage(...)` at line 18 throws
                InputStream in = new FileInputStream(file);
                MimeMessage message = new MimeMessage(session, in);
                in.close();
                return message.getSubject();
              }

              MimeMessage closed(Session session, File file) throws IOException, MessagingException {
                try (InputStream in = new FileInputStream(file)) {
                  return new MimeMessage(session, in);
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * The JDK's {@code new Manifest(in)} and {@code new PropertyResourceBundle(in)} read the stream
   * whole and leave it open, as {@code Properties.load} does: GCViewer reads its build information
   * through {@code new Manifest(url.openStream())} on every log it loads (round 121's miss). A
   * stream closed by try-with-resources around it is closed.
   */
  @Test
  void aManifestOrBundleReadFromAStreamLeavesTheStreamOpen() {
    helper
        .addSourceLines(
            "BuildInfo.java",
            """
            import java.io.FileInputStream;
            import java.io.IOException;
            import java.io.InputStream;
            import java.net.URL;
            import java.util.PropertyResourceBundle;
            import java.util.ResourceBundle;
            import java.util.jar.Manifest;

            class BuildInfo {
              String version(URL manifest) throws IOException {
                // BUG: Diagnostic contains: [ResourceLeak] InputStream returned by openStream() at line 12 is never stored
                return new Manifest(manifest.openStream()).getMainAttributes().getValue("Version");
              }

              ResourceBundle messages(String file) throws IOException {
                // BUG: Diagnostic contains: [ResourceLeak] FileInputStream created at line 17 is never stored
                return new PropertyResourceBundle(new FileInputStream(file));
              }

              String closed(URL manifest) throws IOException {
                try (InputStream in = manifest.openStream()) {
                  return new Manifest(in).getMainAttributes().getValue("Version");
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * Flume's spooling reader returns each file it opens inside an {@code Optional} of an object of
   * its own that keeps the stream (its caller closes the stream through it when the file is done):
   * a value declared to carry the object's type carries what the object holds to whoever receives
   * it. Where only an answer about the optional is returned, the stream is lost.
   */
  @Test
  void aStreamReturnedInAnOptionalOfItsHolderIsTheCallers() {
    helper
        .addSourceLines(
            "Spool.java",
            """
            import java.io.File;
            import java.io.FileInputStream;
            import java.io.IOException;
            import java.io.InputStream;
            import java.util.Optional;

            class Spool {
              static final class FileInfo {
                final File file;
                final InputStream in;

                FileInfo(File file, InputStream in) {
                  this.file = file;
                  this.in = in;
                }
              }

              Optional<FileInfo> open(File file) {
                try {
                  InputStream in = new FileInputStream(file);
                  return Optional.of(new FileInfo(file, in));
                } catch (IOException e) {
                  return Optional.empty();
                }
              }

              boolean readable(File file) throws IOException {
                // BUG: Diagnostic contains: `in` acquired at line 29 is never closed
                InputStream in = new FileInputStream(file);
                return Optional.of(new FileInfo(file, in)).isPresent();
              }
            }
            """)
        .doTest();
  }

  /**
   * Apache SSHD's SFTP file handle keeps the channel it opens in a field and, when announcing the
   * open fails, calls its own close(), which hands the field, read through the class's getter, to
   * an accessor's closeFile() that closes it: the field is released on that path. So it is when
   * close() hands the getter's value to a quiet closer. A close() that only flushes it does not.
   */
  @Test
  void anOwnCloseThatHandsTheFieldThroughItsGetterToACloserReleasesIt() {
    helper
        .addSourceLines(
            "Handle.java",
            """
            import java.io.IOException;
            import java.nio.channels.Channel;
            import java.nio.channels.FileChannel;
            import java.nio.channels.SeekableByteChannel;
            import java.nio.file.Path;
            import java.nio.file.StandardOpenOption;

            class Handle {
              interface Accessor {
                default void closeFile(Handle handle, Channel channel) throws IOException {
                  if (channel != null && channel.isOpen()) {
                    channel.close();
                  }
                }
              }

              interface Listener {
                void opened(Object handle) throws IOException;
              }

              private final Accessor accessor;
              private final SeekableByteChannel fileChannel;

              Handle(Accessor accessor, Path file, Listener listener) throws IOException {
                this.accessor = accessor;
                SeekableByteChannel channel = FileChannel.open(file, StandardOpenOption.READ);
                this.fileChannel = channel;
                try {
                  listener.opened(this);
                } catch (IOException e) {
                  close();
                  throw e;
                }
              }

              SeekableByteChannel getFileChannel() {
                return fileChannel;
              }

              void close() throws IOException {
                accessor.closeFile(this, getFileChannel());
              }

              static final class Quiet {
                private final FileChannel channel;

                Quiet(Path file, Listener listener) throws IOException {
                  channel = FileChannel.open(file, StandardOpenOption.READ);
                  try {
                    listener.opened(this);
                  } catch (IOException e) {
                    close();
                    throw e;
                  }
                }

                FileChannel getChannel() {
                  return channel;
                }

                void close() {
                  closeQuietly(getChannel());
                }

                static void closeQuietly(Channel c) {
                  try {
                    c.close();
                  } catch (IOException e) {
                    // ignored
                  }
                }
              }

              static final class Flushing {
                private final FileChannel channel;

                Flushing(Path file, Listener listener) throws IOException {
                  // BUG: Diagnostic contains: is not closed when the `throw` at line 84 is taken
                  channel = FileChannel.open(file, StandardOpenOption.READ);
                  try {
                    listener.opened(this);
                  } catch (IOException e) {
                    close();
                    throw e;
                  }
                }

                FileChannel getChannel() {
                  return channel;
                }

                void close() throws IOException {
                  getChannel().force(true);
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * BoofCV's {@code loadImage(URL)} returns {@code loadPPM(stream, null)}, whose body never closes
   * the stream, and returns null after the catch of that same call's failure: both paths lose the
   * stream, and the finding names the one every call takes, the return, not the failure (round 77's
   * message named only {@code loadPPM(...)} throwing).
   */
  @Test
  void aReturnThatLosesTheStreamIsNamedOverTheFailureJoinedWithIt() {
    helper
        .addSourceLines(
            "Images.java",
            """
            import java.io.DataInputStream;
            import java.io.IOException;
            import java.io.InputStream;
            import java.net.URL;

            class Images {
              static int[] load(URL url) {
                try {
                  // BUG: Diagnostic contains: InputStream `stream` acquired at line 10 is not closed when the `return` at line 12 is taken
                  InputStream stream = url.openStream();
                  if (url.getPath().endsWith(".ppm")) {
                    return loadPpm(stream);
                  }
                  stream.close();
                } catch (IOException ignore) {
                  // an image that cannot be read is no image
                }
                return null;
              }

              static int[] loadPpm(InputStream stream) throws IOException {
                DataInputStream in = new DataInputStream(stream);
                return new int[in.readInt()];
              }
            }
            """)
        .doTest();
  }

  /**
   * StAX's readers and writers free their own state on {@code close()} and, as their specification
   * says, do not close the stream they were made of: closing the event reader leaves the file open
   * (seisFile's and Tajo's XML loaders). The stream stays the method's to close.
   */
  @Test
  void aStaxReaderDoesNotCloseTheStreamItReads() {
    helper
        .addSourceLines(
            "Stations.java",
            """
            import java.io.File;
            import java.io.FileInputStream;
            import java.io.IOException;
            import javax.xml.stream.XMLEventReader;
            import javax.xml.stream.XMLInputFactory;
            import javax.xml.stream.XMLStreamException;

            class Stations {
              int count(File file) throws IOException, XMLStreamException {
                // BUG: Diagnostic contains: FileInputStream `in` acquired at line 11 is never closed
                FileInputStream in = new FileInputStream(file);
                XMLEventReader reader = XMLInputFactory.newInstance().createXMLEventReader(in);
                int n = 0;
                while (reader.hasNext()) {
                  reader.nextEvent();
                  n++;
                }
                reader.close();
                return n;
              }

              int countClosed(File file) throws IOException, XMLStreamException {
                try (FileInputStream in = new FileInputStream(file)) {
                  XMLEventReader reader = XMLInputFactory.newInstance().createXMLEventReader(in);
                  int n = 0;
                  while (reader.hasNext()) {
                    reader.nextEvent();
                    n++;
                  }
                  reader.close();
                  return n;
                }
              }
            }
            """)
        .doTest();
  }
}
