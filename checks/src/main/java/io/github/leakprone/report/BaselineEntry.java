package io.github.leakprone.report;

import java.util.Comparator;
import java.util.regex.Pattern;

/**
 * One known finding, keyed so that it survives edits elsewhere in its file: the check, the file
 * relative to the base folder, the enclosing named class and its member (method with parameter
 * types, field, or initializer), the flagged code with layout and comments taken out, and which
 * occurrence of that code in that member it is (1 for the first). No line numbers: lines added
 * above a finding do not change its entry.
 *
 * <p>In the baseline file an entry is one line, its fields separated by {@code " | "}, the code
 * last so that it may hold the separator itself: {@code check | file | class | member | occurrence
 * | code}.
 */
record BaselineEntry(
    String check, String file, String className, String member, int occurrence, String code) {

  static final String SEPARATOR = " | ";
  static final String FORMAT = "check | file | class | member | occurrence | code";

  private static final Pattern CHECK_NAME = Pattern.compile("[A-Za-z_$][\\w$]*");

  static final Comparator<BaselineEntry> ORDER =
      Comparator.comparing(BaselineEntry::file)
          .thenComparing(BaselineEntry::className)
          .thenComparing(BaselineEntry::member)
          .thenComparing(BaselineEntry::check)
          .thenComparing(BaselineEntry::code)
          .thenComparingInt(BaselineEntry::occurrence);

  String toLine() {
    return String.join(
        SEPARATOR, check, file, className, member, Integer.toString(occurrence), code);
  }

  /** The entry on a baseline line; throws {@link IllegalArgumentException} saying what is wrong. */
  static BaselineEntry parse(String line) {
    String[] fields = line.split(Pattern.quote(SEPARATOR), 6);
    if (fields.length != 6) {
      throw new IllegalArgumentException(
          "expected '" + FORMAT + "', found " + fields.length + " field(s)");
    }
    for (int i = 0; i < fields.length; i++) {
      fields[i] = fields[i].strip();
      if (fields[i].isEmpty()) {
        throw new IllegalArgumentException(
            "expected '" + FORMAT + "', field " + (i + 1) + " is empty");
      }
    }
    if (!CHECK_NAME.matcher(fields[0]).matches()) {
      throw new IllegalArgumentException("'" + fields[0] + "' is not a check name");
    }
    int occurrence;
    try {
      occurrence = Integer.parseInt(fields[4]);
    } catch (NumberFormatException e) {
      occurrence = 0;
    }
    if (occurrence < 1) {
      throw new IllegalArgumentException(
          "occurrence '" + fields[4] + "' is not a whole number of 1 or more");
    }
    return new BaselineEntry(fields[0], fields[1], fields[2], fields[3], occurrence, fields[5]);
  }
}
