package io.github.leakprone.catalog;

import static com.google.errorprone.util.ASTHelpers.getReceiver;
import static com.google.errorprone.util.ASTHelpers.getSymbol;
import static com.google.errorprone.util.ASTHelpers.getType;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.suppliers.Supplier;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import io.github.leakprone.trees.NullComparisons;

/**
 * Calls that store their argument in the collection, map or cache they are called on. What a method
 * puts there is the container's from then on: whoever empties the container releases it, not the
 * method. (Whether a static container grows, which is a different question, is {@link
 * ContainerKinds}'s.)
 */
public final class ContainerStores {

  /** Methods that keep an argument: adding, putting, and replacing an element or a value. */
  private static final ImmutableSet<String> STORE_METHODS =
      ImmutableSet.of(
          "add",
          "addAll",
          "addFirst",
          "addLast",
          "addElement",
          "offer",
          "offerFirst",
          "offerLast",
          "push",
          "put",
          "putAll",
          "putIfAbsent",
          "set",
          "compute",
          "computeIfAbsent",
          "computeIfPresent",
          "merge",
          "replace");

  private static final Supplier<ImmutableList<Type>> CONTAINER_TYPES =
      VisitorState.memoize(
          state ->
              ImmutableList.of(
                      "java.util.Collection",
                      "java.util.Map",
                      "com.google.common.collect.Multimap",
                      // A cache keeps what is put in it as a map does, until it evicts it to
                      // whatever its owner registered to hear of that (Avatica's statement cache,
                      // whose removal listener closes the statement).
                      "com.google.common.cache.Cache",
                      "com.github.benmanes.caffeine.cache.Cache",
                      "javax.cache.Cache")
                  .stream()
                  .map(name -> NamedTypes.get(name, state))
                  .filter(type -> type != null)
                  .collect(ImmutableList.toImmutableList()));

  /** Whether {@code call} stores its arguments in the container it is called on. */
  public static boolean storesArgument(MethodInvocationTree call, VisitorState state) {
    MethodSymbol method = getSymbol(call);
    ExpressionTree receiver = getReceiver(call);
    if (method == null
        || receiver == null
        || !STORE_METHODS.contains(method.getSimpleName().toString())) {
      return false;
    }
    Type receiverType = getType(receiver);
    return receiverType != null
        && CONTAINER_TYPES.get(state).stream()
            .anyMatch(container -> ASTHelpers.isSubtype(receiverType, container, state));
  }

  /**
   * Whether a method of any type is named like one that keeps its argument ({@code add*}, {@code
   * put*}, {@code offer}, {@code push}, {@code set}, {@code register*}). A fix that closes what it
   * hands to such a method could close what a registry or cache of the user's still holds, so it is
   * not offered.
   */
  public static boolean mayStoreArgument(String methodName) {
    return methodName.startsWith("add")
        || methodName.startsWith("put")
        || methodName.equals("offer")
        || methodName.equals("push")
        || methodName.equals("set")
        || methodName.startsWith("register");
  }

  /**
   * Whether {@code condition}, having evaluated to {@code outcome}, says that map field {@code map}
   * holds no entry for {@code key}: {@code !map.containsKey(key)} or {@code map.get(key) == null}
   * when true (either way round, under {@code !}, and as an operand of {@code &&} when true or
   * {@code ||} when false). A store of that key behind such a test is a cache: it runs once per
   * key.
   */
  public static boolean isAbsentWhen(
      ExpressionTree condition,
      boolean outcome,
      Symbol map,
      ExpressionTree key,
      VisitorState state) {
    ExpressionTree e = ASTHelpers.stripParentheses(condition);
    if (e instanceof UnaryTree not && e.getKind() == Tree.Kind.LOGICAL_COMPLEMENT) {
      return isAbsentWhen(not.getExpression(), !outcome, map, key, state);
    }
    if ((e.getKind() == Tree.Kind.CONDITIONAL_AND && outcome)
        || (e.getKind() == Tree.Kind.CONDITIONAL_OR && !outcome)) {
      BinaryTree binary = (BinaryTree) e;
      return isAbsentWhen(binary.getLeftOperand(), outcome, map, key, state)
          || isAbsentWhen(binary.getRightOperand(), outcome, map, key, state);
    }
    if (e instanceof MethodInvocationTree call && isLookup(call, "containsKey", map, key, state)) {
      return !outcome;
    }
    ExpressionTree compared = NullComparisons.comparedWithNull(e);
    if (compared instanceof MethodInvocationTree call && isLookup(call, "get", map, key, state)) {
      return outcome == (e.getKind() == Tree.Kind.EQUAL_TO);
    }
    return false;
  }

  private static boolean isLookup(
      MethodInvocationTree call, String name, Symbol map, ExpressionTree key, VisitorState state) {
    MethodSymbol method = getSymbol(call);
    ExpressionTree receiver = getReceiver(call);
    return method != null
        && method.getSimpleName().contentEquals(name)
        && receiver != null
        && getSymbol(receiver) == map
        && call.getArguments().size() == 1
        && sameKey(call.getArguments().get(0), key, state);
  }

  private static boolean sameKey(ExpressionTree a, ExpressionTree b, VisitorState state) {
    Symbol sa = getSymbol(a);
    if (sa != null && (a instanceof IdentifierTree || a instanceof MemberSelectTree)) {
      return sa == getSymbol(b);
    }
    String source = state.getSourceForNode(a);
    return source != null && source.equals(state.getSourceForNode(b));
  }

  private ContainerStores() {}
}
