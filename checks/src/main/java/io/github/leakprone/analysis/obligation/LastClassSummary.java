package io.github.leakprone.analysis.obligation;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.ClassTree;
import io.github.leakprone.catalog.ResourceSpec;

/**
 * The summary of the class asked about last. Error Prone brings a class's methods to a check one
 * after another, so keeping one summary serves them all, and holds no tree of a finished class for
 * longer than the next class takes to arrive. One per check instance, for its resources.
 */
public final class LastClassSummary {

  private final ResourceSpec spec;
  private ClassTree summarisedClass;
  private ClassSummary summary;

  public LastClassSummary(ResourceSpec spec) {
    this.spec = spec;
  }

  public ClassSummary of(ClassTree owner, VisitorState state) {
    if (owner != summarisedClass) {
      summary = ClassSummary.of(owner, spec, state);
      summarisedClass = owner;
    }
    return summary;
  }
}
