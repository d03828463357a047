package io.github.leakprone.catalog;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;

/**
 * Containers that cannot grow without limit, whatever is added to them, and keys that come from a
 * domain the program's own code fixes. Growth of either is not a leak.
 */
public final class BoundedContainers {

  /** Types whose instances are bounded by construction or let entries go by themselves. */
  public static final ImmutableSet<String> TYPES =
      ImmutableSet.of(
          "java.util.EnumMap",
          "java.util.EnumSet",
          "java.util.WeakHashMap",
          "java.util.concurrent.ArrayBlockingQueue",
          "java.util.concurrent.SynchronousQueue",
          // Netty removes a channel from its groups when the channel closes.
          "io.netty.channel.group.ChannelGroup",
          "com.google.common.collect.EvictingQueue",
          "org.apache.commons.collections4.queue.CircularFifoQueue",
          "org.apache.commons.collections4.map.LRUMap",
          "org.apache.commons.collections4.map.PassiveExpiringMap",
          "org.apache.commons.collections.map.LRUMap",
          "org.apache.commons.collections.buffer.CircularFifoBuffer");

  /** Types that are bounded when their constructor is given an {@code int} capacity. */
  public static final ImmutableSet<String> CAPACITY_TYPES =
      ImmutableSet.of(
          "java.util.concurrent.LinkedBlockingQueue", "java.util.concurrent.LinkedBlockingDeque");

  /**
   * Factories whose result cannot be grown through it: its growth methods throw (unmodifiable and
   * immutable collections, and the fixed-size list of {@code Arrays.asList}). A field that only
   * ever holds such a value cannot be the leak, whatever calls its {@code add}.
   */
  public static final ImmutableList<MethodRef> UNMODIFIABLE_FACTORIES =
      ImmutableList.of(
          new MethodRef("java.util.List", "of"),
          new MethodRef("java.util.List", "copyOf"),
          new MethodRef("java.util.Set", "of"),
          new MethodRef("java.util.Set", "copyOf"),
          new MethodRef("java.util.Map", "of"),
          new MethodRef("java.util.Map", "ofEntries"),
          new MethodRef("java.util.Map", "copyOf"),
          new MethodRef("java.util.Collections", "unmodifiable*"),
          new MethodRef("java.util.Collections", "empty*"),
          new MethodRef("java.util.Collections", "singleton*"),
          new MethodRef("java.util.Arrays", "asList"));

  /** A {@code LinkedHashMap} subclass that overrides this method evicts as it grows. */
  public static final String EVICTING_OVERRIDE = "removeEldestEntry";

  public static final String LINKED_HASH_MAP = "java.util.LinkedHashMap";

  /**
   * Builders of caches and concurrent maps, and their methods that bound what is built: a size or
   * weight limit, an expiry, weak or soft references, or a spec string (whose limits cannot be read
   * at compile time, so it is given the benefit of the doubt).
   */
  public static final ImmutableSet<String> BUILDERS =
      ImmutableSet.of(
          "com.google.common.cache.CacheBuilder",
          "com.github.benmanes.caffeine.cache.Caffeine",
          "com.google.common.collect.MapMaker");

  public static final ImmutableSet<String> BOUNDING_BUILDER_METHODS =
      ImmutableSet.of(
          "maximumSize",
          "maximumWeight",
          "expireAfterWrite",
          "expireAfterAccess",
          "expireAfter",
          "weakKeys",
          "weakValues",
          "softValues",
          "from");

  /**
   * Key and element types whose values the program's code fixes (classes, enum constants,
   * reflective members): a map keyed by one of them, or a set of them, is as large as the program,
   * not as its traffic.
   */
  public static final ImmutableSet<String> FINITE_KEY_TYPES =
      ImmutableSet.of(
          "java.lang.Enum",
          "java.lang.reflect.Type",
          "java.lang.reflect.AnnotatedElement",
          "java.lang.reflect.Member",
          "java.lang.reflect.Parameter",
          "java.lang.annotation.Annotation",
          "java.lang.invoke.MethodType",
          "java.lang.Boolean",
          "java.lang.Byte",
          "com.google.common.reflect.TypeToken",
          "com.fasterxml.jackson.databind.JavaType",
          "com.fasterxml.jackson.core.type.TypeReference");

  private BoundedContainers() {}
}
