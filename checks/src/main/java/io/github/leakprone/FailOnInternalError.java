package io.github.leakprone;

/**
 * The tests' switch that makes an internal error fail the compilation. In users' builds LeakProne
 * swallows its own failures (a check reports nothing, a finding goes to javac as it came), so that
 * it never crashes javac; the tests set the property so that such a failure shows up there instead.
 * Both the checks and {@code report/} read it, and {@code report/} must not depend on the checks,
 * so it lives here, above both.
 */
public final class FailOnInternalError {

  /** The system property, set to {@code true} by Surefire in this project's pom. */
  public static final String PROPERTY = "leakprone.failOnInternalError";

  /** Read once, when the plugin is loaded: the property does not change during a compilation. */
  public static final boolean ENABLED = Boolean.getBoolean(PROPERTY);

  private FailOnInternalError() {}
}
