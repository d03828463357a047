package io.github.leakprone.catalog;

import java.util.Objects;

/**
 * A method named by its owner type and a name pattern: an exact name, or a prefix ending in {@code
 * *} ({@code new*} matches {@code newFixedThreadPool}). Owners are matched with their subtypes.
 */
public record MethodRef(String ownerType, String namePattern) {

  public boolean nameMatches(String name) {
    // regionMatches, not startsWith(substring(...)): this is asked of every call in a compilation,
    // and a substring per question was garbage.
    return namePattern.endsWith("*")
        ? name.regionMatches(0, namePattern, 0, namePattern.length() - 1)
        : name.equals(namePattern);
  }

  // equals and hashCode written out: a record's own are linked through method handles on first
  // use, a cost every build pays again, in code that runs cold (docs/performance.md).
  @Override
  public boolean equals(Object other) {
    return other instanceof MethodRef that
        && Objects.equals(ownerType, that.ownerType)
        && Objects.equals(namePattern, that.namePattern);
  }

  @Override
  public int hashCode() {
    return 31 * Objects.hashCode(ownerType) + Objects.hashCode(namePattern);
  }
}
