package io.github.leakprone.analysis.obligation;

import static com.google.errorprone.util.ASTHelpers.getSymbol;

import com.google.common.base.Supplier;
import com.google.common.base.Suppliers;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.tree.JCTree;
import io.github.leakprone.trees.Casts;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The changes of state the analysis's statements and expressions are made of: a resource released,
 * handed over, overwritten, dropped at the end of a statement or left open at the end of the
 * method. Each loss goes into the {@link LeakBook}. A {@code null} state is an unreachable point
 * and stays one.
 */
final class Transfers {

  private final LeakBook book;

  Transfers(LeakBook book) {
    this.book = book;
  }

  /** {@code symbol} now holds something else: what it alone held is lost. */
  Facts kill(Facts in, Symbol symbol, Witness cause) {
    return kill(in, symbol, cause, obligation -> false, carried -> false);
  }

  /**
   * {@link #kill}, but what {@code stillHeld} selects stays held by {@code symbol}: its new value
   * holds it too ({@code conn = plugin.customize(conn)}); and a lost resource whose path carries an
   * event that {@code yields} accepts is lost by {@code cause}, not by that event.
   */
  Facts kill(
      Facts in,
      Symbol symbol,
      Witness cause,
      Predicate<Obligation> stillHeld,
      Predicate<Witness> yields) {
    if (in == null || symbol == null || in.isEmpty()) {
      return in;
    }
    Map<Obligation, Witness> witnesses = new HashMap<>();
    in.forEach(witnesses::put);
    return in.update(
        obligation -> {
          if (!obligation.isHeldBy(symbol) || stillHeld.test(obligation)) {
            return obligation;
          }
          ImmutableSet<Symbol> rest = without(obligation.aliases(), symbol);
          if (!rest.isEmpty()) {
            return obligation.withAliases(rest);
          }
          if (obligation.parentSite() == null) {
            Witness witness = witnesses.get(obligation);
            book.lost(obligation, witness.isNone() || yields.test(witness) ? cause : witness);
          }
          return null;
        });
  }

  private static ImmutableSet<Symbol> without(ImmutableSet<Symbol> aliases, Symbol symbol) {
    return aliases.stream().filter(alias -> alias != symbol).collect(ImmutableSet.toImmutableSet());
  }

  /** The value is released: it, and what dies with it, are no longer open. */
  Facts release(Facts in, Holders value) {
    if (in == null || value.isEmpty()) {
      return in;
    }
    Set<Tree> sites = sitesSelectedBy(in, value);
    book.handled(sites);
    return withoutSelectedAndChildren(in, value, sites);
  }

  /**
   * The value leaves this method's hands (returned, stored elsewhere, wrapped): not a leak here. To
   * this method that is the same as releasing it.
   */
  Facts escape(Facts in, Holders value) {
    if (in != null && !value.isEmpty()) {
      book.handedOn(sitesSelectedBy(in, value));
    }
    return release(in, value);
  }

  /**
   * The state where {@code symbol} holds no open resource (it is null, or the resource says it is
   * closed): the obligations it holds are not there, nor their children. Not a release: no path is
   * known to have closed anything.
   */
  Facts notHeldBy(Facts in, Symbol symbol) {
    if (in == null || in.isEmpty()) {
      return in;
    }
    Holders held = Holders.variable(symbol);
    return withoutSelectedAndChildren(in, held, sitesSelectedBy(in, held));
  }

  /**
   * The state where {@code maker} never made anything: the resources made by calls on it, and their
   * children, are not there. Not a release either.
   */
  Facts notMadeBy(Facts in, ExpressionTree maker) {
    if (in == null || in.isEmpty()) {
      return in;
    }
    Holders made = madeBy(in, maker);
    return made.isEmpty() ? in : withoutSelectedAndChildren(in, made, sitesSelectedBy(in, made));
  }

  /**
   * {@code in} without the obligations {@code value} selects, and the children of their {@code
   * sites}. Only those: the same resource on a joined path where {@code value} does not hold it
   * ({@code out} before {@code w = new OutputStreamWriter(out)}, in a finally that closes {@code
   * w}) is still open there.
   */
  private static Facts withoutSelectedAndChildren(Facts in, Holders value, Set<Tree> sites) {
    return in.without(o -> value.selects(o) || sites.contains(o.parentSite()));
  }

