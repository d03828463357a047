package io.github.leakprone.checks;

import com.google.errorprone.matchers.Description;
import io.github.leakprone.FailOnInternalError;
import java.util.function.Supplier;

/**
 * A check never crashes the user's compilation: a tree it did not expect means no finding. The
 * tests set {@value FailOnInternalError#PROPERTY} so that such a failure shows up there instead of
 * being swallowed.
 */
final class InternalErrors {

  static Description noFindingOnError(Supplier<Description> check) {
    try {
      return check.get();
    } catch (RuntimeException e) {
      if (FailOnInternalError.ENABLED) {
        throw e;
      }
      return Description.NO_MATCH;
    }
  }

  private InternalErrors() {}
}
