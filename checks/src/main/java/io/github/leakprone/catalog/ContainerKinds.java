package io.github.leakprone.catalog;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import io.github.leakprone.catalog.ContainerKind.Removal;

/**
 * The built-in container kinds: the JDK's collections and maps (concurrent ones and the {@code
 * Collections.synchronized*} wrappers are subtypes), their iterators and entries, Guava's mutable
 * multimaps and tables, and Guava's and Caffeine's caches.
 */
public final class ContainerKinds {

  private static final Removal REMOVE_FIRST = new Removal("remove", 1);

  public static final ContainerKind COLLECTION =
      new ContainerKind(
          "java.util.Collection",
          true,
          ImmutableSet.of(
              "add",
              "addAll",
              "offer",
              "offerFirst",
              "offerLast",
              "push",
              "addFirst",
              "addLast",
              "put",
              "transfer",
              "tryTransfer",
              // Vector's methods from before the collections framework, which old code still calls.
              "addElement",
              "insertElementAt"),
          ImmutableSet.of(),
          ImmutableSet.of(),
          ImmutableSet.of(
              "remove",
              "removeAll",
              "removeIf",
              "retainAll",
              "clear",
              "poll",
              "pollFirst",
              "pollLast",
              "pop",
              "take",
              "takeFirst",
              "takeLast",
              "drainTo",
              "removeFirst",
              "removeLast",
              "removeFirstOccurrence",
              "removeLastOccurrence",
              "removeElement",
              "removeElementAt",
              "removeAllElements"),
          ImmutableSet.of(
              "iterator",
              "listIterator",
              "descendingIterator",
              "subList",
              "headSet",
              "tailSet",
              "subSet",
              "descendingSet",
              "reversed",
              "elementSet",
              "entrySet"),
          ImmutableSet.of(
              "get",
              "peek",
              "peekFirst",
              "peekLast",
              "element",
              "first",
              "last",
              "getFirst",
              "getLast"),
          ImmutableMap.<String, Removal>builder()
              .put("add", REMOVE_FIRST)
              .put("offer", REMOVE_FIRST)
              .put("offerFirst", REMOVE_FIRST)
              .put("offerLast", REMOVE_FIRST)
              .put("push", REMOVE_FIRST)
              .put("addFirst", REMOVE_FIRST)
              .put("addLast", REMOVE_FIRST)
              .put("put", REMOVE_FIRST)
              .put("addElement", new Removal("removeElement", 1))
              .put("insertElementAt", new Removal("removeElement", 1))
              .buildOrThrow());

  /** A set adds an element once: the same element twice does not grow it. */
  public static final ContainerKind SET =
      new ContainerKind(
          "java.util.Set",
          true,
          ImmutableSet.of(),
          ImmutableSet.of("add", "addAll"),
          ImmutableSet.of(),
          ImmutableSet.of(),
          ImmutableSet.of(),
          ImmutableSet.of(),
          ImmutableMap.of());

  public static final ContainerKind MAP =
      new ContainerKind(
          "java.util.Map",
          true,
          ImmutableSet.of("put", "putAll", "putIfAbsent", "merge", "compute", "computeIfAbsent"),
          ImmutableSet.of("put", "putAll", "putIfAbsent", "merge", "compute", "computeIfAbsent"),
          ImmutableSet.of("computeIfAbsent", "putIfAbsent"),
          ImmutableSet.of("remove", "clear", "pollFirstEntry", "pollLastEntry"),
          ImmutableSet.of(
              "keySet",
              "values",
              "entrySet",
              "navigableKeySet",
              "descendingKeySet",
              "descendingMap",
              "headMap",
              "tailMap",
              "subMap",
              "sequencedKeySet",
              "sequencedValues",
              "sequencedEntrySet",
              "reversed"),
          ImmutableSet.of("get", "getOrDefault", "computeIfAbsent", "compute", "computeIfPresent"),
          ImmutableMap.of(
              "put", REMOVE_FIRST,
              "putIfAbsent", REMOVE_FIRST,
              "merge", REMOVE_FIRST,
              "compute", REMOVE_FIRST,
              "computeIfAbsent", REMOVE_FIRST));

  /** Reaches a container's content; its own {@code remove()} removes from the container. */
  public static final ContainerKind ITERATOR =
      new ContainerKind(
          "java.util.Iterator",
          false,
          ImmutableSet.of("add"),
          ImmutableSet.of(),
          ImmutableSet.of(),
          ImmutableSet.of("remove"),
          ImmutableSet.of(),
          ImmutableSet.of("next", "previous"),
          ImmutableMap.of());

  public static final ContainerKind MAP_ENTRY =
      new ContainerKind(
          "java.util.Map.Entry",
          false,
          ImmutableSet.of(),
          ImmutableSet.of(),
          ImmutableSet.of(),
          ImmutableSet.of(),
          ImmutableSet.of(),
          ImmutableSet.of("getValue"),
          ImmutableMap.of());

  public static final ContainerKind GUAVA_MULTIMAP =
      new ContainerKind(
          "com.google.common.collect.Multimap",
          true,
          ImmutableSet.of("put", "putAll", "replaceValues"),
          ImmutableSet.of(),
          ImmutableSet.of(),
          ImmutableSet.of("remove", "removeAll", "clear"),
          ImmutableSet.of("get", "keySet", "keys", "values", "entries", "asMap"),
          ImmutableSet.of(),
          ImmutableMap.of("put", new Removal("remove", 2)));

