package io.github.leakprone.checks;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.tools.javac.code.Symbol;
import io.github.leakprone.analysis.HeaderReads.Loss;
import io.github.leakprone.trees.SourceLines;

/**
 * The sentence of a {@code ResourceLeak} finding about a {@code URLConnection} asked for a header
 * that nothing closes, e.g. "URLConnection `conn` opened at line 12 connects to answer
 * `getLastModified()` at line 14, which opens the URL's file or HTTP response, and nothing in the
 * method closes it; close `conn.getInputStream()` in a finally block, or disconnect() an HTTP
 * connection".
 */
final class HeaderReadMessage {

  private static final String OPENS = "which opens the URL's file or HTTP response";

  static String of(Loss loss, VisitorState state) {
    String getter = ASTHelpers.getSymbol(loss.firstRead()).getSimpleName() + "()";
    Symbol local = loss.local();
    if (local == null) {
      return String.format(
          "URLConnection made by openConnection() at line %d connects to answer `%s`, %s, and is"
              + " never stored, so nothing closes it; keep it in a variable and close its"
              + " getInputStream() in a finally block",
          SourceLines.lineOf(loss.origin(), state), getter, OPENS);
    }
    return String.format(
        "%s `%s` opened at line %d connects to answer `%s` at line %d, %s, and nothing in the"
            + " method closes it; close `%s.getInputStream()` in a finally block, or disconnect()"
            + " an HTTP connection",
        local.type.tsym.getSimpleName(),
        local.getSimpleName(),
        SourceLines.lineOf(loss.origin(), state),
        getter,
        SourceLines.lineOf(loss.firstRead(), state),
        OPENS,
        local.getSimpleName());
  }

  private HeaderReadMessage() {}
}
