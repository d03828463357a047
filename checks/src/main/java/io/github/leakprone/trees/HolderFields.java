package io.github.leakprone.trees;

import static com.google.errorprone.util.ASTHelpers.getReceiver;
import static com.google.errorprone.util.ASTHelpers.getSymbol;
import static com.google.errorprone.util.ASTHelpers.stripParentheses;

import com.google.common.collect.ImmutableSet;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import java.util.List;
import javax.annotation.Nullable;
import javax.lang.model.element.ElementKind;

/**
 * Fields that hold one object through an {@code AtomicReference}: the object kept there is kept by
 * the field's owner, as in a field of its own ({@code ref.compareAndSet(null, pool)}), and {@code
 * ref.get() == null} asks whether the field holds one.
 */
public final class HolderFields {

  private static final String ATOMIC_REFERENCE = "java.util.concurrent.atomic.AtomicReference";

  /** The writes whose last argument is the value the reference holds from then on. */
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
   * The holder field that {@code call} stores {@code value} into ({@code ref.set(value)}, {@code
   * ref.compareAndSet(null, value)}), or null.
   */
  @Nullable
  public static VarSymbol storedInto(MethodInvocationTree call, Tree value) {
    List<? extends ExpressionTree> arguments = call.getArguments();
    if (arguments.isEmpty() || arguments.get(arguments.size() - 1) != value) {
      return null;
    }
    Symbol method = getSymbol(call);
    VarSymbol holder = holderField(getReceiver(call));
    return holder != null && method != null && STORES.contains(method.getSimpleName().toString())
        ? holder
        : null;
  }

  /** The holder field whose content {@code tree} reads ({@code ref.get()}), or null. */
  @Nullable
  public static VarSymbol readOf(ExpressionTree tree) {
    if (!(stripParentheses(tree) instanceof MethodInvocationTree call)
        || !call.getArguments().isEmpty()) {
      return null;
    }
    Symbol method = getSymbol(call);
    return method != null && method.getSimpleName().contentEquals("get")
        ? holderField(getReceiver(call))
        : null;
  }

  @Nullable
  private static VarSymbol holderField(@Nullable ExpressionTree receiver) {
    Symbol symbol = receiver == null ? null : getSymbol(receiver);
    return symbol instanceof VarSymbol field
            && field.getKind() == ElementKind.FIELD
            && field.type.tsym != null
            && field.type.tsym.getQualifiedName().contentEquals(ATOMIC_REFERENCE)
        ? field
        : null;
  }

  private HolderFields() {}
}
