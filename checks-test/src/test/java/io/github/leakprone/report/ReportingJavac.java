package io.github.leakprone.report;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.BaseErrorProneJavaCompiler;
import com.google.errorprone.scanner.ScannerSupplier;
import io.github.leakprone.checks.HeavyweightClientPerCall;
import io.github.leakprone.checks.JdbcResourceLeak;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;

/**
 * Compiles a folder of real source files with Error Prone running LeakProne's checks, in this JVM,
 * through javax.tools as Maven's and Gradle's in-process compilers do: real paths (so that report
 * URIs and baseline entries are relative to a base folder), a class folder ({@code -d}), and
 * javac's end-of-compilation event.
 */
final class ReportingJavac {

  private static final JavaCompiler COMPILER =
      new BaseErrorProneJavaCompiler(
          ScannerSupplier.fromBugCheckerClasses(
              HeavyweightClientPerCall.class, JdbcResourceLeak.class));

  /** What javac said: whether it succeeded, and its diagnostics. */
  record Result(boolean success, ImmutableList<Diagnostic<? extends JavaFileObject>> diagnostics) {

    /** The LeakProne findings, as {@code Check file:line} strings, warnings and errors alike. */
    ImmutableList<String> findings() {
      return diagnostics.stream()
          .filter(
              d ->
                  d.getKind() == Diagnostic.Kind.WARNING
                      || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING
                      || d.getKind() == Diagnostic.Kind.ERROR)
          .filter(d -> d.getSource() != null)
          .map(
              d ->
                  checkName(d.getMessage(Locale.ROOT))
                      + " "
                      + Path.of(d.getSource().toUri()).getFileName()
                      + ":"
                      + d.getLineNumber())
          .filter(f -> !f.startsWith("? "))
          .collect(ImmutableList.toImmutableList());
    }

    ImmutableList<String> messages(Diagnostic.Kind kind) {
      return diagnostics.stream()
          .filter(d -> d.getKind() == kind)
          .map(d -> d.getMessage(Locale.ROOT))
          .collect(ImmutableList.toImmutableList());
    }

    /**
     * LeakProne's own errors and notes (about its flags and files, not about code) that javac put
     * in a source file or at a position: there should be none.
     */
    ImmutableList<String> placedBuildMessages() {
      return diagnostics.stream()
          .filter(d -> d.getMessage(Locale.ROOT).startsWith("[LeakProne]"))
          .filter(d -> d.getSource() != null || d.getPosition() != Diagnostic.NOPOS)
          .map(d -> d.getSource() + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
          .collect(ImmutableList.toImmutableList());
    }

    ImmutableList<String> errors() {
      return messages(Diagnostic.Kind.ERROR);
    }

    ImmutableList<String> notes() {
      return messages(Diagnostic.Kind.NOTE);
    }

    private static String checkName(String message) {
      if (message.startsWith("[HeavyweightClientPerCall]")) {
        return "HeavyweightClientPerCall";
      }
      if (message.startsWith("[JdbcResourceLeak]")) {
        return "JdbcResourceLeak";
      }
      return "?";
    }
  }

  /** Compiles every .java file under {@code sources} into {@code classes}, with {@code flags}. */
  static Result compile(Path sources, Path classes, String... flags) {
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files =
        COMPILER.getStandardFileManager(diagnostics, null, UTF_8)) {
      Files.createDirectories(classes);
      List<String> options = new ArrayList<>();
      options.add("-d");
      options.add(classes.toString());
      options.add("-proc:none");
      options.addAll(List.of(flags));
      boolean success =
          COMPILER
              .getTask(
                  null,
                  files,
                  diagnostics,
                  options,
                  null,
                  files.getJavaFileObjectsFromPaths(javaFiles(sources)))
              .call();
      return new Result(success, ImmutableList.copyOf(diagnostics.getDiagnostics()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Path> javaFiles(Path folder) throws IOException {
    try (Stream<Path> paths = Files.walk(folder)) {
      return paths.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }

  /** Writes {@code text} to {@code folder/relative}, making its folders. */
  static Path write(Path folder, String relative, String text) {
    try {
      Path file = folder.resolve(relative);
      Files.createDirectories(file.getParent());
      return Files.writeString(file, text, UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file, UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ReportingJavac() {}
}
