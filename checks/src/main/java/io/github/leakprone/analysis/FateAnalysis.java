package io.github.leakprone.analysis;

import static com.google.errorprone.util.ASTHelpers.getReceiver;
import static com.google.errorprone.util.ASTHelpers.getSymbol;
import static com.google.errorprone.util.ASTHelpers.getType;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.api.JavacTrees;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import io.github.leakprone.analysis.Fate.Kind;
import io.github.leakprone.catalog.ClientLifecycles;
import io.github.leakprone.catalog.ContainerStores;
import io.github.leakprone.catalog.LifecyclePair;
import io.github.leakprone.catalog.LifecyclePairs;
import io.github.leakprone.catalog.MethodPattern;
import io.github.leakprone.catalog.MethodPattern.Named;
import io.github.leakprone.catalog.ReleaseNames;
import io.github.leakprone.trees.GuardedCode;
import io.github.leakprone.trees.HolderFields;
import io.github.leakprone.trees.Loops;
import io.github.leakprone.trees.NullComparisons;
import io.github.leakprone.trees.PrivateCalls;
import io.github.leakprone.trees.Receivers;
import io.github.leakprone.trees.ReturnedValues;
import io.github.leakprone.trees.SameBodyScanner;
import io.github.leakprone.trees.TemplateHooks;
import io.github.leakprone.trees.TreePaths;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.Nullable;
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

  /** Where the value is built, and the per-call body around it. */
  private final TreePath creation;

  private final TreePath bodyPath;

  private FateAnalysis(VisitorState state, TreePath creation, Tree body, Type wrapperType) {
    this.state = state;
    this.creation = creation;
    this.body = body;
    this.bodyPath = TreePaths.pathTo(body, creation);
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
    return new FateAnalysis(state, creation, body, wrapperType).fate();
  }

  private Fate fate() {
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
    VarSymbol holder =
        parent instanceof MethodInvocationTree holding
            ? HolderFields.storedInto(holding, value)
            : null;
    if (parent instanceof ReturnTree
        || (parent instanceof LambdaExpressionTree lambda && lambda.getBody() == value)
        || handedToReturnedObject(valuePath)) {
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
                isGuardedByNullCheck(field)
                        || isOwnedByLifecycle(field)
                        || isReleasedBeforeReplaced(valuePath.getParentPath(), field)
                        || isReleasedInAFinallyAfter(valuePath.getParentPath(), field)
                        || isReleasedLaterInItsBlock(valuePath.getParentPath(), field)
                    ? Kind.KEPT_ONCE
                    : Kind.STORED_IN_FIELD,
                field.getSimpleName().toString()));
        if (fieldHandedToReturnedObject(field)) {
          // zip4j's `executor = newSingleThreadExecutor(); return new Task(executor, ...)`: the
          // field only remembers what leaves with the returned object, which owns it.
          outcomes.add(Fate.of(Kind.RETURNED));
        }
      }
    } else if (holder != null) {
      // execServiceRef.compareAndSet(null, pool): the object keeps it, as in a field of its own
      // (DBOS's queue service, which builds its pool only while the reference holds none).
      outcomes.add(
          new Fate(
              isGuardedByNullCheck(holder) || isOwnedByLifecycle(holder)
                  ? Kind.KEPT_ONCE
                  : Kind.STORED_IN_FIELD,
              holder.getSimpleName().toString()));
    } else if (parent instanceof MethodInvocationTree call
        && call.getArguments().contains(value)
        && ContainerStores.storesArgument(call, state)) {
      outcomes.add(
          new Fate(
              isCachedPerKey(call, value)
                      || isReleasedBeforeKept(valuePath.getParentPath(), call)
                      || isKeptForItsLifecycle(getReceiver(call))
                  ? Kind.KEPT_ONCE
                  : Kind.ADDED_TO_COLLECTION,
              source(getReceiver(call))));
    }
  }

  /** Whether the body hands {@code field}'s value to an object it returns. */
  private boolean fieldHandedToReturnedObject(VarSymbol field) {
    boolean[] handed = {false};
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree tree, Void unused) {
        if (getSymbol(tree) == field && handedToReturnedObject(climbWrappers(getCurrentPath()))) {
          handed[0] = true;
        }
        return null;
      }
    }.scan(bodyPath, null);
    return handed[0];
  }

  /**
   * Whether the value at {@code valuePath} is handed to an object that the body returns: an
   * argument of a constructor or of a builder's fluent call ({@code new Retrofit.Builder()
   * .client(client).build()}), whose result, through further calls on it, is returned directly or
   * through a local. The client then leaves with what the method builds, as from a factory.
   */
  private boolean handedToReturnedObject(TreePath valuePath) {
    TreePath holder = valuePath.getParentPath();
    Tree value = valuePath.getLeaf();
    boolean handed =
        (holder.getLeaf() instanceof NewClassTree newClass
                && newClass.getArguments().contains(value))
            || (holder.getLeaf() instanceof MethodInvocationTree call
                && call.getArguments().contains(value)
                && isFluent(call));
    if (!handed) {
      return false;
    }
    // Further calls on the holder: `.build()`, `.create(Api.class)`.
    while (holder.getParentPath().getLeaf() instanceof MemberSelectTree
        && holder.getParentPath().getParentPath().getLeaf() instanceof MethodInvocationTree call
        && isObject(getType(call))) {
      holder = holder.getParentPath().getParentPath();
    }
    holder = climbWrappers(holder);
    Tree parent = holder.getParentPath().getLeaf();
    if (parent instanceof ReturnTree
        || (parent instanceof LambdaExpressionTree lambda
            && lambda.getBody() == holder.getLeaf())) {
      return true;
    }
    return parent instanceof VariableTree variable
        && isLocal(getSymbol(variable))
        && isReturned(getSymbol(variable));
  }

  /** A call on a builder that returns the builder: the argument becomes part of what it builds. */
  private boolean isFluent(MethodInvocationTree call) {
    ExpressionTree receiver = getReceiver(call);
    Type receiverType = receiver == null ? null : getType(receiver);
    Type result = getType(call);
    return !ASTHelpers.isStatic(getSymbol(call))
        && receiverType != null
        && result != null
        && isObject(result)
        && ASTHelpers.isSubtype(result, receiverType, state);
  }

  /** A reference type that can hold another object: not a primitive, a string or void. */
  private boolean isObject(Type type) {
    return type != null
        && !type.isPrimitiveOrVoid()
        && !ASTHelpers.isSameType(type, state.getSymtab().stringType, state);
  }

  private boolean isReturned(Symbol local) {
    boolean[] returned = new boolean[1];
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitReturn(ReturnTree tree, Void unused) {
        if (tree.getExpression() != null
            && getSymbol(ASTHelpers.stripParentheses(tree.getExpression())) == local) {
          returned[0] = true;
        }
        return super.visitReturn(tree, null);
      }
    }.scan(bodyPath, null);
    return returned[0];
  }

  /**
   * Whether {@code call}, which stores the value in a map field, is a cache fill: the creation runs
   * only while the map has no entry for the key it stores under ({@code if
   * (!CLIENTS.containsKey(host)) CLIENTS.put(host, build(host));}). One client per key, not per
   * call. (A creation before the test, stored whatever the test says, is per call.)
   */
  private boolean isCachedPerKey(MethodInvocationTree call, Tree value) {
    ExpressionTree receiver = getReceiver(call);
    Symbol map = receiver == null ? null : getSymbol(receiver);
    if (!(map instanceof VarSymbol) || map.getKind() != ElementKind.FIELD) {
      return false;
    }
    List<? extends ExpressionTree> arguments = call.getArguments();
    if (arguments.size() != 2 || arguments.get(0) == value) {
      return false;
    }
    ExpressionTree key = arguments.get(0);
    return GuardedCode.runsOnlyWhileOpen(
        creation,
        body,
        (condition, outcome) -> ContainerStores.isAbsentWhen(condition, outcome, map, key, state));
  }

  /**
   * Whether {@code container} is a field whose clients its object's service life owns ({@link
   * #isOwnedByLifecycle}): a start method adds them and an end method releases what it holds
   * (Webbit's server adds its executors to a list in {@code start()} and shuts each down in {@code
   * stop()}), as for a client kept in a field of its own.
   */
  private boolean isKeptForItsLifecycle(@Nullable ExpressionTree container) {
    return container != null
        && getSymbol(container) instanceof VarSymbol field
        && field.getKind() == ElementKind.FIELD
        && isOwnedByLifecycle(field);
  }

  /**
   * Whether {@code field}, stored in a start method of its class's service life (or in a private
   * method that only start methods call, or callers that release the field's client first), is
   * released in another method of the same class: an end method, or the stop that pairs with that
   * start (JobRunr's {@code startMigrationsTableLockUpdateTimer()}, whose timer {@code
   * removeMigrationsTableLock()} shuts down). The client is owned by the object, built once per
   * life (see {@link ClientLifecycles}); a caller that shuts the old one down before it calls
   * builds a replacement (BeeCP's {@code restart()}, which calls {@code shutdownInternalThreads()}
   * before {@code startupInternal()} builds the pool's scheduler again).
   */
  private boolean isOwnedByLifecycle(VarSymbol field) {
    TreePath method = null;
    for (TreePath p = bodyPath; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof MethodTree) {
        method = p;
        break;
      }
      if (p.getLeaf() instanceof LambdaExpressionTree || p.getLeaf() instanceof ClassTree) {
        return false;
      }
    }
    if (method != null && isReleasedByItsPartner(method, field)) {
      return true;
    }
    if (method == null || !startsLife(method, field, new HashSet<>())) {
      return false;
    }
    ClassTree owner = TreePaths.enclosingClass(method);
    ClassSymbol ownerSymbol = owner == null ? null : getSymbol(owner);
    if (ownerSymbol == null
        || !(field.owner instanceof ClassSymbol declaring)
        || !ownerSymbol.isSubClass(declaring, state.getTypes())) {
      return false;
    }
    // A field of a superclass compiled with this one, released there (JBatch's thread-pool
    // services build the pool in init() into their abstract base's field, whose shutdown() ends
    // it).
    List<ClassTree> classes = new ArrayList<>(List.of(owner));
    if (declaring != ownerSymbol) {
      ClassTree declaringTree = JavacTrees.instance(state.context).getTree(declaring);
      if (declaringTree == null) {
        return false;
      }
      classes.add(declaringTree);
    }
    for (ClassTree type : classes) {
      for (Tree member : type.getMembers()) {
        if (member instanceof MethodTree end
            && end != method.getLeaf()
            && end.getBody() != null
            && FieldReleases.releases(end.getBody(), field)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether the statements that run before the store at {@code store} release {@code field}'s
   * previous client, themselves or through a method of the class they call ({@code cancelTimer();
   * timer = Executors.newSingleThreadScheduledExecutor();}): a replacement keeps one client alive
   * at a time, which is no per-call leak.
   */
  private boolean isReleasedBeforeReplaced(TreePath store, VarSymbol field) {
    return isReleasedBefore(store, field, body);
  }

  /**
   * Whether the statements that run before {@code call}, which keeps the client in a container
   * field, release what that container held, themselves or through a method of the class: Yank's
   * {@code createPool(name, props)} closes the pool of that name ({@code
   * releaseConnectionPool(name)} takes it out of the map into a local and closes it), then puts the
   * new one. A replacement, as for a field ({@link #isReleasedBeforeReplaced}).
   */
  private boolean isReleasedBeforeKept(TreePath call, MethodInvocationTree store) {
    Symbol container = getSymbol(getReceiver(store));
    return container instanceof VarSymbol field
        && field.getKind() == ElementKind.FIELD
        && isReleasedBefore(call, field, body);
  }

  /**
   * Whether a {@code finally} that runs after the store at {@code store} releases {@code field},
   * itself or through a method of the class it calls: one of a {@code try} the store is in, or of
   * one that follows it in its block (Flume's exec source builds its flush timer into a field at
   * the top of each run of the command, whose {@code finally} calls {@code kill()}, which shuts the
   * timer down). Each call ends the client it made.
   */
  private boolean isReleasedInAFinallyAfter(TreePath store, VarSymbol field) {
    ClassTree owner = TreePaths.enclosingClass(store);
    for (TreePath p = store; p.getParentPath() != null && p.getLeaf() != body; ) {
      Tree child = p.getLeaf();
      Tree parent = p.getParentPath().getLeaf();
      if (parent instanceof TryTree tryTree
          && child != tryTree.getFinallyBlock()
          && releasesIn(tryTree.getFinallyBlock(), field, owner)) {
        return true;
      }
      if (parent instanceof BlockTree block) {
        boolean after = false;
        for (StatementTree statement : block.getStatements()) {
          if (after
              && statement instanceof TryTree later
              && releasesIn(later.getFinallyBlock(), field, owner)) {
            return true;
          }
          after |= statement == child;
        }
      }
      if (parent instanceof LambdaExpressionTree || parent instanceof ClassTree) {
        return false;
      }
      p = p.getParentPath();
    }
    return false;
  }

  /**
   * Whether a statement that follows the store at {@code store} in its block, or in a block around
   * it, releases {@code field} itself (jgroups' {@code Probe.start()} builds its thread pool into a
   * field, runs its requests on it and shuts it down before it returns): each call ends the client
   * it made, as with a {@code finally} ({@link #isReleasedInAFinallyAfter}). Only a statement that
   * is the release, not one under a condition; not past a statement between that may leave the
   * method or its loop first ({@code return}, {@code throw}, {@code break}, {@code continue}), nor
   * out of a loop, whose every pass stores a new client and whose end releases only the last.
   */
  private boolean isReleasedLaterInItsBlock(TreePath store, VarSymbol field) {
    ClassTree owner = TreePaths.enclosingClass(store);
    for (TreePath p = store; p.getParentPath() != null && p.getLeaf() != body; ) {
      Tree child = p.getLeaf();
      Tree parent = p.getParentPath().getLeaf();
      if (parent instanceof BlockTree block) {
        boolean after = false;
        for (StatementTree statement : block.getStatements()) {
          if (after) {
            if (statement instanceof ExpressionStatementTree release
                && releasesIn(release, field, owner)) {
              return true;
            }
            if (mayLeaveFirst(statement)) {
              return false;
            }
          }
          after |= statement == child;
        }
      }
      if (parent instanceof LambdaExpressionTree
          || parent instanceof ClassTree
          || Loops.isLoop(parent)) {
        return false;
      }
      p = p.getParentPath();
    }
    return false;
  }

  /**
   * Whether {@code statement} holds a {@code return}, {@code throw}, {@code break} or {@code
   * continue} of its own (not of its lambdas or nested classes): it may leave before what follows.
   */
  private static boolean mayLeaveFirst(StatementTree statement) {
    boolean[] found = {false};
    new SameBodyScanner() {
      @Override
      public Void scan(Tree tree, Void unused) {
        found[0] |=
            tree instanceof ReturnTree
                || tree instanceof ThrowTree
                || tree instanceof BreakTree
                || tree instanceof ContinueTree;
        return found[0] ? null : super.scan(tree, null);
      }
    }.scan(statement, null);
    return found[0];
  }

  /**
   * Whether {@code field} is released by the method that pairs with {@code method} by name in its
   * class, as {@link LifecyclePairs} pairs them ({@code register*} and {@code unregister*}, {@code
   * subscribe*} and {@code unsubscribe*}, {@code connect} and {@code disconnect}, ...): sqlg's
   * {@code registerListener} builds two executors into fields that {@code unregisterListener} shuts
   * down. The class's own API brackets the client's life, whatever the name of the pair.
   */
  private static boolean isReleasedByItsPartner(TreePath method, VarSymbol field) {
    ClassTree owner = TreePaths.enclosingClass(method);
    if (owner == null) {
      return false;
    }
    String name = ((MethodTree) method.getLeaf()).getName().toString();
    for (LifecyclePair pair : LifecyclePairs.BUILT_IN) {
      Optional<String> capture =
          pair.open() instanceof Named open ? open.capture(name) : Optional.empty();
      if (capture.isEmpty()) {
        continue;
      }
      for (MethodPattern close : pair.close()) {
        if (close instanceof Named closeName
            && releasedByMethodNamed(owner, closeName.nameFor(capture.get()), field)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean releasedByMethodNamed(ClassTree owner, String name, VarSymbol field) {
    for (Tree member : owner.getMembers()) {
      if (member instanceof MethodTree method
          && method.getName().contentEquals(name)
          && method.getBody() != null
          && FieldReleases.releases(method.getBody(), field)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code tree} releases {@code field}, itself or through a method of the class. */
  private static boolean releasesIn(@Nullable Tree tree, VarSymbol field, ClassTree owner) {
    return tree != null && releasesIn(tree, field, FieldReleases.holdersOf(field, tree), owner);
  }

  /** {@link #releasesIn}, with what holds the field's clients ({@link FieldReleases#holdersOf}). */
  private static boolean releasesIn(
      Tree tree, VarSymbol field, Set<Symbol> holders, ClassTree owner) {
    return FieldReleases.releasesAny(tree, holders) || callsMethodReleasing(tree, field, owner);
  }

  /** {@link #isReleasedBeforeReplaced}, for what runs at {@code at} in {@code within}. */
  private static boolean isReleasedBefore(TreePath at, VarSymbol field, Tree within) {
    ClassTree owner = TreePaths.enclosingClass(at);
    // The field and the locals of the body that hold an element of it, read once.
    Set<Symbol> holders = FieldReleases.holdersOf(field, within);
    for (TreePath p = at; p.getParentPath() != null && p.getLeaf() != within; ) {
      Tree child = p.getLeaf();
      if (p.getParentPath().getLeaf() instanceof BlockTree block) {
        for (StatementTree statement : block.getStatements()) {
          if (statement == child) {
            break;
          }
          if (releasesIn(statement, field, holders, owner)) {
            return true;
          }
        }
      }
      p = p.getParentPath();
    }
    return false;
  }

  /**
   * Whether {@code tree} calls a method of {@code owner} on this object that releases {@code
   * field}.
   */
  private static boolean callsMethodReleasing(Tree tree, VarSymbol field, ClassTree owner) {
    if (owner == null) {
      return false;
    }
    Set<Symbol> called = new HashSet<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        if (Receivers.isThisOrImplicit(getReceiver(call))) {
          called.add(getSymbol(call));
        }
        return super.visitMethodInvocation(call, null);
      }
    }.scan(tree, null);
    for (Tree member : owner.getMembers()) {
      if (member instanceof MethodTree method
          && method.getBody() != null
          && called.contains(getSymbol(method))
          && FieldReleases.releases(method.getBody(), field)) {
        return true;
      }
    }
    return false;
  }

  private boolean startsLife(TreePath method, VarSymbol field, Set<Symbol> visiting) {
    Symbol symbol = getSymbol(method.getLeaf());
    if (!(symbol instanceof MethodSymbol methodSymbol) || !visiting.add(symbol)) {
      return false;
    }
    if (ClientLifecycles.starts(methodSymbol)) {
      return true;
    }
    // A template hook that its superclass calls only from its start methods runs at the start too.
    Optional<ImmutableList<TreePath>> hookCalls =
        TemplateHooks.callSitesInSuperclasses(methodSymbol, state);
    if (hookCalls.isPresent() && hookCalls.get().stream().allMatch(FateAnalysis::inStartMethod)) {
      return true;
    }
    return PrivateCalls.everyCallMadeByAMethodThat(
        method,
        (call, caller) ->
            startsLife(caller, field, visiting)
                || isReleasedBefore(call, field, ((MethodTree) caller.getLeaf()).getBody()));
  }

  /** Whether {@code call} is made by a start method itself (not by a lambda in one). */
  private static boolean inStartMethod(TreePath call) {
    TreePath caller = TreePaths.enclosingMethodOrLambda(call);
    if (caller == null || !(caller.getLeaf() instanceof MethodTree method)) {
      return false;
    }
    MethodSymbol symbol = getSymbol(method);
    return symbol != null && ClientLifecycles.starts(symbol);
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
      if (keepsValue) {
        current = current.getParentPath();
        continue;
      }
      TreePath derived = derivedClient(current);
      if (derived == null) {
        return current;
      }
      current = derived;
    }
    return current;
  }

  /**
   * The end of a chain of calls on the value that yields a client of its own type ({@code
   * client.newBuilder().readTimeout(t).build()}), or null: a client derived that way shares the
   * first one's connection pool and threads, so what becomes of it becomes of the value.
   */
  private TreePath derivedClient(TreePath receiver) {
    TreePath current = receiver;
    while (current.getParentPath() != null
        && current.getParentPath().getLeaf() instanceof MemberSelectTree
        && current.getParentPath().getParentPath() != null
        && current.getParentPath().getParentPath().getLeaf() instanceof MethodInvocationTree) {
      current = current.getParentPath().getParentPath();
    }
    Type type = getType(current.getLeaf());
    return current != receiver
            && type != null
            && wrapperType != null
            && ASTHelpers.isSubtype(type, wrapperType, state)
        ? current
        : null;
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
   * Whether the store of the value into {@code field} is guarded by a null check of the field, the
   * mark of lazy initialisation: the creation is in the branch of an {@code if} (or {@code ?:})
   * that the condition takes when the field is null, or follows an {@code if (field != null) return
   * ...;} in an enclosing block. A null check anywhere else is no guard: {@code if (field != null)
   * field.close(); field = build();} builds a client on every call. (A condition such as {@code
   * field == null || expired()} counts: the client is rebuilt now and then, not per call.) The test
   * may be asked through the class's own helpers without arguments ({@code if (isStarted())
   * return;}, {@code isStarted()} returning {@code !isStopped()}, {@code isStopped()} returning
   * {@code pool == null}), and the guard may stand at every call of the private method that creates
   * the client rather than in it.
   */
  private boolean isGuardedByNullCheck(VarSymbol field) {
    GuardedCode.Guard fieldIsNull =
        (condition, outcome) ->
            NullComparisons.isNullWhen(condition, outcome, field, this::answersOfOwnHelper);
    if (GuardedCode.runsOnlyWhileOpen(creation, body, fieldIsNull)) {
      return true;
    }
    // A private method whose every call runs only while the field is null: JobRunr's start()
    // returns early `if (isStarted())` before it calls the private method that makes the pool.
    TreePath method =
        bodyPath.getLeaf() instanceof MethodTree ? bodyPath : bodyPath.getParentPath();
    if (method == null || !(method.getLeaf() instanceof MethodTree)) {
      return false;
    }
    return PrivateCalls.everyCallMadeByAMethodThat(
        method,
        (call, caller) -> {
          Tree callerBody = ((MethodTree) caller.getLeaf()).getBody();
          return callerBody != null && GuardedCode.runsOnlyWhileOpen(call, callerBody, fieldIsNull);
        });
  }

  /**
   * What every {@code return} hands back in the body of the class's own method without arguments
   * that {@code call} calls on this object ({@code isStopped()}: {@code return pool == null;});
   * none for any other call.
   */
  private ImmutableList<ExpressionTree> answersOfOwnHelper(MethodInvocationTree call) {
    ClassTree owner = TreePaths.enclosingClass(bodyPath);
    if (owner == null
        || !call.getArguments().isEmpty()
        || !Receivers.isThisOrImplicit(getReceiver(call))) {
      return ImmutableList.of();
    }
    Symbol called = getSymbol(call);
    for (Tree member : owner.getMembers()) {
      if (member instanceof MethodTree helper
          && helper.getBody() != null
          && getSymbol(helper) == called) {
        return ReturnedValues.expressions(helper.getBody());
      }
    }
    return ImmutableList.of();
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
