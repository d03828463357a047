package io.github.leakprone.report;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file whole or not at all: the text goes to a temporary file beside the target, which is
 * then moved into place, so a reader (a CI step, the next compilation) never sees half a file, and
 * a failed write leaves the old one as it was.
 */
final class AtomicFiles {

  static void write(Path target, String text) throws IOException {
    Path folder = target.toAbsolutePath().getParent();
    Files.createDirectories(folder);
    Path temporary = Files.createTempFile(folder, "." + target.getFileName() + ".", ".tmp");
    try {
      Files.writeString(temporary, text, UTF_8);
      try {
        Files.move(
            temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /**
   * Throws, with the reason, when a file could not be written at {@code target}: its folder cannot
   * be made or written, or the target is a folder. Checked before the compilation's work so that a
   * bad path fails at once rather than after the last file.
   */
  static void checkWritable(Path target) throws IOException {
    Path folder = target.toAbsolutePath().getParent();
    Files.createDirectories(folder);
    if (Files.isDirectory(target)) {
      throw new IOException("it is a folder");
    }
    if (!Files.isWritable(folder)) {
      throw new IOException("its folder " + folder + " is not writable");
    }
  }

  private AtomicFiles() {}
}
