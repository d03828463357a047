package io.github.leakprone.checks;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * A project's own methods that make a stream, reader, writer or socket, named like a factory
 * ({@code open*}, {@code create*}, {@code new*}, {@code get*Stream}, {@code get*Reader}, {@code
 * get*Writer}): where the body is in sight (the same file, or another javac compiles with it), it
 * decides whether what the call returns is new; out of sight, the call acquires nothing.
 */
final class ResourceLeakFactoriesTest {

  private static final String GENERATOR =
      """
      package com.acme;

      import java.io.BufferedInputStream;
      import java.io.BufferedWriter;
      import java.io.ByteArrayInputStream;
      import java.io.File;
      import java.io.FileInputStream;
      import java.io.FileOutputStream;
      import java.io.FileWriter;
      import java.io.IOException;
      import java.io.InputStream;
      import java.io.OutputStreamWriter;
      import java.io.Reader;
      import java.io.StringReader;
      import java.io.Writer;
      import java.nio.charset.Charset;

      public class Generator {
        private final InputStream template;
        private final byte[] buffered;
        private final File spilled;

        public Generator(InputStream template, byte[] buffered, File spilled) {
          this.template = template;
          this.buffered = buffered;
          this.spilled = spilled;
        }

        public Writer getWriter(String path, String encoding) throws IOException {
          Writer writer;
          if (encoding == null) {
            writer = new FileWriter(path);
          } else {
            // A charset, not its name: the writer's constructor cannot fail and lose the stream.
            Charset charset = Charset.forName(encoding);
            writer = new BufferedWriter(new OutputStreamWriter(new FileOutputStream(path), charset));
          }
          return writer;
        }

        public InputStream getInputStream() throws IOException {
          if (spilled == null) {
            return new ByteArrayInputStream(buffered);
          }
          return new BufferedInputStream(new FileInputStream(spilled));
        }

        public InputStream getTemplateStream() {
          return template;
        }

        public Reader newReader(String text) {
          return new StringReader(text);
        }
      }
      """;

  private static final String LOADER =
      """
      package com.acme;

      import java.io.IOException;
      import java.io.Reader;

      public interface Loader {
        Reader getScriptReader(String name) throws IOException;
      }
      """;

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(ResourceLeak.class, getClass());

