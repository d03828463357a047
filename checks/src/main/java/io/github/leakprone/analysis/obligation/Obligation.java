package io.github.leakprone.analysis.obligation;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Symbol;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;
import javax.lang.model.element.ElementKind;

/**
 * One open resource on some path: where it was acquired, which variables hold it there, and, for a
 * resource that dies with another (a ResultSet with its Statement), where that one was acquired.
 *
 * <p>An empty alias set means the value is still a temporary of the expression being evaluated.
 *
 * @param site the acquiring expression
 * @param aliases the locals and fields of {@code this} that hold it on this path
 * @param parentSite the acquisition whose release also releases this one, or null
 * @param flags the boolean locals and parameters whose value is known on every path this obligation
 *     stands for (see {@link Facts#assume}): {@code if (ownPool) pool.shutdown()} releases only the
 *     pool that was created where {@code ownPool} was set
 */
record Obligation(
    Tree site,
    ImmutableSet<Symbol> aliases,
    @Nullable Tree parentSite,
    ImmutableMap<Symbol, Boolean> flags) {

  Obligation withAliases(ImmutableSet<Symbol> newAliases) {
    return new Obligation(site, newAliases, parentSite, flags);
  }

  /** This obligation where {@code flag} holds {@code value} ({@code null}: is not known). */
  Obligation withFlag(Symbol flag, @Nullable Boolean value) {
    if (Objects.equals(flags.get(flag), value)) {
      return this;
    }
    return new Obligation(site, aliases, parentSite, Facts.withEntry(flags, flag, value));
  }

  /** This obligation with no flag known: the resource and its holders alone. */
  Obligation withoutFlags() {
    return flags.isEmpty() ? this : new Obligation(site, aliases, parentSite, ImmutableMap.of());
  }

  /** Whether no path this obligation stands for has {@code flag} equal to {@code value}. */
  boolean excludes(Symbol flag, boolean value) {
    Boolean known = flags.get(flag);
    return known != null && known != value;
  }

  boolean isHeldBy(Symbol symbol) {
    return aliases.contains(symbol);
  }

  /** The fields of {@code this} among the variables that hold it, in their order. */
  List<Symbol> fields() {
    return aliases.stream().filter(alias -> alias.getKind() == ElementKind.FIELD).toList();
  }

  // equals and hashCode written out: a record's own are linked through method handles on first
  // use, a cost every build pays again, in code that runs cold (docs/performance.md).
  @Override
  public boolean equals(Object other) {
    return other instanceof Obligation that
        && Objects.equals(site, that.site)
        && Objects.equals(aliases, that.aliases)
        && Objects.equals(parentSite, that.parentSite)
        && Objects.equals(flags, that.flags);
  }

  @Override
  public int hashCode() {
    return Objects.hash(site, aliases, parentSite, flags);
  }
}
