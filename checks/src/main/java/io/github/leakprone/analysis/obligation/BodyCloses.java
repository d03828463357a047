package io.github.leakprone.analysis.obligation;

import static com.google.errorprone.util.ASTHelpers.getReceiver;
import static com.google.errorprone.util.ASTHelpers.getSymbol;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import io.github.leakprone.catalog.ResourceSpec;
import io.github.leakprone.trees.LocalVariables;
import io.github.leakprone.trees.NullComparisons;
import io.github.leakprone.trees.SameBodyScanner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import javax.annotation.Nullable;

/**
 * What the body being analysed closes of its own variables, and where: the questions the analysis
 * asks of the body's text rather than of its state (whether a loop a {@code break} leaves closes
 * anything, whether the method closes a variable it lent to a helper, and after which call). Each
 * answer that reads the whole body is worked out once.
 */
final class BodyCloses {

  private final ResourceSpec spec;
  private final ReleasingCalls releasing;
  private final VisitorState state;
  private final Tree body;

  /** The body's local, parameter or own field that an expression names, or null. */
  private final Function<ExpressionTree, Symbol> trackable;

  /**
   * The variables whose resources the body closes somewhere ({@link #releasedIn}); worked out on
   * the first call that hands a held resource to one that keeps it ({@link #closesItself}).
   */
  private Set<Symbol> releasedInBody;

  /**
   * Whether each loop or switch a {@code break} leaves closes nothing ({@link #releasesNothing}).
   */
  private final Map<Tree, Boolean> releasesNothing = new HashMap<>();

  /**
   * Per holder variable, what the body closes outside the code that runs only while that holder is
   * null ({@link #closesItself(ExpressionTree, ExpressionTree)}).
   */
  private final Map<Symbol, Set<Symbol>> releasedWhileHeld = new HashMap<>();

  BodyCloses(
      ResourceSpec spec,
      ReleasingCalls releasing,
      VisitorState state,
      Tree body,
      Function<ExpressionTree, Symbol> trackable) {
    this.spec = spec;
    this.releasing = releasing;
    this.state = state;
    this.body = body;
    this.trackable = trackable;
  }

  /**
   * Whether {@code argument} is a local or parameter that the method releases itself somewhere in
   * its body ({@link #releasedIn}): whatever it handed the variable to, it kept the duty to close
   * it. A close in a lambda is not the method's own; the lambda captures the variable, and that
   * hands it on anyway.
   */
  boolean closesItself(ExpressionTree argument) {
    Symbol variable = trackable.apply(argument);
    if (variable == null || !LocalVariables.isLocalOrParameter(variable)) {
      return false;
    }
    if (releasedInBody == null) {
      releasedInBody = releasedIn(body);
    }
    return releasedInBody.contains(variable);
  }

  /**
   * As {@link #closesItself(ExpressionTree)} for an argument handed to {@code holder} (a setter's
   * receiver), not counting a close that runs only while the holder is null: {@code if (source ==
   * null && stream != null) stream.close();} in a {@code finally} cleans up when the holder was
   * never made, and says the method kept nothing once {@code source.setByteStream(stream)} ran
   * (Tomcat's {@code ContextConfig.getGlobalWebXmlSource}, which returns the source).
   */
  boolean closesItself(ExpressionTree argument, @Nullable ExpressionTree holder) {
    if (!closesItself(argument)) {
      return false;
    }
    Symbol holderVariable = holder == null ? null : trackable.apply(holder);
    if (holderVariable == null || !LocalVariables.isLocalOrParameter(holderVariable)) {
      return true;
    }
    Set<Symbol> released =
        releasedWhileHeld.computeIfAbsent(
            holderVariable,
            h ->
                releasedIn(
                    body,
                    call -> releasing.releasedArguments(call, state),
                    true,
                    condition -> NullComparisons.isNullWhen(condition, true, h)));
    return released.contains(trackable.apply(argument));
  }

