package io.github.leakprone.analysis.obligation;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import io.github.leakprone.catalog.ResourceSpec;
import java.util.HashMap;
import java.util.Map;

/**
 * What the analysis knows of one compilation unit beyond the body at hand, each piece worked out on
 * the first question and kept until the next unit: its methods' bodies ({@link UnitMethods}), which
 * of its calls acquire ({@link AcquiringCalls}), throw under the exception policy ({@link
 * ThrowingCalls}) and release their arguments ({@link ReleasingCalls}), which fields nothing lets
 * go of ({@link UnreleasedFields}), and a {@link ClassSummary} per class.
 */
final class UnitSummary {

  final UnitMethods methods;
  final AcquiringCalls acquiring;
  final ThrowingCalls throwing;
  final ReleasingCalls releasing;
  final UnreleasedFields unreleasedFields;

  private final ResourceSpec spec;
  private final VisitorState state;
  private final Map<ClassTree, ClassSummary> classes = new HashMap<>();
  private final CompilationUnitTree unit;
  private Boolean shutsHalfDown;

  UnitSummary(
      CompilationUnitTree unit, ResourceSpec spec, ExceptionPolicy policy, VisitorState state) {
    this.spec = spec;
    this.state = state;
    this.unit = unit;
    this.methods = new UnitMethods(unit);
    this.acquiring = new AcquiringCalls(spec, methods);
    this.throwing = new ThrowingCalls(policy, methods);
    this.releasing = new ReleasingCalls(spec, methods, this::classSummary);
    this.unreleasedFields = new UnreleasedFields(unit, spec, releasing, state);
  }

  /**
   * Whether any code of the unit shuts one direction of a socket down ({@code shutdownInput()},
   * {@code shutdownOutput()}); read once, where first asked. Where none does, a socket a field of
   * the unit holds is never half shut ({@link ResourceSpec#asksWhetherHalfShut}).
   */
  boolean shutsSocketsHalfDown() {
    if (shutsHalfDown == null) {
      boolean[] found = {false};
      new TreeScanner<Void, Void>() {
        @Override
        public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
          MethodSymbol method = ASTHelpers.getSymbol(call);
          found[0] |=
              method != null
                  && (method.getSimpleName().contentEquals("shutdownInput")
                      || method.getSimpleName().contentEquals("shutdownOutput"));
          return super.visitMethodInvocation(call, null);
        }
      }.scan(unit, null);
      shutsHalfDown = found[0];
    }
    return shutsHalfDown;
  }

  ClassSummary classSummary(ClassTree owner) {
    ClassSummary summary = classes.get(owner);
    if (summary == null) {
      summary = ClassSummary.of(owner, spec, releasing, state);
      classes.put(owner, summary);
    }
    return summary;
  }
}
