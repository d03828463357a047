package io.github.leakprone.report;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;

/**
 * The flagged code as a baseline entry holds it: comments and layout taken out, so that
 * reformatting (google-java-format wrapping a builder chain, a comment added inside a call) keeps
 * the entry. A space stays only between two identifier characters ({@code new Client}); literals
 * are kept as they are, their line breaks and tabs escaped so that an entry stays on one line. Long
 * code is cut, with a hash of the whole, so that lines stay readable.
 */
final class NormalisedCode {

  static final int MAX_LENGTH = 160;

  static String of(CharSequence code) {
    StringBuilder out = new StringBuilder();
    boolean pendingSpace = false;
    int i = 0;
    int n = code.length();
    while (i < n) {
      char c = code.charAt(i);
      if (c == '/' && i + 1 < n && code.charAt(i + 1) == '/') {
        while (i < n && code.charAt(i) != '\n') {
          i++;
        }
        pendingSpace = true;
      } else if (c == '/' && i + 1 < n && code.charAt(i + 1) == '*') {
        int end = indexOf(code, "*/", i + 2);
        i = end < 0 ? n : end + 2;
        pendingSpace = true;
      } else if (Character.isWhitespace(c)) {
        pendingSpace = true;
        i++;
      } else {
        if (pendingSpace && isWordChar(last(out)) && isWordChar(c)) {
          out.append(' ');
        }
        pendingSpace = false;
        if (c == '"' || c == '\'') {
          i = literal(code, i, out);
        } else {
          out.append(c);
          i++;
        }
      }
    }
    return shorten(out.toString());
  }

  /** Copies the string, text block or char literal starting at {@code start}; returns its end. */
  private static int literal(CharSequence code, int start, StringBuilder out) {
    char quote = code.charAt(start);
    boolean textBlock =
        quote == '"'
            && start + 3 <= code.length()
            && "\"\"\"".contentEquals(code.subSequence(start, start + 3));
    int i = textBlock ? start + 3 : start + 1;
    out.append(textBlock ? "\"\"\"" : String.valueOf(quote));
    while (i < code.length()) {
      char c = code.charAt(i);
      if (c == '\\' && i + 1 < code.length()) {
        out.append(c).append(code.charAt(i + 1));
        i += 2;
        continue;
      }
      if (textBlock
          && i + 3 <= code.length()
          && "\"\"\"".contentEquals(code.subSequence(i, i + 3))) {
        out.append("\"\"\"");
        return i + 3;
      }
      if (!textBlock && (c == quote || c == '\n')) {
        out.append(c == '\n' ? "\\n" : String.valueOf(c));
        return i + 1;
      }
      switch (c) {
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(c);
      }
      i++;
    }
    return i;
  }

  private static String shorten(String code) {
    if (code.length() <= MAX_LENGTH) {
      return code;
    }
    String hash =
        Hashing.sha256().hashString(code, StandardCharsets.UTF_8).toString().substring(0, 12);
    return code.substring(0, MAX_LENGTH - "...#".length() - hash.length()) + "...#" + hash;
  }

  private static int indexOf(CharSequence text, String what, int from) {
    for (int i = from; i + what.length() <= text.length(); i++) {
      if (what.contentEquals(text.subSequence(i, i + what.length()))) {
        return i;
      }
    }
    return -1;
  }

  private static char last(StringBuilder out) {
    return out.length() == 0 ? ' ' : out.charAt(out.length() - 1);
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }

  private NormalisedCode() {}
}
