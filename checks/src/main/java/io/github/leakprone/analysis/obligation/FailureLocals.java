package io.github.leakprone.analysis.obligation;

import static com.google.errorprone.util.ASTHelpers.getSymbol;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import java.util.HashSet;
import java.util.Set;
import javax.lang.model.element.ElementKind;

/**
 * Locals that hold a failure or nothing: a local of a {@link Throwable} type that every store of
 * the body sets to null, to a new exception or to what a catch caught ({@code IOException failure =
 * null; try { ... } catch (IOException e) { failure = e; } if (failure != null) throw failure;}).
 * Whether it is null says whether the catch ran, and the analysis follows it as a flag: OpenSMPP's
 * {@code TCPIPConnection.accept()} keeps the failure of wrapping an accepted socket and rethrows
 * it, and the finding named the {@code return} that only the path without a failure takes.
 */
final class FailureLocals {

  /** The locals of {@code body} that hold a failure or nothing. */
  static Set<Symbol> in(Tree body, VisitorState state) {
    Set<Symbol> candidates = new HashSet<>();
    Set<Symbol> ruledOut = new HashSet<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree variable, Void unused) {
        Symbol symbol = getSymbol(variable);
        if (symbol != null
            && symbol.getKind() == ElementKind.LOCAL_VARIABLE
            && ASTHelpers.isSubtype(symbol.type, state.getSymtab().throwableType, state)) {
          candidates.add(symbol);
          if (variable.getInitializer() != null
              && NullUntilSetLocals.isSetBy(variable.getInitializer()) == null) {
            ruledOut.add(symbol);
          }
        }
        return super.visitVariable(variable, null);
      }

      @Override
      public Void visitAssignment(AssignmentTree assignment, Void unused) {
        if (NullUntilSetLocals.isSetBy(assignment.getExpression()) == null) {
          ruledOut.add(getSymbol(assignment.getVariable()));
        }
        return super.visitAssignment(assignment, null);
      }
    }.scan(body, null);
    candidates.removeAll(ruledOut);
    return candidates;
  }

  private FailureLocals() {}
}
