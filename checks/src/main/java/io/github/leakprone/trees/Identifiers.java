package io.github.leakprone.trees;

import static com.google.errorprone.util.ASTHelpers.getSymbol;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import java.util.List;
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

  /**
   * Whether the code that runs as part of {@code body} (not its lambdas or classes) mentions {@code
   * symbol} by a simple or a qualified name: {@code HOLDER}, {@code Holder.get()}.
   */
  public static boolean mentions(Tree body, Symbol symbol) {
    boolean[] found = {false};
    new SameBodyScanner() {
      @Override
      public Void visitIdentifier(IdentifierTree identifier, Void unused) {
        found[0] |= symbol.equals(getSymbol(identifier));
        return null;
      }

      @Override
      public Void visitMemberSelect(MemberSelectTree select, Void unused) {
        found[0] |= symbol.equals(getSymbol(select));
        return super.visitMemberSelect(select, null);
      }
    }.scan(body, null);
    return found[0];
  }

  /**
   * Whether {@code tree} gives {@code symbol}, by its simple name, as an argument of a method or
   * constructor call that {@code counts} accepts: somewhere its value may be kept.
   */
  public static boolean givenToACallIn(
      Tree tree, Symbol symbol, Predicate<MethodInvocationTree> counts) {
    boolean[] found = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        found[0] |= counts.test(call) && names(call.getArguments(), symbol);
        return super.visitMethodInvocation(call, null);
      }

      @Override
      public Void visitNewClass(NewClassTree newClass, Void unused) {
        found[0] |= names(newClass.getArguments(), symbol);
        return super.visitNewClass(newClass, null);
      }
    }.scan(tree, null);
    return found[0];
  }

  private static boolean names(List<? extends ExpressionTree> arguments, Symbol symbol) {
    for (ExpressionTree argument : arguments) {
      if (argument instanceof IdentifierTree && getSymbol(argument) == symbol) {
        return true;
      }
    }
    return false;
  }

  private Identifiers() {}
}
