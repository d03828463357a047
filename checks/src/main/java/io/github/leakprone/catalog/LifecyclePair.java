package io.github.leakprone.catalog;

import com.google.common.collect.ImmutableList;

/**
 * Two methods of one class that bracket the life of something: what the {@code open} side adds to a
 * static container, a {@code close} side must remove.
 *
 * @param open the method that starts a life (a connection, a session, a registration)
 * @param close the methods that end it; a removal reachable from any of them counts
 * @param whenMissing what growth in {@code open} means in a class that has no {@code close} method
 */
public record LifecyclePair(
    MethodPattern open, ImmutableList<MethodPattern> close, WhenMissing whenMissing) {

  /** What growth in an open method means when the class has no close partner. */
  public enum WhenMissing {
    /** A finding: the framework calls the close side, and the class forgot to implement it. */
    FINDING,
    /** Nothing: without its partner the open side runs once (a servlet's {@code init}). */
    RUNS_ONCE,
    /** The method is an ordinary method, judged as any other. */
    ORDINARY
  }
}
