package io.github.leakprone.report;

import com.google.common.hash.Hashing;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Serialises the rewrites of one baseline file by compilations that share it (the modules of a
 * parallel Maven build, in one JVM or several): each reads, merges and writes while holding a lock.
 * The lock file lives in the temporary folder, not beside the baseline, so the repository holds
 * nothing but the baseline itself.
 */
final class BaselineLock {

  private static final long TIMEOUT_MILLIS = 120_000;

  interface Action {
    void run() throws IOException;
  }

  static void run(Path baseline, Action action) throws IOException {
    String name =
        Hashing.sha256()
            .hashString(baseline.toAbsolutePath().normalize().toString(), StandardCharsets.UTF_8)
            .toString()
            .substring(0, 24);
    Path lockFile =
        Path.of(System.getProperty("java.io.tmpdir"), "leakprone-baseline-" + name + ".lock");
    try (FileChannel channel =
        FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      FileLock lock = acquire(channel);
      try {
        action.run();
      } finally {
        lock.release();
      }
    }
  }

  /** Blocks on other processes' locks; polls while another compilation in this JVM holds it. */
  private static FileLock acquire(FileChannel channel) throws IOException {
    long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
    while (true) {
      try {
        return channel.lock();
      } catch (OverlappingFileLockException e) {
        if (System.currentTimeMillis() > deadline) {
          throw new IOException("timed out waiting for another compilation to write it", e);
        }
        try {
          Thread.sleep(20);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while waiting to write it", interrupted);
        }
      }
    }
  }

  private BaselineLock() {}
}
