package io.github.leakprone.catalog;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;

/**
 * What {@code StaticCollectionLeak} knows: container kinds, lifecycle pairs, and the types that are
 * bounded; the built-in entries followed by the user's (see {@link StaticGrowthFlags}).
 */
public record StaticGrowthCatalog(
    ImmutableList<ContainerKind> kinds,
    ImmutableList<LifecyclePair> pairs,
    ImmutableSet<String> boundedTypes) {

  /**
   * Annotations (by simple name, so that every framework's variant counts) of methods that a test
   * runner or container calls once: growth there is set-up, not traffic.
   */
  public static final ImmutableSet<String> RUN_ONCE_ANNOTATIONS =
      ImmutableSet.of(
          "Test",
          "ParameterizedTest",
          "RepeatedTest",
          "TestFactory",
          "TestTemplate",
          "BeforeEach",
          "BeforeAll",
          "AfterEach",
          "AfterAll",
          "Before",
          "After",
          "BeforeClass",
          "AfterClass",
          "BeforeMethod",
          "AfterMethod",
          "BeforeSuite",
          "AfterSuite",
          "Bean",
          "Provides",
          "Produces");

  public static final StaticGrowthCatalog BUILT_IN =
      new StaticGrowthCatalog(
          ContainerKinds.BUILT_IN, LifecyclePairs.BUILT_IN, BoundedContainers.TYPES);
}
