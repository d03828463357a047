package io.github.leakprone.analysis.obligation;

import static com.google.errorprone.util.ASTHelpers.getSymbol;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.VariableTree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import io.github.leakprone.catalog.ContainerStores;
import io.github.leakprone.catalog.Getters;
import io.github.leakprone.catalog.NamedTypes;
import io.github.leakprone.catalog.Platform;
import io.github.leakprone.catalog.ResourceSpec;
import io.github.leakprone.catalog.ResourceSpec.Acquisition;
import io.github.leakprone.trees.Casts;
import io.github.leakprone.trees.LocalVariables;
import io.github.leakprone.trees.ReturnedValues;
import io.github.leakprone.trees.SameBodyScanner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ElementKind;

/**
 * Which calls acquire, for one compilation unit: the catalog's answer, except that a method known
 * only by its look ({@link Acquisition#OWNED_IF_FRESH}: a project's {@code openConnection()}) whose
 * body the unit holds, or one known only where its body is seen ({@link
 * Acquisition#OWNED_IF_SEEN_FRESH}) whose body is in sight (also another file javac compiles with
 * the unit), acquires only if that body returns a new resource: one an acquiring call or
 * constructor made, or a decorator around one, directly or through a local. A getter that returns a
 * field, or a method that wraps its argument in a proxy, does not.
 */
final class AcquiringCalls {

  private final ResourceSpec spec;
  private final UnitMethods unit;
  private final Map<MethodSymbol, Returned> returns = new HashMap<>();
  private final Map<MethodSymbol, Boolean> returnsAField = new HashMap<>();
  private final Map<MethodSymbol, Boolean> readableBuilds = new HashMap<>();
  private final Map<MethodSymbol, Boolean> childrenOfWhatItKeeps = new HashMap<>();
  private final HolderLookups holderLookups;

  AcquiringCalls(ResourceSpec spec, UnitMethods unit) {
    this.spec = spec;
    this.unit = unit;
    this.holderLookups = new HolderLookups(unit);
  }

  /**
   * How {@code tree} acquires a resource, if it does: {@code OWNED}, {@code CHILD_OF_RECEIVER} or
   * {@code CHILD_OF_ARGUMENT}.
   */
  Optional<Acquisition> acquisition(ExpressionTree tree, VisitorState state) {
    Optional<Acquisition> listed = spec.acquisition(tree, state);
    if (listed.isPresent()
        && listed.get() == Acquisition.OWNED
        && tree instanceof MethodInvocationTree
        && returnsAField((MethodSymbol) getSymbol(tree), state)) {
      // The catalog speaks for the interface; an implementation in sight that hands out what a
      // field holds is a getter (MariaDB's MariaDbPooledConnection.getConnection(): return
      // connection), and what it returns is its object's.
      return Optional.empty();
    }
    if (listed.isEmpty()
        || (listed.get() != Acquisition.OWNED_IF_FRESH
            && listed.get() != Acquisition.OWNED_IF_SEEN_FRESH
            && listed.get() != Acquisition.OWNED_IF_FRESH_IN_UNIT)) {
      return listed;
    }
    MethodSymbol method = (MethodSymbol) getSymbol(tree);
    // A factory trusted by its name is judged by its body only in this unit: in another file it
    // often hands on what another object's getter returns (Torque.getConnection(name) returns
    // getInstance().getConnection(name)), which a body's look cannot tell from a getter's; one
    // known only by its declared result counts only there. One known only where its body is seen
    // is read wherever javac compiles it. A body in sight that only hands out what a field holds
    // is a getter wherever it is (SqlToy's DBTransUtils.getCurrentConnection(): return
    // threadLocal.get()), and so is one whose every return can be read back to its source.
    MethodTree body =
        listed.get() == Acquisition.OWNED_IF_SEEN_FRESH
            ? unit.declarationInSight(method, state)
            : unit.declaration(method);
    boolean fresh =
        body == null
            ? listed.get() == Acquisition.OWNED_IF_FRESH
                && !givenOneOfItsKind(method, state)
                && !isGetterInSight(method, state)
                && !buildsFromWhatItCanBeReadTo(method, state)
                && !handsOutWhatItKeeps(method, state)
                && !handsOutAChildOfWhatItKeeps(method, state)
            : returnsFresh(method, body, state);
    if (!fresh || handsOutAHoldersOwn(tree, method, state)) {
      return Optional.empty();
    }
    boolean child =
        body != null
            ? returns(method, body, state).parent() >= 0
            : statementGiven(method, state) >= 0;
    return child ? Optional.of(Acquisition.CHILD_OF_ARGUMENT) : Optional.of(Acquisition.OWNED);
  }

