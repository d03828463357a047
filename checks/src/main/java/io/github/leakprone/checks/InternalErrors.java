package io.github.leakprone.checks;

import com.google.errorprone.matchers.Description;
import java.util.function.Supplier;

/**
 * A check never crashes the user's compilation: a tree it did not expect means no finding. The
 * tests set {@value #FAIL_FAST_PROPERTY} so that such a failure shows up there instead of being
 * swallowed.
 */
final class InternalErrors {

  static final String FAIL_FAST_PROPERTY = "leakprone.failOnInternalError";

  private static final boolean FAIL_FAST = Boolean.getBoolean(FAIL_FAST_PROPERTY);

  static Description noFindingOnError(Supplier<Description> check) {
    try {
      return check.get();
    } catch (RuntimeException e) {
      if (FAIL_FAST) {
        throw e;
      }
      return Description.NO_MATCH;
    }
  }

  private InternalErrors() {}
}
