package io.github.leakprone.fixes;

import static com.google.errorprone.util.ASTHelpers.getStartPosition;
import static com.google.errorprone.util.ASTHelpers.getSymbol;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import io.github.leakprone.trees.SourceText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The text of {@code T x = acquire(); rest...} rewritten as {@code try (T x = acquire()) { rest...
 * }}, laid out as a person would write it: several resources declared one after the other in one
 * header, a line each; the releases the try makes redundant ({@link RedundantReleases}) deleted;
 * and when the last of them stands in the block itself, what followed it after the try, where it
 * ran after the release, as long as it needs neither the resources nor a name the try declares.
 */
final class TryWithResources {

  /**
   * The rewrite of {@code resources} (consecutive declarations in the block at {@code blockPath})
   * and {@code rest}, the statements that follow them to the block's end.
   */
  static String text(
      List<VariableTree> resources,
      TreePath blockPath,
      List<? extends StatementTree> rest,
      RedundantReleases.Resources resourceUses,
      VisitorState state) {
    CharSequence source = state.getSourceCode();
    int start = getStartPosition(resources.get(0));
    String indent = SourceText.indentationAt(start, state);
    String unit = SourceText.indentStep(indent, blockPath.getLeaf(), state);

    StringBuilder text = new StringBuilder("try (");
    for (int i = 0; i < resources.size(); i++) {
      VariableTree resource = resources.get(i);
      String declaration =
          source.subSequence(getStartPosition(resource), state.getEndPosition(resource)).toString();
      if (i > 0) {
        // google-java-format's continuation: a line per resource, two steps in.
        text.append(";\n").append(indent).append(unit).append(unit);
      }
      text.append(
          declaration.endsWith(";")
              ? declaration.substring(0, declaration.length() - 1)
              : declaration);
    }
    text.append(") {");

    Set<StatementTree> redundant = RedundantReleases.in(blockPath, rest, resourceUses, state);
    List<? extends StatementTree> inside = rest;
    String after = "";
    int lastRelease = lastIndexIn(rest, redundant);
    if (lastRelease >= 0 && lastRelease < rest.size() - 1) {
      List<? extends StatementTree> following = rest.subList(lastRelease + 1, rest.size());
      int followingStart = getStartPosition(following.get(0));
      int followingEnd = state.getEndPosition(following.get(following.size() - 1));
      if (!resourceUses.anyUsedIn(followingStart, followingEnd)
          && !namesDeclaredIn(rest.subList(0, lastRelease), following)) {
        inside = rest.subList(0, lastRelease + 1);
        after =
            source
                .subSequence(state.getEndPosition(rest.get(lastRelease)), followingEnd)
                .toString();
      }
    }
    int kept = inside.size();
    while (kept > 0 && redundant.contains(inside.get(kept - 1))) {
      kept--;
    }
    int bodyStart = state.getEndPosition(resources.get(resources.size() - 1));
    int bodyEnd = kept == 0 ? bodyStart : state.getEndPosition(inside.get(kept - 1));
    String body = without(redundant, bodyStart, bodyEnd, state);
    text.append(SourceText.reindent(body, unit)).append('\n').append(indent).append('}');
    return text.append(after).toString();
  }

  private static int lastIndexIn(List<? extends StatementTree> statements, Set<?> wanted) {
    for (int i = statements.size() - 1; i >= 0; i--) {
      if (wanted.contains(statements.get(i))) {
        return i;
      }
    }
    return -1;
  }

  /** The source in {@code [start, end)} with the lines of {@code deleted} taken out. */
  private static String without(
      Set<StatementTree> deleted, int start, int end, VisitorState state) {
    List<int[]> spans = new ArrayList<>();
    for (StatementTree statement : deleted) {
      int[] span = SourceText.deletionSpan(statement, state);
      if (span[0] >= start && span[1] <= end) {
        spans.add(span);
      }
    }
    spans.sort((a, b) -> Integer.compare(a[0], b[0]));
    CharSequence source = state.getSourceCode();
    StringBuilder out = new StringBuilder();
    int from = start;
    for (int[] span : spans) {
      out.append(source, from, span[0]);
      from = span[1];
    }
    return out.append(source, from, end).toString();
  }

  /** Whether {@code later} names a local or a class declared by one of {@code earlier}. */
  private static boolean namesDeclaredIn(
      List<? extends StatementTree> earlier, List<? extends StatementTree> later) {
    Set<Symbol> declared = new HashSet<>();
    for (StatementTree statement : earlier) {
      if (statement instanceof VariableTree || statement instanceof ClassTree) {
        declared.add(getSymbol(statement));
      }
    }
    if (declared.isEmpty()) {
      return false;
    }
    boolean[] found = {false};
    TreeScanner<Void, Void> scanner =
        new TreeScanner<Void, Void>() {
          @Override
          public Void visitIdentifier(IdentifierTree tree, Void unused) {
            found[0] |= declared.contains(getSymbol(tree));
            return null;
          }
        };
    for (Tree statement : later) {
      scanner.scan(statement, null);
    }
    return found[0];
  }

  private TryWithResources() {}
}
