package io.github.leakprone.analysis.obligation;

import static com.google.errorprone.util.ASTHelpers.getStartPosition;
import static com.google.errorprone.util.ASTHelpers.getSymbol;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.LineMap;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Symbol;
import io.github.leakprone.catalog.ResourceSpec;
import io.github.leakprone.trees.LocalVariables;
import java.util.Set;

/**
 * Losses that lose nothing: a resource that opens what it holds only when first used ({@link
 * ResourceSpec#opensOnFirstUse}, a {@code URLClassLoader}) and is lost before any of the variables
 * that hold it is read (Plexus Archiver's {@code getEntries}, whose loader is lost only if a later
 * {@code new JarFile(f)} fails, before the loader has opened anything). Asked only of such a
 * resource, at its loss; reading the loader on a line up to the loss's counts as a use, so a path
 * that used it in an earlier pass of a loop is judged used.
 */
final class LossesBeforeFirstUse {

  private final ResourceSpec spec;
  private final VisitorState state;

  LossesBeforeFirstUse(ResourceSpec spec, VisitorState state) {
    this.spec = spec;
    this.state = state;
  }

  /** Whether losing {@code obligation} through {@code witness} in {@code body} loses nothing. */
  boolean losesNothing(Obligation obligation, Witness witness, Tree body) {
    if (obligation.aliases().isEmpty() || !spec.opensOnFirstUse(obligation.site(), state)) {
      return false; // a temporary is used by whatever it is given to
    }
    int acquired = state.getEndPosition(obligation.site());
    LineMap lines = state.getPath().getCompilationUnit().getLineMap();
    return !readBetween(obligation.aliases(), acquired, witness.line(), lines, body);
  }

  /**
   * Whether a read of one of {@code variables} starts after {@code from} on a line up to {@code
   * lastLine} (any line when it is 0: the method's end).
   */
  private static boolean readBetween(
      Set<Symbol> variables, int from, int lastLine, LineMap lines, Tree body) {
    boolean[] read = {false};
    LocalVariables.forEachRead(
        body,
        name -> {
          if (read[0] || !variables.contains(getSymbol(name))) {
            return;
          }
          int start = getStartPosition(name);
          read[0] = start > from && (lastLine <= 0 || lines.getLineNumber(start) <= lastLine);
        });
    return read[0];
  }
}
