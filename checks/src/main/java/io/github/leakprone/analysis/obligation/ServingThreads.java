package io.github.leakprone.analysis.obligation;

import static com.google.errorprone.util.ASTHelpers.getSymbol;
import static com.google.errorprone.util.ASTHelpers.stripParentheses;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.VisitorState;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.tools.javac.api.JavacTrees;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.tree.JCTree;
import io.github.leakprone.catalog.NamedTypes;
import io.github.leakprone.trees.SameBodyScanner;
import java.util.HashSet;
import java.util.Set;
import javax.annotation.Nullable;

/**
 * Threads that serve until the program ends: a {@link Runnable} (a {@link Thread} among them) whose
 * {@code run()} enters a loop that only an exception leaves, {@code while (true)}, {@code for (;;)}
 * or {@code do ... while (true)} with no {@code break} out of it and no {@code return} in the
 * method. Such an object keeps what its fields hold for as long as it serves, and it serves until
 * the program stops or a failure ends its thread: a viewer's listening socket (log4j's Chainsaw
 * {@code LoggingReceiver}), a daemon's log file. What it holds is not lost when the method that
 * stored it returns, and nothing after the loop but a failure's path could close it.
 */
final class ServingThreads {

  private static final ImmutableList<String> RUNNABLE = ImmutableList.of("java.lang.Runnable");

  /**
   * Whether {@code owner}, compiled from source with this unit, is a thread that serves forever.
   */
  static boolean servesUntilTheProgramEnds(Symbol owner, VisitorState state) {
    if (!(owner instanceof ClassSymbol type)
        || !NamedTypes.isSubtypeOfAny(type.type, RUNNABLE, state)) {
      return false;
    }
    ClassTree tree = JavacTrees.instance(state.context).getTree(type);
    if (tree == null) {
      return false;
    }
    for (Tree member : tree.getMembers()) {
      if (member instanceof MethodTree method && isRun(method)) {
        return servesForever(method.getBody());
      }
    }
    return false;
  }

  private static boolean isRun(MethodTree method) {
    MethodSymbol symbol = getSymbol(method);
    return symbol != null
        && symbol.getSimpleName().contentEquals("run")
        && symbol.getParameters().isEmpty()
        && method.getBody() != null;
  }

  /** {@code run()}'s body: no return anywhere, and an endless loop that every path enters. */
  private static boolean servesForever(BlockTree body) {
    return !returns(body) && body.getStatements().stream().anyMatch(ServingThreads::entersLoop);
  }

  /**
   * An endless loop, or a {@code try} whose block holds one ({@code try { while (true) accept(); }
   * catch (IOException e) { log(e); }}: the catch runs only on the failure that ends the thread).
   */
  private static boolean entersLoop(StatementTree statement) {
    if (statement instanceof TryTree tryTree) {
      return tryTree.getBlock().getStatements().stream().anyMatch(ServingThreads::entersLoop);
    }
    StatementTree body = endlessLoopBody(statement);
    return body != null && !breaksOut(body);
  }

  /** The body of {@code statement} if it is a loop whose condition is {@code true} or absent. */
  @Nullable
  private static StatementTree endlessLoopBody(StatementTree statement) {
    if (statement instanceof WhileLoopTree loop) {
      return isTrue(loop.getCondition()) ? loop.getStatement() : null;
    }
    if (statement instanceof DoWhileLoopTree loop) {
      return isTrue(loop.getCondition()) ? loop.getStatement() : null;
    }
    if (statement instanceof ForLoopTree loop
        && (loop.getCondition() == null || isTrue(loop.getCondition()))) {
      return loop.getStatement();
    }
    return null;
  }

  private static boolean isTrue(ExpressionTree condition) {
    return stripParentheses(condition) instanceof LiteralTree literal
        && Boolean.TRUE.equals(literal.getValue());
  }

  /**
   * Whether a {@code break} in a loop's {@code body} leaves the loop: one whose target is not a
   * statement inside the body.
   */
  private static boolean breaksOut(StatementTree body) {
    Set<Tree> inside = new HashSet<>();
    boolean[] out = new boolean[1];
    new SameBodyScanner() {
      @Override
      public Void scan(Tree tree, Void unused) {
        inside.add(tree); // a break's target encloses it, so it is scanned before the break
        return super.scan(tree, null);
      }

      @Override
      public Void visitBreak(BreakTree tree, Void unused) {
        out[0] |= !inside.contains(((JCTree.JCBreak) tree).target);
        return null;
      }
    }.scan(body, null);
    return out[0];
  }

  /** Whether {@code body} returns anywhere, outside the classes and lambdas it declares. */
  private static boolean returns(BlockTree body) {
    boolean[] found = new boolean[1];
    new SameBodyScanner() {
      @Override
      public Void visitReturn(ReturnTree tree, Void unused) {
        found[0] = true;
        return null;
      }
    }.scan(body, null);
    return found[0];
  }

  private ServingThreads() {}
}
