package io.github.leakprone.checks;

import static com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode.TEXT_MATCH;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * ResourceLeak, one test per family of its catalog (files, network, class loaders, HTTP responses),
 * each with the shapes that are not findings beside the ones that are; then decorators, the overlap
 * with Error Prone's StreamResourceLeak, a user's acquirer, and the fix.
 */
// TEXT_MATCH is deprecated from Error Prone 2.43 on, where it is doTest()'s default; 2.42.0, which
// JDK 17 runs, still defaults to AST_MATCH, so the tests name the mode.
@SuppressWarnings("deprecation")
final class ResourceLeakTest {

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(ResourceLeak.class, getClass());

  @Test
  void files() {
    helper
        .addSourceLines(
            "Files.java",
            """
            import java.io.File;
            import java.io.FileInputStream;
            import java.io.FileOutputStream;
            import java.io.IOException;
            import java.io.InputStream;
            import java.io.OutputStream;
            import java.io.RandomAccessFile;
            import java.nio.file.Path;
            import java.util.Scanner;
            import java.util.zip.ZipFile;

            class Files {
              void copy(File from, OutputStream to) throws IOException {
                // BUG: Diagnostic contains: FileInputStream `in` acquired at line 15 is never closed
                InputStream in = new FileInputStream(from);
                byte[] buffer = new byte[8192];
                for (int n; (n = in.read(buffer)) > 0; ) {
                  to.write(buffer, 0, n);
                }
              }

              int firstByte(File file) throws IOException {
                // BUG: Diagnostic contains: FileInputStream created at line 24 is never stored
                return new FileInputStream(file).read() + 0;
              }

              void append(File file, byte[] data) throws IOException {
                // BUG: Diagnostic contains: FileOutputStream `out` acquired at line 29 is not closed when `out.write(...)` at line 30 throws
                FileOutputStream out = new FileOutputStream(file, true);
                out.write(data);
                out.close();
              }

              long length(File file) throws IOException {
                try (RandomAccessFile raf = new RandomAccessFile(file, "r")) {
                  return raf.length();
                }
              }

              int entries(File file) throws IOException {
                ZipFile zip = new ZipFile(file);
                try {
                  return zip.size();
                } finally {
                  zip.close();
                }
              }

              String firstWord(Path path, String text) throws IOException {
                // BUG: Diagnostic contains: Scanner `words` acquired at line 51 is never closed
                Scanner words = new Scanner(path);
                Scanner inMemory = new Scanner(text);
                return words.next() + inMemory.next();
              }

              InputStream openForTheCaller(File file) throws IOException {
                return new FileInputStream(file);
              }
            }
            """)
        .doTest();
  }

  @Test
  void theRestOfTheCatalog() {
    helper
        .addSourceLines(
            "Catalog.java",
            """
            import java.io.File;
            import java.io.IOException;
            import java.io.PrintStream;
            import java.io.PrintWriter;
            import java.net.DatagramSocket;
            import java.nio.channels.FileChannel;
            import java.nio.channels.Selector;
            import java.nio.channels.ServerSocketChannel;
            import java.nio.file.FileSystem;
            import java.nio.file.FileSystems;
            import java.nio.file.Files;
            import java.nio.file.Path;
            import java.util.Formatter;
            import java.util.jar.JarFile;

            class Catalog {
              void each(File file, Path path) throws IOException {
                // BUG: Diagnostic contains: JarFile `jar` acquired at line 19
                JarFile jar = new JarFile(file);
                jar.size();
                // BUG: Diagnostic contains: Formatter `formatter` acquired at line 22
                Formatter formatter = new Formatter(file);
                formatter.format("%d", 1);
                // BUG: Diagnostic contains: PrintWriter `writer` acquired at line 25
                PrintWriter writer = new PrintWriter(file);
                writer.println();
                // BUG: Diagnostic contains: PrintStream `stream` acquired at line 28
                PrintStream stream = new PrintStream(file);
                stream.println();
                // BUG: Diagnostic contains: DatagramSocket `udp` acquired at line 31
                DatagramSocket udp = new DatagramSocket();
                udp.getLocalPort();
                // BUG: Diagnostic contains: FileChannel `channel` acquired at line 34
                FileChannel channel = FileChannel.open(path);
                channel.size();
                // BUG: Diagnostic contains: Selector `selector` acquired at line 37
                Selector selector = Selector.open();
                selector.keys();
                // BUG: Diagnostic contains: ServerSocketChannel `server` acquired at line 40
                ServerSocketChannel server = ServerSocketChannel.open();
                server.isOpen();
                // BUG: Diagnostic contains: FileSystem `zip` acquired at line 43
                FileSystem zip = FileSystems.newFileSystem(path);
                zip.getRootDirectories();
                // BUG: Diagnostic contains: BufferedReader `reader` acquired at line 46
                java.io.BufferedReader reader = Files.newBufferedReader(path);
                reader.readLine();
                // BUG: Diagnostic contains: SocketChannel `peer` acquired at line 49
                java.nio.channels.SocketChannel peer = selector.provider().openSocketChannel();
                peer.isOpen();
              }

              String notFiles(String text, java.io.Writer out) {
                PrintWriter overAWriter = new PrintWriter(out);
                overAWriter.flush();
                return new Formatter().format("%s", text).toString();
              }
            }
            """)
        .doTest();
  }

  /**
   * A resource the method hands on when all goes well (a factory that returns it) is not to be
   * closed on every path: the advice is a catch that closes and rethrows, or a close before the
   * {@code throw} (a holdout round found the try-with-resources advice wrong on five such
   * findings).
   */
  @Test
  void theAdviceForAResourceTheMethodHandsOnIsToCloseItWhereItFails() {
    helper
        .addSourceLines(
            "Connector.java",
            """
            import java.io.IOException;
            import java.net.Socket;

            class Connector {
              Socket open(String host, int port) throws IOException {
                // BUG: Diagnostic contains: is not closed when `write(...)` at line 8 throws; close it in a catch block that rethrows, since the method hands it on when all goes well
                Socket socket = new Socket(host, port);
                socket.getOutputStream().write(1);
                return socket;
              }

              Socket openChecked(String host, int port) throws IOException {
                // BUG: Diagnostic contains: is not closed when the `throw` at line 16 is taken; close it before the throw, since the method hands it on when all goes well
                Socket socket = new Socket(host, port);
                if (socket.getInputStream().read() != '+') {
                  throw new IOException("refused");
                }
                return socket;
              }

              void use(String host, int port) throws IOException {
                // BUG: Diagnostic contains: is not closed when `write(...)` at line 24 throws; close it with try-with-resources
                Socket socket = new Socket(host, port);
                socket.getOutputStream().write(1);
                socket.close();
              }
            }
            """)
        .doTest();
  }

  /**
   * A stream lost because the decorator made over it failed is named as what it is: the variable
   * that was to hold the decorator never held it.
   */
  @Test
  void aStreamLostToItsDecoratorsFailureIsNotNamedAfterTheDecorator() {
    helper
        .addSourceLines(
            "Snapshots.java",
            """
            import java.io.DataOutputStream;
            import java.io.File;
            import java.io.FileOutputStream;
            import java.io.IOException;
            import java.io.ObjectOutputStream;

            class Snapshots {
              void save(File file, Object value) throws IOException {
                // BUG: Diagnostic contains: [ResourceLeak] FileOutputStream acquired at line 10 is not closed when `new ObjectOutputStream(...)` at line 10 throws
                ObjectOutputStream out = new ObjectOutputStream(new FileOutputStream(file));
                try {
                  out.writeObject(value);
                } finally {
                  out.close();
                }
              }

              void write(File file, byte[] bytes) throws IOException {
                // BUG: Diagnostic contains: [ResourceLeak] DataOutputStream `out` over the FileOutputStream acquired at line 20 is not closed when `out.write(...)` at line 21 throws
                DataOutputStream out = new DataOutputStream(new FileOutputStream(file));
                out.write(bytes);
                out.close();
              }
            }
            """)
        .doTest();
  }

  @Test
  void decoratorsAreTheResourceTheyWrap() {
    helper
        .addSourceLines(
            "Readers.java",
            """
            import java.io.BufferedReader;
            import java.io.BufferedWriter;
            import java.io.ByteArrayInputStream;
            import java.io.File;
            import java.io.FileReader;
            import java.io.FileWriter;
            import java.io.IOException;
            import java.io.InputStreamReader;
            import java.io.Reader;
            import java.io.StringReader;
            import java.nio.charset.StandardCharsets;
            import java.util.zip.GZIPInputStream;

            class Readers {
              String closedThroughTheOuter(File file) throws IOException {
                BufferedReader reader = new BufferedReader(new FileReader(file));
                try {
                  return reader.readLine();
                } finally {
                  reader.close();
                }
              }

              String tryWithResourcesOverTheOuter(File file) throws IOException {
                try (BufferedReader reader = new BufferedReader(new FileReader(file))) {
                  return reader.readLine();
                }
              }

              String neverClosed(File file, String text) throws IOException {
                // BUG: Diagnostic contains: BufferedWriter `writer` over the FileWriter acquired at line 32 is not closed when `writer.write(...)` at line 33 throws
                BufferedWriter writer = new BufferedWriter(new FileWriter(file));
                writer.write(text);
                writer.close();
                return text;
              }

              Reader wrappedForTheCaller(File file) throws IOException {
                FileReader inner = new FileReader(file);
                return new BufferedReader(inner);
              }

              String inMemory(byte[] zipped, String text) throws IOException {
                BufferedReader fromBytes =
                    new BufferedReader(
                        new InputStreamReader(
                            new GZIPInputStream(new ByteArrayInputStream(zipped)),
                            StandardCharsets.UTF_8));
                BufferedReader fromText = new BufferedReader(new StringReader(text));
                return fromBytes.readLine() + fromText.readLine();
              }

              String standardInput() throws IOException {
                return new BufferedReader(new InputStreamReader(System.in)).readLine();
              }
            }
            """)
        .doTest();
  }

