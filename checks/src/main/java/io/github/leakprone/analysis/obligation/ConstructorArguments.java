package io.github.leakprone.analysis.obligation;

import static com.google.errorprone.util.ASTHelpers.getSymbol;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import io.github.leakprone.trees.Casts;
import io.github.leakprone.trees.CompiledWithUs;
import io.github.leakprone.trees.SameBodyScanner;
import java.util.List;
import java.util.Optional;

/**
 * What a constructor does with an argument, read from its body where javac compiles it with the
 * checked file: it may keep it (stores it, or gives it to a call that may, {@code this(...)} or
 * {@code super(...)} among them), or only reads it (MySQL's {@code CallableStatementParamInfo(rs)},
 * which walks the result set's rows through a helper and keeps none of it). A constructor or call
 * out of sight may keep anything.
 */
final class ConstructorArguments {

  /** How deep calls in sight that are given the argument are followed. */
  private static final int STEPS = 2;

  /** Whether {@code constructor} may keep its argument at {@code index}. */
  static boolean mayKeep(MethodSymbol constructor, int index, VisitorState state) {
    return mayKeep(constructor, index, state, STEPS);
  }

  /**
   * Whether {@code method} may keep its argument at {@code index}: stores it, or gives it to a call
   * out of sight, or to one in sight that may keep it ({@code addParametersFromDBMD(rs)}, which
   * only reads the rows, keeps nothing).
   */
  private static boolean mayKeep(MethodSymbol method, int index, VisitorState state, int steps) {
    if (method == null) {
      return true;
    }
    Optional<CompiledWithUs.Declaration> declaration = CompiledWithUs.declaration(method, state);
    if (declaration.isEmpty() || index >= method.getParameters().size() || steps < 0) {
      return true; // out of sight, one of a varargs tail, or too deep to follow
    }
    Symbol parameter = method.getParameters().get(index);
    boolean[] kept = {false};
    new SameBodyScanner() {
      @Override
      public Void visitAssignment(AssignmentTree assignment, Void unused) {
        kept[0] |= names(assignment.getExpression(), parameter);
        return super.visitAssignment(assignment, null);
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        kept[0] |= givenAndKept(getSymbol(call), call.getArguments());
        return super.visitMethodInvocation(call, null);
      }

      @Override
      public Void visitNewClass(NewClassTree made, Void unused) {
        kept[0] |= givenAndKept(getSymbol(made), made.getArguments());
        return super.visitNewClass(made, null);
      }

      private boolean givenAndKept(MethodSymbol callee, List<? extends ExpressionTree> arguments) {
        for (int i = 0; i < arguments.size(); i++) {
          if (names(arguments.get(i), parameter) && mayKeep(callee, i, state, steps - 1)) {
            return true;
          }
        }
        return false;
      }
    }.scan(declaration.get().method().getBody(), null);
    return kept[0];
  }

  private static boolean names(ExpressionTree value, Symbol parameter) {
    return getSymbol(Casts.stripped(value)) == parameter;
  }

  private ConstructorArguments() {}
}
