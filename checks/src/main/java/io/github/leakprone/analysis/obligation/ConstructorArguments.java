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
 * checked file: it may keep it (stores it, or gives it to a call, {@code this(...)} or {@code
 * super(...)} among them), or only reads it (MySQL's {@code CallableStatementParamInfo(rs)}, which
 * walks the result set's rows and keeps none of it). A constructor out of sight may keep anything.
 */
final class ConstructorArguments {

  /** Whether {@code constructor} may keep its argument at {@code index}. */
  static boolean mayKeep(MethodSymbol constructor, int index, VisitorState state) {
    if (constructor == null) {
      return true;
    }
    Optional<CompiledWithUs.Declaration> declaration =
        CompiledWithUs.declaration(constructor, state);
    if (declaration.isEmpty() || index >= constructor.getParameters().size()) {
      return true; // out of sight, or one of a varargs tail
    }
    Symbol parameter = constructor.getParameters().get(index);
    boolean[] kept = {false};
    new SameBodyScanner() {
      @Override
      public Void visitAssignment(AssignmentTree assignment, Void unused) {
        kept[0] |= names(assignment.getExpression(), parameter);
        return super.visitAssignment(assignment, null);
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        kept[0] |= anyNames(call.getArguments(), parameter);
        return super.visitMethodInvocation(call, null);
      }

      @Override
      public Void visitNewClass(NewClassTree made, Void unused) {
        kept[0] |= anyNames(made.getArguments(), parameter);
        return super.visitNewClass(made, null);
      }
    }.scan(declaration.get().method().getBody(), null);
    return kept[0];
  }

  private static boolean anyNames(List<? extends ExpressionTree> values, Symbol parameter) {
    return values.stream().anyMatch(value -> names(value, parameter));
  }

  private static boolean names(ExpressionTree value, Symbol parameter) {
    return getSymbol(Casts.stripped(value)) == parameter;
  }

  private ConstructorArguments() {}
}
