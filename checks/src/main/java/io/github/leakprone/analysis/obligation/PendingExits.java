package io.github.leakprone.analysis.obligation;

import com.google.common.collect.ImmutableSet;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Symbol;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;
import javax.annotation.Nullable;

/**
 * The abrupt completions (jumps and exceptions) that left the statements analysed so far and have
 * not yet reached the statement that resolves them, as javac's own flow analysis keeps them. Exits
 * with the same kind and target are joined, so a method with many calls keeps one exception state.
 */
final class PendingExits {

  /** The kinds of abrupt completion. */
  enum Kind {
    BREAK,
    CONTINUE,
    YIELD,
    RETURN,
    THROW
  }

  /**
   * An exit's kind; for break, continue and yield, the statement it jumps to; for an exception
   * inside a {@code try}, the types it may have (their symbols), which decide the catches it can
   * reach and whether it leaves the {@code try} (null: of any type, or no {@code try} to reach).
   */
  record Exit(
      Kind kind,
      @Nullable Tree target,
      @Nullable ImmutableSet<Symbol> thrown,
      boolean holdingNothing) {

    Exit(Kind kind, @Nullable Tree target) {
      this(kind, target, null, false);
    }

    static Exit thrown(@Nullable ImmutableSet<Symbol> types) {
      return new Exit(Kind.THROW, null, types, false);
    }

    /**
     * An exception of a call made while nothing was open, kept apart from the others: it reaches
     * the catches only so that the code after them is read, and joined with the others it would
     * take what they know (which locals are set) and give nothing.
     */
    static Exit thrownHoldingNothing(@Nullable ImmutableSet<Symbol> types) {
      return new Exit(Kind.THROW, null, types, true);
    }

    /** This exit, an exception, with the types it may still have past a {@code try}. */
    Exit passing(@Nullable ImmutableSet<Symbol> types) {
      return new Exit(Kind.THROW, null, types, holdingNothing);
    }

    // equals and hashCode written out: a record's own are linked through method handles on first
    // use, a cost every build pays again, in code that runs cold (docs/performance.md).
    @Override
    public boolean equals(Object other) {
      return other instanceof Exit that
          && kind == that.kind
          && Objects.equals(target, that.target)
          && Objects.equals(thrown, that.thrown)
          && holdingNothing == that.holdingNothing;
    }

    @Override
    public int hashCode() {
      return 31
              * (31 * (31 * Objects.hashCode(kind) + Objects.hashCode(target))
                  + Objects.hashCode(thrown))
          + Boolean.hashCode(holdingNothing);
    }
  }

  private final Map<Exit, Facts> exits = new LinkedHashMap<>();

  void add(Exit exit, Facts facts) {
    if (facts != null) {
      exits.merge(exit, facts, Facts::join);
    }
  }

  /** Applies {@code change} to the state of every exit, as something every exit passes does. */
  void replaceAll(UnaryOperator<Facts> change) {
    exits.replaceAll((exit, facts) -> change.apply(facts));
  }

  void addAll(PendingExits other) {
    other.exits.forEach(this::add);
  }

  /**
   * Removes and returns the joined state of the exits of {@code kind} that jump to {@code target}.
   */
  Facts take(Kind kind, Tree target) {
    Facts taken = null;
    for (var iterator = exits.entrySet().iterator(); iterator.hasNext(); ) {
      Map.Entry<Exit, Facts> entry = iterator.next();
      if (entry.getKey().kind() == kind && jumpsTo(entry.getKey().target(), target)) {
        taken = Facts.join(taken, entry.getValue());
        iterator.remove();
      }
    }
    return taken;
  }

  /** Removes and returns the joined state of every exit of {@code kind}, whatever its target. */
  Facts takeAll(Kind kind) {
    Facts taken = null;
    for (var iterator = exits.entrySet().iterator(); iterator.hasNext(); ) {
      Map.Entry<Exit, Facts> entry = iterator.next();
      if (entry.getKey().kind() == kind) {
        taken = Facts.join(taken, entry.getValue());
        iterator.remove();
      }
    }
    return taken;
  }

  /** Removes and returns the exits of {@code kind}, each with its state. */
  Map<Exit, Facts> takeEach(Kind kind) {
    Map<Exit, Facts> taken = new LinkedHashMap<>();
    for (var iterator = exits.entrySet().iterator(); iterator.hasNext(); ) {
      Map.Entry<Exit, Facts> entry = iterator.next();
      if (entry.getKey().kind() == kind) {
        taken.put(entry.getKey(), entry.getValue());
        iterator.remove();
      }
    }
    return taken;
  }

  void forEach(BiConsumer<Exit, Facts> action) {
    new LinkedHashMap<>(exits).forEach(action);
  }

  /** javac points a labelled jump at the labelled statement or at the loop inside it. */
  private static boolean jumpsTo(Tree exitTarget, Tree statement) {
    return exitTarget == statement
        || (exitTarget instanceof LabeledStatementTree labeled
            && labeled.getStatement() == statement);
  }
}
