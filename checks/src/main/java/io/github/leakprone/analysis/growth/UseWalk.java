package io.github.leakprone.analysis.growth;

import static com.google.errorprone.util.ASTHelpers.getReceiver;
import static com.google.errorprone.util.ASTHelpers.getSymbol;
import static com.google.errorprone.util.ASTHelpers.getType;
import static com.google.errorprone.util.ASTHelpers.stripParentheses;

import com.google.common.collect.ImmutableList;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import io.github.leakprone.catalog.ContainerCalls;
import io.github.leakprone.catalog.ContainerFlow;
import io.github.leakprone.catalog.ContainerKind;
import io.github.leakprone.trees.FirstFills;
import io.github.leakprone.trees.LambdaResults;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.lang.model.element.ElementKind;

/**
 * One use of a watched field, followed outwards from the reference while the tree at hand still
 * holds the field's content, one enclosing tree at a time. What the enclosing tree is decides what
 * the use does: the receiver of a call, the qualifier of a method reference, the value of a
 * declaration or assignment, an argument, a constructor argument. Growth through parts ({@code
 * CACHE.get(k).add(v)}) is recorded once, at the outermost growth call of the chain.
 */
final class UseWalk {

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

  private final FieldUses uses;
  private final ContainerTypes types;
  private final GrowthKeys keys;
  private final VarSymbol field;
  private final List<Step> chain = new ArrayList<>();

  /** Whether the tree at hand is the field itself, not a part of its content. */
  private boolean onField;

  UseWalk(FieldUses uses, ContainerTypes types, GrowthKeys keys, VarSymbol field, boolean onField) {
    this.uses = uses;
    this.types = types;
    this.keys = keys;
    this.field = field;
    this.onField = onField;
  }

  void from(TreePath reference) {
    for (TreePath p = reference; p != null; ) {
      p = next(p);
    }
    recordChain();
  }

  /** The enclosing tree that still holds the content, or null where the use ends. */
  private TreePath next(TreePath p) {
    Tree child = p.getLeaf();
    ImmutableList<ContainerKind> kinds = types.kindsOf(getType(child));
    if (kinds.isEmpty()) {
      return null; // an element that is no container: nothing of the field's content goes on
    }
    TreePath parentPath = p.getParentPath();
    Tree parent = parentPath.getLeaf();
    return switch (UseSite.of(p)) {
      case PASSED_ON -> parentPath;
      case RECEIVER ->
          onReceiver(
              parentPath.getParentPath(),
              (MethodInvocationTree) parentPath.getParentPath().getLeaf(),
              ((MemberSelectTree) parent).getIdentifier().toString(),
              kinds);
      case METHOD_REFERENCE -> {
        onMethodReference(parentPath, ((MemberReferenceTree) parent).getName().toString(), kinds);
        yield null;
      }
      case LOOPED_OVER -> {
        uses.alias(getSymbol(((EnhancedForLoopTree) parent).getVariable()), field);
        yield null;
      }
      case STORED -> {
        onStoredIn(
            getSymbol(
                parent instanceof AssignmentTree assignment ? assignment.getVariable() : parent));
        yield null;
      }
      case ARGUMENT -> onArgument(parentPath, (MethodInvocationTree) parent, child, kinds);
      case CONSTRUCTOR_ARGUMENT -> {
        onConstructorArgument((NewClassTree) parent);
        yield null;
      }
      case ESCAPES -> {
        uses.recordEscape(field);
        yield null;
      }
      case REPLACED, READ -> null;
    };
  }

  /**
   * The content receives a call: it may shrink, grow, be looked up in, hand out a view or a part
   * (followed on), hand its elements to a lambda, or have its size tested.
   */
  private TreePath onReceiver(
      TreePath callPath,
      MethodInvocationTree call,
      String name,
      ImmutableList<ContainerKind> kinds) {
    if (kinds.stream().anyMatch(k -> k.shrink().contains(name))
        || (ContainerCalls.REMOVE_ON_NULL.contains(name) && mayRemove(call))) {
      uses.recordShrink(
          field,
          callPath,
          ContainerCalls.SWEEPS.contains(name) || kinds.stream().noneMatch(ContainerKind::watched));
    }
    if (kinds.stream().anyMatch(k -> k.growth().contains(name))) {
      chain.add(
          new Step(
              callPath,
              name,
              kinds,
              onField,
              keys.isBounded(call, name, kinds),
              addsEveryCall(callPath, call, name, kinds)));
    }
    if (ContainerKind.LOOKUPS.contains(name) && !call.getArguments().isEmpty()) {
      uses.recordLookup(field, callPath);
    }
    if (ContainerKind.MEMBERSHIP_TESTS.contains(name) && !call.getArguments().isEmpty()) {
      uses.recordMembershipTest(field, callPath);
    }
    if (kinds.stream().anyMatch(k -> k.views().contains(name) || k.parts().contains(name))) {
      onField = false;
      return callPath;
    }
    if (ContainerCalls.ELEMENT_CALLBACKS.contains(name)) {
      aliasElementParameter(call);
    }
    if (ContainerCalls.SIZE_READS.contains(name) && isInCondition(callPath)) {
      uses.recordSizeGuard(field, callPath);
    }
    return null;
  }

  /** {@code FIELD::add}, {@code FIELD::remove}: a growth or shrink run wherever it is passed. */
  private void onMethodReference(
      TreePath reference, String name, ImmutableList<ContainerKind> kinds) {
    if (kinds.stream().anyMatch(k -> k.shrink().contains(name))) {
      uses.recordShrink(field, reference, ContainerCalls.SWEEPS.contains(name));
    } else if (kinds.stream().anyMatch(k -> k.growth().contains(name))) {
      boolean keyed = kinds.stream().anyMatch(k -> k.keyedGrowth().contains(name));
      uses.recordGrowth(field, reference, /* bounded= */ false, !keyed, Optional.empty());
    }
  }

