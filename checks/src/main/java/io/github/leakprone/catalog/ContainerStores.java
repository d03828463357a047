package io.github.leakprone.catalog;

import static com.google.errorprone.util.ASTHelpers.getReceiver;
import static com.google.errorprone.util.ASTHelpers.getSymbol;
import static com.google.errorprone.util.ASTHelpers.getType;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.suppliers.Supplier;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;

/**
 * Calls that store their argument in the collection or map they are called on. What a method puts
 * there is the container's from then on: whoever empties the container releases it, not the method.
 * (Whether a static container grows, which is a different question, is {@link ContainerKinds}'s.)
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
                      "java.util.Collection", "java.util.Map", "com.google.common.collect.Multimap")
                  .stream()
                  .map(state::getTypeFromString)
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
   * put*}, {@code offer}, {@code push}, {@code set}). A fix that closes what it hands to such a
   * method could close what a registry or cache of the user's still holds, so it is not offered.
   */
  public static boolean mayStoreArgument(String methodName) {
    return methodName.startsWith("add")
        || methodName.startsWith("put")
        || methodName.equals("offer")
        || methodName.equals("push")
        || methodName.equals("set");
  }

  private ContainerStores() {}
}
