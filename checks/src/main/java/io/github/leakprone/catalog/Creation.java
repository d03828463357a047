package io.github.leakprone.catalog;

import com.google.common.collect.ImmutableList;

/**
 * One way a heavyweight client comes into being. Types are named by string, never by class literal.
 */
public sealed interface Creation {

  /** {@code new T(...)}, for {@code T} or any subclass of it. */
  record Constructor(String type) implements Creation {}

  /** A static method such as {@code Executors.newFixedThreadPool(4)}. */
  record StaticFactory(MethodRef method) implements Creation {}

  /**
   * {@code root...buildMethod()} on a builder of type {@code builderType}, where the chain starts
   * at a fresh builder made by one of {@code roots} (a constructor or a static factory). A builder
   * that comes from anywhere else (a parameter, a field, {@code shared.newBuilder()}) shares the
   * state of whatever made it, so it is not a new client.
   */
  record BuilderChain(String builderType, String buildMethod, ImmutableList<Creation> roots)
      implements Creation {}
}
