package io.github.leakprone.analysis.obligation;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.sun.tools.javac.code.Symbol;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import javax.annotation.Nullable;

/**
 * The dataflow state at one program point: the obligations open on some path reaching it, each with
 * the first event ({@link Witness}) that path went through, and the boolean locals and parameters
 * whose value is the same on every path reaching it. Immutable; {@code null} stands for an
 * unreachable point. The lattice is the powerset of obligations times the known flags: joins are
 * unions of obligations and intersections of flags, and the witness is payload that never takes
 * part in a comparison, so the analysis terminates.
 *
 * <p>The flags make one correlation visible that a path-insensitive analysis misses: a resource
 * created only where a flag was set, and released only where the flag is tested ({@code
 * needShutdown = true; pool = newFixedThreadPool(n); ... finally { if (needShutdown)
 * pool.shutdown(); }}). An obligation keeps the flags known where it was acquired ({@link
 * Obligation#flags()}), and a test of the flag drops it from the branch its value rules out.
 */
final class Facts {

  static final Facts EMPTY = new Facts(Collections.emptyMap(), ImmutableMap.of());

  private final Map<Obligation, Witness> open;
  private final ImmutableMap<Symbol, Boolean> known;

  private Facts(Map<Obligation, Witness> open, ImmutableMap<Symbol, Boolean> known) {
    this.open = open;
    this.known = known;
  }

  /** The flags known on every path here: what an obligation acquired here starts with. */
  ImmutableMap<Symbol, Boolean> knownFlags() {
    return known;
  }

  /**
   * The state after {@code flag} was assigned {@code value} ({@code null}: a value not known here):
   * on every path, open obligations included.
   */
  Facts assign(Symbol flag, @Nullable Boolean value) {
    if (value == null && !known.containsKey(flag) && open.isEmpty()) {
      return this;
    }
    Map<Obligation, Witness> copy = new LinkedHashMap<>();
    open.forEach((o, w) -> copy.merge(o.withFlag(flag, value), w, Facts::earlier));
    return new Facts(copy, withEntry(known, flag, value));
  }

  /**
   * The state on the branch where {@code flag} is {@code value}: {@code null} if that branch cannot
   * be taken, and without the obligations acquired where the flag had the other value.
   */
  @Nullable
  Facts assume(Symbol flag, boolean value) {
    Boolean before = known.get(flag);
    if (before != null) {
      return before == value ? this : null;
    }
    Map<Obligation, Witness> copy = new LinkedHashMap<>();
    open.forEach(
        (o, w) -> {
          if (!o.excludes(flag, value)) {
            copy.merge(o.withFlag(flag, value), w, Facts::earlier);
          }
        });
    return new Facts(copy, withEntry(known, flag, value));
  }

  /**
   * The state where {@code flag} is known to be {@code value} ({@code null}: not known), with the
   * obligations as they are: a fact about a local that no obligation keeps (a local null until a
   * step sets it, {@link NullUntilSetLocals}, unless a {@code finally} tests it). Kept by every
   * obligation, such facts would split each into one per combination of their values, and a loop
   * over many of them would not end in time.
   */
  Facts know(Symbol flag, @Nullable Boolean value) {
    if (Objects.equals(known.get(flag), value)) {
      return this;
    }
    return new Facts(open, withEntry(known, flag, value));
  }

  /**
   * The state on the branch where {@code flag} is {@code value}, by what is known on every path
   * alone ({@link #know}): {@code null} if that branch cannot be taken.
   */
  @Nullable
  Facts assumeKnown(Symbol flag, boolean value) {
    Boolean before = known.get(flag);
    if (before != null) {
      return before == value ? this : null;
    }
    return new Facts(open, withEntry(known, flag, value));
  }

  /**
   * Forgets the value of every flag in {@code flags}: assigned where this analysis does not look.
   */
  Facts forget(Set<Symbol> flags) {
    Facts facts = this;
    for (Symbol flag : flags) {
      facts = facts.assign(flag, null);
    }
    return facts;
  }

  static ImmutableMap<Symbol, Boolean> withEntry(
      ImmutableMap<Symbol, Boolean> map, Symbol key, @Nullable Boolean value) {
    Map<Symbol, Boolean> copy = new LinkedHashMap<>(map);
    if (value == null) {
      copy.remove(key);
    } else {
      copy.put(key, value);
    }
    return ImmutableMap.copyOf(copy);
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
    return new Facts(copy, known);
  }

  Facts without(Predicate<Obligation> drop) {
    // Asked at every call that may throw, where most often nothing is dropped: the copy is made
    // only at the first obligation dropped.
    Map<Obligation, Witness> kept = null;
    int seen = 0;
    for (Map.Entry<Obligation, Witness> entry : open.entrySet()) {
      if (drop.test(entry.getKey())) {
        if (kept == null) {
          kept = firstOpen(seen);
        }
      } else if (kept != null) {
        kept.put(entry.getKey(), entry.getValue());
      }
      seen++;
    }
    return kept == null ? this : new Facts(kept, known);
  }

  /** The first {@code count} open obligations, in order, in a map of their own. */
  private Map<Obligation, Witness> firstOpen(int count) {
    Map<Obligation, Witness> first = new LinkedHashMap<>();
    for (Map.Entry<Obligation, Witness> entry : open.entrySet()) {
      if (first.size() == count) {
        break;
      }
      first.put(entry.getKey(), entry.getValue());
    }
    return first;
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
    return changed ? new Facts(copy, known) : this;
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
    return new Facts(copy, known);
  }

