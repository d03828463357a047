package io.github.leakprone.checks;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.errorprone.BaseErrorProneJavaCompiler;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.scanner.ScannerSupplier;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.util.List;
import java.util.Locale;

/**
 * Every warning one check gives on one source file, each as {@code "line: message"} (the message's
 * first line, the check's name cut off). Error Prone's test helper accepts a finding reported twice
 * on one line; tests that must see each finding exactly once count with this instead.
 */
final class CountedWarnings {

  static List<String> of(Class<? extends BugChecker> check, String className, String source) {
    Compilation compilation =
        Compiler.compiler(
                new BaseErrorProneJavaCompiler(ScannerSupplier.fromBugCheckerClasses(check)))
            .compile(JavaFileObjects.forSourceString(className, source));
    assertThat(compilation).succeeded();
    String prefix = "[" + check.getSimpleName() + "] ";
    return compilation.warnings().stream()
        .map(
            warning -> {
              String message = warning.getMessage(Locale.ROOT).lines().findFirst().orElse("");
              assertThat(message).startsWith(prefix);
              return warning.getLineNumber() + ": " + message.substring(prefix.length());
            })
        .toList();
  }

  private CountedWarnings() {}
}
