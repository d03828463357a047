package io.github.leakprone.trees;

import static com.google.errorprone.util.ASTHelpers.getReceiver;
import static com.google.errorprone.util.ASTHelpers.getSymbol;
import static com.google.errorprone.util.ASTHelpers.stripParentheses;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import java.util.List;
import javax.annotation.Nullable;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Name;

/**
 * Fields that hold one object through an atomic reference: the object kept there is kept by the
 * field's owner, as in a field of its own ({@code ref.compareAndSet(null, pool)}), and {@code
 * ref.get() == null} asks whether the field holds one. An {@code AtomicStampedReference} or {@code
 * AtomicMarkableReference} holds its object beside a stamp or a mark, and takes it first:
 * Surefire's console output reporter keeps its report file's stream in one ({@code set(os, OPEN)})
 * and closes what {@code get(status)} gives back.
 */
public final class HolderFields {

  private static final String ATOMIC_REFERENCE = "java.util.concurrent.atomic.AtomicReference";

  /** The holders that keep a stamp or a mark beside their object. */
  private static final ImmutableSet<String> STAMPED_REFERENCES =
      ImmutableSet.of(
          "java.util.concurrent.atomic.AtomicStampedReference",
          "java.util.concurrent.atomic.AtomicMarkableReference");

  /** An {@code AtomicReference}'s writes whose last argument is the value it holds from then on. */
  private static final ImmutableSet<String> STORES =
      ImmutableSet.of(
          "set",
          "lazySet",
          "setPlain",
          "setOpaque",
          "setRelease",
          "getAndSet",
          "compareAndSet",
          "weakCompareAndSet",
          "weakCompareAndSetPlain",
          "weakCompareAndSetVolatile",
          "weakCompareAndSetAcquire",
          "weakCompareAndSetRelease",
          "compareAndExchange");

  /**
   * A stamped holder's writes, by where the value they store stands: {@code set(value, stamp)},
   * {@code compareAndSet(expected, value, expectedStamp, stamp)}.
   */
  private static final ImmutableMap<String, Integer> STAMPED_STORES =
      ImmutableMap.of("set", 0, "compareAndSet", 1, "weakCompareAndSet", 1);

  /** A stamped holder's reads of its value: {@code getReference()}, {@code get(stampHolder)}. */
  private static final ImmutableMap<String, Integer> STAMPED_READS =
      ImmutableMap.of("getReference", 0, "get", 1);

  /**
   * The holder field that {@code call} stores {@code value} into ({@code ref.set(value)}, {@code
   * ref.compareAndSet(null, value)}, {@code stamped.set(value, stamp)}), or null.
   */
  @Nullable
  public static VarSymbol storedInto(MethodInvocationTree call, Tree value) {
    Symbol method = getSymbol(call);
    VarSymbol holder = holderField(getReceiver(call));
    if (holder == null || method == null) {
      return null;
    }
    List<? extends ExpressionTree> arguments = call.getArguments();
    String name = method.getSimpleName().toString();
    int position =
        isStamped(holder)
            ? STAMPED_STORES.getOrDefault(name, -1)
            : STORES.contains(name) ? arguments.size() - 1 : -1;
    return position >= 0 && position < arguments.size() && arguments.get(position) == value
        ? holder
        : null;
  }

  /**
   * The holder field whose content {@code tree} reads ({@code ref.get()}, {@code
   * stamped.get(stampHolder)}), or null.
   */
  @Nullable
  public static VarSymbol readOf(ExpressionTree tree) {
    if (!(stripParentheses(tree) instanceof MethodInvocationTree call)) {
      return null;
    }
    Symbol method = getSymbol(call);
    VarSymbol holder = method == null ? null : holderField(getReceiver(call));
    if (holder == null) {
      return null;
    }
    String name = method.getSimpleName().toString();
    int arity =
        isStamped(holder) ? STAMPED_READS.getOrDefault(name, -1) : name.equals("get") ? 0 : -1;
    return arity == call.getArguments().size() ? holder : null;
  }

  @Nullable
  private static VarSymbol holderField(@Nullable ExpressionTree receiver) {
    Symbol symbol = receiver == null ? null : getSymbol(receiver);
    if (!(symbol instanceof VarSymbol field)
        || field.getKind() != ElementKind.FIELD
        || field.type.tsym == null) {
      return null;
    }
    return field.type.tsym.getQualifiedName().contentEquals(ATOMIC_REFERENCE) || isStamped(field)
        ? field
        : null;
  }

  private static boolean isStamped(VarSymbol holder) {
    Name type = holder.type.tsym.getQualifiedName();
    return STAMPED_REFERENCES.stream().anyMatch(type::contentEquals);
  }

  private HolderFields() {}
}
