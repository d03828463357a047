package io.github.leakprone.analysis.obligation;

import static com.google.errorprone.util.ASTHelpers.getReceiver;
import static com.google.errorprone.util.ASTHelpers.getSymbol;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import io.github.leakprone.catalog.ReleaseNames;
import io.github.leakprone.catalog.ResourceSpec;
import io.github.leakprone.trees.BodySearch;
import io.github.leakprone.trees.Casts;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a method does with its parameters whatever fails in its body, read from its first
 * statements: what a {@code try} that opens the body closes in its {@code finally}, or declares as
 * a resource (Ivy's parsers, {@code try { ... } finally { if (is != null) is.close(); }}), and what
 * it hands on to a given method. Unlike a close at the end of the body, which a failure before it
 * skips (UReport's Excel parsers, {@code book.close(); inputStream.close();} after a parse that
 * fails on a bad upload).
 */
final class FailSafeCloses {

  /**
   * The positions of the parameters that {@code method} closes whatever fails: the first statement
   * of its body that may fail is a {@code try} that closes them in its {@code finally} (their
   * {@code close()}, or a closer helper given them) or declares them as its resources.
   */
  static Set<Integer> parametersClosedWhateverFails(
      MethodTree method, ResourceSpec spec, VisitorState state) {
    Set<Integer> closed = new HashSet<>();
    MethodSymbol symbol = getSymbol(method);
    if (symbol == null || method.getBody() == null) {
      return closed;
    }
    List<? extends Symbol> parameters = symbol.getParameters();
    for (StatementTree statement : method.getBody().getStatements()) {
      if (statement instanceof TryTree tryTree) {
        for (Tree resource : tryTree.getResources()) {
          Tree value =
              resource instanceof VariableTree variable ? variable.getInitializer() : resource;
          if (value instanceof ExpressionTree expression) {
            closed.add(parameters.indexOf(getSymbol(Casts.stripped(expression))));
          }
        }
        if (tryTree.getFinallyBlock() != null) {
          new TreeScanner<Void, Void>() {
            @Override
            public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
              MethodSymbol callee = getSymbol(call);
              ExpressionTree receiver = getReceiver(call);
              if (callee != null && receiver != null && spec.isRelease(callee, state)) {
                closed.add(parameters.indexOf(getSymbol(Casts.stripped(receiver))));
              } else if (callee != null
                  && ReleaseNames.isReleaseHelper(callee.getSimpleName().toString())) {
                call.getArguments()
                    .forEach(
                        argument ->
                            closed.add(parameters.indexOf(getSymbol(Casts.stripped(argument)))));
              }
              return super.visitMethodInvocation(call, null);
            }
          }.scan(tryTree.getFinallyBlock(), null);
        }
        break;
      }
      if (mayFail(statement)) {
        break;
      }
    }
    closed.remove(-1);
    return closed;
  }

  /**
   * The positions of the parameters of {@code method} that its body gives, as they are and at the
   * same position, to a call of {@code callee}: a registry's implementation that hands its stream
   * on to the same method of the parser it picks.
   */
  static Set<Integer> parametersHandedOnTo(MethodTree method, MethodSymbol callee) {
    Set<Integer> handed = new HashSet<>();
    MethodSymbol symbol = getSymbol(method);
    if (symbol == null || method.getBody() == null) {
      return handed;
    }
    List<? extends Symbol> parameters = symbol.getParameters();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        if (getSymbol(call) == callee) {
          List<? extends ExpressionTree> arguments = call.getArguments();
          for (int i = 0; i < arguments.size() && i < parameters.size(); i++) {
            if (getSymbol(Casts.stripped(arguments.get(i))) == parameters.get(i)) {
              handed.add(i);
            }
          }
        }
        return super.visitMethodInvocation(call, null);
      }
    }.scan(method.getBody(), null);
    return handed;
  }

  /** Whether {@code statement} calls or makes anything, which may fail. */
  private static boolean mayFail(StatementTree statement) {
    return BodySearch.anyIn(statement, thrown -> true, call -> true);
  }

  private FailSafeCloses() {}
}
