package io.github.leakprone.catalog;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;

/**
 * What {@code StaticCollectionLeak} knows: container kinds, lifecycle pairs, and the types that are
 * bounded; the built-in entries followed by the user's (see {@link StaticCollectionLeakFlags}).
 */
public record StaticGrowthCatalog(
    ImmutableList<ContainerKind> kinds,
    ImmutableList<LifecyclePair> pairs,
    ImmutableSet<String> boundedTypes) {

  public static final StaticGrowthCatalog BUILT_IN =
      new StaticGrowthCatalog(
          ContainerKinds.BUILT_IN, LifecyclePairs.BUILT_IN, BoundedContainers.TYPES);
}
