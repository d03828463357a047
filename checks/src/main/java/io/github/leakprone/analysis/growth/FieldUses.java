package io.github.leakprone.analysis.growth;

import static com.google.errorprone.util.ASTHelpers.getReceiver;
import static com.google.errorprone.util.ASTHelpers.getSymbol;
import static com.google.errorprone.util.ASTHelpers.getType;
import static com.google.errorprone.util.ASTHelpers.isStatic;
import static com.google.errorprone.util.ASTHelpers.stripParentheses;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.InstanceOfTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import io.github.leakprone.catalog.ContainerFlow;
import io.github.leakprone.catalog.ContainerKind;
import io.github.leakprone.catalog.ContainerKind.Removal;
import io.github.leakprone.catalog.ContainerKinds;
import io.github.leakprone.trees.ConstantExpressions;
import io.github.leakprone.trees.LocalVariables;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ElementKind;

/**
 * Follows every use of the watched fields through one compilation unit: where each grows or
 * shrinks, whether it escapes, what values it is given, and who calls whom.
 *
 * <p>A use is followed outwards from the field through calls that hand out a live part of it (a
 * view such as {@code keySet()} or {@code iterator()}, an inner collection such as {@code
 * get(key)}), and through locals, loop variables and lambda parameters that hold such a part. It
 * ends at a growth or shrink call, at a use that only reads, or at an escape: the part is returned,
 * stored in a field, or passed to a method that may keep it.
 */
final class FieldUses {

  /** What is known about one watched field. */
  static final class Facts {
    final List<ExpressionTree> values = new ArrayList<>();
    final List<Change> changes = new ArrayList<>();
    final Set<Node> sizeGuarded = new HashSet<>();
    final Set<Lookup> lookups = new HashSet<>();
    boolean escapes;
  }

  /** Shrinks that remove by condition or wholesale rather than one given entry. */
  private static final ImmutableSet<String> SWEEPS =
      ImmutableSet.of("removeIf", "retainAll", "removeAll", "clear", "drainTo", "invalidateAll");

  /** Growth methods that also remove the entry when their function returns null. */
  private static final ImmutableSet<String> REMAPPING = ImmutableSet.of("compute", "merge");

  final Map<VarSymbol, Facts> facts = new HashMap<>();
  final CallGraph graph = new CallGraph();
  final Set<Node> nodes = new HashSet<>();

  private final UnitIndex index;
  private final ContainerTypes types;
  private final Map<Symbol, VarSymbol> aliases = new HashMap<>();

  private FieldUses(UnitIndex index, ContainerTypes types) {
    this.index = index;
    this.types = types;
    index.fields.keySet().forEach(field -> facts.put(field, new Facts()));
  }

  static FieldUses scan(TreePath unit, UnitIndex index, ContainerTypes types, VisitorState state) {
    FieldUses uses = new FieldUses(index, types);
    uses.new Scanner(state).scan(unit, null);
    return uses;
  }

  /** A key looked up in a node, by its source text. */
  record Lookup(Node node, String key) {
    // equals and hashCode written out: a record's own are linked through method handles on first
    // use, a cost every build pays again, in code that runs cold (docs/performance.md).
    @Override
    public boolean equals(Object other) {
      return other instanceof Lookup that
          && Objects.equals(node, that.node)
          && Objects.equals(key, that.key);
    }

    @Override
    public int hashCode() {
      return 31 * Objects.hashCode(node) + Objects.hashCode(key);
    }
  }

  /** Where code runs: its node, and whether it sits in a lambda there (so runs later). */
  record Context(Node node, boolean deferred) {}

