package io.github.leakprone.checks;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.common.collect.ImmutableList;
import com.google.common.io.MoreFiles;
import com.google.common.io.RecursiveDeleteOption;
import com.google.errorprone.BaseErrorProneJavaCompiler;
import com.google.errorprone.BugPattern;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.scanner.ScannerSupplier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;

/**
 * Applies the check's fixes to one source as Error Prone's patching does ({@code
 * -XepPatchLocation:IN_PLACE}) and returns the text exactly as written: {@code
 * BugCheckerRefactoringTestHelper} formats what it compares, which hides a fix's layout.
 */
final class RawFixes {

  /** HeavyweightClientPerCall's fixes applied to {@code source}. */
  static String apply(String fileName, String source, String... stubPackages) {
    return apply(HeavyweightClientPerCall.class, fileName, source, stubPackages);
  }

  /** {@code check}'s fixes applied to {@code source}, in one compilation as a patch run does. */
  static String apply(
      Class<? extends BugChecker> check, String fileName, String source, String... stubPackages) {
    JavaCompiler compiler =
        new BaseErrorProneJavaCompiler(ScannerSupplier.fromBugCheckerClasses(check));
    String checkName = check.getAnnotation(BugPattern.class).name();
    Path dir;
    try {
      dir = Files.createTempDirectory("raw-fixes");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      List<Path> files = new ArrayList<>();
      for (ClientStubs.Stub stub : ClientStubs.stubsOf(stubPackages)) {
        files.add(write(dir.resolve("src").resolve(stub.path()), stub.source()));
      }
      Path file = write(dir.resolve("src").resolve(fileName), source);
      files.add(file);
      Path classes = Files.createDirectories(dir.resolve("classes"));
      DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
      try (StandardJavaFileManager fileManager =
          compiler.getStandardFileManager(diagnostics, null, UTF_8)) {
        boolean success =
            compiler
                .getTask(
                    null,
                    fileManager,
                    diagnostics,
                    ImmutableList.of(
                        "-d",
                        classes.toString(),
                        "-XepPatchChecks:"
                            + (checkName.isEmpty() ? check.getSimpleName() : checkName),
                        "-XepPatchLocation:IN_PLACE"),
                    null,
                    fileManager.getJavaFileObjectsFromPaths(files))
                .call();
        if (!success) {
          throw new AssertionError(diagnostics.getDiagnostics().toString());
        }
      }
      return Files.readString(file, UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteQuietly(dir);
    }
  }

  /** Deletes the folder; one that will not go is no reason to fail the test that used it. */
  private static void deleteQuietly(Path dir) {
    try {
      MoreFiles.deleteRecursively(dir, RecursiveDeleteOption.ALLOW_INSECURE);
    } catch (IOException e) {
      // What will not go stays in the temporary folder, which is target/ under Maven.
    }
  }

  private static Path write(Path path, String text) throws IOException {
    Files.createDirectories(path.getParent());
    return Files.writeString(path, text, UTF_8);
  }

  private RawFixes() {}
}
