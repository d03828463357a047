package io.github.leakprone.analysis;

import static com.google.errorprone.util.ASTHelpers.getReceiver;
import static com.google.errorprone.util.ASTHelpers.getSymbol;
import static com.google.errorprone.util.ASTHelpers.getType;

import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import io.github.leakprone.analysis.Fate.Kind;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ElementKind;

/**
 * Follows a value built at one place through the per-call body that builds it: into locals (and
 * their aliases and wrappers), fields, collections, the caller, and release calls.
 *
 * <p>This is a syntactic approximation: a release counts as "on every path" when it sits in a {@code
 * finally} that comes after the value is built, or when try-with-resources holds the value.
 */
public final class FateAnalysis {

  /** Methods that add their argument to the collection or map they are called on. */
  private static final ImmutableSet<String> GROWTH_METHODS =
      ImmutableSet.of(
          "add", "addAll", "addFirst", "addLast", "addElement", "offer", "offerFirst", "offerLast",
          "push", "put", "putAll", "putIfAbsent", "set", "compute", "computeIfAbsent",
          "computeIfPresent", "merge", "replace");

  private static final ImmutableSet<String> CONTAINER_TYPES =
      ImmutableSet.of("java.util.Collection", "java.util.Map", "com.google.common.collect.Multimap");

  private final VisitorState state;
  private final Tree body;
  private final ImmutableSet<String> releaseMethods;
  /** A call whose argument is the value and whose result has this type wraps the value. */
  private final Type wrapperType;
  private final int builtAt;

  private FateAnalysis(
      VisitorState state, Tree body, ImmutableSet<String> releaseMethods, Type wrapperType, int builtAt) {
    this.state = state;
    this.body = body;
    this.releaseMethods = releaseMethods;
    this.wrapperType = wrapperType;
    this.builtAt = builtAt;
  }

  /**
   * The fate of the value that {@code creation} builds inside {@code body}.
   *
   * @param clientType the value's catalogued type; a call that takes the value and returns this type
   *     (a decorator such as {@code MoreExecutors.listeningDecorator}) is followed as the value
   */
  public static Fate analyse(
      TreePath creation,
      Tree body,
      ImmutableSet<String> releaseMethods,
      Type clientType,
      VisitorState state) {
    Type wrapperType =
        clientType == null || clientType.toString().equals("java.lang.Object")
            ? getType(creation.getLeaf())
            : clientType;
    FateAnalysis analysis =
        new FateAnalysis(
            state,
            body,
            releaseMethods,
            wrapperType,
            ASTHelpers.getStartPosition(creation.getLeaf()));
    return analysis.fateOf(creation, pathTo(body, creation));
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

      @Override
      public Void visitTry(TryTree tree, Void unused) {
        for (Tree resource : tree.getResources()) {
          if (symbols.contains(getSymbol(resource))) {
            outcomes.add(Fate.of(Kind.RELEASED_ON_EVERY_PATH));
          }
        }
        return super.visitTry(tree, null);
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
        if (isTryResource(valuePath.getParentPath())) {
          outcomes.add(Fate.of(Kind.RELEASED_ON_EVERY_PATH));
        }
      }
    } else if (parent instanceof AssignmentTree assignment && assignment.getExpression() == value) {
      Symbol target = getSymbol(assignment.getVariable());
      if (isLocal(target)) {
        locals.add((VarSymbol) target);
      } else if (target instanceof VarSymbol field) {
        outcomes.add(
            new Fate(
                isNullChecked(field) ? Kind.KEPT_ONCE : Kind.STORED_IN_FIELD,
                field.getSimpleName().toString(),
                0));
      }
    } else if (parent instanceof MethodInvocationTree call && call.getArguments().contains(value)) {
      if (isCollectionGrowth(call)) {
        outcomes.add(new Fate(Kind.ADDED_TO_COLLECTION, source(getReceiver(call)), 0));
      } else if (isReleaseHelper(call)) {
        outcomes.add(releaseAt(valuePath.getParentPath()));
      }
    } else if (parent instanceof MemberSelectTree select
        && releaseMethods.contains(select.getIdentifier().toString())
        && valuePath.getParentPath().getParentPath().getLeaf() instanceof MethodInvocationTree) {
      outcomes.add(releaseAt(valuePath.getParentPath().getParentPath()));
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
      if (isCollectionGrowth(invocation) || isReleaseHelper(invocation)) {
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
    if (receiver == null
        || !GROWTH_METHODS.contains(getSymbol(call).getSimpleName().toString())) {
      return false;
    }
    Type receiverType = getType(receiver);
    return CONTAINER_TYPES.stream()
        .map(state::getTypeFromString)
        .anyMatch(t -> t != null && ASTHelpers.isSubtype(receiverType, t, state));
  }

  /** {@code IOUtils.closeQuietly(x)}, {@code MoreExecutors.shutdownAndAwaitTermination(x, ...)}. */
  private static boolean isReleaseHelper(MethodInvocationTree call) {
    String name = getSymbol(call).getSimpleName().toString().toLowerCase(Locale.ROOT);
    return name.contains("close") || name.contains("shutdown") || name.contains("release");
  }

  private Fate releaseAt(TreePath call) {
    for (TreePath p = call; p.getParentPath() != null; p = p.getParentPath()) {
      if (p.getParentPath().getLeaf() instanceof TryTree tryTree
          && tryTree.getFinallyBlock() == p.getLeaf()
          && ASTHelpers.getStartPosition(p.getLeaf()) > builtAt) {
        return Fate.of(Kind.RELEASED_ON_EVERY_PATH);
      }
      if (p.getLeaf() == body) {
        break;
      }
    }
    int position = ASTHelpers.getStartPosition(call.getLeaf());
    int line = (int) state.getPath().getCompilationUnit().getLineMap().getLineNumber(position);
    return new Fate(Kind.RELEASED_ON_NORMAL_PATH, "", line);
  }

  private static boolean isTryResource(TreePath variable) {
    return variable.getParentPath().getLeaf() instanceof TryTree tryTree
        && tryTree.getResources().contains(variable.getLeaf());
  }

  /** Whether the body compares {@code field} with null anywhere: the mark of lazy initialisation. */
  private boolean isNullChecked(VarSymbol field) {
    boolean[] checked = new boolean[1];
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitBinary(BinaryTree tree, Void unused) {
        boolean comparison =
            tree.getKind() == Tree.Kind.EQUAL_TO || tree.getKind() == Tree.Kind.NOT_EQUAL_TO;
        if (comparison
            && ((isNull(tree.getLeftOperand()) && getSymbol(tree.getRightOperand()) == field)
                || (isNull(tree.getRightOperand()) && getSymbol(tree.getLeftOperand()) == field))) {
          checked[0] = true;
        }
        return super.visitBinary(tree, null);
      }
    }.scan(body, null);
    return checked[0];
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
      return Fate.of(Kind.NOT_RELEASED);
    }
  }
}
