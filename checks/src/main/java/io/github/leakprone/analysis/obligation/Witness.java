package io.github.leakprone.analysis.obligation;

import io.github.leakprone.catalog.ReleaseVerb;
import java.util.Objects;

/**
 * The event on a path that lets a resource escape unclosed: what a finding tells the user.
 *
 * @param kind what happened
 * @param line where, 1-based (0 when it has no place of its own)
 * @param text the name of what happened: {@code continue}, {@code ps.execute()}, {@code ps}, ...
 * @param rank how telling the event is, for choosing among the events of joined paths: a call that
 *     declares a checked exception says more than one that could only throw an unchecked one, and a
 *     jump or an overwrite says more than either
 */
public record Witness(Kind kind, int line, String text, int rank) {

  /** The kinds of event, each with its phrase in a finding. */
  public enum Kind {
    /** No event yet: the path simply went on. */
    NONE,
    /** A {@code continue}, {@code break}, {@code return} or {@code throw} was taken. */
    JUMP,
    /** A call threw. */
    EXCEPTION,
    /**
     * A catch block handled an exception, and the path went on from there; the text names the call
     * whose exception it was, where one did.
     */
    CAUGHT,
    /** The last variable that held it was assigned another value. */
    OVERWRITE,
    /** A call to a method of the same class overwrote the field that held it. */
    CALL_OVERWRITE,
    /**
     * Its loop went round again, to the declaration of the local that held it: a new variable each
     * pass, so the last pass's resource went out of reach when that pass ended.
     */
    NEXT_PASS,
    /**
     * A step of construction stored it in a field, and the constructor that called the step failed
     * after it returned: no object came to exist to close it.
     */
    CONSTRUCTION_FAILS,
    /**
     * A new resource was stored in a field that may still hold one from an earlier call: the
     * finding is about that earlier one.
     */
    EARLIER_VALUE,
    /** The method ended with it open. */
    END,
    /** It was never stored anywhere, so nothing could close it. */
    NEVER_STORED,
    /** A field holds it that nothing in its class closes, returns or passes on. */
    FIELD_NEVER_CLOSED,
    /**
     * A field holds it that nothing in its class closes, where the class closes only the resource
     * it was made of (a statement's connection): whether that closes it is the driver's business.
     */
    FIELD_LEFT_TO_ITS_PARENT,
    /** A local collection holds it that nothing takes an element out of. */
    KEPT_IN_COLLECTION
  }

  static final Witness NONE = new Witness(Kind.NONE, 0, "", 0);

  Witness(Kind kind, int line, String text) {
    this(kind, line, text, kind == Kind.NONE ? 0 : kind == Kind.CAUGHT ? 1 : 3);
  }

  /**
   * The rank of an event that took the resource out of every variable's reach: nothing later on its
   * path tells more (see {@link #decisive}).
   */
  private static final int DECISIVE = 4;

  /**
   * This event, as the one that lost the resource for good: an exception that left the scope of
   * every variable holding it, so that a later {@code return} or {@code throw} only ends a path on
   * which it was already lost.
   */
  Witness decisive() {
    return rank == DECISIVE ? this : new Witness(kind, line, text, DECISIVE);
  }

  /** Of two events on joined paths, the more telling one; the first seen when they tie. */
  static Witness stronger(Witness first, Witness second) {
    return second.rank > first.rank ? second : first;
  }

  // equals and hashCode written out: a record's own are linked through method handles on first
  // use, a cost every build pays again, in code that runs cold (docs/performance.md).
  @Override
  public boolean equals(Object other) {
    return other instanceof Witness that
        && kind == that.kind
        && line == that.line
        && rank == that.rank
        && Objects.equals(text, that.text);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, line, text, rank);
  }

  boolean isNone() {
    return kind == Kind.NONE;
  }

  /** Whether the event is a failure leaving the method: a call that threw, or a {@code throw}. */
  boolean isFailure() {
    return kind == Kind.EXCEPTION || (kind == Kind.JUMP && text.equals("throw"));
  }

  /**
   * Whether the event happens where nothing failed: a jump other than a {@code throw}, the end of
   * the method, an overwrite, a loop's next pass, a store nothing closes. Not a catch that handled
   * an exception, nor a failed construction, nor no event at all.
   */
  boolean isOrdinary() {
    return switch (kind) {
      case JUMP -> !isFailure();
      case END,
          OVERWRITE,
          CALL_OVERWRITE,
          NEXT_PASS,
          EARLIER_VALUE,
          NEVER_STORED,
          FIELD_NEVER_CLOSED,
          FIELD_LEFT_TO_ITS_PARENT,
          KEPT_IN_COLLECTION ->
          true;
      case NONE, EXCEPTION, CAUGHT, CONSTRUCTION_FAILS -> false;
    };
  }

  /** The clause after "is not closed ...", e.g. "when the `continue` at line 15 is taken". */
  public String describe() {
    return describe(ReleaseVerb.CLOSE);
  }

  /** {@link #describe()} for a resource released as {@code verb} says ("ended" for a Deflater). */
  public String describe(ReleaseVerb verb) {
    return switch (kind) {
      case JUMP -> String.format("when the `%s` at line %d is taken", text, line);
      case EXCEPTION -> String.format("when `%s` at line %d throws", text, line);
      case CAUGHT ->
          text.isEmpty()
              ? String.format("after the catch at line %d handles an exception", line)
              : String.format(
                  "when %s throws and the catch at line %d goes on without %s it",
                  text, line, verb.gerund());
      case OVERWRITE -> String.format("before `%s` is overwritten at line %d", text, line);
      case CALL_OVERWRITE -> "before " + text;
      case NEXT_PASS -> String.format("when the loop at line %d starts its next pass", line);
      case CONSTRUCTION_FAILS -> "when " + text;
      case EARLIER_VALUE ->
          String.format(
              "before line %d stores a new one in field `%s`, which may still hold one from an"
                  + " earlier call",
              line, text);
      case END, NONE -> "on the path that reaches the end of the method";
      case NEVER_STORED -> "because it is never stored, so nothing can " + verb.base() + " it";
      case FIELD_NEVER_CLOSED ->
          String.format(
              "after it is stored in field `%s`, which nothing in its class %s",
              text, verb.third());
      case FIELD_LEFT_TO_ITS_PARENT -> "after it is stored in " + text;
      case KEPT_IN_COLLECTION ->
          String.format(
              "after it is added to `%s`, from which nothing takes it to %s it", text, verb.base());
    };
  }
}
