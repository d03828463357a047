package io.github.leakprone.checks;

import static com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode.TEXT_MATCH;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * A class of the project that opens a file, a socket or a stream in its constructor, keeps it in a
 * field and releases it in its {@code close()} is a resource itself (RDF4J's {@code DataFile},
 * Mavibot's stores): a new one must be closed as what it opened must. Not a class that only keeps
 * what it is given (a decorator, judged as one), nor one whose {@code close()} does not name what
 * it opened.
 */
// TEXT_MATCH is deprecated from Error Prone 2.43 on, where it is doTest()'s default; 2.42.0, which
// JDK 17 runs, still defaults to AST_MATCH, so the tests name the mode.
@SuppressWarnings("deprecation")
final class ResourceLeakProjectClassesTest {

  /** Opens its file in the constructor, checks it, and closes it in close(). */
  private static final String DATA_FILE =
      """
      package com.acme;

      import java.io.Closeable;
      import java.io.File;
      import java.io.IOException;
      import java.nio.channels.FileChannel;
      import java.nio.file.StandardOpenOption;

      public class DataFile implements Closeable {
        private final FileChannel channel;

        public DataFile(File file) throws IOException {
          this.channel = FileChannel.open(file.toPath(), StandardOpenOption.READ);
        }

        public long size() throws IOException {
          return channel.size();
        }

        @Override
        public void close() throws IOException {
          channel.close();
        }
      }
      """;

  /** Opens two data files through a private step; close() releases them through another. */
  private static final String STORE =
      """
      package com.acme;

      import java.io.Closeable;
      import java.io.File;
      import java.io.IOException;

      public final class Store implements Closeable {
        private DataFile values;
        private String name;

        public Store(File dir) throws IOException {
          open(dir);
          name = dir.getName();
        }

        private void open(File dir) throws IOException {
          values = new DataFile(new File(dir, "values.dat"));
        }

        public long size() throws IOException {
          return values.size();
        }

        @Override
        public void close() throws IOException {
          closeFiles();
        }

        private void closeFiles() throws IOException {
          values.close();
        }
      }
      """;

  /** A decorator of the project that can also open its own file for its superclass to keep. */
  private static final String COUNTED =
      """
      package com.acme;

      import java.io.File;
      import java.io.FileInputStream;
      import java.io.FilterInputStream;
      import java.io.IOException;
      import java.io.InputStream;

      public class Counted extends FilterInputStream {
        public Counted(File file) throws IOException {
          super(new FileInputStream(file));
        }

        public Counted(InputStream in) {
          super(in);
        }
      }
      """;

  /** Keeps the stream it is given and opens nothing itself. */
  private static final String COUNTING =
      """
      package com.acme;

      import java.io.Closeable;
      import java.io.IOException;
      import java.io.InputStream;

      public class Counting implements Closeable {
        private final InputStream in;
        private long count;

        public Counting(InputStream in) {
          this.in = in;
          this.count = 0;
        }

        @Override
        public void close() throws IOException {
          in.close();
        }
      }
      """;

  /** Opens a file and reads its header in the constructor, keeping nothing open. */
  private static final String HEADER =
      """
      package com.acme;

      import java.io.Closeable;
      import java.io.DataInputStream;
      import java.io.File;
      import java.io.FileInputStream;
      import java.io.IOException;

      public class Header implements Closeable {
        private final int version;
        private boolean closed;

        public Header(File file) throws IOException {
          try (DataInputStream in = new DataInputStream(new FileInputStream(file))) {
            version = in.readInt();
          }
        }

        public int version() {
          return version;
        }

        @Override
        public void close() {
          closed = true;
        }
      }
      """;

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(ResourceLeak.class, getClass());

  /**
   * A project class older than {@code AutoCloseable}: a {@code close()} of its own closes the file
   * its constructor opens (winzipaes's {@code ExtRandomAccessFile}).
   */
  private static final String RANDOM_FILE =
      """
      package com.acme;

      import java.io.File;
      import java.io.IOException;
      import java.io.RandomAccessFile;

      public class RandomFile {
        private final RandomAccessFile file;

        public RandomFile(File name) throws IOException {
          file = new RandomAccessFile(name, "r");
        }

        public int readInt() throws IOException {
          return file.readInt();
        }

        public void close() throws IOException {
          file.close();
        }
      }
      """;

  @Test
  void aClassThatOpensAFileIntoAFieldItClosesIsAResource() {
    helper
        .addSourceLines("com/acme/DataFile.java", DATA_FILE)
        .addSourceLines("com/acme/Store.java", STORE)
        .addSourceLines(
            "Sizes.java",
            """
            import com.acme.DataFile;
            import com.acme.Store;
            import java.io.File;
            import java.io.IOException;

            class Sizes {
              long dataFile(File file) throws IOException {
                // BUG: Diagnostic contains: [ResourceLeak] DataFile `data` acquired at line 9 is never closed
                DataFile data = new DataFile(file);
                return data.size();
              }

              long store(File dir) throws IOException {
                // BUG: Diagnostic contains: [ResourceLeak] Store `store` acquired at line 15 is not closed when `store.size()` at line 16 throws
                Store store = new Store(dir);
                long size = store.size();
                store.close();
                return size;
              }

              long closed(File file) throws IOException {
                try (DataFile data = new DataFile(file)) {
                  return data.size();
                }
              }

              DataFile handedOn(File file) throws IOException {
                return new DataFile(file);
              }
            }
            """)
        .doTest();
  }

  /**
   * A class older than Java 7's {@code AutoCloseable}, with a {@code close()} of its own that
   * closes what its constructor opened, is as much a resource (winzipaes's {@code
   * ExtRandomAccessFile}, which its decrypter opens in its constructor and loses when the file is
   * no zip, a holdout round's miss): the fix closes it in a {@code finally}, as a pool's physical
   * connection. One whose {@code close()} closes nothing it opened is none, nor one whose {@code
   * close()} is private, its own last step (Thrift's acceptor thread closes its selector when its
   * {@code run()} ends). One that opens such a class into a field its {@code close()} closes is a
   * resource too (JDBM's record manager over its record file, a miss of the hundred-and-tenth
   * holdout round).
   */
  @Test
  void aClassWithACloseOfItsOwnThatIsNotAutoCloseableIsAResource() {
    helper
        .addSourceLines("com/acme/RandomFile.java", RANDOM_FILE)
        .addSourceLines(
            "com/acme/Worker.java",
            """
            package com.acme;

            import java.io.File;
            import java.io.IOException;
            import java.io.RandomAccessFile;

            public class Worker extends Thread {
              private final RandomAccessFile journal;

              public Worker(File name) throws IOException {
                journal = new RandomAccessFile(name, "rw");
              }

              @Override
              public void run() {
                try {
                  journal.writeInt(1);
                } catch (IOException e) {
                  // logged
                } finally {
                  close();
                }
              }

              private void close() {
                try {
                  journal.close();
                } catch (IOException e) {
                  // logged
                }
              }
            }
            """)
        .addSourceLines(
            "com/acme/Store.java",
            """
            package com.acme;

            import java.io.File;
            import java.io.IOException;

            public class Store {
              private final RandomFile file;

              public Store(File name) throws IOException {
                file = new RandomFile(name);
              }

              public int size() throws IOException {
                return file.readInt();
              }

              public void close() throws IOException {
                file.close();
              }
            }
            """)
        .addSourceLines(
            "com/acme/Counter.java",
            """
            package com.acme;

            public class Counter {
              private int count;

              public Counter(int start) {
                count = start;
              }

              public void close() {
                count = 0;
              }
            }
            """)
        .addSourceLines(
            "Decrypter.java",
            """
            import com.acme.Counter;
            import com.acme.RandomFile;
            import java.io.File;
            import java.io.IOException;

            class Decrypter {
              private final RandomFile file;

              Decrypter(File zip) throws IOException {
                // BUG: Diagnostic contains: RandomFile `file` acquired at line 11 is not closed
                file = new RandomFile(zip);
                if (file.readInt() != 0x04034b50) {
                  throw new IOException("not a zip");
                }
              }

              int magic(File zip) throws IOException {
                // BUG: Diagnostic contains: RandomFile `header` acquired at line 19 is
                RandomFile header = new RandomFile(zip);
                return header.readInt();
              }

              int closed(File zip) throws IOException {
                RandomFile header = new RandomFile(zip);
                try {
                  return header.readInt();
                } finally {
                  header.close();
                }
              }

              int counted() {
                Counter counter = new Counter(1);
                return counter.hashCode();
              }

              int stored(File zip) throws IOException {
                // BUG: Diagnostic contains: Store `store` acquired at line 39 is never closed
                com.acme.Store store = new com.acme.Store(zip);
                return store.size();
              }

              void work(File journal) throws IOException {
                new com.acme.Worker(journal).start();
              }

              void close() throws IOException {
                file.close();
              }
            }
            """)
        .doTest();
  }

  /**
   * A method of the class that closes everything its {@code close()} closes ends the object as
   * {@code close()} does: winzipaes's {@code ExtZipOutputStream.finish()} writes the zip's central
   * directory and closes the file, and its callers then drop the object (a FALSE of the evaluation,
   * named as lost at the {@code zos = null} after it). One that closes only part of it ({@code
   * closeInput()} of a pair whose {@code close()} closes both) ends nothing, nor one that opens the
   * field again (a journal's {@code roll()}).
   */
  @Test
  void aMethodThatClosesWhatCloseClosesEndsTheObject() {
    helper
        .addSourceLines(
            "com/acme/ZipWriter.java",
            """
            package com.acme;

            import java.io.File;
            import java.io.FileOutputStream;
            import java.io.IOException;
            import java.io.OutputStream;

            public class ZipWriter {
              protected OutputStream out;

              public ZipWriter(File file) throws IOException {
                out = new FileOutputStream(file);
              }

              public void write(byte[] bytes) throws IOException {
                out.write(bytes);
              }

              public void finish() throws IOException {
                out.write(0x06054b50);
                out.close();
              }

              public void close() throws IOException {
                out.close();
              }
            }
            """)
        .addSourceLines(
            "com/acme/Pipe.java",
            """
            package com.acme;

            import java.io.File;
            import java.io.FileInputStream;
            import java.io.IOException;
            import java.io.InputStream;
            import java.io.OutputStream;

            public class Pipe {
              private final InputStream in;
              private final OutputStream out;

              public Pipe(File from, OutputStream to) throws IOException {
                in = new FileInputStream(from);
                out = to;
              }

              public void closeInput() throws IOException {
                in.close();
              }

              public void close() throws IOException {
                in.close();
                out.close();
              }
            }
            """)
        .addSourceLines(
            "com/acme/Journal.java",
            """
            package com.acme;

            import java.io.File;
            import java.io.FileOutputStream;
            import java.io.IOException;
            import java.io.OutputStream;

            public class Journal {
              private final File file;
              private OutputStream out;

              public Journal(File file) throws IOException {
                this.file = file;
                out = new FileOutputStream(file);
              }

              public void roll() throws IOException {
                out.close();
                out = new FileOutputStream(file);
              }

              public void close() throws IOException {
                out.close();
              }
            }
            """)
        .addSourceLines(
            "Unpacker.java",
            """
            import com.acme.Journal;
            import com.acme.Pipe;
            import com.acme.ZipWriter;
            import java.io.File;
            import java.io.IOException;
            import java.io.OutputStream;

            class Unpacker {
              void decrypt(File tmp, byte[] data) throws IOException {
                ZipWriter zos = null;
                try {
                  zos = new ZipWriter(tmp);
                  zos.write(data);
                  zos.finish();
                  zos = null;
                } finally {
                  if (zos != null) {
                    zos.close();
                  }
                }
              }

              void copy(File from, OutputStream to) throws IOException {
                // BUG: Diagnostic contains: Pipe `pipe` acquired at line 25 is never closed
                Pipe pipe = new Pipe(from, to);
                pipe.closeInput();
              }

              void log(File file) throws IOException {
                // BUG: Diagnostic contains: Journal `journal` acquired at line 31 is never closed
                Journal journal = new Journal(file);
                journal.roll();
              }
            }
            """)
        .doTest();
  }

  @Test
  void aClassThatGivesItsSuperclassWhatItOpensIsAResource() {
    helper
        .addSourceLines("com/acme/Counted.java", COUNTED)
        .addSourceLines(
            "Reads.java",
            """
            import com.acme.Counted;
            import java.io.File;
            import java.io.IOException;
            import java.io.InputStream;

            class Reads {
              int opened(File file) throws IOException {
                // BUG: Diagnostic contains: [ResourceLeak] Counted `counted` acquired at line 9 is never closed
                Counted counted = new Counted(file);
                return counted.read();
              }

              int given(InputStream in) throws IOException {
                Counted counted = new Counted(in);
                return counted.read();
              }
            }
            """)
        .doTest();
  }

  @Test
  void aClassThatKeepsOnlyWhatItIsGivenOrOpensNothingItKeepsIsNone() {
    helper
        .addSourceLines("com/acme/Counting.java", COUNTING)
        .addSourceLines("com/acme/Header.java", HEADER)
        .addSourceLines(
            "Reads.java",
            """
            import com.acme.Counting;
            import com.acme.Header;
            import java.io.File;
            import java.io.IOException;
            import java.io.InputStream;

            class Reads {
              void counting(InputStream in) {
                Counting counting = new Counting(in);
              }

              int header(File file) throws IOException {
                Header header = new Header(file);
                return header.version();
              }
            }
            """)
        .doTest();
  }

  /**
   * A class whose constructor opens its file into a field and closes it again before it returns (a
   * {@code finally} of a step it runs) holds nothing once it is built: OpenPDF's {@code new
   * PdfReader(fileName)} reads the whole file in {@code readPdf()}, whose {@code finally} closes
   * the tokeniser over it, and its {@code close()} then does nothing. Its partial reader, which
   * closes the file only where reading it fails, holds it until closed.
   */
  @Test
  void aClassThatClosesWhatItOpenedBeforeItsConstructorReturnsIsNone() {
    helper
        .addSourceLines(
            "com/acme/Document.java",
            """
            package com.acme;

            import java.io.Closeable;
            import java.io.IOException;
            import java.io.RandomAccessFile;

            public class Document implements Closeable {
              private RandomAccessFile file;
              private final boolean partial;
              private long length;

              public Document(String name) throws IOException {
                this(name, false);
              }

              public Document(String name, boolean partial) throws IOException {
                this.partial = partial;
                file = new RandomAccessFile(name, "r");
                if (partial) {
                  readPartially();
                } else {
                  read();
                }
              }

              protected void read() throws IOException {
                try {
                  length = file.length();
                } finally {
                  file.close();
                }
              }

              protected void readPartially() throws IOException {
                try {
                  length = file.length();
                } catch (IOException e) {
                  file.close();
                  throw e;
                }
              }

              public long length() {
                return length;
              }

              @Override
              public void close() throws IOException {
                if (partial) {
                  file.close();
                }
              }
            }
            """)
        .addSourceLines(
            "com/acme/Partial.java",
            """
            package com.acme;

            import java.io.Closeable;
            import java.io.IOException;
            import java.io.RandomAccessFile;

            public class Partial implements Closeable {
              private final RandomAccessFile file;

              public Partial(String name) throws IOException {
                file = new RandomAccessFile(name, "r");
                check();
              }

              private void check() throws IOException {
                try {
                  file.length();
                } catch (IOException e) {
                  file.close();
                  throw e;
                }
              }

              @Override
              public void close() throws IOException {
                file.close();
              }
            }
            """)
        .addSourceLines(
            "Reads.java",
            """
            import com.acme.Document;
            import com.acme.Partial;
            import java.io.IOException;

            class Reads {
              long whole(String name) throws IOException {
                Document document = new Document(name);
                return document.length();
              }

              void partial(String name) throws IOException {
                // BUG: Diagnostic contains: [ResourceLeak] Partial `partial` acquired at line 13 is never closed
                Partial partial = new Partial(name);
              }
            }
            """)
        .doTest();
  }

  @Test
  void fixClosesTheProjectsResourceWithTryWithResources() {
    BugCheckerRefactoringTestHelper.newInstance(ResourceLeak.class, getClass())
        .addInputLines("com/acme/DataFile.java", DATA_FILE)
        .expectUnchanged()
        .addInputLines(
            "Sizes.java",
            """
            import com.acme.DataFile;
            import java.io.File;
            import java.io.IOException;

            class Sizes {
              long size(File file) throws IOException {
                DataFile data = new DataFile(file);
                long size = data.size();
                data.close();
                return size;
              }
            }
            """)
        .addOutputLines(
            "Sizes.java",
            """
            import com.acme.DataFile;
            import java.io.File;
            import java.io.IOException;

            class Sizes {
              long size(File file) throws IOException {
                try (DataFile data = new DataFile(file)) {
                  long size = data.size();
                  return size;
                }
              }
            }
            """)
        .doTest(TEXT_MATCH);
  }

  /** A class with a close() of its own that is not AutoCloseable is closed in a finally. */
  @Test
  void fixClosesAProjectsResourceThatIsNotAutoCloseableInAFinally() {
    BugCheckerRefactoringTestHelper.newInstance(ResourceLeak.class, getClass())
        .addInputLines("com/acme/RandomFile.java", RANDOM_FILE)
        .expectUnchanged()
        .addInputLines(
            "Magic.java",
            """
            import com.acme.RandomFile;
            import java.io.File;
            import java.io.IOException;

            class Magic {
              void print(File zip) throws IOException {
                RandomFile header = new RandomFile(zip);
                System.out.println(header.readInt());
                header.close();
              }
            }
            """)
        .addOutputLines(
            "Magic.java",
            """
            import com.acme.RandomFile;
            import java.io.File;
            import java.io.IOException;

            class Magic {
              void print(File zip) throws IOException {
                RandomFile header = new RandomFile(zip);
                try {
                  System.out.println(header.readInt());
                } finally {
                  header.close();
                }
              }
            }
            """)
        .doTest(TEXT_MATCH);
  }
}