  /**
   * The content is stored in {@code target}: a local holds it on (its uses are followed where the
   * scan meets them); anything but the field itself lets it escape.
   */
  private void onStoredIn(Symbol target) {
    if (target != null
        && (target.getKind() == ElementKind.LOCAL_VARIABLE
            || target.getKind() == ElementKind.RESOURCE_VARIABLE)) {
      uses.alias(target, field);
    } else if (target == null || !target.equals(field)) {
      uses.recordEscape(field);
    }
  }

  /**
   * The content is passed to a method: a static mutator grows or shrinks it ({@code
   * Collections.addAll}), a live wrapper holds it on, a read-only call or a store into the field's
   * own content keeps it in sight, and any other call may keep it.
   */
  private TreePath onArgument(
      TreePath callPath,
      MethodInvocationTree call,
      Tree child,
      ImmutableList<ContainerKind> kinds) {
    MethodSymbol method = getSymbol(call);
    Optional<Boolean> mutation = types.staticMutation(method);
    if (mutation.isPresent() && call.getArguments().indexOf(child) == 0) {
      if (mutation.get()) {
        boolean keyed = kinds.stream().anyMatch(k -> k.keyedGrowth().contains(ContainerCalls.ADD));
        chain.add(
            new Step(callPath, method.getSimpleName().toString(), kinds, false, false, !keyed));
      } else {
        uses.recordSweep(field, callPath);
      }
      return null;
    }
    if (types.matchesAny(method, ContainerFlow.PASS_THROUGH)) {
      onField = false;
      return callPath;
    }
    // Stored back into the field's own content (cache.put(key, inner)) is no escape.
    if (!types.matchesAny(method, ContainerFlow.READ_ONLY) && !isPartOf(getReceiver(call))) {
      uses.recordEscape(field);
    }
    return null;
  }

  /** The content is passed to a constructor, which may keep it unless it only copies it. */
  private void onConstructorArgument(NewClassTree newClass) {
    if (!types.matchesAny(getSymbol(newClass), ContainerFlow.READ_ONLY)) {
      uses.recordEscape(field);
    }
  }

  /** Map.forEach((key, value) -> ...) reaches values; Iterable.forEach(e -> ...) elements. */
  private void aliasElementParameter(MethodInvocationTree call) {
    if (!call.getArguments().isEmpty()
        && call.getArguments().get(0) instanceof LambdaExpressionTree lambda) {
      int parameter = lambda.getParameters().size() - 1;
      if (parameter >= 0) {
        uses.alias(getSymbol(lambda.getParameters().get(parameter)), field);
      }
    }
  }

  /** Records the chain's growth at its outermost call, bounded only if every step is. */
  private void recordChain() {
    if (chain.isEmpty()) {
      return;
    }
    Step outermost = chain.get(chain.size() - 1);
    // What the lazy first fill adds (if (FIELD == null) { FIELD = new ...; FIELD.add(...) }) goes
    // into the collection it has just made: bounded by the block, however often it runs.
    uses.recordGrowth(
        field,
        outermost.call(),
        chain.stream().allMatch(Step::bounded) || FirstFills.isInFirstFill(outermost.call(), field),
        chain.stream().anyMatch(Step::addsEveryCall),
        directGrowth());
  }

  /** For one growth call straight on the field, what undoes it (the fix removes with it). */
  private Optional<DirectGrowth> directGrowth() {
    Step first = chain.get(0);
    if (chain.size() != 1 || !first.onField()) {
      return Optional.empty();
    }
    return first.kinds().stream()
        .map(k -> k.removals().get(first.name()))
        .filter(Objects::nonNull)
        .findFirst()
        .map(removal -> new DirectGrowth((MethodInvocationTree) first.call().getLeaf(), removal));
  }

  /** Whether {@code expression} is the field, an alias of it, or a call on either. */
  private boolean isPartOf(ExpressionTree expression) {
    for (ExpressionTree e = expression; e != null; ) {
      e = stripParentheses(e);
      if (e instanceof MethodInvocationTree call) {
        e = getReceiver(call);
        continue;
      }
      Symbol symbol = getSymbol(e);
      return symbol != null && (symbol.equals(field) || field.equals(uses.aliasOf(symbol)));
    }
    return false;
  }

  /**
   * Whether the growth adds a new entry on every run: it is not keyed (a list's {@code add}), or
   * its key is new each time and it does not only fill in a missing key (a memoizing method, or a
   * keyed growth after a lookup of the same key: {@code if (MAP.get(k) == null) MAP.put(k, v)}).
   */
  private boolean addsEveryCall(
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
    if (ContainerCalls.BULK_GROWTH.contains(name)) {
      // The keys are the argument's, new or not as a key a method is given: not on every run.
      return false;
    }
    ExpressionTree key = call.getArguments().get(0);
    Optional<NodeContext> context = NodeContext.of(callPath);
    if (context.isEmpty() || uses.isLookedUp(field, context.get().node())) {
      return false;
    }
    return keys.isFresh(key, callPath, context.get().node());
  }

  /**
   * Whether the function of {@code compute}, {@code computeIfPresent} or {@code merge} may return
   * {@code null}, which removes the entry: a lambda with a {@code null} result.
   */
  private static boolean mayRemove(MethodInvocationTree call) {
    List<? extends ExpressionTree> arguments = call.getArguments();
    return !arguments.isEmpty()
        && arguments.get(arguments.size() - 1) instanceof LambdaExpressionTree lambda
        && LambdaResults.mayReturnNull(lambda);
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
}
