package io.github.leakprone.catalog;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;

/**
 * Method-name patterns (a name, or a prefix ending in {@code *}) that a check asks of every
 * distinct method name of a compilation, through a {@link NameFilter}: the names in a hash set, the
 * prefixes in a short list, so that a question costs one look-up and a few prefix tests instead of
 * a test per pattern (a catalog has a hundred; early in a build that code still runs interpreted).
 */
public final class NamePatterns {

  private final ImmutableSet<String> names;
  private final ImmutableList<String> prefixes;

  private NamePatterns(ImmutableSet<String> names, ImmutableList<String> prefixes) {
    this.names = names;
    this.prefixes = prefixes;
  }

  public static NamePatterns of(Iterable<String> patterns) {
    ImmutableSet.Builder<String> names = ImmutableSet.builder();
    ImmutableSet.Builder<String> prefixes = ImmutableSet.builder();
    for (String pattern : patterns) {
      if (pattern.endsWith("*")) {
        prefixes.add(pattern.substring(0, pattern.length() - 1));
      } else {
        names.add(pattern);
      }
    }
    return new NamePatterns(names.build(), prefixes.build().asList());
  }

  /** The name patterns of {@code refs}, whatever their owners. */
  public static NamePatterns ofMethods(Iterable<MethodRef> refs) {
    ImmutableList.Builder<String> patterns = ImmutableList.builder();
    for (MethodRef ref : refs) {
      patterns.add(ref.namePattern());
    }
    return of(patterns.build());
  }

  /** Whether {@code name} is one of the names or starts with one of the prefixes. */
  public boolean matches(String name) {
    if (names.contains(name)) {
      return true;
    }
    for (String prefix : prefixes) {
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
