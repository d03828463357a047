package io.github.leakprone.analysis.obligation;

import static com.google.errorprone.util.ASTHelpers.getSymbol;

import com.google.common.collect.ImmutableSet;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import io.github.leakprone.trees.Casts;
import io.github.leakprone.trees.LocalVariables;
import io.github.leakprone.trees.TreePaths;
import java.util.List;
import java.util.Optional;

/**
 * Buffers a method has just made and written nothing to that could fill them. What is written to a
 * {@code BufferedOutputStream} or {@code BufferedWriter} of the default size (8 KB) stays in memory
 * until the buffer fills or is flushed: a write of one constant ({@code bos.write('B')}), or the
 * header a decorator's constructor or a wrapping factory writes ({@code new GZIPOutputStream(bos)}:
 * ten bytes), does not reach the file, and cannot fail on it. Ant's BZip2 task writes "BZ" and a
 * {@code CBZip2OutputStream}'s header into a buffer over the file it just opened; its Tar task
 * hands a new buffer to the compression method that wraps it: neither loses the file there.
 *
 * <p>Counted as unfilled: a {@code new} buffer given straight to the call, or a local that a buffer
 * initialises, never assigned again, whose uses since its declaration, in the statements of the
 * same block, are only such constant writes. A use in a loop, or after the buffer went to a
 * decorator (whose writes may fill it), is not.
 */
final class FreshBuffers {

  private static final ImmutableSet<String> BUFFERS =
      ImmutableSet.of("java.io.BufferedOutputStream", "java.io.BufferedWriter");

  private final TreePath method;

  /** {@code method}: the path of the method or lambda whose body is analysed. */
  FreshBuffers(TreePath method) {
    this.method = method;
  }

  /**
   * Whether {@code value}, the receiver or an argument of {@code call}, is a buffer that nothing
   * has filled when {@code call} runs.
   */
  boolean unfilledAt(ExpressionTree value, Tree call) {
    ExpressionTree stripped = Casts.stripped(value);
    if (isNewBuffer(stripped)) {
      return true;
    }
    if (!(stripped instanceof IdentifierTree)
        || !(getSymbol(stripped) instanceof VarSymbol local)
        || !LocalVariables.isLocalOrParameter(local)) {
      return false;
    }
    Optional<ExpressionTree> initializer = LocalVariables.soleInitializer(local, method);
    if (initializer.isEmpty() || !isNewBuffer(Casts.stripped(initializer.get()))) {
      return false;
    }
    TreePath declaration = pathOf(local);
    if (declaration == null
        || !(declaration.getParentPath().getLeaf() instanceof BlockTree block)) {
      return false;
    }
    List<? extends StatementTree> statements = block.getStatements();
    Tree own = TreePaths.statementOf(block, TreePath.getPath(method, call));
    int from = statements.indexOf(declaration.getLeaf()) + 1;
    int to = own == null ? -1 : statements.indexOf(own);
    if (to < from) {
      return false; // not in a later statement of the declaration's block
    }
    for (StatementTree statement : statements.subList(from, to)) {
      if (LocalVariables.readsIn(local, statement) > 0 && !isConstantWrite(statement, local)) {
        return false;
      }
    }
    // The call's own statement: a plain one, where the call is the buffer's only use (the local is
    // never assigned again: every use is a read).
    return (own instanceof ExpressionStatementTree || own instanceof VariableTree)
        && LocalVariables.readsIn(local, own) == 1;
  }

  /** Whether {@code call} is a write of one constant ({@code bos.write('B')}). */
  static boolean isConstantWrite(MethodInvocationTree call) {
    return call.getMethodSelect() instanceof MemberSelectTree select
        && select.getIdentifier().contentEquals("write")
        && call.getArguments().size() == 1
        && ASTHelpers.constValue(call.getArguments().get(0)) != null;
  }

  /** {@code new BufferedOutputStream(out)}: a buffer of the default size. */
  private static boolean isNewBuffer(ExpressionTree value) {
    if (!(value instanceof NewClassTree made)
        || made.getArguments().size() != 1
        || made.getClassBody() != null) {
      return false;
    }
    MethodSymbol constructor = getSymbol(made);
    return constructor != null && BUFFERS.contains(constructor.owner.getQualifiedName().toString());
  }

  private static boolean isConstantWrite(StatementTree statement, Symbol local) {
    return statement instanceof ExpressionStatementTree expression
        && expression.getExpression() instanceof MethodInvocationTree call
        && isConstantWrite(call)
        && getSymbol(ASTHelpers.getReceiver(call)) == local;
  }

  private TreePath pathOf(VarSymbol local) {
    Optional<VariableTree> declaration = LocalVariables.declaration(local, method.getLeaf());
    return declaration.map(tree -> TreePath.getPath(method, tree)).orElse(null);
  }
}