  /** Gives every obligation the event {@code witness}, where it tells more than the one it had. */
  Facts witnessedBy(Witness witness) {
    Map<Obligation, Witness> copy = new LinkedHashMap<>();
    open.forEach((o, w) -> copy.put(o, Witness.stronger(w, witness)));
    return new Facts(copy, known);
  }

  /**
   * Replaces every event by {@code witness}: a catch block has handled the exception that brought
   * the state here, so what the path loses from now on, it loses there.
   */
  Facts rewitnessed(Witness witness) {
    Map<Obligation, Witness> copy = new LinkedHashMap<>();
    open.forEach((o, w) -> copy.put(o, witness));
    return new Facts(copy, known);
  }

  /**
   * As {@link #rewitnessed}, each event replaced by what {@code witness} makes of it, but an
   * obligation that {@code outOfReach} selects keeps its event, made {@linkplain Witness#decisive
   * decisive}: the exception that brought it here left the scope of every variable that held it, so
   * that exception, not what the path does next, lost it.
   */
  Facts rewitnessed(UnaryOperator<Witness> witness, Predicate<Obligation> outOfReach) {
    Map<Obligation, Witness> copy = new LinkedHashMap<>();
    open.forEach((o, w) -> copy.put(o, outOfReach.test(o) ? w.decisive() : witness.apply(w)));
    return new Facts(copy, known);
  }

  /** The union of two states; either may be {@code null} (unreachable). */
  static Facts join(Facts a, Facts b) {
    if (a == null) {
      return b;
    }
    if (b == null || a == b) {
      return a;
    }
    ImmutableMap<Symbol, Boolean> known = agreed(a.known, b.known);
    if (b.open.isEmpty() && known == a.known) {
      return a;
    }
    if (a.open.isEmpty() && known == b.known) {
      return b;
    }
    Map<Obligation, Witness> copy = new LinkedHashMap<>(a.open);
    b.open.forEach((o, w) -> copy.merge(o, w, Facts::earlier));
    return copy.size() == a.open.size() && sameWitnesses(a, copy) && known == a.known
        ? a
        : new Facts(copy, known);
  }

  /**
   * Where a {@code break} or {@code continue} lands: the jump's paths joined with the paths it
   * bypassed, which reach the same place the ordinary way. A resource open on both lost nothing to
   * the jump (the code it skipped closed nothing of it), so it keeps the witness of the bypassed
   * paths: a later loss is named after what loses it there, not after a {@code break} that only
   * ended a loop early. What the jump alone leaves open (it skipped the close) keeps the jump's.
   *
   * <p>"Open on both" asks for the same resource in the same variables, whatever flags the two
   * know: {@code if (ignore) continue;} splits a result set by the value of {@code ignore}, and the
   * copy that jumped is no less open on the path that did not.
   */
  static Facts landed(Facts bypassed, Facts jumped) {
    if (bypassed == null || jumped == null || bypassed.open.isEmpty()) {
      return join(bypassed, jumped);
    }
    Map<Obligation, Witness> openBypassed = new LinkedHashMap<>();
    bypassed.open.forEach((o, w) -> openBypassed.merge(o.withoutFlags(), w, Facts::earlier));
    Map<Obligation, Witness> plain = null;
    for (Map.Entry<Obligation, Witness> entry : jumped.open.entrySet()) {
      Witness before = openBypassed.get(entry.getKey().withoutFlags());
      if (before != null && !before.equals(entry.getValue())) {
        if (plain == null) {
          plain = new LinkedHashMap<>(jumped.open);
        }
        plain.put(entry.getKey(), before);
      }
    }
    return join(bypassed, plain == null ? jumped : new Facts(plain, jumped.known));
  }

  /** The flags both know with the same value; {@code a} itself when that is all of them. */
  private static ImmutableMap<Symbol, Boolean> agreed(
      ImmutableMap<Symbol, Boolean> a, ImmutableMap<Symbol, Boolean> b) {
    if (a.isEmpty() || a.equals(b)) {
      return a;
    }
    if (b.isEmpty()) {
      return b;
    }
    ImmutableMap.Builder<Symbol, Boolean> both = ImmutableMap.builder();
    a.forEach(
        (flag, value) -> {
          if (value.equals(b.get(flag))) {
            both.put(flag, value);
          }
        });
    return both.buildOrThrow();
  }

  /**
   * Whether {@code b} already stands for every path of {@code a}: all of its obligations, and no
   * flag known that {@code a} does not know alike. The fixpoint test.
   */
  static boolean covers(Facts b, Facts a) {
    if (a == null) {
      return true;
    }
    return b != null
        && b.open.keySet().containsAll(a.open.keySet())
        && a.known.entrySet().containsAll(b.known.entrySet());
  }

  private static boolean sameWitnesses(Facts a, Map<Obligation, Witness> copy) {
    return a.open.equals(copy);
  }

  /**
   * Keeps the more telling witness; the first when they tie. Of two paths that each lose it, one
   * where nothing failed (a return, the end) names the loss over one where something did: the path
   * every call takes, not the one a failure takes (BoofCV's {@code return loadPPM(stream, null)},
   * joined with the {@code return null} after the catch of the same call's failure).
   */
  private static Witness earlier(Witness first, Witness second) {
    if (first.isOrdinary() != second.isOrdinary()) {
      return first.isOrdinary() ? first : second;
    }
    return Witness.stronger(first, second);
  }
}
