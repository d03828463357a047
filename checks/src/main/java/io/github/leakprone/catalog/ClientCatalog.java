package io.github.leakprone.catalog;

import static com.google.errorprone.util.ASTHelpers.getSymbol;
import static com.google.errorprone.util.ASTHelpers.getType;
import static com.google.errorprone.util.ASTHelpers.isStatic;
import static com.google.errorprone.util.ASTHelpers.stripParentheses;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.TypeTag;
import com.sun.tools.javac.util.Context;
import io.github.leakprone.catalog.Creation.BuilderChain;
import io.github.leakprone.catalog.Creation.Constructor;
import io.github.leakprone.catalog.Creation.StaticFactory;
import io.github.leakprone.trees.LocalVariables;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Recognises the expressions that build a heavyweight client. A type that is not on the
 * compilation's classpath simply matches nothing, so the plugin needs none of the client libraries
 * itself.
 */
public final class ClientCatalog {

  /** How deep a builder chain is followed back to its root before giving up. */
  private static final int MAX_CHAIN = 64;

  private final ImmutableList<HeavyweightClient> clients;

  /**
   * Whether a method's name can end a creation (a factory's, prefix patterns such as {@code new*}
   * included, or a builder's last call): a cheap first filter, asked of every invocation.
   */
  private final NameFilter mayEndCreation;

  /**
   * {@link #clientsOfType} by class. Its classes are one compilation's: a catalog serves one check
   * instance, which Error Prone creates per compilation.
   */
  private final Map<Symbol, ImmutableList<HeavyweightClient>> clientsByClass = new HashMap<>();

  /**
   * {@link #onClassPath}, worked out on first use in a compilation: types belong to one, and a
   * check instance may serve more than one (Error Prone's test helpers reuse it).
   */
  private ImmutableList<PresentClient> onClassPath;

  private Context onClassPathOf;

  /** The project's own factories of clients, judged by their bodies. */
  private final ClientFactoriesInSight factories = new ClientFactoriesInSight(this::creation);

  public ClientCatalog(ImmutableList<HeavyweightClient> clients) {
    this.clients = clients;
    ImmutableSet.Builder<String> patterns = ImmutableSet.builder();
    for (HeavyweightClient client : clients) {
      for (Creation creation : client.creations()) {
        if (creation instanceof StaticFactory factory) {
          patterns.add(factory.method().namePattern());
        } else if (creation instanceof BuilderChain builder) {
          patterns.add(builder.buildMethod());
        }
      }
    }
    NamePatterns finalMethodNames = NamePatterns.of(patterns.build());
    this.mayEndCreation = new NameFilter(finalMethodNames::matches);
  }

  public ImmutableList<HeavyweightClient> clients() {
    return clients;
  }

  /**
   * The client that {@code tree} builds afresh, if any: a constructor call, a static factory, or
   * the last call of a builder chain that starts at a fresh builder.
   */
  public Optional<HeavyweightClient> match(ExpressionTree tree, VisitorState state) {
    if (tree instanceof MethodInvocationTree invocation && !mayEndCreation(invocation, state)) {
      return Optional.empty();
    }
    Optional<HeavyweightClient> built = creation(tree, state);
    return built.isEmpty() && tree instanceof MethodInvocationTree invocation
        ? factories.builtBy(invocation, state)
        : built;
  }

  /**
   * Whether {@code tree} runs a factory of the project's that builds a client ({@link
   * ClientFactoriesInSight}) rather than being a creation of the catalogue's own.
   */
  public boolean isFactoryInSight(ExpressionTree tree, VisitorState state) {
    return tree instanceof MethodInvocationTree invocation
        && creation(tree, state).isEmpty()
        && factories.builtBy(invocation, state).isPresent();
  }

