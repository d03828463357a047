package io.github.leakprone.checks;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * A library's stream, reader or writer made of a {@code File} or {@code Path} reads or writes that
 * file, through a descriptor it holds until closed: milton's {@code new
 * RandomFileOutputStream(tempFile)}, left open when the copy into it fails (PutHandler.java:357).
 * The library's classes ({@code io.github.leakprone.library}) reach these compiles as class files,
 * as a jar's do; a class given as source is judged by its constructor's body instead. So with a
 * library's static factory given a {@code File} or {@code Path} that returns a stream, reader or
 * writer (Commons IO's {@code FileUtils.openInputStream(file)}, Guava's {@code
 * Files.newReader(file, charset)}): it opens the file; given text, or compiled with the checked
 * file, it is judged by what it is given and by its body.
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

  @Test
  void aLibrarysStaticFactoryGivenAFileOpensIt() {
    helper
        .addSourceLines(
            "Snapshots.java",
            """
            import java.io.ByteArrayInputStream;
            import java.io.File;
            import java.io.InputStream;

            /** Compiled with the checked file: judged by its body, which reads nothing from disk. */
            class Snapshots {
              static InputStream openSnapshot(File file) {
                return new ByteArrayInputStream(file.getName().getBytes());
              }
            }
            """)
        .addSourceLines(
            "Replay.java",
            """
            import io.github.leakprone.library.JournalFiles;
            import java.io.File;
            import java.io.IOException;
            import java.io.InputStream;
            import java.io.Reader;
            import java.io.Writer;
            import java.nio.charset.StandardCharsets;
            import java.nio.file.Path;

            class Replay {
              int first(File journal) throws IOException {
                // BUG: Diagnostic contains: InputStream `in` acquired at line 13 is never closed
                InputStream in = JournalFiles.openJournal(journal);
                return in.read();
              }

              void append(Path journal, String entry) throws IOException {
                // BUG: Diagnostic contains: Writer `out` acquired at line 19 is not closed when `out.write(...)` at line 20 throws
                Writer out = JournalFiles.newJournalWriter(journal, StandardCharsets.UTF_8);
                out.write(entry);
                out.close();
              }

              int firstClosed(File journal) throws IOException {
                try (InputStream in = JournalFiles.openJournal(journal)) {
                  return in.read();
                }
              }

              int firstOfText(String text) throws IOException {
                Reader in = JournalFiles.newJournalReader(text);
                return in.read();
              }

              int firstOfSnapshot(File file) throws IOException {
                InputStream in = Snapshots.openSnapshot(file);
                return in.read();
              }
            }
            """)
        .doTest();
  }
}
