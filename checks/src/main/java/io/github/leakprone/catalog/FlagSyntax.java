package io.github.leakprone.catalog;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.ErrorProneFlags;
import java.util.regex.Pattern;

/**
 * The syntax shared by the checks' {@code -XepOpt:} flags: comma-separated entries naming a class
 * ({@code com.acme.Db}, nested classes with {@code $}) and, where a flag wants one, a method after
 * {@code #}. A malformed entry fails the compilation with a message naming the flag and the entry.
 */
public final class FlagSyntax {

  /** A fully qualified class name, nested classes with {@code $}: {@code com.acme.Outer$Client}. */
  static final Pattern QUALIFIED_NAME =
      Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)+");

  /** A Java identifier: a method name. */
  static final Pattern IDENTIFIER = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*");

  private static final Pattern METHOD_PATTERN = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*\\*?");

  /**
   * The {@code Class#method} entries of {@code flag}; the method may end in {@code *} (a prefix).
   *
   * @param docPage the page that documents the flag, named in the error message
   */
  public static ImmutableList<MethodRef> methodRefs(
      ErrorProneFlags flags, String flag, String docPage) {
    ImmutableList.Builder<MethodRef> refs = ImmutableList.builder();
    for (String entry : flags.getListOrEmpty(flag)) {
      int hash = entry.indexOf('#');
      if (hash < 0) {
        throw bad(flag, entry, "expected Class#method, such as com.acme.Db#closeQuietly", docPage);
      }
      String type = entry.substring(0, hash);
      String method = entry.substring(hash + 1);
      if (!QUALIFIED_NAME.matcher(type).matches()) {
        throw bad(flag, entry, "'" + type + "' is not a fully qualified class name", docPage);
      }
      if (!METHOD_PATTERN.matcher(method).matches()) {
        throw bad(flag, entry, "'" + method + "' is not a method name", docPage);
      }
      refs.add(new MethodRef(type, method));
    }
    return refs.build();
  }

  /** The value of a true/false {@code flag}, false when it is not set. */
  public static boolean bool(ErrorProneFlags flags, String flag, String docPage) {
    String value = flags.get(flag).orElse("false").strip();
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    if (value.equalsIgnoreCase("false")) {
      return false;
    }
    throw new IllegalArgumentException(
        String.format(
            "-XepOpt:%s: bad value '%s': expected true or false (see %s)", flag, value, docPage));
  }

  /**
   * The error for a malformed entry: it names the flag, the entry, what is wrong and where to read.
   */
  public static IllegalArgumentException bad(
      String flag, String entry, String problem, String docPage) {
    return new IllegalArgumentException(
        String.format(
            "-XepOpt:%s: bad entry '%s': %s (entries are separated by commas; see %s)",
            flag, entry, problem, docPage));
  }

  private FlagSyntax() {}
}
