package io.github.leakprone.analysis;

import static com.google.errorprone.util.ASTHelpers.getReceiver;
import static com.google.errorprone.util.ASTHelpers.getSymbol;
import static com.google.errorprone.util.ASTHelpers.getType;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.google.errorprone.util.Reachability;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import io.github.leakprone.analysis.Fate.Kind;
import io.github.leakprone.catalog.ContainerStores;
import io.github.leakprone.catalog.ReleaseNames;
import io.github.leakprone.trees.NullComparisons;
import io.github.leakprone.trees.TreePaths;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ElementKind;

/**
 * Follows a value built at one place through the per-call body that builds it, into locals (and
 * their aliases and decorators), to where it ends up: the caller, a field, a collection, or nowhere
 * beyond the method. Whether a value that stays in the method is released on every path is the
 * {@link io.github.leakprone.analysis.obligation.ObligationAnalysis obligation analysis}'s
 * question.
 */
public final class FateAnalysis {

  private final VisitorState state;
  private final Tree body;

  /** A call whose argument is the value and whose result has this type wraps the value. */
  private final Type wrapperType;

  private FateAnalysis(VisitorState state, Tree body, Type wrapperType) {
    this.state = state;
    this.body = body;
    this.wrapperType = wrapperType;
  }

  /**
   * The fate of the value that {@code creation} builds inside {@code body}.
   *
   * @param clientType the value's catalogd type; a call that takes the value and returns this type
   *     (a decorator such as {@code MoreExecutors.listeningDecorator}) is followed as the value
   */
  public static Fate analyse(TreePath creation, Tree body, Type clientType, VisitorState state) {
    Type wrapperType =
        clientType == null || clientType.toString().equals("java.lang.Object")
            ? getType(creation.getLeaf())
            : clientType;
    return new FateAnalysis(state, body, wrapperType)
        .fateOf(creation, TreePaths.pathTo(body, creation));
  }

  private Fate fateOf(TreePath creation, TreePath bodyPath) {
    Outcomes outcomes = new Outcomes();
    Set<VarSymbol> locals = new HashSet<>();
    classifyUse(creation, outcomes, locals);
    // Follow every local the value reaches; an alias found on the way is followed too.
    Set<VarSymbol> followed = new HashSet<>();
    while (!followed.containsAll(locals)) {
      Set<VarSymbol> pending = new HashSet<>(locals);
      pending.removeAll(followed);
      followed.addAll(pending);
      scanUses(bodyPath, pending, outcomes, locals);
    }
    return outcomes.decide();
  }

