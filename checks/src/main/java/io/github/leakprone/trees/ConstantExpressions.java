package io.github.leakprone.trees;

import static com.google.errorprone.util.ASTHelpers.getReceiver;
import static com.google.errorprone.util.ASTHelpers.getSymbol;
import static com.google.errorprone.util.ASTHelpers.isStatic;
import static com.google.errorprone.util.ASTHelpers.stripParentheses;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import java.util.List;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;

/**
 * Whether an expression means the same wherever and whenever it is evaluated: the test for moving
 * it from a method into a static field initializer.
 */
public final class ConstantExpressions {

  /**
   * Whether the constructor call or call chain {@code creation} can move into a static field
   * initializer unchanged: every argument along the chain is a constant, no part of it throws a
   * checked exception (a field initializer cannot), and nothing in it depends on an instance.
   */
  public static boolean isMovableToStaticField(ExpressionTree creation, VisitorState state) {
    ExpressionTree current = stripParentheses(creation);
    while (true) {
      if (current instanceof NewClassTree newClass) {
        return newClass.getEnclosingExpression() == null
            && newClass.getClassBody() == null
            && allConstant(newClass.getArguments(), state)
            && throwsOnlyUnchecked(getSymbol(newClass), state);
      }
      if (!(current instanceof MethodInvocationTree call)
          || !allConstant(call.getArguments(), state)
          || !throwsOnlyUnchecked(getSymbol(call), state)) {
        return false;
      }
      if (isStatic(getSymbol(call))) {
        ExpressionTree receiver = getReceiver(call);
        return receiver == null || isTypeName(receiver);
      }
      ExpressionTree receiver = getReceiver(call);
      if (receiver == null) {
        return false;
      }
      current = stripParentheses(receiver);
    }
  }

  /** Whether every expression in {@code expressions} is {@linkplain #isConstant constant}. */
  public static boolean allConstant(
      List<? extends ExpressionTree> expressions, VisitorState state) {
    return expressions.stream().allMatch(e -> isConstant(e, state));
  }

  /**
   * Literals, static final fields (enum constants among them), class literals, and operators over
   * them. A local constant is not one: it does not exist where a static field is initialised.
   */
  public static boolean isConstant(ExpressionTree expression, VisitorState state) {
    ExpressionTree e = stripParentheses(expression);
    if (e instanceof LiteralTree) {
      return true;
    }
    if (e instanceof MemberSelectTree select && select.getIdentifier().contentEquals("class")) {
      return true;
    }
    if (e instanceof IdentifierTree || e instanceof MemberSelectTree) {
      Symbol symbol = getSymbol(e);
      return symbol instanceof VarSymbol
          && symbol.getKind() != ElementKind.LOCAL_VARIABLE
          && symbol.getKind() != ElementKind.PARAMETER
          && symbol.getModifiers().contains(Modifier.STATIC)
          && symbol.getModifiers().contains(Modifier.FINAL);
    }
    if (e instanceof BinaryTree binary) {
      return isConstant(binary.getLeftOperand(), state)
          && isConstant(binary.getRightOperand(), state);
    }
    if (e instanceof UnaryTree unary) {
      return isConstant(unary.getExpression(), state);
    }
    if (e instanceof TypeCastTree cast) {
      return isConstant(cast.getExpression(), state);
    }
    if (e instanceof ConditionalExpressionTree conditional) {
      return isConstant(conditional.getCondition(), state)
          && isConstant(conditional.getTrueExpression(), state)
          && isConstant(conditional.getFalseExpression(), state);
    }
    return false;
  }

  /** Whether every exception {@code symbol} declares is unchecked. */
  public static boolean throwsOnlyUnchecked(MethodSymbol symbol, VisitorState state) {
    Type runtime = state.getSymtab().runtimeExceptionType;
    Type error = state.getSymtab().errorType;
    return symbol.getThrownTypes().stream()
        .allMatch(
            t -> ASTHelpers.isSubtype(t, runtime, state) || ASTHelpers.isSubtype(t, error, state));
  }

  private static boolean isTypeName(ExpressionTree tree) {
    Symbol symbol = getSymbol(tree);
    return symbol != null && (symbol.getKind().isClass() || symbol.getKind().isInterface());
  }

  private ConstantExpressions() {}
}
