package io.github.leakprone.analysis;

import static com.google.errorprone.util.ASTHelpers.getReceiver;
import static com.google.errorprone.util.ASTHelpers.getSymbol;
import static com.google.errorprone.util.ASTHelpers.getType;

import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
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
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import io.github.leakprone.analysis.Fate.Kind;
import io.github.leakprone.catalog.ReleaseNames;
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

  /** Methods that add their argument to the collection or map they are called on. */
  private static final ImmutableSet<String> GROWTH_METHODS =
      ImmutableSet.of(
          "add",
          "addAll",
          "addFirst",
          "addLast",
          "addElement",
          "offer",
          "offerFirst",
          "offerLast",
          "push",
          "put",
          "putAll",
          "putIfAbsent",
          "set",
          "compute",
          "computeIfAbsent",
          "computeIfPresent",
          "merge",
          "replace");

  private static final ImmutableSet<String> CONTAINER_TYPES =
      ImmutableSet.of(
          "java.util.Collection", "java.util.Map", "com.google.common.collect.Multimap");

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
   * @param clientType the value's catalogued type; a call that takes the value and returns this
   *     type (a decorator such as {@code MoreExecutors.listeningDecorator}) is followed as the
   *     value
   */
  public static Fate analyse(TreePath creation, Tree body, Type clientType, VisitorState state) {
    Type wrapperType =
        clientType == null || clientType.toString().equals("java.lang.Object")
            ? getType(creation.getLeaf())
            : clientType;
    return new FateAnalysis(state, body, wrapperType).fateOf(creation, pathTo(body, creation));
  }

  /** The path from the compilation unit to {@code body}, an ancestor of {@code inner}'s leaf. */
  private static TreePath pathTo(Tree body, TreePath inner) {
    for (TreePath p = inner; p != null; p = p.getParentPath()) {
      if (p.getLeaf() == body) {
        return p;
      }
    }
    throw new IllegalArgumentException("body does not enclose the creation");
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
        && isCollectionGrowth(call)) {
      outcomes.add(new Fate(Kind.ADDED_TO_COLLECTION, source(getReceiver(call))));
    }
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
      if (isCollectionGrowth(invocation)
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

  private boolean isCollectionGrowth(MethodInvocationTree call) {
    ExpressionTree receiver = getReceiver(call);
    if (receiver == null || !GROWTH_METHODS.contains(getSymbol(call).getSimpleName().toString())) {
      return false;
    }
    Type receiverType = getType(receiver);
    return CONTAINER_TYPES.stream()
        .map(state::getTypeFromString)
        .anyMatch(t -> t != null && ASTHelpers.isSubtype(receiverType, t, state));
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
          && ((ifTree.getThenStatement() == child && isNullWhen(ifTree.getCondition(), true, field))
              || (ifTree.getElseStatement() == child
                  && isNullWhen(ifTree.getCondition(), false, field)))) {
        return true;
      }
      if (parent instanceof ConditionalExpressionTree conditional
          && ((conditional.getTrueExpression() == child
                  && isNullWhen(conditional.getCondition(), true, field))
              || (conditional.getFalseExpression() == child
                  && isNullWhen(conditional.getCondition(), false, field)))) {
        return true;
      }
      if (parent instanceof BlockTree block) {
        for (StatementTree statement : block.getStatements()) {
          if (statement == child) {
            break;
          }
          if (statement instanceof IfTree early
              && early.getElseStatement() == null
              && isNullWhen(early.getCondition(), false, field)
              && alwaysExits(early.getThenStatement())) {
            return true;
          }
        }
      }
      p = p.getParentPath();
    }
    return false;
  }

  /**
   * Whether {@code condition} compares {@code field} with null such that it evaluates to {@code
   * outcome} when the field is null: {@code field == null} for true, {@code field != null} for
   * false, also as an operand of {@code &&}, {@code ||} or {@code !}.
   */
  private static boolean isNullWhen(ExpressionTree condition, boolean outcome, VarSymbol field) {
    ExpressionTree e = ASTHelpers.stripParentheses(condition);
    if (e instanceof BinaryTree binary) {
      Tree.Kind nullWhenTrue = outcome ? Tree.Kind.EQUAL_TO : Tree.Kind.NOT_EQUAL_TO;
      if (binary.getKind() == nullWhenTrue) {
        return (isNull(binary.getLeftOperand()) && getSymbol(binary.getRightOperand()) == field)
            || (isNull(binary.getRightOperand()) && getSymbol(binary.getLeftOperand()) == field);
      }
      return (binary.getKind() == Tree.Kind.CONDITIONAL_AND
              || binary.getKind() == Tree.Kind.CONDITIONAL_OR)
          && (isNullWhen(binary.getLeftOperand(), outcome, field)
              || isNullWhen(binary.getRightOperand(), outcome, field));
    }
    return e instanceof UnaryTree not
        && not.getKind() == Tree.Kind.LOGICAL_COMPLEMENT
        && isNullWhen(not.getExpression(), !outcome, field);
  }

  /** Whether {@code statement} always ends in {@code return} or {@code throw}. */
  private static boolean alwaysExits(StatementTree statement) {
    if (statement instanceof BlockTree block) {
      List<? extends StatementTree> statements = block.getStatements();
      return !statements.isEmpty() && alwaysExits(statements.get(statements.size() - 1));
    }
    return statement instanceof ReturnTree || statement instanceof ThrowTree;
  }

  private static boolean isNull(ExpressionTree tree) {
    return tree.getKind() == Tree.Kind.NULL_LITERAL;
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
