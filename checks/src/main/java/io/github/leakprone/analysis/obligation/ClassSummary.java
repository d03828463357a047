package io.github.leakprone.analysis.obligation;

import static com.google.errorprone.util.ASTHelpers.getReceiver;
import static com.google.errorprone.util.ASTHelpers.getSymbol;

import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import io.github.leakprone.catalog.ContainerStores;
import io.github.leakprone.catalog.ResourceSpec;
import io.github.leakprone.trees.BodySearch;
import io.github.leakprone.trees.ConstructorCalls;
import io.github.leakprone.trees.HandedOnLocals;
import io.github.leakprone.trees.Listeners;
import io.github.leakprone.trees.LocalVariables;
import io.github.leakprone.trees.NoArgMethods;
import io.github.leakprone.trees.NullComparisons;
import io.github.leakprone.trees.NullLiterals;
import io.github.leakprone.trees.Receivers;
import io.github.leakprone.trees.ReturnedValues;
import io.github.leakprone.trees.SameBodyScanner;
import io.github.leakprone.trees.Setters;
import io.github.leakprone.trees.Tasks;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import javax.annotation.Nullable;
import javax.lang.model.element.ElementKind;

/**
 * What the methods of one class do to resources beyond their own bodies: which fields each method
 * overwrites (through the methods it calls, recursion included), and which parameters each method
 * closes. These let the per-method analysis follow a resource into a call without analysing across
 * methods.
 *
 * <p>Read lazily, one method at a time: the analysis asks only about the methods its body calls on
 * the same object, a handful, and reading every method of every class with an acquiring body was a
 * visible part of a build's cost (docs/performance.md).
 */
final class ClassSummary {

  /** What one method's own body does (not its callees'). */
  private record Direct(
      Set<Symbol> writes,
      Set<Symbol> released,
      Set<MethodSymbol> callees,
      Set<Integer> closed,
      Map<Integer, List<Tree>> parentsClosed,
      Set<Integer> keptAsIs,
      Set<Integer> closedOutright,
      Set<Integer> ownedByResult,
      Set<Integer> heldByResult,
      Set<Symbol> handedOn,
      Set<Integer> madeReleased,
      Set<Integer> handedOnAtOnce,
      boolean closesAFieldsParent) {}

  /** A read of the parent of the parameter at {@code parameter} ({@code rs.getStatement()}). */
  private record ParentRead(int parameter, Tree read) {}

  /** What a method is taken to do while its own body is being read (recursion sees nothing). */
  private static final Direct NOTHING_YET =
      new Direct(
          Set.of(), Set.of(), Set.of(), Set.of(), Map.of(), Set.of(), Set.of(), Set.of(), Set.of(),
          Set.of(), Set.of(), Set.of(), false);

  private final ResourceSpec spec;
  private final ReleasingCalls releasing;
  private final VisitorState state;

  /** The methods with a body of this class (not of nested classes, which have their own fields). */
  private final Map<MethodSymbol, MethodTree> methods = new HashMap<>();

  private final Map<MethodSymbol, Direct> direct = new HashMap<>();
  private final Map<MethodSymbol, Set<Symbol>> fieldsWritten = new HashMap<>();
  private final Map<MethodSymbol, Set<Symbol>> fieldsReleased = new HashMap<>();
  private final Map<MethodSymbol, Set<Symbol>> fieldsHandedOn = new HashMap<>();
  private final Map<MethodSymbol, Integer> resultMakers = new HashMap<>();

  private ClassSummary(
      ClassTree classTree, ResourceSpec spec, ReleasingCalls releasing, VisitorState state) {
    this.spec = spec;
    this.releasing = releasing;
    this.state = state;
    for (Tree member : classTree.getMembers()) {
      if (member instanceof MethodTree method && method.getBody() != null) {
        MethodSymbol symbol = getSymbol(method);
        if (symbol != null) {
          methods.put(symbol, method);
        }
      }
    }
  }

  /** The summary of {@code classTree}'s methods; each is read when first asked about. */
  static ClassSummary of(
      ClassTree classTree, ResourceSpec spec, ReleasingCalls releasing, VisitorState state) {
    return new ClassSummary(classTree, spec, releasing, state);
  }

  /** The fields of this class that a call to {@code method} may overwrite. */
  Set<Symbol> fieldsWrittenBy(MethodSymbol method) {
    return reachable(method, fieldsWritten, Direct::writes);
  }

  /**
   * The fields of this class whose resource a call to {@code method} releases: it, or a method it
   * calls, closes the field ({@code closeDataConnection()} that closes {@code dataSocket} before it
   * nulls it).
   */
  Set<Symbol> fieldsReleasedBy(MethodSymbol method) {
    return reachable(method, fieldsReleased, Direct::released);
  }

  /**
   * The positions of the parameters whose made resources {@code method} releases in its own body
   * ({@link ResourceSpec#releasesWhatItMade}): Ivy's {@code disconnect(con)}, which reads what is
   * left of the response and calls {@code con.disconnect()}.
   */
  Set<Integer> parametersWhoseMadeAreReleasedBy(MethodSymbol method) {
    return methods.containsKey(method) ? direct(method).madeReleased() : Set.of();
  }

  /**
   * Whether some method of this class closes {@code field} in its own body: the class takes care of
   * what the field holds. Reads every method, so it is asked only where a rule needs it.
   */
  boolean releasesSomewhere(Symbol field) {
    return anyMethod(own -> own.released().contains(field));
  }

  /** Whether the own body of some method of this class does what {@code test} asks. */
  private boolean anyMethod(Predicate<Direct> test) {
    return methods.keySet().stream().anyMatch(method -> test.test(direct(method)));
  }

