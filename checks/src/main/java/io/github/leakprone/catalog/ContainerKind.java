package io.github.leakprone.catalog;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;

/**
 * What a container type can do to its content, by method name: grow it, shrink it, hand out a live
 * view of it, or hand out a part of it (an element that may itself be a container).
 *
 * @param type the container type, fully qualified; subtypes match too
 * @param watched whether a static field of this type is watched (an {@code Iterator} is not: it
 *     only reaches a watched field's content)
 * @param growth methods that add to the content
 * @param keyedGrowth growth methods whose first argument is a key that replaces an equal one (or,
 *     for a bulk growth such as {@code putAll}, a container of such keys), so the same key never
 *     grows the content twice ({@code Map.put}, {@code Set.add})
 * @param memoizing growth methods that add only for a key not yet present, computing its value
 *     ({@code computeIfAbsent}, a loading cache's {@code get}): the container is a cache
 * @param shrink methods that remove from the content
 * @param views methods whose result is a live view of the content: a change through it is a change
 *     of the container ({@code keySet()}, {@code iterator()}, {@code asMap()})
 * @param parts methods whose result is an element held in the content ({@code get}, {@code
 *     computeIfAbsent}): when it is a container, its growth is the container's growth
 * @param removals for a growth method, the call that undoes it, used by the suggested fix
 */
public record ContainerKind(
    String type,
    boolean watched,
    ImmutableSet<String> growth,
    ImmutableSet<String> keyedGrowth,
    ImmutableSet<String> memoizing,
    ImmutableSet<String> shrink,
    ImmutableSet<String> views,
    ImmutableSet<String> parts,
    ImmutableMap<String, Removal> removals) {

  /** Methods that look a key up without adding it: before a {@code put}, they make it a cache. */
  public static final ImmutableSet<String> LOOKUPS =
      ImmutableSet.of("get", "containsKey", "getIfPresent", "getOrDefault");

  /**
   * Methods that ask whether a collection holds a value: before an {@code add}, the code adds only
   * values it does not hold yet ({@code if (!LIST.contains(x)) LIST.add(x)}), which a finding says.
   */
  public static final ImmutableSet<String> MEMBERSHIP_TESTS =
      ImmutableSet.of("contains", "indexOf", "lastIndexOf");

  /**
   * How to undo a growth call: call {@code method} with the growth call's first {@code arguments}
   * arguments ({@code SET.add(x)} by {@code SET.remove(x)}, {@code MULTIMAP.put(k, v)} by {@code
   * MULTIMAP.remove(k, v)}).
   */
  public record Removal(String method, int arguments) {}
}
