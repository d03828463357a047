package io.github.leakprone.trees;

import static com.google.errorprone.util.ASTHelpers.getSymbol;

import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import java.util.function.Predicate;

/** Questions about the names an expression or statement mentions. */
public final class Identifiers {

  /** Whether {@code tree} mentions, by a simple name, a symbol that {@code test} accepts. */
  public static boolean anyIn(Tree tree, Predicate<Symbol> test) {
    boolean[] found = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree identifier, Void unused) {
        Symbol symbol = getSymbol(identifier);
        found[0] |= symbol != null && test.test(symbol);
        return null;
      }
    }.scan(tree, null);
    return found[0];
  }

  private Identifiers() {}
}