  /**
   * The union of {@code direct} over every method reachable from {@code method}: the fixpoint of
   * "mine and my callees'", recursion included; kept in {@code cache}.
   */
  private Set<Symbol> reachable(
      MethodSymbol method,
      Map<MethodSymbol, Set<Symbol>> cache,
      java.util.function.Function<Direct, Set<Symbol>> direct) {
    if (!methods.containsKey(method)) {
      return Set.of();
    }
    Set<Symbol> cached = cache.get(method);
    if (cached != null) {
      return cached;
    }
    Set<Symbol> found = new HashSet<>();
    Set<MethodSymbol> seen = new HashSet<>();
    Deque<MethodSymbol> pending = new ArrayDeque<>();
    pending.push(method);
    while (!pending.isEmpty()) {
      MethodSymbol next = pending.pop();
      if (!seen.add(next) || !methods.containsKey(next)) {
        continue;
      }
      Direct own = direct(next);
      found.addAll(direct.apply(own));
      own.callees().forEach(pending::push);
    }
    cache.put(method, found);
    return found;
  }

  /**
   * The positions of the parameters that {@code method} takes from its caller somewhere in its
   * body: closes, or keeps beyond the call (in a field, or a container's store call), so that the
   * caller need not close them.
   */
  Set<Integer> parametersTakenBy(MethodSymbol method) {
    return methods.containsKey(method) ? direct(method).closed() : Set.of();
  }

  /**
   * The positions of the parameters that {@code method} gives to an object it makes and uses in
   * place, which may keep them, before anything in its body can fail ({@code this(new
   * Gobble(in).asByteArray())}): that object's from the call on, whatever fails after.
   */
  Set<Integer> parametersHandedOnAtOnceBy(MethodSymbol method) {
    return methods.containsKey(method) ? direct(method).handedOnAtOnce() : Set.of();
  }

  /** The positions of the parameters that {@code method} closes in its own body. */
  Set<Integer> parametersClosedBy(MethodSymbol method) {
    return methods.containsKey(method) ? direct(method).closedOutright() : Set.of();
  }

  /**
   * The positions of the parameters that {@code constructor} only borrows: it keeps them as they
   * are in fields of the object without closing them, and no method of the class releases any
   * field, so the object can use what it was given but never lets it go ({@code new
   * FlacStreamReader(raf)}, a reader over the caller's file). Reads every method, so it is asked
   * only of a constructor given a resource.
   */
  Set<Integer> parametersBorrowedBy(MethodSymbol constructor) {
    if (!methods.containsKey(constructor)) {
      return Set.of();
    }
    Set<Integer> borrowed = new HashSet<>(direct(constructor).keptAsIs());
    borrowed.removeAll(direct(constructor).closedOutright());
    // The constructor's own body first: most keep nothing as it is (a wrapper's super(...) call),
    // and then no other method need be read (a tenth of the checks' time on the build-cost corpus,
    // where every Delegating* wrapper had its whole class read in every unit that made one).
    if (borrowed.isEmpty()
        || anyMethod(own -> !own.released().isEmpty())
        || releasesThroughAnother()) {
      return Set.of();
    }
    return borrowed;
  }

