package io.github.leakprone.catalog;

import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import java.util.Optional;

/**
 * The must-release heavyweight clients (OSS, AWS, Apache HTTP, thread pools, the users' own) as
 * resources of the obligation analysis: building one acquires it, its release methods release it.
 */
public final class ClientResources implements ResourceSpec {

  /** HttpClient 4's connection manager, as its clients gave it before 4.3 gave them close(). */
  private static final MethodRef APACHE_4_CONNECTION_MANAGER =
      new MethodRef("org.apache.http.client.HttpClient", "getConnectionManager");

  /** Its shutdown, the release of such a client. */
  private static final MethodRef APACHE_4_SHUTDOWN =
      new MethodRef("org.apache.http.conn.ClientConnectionManager", "shutdown");

  private final ClientCatalog catalog;

  public ClientResources(ClientCatalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public Optional<Acquisition> acquisition(ExpressionTree tree, VisitorState state) {
    return catalog
        .match(tree, state)
        .filter(client -> client.policy() == ClientPolicy.RELEASE)
        .map(client -> Acquisition.OWNED);
  }

  /**
   * A release method of a client whose type is related to the method's owner: {@code close()} on a
   * thread pool is a release (ExecutorService declares it), on a user's type released by {@code
   * shutdown()} it is not.
   */
  @Override
  public boolean isRelease(MethodSymbol method, VisitorState state) {
    if (!method.getParameters().isEmpty()) {
      return false;
    }
    if (APACHE_4_SHUTDOWN.matches(method, state)) {
      return true; // client.getConnectionManager().shutdown(): the pool, and the client with it
    }
    String name = method.getSimpleName().toString();
    for (HeavyweightClient client : catalog.clients()) {
      if (client.policy() == ClientPolicy.RELEASE && client.releaseMethods().contains(name)) {
        Type type = NamedTypes.get(client.type(), state);
        if (type != null
            && (ASTHelpers.isSubtype(method.owner.type, type, state)
                || ASTHelpers.isSubtype(type, method.owner.type, state))) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * A thread pool of {@code java.util.concurrent} ({@code Executors.new*}, {@code new
   * ThreadPoolExecutor(...)}, {@code new ForkJoinPool(...)}) starts its first thread when it is
   * first given a task: one lost before anything used it held no thread (Jolokia's discovery, whose
   * pool is lost only if the multicast group's lookup fails before the first task is submitted).
   */
  @Override
  public boolean opensOnFirstUse(Tree site, VisitorState state) {
    if (site instanceof MethodInvocationTree call) {
      return HeavyweightClients.THREAD_POOL_FACTORIES.matches(ASTHelpers.getSymbol(call), state);
    }
    if (site instanceof NewClassTree made) {
      Type type = ASTHelpers.getType(made);
      return LAZY_POOLS.stream()
          .map(name -> NamedTypes.get(name, state))
          .anyMatch(pool -> pool != null && ASTHelpers.isSubtype(type, pool, state));
    }
    return false;
  }

  /** The JDK's pools that start their threads as tasks come. */
  private static final ImmutableSet<String> LAZY_POOLS =
      ImmutableSet.of(
          "java.util.concurrent.ThreadPoolExecutor", "java.util.concurrent.ForkJoinPool");

  @Override
  public boolean releasesChildren(MethodSymbol method) {
    return false;
  }

  /** No client has cataloged helpers that release it; named ones are the analysis's to judge. */
  @Override
  public ImmutableSet<Integer> releasedArguments(MethodInvocationTree call, VisitorState state) {
    return ImmutableSet.of();
  }

  /**
   * {@code client.getConnectionManager()} of an Apache HttpClient 4: the pool the client owns,
   * whose {@code shutdown()} was the way to release a client before 4.3 gave it {@code close()}.
   */
  @Override
  public boolean isView(MethodSymbol method, VisitorState state) {
    return method.getParameters().isEmpty() && APACHE_4_CONNECTION_MANAGER.matches(method, state);
  }
}