  /**
   * What {@code symbol} holds of the resources acquired after source position {@code settled} is
   * handed on: the close that a mode withholds on this branch ({@code if (!iteratedResult)
   * statement.close()}) is the author's word that, in that mode, someone else closes it.
   */
  Facts handOverAcquiredAfter(Facts in, Symbol symbol, int settled) {
    if (in == null || in.isEmpty()) {
      return in;
    }
    Set<Tree> sites = sitesSelectedBy(in, Holders.variable(symbol));
    sites.removeIf(site -> ((JCTree) site).getStartPosition() <= settled);
    book.handled(sites);
    return in.without(o -> sites.contains(o.site()) || sites.contains(o.parentSite()));
  }

  /** The children that {@code parent}'s resources acquired are released with this call. */
  Facts releaseChildren(Facts in, Holders parent) {
    Set<Tree> sites = sitesSelectedBy(in, parent);
    return in.without(o -> sites.contains(o.parentSite()));
  }

  /** Whatever {@code tree} mentions leaves our sight: a lambda, a local class, an array store. */
  Facts escapeReferenced(Facts in, Tree tree) {
    if (in == null || in.isEmpty()) {
      return in;
    }
    Set<Symbol> mentioned = new HashSet<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree identifier, Void unused) {
        Symbol symbol = getSymbol(identifier);
        if (symbol != null) {
          mentioned.add(symbol);
        }
        return null;
      }

