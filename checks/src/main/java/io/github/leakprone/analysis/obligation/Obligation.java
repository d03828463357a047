package io.github.leakprone.analysis.obligation;

import com.google.common.collect.ImmutableSet;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Symbol;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * One open resource on some path: where it was acquired, which variables hold it there, and, for a
 * resource that dies with another (a ResultSet with its Statement), where that one was acquired.
 *
 * <p>An empty alias set means the value is still a temporary of the expression being evaluated.
 *
 * @param site the acquiring expression
 * @param aliases the locals and fields of {@code this} that hold it on this path
 * @param parentSite the acquisition whose release also releases this one, or null
 */
record Obligation(Tree site, ImmutableSet<Symbol> aliases, @Nullable Tree parentSite) {

  Obligation withAliases(ImmutableSet<Symbol> newAliases) {
    return new Obligation(site, newAliases, parentSite);
  }

  boolean isHeldBy(Symbol symbol) {
    return aliases.contains(symbol);
  }

  // equals and hashCode written out: a record's own are linked through method handles on first
  // use, a cost every build pays again, in code that runs cold (docs/performance.md).
  @Override
  public boolean equals(Object other) {
    return other instanceof Obligation that
        && Objects.equals(site, that.site)
        && Objects.equals(aliases, that.aliases)
        && Objects.equals(parentSite, that.parentSite);
  }

  @Override
  public int hashCode() {
    return Objects.hash(site, aliases, parentSite);
  }
}
