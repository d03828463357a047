package io.github.leakprone.analysis;

/**
 * What becomes of a value built inside one per-call body.
 *
 * @param kind the outcome
 * @param detail the field or collection it went to, where {@code kind} names one; else empty
 * @param line for {@link Kind#RELEASED_ON_NORMAL_PATH}: the line of the release; else 0
 */
public record Fate(Kind kind, String detail, int line) {

  /** The outcomes, from the one that settles the question most to the least. */
  public enum Kind {
    /** Handed to the caller ({@code return}, or the body of a lambda): the method is a factory. */
    RETURNED,
    /** Stored in a field behind a null check: lazy initialisation, built once. */
    KEPT_ONCE,
    /** Added to a collection or map: one more instance kept on every call. */
    ADDED_TO_COLLECTION,
    /** Stored in a field on every call, with no null check guarding the store. */
    STORED_IN_FIELD,
    /** Released in a {@code finally} block or by try-with-resources. */
    RELEASED_ON_EVERY_PATH,
    /** Released, but outside any {@code finally}: an exception thrown before it skips it. */
    RELEASED_ON_NORMAL_PATH,
    /** Used and dropped. */
    NOT_RELEASED
  }

  static Fate of(Kind kind) {
    return new Fate(kind, "", 0);
  }
}