      @Override
      public Void visitMemberSelect(MemberSelectTree select, Void unused) {
        Symbol symbol = getSymbol(select);
        if (symbol != null) {
          mentioned.add(symbol);
        }
        return super.visitMemberSelect(select, null);
      }
    }.scan(tree, null);
    return escape(in, new Holders(ImmutableSet.copyOf(mentioned)));
  }

  /** At the end of a statement, a temporary that nobody stored is lost. */
  Facts endOfStatement(Facts in) {
    return endOfStatement(in, false);
  }

  /**
   * At the end of a statement, a temporary that nobody stored is gone from the method: lost, or,
   * where {@code theExitReleasesIt} ({@code main} outside a loop), left open until the program
   * ends, whose exit releases it.
   */
  Facts endOfStatement(Facts in, boolean theExitReleasesIt) {
    if (in == null || in.isEmpty()) {
      return in;
    }
    // Looked for only where a temporary is open: most statements end with every resource held.
    Supplier<Set<Tree>> heldThroughChildren = Suppliers.memoize(() -> parentsOfHeldChildren(in));
    return in.update(
        obligation -> {
          if (!obligation.aliases().isEmpty()) {
            return obligation;
          }
          if (heldThroughChildren.get().contains(obligation.site())) {
            // conn.createStatement().executeQuery(sql) stored in rs: the statement lives on in rs,
            // which gives it back (rs.getStatement()) to whoever closes it so. It is lost where
            // rs is gone and it is not.
            return obligation;
          }
          if (theExitReleasesIt) {
            book.handled(Set.of(obligation.site()));
          } else if (obligation.parentSite() == null) {
            book.lost(obligation, Witnesses.neverStored());
          }
          return null;
        });
  }

  /** The sites of the parents whose children some variable or field holds. */
  private static Set<Tree> parentsOfHeldChildren(Facts facts) {
    Set<Tree> parents = new HashSet<>();
    facts.forEach(
        (obligation, witness) -> {
          if (obligation.parentSite() != null && !obligation.aliases().isEmpty()) {
            parents.add(obligation.parentSite());
          }
        });
    return parents;
  }

  /**
   * What is still open where {@code method} ends is lost, unless a field of this object holds it
   * and the object lives on ({@code objectLives}: not a constructor that throws) and its class may
   * close the field later: not where only the methods storing into the field let go of it, each
   * after its store ({@link UnreleasedFields#letGoOnlyAfterStores}).
   */
  void atMethodEnd(
      Facts facts,
      boolean objectLives,
      UnreleasedFields fields,
      TreePath method,
      LocalContainers collections) {
    if (facts == null) {
      return;
    }
    facts.forEach(
        (obligation, witness) -> {
          List<Symbol> holdingFields = obligation.fields();
          if (!holdingFields.isEmpty()
              && objectLives
              && !holdingFields.stream()
                  .allMatch(field -> fields.letGoOnlyAfterStores(field, method))) {
            // The object owns it now. Whether the class closes it later (in a close() method, a
            // lifecycle callback, a proxy handler) is a question about the class: only private
            // fields that nothing lets go of answer it here, unless the object keeps them for
            // the program's life, or they go when it ends the session they were made of.
            if (holdingFields.stream().allMatch(fields::neverLetGo)
                && !fields.heldUntilTheProgramEnds(holdingFields.get(0))
                && !fields.goesWithItsSession(obligation.site(), holdingFields.get(0))) {
              Symbol field = holdingFields.get(0);
              Symbol parent = fields.closedParent(obligation.site(), field);
              book.lost(
                  obligation,
                  parent == null
                      ? Witnesses.fieldNeverClosed(field)
                      : Witnesses.fieldLeftToItsParent(field, parent));
            } else {
              book.handled(Set.of(obligation.site()));
            }
            return;
          }
          Symbol collection =
              obligation.aliases().stream().filter(collections::isKeeper).findFirst().orElse(null);
          book.lost(
              obligation,
              collection != null
                  ? Witnesses.keptIn(collection)
                  // A temporary kept only by its child (endOfStatement) was never stored: on
                  // whatever path it goes, that is why nothing closes it.
                  : obligation.aliases().isEmpty()
                      ? Witnesses.neverStored()
                      : witness.isNone() ? Witnesses.endOfMethod() : witness);
        });
  }

  /** The program ends here (main returns or throws): what is open is released by the JVM's exit. */
  void programEnds(Facts facts) {
    if (facts != null) {
      facts.forEach((obligation, witness) -> book.handled(Set.of(obligation.site())));
    }
  }

  static Set<Tree> sitesSelectedBy(Facts facts, Holders value) {
    Set<Tree> sites = new HashSet<>();
    facts.forEach(
        (obligation, witness) -> {
          if (value.selects(obligation)) {
            sites.add(obligation.site());
          }
        });
    return sites;
  }

  /**
   * The parents of the children {@code value} holds (of {@code rs}, the statement it came from).
   */
  static Holders parentsOf(Facts facts, Holders value) {
    ImmutableSet.Builder<Object> parents = ImmutableSet.builder();
    facts.forEach(
        (obligation, witness) -> {
          if (obligation.parentSite() != null && value.selects(obligation)) {
            parents.add(obligation.parentSite());
          }
        });
    return new Holders(parents.build());
  }

  /**
   * {@code value} with the parents of the children it holds ({@code rs}, and the statement it came
   * from); {@code value} itself when it holds no child.
   */
  static Holders withParents(Facts facts, Holders value) {
    Holders found = parentsOf(facts, value);
    return found.isEmpty() ? value : value.union(found);
  }

  /** The open resources made by a call on {@code maker} ({@code maker.prepareStatement(sql)}). */
  static Holders madeBy(Facts facts, ExpressionTree maker) {
    // ((HttpURLConnection) connection).getInputStream() is made by connection too.
    return madeByReceiver(facts, receiver -> ASTHelpers.sameVariable(receiver, maker));
  }

  /**
   * The open resources made by a call on the variable {@code maker} ({@code
   * client.execute(request)} for the client a try-with-resources declares).
   */
  static Holders madeByVariable(Facts facts, Symbol maker) {
    return madeByReceiver(facts, receiver -> getSymbol(receiver) == maker);
  }

  private static Holders madeByReceiver(Facts facts, Predicate<ExpressionTree> isMaker) {
    ImmutableSet.Builder<Object> sites = ImmutableSet.builder();
    facts.forEach(
        (obligation, witness) -> {
          // An implicit receiver (`open()` on this) makes nothing of a variable.
          if (obligation.site() instanceof MethodInvocationTree call
              && ASTHelpers.getReceiver(call) != null
              && isMaker.test(Casts.stripped(ASTHelpers.getReceiver(call)))) {
            sites.add(call);
          }
        });
    return new Holders(sites.build());
  }

  static Tree firstSiteSelectedBy(Facts facts, Holders value) {
    Tree[] first = {null};
    facts.forEach(
        (obligation, witness) -> {
          if (first[0] == null && value.selects(obligation)) {
            first[0] = obligation.site();
          }
        });
    return first[0];
  }
}
