package io.github.leakprone.catalog;

import com.google.common.collect.ImmutableSet;

/**
 * Annotations (by simple name, so that JUnit 4 and 5, TestNG, Spring, Guice and CDI all count) of
 * methods that a test runner or a container calls once, not per request: what they build or add is
 * set-up, not traffic.
 */
public final class RunOnceMethods {

  public static final ImmutableSet<String> ANNOTATIONS =
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

  private RunOnceMethods() {}
}
