package io.github.leakprone.report;

import com.google.common.base.CharMatcher;
import com.google.common.collect.ImmutableList;
import com.google.errorprone.VisitorState;
import com.google.errorprone.fixes.Fix;
import com.google.errorprone.fixes.Replacement;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.Tree;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A suggested fix as plain text edits of its file, offsets in UTF-16 code units from the start of
 * the file: the fix's own replacements, plus the imports it adds or removes (which Error Prone
 * applies apart from the replacements, and SARIF must spell out).
 */
record FixEdits(String description, ImmutableList<Edit> edits) {

  /** Replace {@code length} characters at {@code offset} with {@code text}. */
  record Edit(int offset, int length, String text) {}

  static FixEdits of(Fix fix, VisitorState state) {
    CompilationUnitTree unit = state.getPath().getCompilationUnit();
    List<Edit> edits = new ArrayList<>();
    for (Replacement replacement : ErrorProneCompat.replacements(fix, unit)) {
      edits.add(
          new Edit(
              replacement.startPosition(),
              replacement.endPosition() - replacement.startPosition(),
              replacement.replaceWith()));
    }
    addImports(fix.getImportsToAdd(), unit, state, edits);
    removeImports(fix.getImportsToRemove(), unit, state, edits);
    edits.sort(Comparator.comparingInt(Edit::offset).thenComparingInt(Edit::length));
    return new FixEdits(fix.getShortDescription(), ImmutableList.copyOf(edits));
  }

  private static void addImports(
      Set<String> imports, CompilationUnitTree unit, VisitorState state, List<Edit> edits) {
    if (imports.isEmpty()) {
      return;
    }
    Set<String> missing = new TreeSet<>(imports);
    for (ImportTree existing : unit.getImports()) {
      missing.remove(statement(existing, state));
    }
    if (missing.isEmpty()) {
      return;
    }
    StringBuilder text = new StringBuilder();
    missing.forEach(statement -> text.append('\n').append(statement).append(';'));
    List<? extends ImportTree> existing = unit.getImports();
    if (!existing.isEmpty()) {
      int end = state.getEndPosition(existing.get(existing.size() - 1));
      edits.add(new Edit(end, 0, text.toString()));
    } else if (unit.getPackage() != null) {
      int semicolon =
          indexOf(state.getSourceCode(), ';', state.getEndPosition(unit.getPackageName()));
      edits.add(new Edit(semicolon + 1, 0, "\n" + text));
    } else {
      edits.add(new Edit(0, 0, text.substring(1) + "\n\n"));
    }
  }

  private static void removeImports(
      Set<String> imports, CompilationUnitTree unit, VisitorState state, List<Edit> edits) {
    if (imports.isEmpty()) {
      return;
    }
    CharSequence source = state.getSourceCode();
    for (ImportTree existing : unit.getImports()) {
      if (imports.contains(statement(existing, state))) {
        int start = startOf(existing);
        int end = state.getEndPosition(existing);
        if (end < source.length() && source.charAt(end) == '\n') {
          end++;
        }
        edits.add(new Edit(start, end - start, ""));
      }
    }
  }

  /** {@code import a.b.C} or {@code import static a.b.C.m}, as Error Prone's fixes spell them. */
  private static String statement(ImportTree tree, VisitorState state) {
    String name = state.getSourceForNode(tree.getQualifiedIdentifier());
    return (tree.isStatic() ? "import static " : "import ")
        + (name == null ? "" : CharMatcher.whitespace().removeFrom(name));
  }

  private static int startOf(Tree tree) {
    return com.google.errorprone.util.ASTHelpers.getStartPosition(tree);
  }

  private static int indexOf(CharSequence text, char c, int from) {
    for (int i = Math.max(0, from); i < text.length(); i++) {
      if (text.charAt(i) == c) {
        return i;
      }
    }
    return Math.max(0, from) - 1;
  }
}
