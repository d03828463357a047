package io.github.leakprone.trees;

import static com.google.errorprone.util.ASTHelpers.getSymbol;

import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Symbol;
import java.util.HashSet;
import java.util.Set;

/** Which locals a method's body returns. */
public final class ReturnedValues {

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
