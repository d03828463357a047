package io.github.leakprone.analysis.obligation;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
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

  UnitSummary(
      CompilationUnitTree unit, ResourceSpec spec, ExceptionPolicy policy, VisitorState state) {
    this.spec = spec;
    this.state = state;
    this.methods = new UnitMethods(unit);
    this.acquiring = new AcquiringCalls(spec, methods);
    this.throwing = new ThrowingCalls(policy, methods);
    this.releasing = new ReleasingCalls(spec, methods, this::classSummary);
    this.unreleasedFields = new UnreleasedFields(unit, spec, releasing, state);
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