  /** Whether the loop or switch {@code target} closes nothing, asked once per target. */
  boolean releasesNothing(Tree target) {
    return releasesNothing.computeIfAbsent(target, t -> releasedIn(t).isEmpty());
  }

  /** The variables whose resources {@code tree} closes: a close of one, or a closing helper's. */
  Set<Symbol> releasedIn(@Nullable Tree tree) {
    return releasedIn(tree, call -> releasing.releasedArguments(call, state), true, c -> false);
  }

  /**
   * Whether the body closes {@code variable} outright after {@code call}: in a statement that
   * follows the call's in its block or an enclosing one, or in the {@code finally} of a {@code try}
   * around it; a close of it, or a helper's that closes it, not one that only keeps it ({@link
   * ReleasingCalls#closedArguments}), and not in a handler, which cleans up after a failure while
   * the path that succeeds may have handed the variable on (Jackrabbit's {@code startBatch}, which
   * keeps the connection in its map and closes it only when that fails). A close on a branch the
   * call is not on says nothing of it (GreenMail's server closes an accepted socket only when it is
   * stopping, and hands it to its handler otherwise).
   */
  boolean closedAfter(MethodInvocationTree call, @Nullable Symbol variable) {
    if (variable == null) {
      return false;
    }
    TreePath path =
        TreePath.getPath(
            new TreePath(new TreePath(state.getPath().getCompilationUnit()), body), call);
    for (TreePath at = path; at != null && at.getLeaf() != body; at = at.getParentPath()) {
      Tree child = at.getLeaf();
      Tree parent = at.getParentPath() == null ? null : at.getParentPath().getLeaf();
      if (parent instanceof LambdaExpressionTree || parent instanceof ClassTree) {
        return false;
      }
      List<Tree> after = new ArrayList<>();
      if (parent instanceof BlockTree block) {
        List<? extends StatementTree> statements = block.getStatements();
        after.addAll(statements.subList(statements.indexOf(child) + 1, statements.size()));
      } else if (parent instanceof TryTree tryTree
          && child != tryTree.getFinallyBlock()
          && tryTree.getFinallyBlock() != null) {
        after.add(tryTree.getFinallyBlock());
      }
      for (Tree later : after) {
        if (closedIn(later).contains(variable)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The variables {@code tree} closes outright, outside its {@code catch} blocks: a close of one,
   * or a helper's that closes it ({@link #closedAfter}).
   */
  private Set<Symbol> closedIn(Tree tree) {
    return releasedIn(tree, call -> releasing.closedArguments(call, state), false, c -> false);
  }

  private Set<Symbol> releasedIn(
      @Nullable Tree tree,
      Function<MethodInvocationTree, Set<Integer>> releasedArguments,
      boolean inHandlers,
      Predicate<ExpressionTree> skippedWhenTrue) {
    Set<Symbol> released = new HashSet<>();
    if (tree == null) {
      return released;
    }
    new SameBodyScanner() {
      @Override
      public Void visitCatch(CatchTree handler, Void unused) {
        return inHandlers ? super.visitCatch(handler, null) : null;
      }

      @Override
      public Void visitIf(IfTree ifTree, Void unused) {
        if (!skippedWhenTrue.test(ifTree.getCondition())) {
          return super.visitIf(ifTree, null);
        }
        scan(ifTree.getCondition(), null);
        return scan(ifTree.getElseStatement(), null);
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        MethodSymbol method = getSymbol(call);
        if (method != null) {
          if (spec.isRelease(method, state)) {
            addIfTrackable(getReceiver(call), released);
          }
          for (int position : releasedArguments.apply(call)) {
            if (position < call.getArguments().size()) {
              addIfTrackable(call.getArguments().get(position), released);
            }
          }
        }
        return super.visitMethodInvocation(call, null);
      }
    }.scan(tree, null);
    return released;
  }

  private void addIfTrackable(@Nullable ExpressionTree tree, Set<Symbol> into) {
    Symbol symbol = tree == null ? null : trackable.apply(tree);
    if (symbol != null) {
      into.add(symbol);
    }
  }
}