  private void scanUses(
      TreePath bodyPath, Set<VarSymbol> symbols, Outcomes outcomes, Set<VarSymbol> locals) {
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree tree, Void unused) {
        if (symbols.contains(getSymbol(tree))) {
          classifyUse(getCurrentPath(), outcomes, locals);
        }
        return null;
      }
    }.scan(bodyPath, null);
  }

  /** Records what the expression at {@code path}, which holds the value, does with it. */
  private void classifyUse(TreePath path, Outcomes outcomes, Set<VarSymbol> locals) {
    TreePath valuePath = climbWrappers(path);
    Tree value = valuePath.getLeaf();
    Tree parent = valuePath.getParentPath().getLeaf();
    if (parent instanceof ReturnTree
        || (parent instanceof LambdaExpressionTree lambda && lambda.getBody() == value)) {
      outcomes.add(Fate.of(Kind.RETURNED));
    } else if (parent instanceof VariableTree variable) {
      Symbol symbol = getSymbol(variable);
      if (isLocal(symbol)) {
        locals.add((VarSymbol) symbol);
      }
    } else if (parent instanceof AssignmentTree assignment && assignment.getExpression() == value) {
      Symbol target = getSymbol(assignment.getVariable());
      if (isLocal(target)) {
        locals.add((VarSymbol) target);
      } else if (target instanceof VarSymbol field) {
        outcomes.add(
            new Fate(
                isGuardedByNullCheck(path, field) ? Kind.KEPT_ONCE : Kind.STORED_IN_FIELD,
                field.getSimpleName().toString()));
      }
    } else if (parent instanceof MethodInvocationTree call
        && call.getArguments().contains(value)
        && ContainerStores.storesArgument(call, state)) {
      outcomes.add(new Fate(Kind.ADDED_TO_COLLECTION, source(getReceiver(call))));
    }
  }

  /** Whether {@code branch}, the true or false side of a two-way choice, is taken when null. */
  private static boolean takenWhenNull(
      Tree branch, ExpressionTree condition, Tree whenTrue, Tree whenFalse, VarSymbol field) {
    return (branch == whenTrue && NullComparisons.isNullWhen(condition, true, field))
        || (branch == whenFalse && NullComparisons.isNullWhen(condition, false, field));
  }

  /** Climbs from the value through parentheses, casts, conditionals and decorators that keep it. */
  private TreePath climbWrappers(TreePath path) {
    TreePath current = path;
    while (current.getParentPath() != null) {
      Tree leaf = current.getLeaf();
      Tree parent = current.getParentPath().getLeaf();
      boolean keepsValue =
          parent instanceof ParenthesizedTree
              || parent instanceof TypeCastTree
              || (parent instanceof ConditionalExpressionTree conditional
                  && conditional.getCondition() != leaf)
              || isDecorator(parent, leaf);
      if (!keepsValue) {
        return current;
      }
      current = current.getParentPath();
    }
    return current;
  }

  private boolean isDecorator(Tree call, Tree argument) {
    List<? extends ExpressionTree> arguments;
    if (call instanceof MethodInvocationTree invocation) {
      if (ContainerStores.storesArgument(invocation, state)
          || ReleaseNames.isReleaseHelper(getSymbol(invocation).getSimpleName().toString())) {
        return false;
      }
      arguments = invocation.getArguments();
    } else if (call instanceof NewClassTree newClass) {
      arguments = newClass.getArguments();
    } else {
      return false;
    }
    Type type = getType(call);
    return arguments.contains(argument)
        && type != null
        && wrapperType != null
        && ASTHelpers.isSubtype(type, wrapperType, state);
  }

  /**
   * Whether the store of the value at {@code path} into {@code field} is guarded by a null check of
   * the field, the mark of lazy initialisation: it is in the branch of an {@code if} (or {@code
   * ?:}) that the condition takes when the field is null, or follows an {@code if (field != null)
   * return ...;} in an enclosing block. A null check anywhere else is no guard: {@code if (field !=
   * null) field.close(); field = build();} builds a client on every call. (A condition such as
   * {@code field == null || expired()} counts: the client is rebuilt now and then, not per call.)
   */
  private boolean isGuardedByNullCheck(TreePath path, VarSymbol field) {
    for (TreePath p = path; p.getParentPath() != null && p.getLeaf() != body; ) {
      Tree child = p.getLeaf();
      Tree parent = p.getParentPath().getLeaf();
      if (parent instanceof IfTree ifTree
          && takenWhenNull(
              child,
              ifTree.getCondition(),
              ifTree.getThenStatement(),
              ifTree.getElseStatement(),
              field)) {
        return true;
      }
      if (parent instanceof ConditionalExpressionTree conditional
          && takenWhenNull(
              child,
              conditional.getCondition(),
              conditional.getTrueExpression(),
              conditional.getFalseExpression(),
              field)) {
        return true;
      }
      if (parent instanceof BlockTree block) {
        for (StatementTree statement : block.getStatements()) {
          if (statement == child) {
            break;
          }
          if (statement instanceof IfTree early
              && early.getElseStatement() == null
              && NullComparisons.isNullWhen(early.getCondition(), false, field)
              && !Reachability.canCompleteNormally(early.getThenStatement())) {
            return true;
          }
        }
      }
      p = p.getParentPath();
    }
    return false;
  }

  private static boolean isLocal(Symbol symbol) {
    return symbol instanceof VarSymbol
        && (symbol.getKind() == ElementKind.LOCAL_VARIABLE
            || symbol.getKind() == ElementKind.RESOURCE_VARIABLE);
  }

  private String source(ExpressionTree tree) {
    String source = tree == null ? null : state.getSourceForNode(tree);
    return source == null ? "a collection" : source;
  }

  /** The outcomes seen so far: the most decisive kind wins, and of a kind, the first seen. */
  private static final class Outcomes {
    private final Map<Kind, Fate> byKind = new EnumMap<>(Kind.class);

    void add(Fate fate) {
      byKind.putIfAbsent(fate.kind(), fate);
    }

    Fate decide() {
      for (Kind kind : Kind.values()) {
        if (byKind.containsKey(kind)) {
          return byKind.get(kind);
        }
      }
      return Fate.of(Kind.STAYS_IN_METHOD);
    }
  }
}
