package io.github.leakprone.report;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report and the baseline are written with the mode a plain write gives a file: a new one gets
 * what the umask leaves of 0666 (not the 0600 of a temporary file), an existing one keeps its own.
 * A failed write names the file the user asked for, never the temporary file.
 */
final class AtomicFilesTest {

  @TempDir Path folder;

  @BeforeEach
  void posixOnly() {
    assumeTrue(
        Files.getFileAttributeView(folder, PosixFileAttributeView.class) != null,
        "file modes are POSIX's");
  }

  @Test
  void newFileGetsTheModeOfAPlainWrite() throws IOException {
    Path plain = Files.writeString(folder.resolve("plain.txt"), "x", UTF_8);
    Path written = folder.resolve("report.sarif");

    AtomicFiles.write(written, "{}");

    assertEquals(mode(plain), mode(written));
    assertEquals("{}", Files.readString(written, UTF_8));
  }

  @Test
  void newFileInANewFolderGetsTheModeOfAPlainWrite() throws IOException {
    Path plain = Files.writeString(folder.resolve("plain.txt"), "x", UTF_8);
    Path written = folder.resolve("target/leakprone/report.sarif");

    AtomicFiles.write(written, "{}");

    assertEquals(mode(plain), mode(written));
  }

  @Test
  void rewrittenFileKeepsMode0644() throws IOException {
    assertRewriteKeeps("rw-r--r--");
  }

  @Test
  void rewrittenFileKeepsMode0664() throws IOException {
    assertRewriteKeeps("rw-rw-r--");
  }

  @Test
  void rewrittenFileKeepsMode0600() throws IOException {
    assertRewriteKeeps("rw-------");
  }

  private void assertRewriteKeeps(String mode) throws IOException {
    Path baseline = Files.writeString(folder.resolve("leakprone-baseline.txt"), "old\n", UTF_8);
    Files.setPosixFilePermissions(baseline, PosixFilePermissions.fromString(mode));

    AtomicFiles.write(baseline, "new\n");

    assertEquals(mode, mode(baseline));
    assertEquals("new\n", Files.readString(baseline, UTF_8));
  }

  @Test
  void failureNamesTheTargetNotTheTemporaryFile() throws IOException {
    Path target = Files.createDirectories(folder.resolve("report.sarif/not-empty")).getParent();

    IOException failure = assertThrows(IOException.class, () -> AtomicFiles.write(target, "{}"));

    assertEquals("it is a folder", Baseline.reason(failure, target));
    assertEquals(target + ": it is a folder", failure.getMessage());
  }

  private static String mode(Path file) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
  }
}
