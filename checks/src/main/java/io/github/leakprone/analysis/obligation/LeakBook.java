package io.github.leakprone.analysis.obligation;

import static com.google.errorprone.util.ASTHelpers.getStartPosition;

import com.google.common.collect.ImmutableList;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Symbol;
import io.github.leakprone.catalog.ResourceSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * The books of one analysis: which acquisitions were lost and how first, what each was called, and
 * which some path released or handed over (a leak of those is not "never closed").
 */
final class LeakBook {

  private final Map<Tree, Witness> leaks = new LinkedHashMap<>();

  /** The acquisitions lost so far only by failures that leave them to their connection. */
  private final Set<Tree> lostOnlyOnFailures = new HashSet<>();

  /** The losses that lose nothing ({@link LossesBeforeFirstUse}). */
  private final BiPredicate<Obligation, Witness> losesNothing;

  /**
   * Whether a failure that loses an acquisition leaves it to what it lives on ({@link
   * ResourceSpec#isLeftToItsConnectionOnFailure}): lost only so, and released on some path, it is
   * no finding.
   */
  private final Predicate<Tree> leftToItsConnectionOnFailure;

  LeakBook(
      BiPredicate<Obligation, Witness> losesNothing, Predicate<Tree> leftToItsConnectionOnFailure) {
    this.losesNothing = losesNothing;
    this.leftToItsConnectionOnFailure = leftToItsConnectionOnFailure;
  }

  /** For a leaked child (a ResultSet), the acquisition it dies with. */
  private final Map<Tree, Tree> leakParents = new HashMap<>();

  private final Map<Tree, Symbol> holders = new HashMap<>();

  /** The acquisitions that no variable held where they were lost ({@link Leak#heldWhenLost}). */
  private final Set<Tree> unheldWhenLost = new HashSet<>();

  private final Set<Tree> handled = new HashSet<>();

  /** The acquisitions that some path hands on: returns, stores or gives away. */
  private final Set<Tree> handedOn = new HashSet<>();

  /** A never-stored parent (a connection) by the child made from it that can still reach it. */
  private final Map<Tree, Tree> carriers = new HashMap<>();

  /** Children through which something closes their parent ({@code closeAll(stmt)}). */
  private final Set<Tree> parentsClosedThrough = new HashSet<>();

  /** The stand-ins for the values fields held on entry ({@link EarlierValues}). */
  private final Set<Tree> earlierValues = new HashSet<>();

  /**
   * {@code obligation} is lost on a path, through {@code witness}; the first loss is kept, unless
   * it only names a catch and a later one names more.
   */
  void lost(Obligation obligation, Witness witness) {
    if (earlierValues.contains(obligation.site())) {
      return; // lost only by an overwrite with a new resource, reported at that resource
    }
    Witness first = leaks.get(obligation.site());
    if (first == null && losesNothing.test(obligation, witness)) {
      return;
    }
    boolean leftToItsConnection =
        witness.isFailure() && leftToItsConnectionOnFailure.test(obligation.site());
    // A catch the path went on from names the loss only when nothing more telling does: a later
    // jump or exception that loses it too is the event to name (jdeb's archive producer, lost at
    // the throws after a catch that let the path go on). A loss that is the finding's own beats
    // one a failure leaves to the connection (a return from the loop over a catalogue's cursor).
    if (first == null
        || (first.kind() == Witness.Kind.CAUGHT && witness.rank() > first.rank())
        || (!leftToItsConnection && lostOnlyOnFailures.contains(obligation.site()))) {
      leaks.put(obligation.site(), witness);
      if (obligation.aliases().isEmpty()) {
        unheldWhenLost.add(obligation.site());
      } else {
        unheldWhenLost.remove(obligation.site());
      }
    }
    if (!leftToItsConnection) {
      lostOnlyOnFailures.remove(obligation.site());
    } else if (first == null) {
      lostOnlyOnFailures.add(obligation.site());
    }
    if (obligation.parentSite() != null) {
      leakParents.put(obligation.site(), obligation.parentSite());
    }
  }

  /** The obligations acquired at {@code sites} stand for what fields held on entry. */
  void earlierValues(Collection<Tree> sites) {
    earlierValues.addAll(sites);
  }

  /**
   * A field's value from an earlier call is lost where the acquisition at {@code newSite} is stored
   * over it: reported at that acquisition, the one line a reader can act on.
   */
  void lostEarlierValue(Tree newSite, Witness witness) {
    leaks.putIfAbsent(newSite, witness);
  }

  /** The acquisition at {@code site} is held by {@code variable}; the first counts. */
  void named(Tree site, Symbol variable) {
    holders.putIfAbsent(site, variable);
  }

  /**
   * The temporary acquired at {@code parent} was used at once to make the resource at {@code child}
   * ({@code createConnection().createStatement()}), which can give it back ({@code
   * getConnection()}): if something closes the parent through the child, it was not lost.
   */
  void carried(Tree parent, Tree child) {
    carriers.putIfAbsent(parent, child);
  }

  /** Something closes the parent of the children at {@code children} through them. */
  void parentsClosedThrough(Set<Tree> children) {
    parentsClosedThrough.addAll(children);
  }

  /** Some path releases or hands over the acquisitions at {@code sites}. */
  void handled(Set<Tree> sites) {
    handled.addAll(sites);
  }

  /** Some path hands on the acquisitions at {@code sites} (and so handles them). */
  void handedOn(Set<Tree> sites) {
    handedOn.addAll(sites);
  }

  /** The leaks, in source order. */
  ImmutableList<Leak> report() {
    List<Tree> sites = new ArrayList<>(leaks.keySet());
    sites.sort(Comparator.comparingInt(site -> getStartPosition(site)));
    List<Leak> found = new ArrayList<>();
    for (Tree site : sites) {
      Witness witness = leaks.get(site);
      Leak leak =
          new Leak(
              site,
              holders.get(site),
              witness,
              handled.contains(site),
              handedOn.contains(site),
              !unheldWhenLost.contains(site));
      // `c ? ds.getConnection() : ds.getConnection(user, password)` is one resource, not two, on
      // one line or on two; so is what either branch of a loop's body stores in the variable that
      // its next pass overwrites: one variable that one event loses is one finding, at the first.
      boolean twin =
          !leak.variable().isEmpty()
              && found.stream()
                  .anyMatch(
                      other ->
                          other.variable().equals(leak.variable())
                              && other.witness().equals(witness));
      boolean closedThroughChild =
          carriers.containsKey(site) && parentsClosedThrough.contains(carriers.get(site));
      // A ResultSet left open because its Statement leaks is that Statement's finding: closing the
      // Statement closes it too.
      // A catalogue's cursor that only failures lose, and some path closes, is its connection's.
      boolean leftToItsConnection = lostOnlyOnFailures.contains(site) && handled.contains(site);
      if (!leaks.containsKey(leakParents.get(site))
          && !twin
          && !closedThroughChild
          && !leftToItsConnection) {
        found.add(leak);
      }
    }
    return ImmutableList.copyOf(found);
  }
}
