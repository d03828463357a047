package io.github.leakprone.catalog;

import com.google.common.collect.ImmutableSet;

/**
 * Method names whose meaning holds across container kinds and refines what {@link ContainerKind}
 * says: how a shrink removes, which calls remove through their function, which hand elements to a
 * lambda, and which reads can bound a growth.
 */
public final class ContainerCalls {

  /** Shrinks that remove by condition or wholesale rather than one given entry. */
  public static final ImmutableSet<String> SWEEPS =
      ImmutableSet.of(
          // Removes every element its predicate matches, whichever code added it.
          "removeIf",
          // Keeps only what the argument holds: what was added and not listed goes.
          "retainAll",
          // Removes a whole collection of elements, not one the caller added.
          "removeAll",
          // Removes everything.
          "clear",
          // A blocking queue's: moves everything out into another collection.
          "drainTo",
          // A cache's clear, or removal of many keys at once.
          "invalidateAll");

  /** Calls whose function removes the entry by returning {@code null}. */
  public static final ImmutableSet<String> REMOVE_ON_NULL =
      ImmutableSet.of(
          // Map.compute: a null result removes the key.
          "compute",
          // Map.computeIfPresent: a null result removes the key (it never adds one).
          "computeIfPresent",
          // Map.merge: a null result of the merge function removes the key.
          "merge");

  /**
   * Calls that hand each element to a lambda, as its last parameter: a map's value, an iterable's
   * or an iterator's element.
   */
  public static final ImmutableSet<String> ELEMENT_CALLBACKS =
      ImmutableSet.of(
          // Iterable.forEach(e -> ...) and Map.forEach((key, value) -> ...).
          "forEach",
          // Iterator.forEachRemaining(e -> ...).
          "forEachRemaining");

  /** Reads of the content's size: tested in a condition, they can stop the growth they guard. */
  public static final ImmutableSet<String> SIZE_READS =
      ImmutableSet.of(
          // Collection.size() and Map.size(): if (CACHE.size() < MAX) CACHE.put(k, v).
          "size");

  /**
   * Growth calls that add every element of their argument. Into a keyed container (a map's {@code
   * putAll}, a set's {@code addAll}) they add only the keys not yet present, and which keys the
   * argument holds its look does not tell: a configuration loaded again puts the same keys.
   */
  public static final ImmutableSet<String> BULK_GROWTH = ImmutableSet.of("putAll", "addAll");

  /**
   * The growth method that adds one element. Keyed where the kind says so (a set): then an element
   * of a finite domain bounds it, and a static mutator ({@code Collections.addAll}) that adds as it
   * does is keyed too.
   */
  public static final String ADD = "add";

  /**
   * Conversions whose result is new whenever their one argument is: {@code valueOf(counter
   * .incrementAndGet())} makes a new key each call.
   */
  public static final ImmutableSet<String> FRESH_CONVERSIONS =
      ImmutableSet.of(
          // String.valueOf, Long.valueOf and the like: a new value converted is a new value.
          "valueOf");

  private ContainerCalls() {}
}
