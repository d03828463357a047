package io.github.leakprone.analysis.growth;

import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import java.util.Objects;
import java.util.Optional;

/**
 * A place where a watched field's content grows or shrinks.
 *
 * @param path the call (or method reference, or assignment) that changes the content; for growth
 *     through an inner collection, the outermost growth call of the chain
 * @param node the code that runs it
 * @param deferred whether it sits in a lambda of that code, so it runs later, as a callback
 * @param sweep for a shrink, whether it removes by condition or wholesale ({@code removeIf}, {@code
 *     clear}, an iterator's {@code remove}) rather than one given entry
 * @param bounded for a growth, whether it cannot grow the content without limit (a constant key, a
 *     key of a finite domain)
 * @param addsEveryCall for a growth, whether every run adds a new entry whatever its callers pass:
 *     an {@code add} to a list or queue, a multimap's {@code put}, or a keyed growth whose key is
 *     new each time (a new object, a random UUID, a counter). A keyed growth by the callers' key (a
 *     name, an id) grows only with new keys, and a memoizing one ({@code computeIfAbsent}, a {@code
 *     put} after a lookup of the same key) only fills in missing keys
 * @param direct for a growth straight on the field ({@code FIELD.add(x)}), what undoes it
 */
record Change(
    Kind kind,
    VarSymbol field,
    TreePath path,
    Node node,
    boolean deferred,
    boolean sweep,
    boolean bounded,
    boolean addsEveryCall,
    Optional<DirectGrowth> direct) {

  enum Kind {
    GROWTH,
    SHRINK
  }

  // equals and hashCode written out: a record's own are linked through method handles on first
  // use, a cost every build pays again, in code that runs cold (docs/performance.md).
  @Override
  public boolean equals(Object other) {
    return other instanceof Change that
        && kind == that.kind
        && Objects.equals(field, that.field)
        && Objects.equals(path, that.path)
        && Objects.equals(node, that.node)
        && deferred == that.deferred
        && sweep == that.sweep
        && bounded == that.bounded
        && addsEveryCall == that.addsEveryCall
        && Objects.equals(direct, that.direct);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, field, path, node, deferred, sweep, bounded, addsEveryCall, direct);
  }
}
