package io.github.leakprone.catalog;

import static com.google.errorprone.util.ASTHelpers.getSymbol;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import io.github.leakprone.trees.Casts;
import io.github.leakprone.trees.CompiledWithUs;
import io.github.leakprone.trees.ReturnedValues;
import javax.annotation.Nullable;
import javax.lang.model.element.ElementKind;

/**
 * Getters known by their body: a method, in sight, whose every {@code return} hands out what a
 * field holds makes nothing, whatever its name or its interface says.
 */
public final class Getters {

  /**
   * Holders whose {@code get} hands out what they keep: a thread's own value, an atomic reference,
   * a map's value for a key.
   */
  private static final ImmutableList<String> HOLDERS =
      ImmutableList.of(
          "java.lang.ThreadLocal", "java.util.concurrent.atomic.AtomicReference", "java.util.Map");

  /**
   * Whether {@code method}'s body, compiled with the checked file, has a {@code return} and every
   * one hands out what a field holds.
   */
  public static boolean returnsOnlyFields(MethodSymbol method, VisitorState state) {
    return CompiledWithUs.declaration(method, state)
        .map(declaration -> returnsOnlyFields(declaration.method(), state))
        .orElse(false);
  }

  /**
   * As above, for a declaration at hand. What a field holds is its value, or what a holder field
   * keeps ({@code CURRENT.get()} of a {@code ThreadLocal}, {@code BY_NAME.get(name)} of a map): a
   * getter of the connection a transaction bound to the thread (SqlToy's {@code
   * DBTransUtils.getCurrentConnection()}) makes none.
   */
  public static boolean returnsOnlyFields(MethodTree declaration, VisitorState state) {
    ImmutableList<ExpressionTree> values = ReturnedValues.expressions(declaration.getBody());
    return !values.isEmpty()
        && values.stream().allMatch(value -> fieldRead(Casts.stripped(value), state) != null);
  }

  /**
   * The member whose held value {@code value} (casts stripped) reads, or null when it reads none: a
   * field, a holder field whose {@code get} it calls, or a method compiled with the checked file
   * that is a getter itself ({@code TransactionObjectHolder.get()} returning a {@code
   * ThreadLocal}'s value).
   */
  @Nullable
  public static Symbol heldMember(ExpressionTree value, VisitorState state) {
    ExpressionTree read = Casts.stripped(value);
    Symbol field = fieldRead(read, state);
    if (field != null) {
      return field;
    }
    if (!(read instanceof MethodInvocationTree call)) {
      return null;
    }
    MethodSymbol getter = getSymbol(call);
    return getter != null
            && !getter.getReturnType().isPrimitive()
            && returnsOnlyFields(getter, state)
        ? getter
        : null;
  }

  /** The field {@code value} reads, itself or through a holder field's {@code get}, or null. */
  @Nullable
  private static Symbol fieldRead(ExpressionTree value, VisitorState state) {
    if (value instanceof MethodInvocationTree call && call.getArguments().size() <= 1) {
      MethodSymbol method = getSymbol(call);
      ExpressionTree holder = ASTHelpers.getReceiver(call);
      Symbol holderField = holder == null ? null : getSymbol(holder);
      return method != null
              && method.getSimpleName().contentEquals("get")
              && isField(holderField)
              && NamedTypes.isSubtypeOfAny(ASTHelpers.getType(holder), HOLDERS, state)
          ? holderField
          : null;
    }
    if (value instanceof AssignmentTree stored) {
      // return (results = statement.getResultSet()): what the field now holds (extjwnl's Query).
      return fieldRead(Casts.stripped(stored.getVariable()), state);
    }
    Symbol symbol = getSymbol(value);
    return isField(symbol) ? symbol : null;
  }

  private static boolean isField(Symbol symbol) {
    return symbol instanceof VarSymbol var && var.getKind() == ElementKind.FIELD;
  }

  private Getters() {}
}
