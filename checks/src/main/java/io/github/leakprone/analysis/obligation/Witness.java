package io.github.leakprone.analysis.obligation;

/**
 * The event on a path that lets a resource escape unclosed: what a finding tells the user.
 *
 * @param kind what happened
 * @param line where, 1-based (0 when it has no place of its own)
 * @param text the name of what happened: {@code continue}, {@code ps.execute()}, {@code ps}, ...
 */
public record Witness(Kind kind, int line, String text) {

  /** The kinds of event, each with its phrase in a finding. */
  public enum Kind {
    /** No event yet: the path simply went on. */
    NONE,
    /** A {@code continue}, {@code break}, {@code return} or {@code throw} was taken. */
    JUMP,
    /** A call threw. */
    EXCEPTION,
    /** The last variable that held it was assigned another value. */
    OVERWRITE,
    /** A call to a method of the same class overwrote the field that held it. */
    CALL_OVERWRITE,
    /** The method ended with it open. */
    END,
    /** It was never stored anywhere, so nothing could close it. */
    NEVER_STORED,
    /** The method ended with it held only by a field that the class never closes. */
    FIELD_NEVER_CLOSED
  }

  static final Witness NONE = new Witness(Kind.NONE, 0, "");

  boolean isNone() {
    return kind == Kind.NONE;
  }

  /** The clause after "is not closed ...", e.g. "when the `continue` at line 15 is taken". */
  public String describe() {
    return switch (kind) {
      case JUMP -> String.format("when the `%s` at line %d is taken", text, line);
      case EXCEPTION -> String.format("when `%s` at line %d throws", text, line);
      case OVERWRITE -> String.format("before `%s` is overwritten at line %d", text, line);
      case CALL_OVERWRITE -> "before " + text;
      case END, NONE -> "on the path that reaches the end of the method";
      case NEVER_STORED -> "because it is never stored, so nothing can close it";
      case FIELD_NEVER_CLOSED ->
          String.format("after the method ends: field `%s` holds it and this class never closes it", text);
    };
  }
}
