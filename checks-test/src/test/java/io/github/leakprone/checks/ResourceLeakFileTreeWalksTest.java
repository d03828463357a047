package io.github.leakprone.checks;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * {@code Files.walk} and {@code Files.find} read to their end have closed every directory they
 * opened; {@code Files.list} and {@code Files.lines} have not, nor has a walk stopped early.
 */
final class ResourceLeakFileTreeWalksTest {

  // Every other check off: Error Prone's StreamResourceLeak reports these streams while it is on.
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(ResourceLeak.class, getClass())
          .setArgs("-XepDisableAllChecks", "-Xep:ResourceLeak:WARN");

  @Test
  void aWalkReadToItsEndHasClosedItsDirectories() {
    helper
        .addSourceLines(
            "Tree.java",
            """
            import java.io.File;
            import java.io.IOException;
            import java.nio.file.Files;
            import java.nio.file.Path;
            import java.util.Comparator;
            import java.util.List;
            import java.util.stream.Collectors;

            class Tree {
              void delete(Path dir) throws IOException {
                Files.walk(dir).sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
              }

              List<Path> jars(Path dir) throws IOException {
                return (Files.find(dir, 1, (p, a) -> p.toString().endsWith(".jar")))
                    .collect(Collectors.toList());
              }

              long size(Path dir) throws IOException {
                return Files.walk(dir).filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
              }
            }
            """)
        .doTest();
  }

  @Test
  void aWalkStoppedEarlyOrAListOrLinesReadToTheirEndStillHoldWhatTheyOpened() {
    helper
        .addSourceLines(
            "Tree.java",
            """
            import java.io.IOException;
            import java.nio.file.Files;
            import java.nio.file.Path;
            import java.util.Iterator;
            import java.util.Optional;

            class Tree {
              Optional<Path> first(Path dir) throws IOException {
                // BUG: Diagnostic contains: Stream returned by walk() at line 10 is never stored
                return Files.walk(dir).filter(Files::isRegularFile).findFirst();
              }

              long firstTen(Path dir) throws IOException {
                // BUG: Diagnostic contains: Stream returned by walk() at line 15 is never stored
                return Files.walk(dir).limit(10).count();
              }

              Iterator<Path> iterate(Path dir) throws IOException {
                // BUG: Diagnostic contains: Stream returned by find() at line 20 is never stored
                return Files.find(dir, 2, (p, a) -> true).iterator();
              }

              long entries(Path dir) throws IOException {
                // BUG: Diagnostic contains: Stream returned by list() at line 25 is never stored
                return Files.list(dir).count();
              }

              long lines(Path file) throws IOException {
                // BUG: Diagnostic contains: Stream returned by lines() at line 30 is never stored
                return Files.lines(file).count();
              }
            }
            """)
        .doTest();
  }
}
