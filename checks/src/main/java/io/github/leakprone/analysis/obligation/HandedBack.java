package io.github.leakprone.analysis.obligation;

import static com.google.errorprone.util.ASTHelpers.getSymbol;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.VariableTree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import io.github.leakprone.trees.Casts;
import io.github.leakprone.trees.CompiledWithUs;
import io.github.leakprone.trees.ReturnedValues;
import io.github.leakprone.trees.SameBodyScanner;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;
import javax.lang.model.element.ElementKind;

/**
 * What an object lent a resource hands back: {@code event = new AfterCreateEvent(ctx, conn, stmt)},
 * then {@code stmt = event.getPreparedStatement()} is the same statement (uroborosql's {@code
 * LocalTransactionContext}, which lets listeners look at each new statement before it returns it).
 * Read from the bodies in sight: the getter returns one field, a constructor stores one of its
 * parameters in that field, and the local that the new object was made with at that place is what
 * comes back.
 */
final class HandedBack {

  /**
   * The local whose resource {@code call} of {@code getter} hands back, or null: the receiver is a
   * local given only {@code new C(...)} in {@code initializers} (a body's sole initializers), and
   * the argument at the place of the parameter that {@code C}'s constructor keeps in the field that
   * {@code getter} returns is a local.
   */
  @Nullable
  static Symbol lentVariable(
      MethodInvocationTree call,
      MethodSymbol getter,
      Map<Symbol, ExpressionTree> initializers,
      VisitorState state) {
    ExpressionTree receiver = ASTHelpers.getReceiver(call);
    ExpressionTree made = receiver == null ? null : initializers.get(getSymbol(receiver));
    if (made == null || !(Casts.stripped(made) instanceof NewClassTree newObject)) {
      return null;
    }
    Symbol field = returnedField(getter, state);
    MethodSymbol constructor = getSymbol(newObject);
    if (field == null || constructor == null) {
      return null;
    }
    int position =
        CompiledWithUs.declaration(constructor, state)
            .map(declaration -> parameterKeptIn(field, declaration.method()))
            .orElse(-1);
    if (position < 0 || position >= newObject.getArguments().size()) {
      return null;
    }
    Symbol lent = getSymbol(Casts.stripped(newObject.getArguments().get(position)));
    return lent != null && lent.getKind() == ElementKind.LOCAL_VARIABLE ? lent : null;
  }

  /** The one field every {@code return} of {@code getter}'s body, in sight, hands out; or null. */
  @Nullable
  private static Symbol returnedField(MethodSymbol getter, VisitorState state) {
    MethodTree declaration =
        CompiledWithUs.declaration(getter, state).map(found -> found.method()).orElse(null);
    if (declaration == null) {
      return null;
    }
    Symbol field = null;
    for (ExpressionTree value : ReturnedValues.expressions(declaration.getBody())) {
      Symbol returned = getSymbol(Casts.stripped(value));
      if (returned == null
          || returned.getKind() != ElementKind.FIELD
          || (field != null && !field.equals(returned))) {
        return null;
      }
      field = returned;
    }
    return field;
  }

  /** The position of the parameter that {@code constructor} stores in {@code field}, or -1. */
  private static int parameterKeptIn(Symbol field, MethodTree constructor) {
    List<? extends VariableTree> parameters = constructor.getParameters();
    int[] position = {-1};
    new SameBodyScanner() {
      @Override
      public Void visitAssignment(AssignmentTree assignment, Void unused) {
        if (field.equals(getSymbol(assignment.getVariable()))) {
          Symbol value = getSymbol(Casts.stripped(assignment.getExpression()));
          for (int i = 0; i < parameters.size(); i++) {
            if (getSymbol(parameters.get(i)).equals(value)) {
              position[0] = i;
            }
          }
        }
        return super.visitAssignment(assignment, null);
      }
    }.scan(constructor.getBody(), null);
    return position[0];
  }

  private HandedBack() {}
}
