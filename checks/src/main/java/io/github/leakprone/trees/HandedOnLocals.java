package io.github.leakprone.trees;

import static com.google.errorprone.util.ASTHelpers.getSymbol;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Symbol;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.ElementKind;

/**
 * The locals of a body that it hands to something that outlives it: given to a call or a
 * constructor as an argument ({@code reactor.update(selectable)}, {@code
 * transport.setSelectable(selectable)}), or stored in a field. Not what it only returns, nor what
 * it only calls methods on.
 */
public final class HandedOnLocals {

  /** The local variables {@code body} hands on. */
  public static Set<Symbol> of(Tree body) {
    Set<Symbol> handedOn = new HashSet<>();
    new SameBodyScanner() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        note(call.getArguments());
        return super.visitMethodInvocation(call, null);
      }

      @Override
      public Void visitNewClass(NewClassTree made, Void unused) {
        note(made.getArguments());
        return super.visitNewClass(made, null);
      }

      @Override
      public Void visitAssignment(AssignmentTree assignment, Void unused) {
        Symbol target = getSymbol(assignment.getVariable());
        if (target != null && target.getKind() == ElementKind.FIELD) {
          note(List.of(assignment.getExpression()));
        }
        return super.visitAssignment(assignment, null);
      }

      private void note(List<? extends ExpressionTree> values) {
        for (ExpressionTree value : values) {
          Symbol symbol = getSymbol(Casts.stripped(value));
          if (symbol != null && symbol.getKind() == ElementKind.LOCAL_VARIABLE) {
            handedOn.add(symbol);
          }
        }
      }
    }.scan(body, null);
    return handedOn;
  }

  private HandedOnLocals() {}
}
