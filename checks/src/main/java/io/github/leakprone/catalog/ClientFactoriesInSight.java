package io.github.leakprone.catalog;

import static com.google.errorprone.util.ASTHelpers.getSymbol;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.VisitorState;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import io.github.leakprone.trees.Casts;
import io.github.leakprone.trees.ClassMethods;
import io.github.leakprone.trees.CompiledWithUs;
import io.github.leakprone.trees.HandedOnLocals;
import io.github.leakprone.trees.LocalVariables;
import io.github.leakprone.trees.ReturnedValues;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The project's own factories of heavyweight clients: a method in sight that no subclass overrides
 * whose every {@code return} hands out a client it builds there, directly or through a local that
 * holds nothing else ({@code private CloseableHttpClient buildHttpClient() { return
 * HttpClients.custom()...build(); }}), and hands it to nothing else (a list of what the object
 * made, which its {@code close()} closes). A call of one builds a client as much as the creation in
 * its body does, and is judged where it is made: frontend-maven-plugin's downloader builds one per
 * download through its helper and never closes it (a holdout round's miss). The factory itself,
 * which returns what it builds, is not a finding.
 */
final class ClientFactoriesInSight {

  /** What builds a client directly: the catalogue's creations, never another factory. */
  private final BiFunction<ExpressionTree, VisitorState, Optional<HeavyweightClient>> creation;

  /**
   * The answer by factory. Its methods are one compilation's: a catalog serves one check instance,
   * which Error Prone creates per compilation.
   */
  private final Map<MethodSymbol, Optional<HeavyweightClient>> byFactory = new HashMap<>();

  ClientFactoriesInSight(
      BiFunction<ExpressionTree, VisitorState, Optional<HeavyweightClient>> creation) {
    this.creation = creation;
  }

  /** The client that {@code call}, of a factory in sight, builds afresh on every call, if any. */
  Optional<HeavyweightClient> builtBy(MethodInvocationTree call, VisitorState state) {
    MethodSymbol method = getSymbol(call);
    if (method == null || method.isConstructor() || !ClassMethods.cannotBeOverridden(method)) {
      return Optional.empty();
    }
    return byFactory.computeIfAbsent(method, factory -> read(factory, state));
  }

  private Optional<HeavyweightClient> read(MethodSymbol factory, VisitorState state) {
    MethodTree declaration =
        CompiledWithUs.declaration(factory, state)
            .map(CompiledWithUs.Declaration::method)
            .orElse(null);
    if (declaration == null) {
      return Optional.empty();
    }
    ImmutableList<ExpressionTree> returned = ReturnedValues.expressions(declaration.getBody());
    Map<Symbol, ExpressionTree> soleValues = null;
    Set<Symbol> handedOn = null;
    Optional<HeavyweightClient> built = Optional.empty();
    for (ExpressionTree value : returned) {
      ExpressionTree stripped = Casts.stripped(value);
      Optional<HeavyweightClient> client = creation.apply(stripped, state);
      if (client.isEmpty()) {
        // OkHttpClient client = builder.build(); ...; return client; but not where the factory
        // also keeps it (created.add(ds): Jackrabbit's ConnectionFactory closes what it made).
        if (soleValues == null) {
          soleValues = LocalVariables.soleInitializers(declaration.getBody());
          handedOn = HandedOnLocals.of(declaration.getBody());
        }
        Symbol local = getSymbol(stripped);
        ExpressionTree initializer = handedOn.contains(local) ? null : soleValues.get(local);
        client =
            initializer == null
                ? Optional.empty()
                : creation.apply(Casts.stripped(initializer), state);
      }
      if (client.isEmpty() || (built.isPresent() && built.get() != client.get())) {
        return Optional.empty(); // a cached client, a parameter, or two kinds
      }
      built = client;
    }
    return built;
  }
}
