package io.github.leakprone.analysis.growth;

import static com.google.errorprone.util.ASTHelpers.getReceiver;
import static com.google.errorprone.util.ASTHelpers.getSymbol;
import static com.google.errorprone.util.ASTHelpers.getType;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import io.github.leakprone.catalog.ContainerCalls;
import io.github.leakprone.catalog.ContainerKind;
import io.github.leakprone.catalog.ContainerKinds;
import io.github.leakprone.trees.Casts;
import io.github.leakprone.trees.ConstantExpressions;
import io.github.leakprone.trees.LocalVariables;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What the key (or element) of a growth call tells: whether it bounds the growth, or is new. */
final class GrowthKeys {

  /** How far {@link #isFresh} follows a key through locals, receivers and concatenations. */
  private static final int MAX_DEPTH = 4;

  private final ContainerTypes types;
  private final VisitorState state;

  GrowthKeys(ContainerTypes types, VisitorState state) {
    this.types = types;
    this.state = state;
  }

  /**
   * A keyed growth ({@code put}, a set's {@code add}) with a constant key, or a key from a finite
   * domain, adds at most one entry per key the program names. So does an {@code add} of such an
   * element to a collection not known to keep duplicates (declared as a {@code Collection} that is
   * in fact a set: a list of classes still grows).
   */
  boolean isBounded(MethodInvocationTree call, String name, ImmutableList<ContainerKind> kinds) {
    if (call.getArguments().isEmpty()) {
      return false;
    }
    ExpressionTree key = call.getArguments().get(0);
    if (kinds.stream().anyMatch(k -> k.keyedGrowth().contains(name))) {
      return ConstantExpressions.isConstant(key, state) || types.isFiniteKey(getType(key));
    }
    Type receiver = getType(getReceiver(call));
    return name.equals(ContainerCalls.ADD)
        && call.getArguments().size() == 1
        && types.isFiniteKey(getType(key))
        && ContainerKinds.KEEPS_DUPLICATES.stream()
            .noneMatch(type -> types.isSubtypeOf(receiver, type));
  }

  /**
   * Whether {@code key} is new on every run of {@code node}: a new object (or a builder chain from
   * one), {@code this} in a constructor, a random UUID, a clock or counter reading, text made from
   * one, or a local that only ever holds one.
   */
  boolean isFresh(ExpressionTree key, TreePath where, Node node) {
    return isFresh(key, where, node, 0);
  }

  private boolean isFresh(ExpressionTree key, TreePath where, Node node, int depth) {
    ExpressionTree e = Casts.stripped(key);
    if (depth > MAX_DEPTH) {
      return false;
    }
    if (e instanceof NewClassTree || e instanceof NewArrayTree) {
      return true;
    }
    if (e instanceof BinaryTree binary && binary.getKind() == Tree.Kind.PLUS) {
      return isFresh(binary.getLeftOperand(), where, node, depth + 1)
          || isFresh(binary.getRightOperand(), where, node, depth + 1);
    }
    if (e instanceof MethodInvocationTree call) {
      MethodSymbol method = getSymbol(call);
      if (types.matchesAny(method, ContainerKinds.FRESH_VALUES)) {
        return true;
      }
      ExpressionTree receiver = getReceiver(call);
      if (receiver != null) {
        Boolean madeOfFresh = valueOfANewObject(call, where, node, depth);
        return madeOfFresh != null ? madeOfFresh : isFresh(receiver, where, node, depth + 1);
      }
      return call.getArguments().size() == 1
          && method != null
          && ContainerCalls.FRESH_CONVERSIONS.contains(method.getSimpleName().toString())
          && isFresh(call.getArguments().get(0), where, node, depth + 1);
    }
    if (e instanceof IdentifierTree identifier) {
      if (identifier.getName().contentEquals("this")) {
        return node.kind() == Node.Kind.INSTANCE_INIT
            || (node.symbol() instanceof MethodSymbol method && method.isConstructor());
      }
      return LocalVariables.soleInitializer(getSymbol(identifier), where)
          .map(initializer -> isFresh(initializer, where, node, depth + 1))
          .orElse(false);
    }
    return false;
  }

  /**
   * A string, number or enum read from a new object ({@code credentials.getKey()}, {@code new
   * StringBuilder().append(id).toString()}) is as new as what the object was made of: Ivy's realm
   * and host, not the object's identity. Whether some argument along the way, the constructor's
   * among them, is new; null where the chain does not start at a new object.
   */
  private Boolean valueOfANewObject(
      MethodInvocationTree call, TreePath where, Node node, int depth) {
    Type result = getType(call);
    if (result == null || !isValue(result)) {
      return null;
    }
    List<ExpressionTree> madeOf = new ArrayList<>();
    ExpressionTree link = call;
    for (int hops = 0; hops <= MAX_DEPTH; hops++) {
      link = Casts.stripped(link);
      if (link instanceof MethodInvocationTree step && getReceiver(step) != null) {
        madeOf.addAll(step.getArguments());
        link = getReceiver(step);
        continue;
      }
      if (link instanceof NewClassTree made && made.getClassBody() == null) {
        madeOf.addAll(made.getArguments());
        return madeOf.stream().anyMatch(part -> isFresh(part, where, node, depth + 1));
      }
      Optional<ExpressionTree> initializer =
          link instanceof IdentifierTree local && !local.getName().contentEquals("this")
              ? LocalVariables.soleInitializer(getSymbol(local), where)
              : Optional.empty();
      if (initializer.isEmpty()) {
        return null;
      }
      link = initializer.get();
    }
    return null;
  }

  /** Strings, primitives and their boxes, and enums: values equal whenever what made them is. */
  private boolean isValue(Type type) {
    return type.isPrimitive()
        || state.getTypes().unboxedType(type).isPrimitive()
        || ASTHelpers.isSameType(type, state.getSymtab().stringType, state)
        || (type.tsym != null && type.tsym.isEnum());
  }
}
