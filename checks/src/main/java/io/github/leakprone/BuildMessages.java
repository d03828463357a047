package io.github.leakprone;

import com.sun.tools.javac.util.Context;
import com.sun.tools.javac.util.JCDiagnostic;
import com.sun.tools.javac.util.Log;
import java.util.function.Consumer;
import javax.tools.JavaFileObject;

/**
 * Errors and notes about the build's setup (a check's flag, LeakProne's report flags, the baseline,
 * the report's file) rather than about a line of code. They carry no source file and no position:
 * javac prints them as {@code error: ...}, Maven as {@code [ERROR] ...}, and an IDE paints no file
 * red, where one at a tree would land on whatever class the compilation happened to check first.
 * The message names the flag and the file itself. Both the checks and {@code report/} use it, so it
 * lives here, above both.
 */
public final class BuildMessages {

  /** A javac error with no source and no position; it fails the compilation. */
  public static void error(Context context, String message) {
    withoutSource(
        context, log -> log.error(new JCDiagnostic.Error("compiler", "proc.messager", message)));
  }

  /** A javac note with no source and no position. */
  public static void note(Context context, String message) {
    withoutSource(
        context, log -> log.note(new JCDiagnostic.Note("compiler", "proc.messager", message)));
  }

  /**
   * Runs {@code report} on the log with no current source file: Log.error(Error) puts a diagnostic
   * in the log's current source (Error Prone sets it to the file being checked); with none it is
   * about the build as a whole.
   */
  private static void withoutSource(Context context, Consumer<Log> report) {
    Log log = Log.instance(context);
    JavaFileObject previous = log.useSource(null);
    try {
      report.accept(log);
    } finally {
      log.useSource(previous);
    }
  }

  private BuildMessages() {}
}
