package io.github.leakprone.analysis.obligation;

import com.google.errorprone.ErrorProneFlags;
import io.github.leakprone.catalog.FlagSyntax;

/**
 * Which exceptions open a path out of a method, for a check's findings.
 *
 * <p>By default ({@link #DECLARED}) an exception leaves a call whose method declares one in its
 * {@code throws} clause (a checked exception, or an unchecked one that the library names there as
 * the way the call fails, as Aliyun's and AWS's storage clients do), an explicit {@code throw}, and
 * a call to a method or constructor of the same compilation unit whose body throws an unchecked
 * exception (or calls one that does). A path that only an unchecked exception from elsewhere could
 * take (a constructor that assigns fields, {@code List.add}, {@code AtomicInteger.incrementAndGet})
 * is not one a maintainer fixes: every statement of every method could throw one, and code does not
 * clean up after them any more than after an OutOfMemoryError. This is SpotBugs's choice for the
 * same reason; a team that wants those paths too turns on {@link #ALL} with {@code
 * -XepOpt:<Check>:UncheckedExceptionPaths=true}.
 */
public enum ExceptionPolicy {
  DECLARED,
  ALL;

  /**
   * The flag's name after the check's: {@code -XepOpt:JdbcResourceLeak:UncheckedExceptionPaths}.
   */
  public static final String FLAG = "UncheckedExceptionPaths";

  /** The policy {@code check}'s flags ask for; a value other than true or false is rejected. */
  public static ExceptionPolicy fromFlags(ErrorProneFlags flags, String check, String docPage) {
    return FlagSyntax.bool(flags, check + ":" + FLAG, docPage) ? ALL : DECLARED;
  }
}
