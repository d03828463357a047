package io.github.leakprone.analysis;

/**
 * What becomes of a value built inside one per-call body.
 *
 * @param kind the outcome
 * @param detail the field or collection it went to, where {@code kind} names one; else empty
 */
public record Fate(Kind kind, String detail) {

  /** The outcomes, from the one that settles the question most to the least. */
  public enum Kind {
    /** Handed to the caller ({@code return}, or the body of a lambda): the method is a factory. */
    RETURNED,
    /**
     * Built once, not per call: stored in a field behind a null check (lazy initialisation), in a
     * map behind a test that the key is absent (a cache, once per key), or in a field by a start
     * method whose class releases it in an end method (owned by the object's service life); or one
     * at a time: stored in a field that the method releases before it replaces it (or in a map or
     * collection after it released what that held), or in a {@code finally} that runs after it
     * stores it.
     */
    KEPT_ONCE,
    /** Added to a collection or map: one more instance kept on every call. */
    ADDED_TO_COLLECTION,
    /** Stored in a field on every call, with no null check guarding the store. */
    STORED_IN_FIELD,
    /**
     * Used in the method and no further: whether it is released on every path is the obligation
     * analysis's question.
     */
    STAYS_IN_METHOD
  }

  static Fate of(Kind kind) {
    return new Fate(kind, "");
  }
}
