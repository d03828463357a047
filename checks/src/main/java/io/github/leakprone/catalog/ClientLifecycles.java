package io.github.leakprone.catalog;

import com.google.common.collect.ImmutableSet;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import io.github.leakprone.trees.MethodNames;
import javax.lang.model.element.AnnotationMirror;

/**
 * The methods that start and end the service life of an object that owns a client: a client built
 * in a start method, kept in a field and released in an end method of the same class lives as long
 * as its owner, not per call. The owner's container or caller brackets the two (a servlet's {@code
 * init}/{@code destroy}, Spring's {@code afterPropertiesSet}/{@code destroy}, a component's {@code
 * start}/{@code stop}, a {@code Closeable}'s {@code open}/{@code close}).
 */
public final class ClientLifecycles {

  /** Names of methods that start an object's service life. */
  public static final ImmutableSet<String> START_NAMES =
      ImmutableSet.of(
          "init", "initialize", "start", "open", "afterPropertiesSet", "contextInitialized");

  /** Names of methods that end it; any of them pairs with any start method of the class. */
  public static final ImmutableSet<String> END_NAMES =
      ImmutableSet.of("destroy", "close", "stop", "shutdown", "contextDestroyed");

  /**
   * Annotations (by simple name) of methods that end it: javax and jakarta's {@code @PreDestroy}.
   */
  public static final ImmutableSet<String> END_ANNOTATIONS = ImmutableSet.of("PreDestroy");

  /** The suffix of Tomcat's template steps ({@code startInternal}): see {@link #templateStep}. */
  private static final String INTERNAL = "Internal";

  /**
   * Whether {@code method} starts its object's service life: one of {@link #START_NAMES}, or one of
   * them followed by more words ({@code startPolling}, {@code initPool}, {@code openSession}), also
   * as a template method's step ({@code doStart}, {@code startInternal}).
   */
  public static boolean starts(MethodSymbol method) {
    String name = templateStep(method.getSimpleName().toString());
    if (START_NAMES.contains(name)) {
      return true;
    }
    for (String start : START_NAMES) {
      if (MethodNames.startsWithWord(name, start)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code method} ends its object's service life: one of {@link #END_NAMES}, also as a
   * template method's step ({@code doStop}, {@code stopInternal}), or a {@code @PreDestroy} method.
   */
  public static boolean ends(MethodSymbol method) {
    if (END_NAMES.contains(templateStep(method.getSimpleName().toString()))) {
      return true;
    }
    for (AnnotationMirror annotation : method.getAnnotationMirrors()) {
      if (END_ANNOTATIONS.contains(
          annotation.getAnnotationType().asElement().getSimpleName().toString())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The lifecycle name a template method's step stands for: {@code doStart} and {@code doStop}
   * (ActiveMQ's and Camel's {@code ServiceSupport}, Jetty's {@code AbstractLifeCycle}), {@code
   * startInternal} and {@code stopInternal} (Tomcat's {@code LifecycleBase}), which the base
   * class's {@code start()} and {@code stop()} call once each behind their own state checks; any
   * other name as it is.
   */
  private static String templateStep(String name) {
    String step = name;
    if (step.length() > 2 && step.startsWith("do") && Character.isUpperCase(step.charAt(2))) {
      step = Character.toLowerCase(step.charAt(2)) + step.substring(3);
    }
    if (step.endsWith(INTERNAL) && step.length() > INTERNAL.length()) {
      step = step.substring(0, step.length() - INTERNAL.length());
    }
    return step;
  }

  private ClientLifecycles() {}
}