  static Optional<Context> contextOf(TreePath path) {
    boolean deferred = false;
    Tree previous = null;
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof LambdaExpressionTree) {
        deferred = true;
        Optional<VarSymbol> field = initializedField(p);
        if (field.isPresent()) {
          return Optional.of(new Context(new Node(field.get(), Node.Kind.FIELD_LAMBDA), true));
        }
      } else if (leaf instanceof MethodTree method) {
        MethodSymbol symbol = getSymbol(method);
        return symbol == null
            ? Optional.empty()
            : Optional.of(new Context(new Node(symbol, Node.Kind.METHOD), deferred));
      } else if (leaf instanceof ClassTree classTree) {
        ClassSymbol symbol = getSymbol(classTree);
        boolean isStatic =
            (previous instanceof VariableTree variable && isStatic(getSymbol(variable)))
                || (previous instanceof BlockTree block && block.isStatic());
        return symbol == null
            ? Optional.empty()
            : Optional.of(
                new Context(
                    new Node(symbol, isStatic ? Node.Kind.STATIC_INIT : Node.Kind.INSTANCE_INIT),
                    deferred));
      }
      previous = leaf;
    }
    return Optional.empty();
  }

  /**
   * The field whose initializer holds the lambda at {@code lambda}, if no method or class lies in
   * between: {@code static final Function<K, V> LOADER = k -> ...}. (A lambda in an initializer
   * block is taken to run there, as {@code list.forEach(...)} does.)
   */
  private static Optional<VarSymbol> initializedField(TreePath lambda) {
    for (TreePath p = lambda.getParentPath(); p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof VariableTree variable
          && p.getParentPath() != null
          && p.getParentPath().getLeaf() instanceof ClassTree) {
        return Optional.ofNullable(getSymbol(variable));
      }
      if (leaf instanceof MethodTree || leaf instanceof ClassTree || leaf instanceof BlockTree) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private final class Scanner extends TreePathScanner<Void, Void> {
    private final VisitorState state;

    Scanner(VisitorState state) {
      this.state = state;
    }

    @Override
    public Void visitIdentifier(IdentifierTree tree, Void unused) {
      Symbol symbol = getSymbol(tree);
      if (symbol != null) {
        if (facts.containsKey(symbol)) {
          follow(getCurrentPath(), (VarSymbol) symbol, true);
        } else if (aliases.containsKey(symbol)) {
          follow(getCurrentPath(), aliases.get(symbol), false);
        }
      }
      return null;
    }

    @Override
    public Void visitMemberSelect(MemberSelectTree tree, Void unused) {
      Symbol symbol = getSymbol(tree);
      if (symbol != null && facts.containsKey(symbol)) {
        follow(getCurrentPath(), (VarSymbol) symbol, true);
      }
      return super.visitMemberSelect(tree, null);
    }

    @Override
    public Void visitVariable(VariableTree tree, Void unused) {
      Symbol symbol = getSymbol(tree);
      if (symbol != null && facts.containsKey(symbol) && tree.getInitializer() != null) {
        facts.get(symbol).values.add(tree.getInitializer());
      }
      return super.visitVariable(tree, null);
    }

    @Override
    public Void visitAssignment(AssignmentTree tree, Void unused) {
      Symbol symbol = getSymbol(tree.getVariable());
      if (symbol != null && facts.containsKey(symbol)) {
        VarSymbol field = (VarSymbol) symbol;
        facts.get(field).values.add(tree.getExpression());
        Optional<Context> context = contextOf(getCurrentPath());
        // A new value empties the field, unless it only fills an empty one (lazy initialisation).
        if (context.isPresent()
            && context.get().node().kind() != Node.Kind.STATIC_INIT
            && !isLazyInitialisation(getCurrentPath(), field)) {
          record(Change.Kind.SHRINK, field, getCurrentPath(), true, false, false, Optional.empty());
        }
      }
      return super.visitAssignment(tree, null);
    }

    @Override
    public Void visitMethod(MethodTree tree, Void unused) {
      MethodSymbol symbol = getSymbol(tree);
      if (symbol != null) {
        Node node = new Node(symbol, Node.Kind.METHOD);
        nodes.add(node);
        if (symbol.isConstructor() && symbol.owner instanceof ClassSymbol owner) {
          graph.add(node, new Node(owner, Node.Kind.INSTANCE_INIT), false);
        }
      }
      return super.visitMethod(tree, null);
    }

    @Override
    public Void visitClass(ClassTree tree, Void unused) {
      ClassSymbol symbol = getSymbol(tree);
      if (symbol != null) {
        nodes.add(new Node(symbol, Node.Kind.STATIC_INIT));
        nodes.add(new Node(symbol, Node.Kind.INSTANCE_INIT));
        // A local or anonymous class's methods run whenever its creator's object is called back.
        TreePath parent = getCurrentPath().getParentPath();
        Optional<Context> creator =
            parent.getLeaf() instanceof ClassTree ? Optional.empty() : contextOf(parent);
        if (creator.isPresent()) {
          for (MethodSymbol method : index.methodsOf.get(symbol)) {
            graph.add(creator.get().node(), new Node(method, Node.Kind.METHOD), true);
          }
        }
      }
      return super.visitClass(tree, null);
    }

    @Override
    public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
      calls(getSymbol(tree), false);
      return super.visitMethodInvocation(tree, null);
    }

    @Override
    public Void visitNewClass(NewClassTree tree, Void unused) {
      calls(getSymbol(tree), false);
      return super.visitNewClass(tree, null);
    }

    @Override
    public Void visitMemberReference(MemberReferenceTree tree, Void unused) {
      calls(getSymbol(tree), true);
      return super.visitMemberReference(tree, null);
    }

    private void calls(Symbol callee, boolean deferred) {
      if (callee instanceof MethodSymbol method && index.methods.containsKey(method)) {
        contextOf(getCurrentPath())
            .ifPresent(
                context ->
                    graph.add(
                        context.node(),
                        new Node(method, Node.Kind.METHOD),
                        deferred || context.deferred()));
      }
    }

    /**
     * One step of a growth chain: a growth call, whether it is bounded, and whether it adds a new
     * entry on every run (see {@link Change#addsEveryCall}).
     */
    private record Step(
        TreePath call,
        String name,
        ImmutableList<ContainerKind> kinds,
        boolean onField,
        boolean bounded,
        boolean addsEveryCall) {}

    private void follow(TreePath reference, VarSymbol field, boolean onField) {
      List<Step> chain = new ArrayList<>();
      TreePath p = reference;
      boolean direct = onField;
      while (true) {
        Tree child = p.getLeaf();
        Type childType = getType(child);
        ImmutableList<ContainerKind> kinds = types.kindsOf(childType);
        if (kinds.isEmpty()) {
          break; // an element that is no container: nothing of the field's content goes on
        }
        TreePath parentPath = p.getParentPath();
        Tree parent = parentPath.getLeaf();
        if (parent instanceof ParenthesizedTree || parent instanceof TypeCastTree) {
          p = parentPath;
          continue;
        }
        if (parent instanceof MemberSelectTree select
            && parentPath.getParentPath().getLeaf() instanceof MethodInvocationTree call
            && call.getMethodSelect() == select) {
          TreePath callPath = parentPath.getParentPath();
          String name = select.getIdentifier().toString();
          boolean grows = kinds.stream().anyMatch(k -> k.growth().contains(name));
          boolean shrinks =
              kinds.stream().anyMatch(k -> k.shrink().contains(name))
                  || ((REMAPPING.contains(name) || name.equals("computeIfPresent"))
                      && mayRemove(call));
          if (shrinks) {
            boolean sweep =
                SWEEPS.contains(name) || kinds.stream().noneMatch(ContainerKind::watched);
            record(Change.Kind.SHRINK, field, callPath, sweep, false, false, Optional.empty());
          }
          if (grows) {
            chain.add(
                new Step(
                    callPath,
                    name,
                    kinds,
                    direct,
                    isBoundedGrowth(call, name, kinds),
                    addsEveryCall(field, callPath, call, name, kinds)));
          }
          if (ContainerKind.LOOKUPS.contains(name) && !call.getArguments().isEmpty()) {
            contextOf(callPath)
                .ifPresent(
                    c ->
                        facts
                            .get(field)
                            .lookups
                            .add(new Lookup(c.node(), keyText(call.getArguments().get(0)))));
          }
          if (kinds.stream().anyMatch(k -> k.views().contains(name) || k.parts().contains(name))) {
            p = callPath;
            direct = false;
            continue;
          }
          if ((name.equals("forEach") || name.equals("forEachRemaining"))
              && !call.getArguments().isEmpty()
              && call.getArguments().get(0) instanceof LambdaExpressionTree lambda) {
            // Map.forEach((key, value) -> ...) reaches values; Iterable.forEach(e -> ...) elements.
            int parameter = lambda.getParameters().size() - 1;
            if (parameter >= 0) {
              aliases.put(getSymbol(lambda.getParameters().get(parameter)), field);
            }
          }
          if (name.equals("size") && isInCondition(callPath)) {
            contextOf(callPath).ifPresent(c -> facts.get(field).sizeGuarded.add(c.node()));
          }
          break;
        }
        if (parent instanceof MemberReferenceTree methodReference
            && methodReference.getQualifierExpression() == child) {
          String name = methodReference.getName().toString();
          if (kinds.stream().anyMatch(k -> k.shrink().contains(name))) {
            record(
                Change.Kind.SHRINK,
                field,
                parentPath,
                SWEEPS.contains(name),
                false,
                false,
                Optional.empty());
          } else if (kinds.stream().anyMatch(k -> k.growth().contains(name))) {
            boolean keyed = kinds.stream().anyMatch(k -> k.keyedGrowth().contains(name));
            record(Change.Kind.GROWTH, field, parentPath, false, false, !keyed, Optional.empty());
          }
          break;
        }
        if (parent instanceof EnhancedForLoopTree loop && loop.getExpression() == child) {
          aliases.put(getSymbol(loop.getVariable()), field);
          break;
        }
        if (parent instanceof VariableTree variable) {
          aliasOrEscape(getSymbol(variable), field);
          break;
        }
        if (parent instanceof AssignmentTree assignment) {
          if (assignment.getExpression() == child) {
            aliasOrEscape(getSymbol(assignment.getVariable()), field);
          }
          break;
        }
        if (parent instanceof MethodInvocationTree call) {
          MethodSymbol method = getSymbol(call);
          Optional<Boolean> mutation = types.staticMutation(method);
          if (mutation.isPresent() && call.getArguments().indexOf(child) == 0) {
            if (mutation.get()) {
              boolean keyed = kinds.stream().anyMatch(k -> k.keyedGrowth().contains("add"));
              chain.add(
                  new Step(
                      parentPath, method.getSimpleName().toString(), kinds, false, false, !keyed));
            } else {
              record(Change.Kind.SHRINK, field, parentPath, true, false, false, Optional.empty());
            }
            break;
          }
          if (types.matchesAny(method, ContainerFlow.PASS_THROUGH)) {
            p = parentPath;
            direct = false;
            continue;
          }
          // Stored back into the field's own content (cache.put(key, inner)) is no escape.
          if (!types.matchesAny(method, ContainerFlow.READ_ONLY)
              && !isPartOf(getReceiver(call), field)) {
            facts.get(field).escapes = true;
          }
          break;
        }
        if (parent instanceof NewClassTree newClass) {
          if (!types.matchesAny(getSymbol(newClass), ContainerFlow.READ_ONLY)) {
            facts.get(field).escapes = true;
          }
          break;
        }
        if (parent instanceof ConditionalExpressionTree conditional
            && conditional.getCondition() != child) {
          p = parentPath;
          continue;
        }
        if (parent instanceof BinaryTree
            || parent instanceof InstanceOfTree
            || parent instanceof SynchronizedTree
            || parent instanceof ExpressionStatementTree) {
          break;
        }
        // Returned, a lambda's result, put in an array or anywhere else: it leaves our sight.
        facts.get(field).escapes = true;
        break;
      }
      if (!chain.isEmpty()) {
        Step outermost = chain.get(chain.size() - 1);
        boolean bounded = chain.stream().allMatch(Step::bounded);
        boolean addsEveryCall = chain.stream().anyMatch(Step::addsEveryCall);
        Optional<DirectGrowth> growth = Optional.empty();
        Step first = chain.get(0);
        if (chain.size() == 1 && first.onField()) {
          growth =
              first.kinds().stream()
                  .map(k -> k.removals().get(first.name()))
                  .filter(r -> r != null)
                  .findFirst()
                  .map(
                      (Removal removal) ->
                          new DirectGrowth((MethodInvocationTree) first.call().getLeaf(), removal));
        }
        record(Change.Kind.GROWTH, field, outermost.call(), false, bounded, addsEveryCall, growth);
      }
    }

    /** Whether {@code expression} is the field, an alias of it, or a call on either. */
    private boolean isPartOf(ExpressionTree expression, VarSymbol field) {
      for (ExpressionTree e = expression; e != null; ) {
        e = stripParentheses(e);
        if (e instanceof MethodInvocationTree call) {
          e = getReceiver(call);
          continue;
        }
        Symbol symbol = getSymbol(e);
        return symbol != null && (symbol.equals(field) || field.equals(aliases.get(symbol)));
      }
      return false;
    }

    /**
     * Whether the growth adds a new entry on every run: it is not keyed (a list's {@code add}), or
     * its key is new each time and it does not only fill in a missing key (a memoizing method, or a
     * keyed growth after a lookup of the same key: {@code if (MAP.get(k) == null) MAP.put(k, v)}).
     */
    private boolean addsEveryCall(
        VarSymbol field,
        TreePath callPath,
        MethodInvocationTree call,
        String name,
        ImmutableList<ContainerKind> kinds) {
      if (kinds.stream().anyMatch(k -> k.memoizing().contains(name))) {
        return false;
      }
      if (call.getArguments().isEmpty()
          || kinds.stream().noneMatch(k -> k.keyedGrowth().contains(name))) {
        return true;
      }
      ExpressionTree key = call.getArguments().get(0);
      Optional<Context> context = contextOf(callPath);
      if (context.isEmpty()
          || facts.get(field).lookups.contains(new Lookup(context.get().node(), keyText(key)))) {
        return false;
      }
      return isFresh(key, callPath, context.get().node(), 0);
    }

    /**
     * Whether {@code key} is new on every run: a new object (or a builder chain from one), {@code
     * this} in a constructor, a random UUID, a clock or counter reading, text made from one, or a
     * local that only ever holds one.
     */
    private boolean isFresh(ExpressionTree key, TreePath where, Node node, int depth) {
      ExpressionTree e = stripParentheses(key);
      while (e instanceof TypeCastTree cast) {
        e = stripParentheses(cast.getExpression());
      }
      if (depth > 4) {
        return false;
      }
      if (e instanceof NewClassTree || e instanceof NewArrayTree) {
        return true;
      }
      if (e instanceof BinaryTree binary && binary.getKind() == Tree.Kind.PLUS) {
        return isFresh(binary.getLeftOperand(), where, node, depth + 1)
            || isFresh(binary.getRightOperand(), where, node, depth + 1);
      }
      if (e instanceof MethodInvocationTree call) {
        if (types.matchesAny(getSymbol(call), ContainerKinds.FRESH_VALUES)) {
          return true;
        }
        ExpressionTree receiver = getReceiver(call);
        if (receiver != null) {
          return isFresh(receiver, where, node, depth + 1);
        }
        return call.getArguments().size() == 1
            && getSymbol(call) != null
            && getSymbol(call).getSimpleName().contentEquals("valueOf")
            && isFresh(call.getArguments().get(0), where, node, depth + 1);
      }
      if (e instanceof IdentifierTree identifier) {
        if (identifier.getName().contentEquals("this")) {
          return node.kind() == Node.Kind.INSTANCE_INIT
              || (node.symbol() instanceof MethodSymbol method && method.isConstructor());
        }
        Symbol symbol = getSymbol(identifier);
        Tree body = LocalVariables.enclosingMethodOrClass(where);
        if (symbol instanceof VarSymbol var
            && var.getKind() == ElementKind.LOCAL_VARIABLE
            && body != null
            && !LocalVariables.isAssigned(var, body)) {
          Optional<VariableTree> declaration = LocalVariables.declaration(var, body);
          return declaration.isPresent()
              && declaration.get().getInitializer() != null
              && isFresh(declaration.get().getInitializer(), where, node, depth + 1);
        }
      }
      return false;
    }

    private String keyText(ExpressionTree key) {
      String source = state.getSourceForNode(key);
      // Without source text the key matches no lookup: the growth is then judged as no cache.
      return source == null ? "@" + System.identityHashCode(key) : source.replace("this.", "");
    }

    private void aliasOrEscape(Symbol target, VarSymbol field) {
      if (target != null
          && (target.getKind() == ElementKind.LOCAL_VARIABLE
              || target.getKind() == ElementKind.RESOURCE_VARIABLE)) {
        aliases.put(target, field);
      } else if (target == null || !target.equals(field)) {
        facts.get(field).escapes = true;
      }
    }

    /**
     * A keyed growth ({@code put}, a set's {@code add}) with a constant key, or a key from a finite
     * domain, adds at most one entry per key the program names. So does an {@code add} of such an
     * element to a collection not known to keep duplicates (declared as a {@code Collection} that
     * is in fact a set: a list of classes still grows).
     */
    private boolean isBoundedGrowth(
        MethodInvocationTree call, String name, ImmutableList<ContainerKind> kinds) {
      if (call.getArguments().isEmpty()) {
        return false;
      }
      ExpressionTree key = call.getArguments().get(0);
      if (kinds.stream().anyMatch(k -> k.keyedGrowth().contains(name))) {
        return ConstantExpressions.isConstant(key, state) || types.isFiniteKey(getType(key));
      }
      Type receiver = getType(getReceiver(call));
      return name.equals("add")
          && call.getArguments().size() == 1
          && types.isFiniteKey(getType(key))
          && ContainerKinds.KEEPS_DUPLICATES.stream()
              .noneMatch(type -> types.isSubtypeOf(receiver, type));
    }

    private void record(
        Change.Kind kind,
        VarSymbol field,
        TreePath path,
        boolean sweep,
        boolean bounded,
        boolean memo,
        Optional<DirectGrowth> direct) {
      contextOf(path)
          .ifPresent(
              context ->
                  facts
                      .get(field)
                      .changes
                      .add(
                          new Change(
                              kind,
                              field,
                              path,
                              context.node(),
                              context.deferred(),
                              sweep,
                              bounded,
                              memo,
                              direct)));
    }
  }

  /**
   * Whether the remapping function of {@code compute}, {@code computeIfPresent} or {@code merge}
   * may return {@code null}, which removes the entry: a lambda with a {@code null} result.
   */
  private static boolean mayRemove(MethodInvocationTree call) {
    if (call.getArguments().isEmpty()
        || !(call.getArguments().get(call.getArguments().size() - 1)
            instanceof LambdaExpressionTree lambda)) {
      return false;
    }
    if (lambda.getBody() instanceof ExpressionTree body) {
      return mayBeNull(body);
    }
    boolean[] found = new boolean[1];
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitReturn(ReturnTree tree, Void unused) {
        found[0] |= tree.getExpression() != null && mayBeNull(tree.getExpression());
        return null;
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree tree, Void unused) {
        return null;
      }

      @Override
      public Void visitClass(ClassTree tree, Void unused) {
        return null;
      }
    }.scan(lambda.getBody(), null);
    return found[0];
  }

  private static boolean mayBeNull(ExpressionTree expression) {
    ExpressionTree e = expression;
    while (e instanceof ParenthesizedTree parenthesized) {
      e = parenthesized.getExpression();
    }
    if (e.getKind() == Tree.Kind.NULL_LITERAL) {
      return true;
    }
    return e instanceof ConditionalExpressionTree conditional
        && (mayBeNull(conditional.getTrueExpression())
            || mayBeNull(conditional.getFalseExpression()));
  }

  /** Whether the call's value decides a branch: the condition of an if, a loop or a ?:. */
  private static boolean isInCondition(TreePath path) {
    Tree child = path.getLeaf();
    for (TreePath p = path.getParentPath(); p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if ((leaf instanceof IfTree t && t.getCondition() == child)
          || (leaf instanceof WhileLoopTree w && w.getCondition() == child)
          || (leaf instanceof DoWhileLoopTree d && d.getCondition() == child)
          || (leaf instanceof ForLoopTree f && f.getCondition() == child)
          || (leaf instanceof ConditionalExpressionTree c && c.getCondition() == child)) {
        return true;
      }
      if (leaf instanceof MethodTree || leaf instanceof ClassTree || leaf instanceof BlockTree) {
        return false;
      }
      child = leaf;
    }
    return false;
  }

  /**
   * {@code if (FIELD == null) FIELD = ...}: the assignment fills an empty field, empties nothing.
   */
  private static boolean isLazyInitialisation(TreePath assignment, VarSymbol field) {
    for (TreePath p = assignment.getParentPath(); p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof IfTree ifTree && comparesWithNull(ifTree.getCondition(), field)) {
        return true;
      }
      if (leaf instanceof MethodTree || leaf instanceof ClassTree) {
        return false;
      }
    }
    return false;
  }

  private static boolean comparesWithNull(ExpressionTree condition, VarSymbol field) {
    boolean[] found = new boolean[1];
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitBinary(BinaryTree tree, Void unused) {
        if (tree.getKind() == Tree.Kind.EQUAL_TO) {
          ExpressionTree left = tree.getLeftOperand();
          ExpressionTree right = tree.getRightOperand();
          found[0] |=
              (left.getKind() == Tree.Kind.NULL_LITERAL && field.equals(getSymbol(right)))
                  || (right.getKind() == Tree.Kind.NULL_LITERAL && field.equals(getSymbol(left)));
        }
        return super.visitBinary(tree, null);
      }
    }.scan(condition, null);
    return found[0];
  }
}
