package io.github.leakprone.trees;

import static com.google.errorprone.util.ASTHelpers.getSymbol;

import com.google.common.collect.ImmutableList;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Symbol;
import java.util.HashSet;
import java.util.Set;

/** What a method's body returns. */
public final class ReturnedValues {

  /**
   * The values every {@code return} of {@code body} hands back, in source order; a {@code return}
   * without one adds none.
   */
  public static ImmutableList<ExpressionTree> expressions(Tree body) {
    ImmutableList.Builder<ExpressionTree> values = ImmutableList.builder();
    new SameBodyScanner() {
      @Override
      public Void visitReturn(ReturnTree ret, Void unused) {
        if (ret.getExpression() != null) {
          values.add(ret.getExpression());
        }
        return super.visitReturn(ret, null);
      }
    }.scan(body, null);
    return values.build();
  }

  /** The locals and parameters whose value some {@code return} of {@code body} hands out. */
  public static Set<Symbol> locals(Tree body) {
    Set<Symbol> returned = new HashSet<>();
    for (ExpressionTree value : expressions(body)) {
      Symbol symbol = getSymbol(Casts.stripped(value));
      if (symbol != null && LocalVariables.isLocalOrParameter(symbol)) {
        returned.add(symbol);
      }
    }
    return returned;
  }

  private ReturnedValues() {}
}
