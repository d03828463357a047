package io.github.leakprone.checks;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * A library's stream, reader or writer made of a {@code File} or {@code Path} reads or writes that
 * file, through a descriptor it holds until closed: milton's {@code new
 * RandomFileOutputStream(tempFile)}, left open when the copy into it fails (PutHandler.java:357).
 * The library's classes ({@code io.github.leakprone.library}) reach these compiles as class files,
 * as a jar's do; a class given as source is judged by its constructor's body instead.
 */
final class ResourceLeakLibraryStreamsTest {

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(ResourceLeak.class, getClass());

  @Test
  void aLibrarysStreamMadeOfAFileHoldsIt() {
    helper
        .addSourceLines(
            "Journal.java",
            """
            import io.github.leakprone.library.JournalOutputStream;
            import io.github.leakprone.library.JournalReader;
            import java.io.File;
            import java.io.IOException;
            import java.io.InputStream;
            import java.nio.file.Path;

            class Journal {
              void append(File journal, InputStream entry) throws IOException {
                // BUG: Diagnostic contains: JournalOutputStream `out` acquired at line 11 is not closed when `entry.transferTo(...)` at line 12 throws
                JournalOutputStream out = new JournalOutputStream(journal);
                entry.transferTo(out);
                out.close();
              }

              int first(Path journal) throws IOException {
                // BUG: Diagnostic contains: JournalReader `in` acquired at line 18 is never closed
                JournalReader in = new JournalReader(journal);
                return in.read();
              }

              void appendClosed(File journal, InputStream entry) throws IOException {
                try (JournalOutputStream out = new JournalOutputStream(journal)) {
                  entry.transferTo(out);
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void aLibrarysStreamMadeOfAStreamDecoratesItAndOneInSightIsJudgedByItsBody() {
    helper
        .addSourceLines(
            "LazyJournal.java",
            """
            import java.io.File;
            import java.io.FileOutputStream;
            import java.io.IOException;
            import java.io.OutputStream;

            /** Opens its file at the first write, not when it is made. */
            class LazyJournal extends OutputStream {
              private final File file;
              private OutputStream out;

              LazyJournal(File file) {
                this.file = file;
              }

              @Override
              public void write(int b) throws IOException {
                if (out == null) {
                  out = new FileOutputStream(file, true);
                }
                out.write(b);
              }

              @Override
              public void close() throws IOException {
                if (out != null) {
                  out.close();
                }
              }
            }
            """)
        .addSourceLines(
            "Entries.java",
            """
            import io.github.leakprone.library.JournalOutputStream;
            import java.io.File;
            import java.io.IOException;
            import java.io.OutputStream;

            class Entries {
              void mark(OutputStream sink) throws IOException {
                new JournalOutputStream(sink).write('.');
              }

              boolean made(File file) {
                return new LazyJournal(file) != null;
              }
            }
            """)
        .doTest();
  }
}
