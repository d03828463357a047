package io.github.leakprone.analysis.growth;

import static com.google.errorprone.util.ASTHelpers.isStatic;
import static com.google.errorprone.util.ASTHelpers.isSubtype;

import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableList;
import com.google.errorprone.VisitorState;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import io.github.leakprone.catalog.BoundedContainers;
import io.github.leakprone.catalog.ContainerKind;
import io.github.leakprone.catalog.ContainerKinds;
import io.github.leakprone.catalog.MethodRef;
import io.github.leakprone.catalog.NamedTypes;
import io.github.leakprone.catalog.StaticGrowthCatalog;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers type questions against the catalog for one compilation. Types are named by string; a type
 * missing from the user's class path matches nothing.
 */
final class ContainerTypes {

  private static final Splitter DOT = Splitter.on('.');

  private final StaticGrowthCatalog catalog;
  private final VisitorState state;
  private final Map<String, Optional<Type>> types = new HashMap<>();
  private final Map<Symbol, ImmutableList<ContainerKind>> kinds = new HashMap<>();

  ContainerTypes(StaticGrowthCatalog catalog, VisitorState state) {
    this.catalog = catalog;
    this.state = state;
  }

  /** The kinds {@code type} belongs to: what its methods do to a container's content. */
  ImmutableList<ContainerKind> kindsOf(Type type) {
    if (type == null || type.isPrimitive() || type.tsym == null) {
      return ImmutableList.of();
    }
    return kinds.computeIfAbsent(type.tsym, unused -> computeKinds(type));
  }

  private ImmutableList<ContainerKind> computeKinds(Type type) {
    if (isImmutable(type)) {
      return ImmutableList.of();
    }
    ImmutableList.Builder<ContainerKind> matching = ImmutableList.builder();
    for (ContainerKind kind : catalog.kinds()) {
      if (isSubtypeOf(type, kind.type())) {
        matching.add(kind);
      }
    }
    return matching.build();
  }

  /** Whether a static field of {@code type} is watched: a mutable collection, map or cache. */
  boolean isWatched(Type type) {
    return kindsOf(type).stream().anyMatch(ContainerKind::watched);
  }

  /**
   * Whether a value of {@code type} can reach a container's content (the container, an iterator).
   */
  boolean reaches(Type type) {
    return !kindsOf(type).isEmpty();
  }

  /** Whether {@code type} is an immutable container (Guava's), whose growth methods throw. */
  boolean isImmutable(Type type) {
    return ContainerKinds.IMMUTABLE_TYPES.stream()
        .anyMatch(immutable -> isSubtypeOf(type, immutable));
  }

  /** Whether {@code type} is a user-listed or built-in bounded type. */
  boolean isBoundedType(Type type) {
    return catalog.boundedTypes().stream().anyMatch(bounded -> isSubtypeOf(type, bounded));
  }

  /**
   * Whether values of {@code type} come from a domain the program's code fixes (classes, enums).
   */
  boolean isFiniteKey(Type type) {
    return type != null
        && BoundedContainers.FINITE_KEY_TYPES.stream().anyMatch(key -> isSubtypeOf(type, key));
  }

  boolean isSubtypeOf(Type type, String name) {
    Optional<Type> other = type(name);
    return type != null && other.isPresent() && isSubtype(type, other.get(), state);
  }

  /**
   * Whether {@code method} is one that {@code refs} name (constructors are named {@code <init>}).
   */
  boolean matchesAny(MethodSymbol method, List<MethodRef> refs) {
    for (MethodRef ref : refs) {
      if (ref.matches(method, name -> type(name).orElse(null), state)) {
        return true;
      }
    }
    return false;
  }

  /**
   * For a static method that grows or shrinks its first argument ({@code Collections.addAll}),
   * whether it grows; empty for any other method.
   */
  Optional<Boolean> staticMutation(MethodSymbol method) {
    if (method == null || !isStatic(method)) {
      return Optional.empty();
    }
    String name = method.getSimpleName().toString();
    for (Map.Entry<MethodRef, Boolean> entry : ContainerKinds.STATIC_MUTATORS.entrySet()) {
      if (entry.getKey().nameMatches(name)
          && method.owner.getQualifiedName().contentEquals(entry.getKey().ownerType())) {
        return Optional.of(entry.getValue());
      }
    }
    return Optional.empty();
  }

  /**
   * The type named {@code name}; a nested class may be written with dots ({@code
   * java.util.Map.Entry}) or with {@code $}.
   */
  Optional<Type> type(String name) {
    return types.computeIfAbsent(
        name,
        unused -> {
          Type direct = NamedTypes.get(name, state);
          if (direct != null) {
            return Optional.of(direct);
          }
          return Optional.ofNullable(NamedTypes.get(binaryName(name), state));
        });
  }

  /**
   * {@code java.util.Map.Entry} becomes {@code java.util.Map$Entry}: a dot after a class is a
   * {@code $}.
   */
  private static String binaryName(String name) {
    StringBuilder binary = new StringBuilder();
    boolean inClass = false;
    for (String part : DOT.split(name)) {
      if (binary.length() > 0) {
        binary.append(inClass ? '$' : '.');
      }
      binary.append(part);
      inClass |= !part.isEmpty() && Character.isUpperCase(part.charAt(0));
    }
    return binary.toString();
  }
}
