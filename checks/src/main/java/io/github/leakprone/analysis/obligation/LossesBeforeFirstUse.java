package io.github.leakprone.analysis.obligation;

import static com.google.errorprone.util.ASTHelpers.getStartPosition;
import static com.google.errorprone.util.ASTHelpers.getSymbol;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.LineMap;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Symbol;
import io.github.leakprone.catalog.ResourceSpec;
import io.github.leakprone.trees.LocalVariables;
import io.github.leakprone.trees.Loops;
import io.github.leakprone.trees.SameBodyScanner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Losses that lose nothing: a resource that opens what it holds only when first used ({@link
 * ResourceSpec#opensOnFirstUse}, a {@code URLClassLoader}) and is lost before any of the variables
 * that hold it is read (Plexus Archiver's {@code getEntries}, whose loader is lost only if a later
 * {@code new JarFile(f)} fails, before the loader has opened anything). Asked only of such a
 * resource, at its loss; reading the loader on a line up to the loss's counts as a use, and so does
 * a read anywhere in a loop around the loss that the resource was made before, since an earlier
 * pass may have used it (ttorrent's hashing pool, given its tasks below the line where the next
 * pass's file fails to open).
 */
final class LossesBeforeFirstUse {

  private final ResourceSpec spec;
  private final VisitorState state;

  /** {@link ResourceSpec#opensOnFirstUse} by site: asked at every call that may throw. */
  private final Map<Tree, Boolean> opensOnFirstUse = new HashMap<>();

  /** {@link #firstReadLine} by site and variables. */
  private final Map<Held, Integer> firstReads = new HashMap<>();

  LossesBeforeFirstUse(ResourceSpec spec, VisitorState state) {
    this.spec = spec;
    this.state = state;
  }

  /** Whether losing {@code obligation} through {@code witness} in {@code body} loses nothing. */
  boolean losesNothing(Obligation obligation, Witness witness, Tree body) {
    if (obligation.aliases().isEmpty()
        || !opensOnFirstUse.computeIfAbsent(
            obligation.site(), site -> spec.opensOnFirstUse(site, state))) {
      return false; // a temporary is used by whatever it is given to
    }
    int acquired = state.getEndPosition(obligation.site());
    LineMap lines = state.getPath().getCompilationUnit().getLineMap();
    if (witness.line() > 0 && firstReadLine(obligation, acquired, lines, body) <= witness.line()) {
      return false; // read by then: the full search below would find that read
    }
    List<Tree> passes = loopsAroundTheLossOnly(witness.line(), acquired, lines, body);
    return !readBetween(obligation.aliases(), acquired, witness.line(), passes, lines, body);
  }

  /**
   * The first line, after the acquisition at {@code acquired}, on which one of {@code obligation}'s
   * variables is read ({@link Integer#MAX_VALUE} if none is): one search per site and variables,
   * where every call that may throw asks this.
   */
  private int firstReadLine(Obligation obligation, int acquired, LineMap lines, Tree body) {
    return firstReads.computeIfAbsent(
        new Held(obligation.site(), obligation.aliases()),
        held -> {
          int[] first = {Integer.MAX_VALUE};
          LocalVariables.forEachRead(
              body,
              name -> {
                int start = getStartPosition(name);
                if (start > acquired && held.variables().contains(getSymbol(name))) {
                  first[0] = Math.min(first[0], (int) lines.getLineNumber(start));
                }
              });
          return first[0];
        });
  }

  /** A resource's site and the variables that hold it. */
  private record Held(Tree site, Set<Symbol> variables) {
    // equals and hashCode written out: a record's own are linked through method handles on first
    // use, a cost every build pays again, in code that runs cold (docs/performance.md).
    @Override
    public boolean equals(Object other) {
      return other instanceof Held that
          && Objects.equals(site, that.site)
          && Objects.equals(variables, that.variables);
    }

    @Override
    public int hashCode() {
      return Objects.hash(site, variables);
    }
  }

  /**
   * The loops of {@code body} that hold the loss's line ({@code lastLine}; none when it is 0, the
   * method's end) but start after the acquisition at {@code acquired}: a pass of one may use the
   * resource after the line where a later pass loses it (ttorrent's hashing pool, given its tasks
   * below the line that opens the next file).
   */
  private List<Tree> loopsAroundTheLossOnly(int lastLine, int acquired, LineMap lines, Tree body) {
    List<Tree> loops = new ArrayList<>();
    if (lastLine <= 0) {
      return loops;
    }
    new SameBodyScanner() {
      @Override
      public Void scan(Tree node, Void unused) {
        if (node != null
            && Loops.isLoop(node)
            && getStartPosition(node) > acquired
            && lines.getLineNumber(getStartPosition(node)) <= lastLine
            && lines.getLineNumber(state.getEndPosition(node)) >= lastLine) {
          loops.add(node);
        }
        return super.scan(node, null);
      }
    }.scan(body, null);
    return loops;
  }

  /**
   * Whether a read of one of {@code variables} starts after {@code from} on a line up to {@code
   * lastLine} (any line when it is 0: the method's end), or anywhere inside one of {@code passes}.
   */
  private boolean readBetween(
      Set<Symbol> variables, int from, int lastLine, List<Tree> passes, LineMap lines, Tree body) {
    boolean[] read = {false};
    LocalVariables.forEachRead(
        body,
        name -> {
          if (read[0] || !variables.contains(getSymbol(name))) {
            return;
          }
          int start = getStartPosition(name);
          read[0] =
              start > from
                  && (lastLine <= 0
                      || lines.getLineNumber(start) <= lastLine
                      || passes.stream()
                          .anyMatch(
                              loop ->
                                  start > getStartPosition(loop)
                                      && start < state.getEndPosition(loop)));
        });
    return read[0];
  }
}
