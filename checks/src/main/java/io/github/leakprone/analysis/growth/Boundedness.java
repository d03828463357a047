package io.github.leakprone.analysis.growth;

import static com.google.errorprone.util.ASTHelpers.getReceiver;
import static com.google.errorprone.util.ASTHelpers.getSymbol;
import static com.google.errorprone.util.ASTHelpers.getType;

import com.google.errorprone.VisitorState;
import com.google.errorprone.suppliers.Supplier;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.TypeTag;
import com.sun.tools.javac.util.Name;
import io.github.leakprone.catalog.BoundedContainers;
import io.github.leakprone.catalog.ContainerFlow;
import io.github.leakprone.trees.Casts;
import java.util.List;

/**
 * Whether a field's container bounds itself: a bounded type, a {@code LinkedHashMap} that evicts
 * its eldest entry, a queue built with a capacity, a cache built with a size limit or expiry, or
 * any of these behind a wrapper ({@code Collections.synchronizedMap(...)}, {@code cache.asMap()}).
 */
final class Boundedness {

  private static final Supplier<Name> EVICTING_OVERRIDE =
      VisitorState.memoize(state -> state.getName(BoundedContainers.EVICTING_OVERRIDE));

  private final ContainerTypes types;
  private final VisitorState state;

  Boundedness(ContainerTypes types, VisitorState state) {
    this.types = types;
    this.state = state;
  }

  /** Whether the field's declared type, or every value ever stored in it, is bounded. */
  boolean isBounded(Type declared, List<ExpressionTree> values) {
    if (types.isBoundedType(declared) || evictsEldest(declared)) {
      return true;
    }
    return !values.isEmpty() && values.stream().allMatch(this::isBoundedValue);
  }

  private boolean isBoundedValue(ExpressionTree value) {
    ExpressionTree e = Casts.stripped(value);
    Type type = getType(e);
    if (types.isBoundedType(type) || types.isImmutable(type) || evictsEldest(type)) {
      return true;
    }
    if (e instanceof NewClassTree newClass) {
      return hasCapacity(newClass, type);
    }
    if (e instanceof MethodInvocationTree call) {
      MethodSymbol method = getSymbol(call);
      if (types.matchesAny(method, BoundedContainers.UNMODIFIABLE_FACTORIES)) {
        return true;
      }
      if (types.matchesAny(method, ContainerFlow.PASS_THROUGH) && !call.getArguments().isEmpty()) {
        return isBoundedValue(call.getArguments().get(0));
      }
      String name = method == null ? "" : method.getSimpleName().toString();
      ExpressionTree receiver = getReceiver(call);
      if ((name.equals("asMap") || name.equals("synchronous")) && receiver != null) {
        return isBoundedValue(receiver);
      }
      return isBoundedBuilderChain(call);
    }
    return false;
  }

  private boolean hasCapacity(NewClassTree newClass, Type type) {
    if (newClass.getArguments().isEmpty()) {
      return false;
    }
    Type first = getType(newClass.getArguments().get(0));
    boolean isInt =
        first != null
            && (first.getTag() == TypeTag.INT || types.isSubtypeOf(first, "java.lang.Integer"));
    return isInt
        && BoundedContainers.CAPACITY_TYPES.stream()
            .anyMatch(capacityType -> types.isSubtypeOf(type, capacityType));
  }

  /** {@code CacheBuilder.newBuilder().maximumSize(100).build()}, and the like for Caffeine. */
  private boolean isBoundedBuilderChain(MethodInvocationTree call) {
    for (ExpressionTree e = call; e instanceof MethodInvocationTree link; e = getReceiver(link)) {
      MethodSymbol method = getSymbol(link);
      if (method != null
          && BoundedContainers.BOUNDING_BUILDER_METHODS.contains(method.getSimpleName().toString())
          && BoundedContainers.BUILDERS.contains(method.owner.getQualifiedName().toString())) {
        return true;
      }
      if (getReceiver(link) == null) {
        break;
      }
    }
    return false;
  }

  /** A {@code LinkedHashMap} whose class, or a superclass below it, overrides removeEldestEntry. */
  private boolean evictsEldest(Type type) {
    if (type == null || !types.isSubtypeOf(type, BoundedContainers.LINKED_HASH_MAP)) {
      return false;
    }
    for (Type t = type;
        t != null && t.getTag() == TypeTag.CLASS;
        t = state.getTypes().supertype(t)) {
      if (t.tsym.getQualifiedName().contentEquals(BoundedContainers.LINKED_HASH_MAP)) {
        return false;
      }
      for (Symbol member : t.tsym.members().getSymbolsByName(EVICTING_OVERRIDE.get(state))) {
        if (member instanceof MethodSymbol) {
          return true;
        }
      }
    }
    return false;
  }
}