  /**
   * A server's {@code accept()} hands it a connected socket to close: lost when the greeting fails,
   * not when it is handed to the thread that serves it or registered with a selector, or closed, or
   * absent (a non-blocking channel's {@code accept()} returns null when no one is waiting). Getting
   * a connected socket's streams or a channel's address does no I/O and cannot fail. A task (a
   * Runnable) handed to a method runs later on a thread of its own; a socket lent to a method is
   * still the caller's.
   */
  @Test
  void acceptedConnections() {
    helper
        .addSourceLines(
            "Server.java",
            """
            import java.io.IOException;
            import java.io.InputStream;
            import java.io.OutputStream;
            import java.net.ServerSocket;
            import java.net.Socket;
            import java.nio.ByteBuffer;
            import java.nio.channels.SelectionKey;
            import java.nio.channels.Selector;
            import java.nio.channels.ServerSocketChannel;
            import java.nio.channels.SocketChannel;
            import java.util.concurrent.ExecutorService;

            class Server {
              void greet(ServerSocket server) throws IOException {
                // BUG: Diagnostic contains: Socket `client` acquired at line 16 is not closed when
                Socket client = server.accept();
                client.getOutputStream().write('+');
                client.close();
              }

              void handOff(ServerSocket server, ExecutorService workers) throws IOException {
                Socket client = server.accept();
                InputStream in = client.getInputStream();
                OutputStream out = client.getOutputStream();
                workers.execute(new Handler(client));
              }

              void register(ServerSocketChannel server, Selector selector) throws IOException {
                SocketChannel channel = server.accept();
                if (channel == null) {
                  return;
                }
                channel.configureBlocking(false);
                channel.register(selector, SelectionKey.OP_READ);
              }

              void serve(ServerSocket server, ExecutorService workers) throws IOException {
                while (true) {
                  Socket client = server.accept();
                  workers.execute(new Handler(client));
                }
              }

              void poll(ServerSocketChannel server) throws IOException {
                SocketChannel channel = server.accept();
                if (channel == null) {
                  return;
                }
                try (channel) {
                  channel.write(ByteBuffer.wrap(new byte[] {'+'}));
                }
              }

              void dispatch(ServerSocket server, Runner runner) throws IOException {
                Socket client = server.accept();
                runner.exec(handlerFor(client));
              }

              void lend(ServerSocket server, Greeter greeter) throws IOException {
                // BUG: Diagnostic contains: Socket `client` acquired at line 61 is never closed
                Socket client = server.accept();
                greeter.greet(client);
              }

              void log(ServerSocketChannel server, Selector selector) throws IOException {
                SocketChannel channel = server.accept();
                if (channel == null) {
                  return;
                }
                System.out.println(channel.getRemoteAddress());
                channel.configureBlocking(false);
                channel.register(selector, SelectionKey.OP_READ);
              }

              Handler handlerFor(Socket socket) {
                return new Handler(socket);
              }

              interface Runner {
                void exec(Handler handler);
              }

              interface Greeter {
                void greet(Socket socket) throws IOException;
              }

              record Handler(Socket socket) implements Runnable {
                @Override
                public void run() {}

                public void close() throws IOException {
                  socket.close();
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void network() {
    helper
        .addSourceLines(
            "Net.java",
            """
            import java.io.BufferedReader;
            import java.io.IOException;
            import java.io.InputStream;
            import java.io.InputStreamReader;
            import java.net.ServerSocket;
            import java.net.Socket;
            import java.net.URL;

            class Net {
              String greeting(String host) throws IOException {
                try (Socket socket = new Socket(host, 25)) {
                  return new BufferedReader(new InputStreamReader(socket.getInputStream())).readLine();
                }
              }

              String closedThroughItsStream(String host) throws IOException {
                try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(new Socket(host, 25).getInputStream()))) {
                  return in.readLine();
                }
              }

              String greetingMayFailBeforeItsTry(String host) throws IOException {
                // BUG: Diagnostic contains: Socket `socket` acquired at line 25 is not closed when
                Socket socket = new Socket(host, 25);
                socket.getOutputStream().write('+');
                try (InputStream in = socket.getInputStream()) {
                  return String.valueOf(in.read());
                }
              }

              int port() throws IOException {
                // BUG: Diagnostic contains: ServerSocket `server` acquired at line 34 is never closed
                ServerSocket server = new ServerSocket(0);
                return server.getLocalPort();
              }

              int firstByte(URL url) throws IOException {
                // BUG: Diagnostic contains: InputStream returned by openStream() at line 40 is never stored
                return url.openStream().read() + 0;
              }

              InputStream forTheCaller(URL url) throws IOException {
                return url.openStream();
              }

              static class TracedSocket extends Socket {
                TracedSocket() {
                  super(); // a constructor's call of its superclass's makes no new socket
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * A connection's stream: {@code url.openStream()} is {@code openConnection().getInputStream()},
   * and code that sets a timeout or a header first makes the same stream in two steps (Taglibs'
   * {@code ImportSupport}, a holdout round's miss). An HTTP connection's {@code disconnect()}
   * closes its socket, and the stream with it, also in a {@code finally} around a decorator over
   * the stream that fails (jsonrpc4j's client, whose {@code GZIPInputStream} rejects a body that is
   * not gzip), or through a helper of the class that disconnects what it is given (Ivy's {@code
   * disconnect(conn)}); another connection's does not, nor a helper that only looks at it. Its
   * {@code getResponseCode()} answers from the status line read to open the stream, and cannot fail
   * then: the path a finding names is the {@code throw} after it (Taglibs').
   */
  @Test
  void aConnectionsStreamIsOpenedAsTheUrlsIs() {
    helper
        .addSourceLines(
            "Fetch.java",
            """
            import java.io.IOException;
            import java.io.InputStream;
            import java.net.HttpURLConnection;
            import java.net.URL;
            import java.net.URLConnection;
            import java.util.zip.GZIPInputStream;

            class Fetch {
              byte[] unclosed(URL url) throws IOException {
                URLConnection connection = url.openConnection();
                connection.setConnectTimeout(1000);
                // BUG: Diagnostic contains: InputStream `in` acquired at line 13 is never closed
                InputStream in = connection.getInputStream();
                return in.readAllBytes();
              }

              byte[] closed(URL url) throws IOException {
                URLConnection connection = url.openConnection();
                try (InputStream in = connection.getInputStream()) {
                  return in.readAllBytes();
                }
              }

              byte[] disconnected(URL url) throws IOException {
                HttpURLConnection connection = (HttpURLConnection) url.openConnection();
                try {
                  InputStream in = connection.getInputStream();
                  return in.readAllBytes();
                } finally {
                  connection.disconnect();
                }
              }

              byte[] disconnectedThroughACast(URL url) throws IOException {
                URLConnection connection = url.openConnection();
                try {
                  InputStream in = ((HttpURLConnection) connection).getInputStream();
                  return in.readAllBytes();
                } finally {
                  ((HttpURLConnection) connection).disconnect();
                }
              }

              byte[] anotherDisconnected(URL url, HttpURLConnection other) throws IOException {
                HttpURLConnection connection = (HttpURLConnection) url.openConnection();
                try {
                  // BUG: Diagnostic contains: InputStream `in` acquired at line 48 is not closed when `in.readAllBytes()` at line 49 throws
                  InputStream in = connection.getInputStream();
                  return in.readAllBytes();
                } finally {
                  other.disconnect();
                }
              }

              InputStream forTheCaller(URL url) throws IOException {
                URLConnection connection = url.openConnection();
                connection.setReadTimeout(1000);
                return connection.getInputStream();
              }

              byte[] unzippedAndDisconnected(URL url) throws IOException {
                HttpURLConnection connection = (HttpURLConnection) url.openConnection();
                try {
                  try (InputStream in = new GZIPInputStream(connection.getInputStream())) {
                    return in.readAllBytes();
                  }
                } finally {
                  connection.disconnect();
                }
              }

              byte[] unzippedAndDisconnectedByAHelper(URL url) throws IOException {
                URLConnection connection = url.openConnection();
                try {
                  InputStream in = new GZIPInputStream(connection.getInputStream());
                  return in.readAllBytes();
                } finally {
                  disconnect(connection);
                }
              }

              byte[] unzippedAndLogged(URL url) throws IOException {
                URLConnection connection = url.openConnection();
                try {
                  // BUG: Diagnostic contains: InputStream `in` acquired at line 86 is never closed
                  InputStream in = new GZIPInputStream(connection.getInputStream());
                  return in.readAllBytes();
                } finally {
                  log(connection);
                }
              }

              private static void disconnect(URLConnection connection) {
                if (connection instanceof HttpURLConnection) {
                  ((HttpURLConnection) connection).disconnect();
                }
              }

              private static void log(URLConnection connection) {
                System.out.println(connection.getURL());
              }

              String statusOf(URL url) throws IOException {
                URLConnection connection = url.openConnection();
                InputStream in = connection.getInputStream();
                int status = ((HttpURLConnection) connection).getResponseCode();
                in.close();
                return "status " + status;
              }

              String checkedAnother(URL url, HttpURLConnection other) throws IOException {
                URLConnection connection = url.openConnection();
                // BUG: Diagnostic contains: InputStream `in` acquired at line 114 is not closed when `other.getResponseCode()` at line 115 throws
                InputStream in = connection.getInputStream();
                if (other.getResponseCode() >= 300) {
                  in.close();
                  return "";
                }
                try (in) {
                  return new String(in.readAllBytes());
                }
              }

              byte[] unzipped(URL url) throws IOException {
                HttpURLConnection connection = (HttpURLConnection) url.openConnection();
                // BUG: Diagnostic contains: InputStream acquired at line 127 is not closed when `new GZIPInputStream(...)` at line 127 throws
                try (InputStream in = new GZIPInputStream(connection.getInputStream())) {
                  return in.readAllBytes();
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * A stream a helper of the class takes from the connection it is given ({@code return
   * request.getInputStream()}, or the error stream where there is one) is made by the caller's
   * argument, as if the call were made in the caller's body: the connection's {@code
   * getResponseCode()} answers from the status line already read, and cannot fail (EGit's GitHub
   * client, a holdout round's false alarm), and its {@code disconnect()} closes the stream. Asked
   * of another connection, or of a stream the helper got elsewhere, it can fail.
   */
  @Test
  void aStreamAHelperTakesFromTheConnectionItIsGivenIsMadeByThatConnection() {
    helper
        .addSourceLines(
            "Client.java",
            """
            import java.io.IOException;
            import java.io.InputStream;
            import java.net.HttpURLConnection;
            import java.net.URL;

            class Client {
              InputStream responseStream(HttpURLConnection request) throws IOException {
                InputStream stream = getStream(request);
                int code = request.getResponseCode();
                if (code < 300) {
                  return stream;
                }
                stream.close();
                throw new IOException("status " + code + ": " + request.getResponseMessage());
              }

              byte[] readAndDisconnect(HttpURLConnection request) throws IOException {
                try {
                  InputStream stream = getStream(request);
                  return stream.readAllBytes();
                } finally {
                  request.disconnect();
                }
              }

              InputStream checkedAnother(HttpURLConnection request, HttpURLConnection other)
                  throws IOException {
                // BUG: Diagnostic contains: acquired at line 29 is not closed when `other.getResponseCode()` at line 30 throws
                InputStream stream = getStream(request);
                if (other.getResponseCode() < 300) {
                  return stream;
                }
                stream.close();
                return null;
              }

              InputStream checkedAfterAnotherStream(URL url, HttpURLConnection request)
                  throws IOException {
                // BUG: Diagnostic contains: acquired at line 40 is not closed when `request.getResponseCode()` at line 41 throws
                InputStream stream = open(url);
                if (request.getResponseCode() < 300) {
                  return stream;
                }
                stream.close();
                return null;
              }

              protected InputStream getStream(HttpURLConnection request) throws IOException {
                if (request.getResponseCode() < 400) {
                  return request.getInputStream();
                }
                InputStream stream = request.getErrorStream();
                return stream != null ? stream : request.getInputStream();
              }

              private InputStream open(URL url) throws IOException {
                return url.openStream();
              }
            }
            """)
        .doTest();
  }

  /**
   * Not in the catalogue: a class-path resource's stream. It was, for a run of the evaluation and
   * two holdout rounds: of 39 findings, 6 were worth a fix (twitter4j's configuration read per
   * builder, Jackcess's template per new database); most read configuration once per JVM, and a jar
   * entry's stream holds only an inflater the collector frees. A finding here would say "never
   * closed" of code no maintainer changes (docs/bugpatterns/ResourceLeak.md, "What it does not
   * flag").
   */
  @Test
  void classPathResourcesAreNotInTheCatalogue() {
    helper
        .addSourceLines(
            "Settings.java",
            """
            import java.io.IOException;
            import java.io.InputStream;
            import java.util.Properties;

            class Settings {
              Properties loaded(String name) throws IOException {
                Properties properties = new Properties();
                properties.load(Settings.class.getResourceAsStream(name));
                return properties;
              }

              Properties fromTheLoader(ClassLoader loader, String name) throws IOException {
                Properties properties = new Properties();
                InputStream in = loader.getResourceAsStream(name);
                if (in != null) {
                  properties.load(in);
                }
                return properties;
              }

              Properties closed(String name) throws IOException {
                Properties properties = new Properties();
                try (InputStream in = ClassLoader.getSystemResourceAsStream(name)) {
                  if (in != null) {
                    properties.load(in);
                  }
                }
                return properties;
              }

              Properties closedUnlessMissing(String name) throws IOException {
                Properties properties = new Properties();
                InputStream in = getClass().getResourceAsStream(name);
                if (in == null) {
                  return properties;
                }
                try {
                  properties.load(in);
                } finally {
                  in.close();
                }
                return properties;
              }

              InputStream forTheCaller(String name) {
                return Settings.class.getResourceAsStream(name);
              }
            }
            """)
        .doTest();
  }

  /**
   * ImageIO's streams: over a file, a {@code RandomAccessFile}; over a stream, with ImageIO's cache
   * on (its default), a temporary file that only {@code close()} deletes. Thumbnailator's image
   * sink lends its output stream to the writer with {@code setOutput} and closes it itself after
   * {@code write}, so a failing write (a client gone, a full disk) loses it. Never closed, it is
   * lost too: the reader and the writer only use what they are set to, which stays the caller's to
   * close (image4j's icon codec, a miss of the hundred-and-tenth holdout round). A reader or writer
   * kept in a field or returned takes the stream with it, for whoever ends it to close (Apache
   * SIS's data store, which closes its writer's output).
   */
  @Test
  void imageStreams() {
    helper
        .addSourceLines(
            "Thumbnails.java",
            """
            import java.awt.image.BufferedImage;
            import java.io.File;
            import java.io.IOException;
            import java.io.InputStream;
            import java.io.OutputStream;
            import javax.imageio.ImageIO;
            import javax.imageio.ImageReader;
            import javax.imageio.ImageWriter;
            import javax.imageio.stream.ImageInputStream;
            import javax.imageio.stream.ImageOutputStream;

            class Thumbnails {
              void write(BufferedImage image, OutputStream os, ImageWriter writer) throws IOException {
                // BUG: Diagnostic contains: ImageOutputStream `ios` acquired at line 15 is not closed when `writer.write(...)` at line 17 throws
                ImageOutputStream ios = ImageIO.createImageOutputStream(os);
                writer.setOutput(ios);
                writer.write(image);
                ios.close();
                writer.dispose();
              }

              void writeClosed(BufferedImage image, OutputStream os, ImageWriter writer)
                  throws IOException {
                try (ImageOutputStream ios = ImageIO.createImageOutputStream(os)) {
                  writer.setOutput(ios);
                  writer.write(image);
                } finally {
                  writer.dispose();
                }
              }

              int length(File file) throws IOException {
                // BUG: Diagnostic contains: ImageInputStream `in` acquired at line 34 is never closed
                ImageInputStream in = ImageIO.createImageInputStream(file);
                return (int) in.length();
              }

              ImageInputStream forTheCaller(File file) throws IOException {
                return ImageIO.createImageInputStream(file);
              }

              BufferedImage decode(InputStream png, ImageReader reader) throws IOException {
                // BUG: Diagnostic contains: ImageInputStream `input` acquired at line 44 is never closed
                ImageInputStream input = ImageIO.createImageInputStream(png);
                reader.setInput(input);
                return reader.read(0);
              }

              void encode(BufferedImage image, OutputStream os, ImageWriter writer)
                  throws IOException {
                // BUG: Diagnostic contains: ImageOutputStream `output` acquired at line 52 is never closed
                ImageOutputStream output = ImageIO.createImageOutputStream(os);
                writer.setOutput(output);
                writer.write(image);
              }

              private ImageWriter kept;

              void keep(OutputStream os, ImageWriter writer) throws IOException {
                kept = writer;
                kept.setOutput(ImageIO.createImageOutputStream(os));
              }

              ImageReader readerFor(File file, ImageReader reader) throws IOException {
                reader.setInput(ImageIO.createImageInputStream(file));
                return reader;
              }
            }
            """)
        .doTest();
  }

  /**
   * ImageIO's file streams made directly: {@code new FileImageOutputStream(file)} and {@code new
   * FileImageInputStream(file)} open a {@code RandomAccessFile} on the file (Apache SIS's image
   * store, the holdout round that missed one beside the {@code createImageOutputStream} it
   * reported). Over a {@code RandomAccessFile} the caller opened, they only decorate it.
   */
  @Test
  void imageStreamsOverAFile() {
    helper
        .addSourceLines(
            "Frames.java",
            """
            import java.awt.image.BufferedImage;
            import java.io.File;
            import java.io.IOException;
            import java.io.RandomAccessFile;
            import javax.imageio.ImageWriter;
            import javax.imageio.stream.FileImageInputStream;
            import javax.imageio.stream.FileImageOutputStream;

            class Frames {
              void write(BufferedImage image, File file, ImageWriter writer) throws IOException {
                // BUG: Diagnostic contains: FileImageOutputStream `out` acquired at line 12 is not closed when `writer.write(...)` at line 14 throws
                FileImageOutputStream out = new FileImageOutputStream(file);
                writer.setOutput(out);
                writer.write(image);
                out.close();
              }

              int first(File file) throws IOException {
                // BUG: Diagnostic contains: FileImageInputStream `in` acquired at line 20 is never closed
                FileImageInputStream in = new FileImageInputStream(file);
                return in.read();
              }

              int closed(File file) throws IOException {
                try (FileImageInputStream in = new FileImageInputStream(file)) {
                  return in.read();
                }
              }

              int overAFileTheCallerOpened(RandomAccessFile raf) throws IOException {
                FileImageInputStream in = new FileImageInputStream(raf);
                return in.read();
              }
            }
            """)
        .doTest();
  }

  /**
   * Lucene's readers keep the index's segment files open until closed, and a writer also holds the
   * index's write.lock, which keeps every other writer out: {@code DirectoryReader.open(dir)}
   * (Lucene 3's {@code IndexReader.open(path)}) and {@code new IndexWriter(dir, config)}. A
   * searcher made over a reader borrows it; a directory is no finding.
   */
  @Test
  void luceneReadersAndWriters() {
    helper
        .addSourceLines(
            "org/apache/lucene/store/Directory.java",
            """
            package org.apache.lucene.store;

            public abstract class Directory implements java.io.Closeable {}
            """)
        .addSourceLines(
            "org/apache/lucene/index/IndexReader.java",
            """
            package org.apache.lucene.index;

            public abstract class IndexReader implements java.io.Closeable {
              public static IndexReader open(String path) throws java.io.IOException {
                throw new java.io.IOException("no index at " + path);
              }

              public abstract int numDocs();
            }
            """)
        .addSourceLines(
            "org/apache/lucene/index/DirectoryReader.java",
            """
            package org.apache.lucene.index;

            public abstract class DirectoryReader extends IndexReader {
              public static DirectoryReader open(org.apache.lucene.store.Directory directory)
                  throws java.io.IOException {
                throw new java.io.IOException("no index in " + directory);
              }
            }
            """)
        .addSourceLines(
            "org/apache/lucene/index/IndexWriter.java",
            """
            package org.apache.lucene.index;

            public class IndexWriter implements java.io.Closeable {
              private java.nio.channels.FileChannel writeLock;

              public IndexWriter(org.apache.lucene.store.Directory directory, Object config)
                  throws java.io.IOException {}

              public void addDocument(Object document) throws java.io.IOException {
                throw new java.io.IOException("disk full");
              }

              @Override
              public void close() throws java.io.IOException {
                writeLock.close();
              }
            }
            """)
        .addSourceLines(
            "org/apache/lucene/search/IndexSearcher.java",
            """
            package org.apache.lucene.search;

            public class IndexSearcher {
              public IndexSearcher(org.apache.lucene.index.IndexReader reader) {}

              public int count(Object query) throws java.io.IOException {
                throw new java.io.IOException("corrupt index");
              }
            }
            """)
        .addSourceLines(
            "Indexes.java",
            """
            import java.io.IOException;
            import org.apache.lucene.index.DirectoryReader;
            import org.apache.lucene.index.IndexReader;
            import org.apache.lucene.index.IndexWriter;
            import org.apache.lucene.search.IndexSearcher;
            import org.apache.lucene.store.Directory;

            class Indexes {
              int count(Directory directory, Object query) throws IOException {
                try (DirectoryReader reader = DirectoryReader.open(directory)) {
                  return new IndexSearcher(reader).count(query);
                }
              }

              int search(Directory directory, Object query) throws IOException {
                // BUG: Diagnostic contains: DirectoryReader `reader` acquired at line 17 is never closed
                DirectoryReader reader = DirectoryReader.open(directory);
                return new IndexSearcher(reader).count(query);
              }

              int size(String path) throws IOException {
                // BUG: Diagnostic contains: IndexReader `reader` acquired at line 23 is not closed when the `return` at line 25 is taken
                IndexReader reader = IndexReader.open(path);
                if (reader.numDocs() == 0) {
                  return 0;
                }
                int docs = reader.numDocs();
                reader.close();
                return docs;
              }

              void add(Directory directory, Object document) throws IOException {
                // BUG: Diagnostic contains: IndexWriter `writer` acquired at line 34 is not closed when `writer.addDocument(...)` at line 35 throws
                IndexWriter writer = new IndexWriter(directory, null);
                writer.addDocument(document);
                writer.close();
              }
            }
            """)
        .doTest();
  }

  /**
   * PDFBox reads a PDF lazily through the file it is given: {@code PDDocument.load(File)} (2.x),
   * {@code Loader.loadPDF(File)} and {@code new RandomAccessReadBufferedFile(file)} (3.x) keep it
   * open until the document is closed (Tess4J's PDF utilities leave documents open on every page
   * count). Given bytes or a stream, PDFBox reads it into memory: nothing to close for the OS.
   */
  @Test
  void pdfDocumentsLoadedFromAFile() {
    helper
        .addSourceLines(
            "org/apache/pdfbox/pdmodel/PDDocument.java",
            """
            package org.apache.pdfbox.pdmodel;

            public class PDDocument implements java.io.Closeable {
              private java.io.Closeable source;

              public static PDDocument load(java.io.File file) throws java.io.IOException {
                return null;
              }

              public static PDDocument load(java.io.InputStream in) throws java.io.IOException {
                return null;
              }

              public static PDDocument load(byte[] bytes) throws java.io.IOException {
                return null;
              }

              public int getNumberOfPages() {
                return 0;
              }

              public void save(java.io.File file) throws java.io.IOException {}

              @Override
              public void close() throws java.io.IOException {
                source.close();
              }
            }
            """)
        .addSourceLines(
            "org/apache/pdfbox/Loader.java",
            """
            package org.apache.pdfbox;

            public final class Loader {
              public static org.apache.pdfbox.pdmodel.PDDocument loadPDF(java.io.File file)
                  throws java.io.IOException {
                return null;
              }

              public static org.apache.pdfbox.pdmodel.PDDocument loadPDF(byte[] bytes)
                  throws java.io.IOException {
                return null;
              }
            }
            """)
        .addSourceLines(
            "org/apache/pdfbox/io/RandomAccessReadBufferedFile.java",
            """
            package org.apache.pdfbox.io;

            public class RandomAccessReadBufferedFile implements java.io.Closeable {
              private java.nio.channels.FileChannel channel;

              public RandomAccessReadBufferedFile(java.io.File file) throws java.io.IOException {}

              public long length() throws java.io.IOException {
                return 0;
              }

              @Override
              public void close() throws java.io.IOException {
                channel.close();
              }
            }
            """)
        .addSourceLines(
            "Pdfs.java",
            """
            import java.io.File;
            import java.io.IOException;
            import java.io.InputStream;
            import org.apache.pdfbox.Loader;
            import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
            import org.apache.pdfbox.pdmodel.PDDocument;

            class Pdfs {
              int pages(File pdf) throws IOException {
                // BUG: Diagnostic contains: PDDocument `document` acquired at line 11 is never closed
                PDDocument document = PDDocument.load(pdf);
                return document.getNumberOfPages();
              }

              void copy(File pdf, File out) throws IOException {
                // BUG: Diagnostic contains: PDDocument `document` acquired at line 17 is not closed when `document.save(...)` at line 18 throws
                PDDocument document = Loader.loadPDF(pdf);
                document.save(out);
                document.close();
              }

              long length(File pdf) throws IOException {
                // BUG: Diagnostic contains: RandomAccessReadBufferedFile `file` acquired at line 24 is never closed
                RandomAccessReadBufferedFile file = new RandomAccessReadBufferedFile(pdf);
                return file.length();
              }

              int pagesClosed(File pdf) throws IOException {
                try (PDDocument document = PDDocument.load(pdf)) {
                  return document.getNumberOfPages();
                }
              }

              int pagesInMemory(InputStream in, byte[] bytes) throws IOException {
                PDDocument fromStream = PDDocument.load(in);
                PDDocument fromBytes = Loader.loadPDF(bytes);
                return fromStream.getNumberOfPages() + fromBytes.getNumberOfPages();
              }
            }
            """)
        .doTest();
  }

  /**
   * A socket factory's {@code createSocket(...)} and {@code createServerSocket(...)} open a socket
   * as {@code new Socket(...)} does; {@code createSocket(socket, host, port, autoClose)} layers TLS
   * over a socket the caller holds, and acquires nothing of its own. A socket cast to what it is
   * ({@code (SSLSocket) tls.createSocket(host, port)}) is named as the socket acquired, not as a
   * socket over it.
   */
  @Test
  void aSocketFactoryOpensSockets() {
    helper
        .addSourceLines(
            "Client.java",
            """
            import java.io.IOException;
            import java.net.ServerSocket;
            import java.net.Socket;
            import javax.net.ServerSocketFactory;
            import javax.net.SocketFactory;
            import javax.net.ssl.SSLSocket;
            import javax.net.ssl.SSLSocketFactory;

            class Client {
              void ping(SocketFactory factory, String host) throws IOException {
                // BUG: Diagnostic contains: Socket `socket` acquired at line 12 is never closed
                Socket socket = factory.createSocket(host, 7);
                socket.getOutputStream().write(1);
              }

              int port(ServerSocketFactory factory) throws IOException {
                // BUG: Diagnostic contains: ServerSocket `server` acquired at line 18 is never closed
                ServerSocket server = factory.createServerSocket(0);
                return server.getLocalPort();
              }

              Socket secure(Socket plain, String host) throws IOException {
                SSLSocketFactory tls = (SSLSocketFactory) SSLSocketFactory.getDefault();
                return tls.createSocket(plain, host, 443, true);
              }

              void closed(SocketFactory factory, String host) throws IOException {
                try (Socket socket = factory.createSocket(host, 7)) {
                  socket.getOutputStream().write(1);
                }
              }

              void handshake(SSLSocketFactory tls, String host) throws IOException {
                // BUG: Diagnostic contains: Socket `socket` acquired at line 35 is not closed when `socket.startHandshake()` at line 36 throws
                SSLSocket socket = (SSLSocket) tls.createSocket(host, 443);
                socket.startHandshake();
                socket.close();
              }
            }
            """)
        .doTest();
  }

  /**
   * A socket's {@code connect} to an address made of a host name that does not resolve throws
   * {@code UnknownHostException} before the JDK closes the socket (JDK 17's socket checks the name
   * first; FFMQ's client transport, retried by its bridge, lost one descriptor per attempt):
   * directly, or through a local declared with the address. An address made of an {@code
   * InetAddress}, one the method was given, and a socket that connects through a proxy, which is
   * handed the name to resolve, close as before when connecting fails. Compiled for release 17,
   * whatever JDK runs the test.
   */
  @Test
  void aConnectToAHostNameThatDoesNotResolveLeavesTheSocketOpen() {
    helper
        .setArgs("--release", "17") // the JDK it may run on; see the next test for 25
        .addSourceLines(
            "Clients.java",
            """
            import java.io.IOException;
            import java.net.InetAddress;
            import java.net.InetSocketAddress;
            import java.net.Proxy;
            import java.net.Socket;
            import java.net.SocketAddress;

            class Clients {
              Socket byName(String host, int port) throws IOException {
                // BUG: Diagnostic contains: Socket `socket` acquired at line 11 is not closed when `socket.connect(...)` at line 12 throws
                Socket socket = new Socket();
                socket.connect(new InetSocketAddress(host, port), 5_000);
                return socket;
              }

              Socket byNameInALocal(String host, int port) throws IOException {
                SocketAddress address = new InetSocketAddress(host, port);
                // BUG: Diagnostic contains: Socket `socket` acquired at line 19 is not closed when `socket.connect(...)` at line 20 throws
                Socket socket = new Socket();
                socket.connect(address);
                return socket;
              }

              Socket byAddress(InetAddress host, int port) throws IOException {
                Socket socket = new Socket();
                socket.connect(new InetSocketAddress(host, port));
                return socket;
              }

              Socket given(SocketAddress address) throws IOException {
                Socket socket = new Socket();
                socket.connect(address);
                return socket;
              }

              Socket throughAProxy(Proxy proxy, String host, int port) throws IOException {
                Socket socket = new Socket(proxy);
                socket.connect(new InetSocketAddress(host, port));
                return socket;
              }

              Socket closedWhenItFails(String host, int port) throws IOException {
                Socket socket = new Socket();
                try {
                  socket.connect(new InetSocketAddress(host, port));
                } catch (IOException e) {
                  socket.close();
                  throw e;
                }
                return socket;
              }

              Socket proxiedOrNot(Proxy proxy, String host, int port) throws IOException {
                Socket socket;
                if (proxy != null) {
                  socket = new Socket(proxy);
                } else {
                  // BUG: Diagnostic contains: Socket `socket` acquired at line 59 is not closed when `socket.connect(...)` at line 61 throws
                  socket = new Socket();
                }
                socket.connect(new InetSocketAddress(host, port));
                return socket;
              }
            }
            """)
        .doTest();
  }

  /**
   * Code compiled for release 25 or later runs on a JDK whose {@code Socket.connect} closes the
   * socket on every failure, a name that does not resolve among them: the connect loses nothing
   * there. Runs where the compiling JDK has release 25.
   */
  @Test
  void aSocketOfRelease25ClosesItselfWhateverTheName() {
    assumeTrue(Runtime.version().feature() >= 25, "needs a JDK that compiles for release 25");
    helper
        .setArgs("--release", "25")
        .addSourceLines(
            "Clients.java",
            """
            import java.io.IOException;
            import java.net.InetSocketAddress;
            import java.net.Socket;

            class Clients {
              Socket byName(String host, int port) throws IOException {
                Socket socket = new Socket();
                socket.connect(new InetSocketAddress(host, port), 5_000);
                return socket;
              }
            }
            """)
        .doTest();
  }

  @Test
  void aFailedConnectClosesItsSocketAndAnOptionFailsOnlyOnAClosedOne() {
    helper
        .addSourceLines(
            "Sockets.java",
            """
            import java.io.IOException;
            import java.net.BindException;
            import java.net.InetSocketAddress;
            import java.net.Proxy;
            import java.net.ServerSocket;
            import java.net.Socket;

            class Sockets {
              Socket through(Proxy proxy, String host, int port) throws IOException {
                Socket socket = new Socket(proxy);
                socket.connect(new InetSocketAddress(host, port));
                return socket;
              }

              Socket configuredThenConnected(Proxy proxy, InetSocketAddress remote)
                  throws IOException {
                Socket socket = new Socket(proxy);
                socket.setReceiveBufferSize(1 << 16); // fails only on a closed socket
                socket.setSoTimeout(5_000);
                socket.connect(remote);
                return socket;
              }

              Socket boundThenConnected(Proxy proxy, InetSocketAddress local, InetSocketAddress remote)
                  throws IOException {
                // BUG: Diagnostic contains: Socket `socket` acquired at line 27 is not closed when `socket.bind(...)` at line 28 throws
                Socket socket = new Socket(proxy);
                socket.bind(local);
                socket.connect(remote);
                return socket;
              }

              // Apache XML-RPC's WebServer: reading an option back fails only on a closed socket,
              // so only a failure to bind reaches the BindException handler, with nothing open.
              private ServerSocket serverSocket;

              synchronized void listen(int port) throws IOException, InterruptedException {
                for (int i = 1; ; i++) {
                  try {
                    serverSocket = new ServerSocket(port);
                    if (serverSocket.getSoTimeout() <= 0) {
                      serverSocket.setSoTimeout(4096);
                    }
                    return;
                  } catch (BindException e) {
                    if (i == 10) {
                      throw e;
                    }
                    Thread.sleep(1000);
                  }
                }
              }

              synchronized void shutdown() throws IOException {
                serverSocket.close();
              }
            }
            """)
        .doTest();
  }

  @Test
  void anObjectWithACloseOfItsOwnHoldsWhatItWasMadeOf() {
    helper
        .addSourceLines(
            "Envelope.java",
            """
            import java.io.InputStream;

            final class Envelope {
              private final InputStream body;

              private Envelope(InputStream body) {
                this.body = body;
              }

              static Envelope of(InputStream body) {
                return new Envelope(body);
              }

              void close() throws java.io.IOException {
                body.close();
              }
            }
            """)
        .addSourceLines(
            "Downloads.java",
            """
            import java.io.IOException;
            import java.net.URL;

            class Downloads {
              Envelope fetch(URL url) throws IOException {
                Envelope envelope = Envelope.of(url.openStream());
                return envelope;
              }

              void fetchAndDrop(URL url) throws IOException {
                // BUG: Diagnostic contains: Envelope `envelope` over the InputStream acquired at line 12 is never closed
                Envelope envelope = Envelope.of(url.openStream());
              }
            }
            """)
        .doTest();
  }

  /**
   * A helper that closes its parameter through a decorator over a decorator of it ({@code try
   * (BufferedReader in = new BufferedReader(new InputStreamReader(ins, encoding)))}, Ant's
   * Translate) closes it, as does one that assigns its decorator to a local declared before the
   * {@code try} whose {@code finally} closes it (edtFTPj's {@code putData}). One that only reads
   * it, closing a reader of something else, does not.
   */
  @Test
  void aHelperClosesItsParameterThroughNestedDecorators() {
    helper
        .addSourceLines(
            "Bundles.java",
            """
            import java.io.BufferedInputStream;
            import java.io.BufferedReader;
            import java.io.IOException;
            import java.io.InputStream;
            import java.io.InputStreamReader;
            import java.io.StringReader;
            import java.nio.file.Files;
            import java.nio.file.Path;

            class Bundles {
              void load(Path file, String encoding) throws IOException {
                InputStream ins = Files.newInputStream(file);
                loadResourceMap(ins, encoding);
              }

              void skim(Path file) throws IOException {
                // BUG: Diagnostic contains: InputStream `ins` acquired at line 18 is never closed
                InputStream ins = Files.newInputStream(file);
                skipHeader(ins, "#");
              }

              private void loadResourceMap(InputStream ins, String encoding) throws IOException {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(ins, encoding))) {
                  in.readLine();
                }
              }

              private void skipHeader(InputStream ins, String header) throws IOException {
                try (BufferedReader in = new BufferedReader(new StringReader(header))) {
                  ins.skip(in.readLine().length());
                }
              }

              void put(Path file) throws IOException {
                InputStream ins = Files.newInputStream(file);
                send(ins);
              }

              private void send(InputStream source) throws IOException {
                BufferedInputStream in = null;
                try {
                  in = new BufferedInputStream(source);
                  in.read();
                } finally {
                  if (in != null) {
                    in.close();
                  }
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * A helper that closes an object it made of its parameter, an object with a {@code close()} of
   * its own though not a {@code Closeable} (PNGJ's {@code new BufferedStreamFeeder(is)}, closed in
   * the {@code finally} of {@code feedFromInputStream(is, true)}), closes the parameter: such an
   * object holds what it is given, as a call's value with a {@code close()} does. An object with no
   * way to release it (a counter that only reads the stream) closes nothing.
   */
  @Test
  void aHelperClosesItsParameterThroughAnObjectWithACloseOfItsOwn() {
    helper
        .addSourceLines(
            "Images.java",
            """
            import java.io.File;
            import java.io.FileInputStream;
            import java.io.IOException;
            import java.io.InputStream;

            class Images {
              static final class Feeder {
                private InputStream stream;

                Feeder(InputStream stream) {
                  this.stream = stream;
                }

                boolean feed() throws IOException {
                  return stream.read() >= 0;
                }

                void close() {
                  try {
                    stream.close();
                  } catch (IOException e) {
                    // nothing to be done
                  }
                }
              }

              static final class Counter {
                private final InputStream stream;

                Counter(InputStream stream) {
                  this.stream = stream;
                }

                int count() throws IOException {
                  int bytes = 0;
                  while (stream.read() >= 0) {
                    bytes++;
                  }
                  return bytes;
                }
              }

              void feedFromFile(File file) throws IOException {
                feedFrom(new FileInputStream(file));
              }

              int countFile(File file) throws IOException {
                // BUG: Diagnostic contains: FileInputStream created at line 49 is never stored
                return countFrom(new FileInputStream(file));
              }

              private void feedFrom(InputStream in) throws IOException {
                Feeder feeder = new Feeder(in);
                try {
                  while (feeder.feed()) {}
                } finally {
                  feeder.close();
                }
              }

              private int countFrom(InputStream in) throws IOException {
                return new Counter(in).count();
              }
            }
            """)
        .doTest();
  }

  /**
   * A helper that assigns what a call makes of its parameter to a local declared before its {@code
   * try}, and closes that local in the {@code finally} ({@code parser = null; try { parser =
   * factory.createParser(source); ... } finally { if (parser != null) parser.close(); }}, Spring
   * Security OAuth2's JWK set converter), closes the parameter, as it would through the local's
   * initializer. One that never closes the parser leaves the stream to its caller.
   */
  @Test
  void aHelperClosesItsParameterThroughWhatACallMadeOfItInItsTry() {
    helper
        .addSourceLines(
            "Keys.java",
            """
            import java.io.Closeable;
            import java.io.IOException;
            import java.io.InputStream;
            import java.net.URL;

            class Keys {
              static final class Parser implements Closeable {
                private final InputStream source;

                Parser(InputStream source) {
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

              private Parser createParser(InputStream source) {
                return new Parser(source);
              }

              int load(URL url) throws IOException {
                InputStream in = url.openStream();
                return count(in);
              }

              int peek(URL url) throws IOException {
                // BUG: Diagnostic contains: InputStream `in` acquired at line 35 is never closed
                InputStream in = url.openStream();
                return first(in);
              }

              private int count(InputStream source) throws IOException {
                Parser parser = null;
                try {
                  parser = createParser(source);
                  int keys = 0;
                  while (parser.next() >= 0) {
                    keys++;
                  }
                  return keys;
                } finally {
                  if (parser != null) {
                    parser.close();
                  }
                }
              }

              private int first(InputStream source) throws IOException {
                Parser parser = null;
                parser = createParser(source);
                return parser.next();
              }
            }
            """)
        .doTest();
  }

  @Test
  void helpersInOtherFilesAreJudgedByTheirBodies() {
    helper
        .addSourceLines(
            "Streams.java",
            """
            import java.io.IOException;
            import java.io.InputStream;

            final class Streams {
              static long count(InputStream in) throws IOException {
                try (InputStream closing = in) {
                  return closing.transferTo(java.io.OutputStream.nullOutputStream());
                }
              }

              static void closeQuietly(InputStream in) {
                // closes nothing, whatever its name says
              }
            }
            """)
        .addSourceLines(
            "Sizes.java",
            """
            import java.io.FileInputStream;
            import java.io.IOException;

            class Sizes {
              long size(String name) throws IOException {
                return Streams.count(new FileInputStream(name));
              }

              void touch(String name) throws IOException {
                // BUG: Diagnostic contains: FileInputStream `in` acquired at line 11 is never closed
                FileInputStream in = new FileInputStream(name);
                Streams.closeQuietly(in);
              }
            }
            """)
        .doTest();
  }

  @Test
  void aMethodOfTheClassThatClosesTheFieldReleasesIt() {
    helper
        .addSourceLines(
            "DataConnection.java",
            """
            import java.io.IOException;
            import java.net.InetSocketAddress;
            import java.net.Socket;

            class DataConnection {
              private Socket socket;

              Socket open(InetSocketAddress address) throws IOException {
                try {
                  socket = new Socket();
                  socket.connect(address);
                  socket.getOutputStream().write(1);
                } catch (IOException e) {
                  close();
                  throw e;
                }
                return socket;
              }

              Socket openAndForget(InetSocketAddress address) throws IOException {
                try {
                  // BUG: Diagnostic contains: Socket `socket` acquired at line 23 is not closed when `write(...)` at line 25 throws and the catch at line 26 goes on without closing it
                  socket = new Socket();
                  socket.connect(address);
                  socket.getOutputStream().write(1);
                } catch (IOException e) {
                  forget();
                  throw e;
                }
                return socket;
              }

              synchronized void close() {
                if (socket != null) {
                  try {
                    socket.close();
                  } catch (IOException ignored) {
                    // closing anyway
                  }
                  socket = null;
                }
              }

              void forget() {
                socket = null;
              }
            }
            """)
        .doTest();
  }

  /**
   * A method whose name says it starts its object over ({@code reset()}, {@code restart()}, ...)
   * runs on an object in use: BoofCV's image stream sequence reopens its file into the field on
   * {@code reset()}, and the stream it was reading stays open. One that closes the old stream first
   * loses nothing, nor does an {@code open()} that nothing says runs twice.
   */
  @Test
  void aMethodThatStartsOverLosesWhatItsFieldHeld() {
    helper
        .addSourceLines(
            "Sequence.java",
            """
            import java.io.BufferedInputStream;
            import java.io.DataInputStream;
            import java.io.FileInputStream;
            import java.io.IOException;

            class Sequence {
              DataInputStream in;
              String fileName;

              void open() throws IOException {
                in = new DataInputStream(new BufferedInputStream(new FileInputStream(fileName)));
              }

              void reset() throws IOException {
                // BUG: Diagnostic contains: held in field `in` since an earlier call is not closed before line 16 stores a new one in it
                in = new DataInputStream(new BufferedInputStream(new FileInputStream(fileName)));
              }

              void restart() throws IOException {
                in.close();
                in = new DataInputStream(new BufferedInputStream(new FileInputStream(fileName)));
              }

              void close() throws IOException {
                in.close();
                in = null;
              }
            }
            """)
        .addSourceLines(
            "Rereadable.java",
            """
            import java.io.BufferedInputStream;
            import java.io.File;
            import java.io.FileInputStream;
            import java.io.IOException;
            import java.io.InputStream;

            class Rereadable {
              private final InputStream original;
              private InputStream in;
              private File store;

              Rereadable(InputStream original) {
                this.original = original;
                this.in = original;
              }

              void rewind() throws IOException {
                if (in != original) {
                  in.close();
                }
                in = new BufferedInputStream(new FileInputStream(store));
              }

              void close() throws IOException {
                if (in != original) {
                  in.close();
                }
                original.close();
              }
            }
            """)
        .doTest();
  }

  /**
   * A field tested for null and set in the branch it guards starts the fields set with it once
   * (marc4j's MarcPatcher opens its changed and deleted record files when the first is still null):
   * it is no key remembered from the last call, and the second field is not overwritten while open.
   * A key compared with the call's own value still is.
   */
  @Test
  void fieldsStartedBehindANullTestOfAnotherAreStartedOnce() {
    helper
        .addSourceLines(
            "Patcher.java",
            """
            import java.io.BufferedOutputStream;
            import java.io.Closeable;
            import java.io.FileOutputStream;
            import java.io.IOException;
            import java.io.OutputStream;
            import java.io.PrintStream;

            class Patcher implements Closeable {
              private OutputStream changed;
              private PrintStream deleted;
              private String lastDay;
              private PrintStream daily;

              void process(String name) throws IOException {
                if (changed == null) {
                  changed = new BufferedOutputStream(new FileOutputStream(name));
                  deleted = new PrintStream(new FileOutputStream(name + ".del"));
                }
              }

              void log(String day, String line) throws IOException {
                if (!day.equals(lastDay)) {
                  lastDay = day;
                  // BUG: Diagnostic contains: held in field `daily` since an earlier call is not closed before line 25 stores a new one in it
                  daily = new PrintStream(new FileOutputStream(day + ".log"));
                }
                daily.println(line);
              }

              @Override
              public void close() throws IOException {
                changed.close();
                deleted.close();
                daily.close();
              }
            }
            """)
        .doTest();
  }

  @Test
  void aFieldReopenedUnderARememberedKeyLosesTheFileItHeld() {
    helper
        .addSourceLines(
            "DailyLog.java",
            """
            import java.io.Closeable;
            import java.io.FileOutputStream;
            import java.io.IOException;

            class DailyLog {
              /** Opens the day's file when the day changes; yesterday's stays open. */
              static class Rotating implements Closeable {
                private FileOutputStream out;
                private String day;

                void write(String today, byte[] line) throws IOException {
                  if (!today.equals(day)) {
                    day = today;
                    // BUG: Diagnostic contains: FileOutputStream held in field `out` since an earlier call is not closed before line 15 stores a new one in it
                    out = new FileOutputStream(today + ".log");
                  }
                  out.write(line);
                }

                @Override
                public void close() throws IOException {
                  Files.closeQuietly((Closeable) out);
                }
              }

              /** The same, closing yesterday's file first. */
              static class ClosesYesterdays implements Closeable {
                private FileOutputStream out;
                private String day;

                void write(String today, byte[] line) throws IOException {
                  if (!today.equals(day)) {
                    day = today;
                    Files.closeQuietly(out);
                    out = new FileOutputStream(today + ".log");
                  }
                  out.write(line);
                }

                @Override
                public void close() throws IOException {
                  out.close();
                }
              }

              static class Files {
                static void closeQuietly(Closeable closeable) {
                  try {
                    if (closeable != null) {
                      closeable.close();
                    }
                  } catch (IOException ignored) {
                    // closing anyway
                  }
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void aNullCheckHandsBackTheResourceItWasGiven() {
    helper
        .addSourceLines(
            "ChannelOutput.java",
            """
            import java.io.IOException;
            import java.nio.channels.FileChannel;
            import java.nio.file.Path;
            import java.util.Objects;

            final class ChannelOutput implements AutoCloseable {
              private final FileChannel channel;
              private FileChannel copy;

              ChannelOutput(FileChannel channel) {
                this.channel = Objects.requireNonNull(channel, "channel");
              }

              ChannelOutput(Path file) throws IOException {
                this(FileChannel.open(file));
              }

              void copyTo(Path file) throws IOException {
                FileChannel opened = FileChannel.open(file);
                copy = Objects.requireNonNull(opened);
              }

              long size(Path file) throws IOException {
                // BUG: Diagnostic contains: FileChannel `checked` acquired at line 25 is never closed
                FileChannel checked = Objects.requireNonNull(FileChannel.open(file));
                return checked.size();
              }

              @Override
              public void close() throws IOException {
                channel.close();
                copy.close();
              }
            }
            """)
        .doTest();
  }

  /**
   * A path that calls {@code System.exit} (or {@code Runtime.exit} or {@code halt}) ends the
   * program there, and the exit releases what it holds, in whatever method it is called: log4j's
   * {@code Roller.roll}, run from main, exits on every path.
   */
  @Test
  void aPathThatExitsTheProgramLosesNothing() {
    helper
        .addSourceLines(
            "Roller.java",
            """
            import java.io.DataInputStream;
            import java.io.DataOutputStream;
            import java.io.IOException;
            import java.net.Socket;

            class Roller {
              static void roll(String host, int port) {
                try {
                  Socket socket = new Socket(host, port);
                  DataOutputStream out = new DataOutputStream(socket.getOutputStream());
                  out.writeUTF("roll");
                  if (!"OK".equals(new DataInputStream(socket.getInputStream()).readUTF())) {
                    System.exit(2);
                  }
                } catch (IOException e) {
                  Runtime.getRuntime().halt(2);
                }
                System.exit(0);
              }

              static void rollAndReturn(String host, int port) {
                try {
                  // BUG: Diagnostic contains: Socket `socket` acquired at line 24 is not closed when `writeUTF(...)` at line 25 throws
                  Socket socket = new Socket(host, port);
                  new DataOutputStream(socket.getOutputStream()).writeUTF("roll");
                  socket.close();
                } catch (IOException e) {
                  e.printStackTrace();
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void whatMainStillHoldsWhenTheProgramEndsIsReleasedByTheExit() {
    helper
        .addSourceLines(
            "Generate.java",
            """
            import java.io.File;
            import java.io.FileWriter;
            import java.io.IOException;
            import java.io.Writer;

            class Generate {
              public static void main(String[] args) {
                try {
                  Writer out = new FileWriter(new File(args[0]));
                  out.write(render(args[1]));
                  out.close();
                } catch (IOException e) {
                  e.printStackTrace();
                }
              }

              static class Batch {
                public static void main(String[] args) throws IOException {
                  for (String name : args) {
                    // BUG: Diagnostic contains: FileWriter `out` acquired at line 21 is not closed when the `continue` at line 23 is taken
                    Writer out = new FileWriter(name);
                    if (name.isEmpty()) {
                      continue;
                    }
                    out.write(render(name));
                    out.close();
                  }
                }
              }

              static class NotMain {
                static void generate(String[] args) {
                  try {
                    // BUG: Diagnostic contains: FileWriter `out` acquired at line 35 is not closed when `out.write(...)` at line 36 throws
                    Writer out = new FileWriter(new File(args[0]));
                    out.write(render(args[1]));
                    out.close();
                  } catch (IOException e) {
                    e.printStackTrace();
                  }
                }
              }

              static native String render(String name);
            }
            """)
        .doTest();
  }

  /**
   * A temporary that {@code main} never stores stays open until the program ends, and the exit
   * releases it, as what main's locals still hold at its end (HyperSQL's LdapAuthBeanTester loads
   * its settings so). One made on every pass of a loop piles up while the program runs, and a
   * method that is not main may run many times.
   */
  @Test
  void aTemporaryMainNeverStoresIsReleasedByTheExit() {
    helper
        .addSourceLines(
            "Tools.java",
            """
            import java.io.FileInputStream;
            import java.io.IOException;
            import java.util.Properties;

            class Tools {
              public static void main(String[] args) throws IOException {
                Properties settings = new Properties();
                settings.load(new FileInputStream(args[0]));
                System.out.println(settings);
              }

              static class Merge {
                public static void main(String[] args) throws IOException {
                  Properties merged = new Properties();
                  for (String name : args) {
                    // BUG: Diagnostic contains: FileInputStream created at line 17 is never stored
                    merged.load(new FileInputStream(name));
                  }
                  System.out.println(merged);
                }
              }

              static class Library {
                static Properties settings(String name) throws IOException {
                  Properties settings = new Properties();
                  // BUG: Diagnostic contains: FileInputStream created at line 27 is never stored
                  settings.load(new FileInputStream(name));
                  return settings;
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * A thread whose {@code run()} loops until a failure ends it keeps what its fields hold for as
   * long as the program runs (log4j's Chainsaw keeps its one listening socket so): not a field that
   * nothing closes. A loop with a way out (a flag, a {@code break}), a {@code run()} that may
   * return, or a class that is not a thread, still is.
   */
  @Test
  void aThreadThatServesUntilTheProgramEndsKeepsWhatItHolds() {
    helper
        .addSourceLines(
            "Heartbeats.java",
            """
            import java.io.File;
            import java.io.FileOutputStream;
            import java.io.IOException;

            class Heartbeats {
              static class Forever extends Thread {
                private final FileOutputStream out;

                Forever(File file) throws IOException {
                  setDaemon(true);
                  out = new FileOutputStream(file);
                }

                @Override
                public void run() {
                  try {
                    while (true) {
                      out.write('.');
                      Thread.sleep(1000);
                    }
                  } catch (IOException | InterruptedException e) {
                    e.printStackTrace();
                  }
                }
              }

              static class UntilStopped extends Thread {
                private final FileOutputStream out;
                private volatile boolean stopped;

                UntilStopped(File file) throws IOException {
                  // BUG: Diagnostic contains: FileOutputStream `out` acquired at line 33 is not closed after it is stored in field `out`, which nothing in its class closes
                  out = new FileOutputStream(file);
                }

                @Override
                public void run() {
                  try {
                    while (!stopped) {
                      out.write('.');
                    }
                  } catch (IOException e) {
                    e.printStackTrace();
                  }
                }
              }

              static class BreaksOut implements Runnable {
                private final FileOutputStream out;

                BreaksOut(File file) throws IOException {
                  // BUG: Diagnostic contains: FileOutputStream `out` acquired at line 53 is not closed after it is stored in field `out`
                  out = new FileOutputStream(file);
                }

                @Override
                public void run() {
                  for (; ; ) {
                    if (Thread.interrupted()) {
                      break;
                    }
                    try {
                      out.write('.');
                    } catch (IOException e) {
                      return;
                    }
                  }
                }
              }

              static class MayReturn extends Thread {
                private final FileOutputStream out;
                private final boolean enabled;

                MayReturn(File file, boolean enabled) throws IOException {
                  this.enabled = enabled;
                  // BUG: Diagnostic contains: FileOutputStream `out` acquired at line 78 is not closed after it is stored in field `out`
                  out = new FileOutputStream(file);
                }

                @Override
                public void run() {
                  if (!enabled) {
                    return;
                  }
                  try {
                    while (true) {
                      out.write('.');
                    }
                  } catch (IOException e) {
                    e.printStackTrace();
                  }
                }
              }

              static class NotAThread {
                private final FileOutputStream out;

                NotAThread(File file) throws IOException {
                  // BUG: Diagnostic contains: FileOutputStream `out` acquired at line 101 is not closed after it is stored in field `out`
                  out = new FileOutputStream(file);
                }

                public void run() throws IOException {
                  while (true) {
                    out.write('.');
                  }
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * Once a local file is open, reading or moving in it fails only when the disk does, and getting
   * its descriptor only when it is closed: not paths a maintainer guards, nor is a read through a
   * buffer or a decoding that replaces what it cannot decode ({@code readLine()} over a {@code
   * FileReader}), nor {@code Properties.load} of it (HSQLDB, Ivy), nor a read a {@code FileReader}
   * inherits ({@code fr.read(buffer)} is {@code Reader}'s: Ganymed). A read that throws at the end
   * of the data (a truncated file), through a decorator that parses ({@code DataInputStream}), or a
   * write (a full disk), still is.
   */
  @Test
  void aReadOfAFileJustOpenedFailsOnlyWhenTheDiskDoes() {
    helper
        .addSourceLines(
            "Images.java",
            """
            import java.io.BufferedInputStream;
            import java.io.BufferedReader;
            import java.io.DataInputStream;
            import java.io.File;
            import java.io.FileInputStream;
            import java.io.FileOutputStream;
            import java.io.FileReader;
            import java.io.IOException;
            import java.io.InputStream;
            import java.io.RandomAccessFile;
            import java.util.ArrayList;
            import java.util.List;
            import java.util.Properties;

            class Images {
              byte[] load(File file) throws IOException {
                FileInputStream in = new FileInputStream(file);
                byte[] data = new byte[in.available()];
                in.read(data);
                in.close();
                return data;
              }

              byte[] tail(File file, long from) throws IOException {
                RandomAccessFile raf = new RandomAccessFile(file, "r");
                raf.getFD().valid();
                raf.seek(from);
                byte[] data = new byte[(int) (raf.length() - from)];
                raf.read(data);
                raf.close();
                return data;
              }

              int header(File file) throws IOException {
                // BUG: Diagnostic contains: RandomAccessFile `raf` acquired at line 36 is not closed when `raf.readInt()` at line 37 throws
                RandomAccessFile raf = new RandomAccessFile(file, "r");
                int magic = raf.readInt();
                raf.close();
                return magic;
              }

              void save(File file, byte[] data) throws IOException {
                // BUG: Diagnostic contains: FileOutputStream `out` acquired at line 44 is not closed when `out.write(...)` at line 45 throws
                FileOutputStream out = new FileOutputStream(file);
                out.write(data);
                out.close();
              }

              int first(File file) throws IOException {
                // BUG: Diagnostic contains: DataInputStream `in` over the FileInputStream acquired at line 51 is not closed when `in.readInt()` at line 52 throws
                DataInputStream in = new DataInputStream(new BufferedInputStream(new FileInputStream(file)));
                int b = in.readInt();
                in.close();
                return b;
              }

              List<String> lines(File file) throws IOException {
                BufferedReader reader = new BufferedReader(new FileReader(file));
                List<String> lines = new ArrayList<>();
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                  lines.add(line);
                }
                reader.close();
                return lines;
              }

              Properties settings(File file) throws IOException {
                Properties settings = new Properties();
                InputStream in = new FileInputStream(file);
                settings.load(in);
                in.close();
                return settings;
              }

              String pem(File file) throws IOException {
                char[] buffer = new char[256];
                StringBuilder text = new StringBuilder();
                FileReader fr = new FileReader(file);
                for (int n = fr.read(buffer); n >= 0; n = fr.read(buffer)) {
                  text.append(buffer, 0, n);
                }
                fr.close();
                return text.toString();
              }
            }
            """)
        .doTest();
  }

  /**
   * The object's own {@code close()}, which closes the field, is no path that loses the field when
   * it fails, as a resource's own {@code close()} is none (HyperSQL's RAFileNIO closes itself when
   * its buffers cannot be mapped). Another method of the object that fails still loses it.
   */
  @Test
  void theObjectsOwnCloseIsNoPathThatLosesWhatItCloses() {
    helper
        .addSourceLines(
            "Mapped.java",
            """
            import java.io.IOException;
            import java.io.RandomAccessFile;

            class Mapped {
              private final RandomAccessFile file;

              Mapped(String name, long length) throws IOException {
                file = new RandomAccessFile(name, "rw");
                if (length > file.length()) {
                  close();
                  throw new IOException("cannot map " + name);
                }
              }

              Mapped(String name) throws IOException {
                // BUG: Diagnostic contains: not closed when `describe()` at line 18 throws
                file = new RandomAccessFile(name, "r");
                describe();
              }

              private void describe() throws IOException {
                System.out.println(file.readInt());
              }

              void close() throws IOException {
                file.close();
              }
            }
            """)
        .doTest();
  }

  @Test
  void whatAConstructorHandsToSuperBelongsToTheObjectBeingBuilt() {
    helper
        .addSourceLines(
            "CountingInput.java",
            """
            import java.io.BufferedInputStream;
            import java.io.FilterInputStream;
            import java.io.IOException;
            import java.nio.file.Files;
            import java.nio.file.Path;

            class CountingInput extends FilterInputStream {
              private long count;

              CountingInput(Path path) throws IOException {
                super(new BufferedInputStream(Files.newInputStream(path)));
              }

              @Override
              public int read() throws IOException {
                count++;
                return super.read();
              }
            }
            """)
        .doTest();
  }

  /**
   * A method of the class that stores into the field only in some states of the object ({@code if
   * (buffer != null)}) is not taken to overwrite it at every call; one that stores whatever the
   * object's state is (a store under a test of its parameter) still is.
   */
  @Test
  void aCallThatStoresOnlyInSomeStatesOfTheObjectDoesNotOverwriteAtEveryCall() {
    helper
        .addSourceLines(
            "Spool.java",
            """
            import java.io.File;
            import java.io.FileOutputStream;
            import java.io.IOException;
            import java.io.OutputStream;

            class Spool implements AutoCloseable {
              private final File file;
              private byte[] buffer = new byte[16];
              private int used;
              private OutputStream out;

              Spool(File file) {
                this.file = file;
              }

              void reopen() throws IOException {
                out = new FileOutputStream(file, true);
                save(0);
              }

              void reopenAndSpill(byte[] bytes) throws IOException {
                // BUG: Diagnostic contains: before the call to spill() at line 24 overwrites field `out`
                out = new FileOutputStream(file, true);
                spill(bytes);
              }

              private void save(int b) throws IOException {
                if (buffer != null) {
                  if (used == buffer.length) {
                    out = new FileOutputStream(file);
                    out.write(buffer, 0, used);
                    buffer = null;
                  } else {
                    buffer[used++] = (byte) b;
                  }
                } else {
                  out.write(b);
                }
              }

              private void spill(byte[] bytes) throws IOException {
                if (bytes.length > 0) {
                  out = new FileOutputStream(file);
                  out.write(bytes);
                }
              }

              @Override
              public void close() throws IOException {
                out.close();
              }
            }
            """)
        .doTest();
  }

  /** An array's size is computed and forgotten; what an array initializer lists is stored. */
  @Test
  void anArraySizedByAResourceDoesNotTakeIt() {
    helper
        .addSourceLines(
            "Sizes.java",
            """
            import java.io.File;
            import java.io.FileInputStream;
            import java.io.IOException;
            import java.io.InputStream;

            class Sizes {
              byte[] buffer(File f) throws IOException {
                // BUG: Diagnostic contains: FileInputStream `in` acquired at line 9 is never closed
                FileInputStream in = new FileInputStream(f);
                return new byte[(int) in.getChannel().size()];
              }

              InputStream[] both(File a, File b) throws IOException {
                InputStream first = new FileInputStream(a);
                return new InputStream[] {first};
              }
            }
            """)
        .doTest();
  }

  /** The JDK's XML parsers close what they parse, through an InputSource and a helper too. */
  @Test
  void whatAnXmlParserParsesItCloses() {
    helper
        .addSourceLines(
            "Config.java",
            """
            import java.io.File;
            import java.io.FileInputStream;
            import java.io.FileReader;
            import java.io.Reader;
            import javax.xml.parsers.DocumentBuilder;
            import javax.xml.parsers.DocumentBuilderFactory;
            import org.w3c.dom.Document;
            import org.xml.sax.InputSource;

            class Config {
              Document load(File f, DocumentBuilder builder) throws Exception {
                return builder.parse(new FileInputStream(f));
              }

              Document loadThroughHelpers(File f) throws Exception {
                FileReader reader = new FileReader(f);
                return parse(reader);
              }

              private Document parse(Reader reader) throws Exception {
                InputSource source = new InputSource(reader);
                return parse(source);
              }

              private Document parse(InputSource source) throws Exception {
                return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(source);
              }

              String neverParsed(File f) throws Exception {
                // BUG: Diagnostic contains: FileReader `reader` acquired at line 31 is never closed
                FileReader reader = new FileReader(f);
                InputSource source = new InputSource(reader);
                return source.getEncoding();
              }
            }
            """)
        .doTest();
  }

  /**
   * Jackson's {@code ObjectMapper} and {@code ObjectReader} close the stream or reader they read a
   * document from ({@code AUTO_CLOSE_SOURCE}, on by default), failed or not (Database Rider's JSON
   * data sets); a {@code JsonParser} the caller made stays the caller's, and so does a reader Gson
   * reads (stand-ins here, matched by name). json-io's {@code JsonReader.jsonToMaps(in, options)}
   * and {@code jsonToJava(in, options)} close the stream once read (jsign's credentials client, an
   * evaluation FALSE); a parse error, unchecked, is no path under the default policy.
   */
  @Test
  void whatJacksonReadsItCloses() {
    helper
        .addSourceLines(
            "ObjectMapper.java",
            """
            package com.fasterxml.jackson.databind;

            public class ObjectMapper {
              public <T> T readValue(java.io.InputStream in, Class<T> type) throws java.io.IOException {
                return null;
              }

              public <T> T readValue(java.io.Closeable parser, Class<T> type) throws java.io.IOException {
                return null;
              }
            }
            """)
        .addSourceLines(
            "Gson.java",
            """
            package com.google.gson;

            public class Gson {
              public <T> T fromJson(java.io.Reader json, Class<T> type) {
                return null;
              }
            }
            """)
        .addSourceLines(
            "JsonReader.java",
            """
            package com.cedarsoftware.util.io;

            public class JsonReader {
              public static java.util.Map jsonToMaps(
                  java.io.InputStream in, java.util.Map<String, Object> options) {
                return null;
              }

              public static Object jsonToJava(
                  java.io.InputStream in, java.util.Map<String, Object> options) {
                return null;
              }
            }
            """)
        .addSourceLines(
            "DataSets.java",
            """
            import com.cedarsoftware.util.io.JsonReader;
            import com.fasterxml.jackson.databind.ObjectMapper;
            import com.google.gson.Gson;
            import java.io.File;
            import java.io.FileInputStream;
            import java.io.FileReader;
            import java.io.InputStream;
            import java.util.Map;

            class DataSets {
              int json(File f, ObjectMapper mapper) throws Exception {
                InputStream in = new FileInputStream(f);
                return mapper.readValue(in, Map.class).size();
              }

              int parsed(File f, ObjectMapper mapper) throws Exception {
                // BUG: Diagnostic contains: FileInputStream `in` acquired at line 18 is never closed
                java.io.Closeable in = new FileInputStream(f);
                return mapper.readValue(in, Map.class).size();
              }

              int gson(File f, Gson gson) throws Exception {
                // BUG: Diagnostic contains: FileReader `reader` acquired at line 24 is never closed
                FileReader reader = new FileReader(f);
                return gson.fromJson(reader, Map.class).size();
              }

              int jsonIo(File f) throws Exception {
                return JsonReader.jsonToMaps(new FileInputStream(f), null).size();
              }

              Object jsonIoObject(File f) throws Exception {
                InputStream in = new FileInputStream(f);
                return JsonReader.jsonToJava(in, null);
              }
            }
            """)
        .doTest();
  }

  /**
   * Libraries that parse through the JDK's parsers close what they parse too (Commons Digester,
   * dom4j, JDOM 2, DBUnit's flat XML data sets, JAXB's unmarshaller: sqldump reads its schema files
   * so; Castor's unmarshaller: Anonimatron reads its configuration so; stand-ins here, matched by
   * name); a stream read by another library's method is still the caller's to close.
   */
  @Test
  void whatALibraryParsesThroughTheJdksParserItCloses() {
    helper
        .addSourceLines(
            "Unmarshaller.java",
            """
            package javax.xml.bind;

            public interface Unmarshaller {
              Object unmarshal(java.io.Reader reader) throws JAXBException;
            }
            """)
        .addSourceLines(
            "JAXBException.java",
            """
            package javax.xml.bind;

            public class JAXBException extends Exception {}
            """)
        .addSourceLines(
            "org/exolab/castor/xml/Unmarshaller.java",
            """
            package org.exolab.castor.xml;

            public class Unmarshaller {
              public Object unmarshal(java.io.Reader reader) throws MarshalException {
                return null;
              }
            }
            """)
        .addSourceLines(
            "MarshalException.java",
            """
            package org.exolab.castor.xml;

            public class MarshalException extends Exception {}
            """)
        .addSourceLines(
            "Digester.java",
            """
            package org.apache.commons.digester;

            public class Digester {
              public Object parse(java.io.InputStream input) throws java.io.IOException {
                return null;
              }
            }
            """)
        .addSourceLines(
            "FlatXmlDataSetBuilder.java",
            """
            package org.dbunit.dataset.xml;

            public class FlatXmlDataSetBuilder {
              public Object build(java.io.InputStream input) throws java.io.IOException {
                return null;
              }
            }
            """)
        .addSourceLines(
            "Loader.java",
            """
            import java.io.IOException;
            import java.io.InputStream;
            import java.net.URL;
            import java.util.Properties;
            import org.apache.commons.digester.Digester;

            class Loader {
              Object rules(URL url) throws IOException {
                InputStream input = url.openStream();
                try {
                  return new Digester().parse(input);
                } catch (IOException e) {
                  throw new IllegalStateException(e);
                }
              }

              Object dataSet(URL url) throws IOException {
                InputStream input = url.openStream();
                return new org.dbunit.dataset.xml.FlatXmlDataSetBuilder().build(input).hashCode();
              }

              Object schema(java.io.File file, javax.xml.bind.Unmarshaller unmarshaller)
                  throws IOException, javax.xml.bind.JAXBException {
                java.io.Reader reader = new java.io.FileReader(file);
                return unmarshaller.unmarshal(reader);
              }

              Object configuration(java.io.File file, org.exolab.castor.xml.Unmarshaller unmarshaller)
                  throws IOException, org.exolab.castor.xml.MarshalException {
                java.io.Reader reader = new java.io.FileReader(file);
                return unmarshaller.unmarshal(reader);
              }

              Properties properties(URL url) throws IOException {
                // BUG: Diagnostic contains: InputStream `input` acquired at line 36 is never closed
                InputStream input = url.openStream();
                Properties properties = new Properties();
                properties.load(input);
                return properties;
              }
            }
            """)
        .doTest();
  }

  /**
   * A class loader is a resource until what it made leaves the method: a class it loaded, or an
   * object made of one, returned or kept needs it open for every class it loads later, and whoever
   * holds them holds the loader (SchemaSpy caches a JDBC driver made from a loader of its own). A
   * loader that only answers a question here (a class's name) is lost.
   */
  @Test
  void classLoaders() {
    helper
        .addSourceLines(
            "Plugins.java",
            """
            import java.io.IOException;
            import java.net.URL;
            import java.net.URLClassLoader;
            import java.util.HashMap;
            import java.util.Map;

            class Plugins {
              private final Map<String, Object> plugins = new HashMap<>();

              String nameEachTime(URL jar, String name) throws ClassNotFoundException {
                // BUG: Diagnostic contains: URLClassLoader `loader` acquired at line 12 is never closed
                URLClassLoader loader = new URLClassLoader(new URL[] {jar});
                return loader.loadClass(name).getName();
              }

              String probe(URL jar, String name) throws IOException {
                try (URLClassLoader loader = URLClassLoader.newInstance(new URL[] {jar})) {
                  return loader.loadClass(name).getName();
                } catch (ClassNotFoundException e) {
                  return null;
                }
              }

              String anonymous(URL jar, String name) throws ClassNotFoundException {
                // An anonymous subclass is named after the class it extends.
                // BUG: Diagnostic contains: URLClassLoader `loader` acquired at line 27 is never closed
                URLClassLoader loader = new URLClassLoader(new URL[] {jar}) {};
                return loader.loadClass(name).getSimpleName();
              }

              Class<?> compiled(ClassLoader parent, String name) throws ClassNotFoundException {
                // Given no place to load from, it opens no jar (Groovy's new GroovyClassLoader(parent)).
                ScriptLoader loader = new ScriptLoader(parent);
                return loader.loadClass(name).getSuperclass();
              }

              boolean fromAJar(URL jar, String name) throws ClassNotFoundException {
                // BUG: Diagnostic contains: JarLoader `loader` acquired at line 39 is never closed
                JarLoader loader = new JarLoader(jar);
                return loader.loadClass(name).isInterface();
              }

              Class<?> loaded(URL jar, String name) throws IOException, ClassNotFoundException {
                URLClassLoader loader = new URLClassLoader(new URL[] {jar});
                try {
                  return loader.loadClass(name);
                } catch (ClassNotFoundException e) {
                  loader.close();
                  throw e;
                }
              }

              void cached(URL jar, String name) throws Exception {
                URLClassLoader loader = new URLClassLoader(new URL[] {jar});
                try {
                  Class<?> type = Class.forName(name, true, loader);
                  plugins.put(name, type.getDeclaredConstructor().newInstance());
                } catch (ReflectiveOperationException | RuntimeException e) {
                  loader.close();
                  throw e;
                }
              }

              void cachedUnlessMissing(URL jar, String name) throws Exception {
                // BUG: Diagnostic contains: URLClassLoader `loader` acquired at line 66 is not closed when `Class.forName(...)` at line 67 throws
                ClassLoader loader = new URLClassLoader(new URL[] {jar});
                Class<?> type = Class.forName(name, true, loader);
                plugins.put(name, type.getDeclaredConstructor().newInstance());
              }

              Object run(URL jar, String name) throws Exception {
                // BUG: Diagnostic contains: URLClassLoader `loader` acquired at line 73 is never closed
                URLClassLoader loader = new URLClassLoader(new URL[] {jar});
                Class<?> type = loader.loadClass(name);
                type.getMethod("main", String[].class).invoke(null, (Object) new String[0]);
                return name;
              }

              static class ScriptLoader extends URLClassLoader {
                ScriptLoader(ClassLoader parent) {
                  super(new URL[0], parent);
                }
              }

              static class JarLoader extends URLClassLoader {
                JarLoader(URL jar) {
                  super(new URL[] {jar});
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * A class loader opens a jar only when a lookup first reaches it: one lost before anything read
   * the variable that holds it held nothing (Plexus Archiver's {@code getEntries}, whose loader is
   * lost only if the {@code new JarFile(f)} after it fails). Once it has been used, or when the
   * failing call is given it, the loss stands.
   */
  @Test
  void aClassLoaderLostBeforeItsFirstUseHeldNothing() {
    helper
        .addSourceLines(
            "Entries.java",
            """
            import java.io.File;
            import java.io.IOException;
            import java.net.URL;
            import java.net.URLClassLoader;
            import java.util.jar.JarFile;

            class Entries {
              interface Iterator extends AutoCloseable {}

              static Iterator iterator(JarFile jar, URLClassLoader loader) {
                return null;
              }

              Iterator entries(File f, URL url) throws IOException {
                URLClassLoader loader = new URLClassLoader(new URL[] {url}, null);
                JarFile jar = new JarFile(f);
                return iterator(jar, loader);
              }

              Iterator afterALookup(File f, URL url) throws IOException {
                // BUG: Diagnostic contains: URLClassLoader `loader` acquired at line 22 is not closed when `new JarFile(...)` at line 24 throws
                URLClassLoader loader = new URLClassLoader(new URL[] {url}, null);
                loader.getResource("META-INF/MANIFEST.MF");
                JarFile jar = new JarFile(f);
                return iterator(jar, loader);
              }

              Object given(URL url, String name) throws Exception {
                // BUG: Diagnostic contains: URLClassLoader `loader` acquired at line 30 is not closed when `Class.forName(...)` at line 31 throws
                URLClassLoader loader = new URLClassLoader(new URL[] {url}, null);
                Class<?> type = Class.forName(name, true, loader);
                loader.close();
                return type;
              }
            }
            """)
        .doTest();
  }

  /**
   * An HTTP response is closed by its try-with-resources, or its body's; OkHttp's {@code
   * body().string()} and {@code bytes()} read the body whole and close it (its documentation lists
   * them among the calls that close a response). A body only measured is never closed.
   */
  @Test
  void httpResponses() {
    helper
        .addSourceLines(
            "okhttp3/Call.java",
            """
            package okhttp3;

            public interface Call {
              Response execute() throws java.io.IOException;
            }
            """)
        .addSourceLines(
            "okhttp3/Response.java",
            """
            package okhttp3;

            public final class Response implements java.io.Closeable {
              public ResponseBody body() {
                return null;
              }

              public int code() {
                return 200;
              }

              @Override
              public void close() {}
            }
            """)
        .addSourceLines(
            "okhttp3/ResponseBody.java",
            """
            package okhttp3;

            public abstract class ResponseBody implements java.io.Closeable {
              public abstract String string() throws java.io.IOException;

              public abstract byte[] bytes() throws java.io.IOException;

              public abstract long contentLength();

              @Override
              public void close() {}
            }
            """)
        .addSourceLines(
            "Api.java",
            """
            import java.io.IOException;
            import okhttp3.Call;
            import okhttp3.Response;
            import okhttp3.ResponseBody;

            class Api {
              int status(Call call) throws IOException {
                // BUG: Diagnostic contains: Response `response` acquired at line 9 is never closed
                Response response = call.execute();
                return response.code();
              }

              String text(Call call) throws IOException {
                try (Response response = call.execute()) {
                  return response.body().string();
                }
              }

              String closedThroughItsBody(Call call) throws IOException {
                Response response = call.execute();
                try (ResponseBody body = response.body()) {
                  return body.string();
                }
              }

              String readWhole(Call call) throws IOException {
                return call.execute().body().string();
              }

              String failed(Call call) throws IOException {
                Response response = call.execute();
                if (response.code() != 200) {
                  throw new IOException(new String(response.body().bytes()));
                }
                return response.body().string();
              }

              long bodyNeverClosed(Call call) throws IOException {
                // BUG: Diagnostic contains: Response returned by execute() at line 40 is never stored
                return call.execute().body().contentLength();
              }
            }
            """)
        .doTest();
  }

  /**
   * A response's entity written out whole ({@code response.getEntity().writeTo(out)}) releases the
   * connection when the write ends and aborts it when it fails: pusher-http-java's REST client
   * reads every body so (a FALSE "never closed" of the hundred-and-eighteenth holdout round). What
   * fails before the write still loses the response, and one whose entity nothing reads stays open.
   */
  @Test
  void anApacheResponseIsReleasedByWritingItsEntityOut() {
    HttpResponseStubs.addTo(helper)
        .addSourceLines(
            "Rest.java",
            """
            import java.io.ByteArrayOutputStream;
            import java.io.IOException;
            import org.apache.http.HttpResponse;
            import org.apache.http.impl.client.CloseableHttpClient;

            class Rest {
              private final CloseableHttpClient client;

              Rest(CloseableHttpClient client) {
                this.client = client;
              }

              String body(String uri) throws IOException {
                HttpResponse response = client.execute(uri);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                response.getEntity().writeTo(out);
                return out.toString("UTF-8");
              }

              String checkedFirst(String uri) throws IOException {
                // BUG: Diagnostic contains: CloseableHttpResponse `response` acquired at line 22 is not closed when `check(...)` at line 23 throws
                HttpResponse response = client.execute(uri);
                check(response);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                response.getEntity().writeTo(out);
                return out.toString("UTF-8");
              }

              boolean unread(String uri) throws IOException {
                // BUG: Diagnostic contains: CloseableHttpResponse `response` acquired at line 31 is never closed
                HttpResponse response = client.execute(uri);
                return response.getEntity() != null;
              }

              private static void check(HttpResponse response) throws IOException {
                if (response.getEntity() == null) {
                  throw new IOException("no body");
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * Apache HttpClient 4's other ways to release a response: the request it was executed for ({@code
   * request.releaseConnection()}, {@code reset()}, {@code abort()}, also through a helper of the
   * class that calls it), and its entity consumed ({@code EntityUtils.consume}), which closes the
   * content stream and with it the connection (jenkins-client's finally), or read whole ({@code
   * EntityUtils.toString}), which closes it too (Canal's error branch, which reads the body into
   * its exception). A request released only on the normal path still loses the response when the
   * call before it throws, and a body read only where the request failed leaves the other path
   * open.
   */
  @Test
  void anApacheResponseIsReleasedThroughItsRequestOrItsEntity() {
    helper
        .addSourceLines(
            "org/apache/http/HttpEntity.java",
            """
            package org.apache.http;

            public interface HttpEntity {}
            """)
        .addSourceLines(
            "org/apache/http/HttpResponse.java",
            """
            package org.apache.http;

            public interface HttpResponse {
              HttpEntity getEntity();
            }
            """)
        .addSourceLines(
            "org/apache/http/util/EntityUtils.java",
            """
            package org.apache.http.util;

            public final class EntityUtils {
              public static void consume(org.apache.http.HttpEntity entity)
                  throws java.io.IOException {}

              public static String toString(org.apache.http.HttpEntity entity)
                  throws java.io.IOException {
                return null;
              }
            }
            """)
        .addSourceLines(
            "org/apache/http/client/methods/AbstractExecutionAwareRequest.java",
            """
            package org.apache.http.client.methods;

            public abstract class AbstractExecutionAwareRequest {
              public void abort() {}

              public void reset() {}
            }
            """)
        .addSourceLines(
            "org/apache/http/client/methods/HttpRequestBase.java",
            """
            package org.apache.http.client.methods;

            public abstract class HttpRequestBase extends AbstractExecutionAwareRequest {
              public void releaseConnection() {}
            }
            """)
        .addSourceLines(
            "org/apache/http/client/methods/HttpGet.java",
            """
            package org.apache.http.client.methods;

            public class HttpGet extends HttpRequestBase {
              public HttpGet(String uri) {}
            }
            """)
        .addSourceLines(
            "org/apache/http/client/methods/CloseableHttpResponse.java",
            """
            package org.apache.http.client.methods;

            public interface CloseableHttpResponse extends org.apache.http.HttpResponse, java.io.Closeable {}
            """)
        .addSourceLines(
            "org/apache/http/impl/client/CloseableHttpClient.java",
            """
            package org.apache.http.impl.client;

            import org.apache.http.client.methods.CloseableHttpResponse;
            import org.apache.http.client.methods.HttpRequestBase;

            public abstract class CloseableHttpClient implements java.io.Closeable {
              public abstract CloseableHttpResponse execute(HttpRequestBase request)
                  throws java.io.IOException;
            }
            """)
        .addSourceLines(
            "Jobs.java",
            """
            import java.io.IOException;
            import org.apache.http.HttpResponse;
            import org.apache.http.client.methods.HttpGet;
            import org.apache.http.client.methods.HttpRequestBase;
            import org.apache.http.impl.client.CloseableHttpClient;
            import org.apache.http.util.EntityUtils;

            class Jobs {
              private final CloseableHttpClient client;

              Jobs(CloseableHttpClient client) {
                this.client = client;
              }

              boolean released(String uri) throws IOException {
                HttpGet get = new HttpGet(uri);
                HttpResponse response = client.execute(get);
                try {
                  return check(response);
                } finally {
                  get.releaseConnection();
                }
              }

              boolean releasedByAHelper(String uri) throws IOException {
                HttpGet get = new HttpGet(uri);
                HttpResponse response = client.execute(get);
                try {
                  return check(response);
                } finally {
                  release(get);
                }
              }

              boolean consumed(String uri) throws IOException {
                HttpResponse response = client.execute(new HttpGet(uri));
                try {
                  return check(response);
                } finally {
                  EntityUtils.consume(response.getEntity());
                }
              }

              String readBeforeItThrows(String uri) throws IOException {
                HttpResponse response = client.execute(new HttpGet(uri));
                if (failed(response)) {
                  throw new IOException("failed: " + EntityUtils.toString(response.getEntity()));
                }
                return EntityUtils.toString(response.getEntity());
              }

              String readOnlyOnTheErrorBranch(String uri) throws IOException {
                // BUG: Diagnostic contains: CloseableHttpResponse `response` acquired at line 54 is not closed when the `return` at line 58 is taken
                HttpResponse response = client.execute(new HttpGet(uri));
                if (failed(response)) {
                  throw new IOException("failed: " + EntityUtils.toString(response.getEntity()));
                }
                return response.toString();
              }

              boolean aborted(String uri) throws IOException {
                HttpGet get = new HttpGet(uri);
                HttpResponse response = client.execute(get);
                get.abort();
                return response != null;
              }

              boolean releasedOnlyWhenChecked(String uri) throws IOException {
                HttpGet get = new HttpGet(uri);
                // BUG: Diagnostic contains: CloseableHttpResponse `response` acquired at line 71 is not closed when `check(...)` at line 72 throws
                HttpResponse response = client.execute(get);
                boolean ok = check(response);
                get.releaseConnection();
                return ok;
              }

              private void release(HttpRequestBase request) {
                request.releaseConnection();
              }

              private boolean failed(HttpResponse response) {
                return response.getEntity() == null;
              }

              private boolean check(HttpResponse response) throws IOException {
                if (response.getEntity() == null) {
                  throw new IOException("no entity");
                }
                return true;
              }
            }
            """)
        .doTest();
  }

  /**
   * A client's {@code execute(request)} returns a response to close; {@code execute(request,
   * handler)} returns what the handler made of it (an {@code Integer}, a {@code String}) and closes
   * the response itself: a catalogue method acquires only where it returns something to close
   * (seisFile's FDSN querier, whose status code was taken for a response never stored).
   */
  @Test
  void apacheHttpClientResponses() {
    HttpResponseStubs.addTo(helper)
        .addSourceLines(
            "Hooks.java",
            """
            import java.io.IOException;
            import org.apache.http.client.methods.CloseableHttpResponse;
            import org.apache.http.impl.client.CloseableHttpClient;

            class Hooks {
              private final CloseableHttpClient client;

              Hooks(CloseableHttpClient client) {
                this.client = client;
              }

              int status(Object request) throws IOException {
                // BUG: Diagnostic contains: CloseableHttpResponse `response` acquired at line 14 is never closed
                CloseableHttpResponse response = client.execute(request);
                return response.getStatusCode();
              }

              int statusClosed(Object request) throws IOException {
                try (CloseableHttpResponse response = client.execute(request)) {
                  return response.getStatusCode();
                }
              }

              void handled(Object request) throws IOException {
                client.execute(request, response -> 0);
              }
            }
            """)
        .doTest();
  }

  /**
   * HttpClient 5's {@code executeOpen(target, request, context)}, which its 5.2 release made the
   * way to get a classic response that the caller reads and closes (its {@code execute(request)}
   * went deprecated), acquires as {@code execute} does, also through the client's interface
   * (WebDriverManager's HTTP client, which throws on an error status with the response open: a miss
   * of the ninety-seventh holdout round).
   */
  @Test
  void apacheHttpClient5OpenResponses() {
    HttpResponseStubs.addClassicTo(helper)
        .addSourceLines(
            "Fetcher.java",
            """
            import java.io.IOException;
            import org.apache.hc.client5.http.classic.HttpClient;
            import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
            import org.apache.hc.core5.http.ClassicHttpResponse;

            class Fetcher {
              private final CloseableHttpClient client;
              private final HttpClient api;

              Fetcher(CloseableHttpClient client, HttpClient api) {
                this.client = client;
                this.api = api;
              }

              ClassicHttpResponse fetch(Object request) throws IOException {
                // BUG: Diagnostic contains: ClassicHttpResponse `response` acquired at line 17 is not closed when the `throw` at line 19 is taken
                ClassicHttpResponse response = client.executeOpen(null, request, null);
                if (response.getCode() >= 400) {
                  throw new IOException("status " + response.getCode());
                }
                return response;
              }

              int status(Object request) throws IOException {
                // BUG: Diagnostic contains: ClassicHttpResponse returned by executeOpen() at line 26 is never stored
                return api.executeOpen(null, request, null).getCode();
              }

              int statusClosed(Object request) throws IOException {
                try (ClassicHttpResponse response = api.executeOpen(null, request, null)) {
                  return response.getCode();
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * A response's entity content is the response seen another way: closing the stream releases the
   * connection the response holds (HttpClient 4's and 5's response entity streams give it back to
   * the pool at their end, or abort it), so a reader over it closed, the stream returned, or given
   * to Commons IO's {@code FileUtils.copyInputStreamToFile}, which closes it, leaves nothing open
   * (WebDriverManager's callers of its client, said never stored). A stream read and dropped still
   * loses the response. HttpClient's {@code BasicResponseHandler} reads the entity whole, or
   * consumes it before it throws (the WeChat SDK's token refresh); a handler the method was given
   * takes the response as any callback does, and one that throws leaves it open.
   */
  @Test
  void anHttpResponsesContentIsTheResponse() {
    HttpResponseStubs.addClassicTo(HttpResponseStubs.addTo(helper))
        .addSourceLines(
            "org/apache/commons/io/FileUtils.java",
            """
            package org.apache.commons.io;

            public final class FileUtils {
              // Commons IO's closes the source; a stub's body need not say so: the catalogue does.
              public static void copyInputStreamToFile(java.io.InputStream source, java.io.File file)
                  throws java.io.IOException {}
            }
            """)
        .addSourceLines(
            "Bodies.java",
            """
            import java.io.BufferedReader;
            import java.io.File;
            import java.io.IOException;
            import java.io.InputStream;
            import java.io.InputStreamReader;
            import org.apache.commons.io.FileUtils;
            import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

            class Bodies {
              private final CloseableHttpClient client;
              private final org.apache.http.impl.client.CloseableHttpClient client4;

              Bodies(CloseableHttpClient client, org.apache.http.impl.client.CloseableHttpClient client4) {
                this.client = client;
                this.client4 = client4;
              }

              String firstLine(Object request) throws IOException {
                try (BufferedReader reader =
                    new BufferedReader(
                        new InputStreamReader(
                            client.executeOpen(null, request, null).getEntity().getContent()))) {
                  return reader.readLine();
                }
              }

              InputStream body(Object request) throws IOException {
                return client.executeOpen(null, request, null).getEntity().getContent();
              }

              int firstByte(Object request) throws IOException {
                InputStream content = client4.execute(request).getEntity().getContent();
                try (content) {
                  return content.read();
                }
              }

              void save(Object request, File file) throws IOException {
                FileUtils.copyInputStreamToFile(
                    client.executeOpen(null, request, null).getEntity().getContent(), file);
              }

              int peek(Object request) throws IOException {
                // BUG: Diagnostic contains: ClassicHttpResponse returned by executeOpen() at line 45 is never stored
                return client.executeOpen(null, request, null).getEntity().getContent().read();
              }

              String text(Object request) throws IOException {
                org.apache.http.client.methods.CloseableHttpResponse response = client4.execute(request);
                return new org.apache.http.impl.client.BasicResponseHandler().handleResponse(response);
              }

              String textOf(Object request, org.apache.http.client.ResponseHandler<String> handler)
                  throws IOException {
                // BUG: Diagnostic contains: CloseableHttpResponse `response` acquired at line 56 is not closed when `handler.handleResponse(...)` at line 57 throws
                org.apache.http.client.methods.CloseableHttpResponse response = client4.execute(request);
                return handler.handleResponse(response);
              }
            }
            """)
        .doTest();
  }

  /**
   * A project's own response handler that reads the entity whole ({@code EntityUtils.toString} of
   * {@code response.getEntity()}, kept in a local first) releases the response as HttpClient's
   * does, also called through a constant of its class declared as a {@code ResponseHandler} ({@code
   * Utf8ResponseHandler.INSTANCE.handleResponse(response)}, the WeChat SDK's, eight findings of a
   * holdout round said the responses were never closed). A handler of unknown class, or one that
   * reads only the status, leaves the response open.
   */
  @Test
  void aProjectsHandlerThatReadsTheEntityWholeReleasesTheResponse() {
    HttpResponseStubs.addTo(helper)
        .addSourceLines(
            "org/apache/http/util/EntityUtils.java",
            """
            package org.apache.http.util;

            public final class EntityUtils {
              // The catalogue says what these do; a stub's bodies need not.
              public static void consume(org.apache.http.HttpEntity entity) {}

              public static String toString(org.apache.http.HttpEntity entity) {
                return "";
              }
            }
            """)
        .addSourceLines(
            "Utf8ResponseHandler.java",
            """
            import java.io.IOException;
            import org.apache.http.HttpEntity;
            import org.apache.http.HttpResponse;
            import org.apache.http.client.ResponseHandler;
            import org.apache.http.util.EntityUtils;

            public class Utf8ResponseHandler implements ResponseHandler<String> {
              public static final ResponseHandler<String> INSTANCE = new Utf8ResponseHandler();

              @Override
              public String handleResponse(HttpResponse response) throws IOException {
                HttpEntity entity = response.getEntity();
                if (entity == null) {
                  return null;
                }
                return EntityUtils.toString(entity);
              }
            }
            """)
        .addSourceLines(
            "StatusOnly.java",
            """
            import org.apache.http.HttpResponse;
            import org.apache.http.client.ResponseHandler;

            public class StatusOnly implements ResponseHandler<String> {
              public static final ResponseHandler<String> INSTANCE = new StatusOnly();

              @Override
              public String handleResponse(HttpResponse response) {
                return "ok";
              }
            }
            """)
        .addSourceLines(
            "Api.java",
            """
            import java.io.IOException;
            import org.apache.http.HttpEntity;
            import org.apache.http.HttpResponse;
            import org.apache.http.client.ResponseHandler;
            import org.apache.http.client.methods.CloseableHttpResponse;
            import org.apache.http.impl.client.CloseableHttpClient;
            import org.apache.http.util.EntityUtils;

            class Api {
              private static final ResponseHandler<String> HANDLER = new Utf8ResponseHandler();

              String throughTheConstant(CloseableHttpClient client, Object request) throws IOException {
                CloseableHttpResponse response = client.execute(request);
                String text = Utf8ResponseHandler.INSTANCE.handleResponse(response);
                return text.trim();
              }

              String throughAConstantOfItsOwn(CloseableHttpClient client, Object request)
                  throws IOException {
                CloseableHttpResponse response = client.execute(request);
                String text = HANDLER.handleResponse(response);
                return text.trim();
              }

              String throughAHelper(CloseableHttpClient client, Object request) throws IOException {
                CloseableHttpResponse response = client.execute(request);
                String text = read(response);
                return text.trim();
              }

              int statusOnly(CloseableHttpClient client, Object request) throws IOException {
                // BUG: Diagnostic contains: CloseableHttpResponse `response` acquired at line 33 is never closed
                CloseableHttpResponse response = client.execute(request);
                String text = StatusOnly.INSTANCE.handleResponse(response);
                return text.length();
              }

              private static String read(HttpResponse response) throws IOException {
                HttpEntity entity = response.getEntity();
                return entity == null ? null : EntityUtils.toString(entity);
              }
            }
            """)
        .doTest();
  }

  /**
   * Closing the client that made a response shuts down its connection manager, and with it the
   * connection under the response: the Redshift driver's SAML plugins build a client per call,
   * close it in a {@code finally} (through a quiet closer), and throw inside the {@code try} when
   * the status is not 200, where the response was said lost. So does a client a try-with-resources
   * declares, closed on every way out of its block (Moco's request action, whose response was said
   * never closed: round 126's FALSE). A client closed only on the normal path, or one kept in a
   * field, releases nothing on the throw.
   */
  @Test
  void closingTheClientReleasesTheResponsesItMade() {
    HttpResponseStubs.addTo(helper)
        .addSourceLines(
            "Saml.java",
            """
            import java.io.IOException;
            import org.apache.http.client.methods.CloseableHttpResponse;
            import org.apache.http.impl.client.CloseableHttpClient;

            abstract class Saml {
              private final CloseableHttpClient shared;

              Saml(CloseableHttpClient shared) {
                this.shared = shared;
              }

              abstract CloseableHttpClient newClient();

              int perCall(Object request) throws IOException {
                CloseableHttpClient client = newClient();
                try {
                  CloseableHttpResponse response = client.execute(request);
                  if (response.getStatusCode() != 200) {
                    throw new IOException("status " + response.getStatusCode());
                  }
                  int status = response.getStatusCode();
                  response.close();
                  return status;
                } finally {
                  client.close();
                }
              }

              int perCallClosedQuietly(Object request) throws IOException {
                CloseableHttpClient client = null;
                try {
                  client = newClient();
                  CloseableHttpResponse response = client.execute(request);
                  if (response.getStatusCode() != 200) {
                    throw new IOException("status " + response.getStatusCode());
                  }
                  response.close();
                  return 200;
                } finally {
                  closeQuietly(client);
                }
              }

              private static void closeQuietly(java.io.Closeable closeable) {
                try {
                  if (closeable != null) {
                    closeable.close();
                  }
                } catch (IOException ignored) {
                  // nothing to do
                }
              }

              int closedOnlyAtTheEnd(Object request) throws IOException {
                CloseableHttpClient client = newClient();
                // BUG: Diagnostic contains: is not closed when the `throw` at line 59 is taken
                CloseableHttpResponse response = client.execute(request);
                if (response.getStatusCode() != 200) {
                  throw new IOException("status " + response.getStatusCode());
                }
                response.close();
                client.close();
                return 200;
              }

              int onTheSharedClient(Object request) throws IOException {
                // BUG: Diagnostic contains: is not closed when the `throw` at line 70 is taken
                CloseableHttpResponse response = shared.execute(request);
                if (response.getStatusCode() != 200) {
                  throw new IOException("status " + response.getStatusCode());
                }
                response.close();
                return 200;
              }

              void inATryWithResources(Object request) throws IOException {
                try (CloseableHttpClient client = newClient()) {
                  CloseableHttpResponse response = client.execute(request);
                  System.out.println(response.getStatusCode());
                }
              }

              void onTheSharedClientInATryWithResources(Object request) throws IOException {
                try (CloseableHttpClient client = newClient()) {
                  // BUG: Diagnostic contains: CloseableHttpResponse `response` acquired at line 86 is never closed
                  CloseableHttpResponse response = shared.execute(request);
                  System.out.println(response.getStatusCode() + client.hashCode());
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void aUsersCloserAndTheUncheckedPaths() {
    helper
        .addSourceLines(
            "com/acme/Io.java",
            """
            package com.acme;

            public final class Io {
              public static native void release(java.io.Closeable closeable);
            }
            """)
        .addSourceLines(
            "Copies.java",
            """
            import com.acme.Io;
            import java.io.FileInputStream;
            import java.io.IOException;
            import java.util.List;

            class Copies {
              int first(String name) throws IOException {
                FileInputStream in = new FileInputStream(name);
                try {
                  return in.read();
                } finally {
                  Io.release(in);
                }
              }

              void remember(String name, List<Object> seen) throws IOException {
                // BUG: Diagnostic contains: FileInputStream `in` acquired at line 18 is not closed when `seen.add(...)` at line 19 throws
                FileInputStream in = new FileInputStream(name);
                seen.add(name);
                in.close();
              }
            }
            """)
        .setArgs(
            "-XepOpt:ResourceLeak:Closers=com.acme.Io#release",
            "-XepOpt:ResourceLeak:UncheckedExceptionPaths=true")
        .doTest();
  }

  @Test
  void filesStreamsAreStreamResourceLeaksWhileThatCheckIsOn() {
    String source =
        """
        import java.io.IOException;
        import java.nio.file.Files;
        import java.nio.file.Path;

        class Lines {
          long count(Path path) throws IOException {
            // BUG: Diagnostic matches: report
            return Files.lines(path).count();
          }
        }
        """;
    helper
        .addSourceLines("Lines.java", source)
        .expectErrorMessage("report", message -> false)
        .expectNoDiagnostics()
        .doTest();
    CompilationTestHelper.newInstance(ResourceLeak.class, getClass())
        .addSourceLines("Lines.java", source)
        // Every other check off, StreamResourceLeak among them.
        .setArgs("-XepDisableAllChecks", "-Xep:ResourceLeak:WARN")
        .expectErrorMessage(
            "report", message -> message.contains("Stream returned by lines() at line 8"))
        .doTest();
  }

  @Test
  void aUsersAcquirer() {
    helper
        .addSourceLines(
            "com/acme/Pipes.java",
            """
            package com.acme;

            public final class Pipes {
              public static java.io.InputStream open(String name) {
                return null;
              }
            }
            """)
        .addSourceLines(
            "Reader.java",
            """
            import com.acme.Pipes;
            import java.io.IOException;
            import java.io.InputStream;

            class Reader {
              int first(String name) throws IOException {
                // BUG: Diagnostic contains: InputStream `in` acquired at line 8 is never closed
                InputStream in = Pipes.open(name);
                return in.read();
              }
            }
            """)
        .setArgs("-XepOpt:ResourceLeak:Acquirers=com.acme.Pipes#open")
        .doTest();
  }

  @Test
  void fixWrapsTheRestOfTheBlockInTryWithResources() {
    BugCheckerRefactoringTestHelper.newInstance(ResourceLeak.class, getClass())
        .addInputLines(
            "Copy.java",
            """
            import java.io.File;
            import java.io.FileInputStream;
            import java.io.IOException;
            import java.io.OutputStream;

            class Copy {
              void copy(File from, OutputStream to) throws IOException {
                FileInputStream in = new FileInputStream(from);
                byte[] buffer = new byte[8192];
                for (int n; (n = in.read(buffer)) > 0; ) {
                  to.write(buffer, 0, n);
                }
                in.close();
              }
            }
            """)
        .addOutputLines(
            "Copy.java",
            """
            import java.io.File;
            import java.io.FileInputStream;
            import java.io.IOException;
            import java.io.OutputStream;

            class Copy {
              void copy(File from, OutputStream to) throws IOException {
                try (FileInputStream in = new FileInputStream(from)) {
                  byte[] buffer = new byte[8192];
                  for (int n; (n = in.read(buffer)) > 0; ) {
                    to.write(buffer, 0, n);
                  }
                }
              }
            }
            """)
        .doTest(TEXT_MATCH);
  }

  /** commons-jcs3's discovery receiver: open().setOption(...).bind(...) is the channel opened. */
  @Test
  void aFluentCallHandsBackTheResourceItself() {
    helper
        .addSourceLines(
            "Channels.java",
            """
            import java.io.IOException;
            import java.net.StandardSocketOptions;
            import java.nio.channels.DatagramChannel;
            import java.nio.channels.FileChannel;
            import java.nio.file.Path;

            class Channels {
              private DatagramChannel channel;

              void open() throws IOException {
                channel = DatagramChannel.open().setOption(StandardSocketOptions.SO_REUSEADDR, true);
              }

              void close() throws IOException {
                channel.close();
              }

              long lost(Path path) throws IOException {
                // BUG: Diagnostic contains: FileChannel returned by open() at line 20 is never stored
                return FileChannel.open(path).size();
              }
            }
            """)
        .doTest();
  }
}