  /** {@link #match} of the catalogue's own creations: a constructor, a factory, a builder. */
  private Optional<HeavyweightClient> creation(ExpressionTree tree, VisitorState state) {
    if (tree instanceof MethodInvocationTree invocation
        && !mayEndCreation.test(getSymbol(invocation).getSimpleName(), state.context)) {
      return Optional.empty();
    }
    Type type = getType(tree);
    if (type == null) {
      return Optional.empty();
    }
    for (HeavyweightClient client : clientsOfType(type, state)) {
      for (Creation creation : client.creations()) {
        if (creates(creation, tree, state)) {
          return Optional.of(client);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Whether {@code call}'s method has a name that can end a creation: the first question asked of
   * every call, cheap, and safe to ask outside a check's error guard (no symbol, no match).
   */
  public boolean mayEndCreation(MethodInvocationTree call, VisitorState state) {
    Symbol method = getSymbol(call.getMethodSelect());
    return method instanceof MethodSymbol symbol
        && (mayEndCreation.test(symbol.getSimpleName(), state.context)
            || mayBeAFactory(symbol, state));
  }

  /**
   * Whether {@code method} may be a factory of the project's ({@link ClientFactoriesInSight}): it
   * is declared to return a type some client of the catalogue has. Asked of every call, so only its
   * declared type is read, and each class once ({@link #clientsOfType}).
   */
  private boolean mayBeAFactory(MethodSymbol method, VisitorState state) {
    Type result = method.getReturnType();
    return result != null
        && result.getTag() == TypeTag.CLASS
        && !clientsOfType(result, state).isEmpty()
        && !Platform.declares(method);
  }

  /**
   * The clients whose type {@code type} is: asked of every {@code new} of a compilation, and most
   * are of a few types (builders, collections, exceptions), so each class is asked about once.
   */
  private ImmutableList<HeavyweightClient> clientsOfType(Type type, VisitorState state) {
    if (type.getTag() != TypeTag.CLASS) {
      return clientsOfTypeUncached(type, state);
    }
    return clientsByClass.computeIfAbsent(type.tsym, unused -> clientsOfTypeUncached(type, state));
  }

  private ImmutableList<HeavyweightClient> clientsOfTypeUncached(Type type, VisitorState state) {
    ImmutableList.Builder<HeavyweightClient> matching = ImmutableList.builder();
    for (PresentClient present : onClassPath(state)) {
      if (isSubtype(type, present.type(), state)) {
        matching.add(present.client());
      }
    }
    return matching.build();
  }

  /**
   * The clients whose type the compilation's class path has, with that type, in catalog order. A
   * build has few of them (a project uses one HTTP client, not five), and a type that is not there
   * has no subtypes to ask about.
   */
  private ImmutableList<PresentClient> onClassPath(VisitorState state) {
    if (onClassPath == null || onClassPathOf != state.context) {
      ImmutableList.Builder<PresentClient> present = ImmutableList.builder();
      for (HeavyweightClient client : clients) {
        Type type = NamedTypes.get(client.type(), state);
        if (type != null) {
          present.add(new PresentClient(client, type));
        }
      }
      onClassPath = present.build();
      onClassPathOf = state.context;
    }
    return onClassPath;
  }

  /** A client of the catalog and its type on the compilation's class path. */
  private record PresentClient(HeavyweightClient client, Type type) {}

  private boolean creates(Creation creation, ExpressionTree tree, VisitorState state) {
    if (creation instanceof BuilderChain builder) {
      return tree instanceof MethodInvocationTree invocation && builds(builder, invocation, state);
    }
    return isRoot(creation, tree, state);
  }

  /**
   * Whether {@code tree} is a constructor call or static factory call described by {@code
   * creation}.
   */
  private static boolean isRoot(Creation creation, ExpressionTree tree, VisitorState state) {
    if (creation instanceof Constructor constructor) {
      return tree instanceof NewClassTree newClass
          && isSubtype(getType(newClass), NamedTypes.get(constructor.type(), state), state);
    }
    if (creation instanceof StaticFactory factory) {
      return tree instanceof MethodInvocationTree invocation
          && isStatic(getSymbol(invocation))
          && factory.method().matches(getSymbol(invocation), state);
    }
    return false;
  }

  private static boolean builds(
      BuilderChain builder, MethodInvocationTree invocation, VisitorState state) {
    MethodSymbol symbol = getSymbol(invocation);
    Type builderType = NamedTypes.get(builder.builderType(), state);
    if (builderType == null
        || isStatic(symbol)
        || !symbol.getSimpleName().contentEquals(builder.buildMethod())) {
      return false;
    }
    ExpressionTree receiver = ASTHelpers.getReceiver(invocation);
    ExpressionTree root = chainRoot(receiver, builderType, state);
    return root != null && isFreshBuilder(builder, root, state);
  }

  /** Follows {@code builder.a().b().c()} back to the expression that produced the first builder. */
  private static ExpressionTree chainRoot(
      ExpressionTree receiver, Type builderType, VisitorState state) {
    ExpressionTree current = receiver == null ? null : stripParentheses(receiver);
    for (int i = 0; current != null && i < MAX_CHAIN; i++) {
      if (!isSubtype(getType(current), builderType, state)) {
        return null;
      }
      if (current instanceof MethodInvocationTree call && !isStatic(getSymbol(call))) {
        ExpressionTree next = ASTHelpers.getReceiver(call);
        if (next == null) {
          return null;
        }
        current = stripParentheses(next);
        continue;
      }
      return current;
    }
    return null;
  }

  private static boolean isFreshBuilder(
      BuilderChain builder, ExpressionTree root, VisitorState state) {
    Function<ExpressionTree, Boolean> fresh =
        expression -> builder.roots().stream().anyMatch(r -> isRoot(r, expression, state));
    if (fresh.apply(root)) {
      return true;
    }
    // A local builder: `OkHttpClient.Builder b = new OkHttpClient.Builder(); ...; b.build()`.
    if (root instanceof IdentifierTree || root instanceof MemberSelectTree) {
      Symbol symbol = getSymbol(root);
      return symbol != null
          && LocalVariables.soleInitializer(symbol, state)
              .map(init -> fresh.apply(stripParentheses(init)))
              .orElse(false);
    }
    return false;
  }

  static boolean isSubtype(Type type, Type supertype, VisitorState state) {
    return type != null && supertype != null && ASTHelpers.isSubtype(type, supertype, state);
  }
}
