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
 * Fields that hold one object through an atomic or thread-local reference: the object kept there is
 * kept by the field's owner, as in a field of its own ({@code ref.compareAndSet(null, pool)}), and
 * {@code ref.get() == null} asks whether the field holds one. An {@code AtomicStampedReference} or
 * {@code AtomicMarkableReference} holds its object beside a stamp or a mark, and takes it first:
 * Surefire's console output reporter keeps its report file's stream in one ({@code set(os, OPEN)})
 * and closes what {@code get(status)} gives back.
 */
public final class HolderFields {

  /**
   * The holders of one object: an atomic reference, and a thread-local one, which keeps an object
   * per thread (carbonado's compressor keeps a {@code Deflater} per thread in a static {@code
   * ThreadLocal} and reuses it: an evaluation FALSE said it was never ended).
   */
  private static final ImmutableSet<String> SINGLE_HOLDERS =
      ImmutableSet.of(
          "java.util.concurrent.atomic.AtomicReference",
          "java.lang.ThreadLocal",
          "java.lang.InheritableThreadLocal");

  private static final String VAR_HANDLE = "java.lang.invoke.VarHandle";

  /** The holders that keep a stamp or a mark beside their object. */
  private static final ImmutableSet<String> STAMPED_REFERENCES =
      ImmutableSet.of(
          "java.util.concurrent.atomic.AtomicStampedReference",
          "java.util.concurrent.atomic.AtomicMarkableReference");

  /**
   * An {@code AtomicReference}'s (or a {@code VarHandle}'s) writes whose last argument is the value
   * it holds from then on.
   */
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
          "compareAndExchange",
          "compareAndExchangeAcquire",
          "compareAndExchangeRelease",
          // A VarHandle's alone.
          "setVolatile");

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
   * Whether {@code call} is a {@code VarHandle}'s write that stores {@code value}, its last
   * argument, into the field the handle stands for ({@code INFLATER.compareAndSet(this, null,
   * inflater)}, {@code HANDLE.setRelease(this, channel)}): the object, or the class for a static
   * field, keeps it, as with an assignment to the field. methanol's deflate decoder keeps its
   * {@code Inflater} so and ends it in {@code close()} (a FALSE "never ended" of the
   * hundred-and-seventeenth holdout round).
   */
  public static boolean storedThroughAVarHandle(MethodInvocationTree call, Tree value) {
    Symbol method = getSymbol(call);
    List<? extends ExpressionTree> arguments = call.getArguments();
    return method != null
        && !arguments.isEmpty()
        && arguments.get(arguments.size() - 1) == value
        && method.owner.getQualifiedName().contentEquals(VAR_HANDLE)
        && (STORES.contains(method.getSimpleName().toString())
            || method.getSimpleName().toString().startsWith("getAndSet"));
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
    return SINGLE_HOLDERS.contains(field.type.tsym.getQualifiedName().toString())
            || isStamped(field)
        ? field
        : null;
  }

  private static boolean isStamped(VarSymbol holder) {
    Name type = holder.type.tsym.getQualifiedName();
    return STAMPED_REFERENCES.stream().anyMatch(type::contentEquals);
  }

  private HolderFields() {}
}
