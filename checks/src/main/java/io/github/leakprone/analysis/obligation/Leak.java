package io.github.leakprone.analysis.obligation;

import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Symbol;
import javax.annotation.Nullable;

/**
 * A resource acquired at {@code site} that some path out of its scope does not release.
 *
 * @param site the acquiring expression
 * @param holder the first variable that held it, or null when none did
 * @param witness the first event found on a losing path
 * @param handledSomewhere whether some other path releases it or hands it over (returns, stores or
 *     wraps it); when none does, it is simply never closed
 * @param handedOnSomewhere whether some other path hands it on (returns or stores it, gives it to
 *     an object that keeps it): then try-with-resources, or a close in a {@code finally}, would
 *     close what the method means to give
 * @param heldWhenLost whether a variable held it where the event lost it: not a stream given to a
 *     decorator whose constructor threw ({@code oos = new ObjectOutputStream(new
 *     FileOutputStream(f))}), which {@code oos} never got
 */
public record Leak(
    Tree site,
    @Nullable Symbol holder,
    Witness witness,
    boolean handledSomewhere,
    boolean handedOnSomewhere,
    boolean heldWhenLost) {

  /** The name of the first variable that held it, or empty when none did. */
  public String variable() {
    return holder == null ? "" : holder.getSimpleName().toString();
  }

  /**
   * Whether no path releases it at all: nothing releases or hands it over, and the event that loses
   * it is no more than the path ending, jumping or throwing, or the value never being stored. A
   * finding then says "never closed" rather than name a path. An overwrite or a catch that goes on
   * without it is a mistake of its own, worth naming even so.
   */
  public boolean neverReleased() {
    return !handledSomewhere
        && switch (witness.kind()) {
          case END, JUMP, EXCEPTION, NEVER_STORED, NEXT_PASS -> true;
          case NONE,
              CAUGHT,
              OVERWRITE,
              CALL_OVERWRITE,
              CONSTRUCTION_FAILS,
              EARLIER_VALUE,
              FIELD_NEVER_CLOSED,
              FIELD_LEFT_TO_ITS_PARENT,
              KEPT_IN_COLLECTION ->
              false;
        };
  }
}
