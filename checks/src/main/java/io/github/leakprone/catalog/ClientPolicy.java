package io.github.leakprone.catalog;

/** What a heavyweight client's library requires of the code that builds one. */
public enum ClientPolicy {
  /**
   * One instance must be shared: building one per call is the bug, whether or not it is released
   * (each instance regenerates caches or classes, or starts its own pool).
   */
  SHARE,
  /**
   * An instance holds threads or connections until it is released: one built per call is acceptable
   * only when it is released on every path out of the call.
   */
  RELEASE
}
