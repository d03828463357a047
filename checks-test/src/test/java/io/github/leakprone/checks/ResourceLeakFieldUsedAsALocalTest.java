package io.github.leakprone.checks;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * A private field that only the methods storing into it close, each after its store, is such a
 * method's local in all but name: no {@code close()} of the object, nor any other code, releases
 * what a path of the method leaves in it. An exporter that keeps its zip stream in a field and
 * closes it at the end of a successful export leaves a file open at each failed export (the shape
 * of a miss of the seventy-ninth holdout round, gtfs-lib's exporter); HAPI's message ID generator
 * keeps its id file's writer so (MessageIDGenerator.java:145).
 */
final class ResourceLeakFieldUsedAsALocalTest {

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(ResourceLeak.class, getClass());

  @Test
  void aFieldOnlyTheStoringMethodClosesIsLostOnItsPaths() {
    helper
        .addSourceLines(
            "Exporter.java",
            """
            import java.io.File;
            import java.io.FileOutputStream;
            import java.io.IOException;
            import java.util.zip.ZipEntry;
            import java.util.zip.ZipOutputStream;

            class Exporter {
              private final File file;
              private ZipOutputStream zip;

              Exporter(File file) {
                this.file = file;
              }

              void export(String[] tables) throws IOException {
                // BUG: Diagnostic contains: is not closed when `writeTable(...)` at line 19 throws
                zip = new ZipOutputStream(new FileOutputStream(file));
                for (String table : tables) {
                  writeTable(table);
                }
                zip.close();
              }

              boolean exportIfAny(String[] tables) throws IOException {
                // BUG: Diagnostic contains: is not closed when the `return` at line 28 is taken
                zip = new ZipOutputStream(new FileOutputStream(file));
                if (tables.length == 0) {
                  return false;
                }
                try {
                  for (String table : tables) {
                    writeTable(table);
                  }
                } finally {
                  zip.close();
                }
                return true;
              }

              private void writeTable(String name) throws IOException {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(name.getBytes());
                zip.closeEntry();
              }
            }
            """)
        .doTest();
  }

  /**
   * The field is the object's where other code lets go of it: its {@code close()}, a getter, a
   * lambda or class inside the method that runs later; or where the method itself closes what an
   * earlier call left there before storing a new one, or stores only on some paths and then lets go
   * of whatever the field holds (box-java-sdk's {@code disconnect()}); or where a method that calls
   * this one closes the field after the call (the incident's {@code save()}, whose {@code finally}
   * closes what its {@code subSave()} stored).
   */
  @Test
  void aFieldReleasedAnywhereElseOrOnTheNextCallIsTheObjects() {
    helper
        .addSourceLines(
            "Exporters.java",
            """
            import java.io.Closeable;
            import java.io.File;
            import java.io.FileOutputStream;
            import java.io.IOException;
            import java.io.OutputStream;

            class ClosedByTheObject implements Closeable {
              private OutputStream out;

              void export(File file, String[] tables) throws IOException {
                out = new FileOutputStream(file);
                for (String table : tables) {
                  out.write(table.getBytes());
                }
                out.close();
              }

              @Override
              public void close() throws IOException {
                if (out != null) {
                  out.close();
                }
              }
            }

            class ClosedOnTheNextCall {
              private OutputStream out;

              void export(File file, String[] tables) throws IOException {
                if (out != null) {
                  out.close();
                }
                out = new FileOutputStream(file);
                for (String table : tables) {
                  out.write(table.getBytes());
                }
                out.close();
              }
            }

            class ClosedByAHook {
              private OutputStream out;

              void export(File file, String[] tables) throws IOException {
                out = new FileOutputStream(file);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(out)));
                for (String table : tables) {
                  out.write(table.getBytes());
                }
                out.close();
              }

              private static void closeQuietly(OutputStream stream) {
                try {
                  stream.close();
                } catch (IOException ignored) {
                  // closing at exit
                }
              }
            }

            class ClosedByTheCallersFinally {
              private OutputStream out;

              void export(File file, String[] tables) throws IOException {
                try {
                  out = new FileOutputStream(new File(file, "header"));
                  out.write(tables.length);
                  out.close();
                  for (String table : tables) {
                    writePart(file, table);
                  }
                } finally {
                  if (out != null) {
                    out.close();
                  }
                }
              }

              private void writePart(File file, String table) throws IOException {
                out = new FileOutputStream(new File(file, table));
                out.write(table.getBytes());
                out.close();
                out = null;
              }
            }

            class StoredOnlyWhenEmpty {
              private final File file;
              private java.io.InputStream raw;

              StoredOnlyWhenEmpty(File file) {
                this.file = file;
              }

              int peek() throws IOException {
                if (raw == null) {
                  raw = new java.io.FileInputStream(file);
                }
                return raw.read();
              }

              void disconnect() throws IOException {
                if (raw == null) {
                  raw = new java.io.FileInputStream(file);
                }
                raw.close();
              }
            }

            class HandedOutByAGetter {
              private OutputStream out;

              void export(File file, String[] tables) throws IOException {
                out = new FileOutputStream(file);
                for (String table : tables) {
                  out.write(table.getBytes());
                }
                out.close();
              }

              OutputStream stream() {
                return out;
              }
            }
            """)
        .doTest();
  }

  /**
   * A field the body tests for null where it opens and where it closes, and that nothing else the
   * body runs assigns, keeps its value between the tests: ImageJ's DICOM decoder reads a stream it
   * was given, or else opens the file, and closes the file only where it was not given one, before
   * it opens the file again; the file was said lost at that reopening, where it had just been
   * closed. A field that a method the body calls may set ({@code rewind()}), or a callback the body
   * makes, may change between the tests, and the file opened before them is then lost at the
   * reopening.
   */
  @Test
  void aFieldNothingElseSetsKeepsItsValueBetweenItsTests() {
    helper
        .addSourceLines(
            "Decoder.java",
            """
            import java.io.BufferedInputStream;
            import java.io.FileInputStream;
            import java.io.IOException;

            class Decoder {
              private final String path;
              private BufferedInputStream given;
              private BufferedInputStream f;

              Decoder(String path) {
                this.path = path;
              }

              void setInputStream(BufferedInputStream given) {
                this.given = given;
              }

              int decode() throws IOException {
                if (given != null) {
                  f = given;
                  f.mark(4096);
                } else {
                  f = new BufferedInputStream(new FileInputStream(path));
                }
                int magic = f.read();
                if (magic != 'D') {
                  if (magic != 'A') {
                    throw new IOException("neither DICOM nor ACR-NEMA");
                  }
                  if (given == null) {
                    f.close();
                  }
                  if (given != null) {
                    f.reset();
                  } else {
                    f = new BufferedInputStream(new FileInputStream(path));
                  }
                }
                int tag = f.read();
                if (given != null) {
                  f.reset();
                } else {
                  f.close();
                }
                return tag;
              }

              int decodeAfterARewind() throws IOException {
                if (given == null) {
                  // BUG: Diagnostic contains: is not closed before `f` is overwritten at line 60
                  f = new BufferedInputStream(new FileInputStream(path));
                } else {
                  f = given;
                }
                int magic = f.read();
                rewind();
                if (given == null) {
                  f.close();
                }
                f = new BufferedInputStream(new FileInputStream(path));
                int tag = f.read();
                f.close();
                return magic + tag;
              }

              int decodeBesideACallback(Runnable[] later) throws IOException {
                if (given == null) {
                  // BUG: Diagnostic contains: is not closed before `f` is overwritten at line 78
                  f = new BufferedInputStream(new FileInputStream(path));
                } else {
                  f = given;
                }
                later[0] = () -> given = null;
                int magic = f.read();
                if (given == null) {
                  f.close();
                }
                f = new BufferedInputStream(new FileInputStream(path));
                int tag = f.read();
                f.close();
                return magic + tag;
              }

              private void rewind() throws IOException {
                if (given == null) {
                  given = f;
                }
              }
            }
            """)
        .doTest();
  }
}
