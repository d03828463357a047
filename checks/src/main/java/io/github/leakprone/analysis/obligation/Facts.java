package io.github.leakprone.analysis.obligation;

import com.google.common.collect.ImmutableSet;
import com.sun.tools.javac.code.Symbol;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * The dataflow state at one program point: the obligations open on some path reaching it, each with
 * the first event ({@link Witness}) that path went through. Immutable; {@code null} stands for an
 * unreachable point. The lattice is the powerset of obligations: joins are unions, and the witness
 * is payload that never takes part in a comparison, so the analysis terminates.
 */
final class Facts {

  static final Facts EMPTY = new Facts(Collections.emptyMap());

  private final Map<Obligation, Witness> open;

  private Facts(Map<Obligation, Witness> open) {
    this.open = open;
  }

  boolean isEmpty() {
    return open.isEmpty();
  }

  void forEach(BiConsumer<Obligation, Witness> action) {
    open.forEach(action);
  }

  Facts with(Obligation obligation, Witness witness) {
    Map<Obligation, Witness> copy = new LinkedHashMap<>(open);
    copy.merge(obligation, witness, Facts::earlier);
    return new Facts(copy);
  }

  Facts without(Predicate<Obligation> drop) {
    Map<Obligation, Witness> copy = new LinkedHashMap<>();
    open.forEach(
        (o, w) -> {
          if (!drop.test(o)) {
            copy.put(o, w);
          }
        });
    return copy.size() == open.size() ? this : new Facts(copy);
  }

  /**
   * Replaces each obligation by what {@code update} returns for it ({@code null} drops it), in one
   * pass; returns this same state when nothing changed.
   */
  Facts update(java.util.function.Function<Obligation, Obligation> update) {
    Map<Obligation, Witness> copy = new LinkedHashMap<>();
    boolean changed = false;
    for (Map.Entry<Obligation, Witness> entry : open.entrySet()) {
      Obligation updated = update.apply(entry.getKey());
      changed |= updated != entry.getKey();
      if (updated != null) {
        copy.merge(updated, entry.getValue(), Facts::earlier);
      }
    }
    return changed ? new Facts(copy) : this;
  }

  /** Adds {@code alias} to every obligation that {@code holder} selects. */
  Facts addAlias(Predicate<Obligation> holder, Symbol alias) {
    Map<Obligation, Witness> copy = new LinkedHashMap<>();
    open.forEach(
        (o, w) -> {
          Obligation updated =
              holder.test(o)
                  ? o.withAliases(
                      ImmutableSet.<Symbol>builder().addAll(o.aliases()).add(alias).build())
                  : o;
          copy.merge(updated, w, Facts::earlier);
        });
    return new Facts(copy);
  }

  /** Gives every obligation the event {@code witness}, where it tells more than the one it had. */
  Facts witnessedBy(Witness witness) {
    Map<Obligation, Witness> copy = new LinkedHashMap<>();
    open.forEach((o, w) -> copy.put(o, Witness.stronger(w, witness)));
    return new Facts(copy);
  }

  /**
   * Replaces every event by {@code witness}: a catch block has handled the exception that brought
   * the state here, so what the path loses from now on, it loses there.
   */
  Facts rewitnessed(Witness witness) {
    Map<Obligation, Witness> copy = new LinkedHashMap<>();
    open.forEach((o, w) -> copy.put(o, witness));
    return new Facts(copy);
  }

  /** The union of two states; either may be {@code null} (unreachable). */
  static Facts join(Facts a, Facts b) {
    if (a == null) {
      return b;
    }
    if (b == null || b.open.isEmpty() || a == b) {
      return a;
    }
    if (a.open.isEmpty()) {
      return b;
    }
    Map<Obligation, Witness> copy = new LinkedHashMap<>(a.open);
    b.open.forEach((o, w) -> copy.merge(o, w, Facts::earlier));
    return copy.size() == a.open.size() && sameWitnesses(a, copy) ? a : new Facts(copy);
  }

  /** Whether every obligation of {@code a} is in {@code b}: the fixpoint test. */
  static boolean covers(Facts b, Facts a) {
    if (a == null) {
      return true;
    }
    return b != null && b.open.keySet().containsAll(a.open.keySet());
  }

  private static boolean sameWitnesses(Facts a, Map<Obligation, Witness> copy) {
    return a.open.equals(copy);
  }

  /** Keeps the more telling witness; the first when they tie. */
  private static Witness earlier(Witness first, Witness second) {
    return Witness.stronger(first, second);
  }
}
