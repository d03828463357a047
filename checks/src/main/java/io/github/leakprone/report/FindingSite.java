package io.github.leakprone.report;

import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LineMap;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.Types;
import com.sun.tools.javac.tree.JCTree;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.annotation.Nullable;

/**
 * Where a finding is: its file, its region (1-based lines and columns, columns counted in UTF-16
 * code units from the start of the line, as SARIF's default column kind says), the flagged code,
 * and the named class and member that hold it, which key its baseline entry.
 */
record FindingSite(
    SourceFile file,
    int startOffset,
    int endOffset,
    int startLine,
    int startColumn,
    int endLine,
    int endColumn,
    String snippet,
    String className,
    String member) {

  static FindingSite of(Description description, VisitorState state, SourceFile file) {
    CompilationUnitTree unit = state.getPath().getCompilationUnit();
    CharSequence source = state.getSourceCode();
    JCTree tree = ErrorProneCompat.tree(description);
    int start = tree != null ? ASTHelpers.getStartPosition(tree) : -1;
    if (start < 0) {
      start = ErrorProneCompat.startPosition(description);
    }
    start = Math.max(0, Math.min(start, source.length()));
    int end = tree != null ? state.getEndPosition(tree) : -1;
    if (end < start || end > source.length()) {
      end = lineEnd(source, start);
    }
    LineMap lines = unit.getLineMap();
    TreePath path = pathTo(tree, state);
    String[] owner = owner(path, state);
    return new FindingSite(
        file,
        start,
        end,
        (int) lines.getLineNumber(start),
        column(lines, start),
        (int) lines.getLineNumber(end),
        column(lines, end),
        source.subSequence(start, end).toString(),
        owner[0],
        owner[1]);
  }

  private static int column(LineMap lines, int position) {
    long line = lines.getLineNumber(position);
    return (int) (position - lines.getStartPosition(line)) + 1;
  }

  private static int lineEnd(CharSequence source, int from) {
    int end = from;
    while (end < source.length() && source.charAt(end) != '\n' && source.charAt(end) != '\r') {
      end++;
    }
    return end;
  }

  /**
   * The path to the flagged tree: under the check's current path if it is there, else the file's.
   */
  private static TreePath pathTo(@Nullable JCTree tree, VisitorState state) {
    if (tree == null) {
      return state.getPath();
    }
    TreePath current = state.getPath();
    if (current.getLeaf() == tree) {
      return current;
    }
    TreePath found = TreePath.getPath(current, tree);
    if (found == null) {
      found = TreePath.getPath(current.getCompilationUnit(), tree);
    }
    return found != null ? found : current;
  }

  /**
   * The innermost named class around the finding (its named enclosing classes joined by dots;
   * anonymous classes are skipped, their numbers change with edits elsewhere) and the member of
   * that class that holds the finding.
   */
  private static String[] owner(TreePath path, VisitorState state) {
    Tree member = null;
    Deque<String> classes = new ArrayDeque<>();
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof ClassTree classTree && !classTree.getSimpleName().isEmpty()) {
        classes.addFirst(classTree.getSimpleName().toString());
        continue;
      }
      TreePath parent = p.getParentPath();
      if (classes.isEmpty()
          && parent != null
          && parent.getLeaf() instanceof ClassTree owner
          && !owner.getSimpleName().isEmpty()) {
        member = leaf;
      }
    }
    String className = classes.isEmpty() ? "-" : String.join(".", classes);
    String innermost = classes.isEmpty() ? "" : classes.getLast();
    return new String[] {className, memberName(member, innermost, state)};
  }

  private static String memberName(@Nullable Tree member, String className, VisitorState state) {
    if (member instanceof MethodTree method) {
      String name =
          method.getName().contentEquals("<init>") ? className : method.getName().toString();
      return name + "(" + String.join(",", parameterTypes(method, state)) + ")";
    }
    if (member instanceof VariableTree field) {
      return field.getName().toString();
    }
    if (member instanceof BlockTree block) {
      return block.isStatic() ? "static {}" : "{}";
    }
    return "-";
  }

  /**
   * Erased simple names of the parameter types ({@code Map}, {@code String[]}, {@code Object...}).
   */
  private static List<String> parameterTypes(MethodTree method, VisitorState state) {
    List<String> names = new ArrayList<>();
    MethodSymbol symbol = ASTHelpers.getSymbol(method);
    Types types = state.getTypes();
    List<? extends VariableTree> parameters = method.getParameters();
    for (int i = 0; i < parameters.size(); i++) {
      Type type = symbol != null && i < symbol.params().size() ? symbol.params().get(i).type : null;
      String name = type != null ? simpleName(types.erasure(type)) : "?";
      if (symbol != null
          && symbol.isVarArgs()
          && i == parameters.size() - 1
          && name.endsWith("[]")) {
        name = name.substring(0, name.length() - 2) + "...";
      }
      names.add(name);
    }
    return names;
  }

  private static String simpleName(Type type) {
    if (type instanceof Type.ArrayType array) {
      return simpleName(array.elemtype) + "[]";
    }
    if (type.tsym == null || type.isPrimitive()) {
      return type.toString();
    }
    return type.tsym.getSimpleName().toString();
  }
}
