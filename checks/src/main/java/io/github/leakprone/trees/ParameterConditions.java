package io.github.leakprone.trees;

import static com.google.errorprone.util.ASTHelpers.getSymbol;
import static com.google.errorprone.util.ASTHelpers.stripParentheses;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.UnaryTree;
import com.sun.tools.javac.code.Symbol;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * What a method's condition on its parameters comes to when a call gives them constants: {@code if
 * (count < 2) throw new IllegalArgumentException(...)} is false for {@code
 * setThreadCount(DEFAULT_COUNT)} with {@code DEFAULT_COUNT = 2}. Only comparisons of numbers,
 * booleans and their negations, conjunctions and disjunctions of them; anything else is unknown.
 */
public final class ParameterConditions {

  /**
   * The value of a parameter bound to something not null whose value is not known: the resource a
   * call is given as it was just made ({@code new Sql(DriverManager.getConnection(url))}), against
   * {@code if (connection == null) throw new NullPointerException(...)}.
   */
  public static final Object NOT_NULL = new Object();

  /**
   * The value of {@code condition} with the parameters in {@code constants} bound to their values
   * (boxed numbers, booleans), or null when it depends on anything else.
   */
  @Nullable
  public static Boolean valueOf(ExpressionTree condition, Map<Symbol, Object> constants) {
    ExpressionTree tree = stripParentheses(condition);
    if (tree instanceof UnaryTree unary
        && tree.getKind() == ExpressionTree.Kind.LOGICAL_COMPLEMENT) {
      Boolean operand = valueOf(unary.getExpression(), constants);
      return operand == null ? null : !operand;
    }
    if (!(tree instanceof BinaryTree binary)) {
      return value(tree, constants) instanceof Boolean bool ? bool : null;
    }
    switch (tree.getKind()) {
      case CONDITIONAL_AND, CONDITIONAL_OR -> {
        boolean and = tree.getKind() == ExpressionTree.Kind.CONDITIONAL_AND;
        Boolean left = valueOf(binary.getLeftOperand(), constants);
        Boolean right = valueOf(binary.getRightOperand(), constants);
        // false && anything is false, true || anything is true, whatever the other side is.
        Boolean decisive = !and;
        if (decisive.equals(left) || decisive.equals(right)) {
          return decisive;
        }
        return (left == null || right == null) ? null : and;
      }
      default -> {
        return compare(binary, constants);
      }
    }
  }

  @Nullable
  private static Boolean compare(BinaryTree binary, Map<Symbol, Object> constants) {
    ExpressionTree nullTested = NullComparisons.comparedWithNull(binary);
    if (nullTested != null) {
      // Only a parameter known not to be null answers a null test: a constant or NOT_NULL.
      return value(nullTested, constants) == null
          ? null
          : binary.getKind() == ExpressionTree.Kind.NOT_EQUAL_TO;
    }
    Object left = value(binary.getLeftOperand(), constants);
    Object right = value(binary.getRightOperand(), constants);
    if (left instanceof Boolean a && right instanceof Boolean b) {
      return switch (binary.getKind()) {
        case EQUAL_TO -> a.equals(b);
        case NOT_EQUAL_TO -> !a.equals(b);
        default -> null;
      };
    }
    if (!(left instanceof Number a)
        || !(right instanceof Number b)
        || a instanceof Float
        || a instanceof Double
        || b instanceof Float
        || b instanceof Double) {
      return null;
    }
    int order = Long.compare(a.longValue(), b.longValue());
    return switch (binary.getKind()) {
      case LESS_THAN -> order < 0;
      case LESS_THAN_EQUAL -> order <= 0;
      case GREATER_THAN -> order > 0;
      case GREATER_THAN_EQUAL -> order >= 0;
      case EQUAL_TO -> order == 0;
      case NOT_EQUAL_TO -> order != 0;
      default -> null;
    };
  }

  /** A bound parameter's value, or a compile-time constant's; else null. */
  @Nullable
  private static Object value(ExpressionTree tree, Map<Symbol, Object> constants) {
    ExpressionTree stripped = stripParentheses(tree);
    if (stripped instanceof IdentifierTree) {
      Symbol symbol = getSymbol(stripped);
      if (constants.containsKey(symbol)) {
        return constants.get(symbol);
      }
    }
    Object constant = ASTHelpers.constValue(stripped);
    return constant instanceof Character c ? Integer.valueOf(c) : constant;
  }

  private ParameterConditions() {}
}
