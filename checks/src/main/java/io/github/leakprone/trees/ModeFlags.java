package io.github.leakprone.trees;

import static com.google.errorprone.util.ASTHelpers.getSymbol;
import static com.google.errorprone.util.ASTHelpers.stripParentheses;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import javax.annotation.Nullable;
import javax.lang.model.element.ElementKind;
import javax.lang.model.type.TypeKind;

/**
 * A condition that is a mode: a boolean that says, for the whole run of a method, how it works
 * ({@code iteratedResult}, {@code closeStream}, {@code autoClose}). A local or a parameter that is
 * never assigned again, or a field of the object's configuration, possibly negated, and possibly
 * tested with a null test of what it decides about. A flag that the method sets as it goes ({@code
 * ok = true} at the end of a {@code try}) is not one.
 */
public final class ModeFlags {

  /** The mode {@code condition} tests, or null if it tests anything else. */
  @Nullable
  public static VarSymbol testedBy(ExpressionTree condition) {
    ExpressionTree bare = stripParentheses(condition);
    if (bare.getKind() == Tree.Kind.CONDITIONAL_AND) {
      // if (!batchStatements && s != null) s.close(): the mode decides; the null test only spares
      // a close of nothing (ActiveMQ's JDBC adapter).
      BinaryTree and = (BinaryTree) bare;
      if (isNonNullTest(and.getRightOperand())) {
        return testedBy(and.getLeftOperand());
      }
      return isNonNullTest(and.getLeftOperand()) ? testedBy(and.getRightOperand()) : null;
    }
    while (bare.getKind() == Tree.Kind.LOGICAL_COMPLEMENT) {
      bare = stripParentheses(((UnaryTree) bare).getExpression());
    }
    if (!(bare instanceof IdentifierTree)
        && !(bare instanceof MemberSelectTree select
            && Receivers.isThisOrImplicit(select.getExpression()))) {
      return null;
    }
    Symbol symbol = getSymbol(bare);
    if (!(symbol instanceof VarSymbol variable)
        || variable.asType().getKind() != TypeKind.BOOLEAN) {
      return null;
    }
    ElementKind kind = variable.getKind();
    if (kind == ElementKind.FIELD) {
      return variable;
    }
    boolean local = kind == ElementKind.LOCAL_VARIABLE || kind == ElementKind.PARAMETER;
    return local && ASTHelpers.isConsideredFinal(variable) ? variable : null;
  }

  private static boolean isNonNullTest(ExpressionTree tree) {
    NullComparisons.NullTest test = NullComparisons.nullTest(tree);
    return test != null && !test.trueWhenNull();
  }

  /**
   * Where {@code mode} got its value: the position of a local's declaration, before which nothing
   * it decides about was opened; -1 for a parameter or a field, whose value is there from the
   * start.
   */
  public static int settledAt(VarSymbol mode) {
    return mode.getKind() == ElementKind.LOCAL_VARIABLE ? mode.pos : -1;
  }

  private ModeFlags() {}
}
