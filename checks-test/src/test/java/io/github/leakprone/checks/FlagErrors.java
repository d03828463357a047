package io.github.leakprone.checks;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.BaseErrorProneJavaCompiler;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.scanner.ScannerSupplier;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.util.Locale;
import javax.tools.Diagnostic;

/**
 * The errors of a compilation of two empty classes by one check with {@code args}, each as {@code
 * "file:line: message"}, {@code "-:-1: message"} for an error with no source file and no position.
 * A malformed flag is a problem of the build, not of the first class compiled: its error must carry
 * no position, which Error Prone's test helper cannot express (it matches errors to source lines).
 */
final class FlagErrors {

  static ImmutableList<String> of(Class<? extends BugChecker> check, String... args) {
    Compilation compilation =
        Compiler.compiler(
                new BaseErrorProneJavaCompiler(ScannerSupplier.fromBugCheckerClasses(check)))
            .withOptions((Object[]) args)
            .compile(
                JavaFileObjects.forSourceString("First", "class First {}"),
                JavaFileObjects.forSourceString("Second", "class Second {}"));
    return compilation.errors().stream()
        .map(FlagErrors::describe)
        .collect(ImmutableList.toImmutableList());
  }

  private static String describe(Diagnostic<?> error) {
    Object source = error.getSource();
    String file = source == null ? "-" : source.toString();
    return file + ":" + error.getLineNumber() + ": " + error.getMessage(Locale.ROOT);
  }

  private FlagErrors() {}
}
