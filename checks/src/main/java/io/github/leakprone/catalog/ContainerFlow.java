package io.github.leakprone.catalog;

import com.google.common.collect.ImmutableList;

/**
 * Where a container goes when it is passed to a method: calls that only read or copy it, and calls
 * that return a live wrapper of it. Any other call may keep it, and removal may then happen in code
 * this check cannot see.
 */
public final class ContainerFlow {

  /** Calls that return a live, modifiable wrapper of their first argument. */
  public static final ImmutableList<MethodRef> PASS_THROUGH =
      ImmutableList.of(
          new MethodRef("java.util.Collections", "synchronized*"),
          new MethodRef("java.util.Collections", "checked*"),
          new MethodRef("java.util.Collections", "newSetFromMap"),
          new MethodRef("java.util.Collections", "asLifoQueue"),
          new MethodRef("java.util.Objects", "requireNonNull*"),
          new MethodRef("com.google.common.base.Preconditions", "checkNotNull"),
          new MethodRef("com.google.common.collect.Sets", "newSetFromMap"),
          new MethodRef("com.google.common.collect.Maps", "synchronized*"),
          new MethodRef("com.google.common.collect.Multimaps", "synchronized*"),
          new MethodRef("com.google.common.collect.Queues", "synchronized*"));

  /**
   * Calls that read a container passed to them, copy it, or wrap it read-only, and keep no
   * reference to it: collections' and maps' copying methods and constructors ({@code new
   * ArrayList<>(x)}, {@code other.addAll(x)}, {@code List.copyOf(x)}), read-only views, strings,
   * printing, logging. ({@code other.add(x)} keeps {@code x} itself, so it is not listed.)
   */
  public static final ImmutableList<MethodRef> READ_ONLY =
      ImmutableList.<MethodRef>builder()
          .addAll(
              refs(
                  "java.util.Collection",
                  "<init>",
                  "addAll",
                  "containsAll",
                  "removeAll",
                  "retainAll",
                  "equals",
                  "copyOf"))
          .addAll(refs("java.util.Map", "<init>", "putAll", "equals", "copyOf"))
          .addAll(
              refs(
                  "java.util.Collections",
                  "unmodifiable*",
                  "frequency",
                  "disjoint",
                  "max",
                  "min",
                  "sort",
                  "shuffle",
                  "reverse",
                  "swap",
                  "rotate",
                  "binarySearch",
                  "indexOfSubList",
                  "lastIndexOfSubList",
                  "copy",
                  "enumeration"))
          .addAll(
              refs(
                  "java.util.Objects",
                  "equals",
                  "deepEquals",
                  "hash",
                  "hashCode",
                  "toString",
                  "isNull",
                  "nonNull"))
          .addAll(refs("java.lang.String", "*"))
          .addAll(refs("java.lang.StringBuilder", "*"))
          .addAll(refs("java.lang.StringBuffer", "*"))
          .addAll(refs("java.io.PrintStream", "*"))
          .addAll(refs("java.util.logging.Logger", "*"))
          .addAll(refs("org.slf4j.Logger", "*"))
          .addAll(refs("org.apache.logging.log4j.Logger", "*"))
          .addAll(refs("org.apache.commons.logging.Log", "*"))
          .addAll(refs("com.google.common.base.Joiner", "*"))
          .addAll(refs("com.google.common.base.MoreObjects.ToStringHelper", "*"))
          .addAll(refs("com.google.common.collect.ImmutableCollection", "copyOf"))
          .addAll(refs("com.google.common.collect.ImmutableMap", "copyOf"))
          .addAll(refs("com.google.common.collect.ImmutableMultimap", "copyOf"))
          .addAll(refs("com.google.common.collect.Lists", "new*"))
          .addAll(refs("com.google.common.collect.Sets", "new*"))
          .addAll(refs("com.google.common.collect.Maps", "new*"))
          .build();

  private static ImmutableList<MethodRef> refs(String owner, String... names) {
    ImmutableList.Builder<MethodRef> refs = ImmutableList.builder();
    for (String name : names) {
      refs.add(new MethodRef(owner, name));
    }
    return refs.build();
  }

  private ContainerFlow() {}
}