  /**
   * Whether a release method of this class ({@code close()}, {@code shutdown()}, ...) gives a field
   * of its object to another object's method that takes something closeable, itself or through the
   * methods it calls: the Vert.x JDBC client's {@code close()} schedules a {@code JDBCClose}
   * action, and the method that runs every action calls {@code action.execute(conn)}. What the
   * object keeps may be released there, where this summary cannot see.
   */
  private boolean releasesThroughAnother() {
    for (MethodSymbol method : methods.keySet()) {
      if (spec.isRelease(method, state)
          && !reachable(method, fieldsHandedOn, Direct::handedOn).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The positions of the parameters that {@code method} gives to the constructor of the object it
   * returns (directly, or through a local it returns), before anything in its body can fail: a
   * factory that builds their owner first ({@code SelectResult res = new SelectResult(conn, stmnt,
   * rs)}, then a step that closes it if it fails). Once the call is made they are that object's,
   * and the factory's to close if it fails after building it. Not what that object only borrows
   * ({@link #parametersBorrowedBy}): that stays the caller's, as with the constructor itself.
   */
  Set<Integer> parametersOwnedByResultOf(MethodSymbol method) {
    return methods.containsKey(method) ? direct(method).ownedByResult() : Set.of();
  }

  /**
   * The positions of the parameters that the object {@code method} returns is made of: given to its
   * constructor as they are, or in a decorator ({@code return new ImageSource(new
   * BufferedInputStream(in))}), owned or only borrowed. Whoever the caller hands that object to
   * gets them with it, as with the constructor called in the caller's own body.
   */
  Set<Integer> parametersHeldByResultOf(MethodSymbol method) {
    return methods.containsKey(method) ? direct(method).heldByResult() : Set.of();
  }

  /**
   * The position of the parameter by a call on which {@code method} makes every value it returns
   * ({@link ResultMakers}), or {@link ResultMakers#NONE}.
   */
  int parameterThatMakesResultOf(MethodSymbol method) {
    MethodTree tree = methods.get(method);
    return tree == null
        ? ResultMakers.NONE
        : resultMakers.computeIfAbsent(method, m -> ResultMakers.parameterOf(tree));
  }

  /**
   * Whether a method of this class closes the parent of what it is given ({@code
   * closeResultSet(rs)} that closes {@code rs.getStatement()} too): the class's way to close a
   * result set it hands out closes its statement. Reads every method, so it is asked only where a
   * child is returned.
   */
  boolean closesParentsOfArguments() {
    return anyMethod(own -> !own.parentsClosed().isEmpty());
  }

  /** {@link #closesWithAParentCloser()}'s answer, once asked. */
  private Boolean closesWithAParentCloser;

  /**
   * Whether a method of this class closes what it holds with a helper whose class also closes the
   * parent of what it is given (CQEngine's {@code DBUtils.closeQuietly(statement)}, whose
   * result-set overload closes the statement too; iciql's {@code JdbcUtils.closeSilently(rs,
   * true)}): the code base's way to close a result set closes its statement. Reads every method, so
   * it is asked only where a child is returned; answered once per class.
   */
  boolean closesWithAParentCloser() {
    if (closesWithAParentCloser == null) {
      closesWithAParentCloser =
          methods.values().stream()
              .anyMatch(
                  method ->
                      BodySearch.anyIn(
                          method.getBody(), thrown -> false, this::isParentCloserCall));
    }
    return closesWithAParentCloser;
  }

  /** Whether {@code call} closes an argument with a helper whose class also closes parents. */
  private boolean isParentCloserCall(ExpressionTree call) {
    return call instanceof MethodInvocationTree invocation
        && getSymbol(invocation) != null
        && !releasing.releasedArguments(invocation, state).isEmpty()
        && releasing.ownerClosesParentsOfArguments(getSymbol(invocation), state);
  }

  /**
   * Whether a method of this class closes the parent of what a field of its object holds ({@code
   * results.getStatement()} closed in the {@code close()} of requery's {@code ResultSetIterator}):
   * the object takes the parent of what it keeps along with it. Reads every method, so it is asked
   * only of a constructor given a child resource.
   */
  boolean closesParentsOfFields() {
    return anyMethod(Direct::closesAFieldsParent);
  }

  /**
   * The positions of the parameters whose parent resource {@code method} closes: a {@code
   * closeAll(stmt)} that also closes {@code stmt.getConnection()}, directly or through a local.
   */
  Set<Integer> parametersWhoseParentIsTakenBy(MethodSymbol method) {
    return methods.containsKey(method) ? direct(method).parentsClosed().keySet() : Set.of();
  }

  /**
   * The value of a boolean parameter under which alone {@code method} gets the parent of its
   * parameter at {@code position} to close it: iciql's {@code closeSilently(rs, closeStatement)}
   * reads {@code rs.getStatement()} only {@code if (closeStatement)}, so {@code closeSilently(rs,
   * false)} leaves the statement open.
   */
  Optional<ParameterGuards.Guard> parentTakenOnlyWhen(MethodSymbol method, int position) {
    List<Tree> reads =
        methods.containsKey(method) ? direct(method).parentsClosed().get(position) : null;
    return reads == null
        ? Optional.empty()
        : ParameterGuards.commonTo(methods.get(method), reads, state);
  }

  /** {@link #parentGetterOwnParameter}'s answers, by method of this class. */
  private final Map<MethodSymbol, Integer> parentGetters = new HashMap<>();

  /**
   * The position of the parameter whose parent {@code method}, of this class, returns on every
   * return ({@code getStatement(resultSet)}, returning {@code resultSet.getStatement()}), or -1.
   */
  private int parentGetterOwnParameter(MethodSymbol method) {
    MethodTree declaration = methods.get(method);
    if (declaration == null) {
      return -1;
    }
    Integer known = parentGetters.get(method);
    if (known != null) {
      return known;
    }
    List<? extends VarSymbol> parameters = method.getParameters();
    Set<Integer> returned = new HashSet<>();
    new SameBodyScanner() {
      @Override
      public Void visitReturn(ReturnTree tree, Void unused) {
        ExpressionTree value = tree.getExpression() == null ? null : uncast(tree.getExpression());
        MethodSymbol getter = value instanceof MethodInvocationTree call ? getSymbol(call) : null;
        returned.add(
            getter != null && spec.isParentGetter(getter, state)
                ? parameters.indexOf(getSymbol(getReceiver((MethodInvocationTree) value)))
                : -1);
        return super.visitReturn(tree, null);
      }
    }.scan(declaration.getBody(), null);
    int parameter = returned.size() == 1 ? returned.iterator().next() : -1;
    parentGetters.put(method, parameter);
    return parameter;
  }

  private Direct direct(MethodSymbol symbol) {
    Direct known = direct.get(symbol);
    if (known != null) {
      return known;
    }
    // A helper that closes through another helper reads that one's body too; a cycle of them
    // (recursion) sees nothing closed yet on its way round, rather than loop.
    direct.put(symbol, NOTHING_YET);
    Direct read = read(symbol, methods.get(symbol));
    direct.put(symbol, read);
    return read;
  }

  private Direct read(MethodSymbol symbol, MethodTree method) {
    List<? extends VarSymbol> parameters = symbol.getParameters();
    Set<Symbol> writes = new HashSet<>();
    Set<Symbol> released = new HashSet<>();
    Set<MethodSymbol> callees = new HashSet<>();
    Set<Integer> closed = new HashSet<>();
    // The parameters whose parent the body closes, each with the reads of that parent.
    Map<Integer, List<Tree>> parentsClosed = new HashMap<>();
    Set<Integer> keptAsIs = new HashSet<>();
    Set<Integer> closedOutright = new HashSet<>();
    Set<Integer> ownedByResult = new HashSet<>();
    Set<Integer> heldByResult = new HashSet<>();
    Set<Symbol> handedOn = new HashSet<>();
    Set<Integer> madeReleased = new HashSet<>();
    Set<Integer> handedOnAtOnce = new HashSet<>();
    // Locals that stand for a parameter, by its position: a loop variable over it (an array or
    // collection of resources), or a decorator made around it (new InputSource(reader)).
    Map<Symbol, Integer> elements = new HashMap<>();
    // Locals that hold a parameter's parent (con = stmt.getConnection()): its position, and the
    // read that gave it.
    Map<Symbol, ParentRead> parents = new HashMap<>();
    // Locals that hold the parent of a field's resource (statement = results.getStatement()).
    Set<Symbol> fieldParents = new HashSet<>();
    // Locals that hold a copy of a field of the object, by the field: Socket dead = socket;
    // socket = null; dead.close(), the race-safe close of remotetea's connection transport.
    Map<Symbol, Symbol> fieldCopies = new HashMap<>();
    boolean[] closesAFieldsParent = {false};
    new TreeScanner<Void, Void>() {
      // How many enclosing conditions read the object's own fields.
      private int stateGuards;

      @Override
      public Void visitClass(ClassTree nested, Void unused) {
        return null; // a nested or anonymous class's code runs on its own schedule
      }

      // A store under a condition on the object's state (if (buffer != null) out = open()) happens
      // only in some states of the object, which a caller's path may rule out: it is not counted as
      // an overwrite at every call. A store under a condition on parameters or locals is.
      @Override
      public Void visitIf(IfTree tree, Void unused) {
        scan(tree.getCondition(), null);
        guarded(tree.getCondition(), () -> scan(tree.getThenStatement(), null));
        if (tree.getElseStatement() != null) {
          guarded(tree.getCondition(), () -> scan(tree.getElseStatement(), null));
        }
        return null;
      }

      @Override
      public Void visitWhileLoop(WhileLoopTree tree, Void unused) {
        scan(tree.getCondition(), null);
        guarded(tree.getCondition(), () -> scan(tree.getStatement(), null));
        return null;
      }

      private void guarded(ExpressionTree condition, Runnable body) {
        boolean onState = readsOwnField(condition);
        stateGuards += onState ? 1 : 0;
        body.run();
        stateGuards -= onState ? 1 : 0;
      }

      @Override
      public Void visitVariable(VariableTree tree, Void unused) {
        int parent = parentOfParameter(tree.getInitializer());
        if (parent >= 0) {
          parents.put(getSymbol(tree), new ParentRead(parent, tree.getInitializer()));
        }
        if (isParentOfField(tree.getInitializer())) {
          fieldParents.add(getSymbol(tree));
        }
        int decorated = decoratedParameter(tree.getInitializer());
        if (decorated >= 0) {
          elements.put(getSymbol(tree), decorated);
        }
        noteFieldCopy(getSymbol(tree), tree.getInitializer());
        ownedByResult(tree.getInitializer(), getSymbol(tree));
        return super.visitVariable(tree, null);
      }

      // The position of the parameter that `value` decorates (new InputSource(reader)), views
      // (response.getEntity()) or that a call's value holds (readerOf(in), Wrappers, also over
      // another such call: createImageInputStream(autoDecorateInputStream(in))), or -1.
      private int decoratedParameter(ExpressionTree value) {
        if (value instanceof MethodInvocationTree view
            && getReceiver(view) != null
            && spec.isView(getSymbol(view), state)) {
          // entity = response.getEntity(): a view stands for what it views, as where it is closed.
          int viewed = parameters.indexOf(getSymbol(beneathViews(view)));
          if (viewed >= 0) {
            return viewed;
          }
        }
        if (value instanceof MethodInvocationTree call) {
          List<? extends ExpressionTree> arguments = call.getArguments();
          for (int i = 0; i < arguments.size(); i++) {
            ExpressionTree argument = uncast(arguments.get(i));
            int parameter = parameters.indexOf(getSymbol(argument));
            if (parameter < 0 && argument instanceof MethodInvocationTree) {
              parameter = decoratedParameter(argument);
            }
            if (parameter >= 0
                && Wrappers.holdsArgument(call, i, state)
                && !(Wrappers.makesAChildOf(call, i, state)
                    && spec.acquisition(call, state).isPresent())) {
              return parameter;
            }
          }
          return -1;
        }
        if (!(value instanceof NewClassTree wrapper)) {
          return -1;
        }
        for (int i : heldArguments(wrapper)) {
          // new BufferedReader(new InputStreamReader(in, encoding)): a decorator over one.
          ExpressionTree decorated = uncast(wrapper.getArguments().get(i));
          int parameter = parameters.indexOf(getSymbol(decorated));
          if (parameter < 0) {
            parameter = decoratedParameter(decorated);
          }
          if (parameter >= 0) {
            return parameter;
          }
        }
        return -1;
      }

      // The arguments an object holds: a decorator's, or the closeable ones of an object with a
      // close() of its own, as what a call returns holds them (Wrappers): PNGJ's new
      // BufferedStreamFeeder(is), which its helper closes in a finally to close the stream.
      private Iterable<Integer> heldArguments(NewClassTree made) {
        ImmutableSet<Integer> decorated = spec.decoratedArguments(made, state);
        if (!decorated.isEmpty()) {
          return decorated;
        }
        Type closeable = state.getSymtab().autoCloseableType;
        List<Integer> closeables = new ArrayList<>();
        for (int i = 0; i < made.getArguments().size(); i++) {
          Type type = ASTHelpers.getType(made.getArguments().get(i));
          if (type != null && ASTHelpers.isSubtype(type, closeable, state)) {
            closeables.add(i);
          }
        }
        // The type's members are looked up only for an object made of something closeable.
        return closeables.isEmpty()
                || NoArgMethods.find(ASTHelpers.getType(made), "close", state).isEmpty()
            ? decorated
            : closeables;
      }

      // Whether `value` gets the parent of what a field of this object holds.
      // results.getStatement(), or r.getStatement() of a local copy (final ResultSet r = result;
      // the race-safe close of Apache SIS's FeatureIterator).
      private boolean isParentOfField(ExpressionTree value) {
        if (!(value instanceof MethodInvocationTree call)) {
          return false;
        }
        MethodSymbol getter = getSymbol(call);
        ExpressionTree receiver = getReceiver(call);
        return getter != null
            && receiver != null
            && spec.isParentGetter(getter, state)
            && (isOwnField(receiver, getSymbol(receiver))
                || fieldCopies.containsKey(getSymbol(receiver)));
      }

      // The position of the parameter whose parent `value` gets, or -1: directly
      // (rs.getStatement()), or through a method of this class that returns its argument's parent
      // (jdbacl's getStatement(resultSet)).
      private int parentOfParameter(ExpressionTree value) {
        if (!(value instanceof MethodInvocationTree call)) {
          return -1;
        }
        MethodSymbol getter = getSymbol(call);
        if (getter == null) {
          return -1;
        }
        if (spec.isParentGetter(getter, state)) {
          return parameters.indexOf(getSymbol(getReceiver(call)));
        }
        int argument = parentGetterOwnParameter(getter);
        return argument >= 0 && argument < call.getArguments().size()
            ? parameters.indexOf(getSymbol(uncast(call.getArguments().get(argument))))
            : -1;
      }

      @Override
      public Void visitAssignment(AssignmentTree tree, Void unused) {
        int parent = parentOfParameter(tree.getExpression());
        if (parent >= 0) {
          parents.put(getSymbol(tree.getVariable()), new ParentRead(parent, tree.getExpression()));
        }
        if (isParentOfField(tree.getExpression())) {
          fieldParents.add(getSymbol(tree.getVariable()));
        }
        Symbol target = getSymbol(tree.getVariable());
        if (target != null && target.getKind() == ElementKind.LOCAL_VARIABLE) {
          noteFieldCopy(target, tree.getExpression());
        }
        if (target != null) {
          ownedByResult(tree.getExpression(), target);
          // in = null; try { in = new BufferedInputStream(src); ... } finally { in.close(); }, or
          // what a call makes to hold it (parser = factory.createParser(src), Spring Security
          // OAuth2's JWK set converter), as a local's initializer. A statement made of a
          // connection (stmnt = prepareStatement(conn, sql)) is no stand-in for it.
          int decorated = decoratedParameter(uncast(tree.getExpression()));
          if (decorated >= 0 && target.getKind() == ElementKind.LOCAL_VARIABLE) {
            elements.put(target, decorated);
          }
        }
        if (isOwnField(tree.getVariable(), target)) {
          if (stateGuards == 0 && !madeOfItsOwnValue(tree.getExpression(), target, method)) {
            writes.add(target);
          }
          int parameter = parameters.indexOf(getSymbol(uncast(tree.getExpression())));
          if (parameter >= 0) {
            keptAsIs.add(parameter);
          }
        }
        if (target != null && target.getKind() == ElementKind.FIELD) {
          keptInField(tree.getExpression()); // kept by the object: this.statement = statement
        }
        return super.visitAssignment(tree, null);
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
        MethodSymbol callee = getSymbol(tree);
        ExpressionTree receiver = getReceiver(tree);
        if (receiver != null
            && uncast(receiver) instanceof NewClassTree made
            && made.getArguments().stream().anyMatch(this::standsForAParameter)) {
          usedInPlace(made);
        }
        if (callee.owner == symbol.owner && Receivers.isThisOrImplicit(receiver)) {
          callees.add(callee);
        }
        if (receiver != null && spec.releasesWhatItMade(callee, receiver, state)) {
          // ((HttpURLConnection) con).disconnect(): what the connection made goes with it.
          int parameter = parameters.indexOf(getSymbol(uncast(receiver)));
          if (parameter >= 0) {
            madeReleased.add(parameter);
          }
        }
        if (spec.isRelease(callee, state) && receiver != null) {
          // handle.socket().close(): closing a view of the resource closes the resource.
          ExpressionTree closed = beneathViews(receiver);
          closedOutright.add(record(closed));
          recordField(closed);
        }
        // Asked only when an argument is one this summary would record: the question reads the
        // callee's body, and through it the bodies its own calls reach.
        if (tree.getArguments().stream().anyMatch(this::isRecordable)) {
          // Closed outright only where the callee closes it: one that keeps it takes it, no more.
          Set<Integer> closedByCallee = releasing.closedArguments(tree, state);
          for (int i : releasing.releasedArguments(tree, state)) {
            int parameter = record(tree.getArguments().get(i));
            if (closedByCallee.contains(i)) {
              closedOutright.add(parameter);
            }
            recordField(tree.getArguments().get(i));
          }
        }
        if (ContainerStores.storesArgument(tree, state)
            || ((Listeners.isCallback(callee, state)
                    || (!Receivers.isThisOrSuper(receiver)
                        && Consumers.madeOfWhatItIsGiven(callee, state)))
                && tree.getArguments().stream().anyMatch(this::isRecordable))) {
          // Kept: statementMap.put(sql, statement); taken by the listener an event carries it to:
          // listener.handleNewPeerConnection(channel, peerId); or by the object a factory out of
          // sight makes of it, as the analysis has it: handler.createClientHandler(this, channel).
          tree.getArguments().forEach(this::record);
        }
        if (Setters.isSetter(callee)
            && tree.getArguments().size() == 1
            && !ReleasingCalls.holdsNoResource(callee.getParameters().get(0).asType(), state)
            && isRecordable(tree.getArguments().get(0))
            && outlivesTheCall(receiver)) {
          // IOHandler's selectable.setChannel(socket.getChannel()), on an object the method then
          // hands on (reactor.update(selectable)): that object keeps it past the call. Not one the
          // method only returns: ini4j's IniFormatter.newInstance(out) returns the formatter it
          // set the writer on, which its caller uses and drops with the writer open. Nor a setter
          // of a number: socket.setSendBufferSize((Integer) value) keeps no value it is given.
          record(tree.getArguments().get(0));
        }
        if (!callees.contains(callee)) {
          noteHandedOn(tree, callee);
        }
        if (callee.isConstructor() && ConstructorCalls.isSuperCall(tree)) {
          // super(in): the object being built keeps what its superclass is given, as the analysis
          // has it; this(in) is judged by the other constructor's body, as any helper in sight.
          tree.getArguments().forEach(this::record);
        }
        return super.visitMethodInvocation(tree, null);
      }

      @Override
      public Void visitNewClass(NewClassTree tree, Void unused) {
        // new RegisterTask(channel, ...): a task runs later, on a thread of its own, and what it
        // is made of is its to close, as with a task the analysis sees handed to a method
        // (xSocket's connectAsync queues one for each channel it connects).
        if (tree.getClassBody() == null
            && tree.getArguments().stream().anyMatch(this::isRecordable)
            && Tasks.isTask(tree, state)) {
          tree.getArguments().forEach(this::record);
        }
        return super.visitNewClass(tree, null);
      }

      // new Gobble(in).asByteArray(), an object made to be used in place: it may keep what it is
      // given, and the caller's own body, holding the stream, would have handed it on there; so
      // does this method for its caller (ez-vcard's BinaryProperty(InputStream), the constructor
      // its this(stream) hands a file's stream to, and Gobble closes it once read). Not what
      // becomes the object itself (a decorator over the parameter stands for it), what the
      // catalogue says such an object only reads or uses, nor what a constructor in sight only
      // reads or only borrows. (An object made and returned, or stored, is judged where it goes.)
      private void usedInPlace(NewClassTree made) {
        MethodSymbol constructor = getSymbol(made);
        if (constructor == null || made.getClassBody() != null) {
          return;
        }
        Set<Integer> notTaken = new HashSet<>(spec.decoratedArguments(made, state));
        notTaken.addAll(spec.lentArguments(made, state));
        notTaken.addAll(spec.usedArguments(made, state));
        Set<Integer> borrowed = null; // asked once, of the first argument that may be kept
        Boolean atOnce = null; // asked once, of the first argument taken
        List<? extends ExpressionTree> arguments = made.getArguments();
        for (int i = 0; i < arguments.size(); i++) {
          if (notTaken.contains(i)
              || !standsForAParameter(arguments.get(i))
              || !ConstructorArguments.mayKeep(constructor, i, state)) {
            continue;
          }
          if (borrowed == null) {
            borrowed = releasing.borrowedArguments(made, state);
          }
          if (!borrowed.contains(i)) {
            int parameter = record(arguments.get(i));
            if (atOnce == null) {
              atOnce = nothingRunsBefore(method.getBody(), made, state);
            }
            if (parameter >= 0 && atOnce) {
              handedOnAtOnce.add(parameter);
            }
          }
        }
      }

      @Override
      public Void visitReturn(ReturnTree tree, Void unused) {
        ownedByResult(tree.getExpression(), null);
        return super.visitReturn(tree, null);
      }

      // The locals some return of the body hands out: read on the first new object stored in one.
      private Set<Symbol> returnedLocals;

      // The locals the body hands to something that outlives it: read on the first setter asked.
      private Set<Symbol> handedOnLocals;

      // Whether the object a setter is called on outlives the method: one it was given, one of
      // its fields, or a local it hands on (HandedOnLocals).
      private boolean outlivesTheCall(@Nullable ExpressionTree receiver) {
        if (receiver == null || Receivers.isThisOrSuper(receiver)) {
          return false;
        }
        Symbol object = getSymbol(uncast(receiver));
        if (object == null) {
          return false;
        }
        if (parameters.contains(object) || object.getKind() == ElementKind.FIELD) {
          return true;
        }
        if (object.getKind() != ElementKind.LOCAL_VARIABLE) {
          return false;
        }
        if (handedOnLocals == null) {
          handedOnLocals = HandedOnLocals.of(method.getBody());
        }
        return handedOnLocals.contains(object);
      }

      // The parameters given as they are to the constructor of `value`, an object the method
      // returns (directly, or through `holder`, a local some return hands out), when nothing
      // before it in the body can fail: a failure before the owner exists loses them in the caller
      // (MetaModel's execute(), whose query fails before it builds the data set that would own the
      // statement).
      private void ownedByResult(@Nullable ExpressionTree value, @Nullable Symbol holder) {
        if (value == null || !(uncast(value) instanceof NewClassTree made)) {
          return;
        }
        if (holder != null) {
          if (returnedLocals == null) {
            returnedLocals = ReturnedValues.locals(method.getBody());
          }
          if (!returnedLocals.contains(holder)) {
            return;
          }
        }
        for (ExpressionTree argument : made.getArguments()) {
          int parameter = parameters.indexOf(getSymbol(uncast(argument)));
          heldByResult.add(parameter >= 0 ? parameter : decoratedParameter(uncast(argument)));
        }
        heldByResult.remove(-1);
        if (nothingRunsBefore(method.getBody(), made, state)) {
          Set<Integer> borrowed = null;
          for (int i = 0; i < made.getArguments().size(); i++) {
            int parameter = parameters.indexOf(getSymbol(uncast(made.getArguments().get(i))));
            if (parameter < 0) {
              continue;
            }
            if (borrowed == null) {
              borrowed = releasing.borrowedArguments(made, state);
            }
            // What the object only borrows (new HeaderReader(raf)) stays the caller's.
            if (!borrowed.contains(i)) {
              ownedByResult.add(parameter);
            }
          }
        }
      }

      @Override
      public Void visitEnhancedForLoop(EnhancedForLoopTree tree, Void unused) {
        // for (AutoCloseable r : resources) close(r): closing each element closes the parameter's.
        int parameter = parameters.indexOf(getSymbol(tree.getExpression()));
        if (parameter >= 0) {
          elements.put(getSymbol(tree.getVariable()), parameter);
        }
        return super.visitEnhancedForLoop(tree, null);
      }

      @Override
      public Void visitTry(TryTree tree, Void unused) {
        for (Tree resource : tree.getResources()) {
          if (resource instanceof ExpressionTree expression) {
            closedOutright.add(record(expression)); // Java 9's try (parameter) { ... }
          } else if (resource instanceof VariableTree variable) {
            // try (InputStream in = input) { ... } closes it
            closedOutright.add(record(variable.getInitializer()));
          }
        }
        return super.visitTry(tree, null);
      }

      // The resource `value` is a view of (ResourceSpec.isView: channel.socket(),
      // socket.getOutputStream()), through any number of views, or that a method reference is bound
      // to; `value` itself when it is none.
      private ExpressionTree beneathViews(ExpressionTree value) {
        ExpressionTree inner = uncast(value);
        if (inner instanceof MemberReferenceTree bound
            && bound.getMode() == MemberReferenceTree.ReferenceMode.INVOKE
            && getSymbol(bound.getQualifierExpression()) instanceof VarSymbol
            && !Receivers.isThisOrSuper(bound.getQualifierExpression())) {
          // xa::close, bound to a variable: the reference holds what the variable holds, and what
          // keeps the reference (Karaf's resources.push(xa::close)) keeps that.
          inner = uncast(bound.getQualifierExpression());
        }
        while (inner instanceof MethodInvocationTree view
            && getReceiver(view) != null
            && spec.isView(getSymbol(view), state)) {
          inner = uncast(getReceiver(view));
        }
        return inner;
      }

      // A field of the object given to another object's method that takes something closeable
      // (action.execute(conn)): that method may release it, as the analysis cannot see.
      private void noteHandedOn(MethodInvocationTree call, MethodSymbol callee) {
        List<VarSymbol> declared = callee.getParameters();
        List<? extends ExpressionTree> arguments = call.getArguments();
        for (int i = 0; i < arguments.size() && i < declared.size(); i++) {
          ExpressionTree value = uncast(arguments.get(i));
          Symbol field = getSymbol(value);
          if (isOwnField(value, field)
              && ASTHelpers.isSubtype(
                  declared.get(i).type, state.getSymtab().autoCloseableType, state)) {
            handedOn.add(field);
          }
        }
      }

      // A field of this object released here: dataSocket.close(), closeQuietly(this.in),
      // closeQuietly((AutoCloseable) ps), getStatement().close() of a getter that returns it.
      private void recordField(ExpressionTree taken) {
        ExpressionTree value = uncast(taken);
        Symbol symbol = getSymbol(value);
        if (isOwnField(value, symbol)) {
          released.add(symbol);
        } else if (fieldCopies.containsKey(symbol)) {
          released.add(fieldCopies.get(symbol));
        } else {
          Symbol got = fieldItReturns(value);
          if (got != null) {
            released.add(got);
          }
        }
      }

      // A local given the value of a field of the object holds that field's resource; given
      // anything else, it holds no field's.
      private void noteFieldCopy(Symbol local, @Nullable ExpressionTree value) {
        if (local == null) {
          return;
        }
        ExpressionTree copied = value == null ? null : uncast(value);
        Symbol field = copied == null ? null : getSymbol(copied);
        if (copied != null && isOwnField(copied, field)) {
          fieldCopies.put(local, field);
        } else {
          fieldCopies.remove(local);
        }
      }

      // Whether record or recordField would note anything of `taken`.
      private boolean isRecordable(ExpressionTree taken) {
        ExpressionTree value = beneathViews(taken);
        Symbol symbol = getSymbol(value);
        return parentOfParameter(value) >= 0
            || parents.containsKey(symbol)
            || fieldParents.contains(symbol)
            || isParentOfField(value)
            || fieldCopies.containsKey(symbol)
            || parameters.contains(symbol)
            || elements.containsKey(symbol)
            || decoratedParameter(value) >= 0
            || isOwnField(value, symbol)
            || fieldItReturns(value) != null;
      }

      // this.writer = w instanceof BufferedWriter ? w : new BufferedWriter(w): either arm is kept.
      // (Only a field's own store: a conditional handed to another object's setter is judged as
      // any argument.)
      private void keptInField(ExpressionTree value) {
        ExpressionTree inner = uncast(value);
        if (inner instanceof ConditionalExpressionTree conditional) {
          keptInField(conditional.getTrueExpression());
          keptInField(conditional.getFalseExpression());
          return;
        }
        record(inner);
        if (inner instanceof NewClassTree made) {
          // session = new VncSession(config, in, out), in and out the streams of the socket given:
          // the object kept holds what it is made of, with a close() of its own or not, as the
          // same store in the caller's body would hand the socket on; not what its constructor,
          // in sight, only reads (MySQL's new CallableStatementParamInfo(paramTypesRs)).
          List<? extends ExpressionTree> arguments = made.getArguments();
          for (int i = 0; i < arguments.size(); i++) {
            if (standsForAParameter(arguments.get(i))
                && ConstructorArguments.mayKeep(getSymbol(made), i, state)) {
              record(arguments.get(i));
            }
          }
        }
      }

      // Whether `value` is a parameter, a view of one, a decorator over one, or a local holding
      // one of those.
      private boolean standsForAParameter(ExpressionTree value) {
        ExpressionTree inner = beneathViews(value);
        Symbol symbol = getSymbol(inner);
        return parameters.contains(symbol)
            || elements.containsKey(symbol)
            || decoratedParameter(inner) >= 0;
      }

      // Notes what `taken` stands for as taken; the position of the parameter it is, or -1. A view
      // of it stands for it: selectable.setChannel(socket.getChannel()) keeps the socket.
      private int record(ExpressionTree taken) {
        ExpressionTree value = beneathViews(taken);
        int parent = parentOfParameter(value);
        ParentRead read =
            parent >= 0 ? new ParentRead(parent, value) : parents.get(getSymbol(value));
        if (read != null) {
          parentsClosed.computeIfAbsent(read.parameter(), p -> new ArrayList<>()).add(read.read());
        }
        Symbol symbol = getSymbol(value);
        if (fieldParents.contains(symbol) || isParentOfField(value)) {
          closesAFieldsParent[0] = true;
        }
        int parameter = parameters.indexOf(symbol);
        if (parameter < 0) {
          parameter = elements.getOrDefault(symbol, -1);
        }
        if (parameter < 0) {
          parameter = decoratedParameter(value); // parse(new InputSource(reader))
        }
        if (parameter >= 0) {
          closed.add(parameter);
        }
        return parameter;
      }
    }.scan(method.getBody(), null);
    return new Direct(
        writes,
        released,
        callees,
        closed,
        parentsClosed,
        keptAsIs,
        closedOutright,
        ownedByResult,
        heldByResult,
        handedOn,
        madeReleased,
        handedOnAtOnce,
        closesAFieldsParent[0]);
  }

  /**
   * Whether no call, construction or {@code throw} of {@code body} ends before {@code made} starts:
   * the object is built before anything of the method can fail.
   */
  private static boolean nothingRunsBefore(Tree body, NewClassTree made, VisitorState state) {
    int start = ASTHelpers.getStartPosition(made);
    boolean[] earlier = {false};
    new SameBodyScanner() {
      @Override
      public Void scan(Tree tree, Void unused) {
        if (earlier[0] || tree == null || ASTHelpers.getStartPosition(tree) >= start) {
          return null;
        }
        if ((tree instanceof MethodInvocationTree
                || tree instanceof NewClassTree
                || tree instanceof ThrowTree)
            && state.getEndPosition(tree) <= start) {
          earlier[0] = true;
          return null;
        }
        return super.scan(tree, null);
      }
    }.scan(body, null);
    return !earlier[0];
  }

  /** Whether {@code tree} reads a field of this object or class. */
  private static boolean readsOwnField(Tree tree) {
    return !ownFieldsReadIn(tree).isEmpty();
  }

  /**
   * The fields of this object or class (named plainly or through {@code this.}) that {@code tree}
   * reads.
   */
  static Set<Symbol> ownFieldsReadIn(Tree tree) {
    Set<Symbol> fields = new HashSet<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree identifier, Void unused) {
        add(identifier);
        return null;
      }

      @Override
      public Void visitMemberSelect(MemberSelectTree select, Void unused) {
        add(select);
        return super.visitMemberSelect(select, null);
      }

      private void add(ExpressionTree use) {
        Symbol symbol = getSymbol(use);
        if (isOwnField(use, symbol)) {
          fields.add(symbol);
        }
      }
    }.scan(tree, null);
    return fields;
  }

  /**
   * Whether {@code value}, stored in {@code field}, is made of what the field holds: a call or
   * constructor given the field ({@code socket = factory.createSocket(socket, host, port, true)},
   * jnats's TLS upgrade; {@code socket = new WebSocket(socket, host)}). The field then holds a
   * wrapper over its resource, not a new one over a lost one: not an overwrite. Also through a
   * local of the method that only ever holds such a value.
   */
  private static boolean madeOfItsOwnValue(ExpressionTree value, Symbol field, MethodTree method) {
    ExpressionTree made = uncast(value);
    if (made instanceof IdentifierTree
        && getSymbol(made) != null
        && getSymbol(made).getKind() == ElementKind.LOCAL_VARIABLE
        && method.getBody() != null) {
      // Through a local that only ever holds it (jnats: sslSocket = createSocket(socket, ...);
      // ... socket = sslSocket).
      ExpressionTree initializer =
          LocalVariables.soleInitializers(method.getBody()).get(getSymbol(made));
      made = initializer == null ? made : uncast(initializer);
    }
    List<? extends ExpressionTree> arguments =
        made instanceof MethodInvocationTree call
            ? call.getArguments()
            : made instanceof NewClassTree newClass ? newClass.getArguments() : List.of();
    for (ExpressionTree argument : arguments) {
      if (getSymbol(uncast(argument)) == field) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code value} without the casts, parentheses and null checks around it: {@code (AutoCloseable)
   * ps}, {@code Objects.requireNonNull(channel)}, {@code socket != null ? socket.getChannel() :
   * null} (what it is when it is anything).
   */
  private static ExpressionTree uncast(ExpressionTree value) {
    ExpressionTree inner = value;
    while (true) {
      if (inner instanceof TypeCastTree cast) {
        inner = cast.getExpression();
      } else if (inner instanceof ParenthesizedTree parenthesized) {
        inner = parenthesized.getExpression();
      } else if (inner instanceof ConditionalExpressionTree conditional
          && NullLiterals.isNull(conditional.getFalseExpression())) {
        inner = conditional.getTrueExpression();
      } else if (inner instanceof ConditionalExpressionTree conditional
          && NullLiterals.isNull(conditional.getTrueExpression())) {
        inner = conditional.getFalseExpression();
      } else {
        ExpressionTree checked = NullComparisons.checkedOperand(inner);
        if (checked == null) {
          return inner;
        }
        inner = checked;
      }
    }
  }

  /**
   * The field of this object that {@code value}, a call of a getter of this class, returns as it is
   * ({@code Statement getStatement() { return stmt; }}): closing what it returns closes the field
   * (Solr's DataImportHandler closes its iterator's statement with {@code getStatement().close()}).
   */
  @Nullable
  private Symbol fieldItReturns(ExpressionTree value) {
    if (!(value instanceof MethodInvocationTree call)
        || !call.getArguments().isEmpty()
        || !Receivers.isThisOrImplicit(getReceiver(call))) {
      return null;
    }
    MethodTree getter = methods.get(getSymbol(call));
    if (getter == null
        || !getter.getParameters().isEmpty()
        || getter.getBody().getStatements().size() != 1
        || !(getter.getBody().getStatements().get(0) instanceof ReturnTree returned)
        || returned.getExpression() == null) {
      return null;
    }
    ExpressionTree got = ASTHelpers.stripParentheses(returned.getExpression());
    Symbol field = getSymbol(got);
    return isOwnField(got, field) ? field : null;
  }

  /** A field of the object or class being analysed, named plainly or through {@code this.}. */
  static boolean isOwnField(ExpressionTree tree, Symbol symbol) {
    if (!(symbol instanceof VarSymbol) || symbol.getKind() != ElementKind.FIELD) {
      return false;
    }
    return tree instanceof IdentifierTree
        || (tree instanceof MemberSelectTree select
            && Receivers.isThisOrImplicit(select.getExpression()));
  }
}
