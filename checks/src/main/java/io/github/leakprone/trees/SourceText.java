package io.github.leakprone.trees;

import com.google.errorprone.VisitorState;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.util.ASTHelpers;
import com.google.errorprone.util.ErrorProneToken;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.parser.Tokens.TokenKind;

/** Positions and layout in the source text, for fixes that insert or move whole lines. */
public final class SourceText {

  /** The leading white space of the line that holds {@code position}. */
  public static String indentationAt(int position, VisitorState state) {
    CharSequence source = state.getSourceCode();
    int lineStart = position;
    while (lineStart > 0 && source.charAt(lineStart - 1) != '\n') {
      lineStart--;
    }
    int end = lineStart;
    while (end < source.length() && (source.charAt(end) == ' ' || source.charAt(end) == '\t')) {
      end++;
    }
    return source.subSequence(lineStart, end).toString();
  }

  /** Whether only white space stands before {@code position} on its line. */
  public static boolean startsLine(int position, VisitorState state) {
    CharSequence source = state.getSourceCode();
    for (int i = position - 1; i >= 0 && source.charAt(i) != '\n'; i--) {
      if (!isBlank(source.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The step of indentation between the line of {@code outer} (a block, a class) and {@code
   * innerIndent}, the indentation of what stands inside it; two spaces when the code does not say.
   */
  public static String indentStep(String innerIndent, Tree outer, VisitorState state) {
    String outerIndent = indentationAt(ASTHelpers.getStartPosition(outer), state);
    return innerIndent.length() > outerIndent.length() && innerIndent.startsWith(outerIndent)
        ? innerIndent.substring(outerIndent.length())
        : "  ";
  }

  /**
   * Deletes {@code tree} and, when nothing else stands on its lines, the lines themselves, so that
   * no blank line is left where a statement was.
   */
  public static void deleteLines(SuggestedFix.Builder fix, Tree tree, VisitorState state) {
    int[] span = deletionSpan(tree, state);
    fix.replace(span[0], span[1], "");
  }

  /**
   * The range to delete to take {@code tree} out: its lines, when nothing else stands on them, else
   * the tree alone.
   */
  public static int[] deletionSpan(Tree tree, VisitorState state) {
    CharSequence source = state.getSourceCode();
    int start = ASTHelpers.getStartPosition(tree);
    int end = state.getEndPosition(tree);
    int lineStart = start;
    while (lineStart > 0 && isBlank(source.charAt(lineStart - 1))) {
      lineStart--;
    }
    int lineEnd = end;
    while (lineEnd < source.length() && isBlank(source.charAt(lineEnd))) {
      lineEnd++;
    }
    boolean ownLines =
        (lineStart == 0 || source.charAt(lineStart - 1) == '\n')
            && lineEnd < source.length()
            && source.charAt(lineEnd) == '\n';
    return ownLines ? new int[] {lineStart, lineEnd + 1} : new int[] {start, end};
  }

  /**
   * Whether only white space (no comment, no code) stands between {@code first} and {@code second}.
   */
  public static boolean onlyBlankBetween(Tree first, Tree second, VisitorState state) {
    CharSequence source = state.getSourceCode();
    for (int i = state.getEndPosition(first); i < ASTHelpers.getStartPosition(second); i++) {
      if (!Character.isWhitespace(source.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code text} with every line after the first (which continues a line of code already written)
   * indented by {@code unit} more; blank lines stay empty.
   */
  public static String reindent(String text, String unit) {
    StringBuilder out = new StringBuilder(text.length() + 64);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      out.append(c);
      if (c == '\n' && i + 1 < text.length() && text.charAt(i + 1) != '\n') {
        out.append(unit);
      }
    }
    return out.toString();
  }

  /** The position just after the opening brace of {@code classTree}'s body, or -1. */
  public static int bodyStart(ClassTree classTree, VisitorState state) {
    // Search after the modifiers: an annotation's arguments may hold braces of their own.
    int after = state.getEndPosition(classTree.getModifiers());
    for (ErrorProneToken token : state.getOffsetTokensForNode(classTree)) {
      if (token.kind() == TokenKind.LBRACE && token.pos() >= after) {
        return token.endPos();
      }
    }
    return -1;
  }

  /**
   * The position just after the semicolon that ends the member of {@code classTree} starting at or
   * after {@code position}: the first semicolon at the class body's own brace depth (so not one in
   * a lambda or anonymous class in an initializer). For an enum and the body's start, that is the
   * semicolon after the constants. -1 if there is none.
   */
  public static int memberEnd(ClassTree classTree, int position, VisitorState state) {
    int bodyStart = bodyStart(classTree, state);
    int depth = 0;
    for (ErrorProneToken token : state.getOffsetTokensForNode(classTree)) {
      if (token.pos() < bodyStart) {
        continue;
      }
      if (token.kind() == TokenKind.LBRACE) {
        depth++;
      } else if (token.kind() == TokenKind.RBRACE) {
        depth--;
      } else if (token.kind() == TokenKind.SEMI && depth == 0 && token.pos() >= position) {
        return token.endPos();
      }
    }
    return -1;
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }

  private SourceText() {}
}