  @Test
  void aFactoryInSightWhoseBodyMakesOneAcquires() {
    helper
        .addSourceLines("com/acme/Generator.java", GENERATOR)
        .addSourceLines(
            "Texen.java",
            """
            import com.acme.Generator;
            import java.io.IOException;
            import java.io.InputStream;
            import java.io.Writer;

            class Texen {
              void render(Generator generator, String path, String text) throws IOException {
                // BUG: Diagnostic contains: Writer `writer` acquired at line 9 is not closed when `writer.write(...)` at line 10 throws
                Writer writer = generator.getWriter(path, "UTF-8");
                writer.write(text);
                writer.close();
              }

              int deliver(Generator generator) throws IOException {
                // BUG: Diagnostic contains: InputStream returned by getInputStream() at line 16 is never stored
                return generator.getInputStream().read();
              }

              void renderSafely(Generator generator, String path, String text) throws IOException {
                try (Writer writer = generator.getWriter(path, null)) {
                  writer.write(text);
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * A helper in sight that opens a stream into a local and returns a decorator made around that
   * local (JLayer's {@code openInput}: {@code fileIn = new FileInputStream(file); bufIn = new
   * BufferedInputStream(fileIn); return bufIn}) hands out a new resource, as one that returns the
   * decorator made around the constructor call; one that decorates a stream it was given does not.
   */
  @Test
  void aHelperReturningADecoratorOverALocalItOpenedAcquires() {
    helper
        .addSourceLines(
            "Converter.java",
            """
            import java.io.BufferedInputStream;
            import java.io.File;
            import java.io.FileInputStream;
            import java.io.IOException;
            import java.io.InputStream;

            class Converter {
              void convert(String name) throws IOException {
                // BUG: Diagnostic contains: InputStream `in` acquired at line 10 is not closed when `decode(...)` at line 11 throws
                InputStream in = openInput(name);
                decode(in);
                in.close();
              }

              void convertBuffered(InputStream source) throws IOException {
                InputStream in = buffered(source);
                decode(in);
              }

              protected InputStream openInput(String fileName) throws IOException {
                File file = new File(fileName);
                InputStream fileIn = new FileInputStream(file);
                BufferedInputStream bufIn = new BufferedInputStream(fileIn);
                return bufIn;
              }

              private InputStream buffered(InputStream source) {
                InputStream given = source;
                return new BufferedInputStream(given);
              }

              private void decode(InputStream in) throws IOException {
                if (in.read() < 0) {
                  throw new IOException("empty");
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * A project's {@code connect*} method that returns a new socket it has connected is a factory
   * (jodd-http's {@code Sockets.connect(host, port)}, whose tunnel loses the socket when a write to
   * it fails); one that connects the socket it is given and returns it makes nothing new.
   */
  @Test
  void aConnectMethodThatReturnsANewSocketAcquires() {
    helper
        .addSourceLines(
            "Tunnel.java",
            """
            import java.io.IOException;
            import java.io.OutputStream;
            import java.net.InetAddress;
            import java.net.InetSocketAddress;
            import java.net.Socket;

            class Tunnel {
              static Socket connect(InetAddress host, int port) throws IOException {
                Socket socket = new Socket();
                socket.connect(new InetSocketAddress(host, port));
                return socket;
              }

              static Socket connect(Socket socket, InetAddress host, int port) throws IOException {
                socket.connect(new InetSocketAddress(host, port));
                return socket;
              }

              void relay(InetAddress host, int port, byte[] request) throws IOException {
                // BUG: Diagnostic contains: Socket `target` acquired at line 21 is not closed when `out.write(...)` at line 23 throws
                Socket target = connect(host, port);
                OutputStream out = target.getOutputStream();
                out.write(request);
                target.close();
              }

              void reuse(Socket socket, InetAddress host, int port, byte[] request) throws IOException {
                Socket target = connect(socket, host, port);
                target.getOutputStream().write(request);
              }
            }
            """)
        .doTest();
  }

  /**
   * A project's {@code acquire*} method is named for what it makes, as a JDBC pool's {@code
   * acquireConnection()} is: Taglibs' {@code <c:import>} reads the reader {@code acquireReader()}
   * makes over a URL connection's stream and never closes it (a holdout round's miss). One that
   * hands out what its object holds makes nothing.
   */
  @Test
  void anAcquireMethodThatReturnsANewReaderAcquires() {
    helper
        .addSourceLines(
            "Import.java",
            """
            import java.io.BufferedReader;
            import java.io.IOException;
            import java.io.InputStreamReader;
            import java.io.Reader;
            import java.net.URL;
            import java.net.URLConnection;

            class Import {
              private Reader held;

              String acquireString(URL url) throws IOException {
                // BUG: Diagnostic contains: BufferedReader `r` over the Reader acquired at line 13 is never closed
                BufferedReader r = new BufferedReader(acquireReader(url));
                StringBuilder sb = new StringBuilder();
                for (int c; (c = r.read()) != -1; ) {
                  sb.append((char) c);
                }
                return sb.toString();
              }

              int firstOfHeld() throws IOException {
                return acquireHeld().read();
              }

              private Reader acquireReader(URL url) throws IOException {
                URLConnection connection = url.openConnection();
                return new InputStreamReader(connection.getInputStream(), "UTF-8");
              }

              private Reader acquireHeld() {
                return held;
              }
            }
            """)
        .doTest();
  }

  @Test
  void aGetterOfWhatItsObjectHoldsOrAnInMemoryOneMakesNothing() {
    helper
        .addSourceLines("com/acme/Generator.java", GENERATOR)
        .addSourceLines("com/acme/Loader.java", LOADER)
        .addSourceLines(
            "Reading.java",
            """
            import com.acme.Generator;
            import com.acme.Loader;
            import java.io.IOException;
            import java.io.Reader;

            class Reading {
              int template(Generator generator) throws IOException {
                return generator.getTemplateStream().read();
              }

              int inMemory(Generator generator) throws IOException {
                return generator.newReader("text").read();
              }

              int outOfSight(Loader loader) throws IOException {
                Reader reader = loader.getScriptReader("001_create.sql");
                return reader.read();
              }
            }
            """)
        .doTest();
  }

  /**
   * A project's helper that runs an HTTP request ({@code execute*}) and hands on the response makes
   * one where its body returns what the client's {@code execute} made (Commons VFS's {@code
   * executeHttpUriRequest}, whose callers throw on a status other than 200 with the response open);
   * one that reads the response and closes it hands on nothing to close.
   */
  @Test
  void aHelperThatRunsARequestAndReturnsTheResponseMakesOne() {
    HttpResponseStubs.addTo(helper)
        .addSourceLines(
            "HttpFile.java",
            """
            import java.io.IOException;
            import org.apache.http.client.methods.CloseableHttpResponse;
            import org.apache.http.impl.client.CloseableHttpClient;

            class HttpFile {
              private final CloseableHttpClient client;

              HttpFile(CloseableHttpClient client) {
                this.client = client;
              }

              void exists(Object request) throws IOException {
                // BUG: Diagnostic contains: CloseableHttpResponse `response` acquired at line 14 is not closed when the `throw` at line 16 is taken
                CloseableHttpResponse response = executeRequest(request);
                if (response.getStatusCode() != 200) {
                  throw new IOException("not found");
                }
                response.close();
              }

              int status(Object request) throws IOException {
                return executeAndRead(request);
              }

              CloseableHttpResponse executeRequest(Object request) throws IOException {
                return client.execute(request);
              }

              int executeAndRead(Object request) throws IOException {
                try (CloseableHttpResponse response = client.execute(request)) {
                  return response.getStatusCode();
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * A factory in sight that keeps one of its arguments (Felix's {@code SecureAction.getInputStream
   * (file)}, which hands the file to a privileged action's {@code set(...)} when a security manager
   * runs) still makes the stream it returns: its caller must close that, as any other.
   */
  @Test
  void aFactoryThatKeepsAnArgumentStillMakesWhatItReturns() {
    helper
        .addSourceLines(
            "Secure.java",
            """
            import java.io.File;
            import java.io.IOException;
            import java.io.InputStream;
            import java.nio.file.Files;
            import java.util.ArrayList;
            import java.util.List;

            public class Secure {
              private final List<File> asked = new ArrayList<>();

              public InputStream getInputStream(File file) throws IOException {
                asked.add(file);
                return Files.newInputStream(file.toPath());
              }
            }
            """)
        .addSourceLines(
            "Cache.java",
            """
            import java.io.File;
            import java.io.IOException;
            import java.io.InputStream;
            import java.util.Properties;

            class Cache {
              Properties read(Secure secure, File cached) throws IOException {
                Properties props = new Properties();
                // BUG: Diagnostic contains: InputStream `input` acquired at line 10 is not closed when `props.load(...)` at line 11 throws
                InputStream input = secure.getInputStream(cached);
                props.load(input);
                input.close();
                return props;
              }
            }
            """)
        .doTest();
  }

  /**
   * A factory whose body returns a view of what it opens (LTS's {@code newFileChannel(file, mode)}:
   * {@code return new RandomAccessFile(file, mode).getChannel()}, in another file; a socket's
   * stream) hands out that new resource, which its caller closes through the view: a holdout
   * round's miss. One that returns a view of what it was given makes nothing new.
   */
  @Test
  void aFactoryReturningAViewOfWhatItOpensAcquires() {
    helper
        .addSourceLines(
            "com/acme/Files2.java",
            """
            package com.acme;

            import java.io.File;
            import java.io.FileNotFoundException;
            import java.io.IOException;
            import java.io.InputStream;
            import java.io.RandomAccessFile;
            import java.net.Socket;
            import java.nio.channels.FileChannel;

            public final class Files2 {
              public static FileChannel newFileChannel(File file, String mode)
                  throws FileNotFoundException {
                return new RandomAccessFile(file, mode).getChannel();
              }

              public static InputStream openStream(String host, int port) throws IOException {
                Socket socket = new Socket(host, port);
                return socket.getInputStream();
              }

              public static FileChannel newChannel(RandomAccessFile file) {
                return file.getChannel();
              }
            }
            """)
        .addSourceLines(
            "Snapshots.java",
            """
            import com.acme.Files2;
            import java.io.File;
            import java.io.IOException;
            import java.io.RandomAccessFile;
            import java.nio.ByteBuffer;
            import java.nio.channels.FileChannel;

            class Snapshots {
              void write(File snapshot, ByteBuffer payload) throws IOException {
                // BUG: Diagnostic contains: FileChannel `channel` acquired at line 11 is not closed when `channel.write(...)` at line 12 throws
                FileChannel channel = Files2.newFileChannel(snapshot, "rw");
                channel.write(payload);
                channel.close();
              }

              int peek(String host) throws IOException {
                // BUG: Diagnostic contains: InputStream returned by openStream() at line 18 is never stored
                return Files2.openStream(host, 80).read();
              }

              void safely(File snapshot, ByteBuffer payload) throws IOException {
                try (FileChannel channel = Files2.newFileChannel(snapshot, "rw")) {
                  channel.write(payload);
                }
              }

              void given(RandomAccessFile file, ByteBuffer payload) throws IOException {
                FileChannel channel = Files2.newChannel(file);
                channel.write(payload);
              }
            }
            """)
        .doTest();
  }
}