  public static final ContainerKind GUAVA_TABLE =
      new ContainerKind(
          "com.google.common.collect.Table",
          true,
          ImmutableSet.of("put", "putAll"),
          ImmutableSet.of(),
          ImmutableSet.of(),
          ImmutableSet.of("remove", "clear"),
          ImmutableSet.of(
              "row",
              "column",
              "rowMap",
              "columnMap",
              "cellSet",
              "values",
              "rowKeySet",
              "columnKeySet"),
          ImmutableSet.of("get"),
          ImmutableMap.of("put", new Removal("remove", 2)));

  private static final ImmutableSet<String> CACHE_SHRINK =
      ImmutableSet.of("invalidate", "invalidateAll");

  /** A cache loads on {@code get}: reading a missing key grows it. */
  public static final ContainerKind GUAVA_CACHE =
      new ContainerKind(
          "com.google.common.cache.Cache",
          true,
          ImmutableSet.of("put", "putAll", "get", "getUnchecked", "getAll", "refresh", "apply"),
          ImmutableSet.of("put", "putAll", "get", "getUnchecked", "refresh", "apply"),
          ImmutableSet.of("get", "getUnchecked", "getAll", "apply"),
          CACHE_SHRINK,
          ImmutableSet.of("asMap"),
          ImmutableSet.of(),
          ImmutableMap.of(
              "put", new Removal("invalidate", 1), "get", new Removal("invalidate", 1)));

  public static final ContainerKind CAFFEINE_CACHE =
      new ContainerKind(
          "com.github.benmanes.caffeine.cache.Cache",
          true,
          ImmutableSet.of("put", "putAll", "get", "getAll", "refresh"),
          ImmutableSet.of("put", "putAll", "get", "refresh"),
          ImmutableSet.of("get", "getAll"),
          CACHE_SHRINK,
          ImmutableSet.of("asMap"),
          ImmutableSet.of(),
          ImmutableMap.of(
              "put", new Removal("invalidate", 1), "get", new Removal("invalidate", 1)));

  public static final ContainerKind CAFFEINE_ASYNC_CACHE =
      new ContainerKind(
          "com.github.benmanes.caffeine.cache.AsyncCache",
          true,
          ImmutableSet.of("put", "get", "getAll"),
          ImmutableSet.of("put", "get"),
          ImmutableSet.of("get", "getAll"),
          ImmutableSet.of(),
          ImmutableSet.of("asMap", "synchronous"),
          ImmutableSet.of(),
          ImmutableMap.of());

  public static final ImmutableList<ContainerKind> BUILT_IN =
      ImmutableList.of(
          COLLECTION,
          SET,
          MAP,
          ITERATOR,
          MAP_ENTRY,
          GUAVA_MULTIMAP,
          GUAVA_TABLE,
          GUAVA_CACHE,
          CAFFEINE_CACHE,
          CAFFEINE_ASYNC_CACHE);

  /**
   * Types that can be neither grown nor shrunk, though they implement {@code Collection} or {@code
   * Map}: their growth methods throw.
   */
  public static final ImmutableSet<String> IMMUTABLE_TYPES =
      ImmutableSet.of(
          "com.google.common.collect.ImmutableCollection",
          "com.google.common.collect.ImmutableMap",
          "com.google.common.collect.ImmutableMultimap",
          "com.google.common.collect.ImmutableTable");

  /**
   * Static methods that grow or shrink the container passed as their first argument: method name to
   * whether it grows ({@code true}) or shrinks.
   */
  public static final ImmutableMap<MethodRef, Boolean> STATIC_MUTATORS =
      ImmutableMap.of(
          new MethodRef("java.util.Collections", "addAll"), true,
          new MethodRef("com.google.common.collect.Iterables", "addAll"), true,
          new MethodRef("com.google.common.collect.Iterables", "removeAll"), false,
          new MethodRef("com.google.common.collect.Iterables", "removeIf"), false,
          new MethodRef("com.google.common.collect.Iterables", "retainAll"), false,
          new MethodRef("com.google.common.collect.Iterators", "removeAll"), false,
          new MethodRef("com.google.common.collect.Iterators", "removeIf"), false,
          new MethodRef("com.google.common.collect.Iterators", "retainAll"), false);

  /** Collections that keep an element added twice twice: adding the same element grows them. */
  public static final ImmutableSet<String> KEEPS_DUPLICATES =
      ImmutableSet.of("java.util.List", "java.util.Queue", "com.google.common.collect.Multiset");

  /**
   * Calls whose value is new on every call, so that a key made of one never replaces an entry:
   * random UUIDs, clocks, counters.
   */
  public static final ImmutableList<MethodRef> FRESH_VALUES =
      ImmutableList.of(
          new MethodRef("java.util.UUID", "randomUUID"),
          new MethodRef("java.lang.System", "nanoTime"),
          new MethodRef("java.lang.System", "currentTimeMillis"),
          new MethodRef("java.time.Instant", "now"),
          new MethodRef("java.util.concurrent.atomic.AtomicLong", "incrementAndGet"),
          new MethodRef("java.util.concurrent.atomic.AtomicLong", "getAndIncrement"),
          new MethodRef("java.util.concurrent.atomic.AtomicInteger", "incrementAndGet"),
          new MethodRef("java.util.concurrent.atomic.AtomicInteger", "getAndIncrement"));

  private ContainerKinds() {}
}
