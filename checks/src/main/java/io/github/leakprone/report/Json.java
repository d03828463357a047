package io.github.leakprone.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough JSON to write a SARIF file: objects keep their insertion order and render with two
 * spaces of indentation. Written by hand so that the plugin jar needs no JSON library on the user's
 * processor path.
 */
final class Json {

  /** A JSON object; {@code put} skips null values, so optional SARIF properties stay absent. */
  static final class Obj {
    private final Map<String, Object> members = new LinkedHashMap<>();

    Obj put(String name, Object value) {
      if (value != null) {
        members.put(name, value);
      }
      return this;
    }
  }

  static Obj obj() {
    return new Obj();
  }

  static List<Object> array() {
    return new ArrayList<>();
  }

  static String render(Object value) {
    StringBuilder out = new StringBuilder(1 << 16);
    write(value, 0, out);
    return out.append('\n').toString();
  }

  private static void write(Object value, int indent, StringBuilder out) {
    if (value instanceof Obj object) {
      writeObject(object, indent, out);
    } else if (value instanceof List<?> list) {
      writeArray(list, indent, out);
    } else if (value instanceof String string) {
      quote(string, out);
    } else if (value instanceof Number || value instanceof Boolean) {
      out.append(value);
    } else {
      throw new IllegalArgumentException("not a JSON value: " + value);
    }
  }

  private static void writeObject(Obj object, int indent, StringBuilder out) {
    if (object.members.isEmpty()) {
      out.append("{}");
      return;
    }
    out.append('{');
    String separator = "\n";
    for (Map.Entry<String, Object> member : object.members.entrySet()) {
      out.append(separator);
      newLineIndent(indent + 1, out);
      quote(member.getKey(), out);
      out.append(": ");
      write(member.getValue(), indent + 1, out);
      separator = ",\n";
    }
    out.append('\n');
    newLineIndent(indent, out);
    out.append('}');
  }

  private static void writeArray(List<?> list, int indent, StringBuilder out) {
    if (list.isEmpty()) {
      out.append("[]");
      return;
    }
    out.append('[');
    String separator = "\n";
    for (Object element : list) {
      out.append(separator);
      newLineIndent(indent + 1, out);
      write(element, indent + 1, out);
      separator = ",\n";
    }
    out.append('\n');
    newLineIndent(indent, out);
    out.append(']');
  }

  private static void newLineIndent(int indent, StringBuilder out) {
    for (int i = 0; i < indent; i++) {
      out.append("  ");
    }
  }

  /** A JSON string: quotes, backslashes and control characters escaped (RFC 8259, section 7). */
  static void quote(String text, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private Json() {}
}
