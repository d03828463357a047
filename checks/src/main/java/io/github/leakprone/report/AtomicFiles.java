package io.github.leakprone.report;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.Set;
import javax.annotation.Nullable;

/**
 * Writes a file whole or not at all: the text goes to a temporary file beside the target, which is
 * then moved into place, so a reader (a CI step, the next compilation) never sees half a file, and
 * a failed write leaves the old one as it was.
 *
 * <p>The file gets the mode a plain write would give it: an existing file keeps its own (a
 * committed baseline stays 0644 or 0664), and a new one gets what the umask leaves of 0666. That is
 * why the temporary file is not made by {@code Files.createTempFile}, which makes it 0600, and the
 * move would carry that mode to the target. A failure names the target (or its folder), never the
 * temporary file, which the user did not ask for and which no longer exists.
 */
final class AtomicFiles {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int ATTEMPTS = 16;

  static void write(Path target, String text) throws IOException {
    Path folder = target.toAbsolutePath().getParent();
    Files.createDirectories(folder);
    Set<PosixFilePermission> mode = modeOf(target);
    Path temporary = createBeside(folder, target);
    try {
      Files.writeString(temporary, text, UTF_8);
      if (mode != null) {
        Files.setPosixFilePermissions(temporary, mode);
      }
      try {
        Files.move(
            temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw naming(target, Files.isDirectory(target) ? "it is a folder" : null, e);
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

  /**
   * The existing file's permissions, or null when it does not exist or the file system has none.
   */
  @Nullable
  private static Set<PosixFilePermission> modeOf(Path target) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(target, PosixFileAttributeView.class);
    if (view == null || !Files.isRegularFile(target)) {
      return null;
    }
    return view.readAttributes().permissions();
  }

  /**
   * A new empty file in {@code folder}, named after {@code target}, created as {@code Files.write}
   * creates a file (mode 0666 less the umask, the folder's default ACL), unlike {@code
   * Files.createTempFile}.
   */
  private static Path createBeside(Path folder, Path target) throws IOException {
    for (int attempt = 1; ; attempt++) {
      Path candidate =
          folder.resolve(
              "."
                  + target.getFileName()
                  + "."
                  + Long.toUnsignedString(RANDOM.nextLong(), 36)
                  + ".tmp");
      try {
        return Files.createFile(candidate);
      } catch (FileAlreadyExistsException e) {
        if (attempt == ATTEMPTS) {
          throw naming(folder, null, e);
        }
      } catch (IOException e) {
        // Making an entry in the folder failed: the folder is what is wrong.
        throw naming(folder, null, e);
      }
    }
  }

  /** {@code failure}, as the same kind of exception, about {@code file} instead of whatever. */
  private static IOException naming(Path file, @Nullable String reason, IOException failure) {
    String why = reason;
    if (why == null) {
      why =
          failure instanceof FileSystemException f && f.getReason() != null
              ? f.getReason()
              : failure.getClass().getSimpleName();
    }
    FileSystemException named;
    if (reason == null && failure instanceof NoSuchFileException) {
      named = new NoSuchFileException(file.toString());
    } else if (reason == null && failure instanceof AccessDeniedException) {
      named = new AccessDeniedException(file.toString());
    } else {
      named = new FileSystemException(file.toString(), null, why);
    }
    named.initCause(failure);
    return named;
  }

  private AtomicFiles() {}
}
