package io.github.leakprone.trees;

import static com.google.errorprone.util.ASTHelpers.getSymbol;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import java.util.HashSet;
import java.util.Set;
import javax.lang.model.element.ElementKind;

/** What a method's body, in sight, returns. */
public final class ReturnedValues {

  /**
   * Whether {@code method}'s body, compiled with the checked file, has a {@code return} and every
   * one hands out a field's value: a getter, whatever its name or its interface says.
   */
  public static boolean onlyFields(MethodSymbol method, VisitorState state) {
    return CompiledWithUs.declaration(method, state)
        .map(declaration -> onlyFields(declaration.method()))
        .orElse(false);
  }

  /** As above, for a declaration at hand. */
  public static boolean onlyFields(MethodTree declaration) {
    boolean[] seen = {false, true}; // any return; all of them a field
    new SameBodyScanner() {
      @Override
      public Void visitReturn(ReturnTree ret, Void unused) {
        Symbol value =
            ret.getExpression() == null ? null : getSymbol(Casts.stripped(ret.getExpression()));
        seen[0] = true;
        seen[1] &= value instanceof VarSymbol var && var.getKind() == ElementKind.FIELD;
        return super.visitReturn(ret, null);
      }
    }.scan(declaration.getBody(), null);
    return seen[0] && seen[1];
  }

  /** The locals and parameters whose value some {@code return} of {@code body} hands out. */
  public static Set<Symbol> locals(Tree body) {
    Set<Symbol> returned = new HashSet<>();
    new SameBodyScanner() {
      @Override
      public Void visitReturn(ReturnTree ret, Void unused) {
        Symbol value =
            ret.getExpression() == null ? null : getSymbol(Casts.stripped(ret.getExpression()));
        if (value != null && LocalVariables.isLocalOrParameter(value)) {
          returned.add(value);
        }
        return super.visitReturn(ret, null);
      }
    }.scan(body, null);
    return returned;
  }

  private ReturnedValues() {}
}
