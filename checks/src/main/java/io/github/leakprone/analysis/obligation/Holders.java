package io.github.leakprone.analysis.obligation;

import com.google.common.collect.ImmutableSet;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Symbol;

/**
 * What an expression's value may be, as far as resources go: the acquisitions it evaluates to
 * ({@link Tree} sites, for a fresh resource) and the variables it reads ({@link Symbol}s). Empty
 * for a value that holds no resource.
 */
record Holders(ImmutableSet<Object> items) {

  static final Holders NONE = new Holders(ImmutableSet.of());

  static Holders fresh(Tree site) {
    return new Holders(ImmutableSet.of(site));
  }

  static Holders variable(Symbol symbol) {
    return new Holders(ImmutableSet.of(symbol));
  }

  boolean isEmpty() {
    return items.isEmpty();
  }

  Holders union(Holders other) {
    if (isEmpty()) {
      return other;
    }
    return other.isEmpty()
        ? this
        : new Holders(ImmutableSet.builder().addAll(items).addAll(other.items).build());
  }

  /**
   * Whether {@code obligation} is this value as it is being stored: held by a variable read here,
   * or acquired here and not held by any variable yet. An obligation of the same site that a
   * variable holds already is the resource an earlier pass of a loop acquired there, not this one
   * ({@code s = server.accept(); out = s.getOutputStream();}: the next pass's {@code accept()} is
   * another socket, and storing it in {@code s} leaves the last one to {@code out} alone).
   */
  boolean selectsAsStored(Obligation obligation) {
    if (obligation.aliases().isEmpty() && items.contains(obligation.site())) {
      return true;
    }
    for (Symbol alias : obligation.aliases()) {
      if (items.contains(alias)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code obligation} is this value: acquired here, or held by a variable read here. */
  boolean selects(Obligation obligation) {
    if (items.contains(obligation.site())) {
      return true;
    }
    for (Symbol alias : obligation.aliases()) {
      if (items.contains(alias)) {
        return true;
      }
    }
    return false;
  }
}
