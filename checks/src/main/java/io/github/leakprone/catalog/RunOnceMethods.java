package io.github.leakprone.catalog;

import com.google.common.collect.ImmutableSet;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import javax.lang.model.element.AnnotationMirror;

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

  /**
   * {@code @PostConstruct} runs once per bean, so a client built there is built once per bean. Not
   * in {@link #ANNOTATIONS}: for static collections it is instead the open half of a lifecycle pair
   * (see {@link LifecyclePairs}), judged by whether its partner removes.
   */
  public static final ImmutableSet<String> ONCE_PER_BEAN = ImmutableSet.of("PostConstruct");

  /**
   * Whether {@code method} carries one of {@link #ANNOTATIONS} or of {@code alsoRunOnce}, by simple
   * name. Read from the symbol's declaration annotations, which are what a test runner or container
   * sees: a type-use annotation written among the modifiers annotates the return type, not the
   * method.
   */
  public static boolean carriesRunOnceAnnotation(
      MethodSymbol method, ImmutableSet<String> alsoRunOnce) {
    for (AnnotationMirror annotation : method.getAnnotationMirrors()) {
      String name = annotation.getAnnotationType().asElement().getSimpleName().toString();
      if (ANNOTATIONS.contains(name) || alsoRunOnce.contains(name)) {
        return true;
      }
    }
    return false;
  }

  private RunOnceMethods() {}
}
