package io.github.leakprone.bench;

/**
 * Generates one class with one JDBC method of a given size and nesting depth, in the style of
 * incident 004: statements prepared inside loops and ifs, some closed by try-with-resources, some
 * by hand after a {@code continue} that skips the close.
 */
final class GeneratedJdbcMethods {

  /** Which variables the hand-closed statements live in. */
  enum Shape {
    /** One variable, reused by every hand-closed statement, as incident 004's {@code ps} was. */
    ONE_VARIABLE,
    /**
     * A variable of its own for each: every leaked statement stays open (held by its variable)
     * until the next loop iteration, so the number of open obligations grows with the method. The
     * worst case for the analysis.
     */
    VARIABLE_PER_STATEMENT
  }

  /** Lines of one repeated unit of work in the innermost block. */
  static final int LINES_PER_UNIT = 12;

  /**
   * A compilable class {@code Generated} whose method {@code save} has about {@code lines} lines.
   */
  static String source(int lines, int depth, Shape shape) {
    StringBuilder out = new StringBuilder();
    out.append("import java.sql.Connection;\n")
        .append("import java.sql.PreparedStatement;\n")
        .append("import java.sql.SQLException;\n")
        .append("import java.util.List;\n\n")
        .append("class Generated {\n")
        .append("  void save(Connection conn, List<String> items) throws SQLException {\n")
        .append("    PreparedStatement ps = null;\n");
    String indent = "    ";
    for (int level = 0; level < depth; level++) {
      out.append(indent)
          .append(
              level % 2 == 0
                  ? "for (String i" + level + " : items) {\n"
                  : "if (i" + (level - 1) + ".length() > " + level + ") {\n");
      indent += "  ";
    }
    String item = depth == 0 ? "items.get(0)" : "i" + ((depth - 1) / 2 * 2);
    int units = Math.max(1, (lines - 2 * depth - 8) / LINES_PER_UNIT);
    for (int unit = 0; unit < units; unit++) {
      if (unit % 2 == 0) {
        String ps = shape == Shape.ONE_VARIABLE ? "ps" : "ps" + unit;
        out.append(indent)
            .append(shape == Shape.ONE_VARIABLE ? "" : "PreparedStatement ")
            .append(ps)
            .append(" = conn.prepareStatement(\"insert into t")
            .append(unit)
            .append(" values (?)\");\n")
            .append(indent)
            .append(ps)
            .append(".setString(1, ")
            .append(item)
            .append(");\n")
            .append(indent)
            .append("if (")
            .append(item)
            .append(".isEmpty()) {\n")
            .append(indent)
            .append("  ")
            .append(depth > 0 ? "continue;" : "return;")
            .append("\n")
            .append(indent)
            .append("}\n")
            .append(indent)
            .append(ps)
            .append(".execute();\n")
            .append(indent)
            .append(ps)
            .append(".close();\n")
            .append(indent)
            .append("if (")
            .append(item)
            .append(".length() == ")
            .append(unit)
            .append(") {\n")
            .append(indent)
            .append("  items.remove(")
            .append(item)
            .append(");\n")
            .append(indent)
            .append("}\n")
            .append(indent)
            .append("// unit ")
            .append(unit)
            .append("\n")
            .append(indent)
            .append("items.add(")
            .append(item)
            .append(");\n");
      } else {
        out.append(indent)
            .append("try (PreparedStatement ps")
            .append(unit)
            .append(" = conn.prepareStatement(\"update t")
            .append(unit)
            .append(" set v = ?\")) {\n")
            .append(indent)
            .append("  ps")
            .append(unit)
            .append(".setString(1, ")
            .append(item)
            .append(");\n")
            .append(indent)
            .append("  if (")
            .append(item)
            .append(".isEmpty()) {\n")
            .append(indent)
            .append("    ")
            .append(depth > 0 ? "continue;" : "return;")
            .append("\n")
            .append(indent)
            .append("  }\n")
            .append(indent)
            .append("  ps")
            .append(unit)
            .append(".execute();\n")
            .append(indent)
            .append("}\n")
            .append(indent)
            .append("if (")
            .append(item)
            .append(".length() == ")
            .append(unit)
            .append(") {\n")
            .append(indent)
            .append("  items.remove(")
            .append(item)
            .append(");\n")
            .append(indent)
            .append("}\n")
            .append(indent)
            .append("// unit ")
            .append(unit)
            .append("\n")
            .append(indent)
            .append("items.add(")
            .append(item)
            .append(");\n");
      }
    }
    for (int level = depth - 1; level >= 0; level--) {
      indent = indent.substring(2);
      out.append(indent).append("}\n");
    }
    out.append("  }\n}\n");
    return out.toString();
  }

  private GeneratedJdbcMethods() {}
}
