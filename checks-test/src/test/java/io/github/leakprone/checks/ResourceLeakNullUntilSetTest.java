package io.github.leakprone.checks;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * A local declared null and tested for null says whether the step that sets it has run: where that
 * step throws, it is still null, and a {@code finally} that closes {@code if (lock == null)} closes
 * on that path (Jib's {@code LockFile.lock}, a holdout round's false alarm). It says nothing of the
 * steps after it.
 */
final class ResourceLeakNullUntilSetTest {

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(ResourceLeak.class, getClass());

  private static final String HELD =
      """
      import java.io.FileOutputStream;
      import java.io.IOException;
      import java.nio.channels.FileLock;

      final class Held implements AutoCloseable {
        private final FileLock lock;
        private final FileOutputStream out;

        Held(FileLock lock, FileOutputStream out) {
          this.lock = lock;
          this.out = out;
        }

        @Override
        public void close() throws IOException {
          lock.release();
          out.close();
        }
      }
      """;

  @Test
  void aLocalStillNullWhereItsStepThrewClosesOnThatPath() {
    helper
        .addSourceLines("Held.java", HELD)
        .addSourceLines(
            "Locks.java",
            """
            import java.io.FileOutputStream;
            import java.io.IOException;
            import java.nio.channels.FileLock;

            class Locks {
              Held hold(String path) throws IOException {
                FileOutputStream out = new FileOutputStream(path);
                FileLock lock = null;
                try {
                  lock = out.getChannel().lock();
                  return new Held(lock, out);
                } finally {
                  if (lock == null) {
                    out.close();
                  }
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void aLocalAlreadySetSaysNothingOfTheStepsAfterIt() {
    helper
        .addSourceLines("Held.java", HELD)
        .addSourceLines(
            "Locks.java",
            """
            import java.io.FileOutputStream;
            import java.io.IOException;
            import java.nio.channels.FileLock;

            class Locks {
              Held hold(String path) throws IOException {
                // BUG: Diagnostic contains: FileOutputStream `out` acquired at line 8 is not closed when `out.write(...)` at line 12 throws
                FileOutputStream out = new FileOutputStream(path);
                String owner = null;
                try {
                  owner = path.trim();
                  out.write('+');
                  return new Held(null, out);
                } finally {
                  if (owner == null) {
                    out.close();
                  }
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void aLocalSetBesideTheResourceSaysWhetherItWasMade() {
    // OpenPDF's PdfStream: the codec and the stream over it are made in one block, and the codec is
    // ended behind a null test of the stream; only a failing write skips that end.
    helper
        .addSourceLines(
            "Pages.java",
            """
            import java.io.IOException;
            import java.io.OutputStream;
            import java.util.zip.Deflater;
            import java.util.zip.DeflaterOutputStream;

            class Pages {
              void write(OutputStream out, byte[] data, boolean compressed) throws IOException {
                DeflaterOutputStream def = null;
                OutputStream target = out;
                Deflater deflater = null;
                if (compressed) {
                  // BUG: Diagnostic contains: is not ended when `target.write(...)` at line 16 throws
                  deflater = new Deflater(9);
                  target = def = new DeflaterOutputStream(out, deflater, 0x8000);
                }
                target.write(data);
                if (def != null) {
                  def.finish();
                  deflater.end();
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void aLocalSetApartFromTheResourceSaysNothingOfIt() {
    helper
        .addSourceLines(
            "Pages.java",
            """
            import java.io.IOException;
            import java.io.OutputStream;
            import java.util.zip.Deflater;
            import java.util.zip.DeflaterOutputStream;

            class Pages {
              void write(OutputStream out, byte[] data, boolean compressed) throws IOException {
                DeflaterOutputStream def = null;
                OutputStream target = out;
                // BUG: Diagnostic contains: is not ended on the path that reaches the end of the method
                Deflater deflater = new Deflater(9);
                if (compressed) {
                  target = def = new DeflaterOutputStream(out, deflater, 0x8000);
                }
                try {
                  target.write(data);
                } finally {
                  if (def != null) {
                    def.finish();
                    deflater.end();
                  }
                }
              }

              void writeTwice(OutputStream out, byte[] data, boolean compressed) throws IOException {
                DeflaterOutputStream def = null;
                Deflater deflater = null;
                for (int i = 0; i < 2; i++) {
                  if (compressed) {
                    // BUG: Diagnostic contains: Deflater `deflater` acquired at line 31 is not ended before `deflater` is overwritten
                    deflater = new Deflater(9);
                    def = new DeflaterOutputStream(out, deflater, 0x8000);
                  }
                  out.write(data);
                }
                if (def != null) {
                  def.finish();
                  deflater.end();
                }
              }
            }
            """)
        .doTest();
  }
}
