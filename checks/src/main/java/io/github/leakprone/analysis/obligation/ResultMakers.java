package io.github.leakprone.analysis.obligation;

import static com.google.errorprone.util.ASTHelpers.getReceiver;
import static com.google.errorprone.util.ASTHelpers.getSymbol;

import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.VariableTree;
import com.sun.tools.javac.code.Symbol;
import io.github.leakprone.trees.Casts;
import io.github.leakprone.trees.LocalVariables;
import io.github.leakprone.trees.NullLiterals;
import io.github.leakprone.trees.ReturnedValues;
import java.util.List;
import java.util.Map;

/**
 * Which parameter of a method makes what it returns, by a call on it: EGit's {@code
 * getStream(request)} returns {@code request.getInputStream()}, or {@code request.getErrorStream()}
 * where there is one. The resource it hands back is made by the caller's argument there, as if the
 * caller had made the call itself: that connection's {@code getResponseCode()} answers from the
 * status line already read, and its {@code disconnect()} closes the stream.
 */
final class ResultMakers {

  /** No parameter makes every value {@code method} returns. */
  static final int NONE = -1;

  /**
   * The position of the parameter on which {@code method} calls to make every value it returns (a
   * {@code null} aside): directly, through a local set once to such a call, or in either branch of
   * a {@code ?:}. {@link #NONE} if there is none, or the values come from two parameters.
   */
  static int parameterOf(MethodTree method) {
    List<? extends VariableTree> parameters = method.getParameters();
    Map<Symbol, ExpressionTree> locals = LocalVariables.soleInitializers(method.getBody());
    int found = NONE;
    List<ExpressionTree> values = ReturnedValues.expressions(method.getBody());
    for (ExpressionTree value : values) {
      if (NullLiterals.isNull(value)) {
        continue;
      }
      int maker = makerOf(value, parameters, locals);
      if (maker == NONE || (found != NONE && maker != found)) {
        return NONE;
      }
      found = maker;
    }
    return found;
  }

  private static int makerOf(
      ExpressionTree value,
      List<? extends VariableTree> parameters,
      Map<Symbol, ExpressionTree> locals) {
    ExpressionTree e = Casts.stripped(value);
    if (e instanceof ConditionalExpressionTree choice) {
      if (NullLiterals.isNull(choice.getTrueExpression())) {
        return makerOf(choice.getFalseExpression(), parameters, locals);
      }
      if (NullLiterals.isNull(choice.getFalseExpression())) {
        return makerOf(choice.getTrueExpression(), parameters, locals);
      }
      int whenTrue = makerOf(choice.getTrueExpression(), parameters, locals);
      return whenTrue == makerOf(choice.getFalseExpression(), parameters, locals) ? whenTrue : NONE;
    }
    if (e instanceof MethodInvocationTree call && getReceiver(call) != null) {
      Symbol receiver = getSymbol(Casts.stripped(getReceiver(call)));
      for (int i = 0; i < parameters.size(); i++) {
        if (getSymbol(parameters.get(i)) == receiver && receiver != null) {
          return i;
        }
      }
      return NONE;
    }
    ExpressionTree initializer = locals.get(getSymbol(e));
    return initializer == null ? NONE : makerOf(initializer, parameters, locals);
  }

  private ResultMakers() {}
}
