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
}