  /**
   * For a helper out of sight declared to return a result set: the position of its one statement
   * parameter, or -1. A result set comes from a statement, and a helper handed one has that one to
   * run (SchemaCrawler's {@code executeSql(statement, sql)}, in a jar): what it returns is that
   * statement's, as if the call were made in place.
   */
  private static int statementGiven(MethodSymbol method, VisitorState state) {
    Type resultSet = NamedTypes.get("java.sql.ResultSet", state);
    Type statement = NamedTypes.get("java.sql.Statement", state);
    if (resultSet == null
        || statement == null
        || !ASTHelpers.isSubtype(method.getReturnType(), resultSet, state)) {
      return -1;
    }
    int found = -1;
    List<VarSymbol> parameters = method.getParameters();
    for (int i = 0; i < parameters.size(); i++) {
      if (ASTHelpers.isSubtype(parameters.get(i).type, statement, state)) {
        if (found >= 0) {
          return -1; // two statements: which one's is not the declaration's to say
        }
        found = i;
      }
    }
    return found;
  }

  /**
   * Whether {@code method} takes a parameter of the very type it returns: given a connection, a
   * helper trusted by its name hands back that one, unwrapped or wrapped (datasource-proxy's {@code
   * NativeJdbcExtractUtils.getConnection(con)}, Spring's {@code getTargetConnection(con)}), not a
   * new one that its caller must close. Not one given a subtype: BoneCP's {@code
   * pool.obtainInternalConnection(handle)} is given the handle (a {@code Connection} of its own)
   * that the new physical connection is for.
   */
  private static boolean givenOneOfItsKind(MethodSymbol method, VisitorState state) {
    Type returned = method.getReturnType();
    for (VarSymbol parameter : method.getParameters()) {
      if (ASTHelpers.isSameType(parameter.type, returned, state)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The position of {@code call}'s argument whose resource what the call returns is a child of,
   * where {@link #acquisition} said {@link Acquisition#CHILD_OF_ARGUMENT}; else -1.
   */
  int parentArgument(MethodInvocationTree call, VisitorState state) {
    MethodSymbol method = getSymbol(call);
    Returned known = returns.get(method);
    int parent =
        known != null ? known.parent() : method == null ? -1 : statementGiven(method, state);
    return parent >= 0 && parent < call.getArguments().size() ? parent : -1;
  }

  /**
   * The value of a boolean parameter of {@code method} under which alone what {@link #acquisition}
   * found it to make is new, where its body says so ({@link ParameterGuards}).
   */
  Optional<ParameterGuards.Guard> freshOnlyWhen(MethodSymbol method) {
    Returned known = returns.get(method);
    return known == null ? Optional.empty() : known.guard();
  }

  /**
   * Whether {@code call} of {@code method} may get what a holder holds, where the caller cannot
   * tell ({@link HolderLookups}).
   */
  private boolean handsOutAHoldersOwn(
      ExpressionTree call, MethodSymbol method, VisitorState state) {
    MethodTree declaration = unit.declarationInSight(method, state);
    return declaration != null && holderLookups.handsOutAHoldersOwn(call, declaration, state);
  }

  /**
   * Whether {@code method}'s body, in another file in sight, makes no new resource, and every value
   * it returns can be read back to where it comes from ({@link #isReadable}): Proxool's {@code
   * (Connection) getProxy(proxyConnection.getConnection(), new
   * WrappedConnection(proxyConnection))}, a proxy over the connection its caller already holds. A
   * return that cannot (a local, a pool's {@code take()} out of sight) leaves the name trusted: it
   * may hand on what some pool makes.
   */
  private boolean buildsFromWhatItCanBeReadTo(MethodSymbol method, VisitorState state) {
    Boolean known = readableBuilds.get(method);
    if (known != null) {
      return known;
    }
    readableBuilds.put(method, false); // a recursive factory is no build of known parts
    MethodTree declaration = unit.declarationInSight(method, state);
    boolean readable =
        declaration != null
            && declaration.getBody() != null
            && everyReturnReadable(declaration, method, state)
            && !returnsFresh(method, declaration, state);
    readableBuilds.put(method, readable);
    return readable;
  }

  private boolean everyReturnReadable(
      MethodTree declaration, MethodSymbol method, VisitorState state) {
    return ReturnedValues.expressions(declaration.getBody()).stream()
        .allMatch(value -> isReadable(value, method, state));
  }

  /**
   * Whether {@code value} can be read back to where it comes from, and is no new resource: a
   * literal, {@code this}, a field or a parameter; a call of the resource's type whose body, in
   * sight, is a getter or builds from what it can be read to in turn; a call or construction of
   * another type (a proxy builder, a handler) given only such values. A local, or a call of the
   * resource's type out of sight ({@code pool.take()}), may be anything.
   */
  private boolean isReadable(ExpressionTree tree, MethodSymbol method, VisitorState state) {
    ExpressionTree value = Casts.stripped(tree);
    if (value instanceof LiteralTree || isClassLiteral(value)) {
      return true;
    }
    Symbol symbol = getSymbol(value);
    Type type = ASTHelpers.getType(value);
    boolean resourceTyped =
        type == null || ASTHelpers.isSubtype(type, method.getReturnType(), state);
    if (value instanceof MethodInvocationTree call) {
      if (resourceTyped) {
        // Judged by its own body, not by whether the name is trusted here: Torque's
        // getInstance().getConnection(name), whose body returns a data source's connection.
        return symbol instanceof MethodSymbol callee
            && (isGetterInSight(callee, state) || buildsFromWhatItCanBeReadTo(callee, state));
      }
      ExpressionTree receiver = ASTHelpers.getReceiver(call);
      return (receiver == null || isReadable(receiver, method, state))
          && allReadable(call.getArguments(), method, state);
    }
    if (value instanceof NewClassTree made) {
      return !resourceTyped
          && made.getClassBody() == null
          && allReadable(made.getArguments(), method, state);
    }
    if (value instanceof NewArrayTree array) {
      return array.getInitializers() == null || allReadable(array.getInitializers(), method, state);
    }
    return symbol != null
        && (symbol.getKind() == ElementKind.FIELD
            || symbol.getKind() == ElementKind.PARAMETER
            || symbol.getSimpleName().contentEquals("this"));
  }

  private static boolean isClassLiteral(ExpressionTree value) {
    return value instanceof MemberSelectTree select
        && select.getIdentifier().contentEquals("class");
  }

  private boolean allReadable(
      List<? extends ExpressionTree> values, MethodSymbol method, VisitorState state) {
    return values.stream().allMatch(value -> isReadable(value, method, state));
  }

  /**
   * Whether {@code method} is a project's implementation, compiled with the unit, whose every
   * {@code return} hands out a field's value.
   */
  private boolean returnsAField(MethodSymbol method, VisitorState state) {
    if (method == null || method.isStatic() || Platform.declares(method)) {
      return false;
    }
    return isGetterInSight(method, state);
  }

  /** Whether {@code method}'s body, in sight, only hands out what a field holds. */
  private boolean isGetterInSight(MethodSymbol method, VisitorState state) {
    return returnsAField.computeIfAbsent(
        method,
        m -> {
          MethodTree body = unit.declarationInSight(m, state);
          return body != null && Getters.returnsOnlyFields(body, state);
        });
  }

  private boolean returnsFresh(MethodSymbol method, MethodTree declaration, VisitorState state) {
    return returns(method, declaration, state).fresh();
  }

  private Returned returns(MethodSymbol method, MethodTree declaration, VisitorState state) {
    Returned known = returns.get(method);
    if (known != null) {
      return known;
    }
    // A recursive factory adds nothing on its way round.
    returns.put(method, new Returned(false, false, NOT_FRESH, Optional.empty()));
    Returned returned = scan(declaration, state);
    returns.put(method, returned);
    return returned;
  }

  /**
   * Whether {@code method}'s body, in another file in sight, returns only what it made and kept
   * (registered, put in a cache, stored in a field) before returning it: PolyJDBC's {@code
   * Transaction.createStatement()}, which registers each statement with the transaction that closes
   * it. What it hands out is the keeper's, wherever the method is called from.
   */
  private boolean handsOutWhatItKeeps(MethodSymbol method, VisitorState state) {
    MethodTree declaration = method == null ? null : unit.declarationInSight(method, state);
    if (declaration == null || declaration.getBody() == null) {
      return false;
    }
    Returned returned = returns(method, declaration, state);
    return !returned.fresh() && returned.keptFresh();
  }

  /**
   * Whether {@code method}'s body, in another file in sight, returns only what a resource its
   * object keeps in a field makes of itself: Castor's statement wrapper, whose {@code
   * executeQuery()} is {@code return _statement.executeQuery()}, and whose {@code close()} closes
   * that statement and with it the result set (three FALSE "never closed" findings of a holdout
   * round). The result goes with the kept resource, which is the object's to release, as a result
   * set of a statement a field holds is in the analysis of a body.
   */
  private boolean handsOutAChildOfWhatItKeeps(MethodSymbol method, VisitorState state) {
    MethodTree declaration = method == null ? null : unit.declarationInSight(method, state);
    if (declaration == null || declaration.getBody() == null || ASTHelpers.isStatic(method)) {
      return false;
    }
    // Asked at every call of the factory: its body is read once. Not computeIfAbsent: reading it
    // asks this of the factories it calls.
    Boolean known = childrenOfWhatItKeeps.get(method);
    if (known != null) {
      return known;
    }
    childrenOfWhatItKeeps.put(method, false); // a recursive factory adds nothing on its way round
    boolean answer = readsAsAChildOfWhatItKeeps(method, declaration, state);
    childrenOfWhatItKeeps.put(method, answer);
    return answer;
  }

  private boolean readsAsAChildOfWhatItKeeps(
      MethodSymbol method, MethodTree declaration, VisitorState state) {
    boolean[] child = {false};
    boolean[] other = {false};
    new SameBodyScanner() {
      @Override
      public Void visitReturn(ReturnTree ret, Void unused) {
        ExpressionTree value =
            ret.getExpression() == null ? null : Casts.stripped(ret.getExpression());
        if (value instanceof LiteralTree) {
          return null; // return null: nothing handed out
        }
        boolean ofAField =
            value instanceof MethodInvocationTree call
                && acquisition(call, state).orElse(null) == Acquisition.CHILD_OF_RECEIVER
                && isOwnField(getSymbol(ASTHelpers.getReceiver(call)), method, state);
        child[0] |= ofAField;
        other[0] |= !ofAField;
        return null;
      }
    }.scan(declaration.getBody(), null);
    return child[0] && !other[0];
  }

  /**
   * Whether {@code symbol} is an instance field of {@code method}'s object, its own or inherited.
   */
  private static boolean isOwnField(Symbol symbol, MethodSymbol method, VisitorState state) {
    return symbol != null
        && symbol.getKind() == ElementKind.FIELD
        && !ASTHelpers.isStatic(symbol)
        && ASTHelpers.isSubtype(method.owner.type, symbol.owner.type, state);
  }

  /**
   * What a body returns of the resources it makes.
   *
   * @param fresh a new one the caller must close, on some path
   * @param keptFresh one it made and kept (a cache, a registry, a field) before returning it
   * @param parent where every new one it returns is a child of the resource one parameter holds
   *     ({@code return statement.executeQuery(sql)}), that parameter's index; else {@link
   *     #NOT_FRESH}
   * @param guard the value of a boolean parameter under which alone it returns a new one, if one
   */
  private record Returned(
      boolean fresh, boolean keptFresh, int parent, Optional<ParameterGuards.Guard> guard) {}

  /** {@link #origin}: not a new resource. */
  private static final int NOT_FRESH = -2;

  /** {@link #origin}: a new resource the body's caller owns outright. */
  private static final int OWN = -1;

  private Returned scan(MethodTree declaration, VisitorState state) {
    MethodSymbol method = getSymbol(declaration);
    // Each local that holds a new resource, with its origin.
    Map<Symbol, Integer> freshLocals = new HashMap<>();
    Set<Integer> origins = new HashSet<>();
    List<ReturnTree> freshReturns = new ArrayList<>();
    // What the method keeps besides returning it (a cache: putStatement(sql, stmt), a field) is
    // not the caller's to close.
    Set<Symbol> kept = new HashSet<>();
    List<ReturnTree> returned = new ArrayList<>();
    boolean[] keptByCallee = {false};
    new SameBodyScanner() {
      @Override
      public Void visitVariable(VariableTree variable, Void unused) {
        if (variable.getInitializer() != null) {
          noteFresh(getSymbol(variable), variable.getInitializer());
        }
        return super.visitVariable(variable, null);
      }

      @Override
      public Void visitAssignment(AssignmentTree assignment, Void unused) {
        // A field assigned a new resource and returned is a cache the object keeps (a lazy
        // getConnection()): what the method hands out is the object's, not the caller's to close.
        Symbol assigned = getSymbol(assignment.getVariable());
        if (LocalVariables.isLocalOrParameter(assigned)) {
          noteFresh(assigned, assignment.getExpression());
        }
        // The same cache through a local: p = this.stmt; if (p == null) { p = prepare(); this.stmt
        // = p; } return p, or this.stmt = p = prepare() (PgJDBC's TypeInfoCache): the field keeps
        // what the local returns.
        // So does an element of a field's array: indexStreams[keyLength] = dos (PalDB's
        // getIndexStream, a stream per key length made on first use).
        ExpressionTree value = Casts.stripped(assignment.getExpression());
        Symbol stored =
            getSymbol(value instanceof AssignmentTree chained ? chained.getVariable() : value);
        Symbol holder =
            assignment.getVariable() instanceof ArrayAccessTree element
                ? getSymbol(element.getExpression())
                : assigned;
        if (holder != null
            && holder.getKind() == ElementKind.FIELD
            && LocalVariables.isLocalOrParameter(stored)) {
          kept.add(stored);
        }
        return super.visitAssignment(assignment, null);
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        MethodSymbol callee = getSymbol(call);
        if (callee != null
            && (ContainerStores.storesArgument(call, state)
                || ContainerStores.mayStoreArgument(callee.getSimpleName().toString()))) {
          call.getArguments().forEach(argument -> kept.add(getSymbol(Casts.stripped(argument))));
        }
        return super.visitMethodInvocation(call, null);
      }

      @Override
      public Void visitReturn(ReturnTree ret, Void unused) {
        ExpressionTree value = ret.getExpression();
        int origin = value == null ? NOT_FRESH : origin(value, method, freshLocals, state);
        if (origin != NOT_FRESH) {
          origins.add(origin);
          freshReturns.add(ret);
        } else if (value != null) {
          returned.add(ret);
          // return _prepareStatement(sql, false): a method in sight that hands out what it keeps
          // (bboss's StatementInfo, whose factories all return what its private one registered).
          if (Casts.stripped(value) instanceof MethodInvocationTree call
              && handsOutWhatItKeeps(getSymbol(call), state)) {
            keptByCallee[0] = true;
          }
        }
        return super.visitReturn(ret, null);
      }

      // A local assigned a new resource holds it from then on, wherever it came from.
      private void noteFresh(Symbol local, ExpressionTree value) {
        int origin = origin(value, method, freshLocals, state);
        if (origin != NOT_FRESH) {
          freshLocals.merge(local, origin, (was, now) -> was.equals(now) ? was : OWN);
        }
      }
    }.scan(declaration.getBody(), null);
    boolean keptLocal = keptByCallee[0];
    for (ReturnTree ret : returned) {
      Symbol local = getSymbol(Casts.stripped(ret.getExpression()));
      Integer origin = freshLocals.get(local);
      if (origin != null) {
        if (kept.contains(local)) {
          keptLocal = true;
        } else {
          origins.add(origin);
          freshReturns.add(ret);
        }
      }
    }
    if (origins.isEmpty()) {
      return new Returned(false, keptLocal, NOT_FRESH, Optional.empty());
    }
    int parent = origins.size() == 1 ? origins.iterator().next() : OWN;
    return new Returned(
        true, keptLocal, parent, ParameterGuards.commonTo(declaration, freshReturns, state));
  }

  /**
   * Whether {@code expression}, in {@code method}'s body, whose locals {@code freshLocals} hold new
   * resources, makes one the body's caller gets, and whose: {@link #NOT_FRESH}, {@link #OWN} (as
   * {@link #isAcquiring}), or a parameter's index. A child ({@code st.executeQuery(sql)}) is new
   * only where its receiver is new itself, or is what the caller gave (its own statement's result,
   * handed back: {@code query(statement, sql)}, which the caller sees as {@code
   * statement.executeQuery(sql)}: that parameter's index). The result set of a statement a driver's
   * connection made of itself (HyperSQL's metadata helper {@code execute(sql)}) or a field holds
   * goes with that statement, as in the analysis of a body.
   */
  private int origin(
      ExpressionTree expression,
      MethodSymbol method,
      Map<Symbol, Integer> freshLocals,
      VisitorState state) {
    ExpressionTree value = Casts.stripped(expression);
    if (value instanceof ConditionalExpressionTree conditional) {
      // Either branch may be what the caller gets, as with two returns: fluentjdbc's
      // return generated ? con.prepareStatement(sql, keys) : con.prepareStatement(sql).
      return either(
          origin(conditional.getTrueExpression(), method, freshLocals, state),
          origin(conditional.getFalseExpression(), method, freshLocals, state));
    }
    if (value instanceof NewClassTree decorator && !isAcquiring(decorator, state)) {
      // new BufferedInputStream(fileIn) around a local the body opened (JLayer's openInput): the
      // decorator hands out what that local holds.
      for (int i : spec.decoratedArguments(decorator, state)) {
        ExpressionTree decorated = Casts.stripped(decorator.getArguments().get(i));
        Integer local = freshLocals.get(getSymbol(decorated));
        int inner = local != null ? local : origin(decorated, method, freshLocals, state);
        if (inner != NOT_FRESH) {
          return inner;
        }
      }
      return NOT_FRESH;
    }
    if (!(value instanceof MethodInvocationTree call)) {
      return isAcquiring(value, state) ? OWN : NOT_FRESH;
    }
    Optional<Acquisition> made = acquisition(call, state);
    if (made.isEmpty()) {
      return viewOrigin(call, method, freshLocals, state);
    }
    ExpressionTree parent;
    if (made.get() == Acquisition.CHILD_OF_RECEIVER) {
      parent = ASTHelpers.getReceiver(call);
    } else if (made.get() == Acquisition.CHILD_OF_ARGUMENT) {
      int argument = parentArgument(call, state);
      parent = argument >= 0 ? call.getArguments().get(argument) : null;
    } else {
      return OWN;
    }
    Symbol owner = parent == null ? null : getSymbol(Casts.stripped(parent));
    if (owner == null) {
      return NOT_FRESH;
    }
    Integer local = freshLocals.get(owner);
    if (local != null) {
      return local;
    }
    if (owner.getKind() == ElementKind.PARAMETER) {
      int index = method == null ? -1 : method.getParameters().indexOf(owner);
      return index >= 0 ? index : OWN;
    }
    return origin(parent, method, freshLocals, state);
  }

  /**
   * The origin of {@code call} where it is a view of its receiver ({@link ResourceSpec#isView}:
   * closing either closes both): its receiver's. LTS's {@code newFileChannel(file, mode)} returns
   * {@code new RandomAccessFile(file, mode).getChannel()}, the new file seen as a channel, which
   * its caller closes through the channel; a view of what the caller gave ({@code raf.getChannel()}
   * of a parameter) is nothing new.
   */
  private int viewOrigin(
      MethodInvocationTree call,
      MethodSymbol method,
      Map<Symbol, Integer> freshLocals,
      VisitorState state) {
    MethodSymbol callee = getSymbol(call);
    ExpressionTree receiver = ASTHelpers.getReceiver(call);
    if (callee == null || receiver == null || !spec.isView(callee, state)) {
      return NOT_FRESH;
    }
    Integer local = freshLocals.get(getSymbol(Casts.stripped(receiver)));
    return local != null ? local : origin(receiver, method, freshLocals, state);
  }

  /**
   * The origin of a value that is one of two: a new resource if either is one (the other may be
   * null, or a cache), its caller's own where they are new of different origins.
   */
  private static int either(int one, int other) {
    if (one == NOT_FRESH || one == other) {
      return other;
    }
    return other == NOT_FRESH ? one : OWN;
  }

  /**
   * Whether {@code expression} makes a new resource: an acquiring call or constructor, or a
   * decorator made around one ({@code new BufferedInputStream(new FileInputStream(file))}).
   */
  boolean isAcquiring(ExpressionTree expression, VisitorState state) {
    ExpressionTree value = Casts.stripped(expression);
    if (value instanceof MethodInvocationTree) {
      return acquisition(value, state).isPresent();
    }
    if (value instanceof NewClassTree newClass) {
      if (acquisition(newClass, state).isPresent()) {
        return true;
      }
      for (int i : spec.decoratedArguments(newClass, state)) {
        if (isAcquiring(newClass.getArguments().get(i), state)) {
          return true;
        }
      }
    }
    return false;
  }
}
