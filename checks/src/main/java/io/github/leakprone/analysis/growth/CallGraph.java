package io.github.leakprone.analysis.growth;

import com.google.common.collect.ImmutableSetMultimap;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Who runs whom inside one compilation unit: calls, constructor calls, method references, and the
 * methods of local and anonymous classes (run later, as callbacks, by whoever gets the object).
 */
final class CallGraph {

  private record Edge(Node to, boolean deferred) {
    // equals and hashCode written out: a record's own are linked through method handles on first
    // use, a cost every build pays again, in code that runs cold (docs/performance.md).
    @Override
    public boolean equals(Object other) {
      return other instanceof Edge that && Objects.equals(to, that.to) && deferred == that.deferred;
    }

    @Override
    public int hashCode() {
      return 31 * Objects.hashCode(to) + Boolean.hashCode(deferred);
    }
  }

  private final ImmutableSetMultimap<Node, Edge> calls;
  private final ImmutableSetMultimap<Node, Node> callers;

  private CallGraph(Builder builder) {
    this.calls = builder.calls.build();
    this.callers = builder.callers.build();
  }

  /** Collects the edges while the unit is scanned; the graph built from it does not change. */
  static final class Builder {
    private final ImmutableSetMultimap.Builder<Node, Edge> calls = ImmutableSetMultimap.builder();
    private final ImmutableSetMultimap.Builder<Node, Node> callers = ImmutableSetMultimap.builder();

    /** {@code from} runs {@code to}; {@code deferred} when it hands it over to run later. */
    void add(Node from, Node to, boolean deferred) {
      calls.put(from, new Edge(to, deferred));
      callers.put(to, from);
    }

    /**
     * {@code from} runs {@code to} once per JVM however often it runs itself (behind a static flag
     * it sets for good): a call that leads where {@code from} does, but that counts, as a caller of
     * {@code to}, as code that runs once ({@link #once}).
     */
    void addOncePerJvm(Node from, Node to, boolean deferred) {
      calls.put(from, new Edge(to, deferred));
    }

    CallGraph build() {
      return new CallGraph(this);
    }
  }

  /**
   * Every node {@code root} runs, itself included, each mapped to whether it runs only later (every
   * way to it goes through a lambda, a method reference or a local class) or may run right away.
   */
  Map<Node, Boolean> reach(Node root) {
    Map<Node, Boolean> reached = new HashMap<>();
    Deque<Node> work = new ArrayDeque<>();
    reached.put(root, false);
    work.add(root);
    while (!work.isEmpty()) {
      Node node = work.poll();
      boolean deferred = reached.get(node);
      for (Edge edge : calls.get(node)) {
        boolean later = deferred || edge.deferred();
        Boolean known = reached.get(edge.to());
        if (known == null || (known && !later)) {
          reached.put(edge.to(), later);
          work.add(edge.to());
        }
      }
    }
    return reached;
  }

  /**
   * The nodes that run once: the {@code base} ones, and each {@code hidden} one (callable only from
   * inside the unit, such as a private method) that only once-running nodes call, or calls that run
   * once per JVM. A hidden node that nothing calls is dead code and counts as running once.
   */
  Set<Node> once(Set<Node> base, Set<Node> allNodes, Predicate<Node> hidden) {
    Set<Node> once = new HashSet<>(base);
    for (Node node : allNodes) {
      if (hidden.test(node)) {
        once.add(node);
      }
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Node node : allNodes) {
        if (once.contains(node) && !base.contains(node)) {
          for (Node caller : callers.get(node)) {
            if (!once.contains(caller)) {
              once.remove(node);
              changed = true;
              break;
            }
          }
        }
      }
    }
    return once;
  }
}
