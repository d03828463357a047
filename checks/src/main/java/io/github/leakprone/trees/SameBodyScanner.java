package io.github.leakprone.trees;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.util.TreeScanner;

/**
 * A scanner of the code that runs as part of one body: it does not enter lambdas or local and
 * anonymous classes, whose code runs on their own schedule, when whoever gets them calls it.
 */
public class SameBodyScanner extends TreeScanner<Void, Void> {

  @Override
  public Void visitLambdaExpression(LambdaExpressionTree lambda, Void unused) {
    return null;
  }

  @Override
  public Void visitClass(ClassTree classTree, Void unused) {
    return null;
  }
}
