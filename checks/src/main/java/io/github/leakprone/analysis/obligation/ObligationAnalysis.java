package io.github.leakprone.analysis.obligation;

import static com.google.errorprone.util.ASTHelpers.getReceiver;
import static com.google.errorprone.util.ASTHelpers.getSymbol;
import static com.google.errorprone.util.ASTHelpers.stripParentheses;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Iterables;
import com.google.common.collect.Maps;
import com.google.common.collect.Sets;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssertTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EmptyStatementTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.tree.YieldTree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.TypeTag;
import com.sun.tools.javac.tree.JCTree;
import io.github.leakprone.analysis.obligation.PendingExits.Exit;
import io.github.leakprone.analysis.obligation.PendingExits.Kind;
import io.github.leakprone.catalog.ContainerStores;
import io.github.leakprone.catalog.ResourceSpec;
import io.github.leakprone.trees.Casts;
import io.github.leakprone.trees.ConstructorCalls;
import io.github.leakprone.trees.EnumSwitches;
import io.github.leakprone.trees.FirstPassGuards;
import io.github.leakprone.trees.HolderFields;
import io.github.leakprone.trees.Identifiers;
import io.github.leakprone.trees.LambdaResults;
import io.github.leakprone.trees.Listeners;
import io.github.leakprone.trees.LocalVariables;
import io.github.leakprone.trees.LoggingGuards;
import io.github.leakprone.trees.MainMethods;
import io.github.leakprone.trees.ModeFlags;
import io.github.leakprone.trees.NullComparisons;
import io.github.leakprone.trees.NullLiterals;
import io.github.leakprone.trees.PrivateCalls;
import io.github.leakprone.trees.ProgramExits;
import io.github.leakprone.trees.Receivers;
import io.github.leakprone.trees.Registrations;
import io.github.leakprone.trees.ReturnedValues;
import io.github.leakprone.trees.SameBodyScanner;
import io.github.leakprone.trees.Setters;
import io.github.leakprone.trees.StandardStreams;
import io.github.leakprone.trees.StoreTargets;
import io.github.leakprone.trees.Tasks;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import javax.annotation.Nullable;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;

/**
 * The obligation analysis: "a resource acquired here must be released on every path out of its
 * scope", for one method or lambda body.
 *
 * <p>A forward dataflow over the body's control flow, run on the syntax tree the way javac's own
 * flow analysis is: statements transfer a state (the open {@link Obligation}s, see {@link Facts})
 * in order; {@code break}, {@code continue}, {@code return}, {@code throw} and the exception every
 * call may throw leave as {@link PendingExits} that the enclosing loop, {@code try} or the method
 * end picks up; a {@code finally} runs once for each kind of exit that passes through it; loops
 * iterate to a fixpoint. The state is a set over a finite set of obligations and every transfer is
 * distributive, so each loop converges; the state at each loop head is kept and grows only, so an
 * inner loop resumes where it stopped on the next pass of an outer loop. The cost is linear in the
 * body's size for a fixed nesting depth, with no enumeration of paths.
 *
 * <p>Ownership leaves the method when a resource is returned, handed to a constructor (a wrapper),
 * added to a collection, stored into another object, or captured by a lambda or inner class. A
 * field of this object holds it like a local, and at the end of the method a field that the class
 * closes somewhere owns it ({@link ClassSummary}).
 */
public final class ObligationAnalysis {

  /** Statements and expressions visited, over all analyses: a machine-independent cost measure. */
  private static final AtomicLong WORK = new AtomicLong();

  /** A body that needs more steps than this is given up on (no findings) rather than slow javac. */
  private static final int MAX_STEPS = 2_000_000;

  private final ResourceSpec spec;
  private final UnitSummary unit;
  private final ClassSummary summary;

  /** Which calls an exception may leave: the exception policy, applied to this unit. */
  private final ThrowingCalls throwing;

  private final Symbol ownClass;

  private final VisitorState state;

  private final LeakBook book;
  private final Transfers transfers;
  private final Witnesses witnesses;
  private final CatchCoverage catches;

  /** Whether the body is the program's {@code main}, which the launcher runs once. */
  private boolean isMain;

  /** The buffers of the body that nothing has filled yet: writes into them cannot fail. */
  private final FreshBuffers freshBuffers;

  /** The body's URL conversions that cannot fail where they are made. */
  private final UrlConversions urlConversions;

  private final Map<Tree, Facts> loopHeads = new HashMap<>();
  private PendingExits pending = new PendingExits();

  /** The state the last call's exceptional exit carried, and the exits it went to. */
  private Facts lastThrown;

  private PendingExits lastThrownInto;

  private int lastThrownRank;
  private ImmutableSet<Symbol> lastThrownTypes;

  /** How many {@code finally} blocks around the statement being analysed. */
  private int finallyDepth;

  /** The loops whose body is being analysed, innermost first. */
  private final Deque<Tree> loops = new ArrayDeque<>();

  /**
   * How many branches that only verbose logging takes ({@link LoggingGuards}) surround the
   * statement analysed: no exception leaves a call there.
   */
  private int verboseOnly;

  /** The {@code try} statements whose block is being analysed, innermost first. */
  private final Deque<TryTree> trying = new ArrayDeque<>();

  /**
   * Locals given the value of a call that was handed the method's resources, with the variables
   * that held them ({@code InterceptResult result = interceptor.postExecute(name, statement)}).
   */
  private final Map<Symbol, ImmutableSet<Symbol>> resultsOfCallsGiven = new HashMap<>();

  /** The types the catch clauses being analysed name, innermost first. */
  private final Deque<ImmutableList<Type>> handling = new ArrayDeque<>();

  /**
   * The lines of the catch blocks the walk is in, innermost first: a resource whose path went
   * through one of them ({@link Witness.Kind#CAUGHT} there) is lost there by what the block does.
   */
  private final Deque<Integer> handlingAt = new ArrayDeque<>();

  /** Whether the body connects what it stores in each field asked about, read once per field. */
  private final Map<Symbol, Boolean> connectsWhatItStores = new HashMap<>();

  private int steps;

  /** The body being analysed. */
  private Tree body;

  /** The {@code break}s that end their case's statements, each a switch case's ordinary exit. */
  private final Set<Tree> caseEnds = new HashSet<>();

  /**
   * The body's locals that only ever hold their initializer, with it; indexed in one pass on the
   * first test for null of a variable that holds something ({@link #neverNull}), the first getter
   * of an object that holds something ({@link #handedBack}), or the first call that may release its
   * receiver when it fails ({@link #asDeclared}).
   */
  private Map<Symbol, ExpressionTree> soleInitializers;

  /**
   * The locals the body sets to null after their declaration where a read may see it ({@link
   * LocalVariables#nulledBeforeARead}), found once it is first asked.
   */
  private Set<Symbol> nulledLocals;

  /** The body's local collections that keep what is added to them. */
  private LocalContainers collections;

  /**
   * The body's locals that hold a failure or nothing ({@link FailureLocals}): flags too. Read on
   * the first question about a local of a {@link Throwable} type ({@link #isFailureLocal}).
   */
  private Set<Symbol> failureLocals;

  /** The body's locals declared null and tested for it ({@link NullUntilSetLocals}), once read. */
  private Set<Symbol> nullUntilSet;

  /**
   * Those of {@link #nullUntilSet} each obligation keeps ({@link
   * NullUntilSetLocals#testedInAFinally}, {@link NullUntilSetLocals#setBesideAnAcquisition}).
   */
  private Set<Symbol> nullUntilSetKept;

  /** {@link ReleaseFlags} of the body, read where a boolean local is first asked about. */
  private Set<Symbol> releaseFlags;

  /** {@link NullTestedFields} of the body, read where a field's null test is first asked about. */
  private Set<Symbol> nullTestedFields;

  /** {@link #classOf} of the locals asked about, by local. */
  private final Map<Symbol, Type> classesOfLocals = new HashMap<>();

  /** What the body closes of its variables, and where. */
  private BodyCloses closes;

  /** The losses of a resource that has opened nothing yet ({@link LossesBeforeFirstUse}). */
  private final LossesBeforeFirstUse lossesBeforeFirstUse;

  /** What an object's method releases of the makers its constructor kept ({@link KeptMakers}). */
  private final KeptMakers keptMakers;

  /** The fields whose value on entry may be open, each with its stand-in site. */
  private ImmutableMap<Symbol, Tree> earlierValues = ImmutableMap.of();

  private ObligationAnalysis(
      ResourceSpec spec, UnitSummary unit, ClassTree owner, VisitorState state) {
    this.spec = spec;
    this.unit = unit;
    this.summary = unit.classSummary(owner);
    this.throwing = unit.throwing;
    this.ownClass = getSymbol(owner);
    this.state = state;
    this.lossesBeforeFirstUse = new LossesBeforeFirstUse(spec, state);
    this.keptMakers = new KeptMakers(spec, state);
    this.book =
        new LeakBook(
            (obligation, witness) -> lossesBeforeFirstUse.losesNothing(obligation, witness, body),
            site -> spec.isLeftToItsConnectionOnFailure(site, state));
    this.transfers = new Transfers(book);
    this.witnesses = new Witnesses(state);
    this.catches = new CatchCoverage(state, block -> throwing.declaredIn(block, state));
    this.freshBuffers = new FreshBuffers(state.getPath());
    this.urlConversions = new UrlConversions(state.getPath());
  }

  /** Statements and expressions visited by every analysis so far, for the scaling benchmark. */
  public static long workUnits() {
    return WORK.get();
  }

  /**
   * The resources acquired in {@code body} (a method's block, or a lambda's block or expression)
   * that some path does not release, in source order.
   *
   * @param unit what is known of the compilation unit: its methods, its classes' summaries
   * @param owner the class whose fields count as this object's own
   */
  static ImmutableList<Leak> analyse(
      Tree body, ResourceSpec spec, UnitSummary unit, ClassTree owner, VisitorState state) {
    ObligationAnalysis analysis = new ObligationAnalysis(spec, unit, owner, state);
    try {
      analysis.run(body);
    } catch (StepBudgetExceeded e) {
      return ImmutableList.of();
    }
    return analysis.book.report();
  }

  private void run(Tree body) {
    this.body = body;
    collections = new LocalContainers(body, state, this::releasesSomething);
    closes = new BodyCloses(spec, unit.releasing, state, body, this::trackable);
    MethodSymbol method =
        state.getPath().getLeaf() instanceof MethodTree tree ? getSymbol(tree) : null;
    // main, or a step of it that is not public (a tool's process(args)): the program ends with it.
    isMain =
        method != null
            && (MainMethods.isMain(method)
                || (!method.getModifiers().contains(Modifier.PUBLIC)
                    && PrivateCalls.onlyStepsOfMain(state.getPath())));
    boolean constructor = method != null && method.isConstructor();
    Facts out;
    if (body instanceof BlockTree block) {
      out = statement(block, onEntry(block, method));
    } else {
      // An expression lambda returns its value: hand it over before temporaries are judged. One
      // whose interface returns nothing drops it, as an expression statement does.
      Eval value = expression((ExpressionTree) body, Facts.EMPTY);
      boolean returned =
          state.getPath().getLeaf() instanceof LambdaExpressionTree lambda
              && LambdaResults.returnsValue(lambda, state);
      out = endOfStatement(returned ? transfers.escape(value.facts, value.holders) : value.facts);
    }
    if (isMain) {
      // The program ends with main: what it still holds then, the JVM's exit releases (a file
      // left open by a failed run of a command-line tool is no leak anyone fixes). Resources lost
      // while it runs (an overwrite, a loop's continue) were reported already.
      transfers.programEnds(out);
      transfers.programEnds(pending.takeAll(Kind.RETURN));
      transfers.programEnds(pending.takeAll(Kind.THROW));
      return;
    }
    UnreleasedFields fields = unit.unreleasedFields;
    Facts returned = pending.takeAll(Kind.RETURN);
    // What a private step of construction leaves in fields is lost if the constructor fails after
    // the step returned; booked last, so that a path of this method's own is the one named.
    Map<Obligation, Tree> lostWithTheObject = new HashMap<>();
    if ((holdsAField(out) || holdsAField(returned))
        && method != null
        && PrivateCalls.onlyStepsOfConstruction(state.getPath())) {
      ConstructionFailures failures =
          new ConstructionFailures(spec, summary, throwing, ownClass, state);
      out = lostIfConstructionFails(out, failures, lostWithTheObject);
      returned = lostIfConstructionFails(returned, failures, lostWithTheObject);
    }
    transfers.atMethodEnd(out, true, fields, state.getPath(), collections);
    transfers.atMethodEnd(returned, true, fields, state.getPath(), collections);
    // A constructor that throws hands its caller no object: what its fields hold is lost with it,
    // as with a method that runs as a step of a constructor, when some constructor calls it so
    // (its other callers' objects live on, and their close() may release it).
    Facts thrown = pending.takeAll(Kind.THROW);
    boolean objectLives =
        !constructor
            && !(holdsAField(thrown)
                && method != null
                && PrivateCalls.aStepOfConstruction(state.getPath()));
    transfers.atMethodEnd(thrown, objectLives, fields, state.getPath(), collections);
    lostWithTheObject.forEach(
        (obligation, failure) -> {
          // Where the constructor succeeds, the object's close() releases it.
          book.handled(Set.of(obligation.site()));
          book.lost(obligation, witnesses.constructionFails(failure));
        });
  }

  /**
   * {@code facts} without what this method, a private step of construction, leaves in fields that
   * its class releases later, where the constructor fails after the step returned: those go into
   * {@code lost}, each with the call or {@code throw} that fails the constructor ({@link
   * ConstructionFailures}). A field nothing releases is left to {@link Transfers#atMethodEnd},
   * which reports it as never closed.
   */
  private @Nullable Facts lostIfConstructionFails(
      @Nullable Facts facts, ConstructionFailures failures, Map<Obligation, Tree> lost) {
    if (facts == null) {
      return null;
    }
    int before = lost.size();
    facts.forEach(
        (obligation, witness) -> {
          List<Symbol> held = obligation.fields();
          if (!held.isEmpty() && !held.stream().allMatch(unit.unreleasedFields::neverLetGo)) {
            failures
                .after(state.getPath(), held.get(0))
                .ifPresent(failure -> lost.put(obligation, failure));
          }
        });
    return lost.size() == before ? facts : facts.without(lost::containsKey);
  }

  /** Whether some obligation of {@code facts} is held by a field. */
  private static boolean holdsAField(@Nullable Facts facts) {
    boolean[] held = {false};
    if (facts != null) {
      facts.forEach((obligation, witness) -> held[0] |= !obligation.fields().isEmpty());
    }
    return held[0];
  }

  /**
   * The state a method's body starts in: what its fields may hold from an earlier call, where the
   * method says they may ({@link EarlierValues}). A constructor's fields hold nothing yet.
   */
  private Facts onEntry(BlockTree body, @Nullable MethodSymbol method) {
    if (method == null || method.isConstructor()) {
      return Facts.EMPTY;
    }
    earlierValues = EarlierValues.of(body, method, ownClass, spec, unit.acquiring, summary, state);
    book.earlierValues(earlierValues.values());
    Facts facts = Facts.EMPTY;
    for (Map.Entry<Symbol, Tree> field : earlierValues.entrySet()) {
      facts =
          facts.with(
              new Obligation(
                  field.getValue(), ImmutableSet.of(field.getKey()), null, ImmutableMap.of()),
              Witness.NONE);
    }
    return facts;
  }

  // ---------------------------------------------------------------- statements

  private Facts statement(Tree tree, Facts in) {
    if (in == null || tree == null) {
      return in;
    }
    step();
    if (tree instanceof BlockTree block) {
      Facts facts = in;
      for (StatementTree statement : block.getStatements()) {
        facts = statement(statement, facts);
      }
      return facts;
    }
    if (tree instanceof VariableTree variable) {
      if (variable.getInitializer() == null) {
        return in;
      }
      if (isFlagSetToACondition(getSymbol(variable), variable.getInitializer())) {
        return endOfStatement(flagSetTo(getSymbol(variable), variable.getInitializer(), in));
      }
      Eval value = expression(variable.getInitializer(), in);
      noteResultOfCallGiven(getSymbol(variable), variable.getInitializer());
      return endOfStatement(
          assign(value, getSymbol(variable), variable.getInitializer(), variable));
    }
    if (tree instanceof ExpressionStatementTree statement) {
      Facts facts = fullExpression(statement.getExpression(), in).facts;
      if (ProgramExits.endsProgram(statement.getExpression())) {
        // System.exit(...) never returns, and the JVM's exit releases what this path still holds,
        // as at the end of main: a command-line tool that exits on an error loses nothing.
        transfers.programEnds(facts);
        return null;
      }
      return facts;
    }
    if (tree instanceof IfTree ifTree) {
      Facts[] branches =
          handOverWhereModeWithholdsClose(ifTree, condition(ifTree.getCondition(), in));
      Facts then = endOfStatement(branches[0]);
      if (then != null
          && loops.peek() != null
          && FirstPassGuards.holdsOnlyOnFirstPass(ifTree.getCondition(), loops.peek(), body)) {
        // if (i == 0) { ps = conn.prepareStatement(sql); }: on the first pass, which is the only
        // one to take the branch, nothing the branch opens is open yet.
        Set<Tree> opened = FirstPassGuards.callsIn(ifTree.getThenStatement());
        then = then.without(obligation -> opened.contains(obligation.site()));
      }
      // What only verbose logging runs throws on no path worth a finding (sqldump's schema
      // grabber, whose debug line reads a result set's metadata before the loop that reads it).
      boolean verbose = LoggingGuards.onlyWhenVerbose(ifTree.getCondition());
      verboseOnly += verbose ? 1 : 0;
      Facts afterThen;
      try {
        afterThen = statement(ifTree.getThenStatement(), then);
      } finally {
        verboseOnly -= verbose ? 1 : 0;
      }
      return Facts.join(
          afterThen,
          ifTree.getElseStatement() == null
              ? endOfStatement(branches[1])
              : statement(ifTree.getElseStatement(), endOfStatement(branches[1])));
    }
    if (tree instanceof WhileLoopTree loop) {
      return whileLoop(loop, in);
    }
    if (tree instanceof DoWhileLoopTree loop) {
      return doWhileLoop(loop, in);
    }
    if (tree instanceof ForLoopTree loop) {
      return forLoop(loop, in);
    }
    if (tree instanceof EnhancedForLoopTree loop) {
      return enhancedForLoop(loop, in);
    }
    if (tree instanceof LabeledStatementTree labeled) {
      return Facts.landed(statement(labeled.getStatement(), in), pending.take(Kind.BREAK, labeled));
    }
    if (tree instanceof TryTree tryTree) {
      return tryStatement(tryTree, in);
    }
    if (tree instanceof SwitchTree switchTree) {
      return switchStatement(switchTree, in);
    }
    if (tree instanceof SynchronizedTree sync) {
      return statement(sync.getBlock(), fullExpression(sync.getExpression(), in).facts);
    }
    if (tree instanceof ReturnTree returnTree) {
      Facts facts = in;
      if (returnTree.getExpression() != null) {
        Eval value = expression(returnTree.getExpression(), in);
        Holders returned = value.holders.union(substituted(returnTree.getExpression()));
        if (value.facts != null && !value.facts.isEmpty()) {
          // return stmt.executeQuery(): where the code base's closer of result sets closes their
          // statement too, the result set takes its statement along.
          Holders withParents = Transfers.withParents(value.facts, returned);
          if (withParents != returned && closersCloseParents()) {
            returned = withParents;
          }
        }
        facts = endOfStatement(transfers.escape(value.facts, returned));
      }
      pending.add(new Exit(Kind.RETURN, null), facts.witnessedBy(witnesses.jump("return", tree)));
      return null;
    }
    if (tree instanceof ThrowTree throwTree) {
      Facts facts = fullExpression(throwTree.getExpression(), in).facts;
      ImmutableSet<Symbol> types =
          trying.isEmpty()
              ? null
              : ThrowingCalls.thrownBy(ASTHelpers.getType(throwTree.getExpression()));
      pending.add(Exit.thrown(types), facts.witnessedBy(witnesses.jump("throw", tree)));
      return null;
    }
    if (tree instanceof BreakTree) {
      // The break that ends a case's statements is the case's ordinary way out, as the end of an
      // if's branch is: it skips nothing, and a resource lost later is lost there, not at it. So is
      // a break out of a loop that releases nothing (PircBot's search for a free port, which
      // breaks once `new ServerSocket(port)` succeeds): the socket is lost later, where the path
      // loses it.
      Tree target = ((JCTree.JCBreak) tree).target;
      boolean skipsNothing = caseEnds.contains(tree) || closes.releasesNothing(target);
      pending.add(
          new Exit(Kind.BREAK, target),
          skipsNothing ? in : in.witnessedBy(witnesses.jump("break", tree)));
      return null;
    }
    if (tree instanceof ContinueTree) {
      pending.add(
          new Exit(Kind.CONTINUE, ((JCTree.JCContinue) tree).target),
          in.witnessedBy(witnesses.jump("continue", tree)));
      return null;
    }
    if (tree instanceof YieldTree yield) {
      Eval value = expression(yield.getValue(), in);
      pending.add(
          new Exit(Kind.YIELD, ((JCTree.JCYield) yield).target),
          transfers.escape(value.facts, value.holders));
      return null;
    }
    if (tree instanceof EmptyStatementTree || tree instanceof AssertTree) {
      return in;
    }
    // A local class, or a statement this analysis does not model: what it touches leaves our sight.
    return forgetFlagsAssignedIn(tree, transfers.escapeReferenced(in, tree));
  }

  private Facts whileLoop(WhileLoopTree loop, Facts entry) {
    return loop(
        loop,
        entry,
        head -> {
          Facts[] branches = condition(loop.getCondition(), head);
          Facts body = statement(loop.getStatement(), endOfStatement(branches[0]));
          return new Facts[] {
            Facts.landed(body, pending.take(Kind.CONTINUE, loop)), endOfStatement(branches[1])
          };
        });
  }

  private Facts doWhileLoop(DoWhileLoopTree loop, Facts entry) {
    return loop(
        loop,
        entry,
        head -> {
          Facts body = statement(loop.getStatement(), head);
          Facts[] branches =
              condition(loop.getCondition(), Facts.landed(body, pending.take(Kind.CONTINUE, loop)));
          return new Facts[] {endOfStatement(branches[0]), endOfStatement(branches[1])};
        });
  }

  private Facts forLoop(ForLoopTree loop, Facts entry) {
    Facts init = entry;
    for (StatementTree statement : loop.getInitializer()) {
      init = statement(statement, init);
    }
    return loop(
        loop,
        init,
        head -> {
          Facts[] branches =
              loop.getCondition() == null
                  ? new Facts[] {head, null}
                  : condition(loop.getCondition(), head);
          Facts body = statement(loop.getStatement(), endOfStatement(branches[0]));
          Facts next = Facts.landed(body, pending.take(Kind.CONTINUE, loop));
          for (ExpressionStatementTree update : loop.getUpdate()) {
            next = statement(update, next);
          }
          return new Facts[] {next, endOfStatement(branches[1])};
        });
  }

  private Facts enhancedForLoop(EnhancedForLoopTree loop, Facts entry) {
    Facts iterable = fullExpression(loop.getExpression(), entry).facts;
    Symbol element = getSymbol(loop.getVariable());
    return loop(
        loop,
        iterable,
        head -> {
          Facts body =
              statement(
                  loop.getStatement(),
                  transfers.kill(head, element, witnesses.overwrite(loop.getVariable())));
          return new Facts[] {Facts.landed(body, pending.take(Kind.CONTINUE, loop)), head};
        });
  }

  /**
   * Iterates {@code pass} from the loop's head state until what flows back adds nothing. A pass
   * returns the state flowing back to the head and the state leaving when the condition fails.
   */
  private Facts loop(Tree loop, Facts entry, Function<Facts, Facts[]> pass) {
    loops.push(loop);
    try {
      return loopToFixpoint(loop, entry, pass);
    } finally {
      loops.pop();
    }
  }

  private Facts loopToFixpoint(Tree loop, Facts entry, Function<Facts, Facts[]> pass) {
    PendingExits outer = pending;
    Facts head = Facts.join(loopHeads.get(loop), entry);
    Facts exit;
    while (true) {
      pending = new PendingExits();
      Facts[] result = pass.apply(head);
      exit = Facts.landed(result[1], pending.take(Kind.BREAK, loop));
      Facts next = Facts.join(head, result[0]);
      if (Facts.covers(head, next)) {
        break;
      }
      head = next;
    }
    loopHeads.put(loop, head);
    outer.addAll(pending);
    pending = outer;
    return exit;
  }

  private Facts tryStatement(TryTree tryTree, Facts in) {
    PendingExits outer = pending;
    pending = new PendingExits();
    trying.push(tryTree);
    Facts facts = in;
    // The resources whose close() also releases what was made of them (an HTTP client and its
    // responses), closed on every way out of the block.
    List<Symbol> closingWhatTheyMade = new ArrayList<>();
    for (Tree resource : tryTree.getResources()) {
      // try-with-resources closes what its resources hold on every path: they are not ours to
      // track.
      ExpressionTree closed;
      if (resource instanceof VariableTree variable) {
        Eval value = expression(variable.getInitializer(), facts);
        facts = endOfStatement(transfers.release(value.facts, value.holders));
        closed = variable.getInitializer();
      } else {
        Eval value = expression((ExpressionTree) resource, facts);
        facts = transfers.release(value.facts, value.holders);
        closed = (ExpressionTree) resource;
      }
      if (spec.closingByTypeReleasesWhatItMade(closed, state)) {
        closingWhatTheyMade.add(getSymbol(resource));
      }
    }
    Facts normal = statement(tryTree.getBlock(), facts);
    trying.pop();
    if (!closingWhatTheyMade.isEmpty()) {
      // try (CloseableHttpClient client = HttpClients.createDefault()): its close() shuts down its
      // connections, and with them every response the block made of it (Moco's request action,
      // whose response was said never closed: a FALSE of the hundred-and-twenty-sixth round).
      UnaryOperator<Facts> closeWhatTheyMade =
          exitFacts -> {
            Facts after = exitFacts;
            for (Symbol client : closingWhatTheyMade) {
              after = transfers.release(after, Transfers.madeByVariable(after, client));
            }
            return after;
          };
      normal = normal == null ? null : closeWhatTheyMade.apply(normal);
      pending.replaceAll(closeWhatTheyMade);
    }
    // Each exception reaches the catches that may catch it, and leaves the try if of a type none
    // surely catches: a path that passes a catch which cannot catch its exception is not that
    // catch's.
    Map<Exit, Facts> thrown = pending.takeEach(Kind.THROW);
    PendingExits escaping = pending;
    pending = new PendingExits();
    List<? extends CatchTree> catchTrees = tryTree.getCatches();
    Set<Symbol> declaredInTry = null; // worked out for the first catch that receives a state
    for (int index = 0; index < catchTrees.size(); index++) {
      Facts caught = null;
      // The failures of calls made while nothing was open are read through the catch apart: joined
      // with the others, they would take what those know (jsoup's `res != null` in a catch that
      // closes the response the stream came from) and lose nothing of their own.
      Facts caughtHoldingNothing = null;
      for (Map.Entry<Exit, Facts> exit : thrown.entrySet()) {
        if (catches.mayReach(tryTree, index, exit.getKey().thrown())) {
          if (exit.getKey().holdingNothing()) {
            caughtHoldingNothing = Facts.join(caughtHoldingNothing, exit.getValue());
          } else {
            caught = Facts.join(caught, exit.getValue());
          }
        }
      }
      // A catch handles the exception that brought it its state: what it loses, it loses anew,
      // but for what only variables of the try block held, which the exception took out of reach.
      CatchTree catchTree = catchTrees.get(index);
      if (caught != null) {
        if (declaredInTry == null) {
          declaredInTry = LocalVariables.declaredIn(tryTree.getBlock());
        }
        Set<Symbol> inTry = declaredInTry;
        caught =
            caught.rewitnessed(
                event -> witnesses.caught(catchTree, event),
                o -> !o.aliases().isEmpty() && inTry.containsAll(o.aliases()));
      }
      handling.push(catches.caughtAt(tryTree, index));
      handlingAt.push(witnesses.caught(catchTree).line());
      try {
        normal =
            Facts.join(
                normal,
                statement(catchTree.getBlock(), caught != null ? caught : caughtHoldingNothing));
        if (caught != null && caughtHoldingNothing != null) {
          forgetLoopsIn(catchTree.getBlock()); // the second reading starts from its own state
          normal = Facts.join(normal, statement(catchTree.getBlock(), caughtHoldingNothing));
        }
      } finally {
        handling.pop();
        handlingAt.pop();
      }
    }
    thrown.forEach(
        (exit, exitFacts) -> {
          ImmutableSet<Symbol> uncaught = catches.uncaught(tryTree, exit.thrown());
          if (uncaught == null || !uncaught.isEmpty()) {
            escaping.add(exit.passing(trying.isEmpty() ? null : uncaught), exitFacts);
          }
        });
    escaping.addAll(pending);
    pending = outer;
    if (tryTree.getFinallyBlock() == null) {
      pending.addAll(escaping);
      return normal;
    }
    // The finally block runs once for each kind of exit that passes through it, so that each keeps
    // its own continuation; an exit the finally completes normally goes on where it was going.
    BlockTree finallyBlock = tryTree.getFinallyBlock();
    escaping.forEach((exit, exitFacts) -> pending.add(exit, inFinally(finallyBlock, exitFacts)));
    return inFinally(finallyBlock, normal);
  }

  private Facts inFinally(BlockTree finallyBlock, Facts in) {
    if (in == null) {
      return null;
    }
    forgetLoopsIn(finallyBlock); // each pass through the finally starts from its own state
    finallyDepth++;
    try {
      return statement(finallyBlock, in);
    } finally {
      finallyDepth--;
    }
  }

  private Facts switchStatement(SwitchTree switchTree, Facts in) {
    Facts selector = fullExpression(switchTree.getExpression(), in).facts;
    Facts fallthrough = null;
    Facts exit = null;
    // Every value enters some case when there is a default or the cases name each enum constant:
    // then no path skips them all.
    boolean everyValueHasACase = EnumSwitches.coversEveryConstant(switchTree);
    for (CaseTree caseTree : switchTree.getCases()) {
      everyValueHasACase |= ASTHelpers.isSwitchDefault(caseTree);
      boolean entered = EnumSwitches.defaultRuns(switchTree, caseTree);
      if (caseTree.getCaseKind() == CaseTree.CaseKind.RULE) {
        if (!entered) {
          continue;
        }
        Tree body = caseTree.getBody();
        exit =
            Facts.join(
                exit,
                body instanceof ExpressionTree expression
                    ? fullExpression(expression, selector).facts
                    : statement(body, selector));
        continue;
      }
      Facts facts = entered ? Facts.join(selector, fallthrough) : fallthrough;
      List<? extends StatementTree> statements = caseTree.getStatements();
      if (!statements.isEmpty()
          && statements.get(statements.size() - 1) instanceof BreakTree last
          && ((JCTree.JCBreak) last).target == switchTree) {
        caseEnds.add(last);
      }
      for (StatementTree statement : statements) {
        facts = statement(statement, facts);
      }
      fallthrough = facts;
    }
    exit = Facts.join(exit, fallthrough);
    exit = Facts.landed(exit, pending.take(Kind.BREAK, switchTree));
    return everyValueHasACase ? exit : Facts.join(exit, selector);
  }

  // ---------------------------------------------------------------- expressions

  /** The value an expression evaluates to, and the state after evaluating it. */
  private record Eval(Facts facts, Holders holders) {}

  /** A whole expression: afterwards, temporaries that nobody stored are lost. */
  private Eval fullExpression(ExpressionTree tree, Facts in) {
    Eval value = expression(tree, in);
    return new Eval(endOfStatement(value.facts), value.holders);
  }

  private Eval expression(ExpressionTree tree, Facts in) {
    if (in == null) {
      return new Eval(null, Holders.NONE);
    }
    step();
    if (tree instanceof ParenthesizedTree parenthesized) {
      return expression(parenthesized.getExpression(), in);
    }
    if (tree instanceof TypeCastTree cast) {
      return expression(cast.getExpression(), in);
    }
    if (tree instanceof IdentifierTree) {
      Symbol symbol = trackable(tree);
      return new Eval(in, symbol == null ? Holders.NONE : Holders.variable(symbol));
    }
    if (tree instanceof MemberSelectTree select) {
      Symbol symbol = trackable(tree);
      if (symbol != null) {
        return new Eval(in, Holders.variable(symbol));
      }
      return new Eval(expression(select.getExpression(), in).facts, Holders.NONE);
    }
    if (tree instanceof MethodInvocationTree call) {
      return call(call, in);
    }
    if (tree instanceof NewClassTree newClass) {
      return newClass(newClass, in);
    }
    if (tree instanceof AssignmentTree assignment) {
      return assignment(assignment, in);
    }
    if (tree instanceof CompoundAssignmentTree compound) {
      // count += conn.createStatement().executeUpdate(sql): the right side runs as any
      // expression does (sqldump's applyDiffToDB lost a statement per DDL so, unseen); the value
      // stored is a number or a string, and a boolean flag combined so is no longer known.
      Facts facts = expression(compound.getVariable(), in).facts;
      facts = expression(compound.getExpression(), facts).facts;
      return new Eval(forgetFlagsAssignedIn(compound, facts), Holders.NONE);
    }
    if (tree instanceof ConditionalExpressionTree conditional) {
      Facts[] branches = condition(conditional.getCondition(), in);
      Eval whenTrue = expression(conditional.getTrueExpression(), branches[0]);
      Eval whenFalse = expression(conditional.getFalseExpression(), branches[1]);
      return new Eval(
          Facts.join(whenTrue.facts, whenFalse.facts), whenTrue.holders.union(whenFalse.holders));
    }
    if (tree.getKind() == Tree.Kind.CONDITIONAL_AND || tree.getKind() == Tree.Kind.CONDITIONAL_OR) {
      Facts[] branches = condition(tree, in);
      return new Eval(Facts.join(branches[0], branches[1]), Holders.NONE);
    }
    if (tree instanceof BinaryTree binary) {
      Facts left = expression(binary.getLeftOperand(), in).facts;
      return new Eval(expression(binary.getRightOperand(), left).facts, Holders.NONE);
    }
    if (tree instanceof UnaryTree unary) {
      return new Eval(expression(unary.getExpression(), in).facts, Holders.NONE);
    }
    if (tree instanceof LiteralTree) {
      return new Eval(in, Holders.NONE);
    }
    if (tree instanceof LambdaExpressionTree) {
      // Analysed as a body of its own; whatever it captures is its business from here on.
      return new Eval(transfers.escapeReferenced(in, tree), Holders.NONE);
    }
    if (tree instanceof MemberReferenceTree reference
        && trackable(reference.getQualifierExpression()) != null) {
      // pool::execute calls a method on the resource; it does not take it anywhere.
      return new Eval(in, Holders.NONE);
    }
    if (tree instanceof NewArrayTree array) {
      // new byte[(int) fc.size()]: a dimension is a size, computed and forgotten; what an
      // initializer lists is stored in the array, out of our sight.
      Facts facts = in;
      for (ExpressionTree dimension : array.getDimensions()) {
        facts = expression(dimension, facts).facts;
      }
      if (array.getInitializers() != null) {
        for (ExpressionTree element : array.getInitializers()) {
          facts = forgetFlagsAssignedIn(element, transfers.escapeReferenced(facts, element));
        }
      }
      return new Eval(facts, Holders.NONE);
    }
    // Switch expressions, method references, array reads and the rest: what they touch leaves our
    // sight.
    return new Eval(
        forgetFlagsAssignedIn(tree, transfers.escapeReferenced(in, tree)), Holders.NONE);
  }

  private static boolean anyHolds(List<Holders> arguments) {
    for (Holders argument : arguments) {
      if (!argument.isEmpty()) {
        return true;
      }
    }
    return false;
  }

  private Eval call(MethodInvocationTree call, Facts in) {
    MethodSymbol method = getSymbol(call);
    ExpressionTree receiver = getReceiver(call);
    Eval target = receiver == null ? new Eval(in, Holders.NONE) : expression(receiver, in);
    Facts facts = target.facts;
    List<Holders> arguments = new ArrayList<>();
    for (ExpressionTree argument : call.getArguments()) {
      Eval value = expression(argument, facts);
      facts = value.facts;
      arguments.add(value.holders);
    }
    if (facts != null
        && facts.isEmpty()
        && target.holders.isEmpty()
        && !anyHolds(arguments)
        && unit.acquiring.acquisition(call, state).isEmpty()) {
      // Nothing is open and the call neither holds nor makes a resource: no question below can
      // change the state, and some read other methods' bodies (what a helper releases, what a
      // method of this class closes). Most calls of a body run before its first acquisition or
      // after its last release. Its failure still reaches the catches of a try around it.
      if (anyCatchAround() && throwing.mayThrow(call, state)) {
        reachCatches(facts, call);
      }
      return new Eval(facts, Holders.NONE);
    }
    if (facts != null
        && !target.holders.isEmpty()
        && call.getArguments().isEmpty()
        && spec.isParentGetter(method, state)) {
      // rs.getStatement(): the statement the method made rs of, so that closing what it returns
      // closes that statement (Cocoon's set.getStatement().close()). A parent getter fails only
      // on a closed resource: it loses nothing.
      Holders parents = Transfers.parentsOf(facts, target.holders);
      if (!parents.isEmpty()) {
        return new Eval(facts, parents);
      }
    }
    boolean releasesReceiver = !target.holders.isEmpty() && spec.isRelease(method, state);
    if (facts != null
        && receiver != null
        && (closesWhatItMadeInHandler(method)
            || (releasesReceiver && closesAPhysicalSession(facts, target.holders)))) {
      // conn.close() in the handler of a database failure, or of a connection DriverManager made:
      // the session ends, and its statements with it.
      facts = transfers.release(facts, Transfers.madeBy(facts, Casts.stripped(receiver)));
    }
    if (facts != null) {
      for (ExpressionTree maker : disconnectedBy(call, method)) {
        facts = transfers.release(facts, madeBy(facts, maker));
      }
    }
    if (releasesReceiver || onlyAsksWhatOpensNothing(call, method, facts, target.holders)) {
      return new Eval(transfers.release(facts, target.holders), Holders.NONE);
    }
    if (method.isConstructor() && ConstructorCalls.isSuperCall(call)) {
      // super(in): the object being built keeps what its superclass is given, as a decorator's
      // field does (FilterInputStream). this(in) is judged by its body, in sight in this class.
      for (Holders argument : arguments) {
        facts = transfers.escape(facts, argument);
      }
      return new Eval(facts, Holders.NONE);
    }
    if (NullComparisons.checkedOperand(call) != null) {
      // Objects.requireNonNull(r): r itself, going on to wherever the call's value goes.
      return new Eval(facts, arguments.get(0));
    }
    if (!target.holders.isEmpty() && spec.answerOnceReleased(method, state) != null) {
      // As with close() itself, a failing isClosed() is not a path anyone guards: the driver has
      // lost the resource by then.
      return new Eval(facts, Holders.NONE);
    }
    // Only an argument that holds something has a parent to close; asked of every call, the
    // question reads the callee's class.
    if (anyHolds(arguments)) {
      for (int i : unit.releasing.argumentsWhoseParentIsReleased(call, state)) {
        if (i < arguments.size()) {
          book.parentsClosedThrough(Transfers.sitesSelectedBy(facts, arguments.get(i)));
          facts = transfers.release(facts, Transfers.parentsOf(facts, arguments.get(i)));
        }
      }
    }
    // The arguments whose resource the call's value holds, asked once for the three uses below.
    List<Integer> wrapping = wrappedArguments(call, arguments);
    Set<Integer> releasedArguments = releasedNotLent(call);
    if (anyHolds(arguments)
        && isThisCall(call, method)
        && throwing.mayThrow(call, state)
        && !unit.releasing.cleansUpOnFailure(method, state)) {
      // this(new FileInputStream(f)) whose constructor keeps the stream but rejects the file
      // (vorbis-java-core's FlacNativeFile): no object comes to exist to own what it was given,
      // and nothing else can reach it. Where the constructor returns, the object owns it, as
      // below; what it does not keep is lost on every path, and reported as such. What that
      // constructor closes in a handler of its own failure, it cleans up (jsign's PEFile); what it
      // gives to another object before anything can fail is that object's (ez-vcard's
      // BinaryProperty, whose this(new Gobble(in).asByteArray()) reads and closes the stream).
      Set<Integer> closedOnFailure =
          Sets.union(
              unit.releasing.argumentsClosedOnFailure(method, state),
              unit.releasing.argumentsHandedOnAtOnce(method, state));
      Holders lost = Holders.NONE;
      Holders cleaned = Holders.NONE;
      for (int i : releasedArguments) {
        if (i < arguments.size()) {
          if (closedOnFailure.contains(i)) {
            cleaned = cleaned.union(arguments.get(i));
          } else {
            lost = lost.union(arguments.get(i));
          }
        }
      }
      mayThrow(transfers.escape(facts, cleaned), call, lost);
    }
    if (!releasedArguments.isEmpty()) {
      for (int i : releasedArguments) {
        facts = transfers.release(facts, arguments.get(i));
      }
      // What it returns still holds what it was given and did not take (OpenJPA's
      // getEagerResult(conn, stmnt, rs, store), which keeps the store it is given); and what it
      // makes is the caller's, as any acquisition is.
      Eval acquired = acquire(call, facts, target.holders, arguments);
      return new Eval(acquired.facts, acquired.holders.union(holdersAt(arguments, wrapping)));
    }
    // The receiver's sites are walked only for a call that may throw: most calls on a held
    // resource are asked this, and for most families the answer is no. A call that fails only on a
    // closed or broken receiver loses nothing, whether the receiver is held here or not (the
    // metadata a connection hands out: conn.getMetaData().getDriverVersion()).
    if (throwing.mayThrow(call, openAt(facts, arguments), state)
        && !isThisCall(call, method)
        && !spec.failsOnlyWhenClosedOrBroken(method, state)
        && !answersFromWhatItMade(call, method, facts)
        && (target.holders.isEmpty() || !readsOnlyWhatFailsWhenBroken(facts, target.holders))
        && !readsOnlyLocalFiles(facts, method, target.holders, arguments)
        && !doesNothing(facts, method, receiver, target.holders)
        && !(receiver != null && MemoryReaders.readsMemory(receiver, soleInitializers()))
        && !writesOnlyIntoAnUnfilledBuffer(facts, call, target.holders, arguments, wrapping)
        && !throwing.failsOnlyWhenClosed(
            method, option -> spec.optionFailsOnlyWhenClosed(option, state), state)
        && !urlConversions.cannotFail(call)) {
      // socket.connect(...) that fails closes the socket: that exception carries it closed (not
      // one that fails on a host name before it closes it: IoResources). Asked of each socket the
      // receiver may hold: one made with a proxy closes, a plain one given a host name may not.
      Facts failing = facts;
      if (facts != null && !target.holders.isEmpty()) {
        List<ExpressionTree> declared = asDeclared(call.getArguments());
        Set<Tree> closedOnFailure = new HashSet<>();
        for (Tree site : Transfers.sitesSelectedBy(facts, target.holders)) {
          if (spec.releasesReceiverOnFailure(method, declared, Set.of(site), state)) {
            closedOnFailure.add(site);
          }
        }
        if (!closedOnFailure.isEmpty()) {
          failing = transfers.release(facts, new Holders(ImmutableSet.copyOf(closedOnFailure)));
        }
      }
      if (failing != null && spec.failsOnlyWhenSessionBroken(call, state)) {
        // conn.setAutoCommit(true) in a finally before the closes: it fails only on a broken
        // connection, whose statements and results go with it; the connection is still lost.
        failing = failing.without(obligation -> spec.goesWithItsSession(obligation.site(), state));
      }
      if (isOwnMethod(method, receiver)) {
        // close() of the object itself, closing this.file: as with a resource's own close(), a
        // release that fails is no path that loses what it releases.
        for (Symbol field : summary.fieldsReleasedBy(method)) {
          failing = transfers.release(failing, Holders.variable(field));
        }
      }
      if (anyHolds(arguments)) {
        // A factory in sight that builds the object it returns around what it is given (OpenJPA's
        // getEagerResult(conn, stmnt, rs) making a SelectResult it closes if it fails) owns it
        // from the call on: a failure after that is the factory's to clean up.
        for (int i : unit.releasing.argumentsOwnedByResult(call, state)) {
          if (i < arguments.size()) {
            failing = transfers.escape(failing, arguments.get(i));
          }
        }
        if (!Receivers.isThisOrSuper(receiver)
            && (Consumers.madeOfWhatItIsGiven(method, state)
                || Registrations.isBinding(method, state))) {
          // As with the constructor it stands for, of an object that cannot release anything:
          // what the method gives it for good, it trusted it with when it fails as when it
          // succeeds (XenQTT's channel manager closes the channel it cannot make a channel of).
          // So does a connection bound to a socket: its close() closes the socket either way.
          for (int i = 0; i < arguments.size(); i++) {
            if (givenForGood(call.getArguments().get(i))) {
              failing = transfers.escape(failing, arguments.get(i));
            }
          }
        }
      }
      mayThrow(failing, call, wrappedTemporaries(call, arguments, wrapping));
    }
    // IOUtils.toByteArray(conn.getInputStream()): an HTTP response's body read to its end releases
    // itself once the call returns; only the read's failure, above, loses it.
    facts = transfers.release(facts, drainedSelfEndingBody(call, facts, target.holders, arguments));
    Holders heldByResult = Holders.NONE;
    if (anyHolds(arguments)) {
      // The same factory, once it returned, has handed what it was given to the object it made
      // (XML-RPC's newTask(socket), returning new Connection(socket)), as that constructor called
      // here would; a wrapper the caller must close holds it instead (wrapping).
      Set<Integer> owned = unit.releasing.argumentsOwnedByResult(call, state);
      for (int i : owned) {
        if (i < arguments.size() && !wrapping.contains(i)) {
          facts = transfers.escape(facts, arguments.get(i));
        }
      }
      // What it is made of otherwise, only lent or wrapped in a decorator (XML Graphics'
      // createImageSource(in), returning new ImageSource(createImageInputStream(in))), goes
      // wherever that object goes, as with the constructor called here.
      for (int i : unit.releasing.argumentsHeldByResult(call, state)) {
        if (i < arguments.size() && !owned.contains(i)) {
          heldByResult = heldByResult.union(arguments.get(i));
        }
      }
    }
    for (int i = 0; i < arguments.size(); i++) {
      // ref.set(channel) on an AtomicReference field, or a VarHandle's write of a field: the
      // object keeps it, as in a field of its own (Fluency's TCPSender, which returns ref.get()
      // and closes it in closeSocket()).
      if (!arguments.get(i).isEmpty()
          && (HolderFields.storedInto(call, call.getArguments().get(i)) != null
              || HolderFields.storedThroughAVarHandle(call, call.getArguments().get(i)))) {
        facts = transfers.escape(facts, arguments.get(i));
      }
    }
    if (ContainerStores.storesArgument(call, state)) {
      Symbol keeper = collections.keeperOf(call);
      for (Holders argument : arguments) {
        // A local collection that nothing empties holds it like a local; any other takes it over.
        facts =
            keeper == null
                ? transfers.escape(facts, argument)
                : facts.addAlias(argument::selects, keeper);
      }
    }
    if (method != null
        && anyHolds(arguments)
        && (keepsWhatItIsGiven(method, receiver, arguments.size())
            || setsUpAnotherOwnersObject(call, method, facts, target.holders))) {
      for (int i = 0; i < arguments.size(); i++) {
        // Not what the method closes itself: writer.setOutput(ios) ... ios.close() only lent it,
        // and a failure in between loses it (Thumbnailator's image sink).
        if (!arguments.get(i).isEmpty()
            && !closes.closesItself(call.getArguments().get(i), receiver)) {
          facts = transfers.escape(facts, arguments.get(i));
        }
      }
    }
    for (int i = 0; i < arguments.size(); i++) {
      // A task handed to a method (an executor's execute, a server's exec(handler)) runs later, on
      // a thread of its own, and what it holds is the task's to close when it ends; so does the
      // completion handler of an asynchronous call, with the attachment it is given.
      if (!arguments.get(i).isEmpty()
          && (Tasks.isTask(call.getArguments().get(i), state)
              || (method != null && Tasks.isAttachmentOfAnAsynchronousCall(method, i, state)))) {
        facts = transfers.escape(facts, arguments.get(i));
      }
    }
    // connection.start() of a thread that holds the resource: the running thread keeps it and
    // closes it when it ends, as a task handed to an executor would (milton's LDAP server starts a
    // connection thread made around each accepted socket, whose run() closes it). Not a thread the
    // method joins: it waits for it, and the thread only borrows what the method goes on to use
    // (HAPI's URL transport reads through a reader thread per chunk, joined with a timeout).
    if (!target.holders.isEmpty()
        && method != null
        && Tasks.startsAThread(method, state)
        && !Tasks.isJoinedIn(body, getSymbol(receiver))) {
      facts = transfers.escape(facts, target.holders);
    }
    if (isOwnMethod(method, receiver)) {
      // closeConnection() that closes this.socket, then nulls it: released, then overwritten.
      for (Symbol field : summary.fieldsReleasedBy(method)) {
        facts = transfers.release(facts, Holders.variable(field));
      }
      for (Symbol field : summary.fieldsWrittenBy(method)) {
        facts = transfers.kill(facts, field, witnesses.callOverwrite(call, field));
      }
    }
    if (!target.holders.isEmpty() && spec.releasesChildren(method)) {
      facts = transfers.releaseChildren(facts, target.holders);
    }
    Eval acquired = acquire(call, facts, target.holders, arguments);
    Holders result = acquired.holders.union(holdersAt(arguments, wrapping)).union(heldByResult);
    // response.body(), socket.getInputStream(): the receiver's resource, seen another way;
    // channel.bind(address), stream.filter(p): a fluent call hands back the resource itself; and
    // builder.get() after builder.setInputStream(in): the product holds what the builder holds.
    boolean sameResource =
        spec.isView(method, state)
            || (acquired.holders.isEmpty() && isFluent(call, method))
            || (!target.holders.isEmpty() && Wrappers.holdsReceiver(call, state));
    if (acquired.holders.isEmpty() && !target.holders.isEmpty()) {
      result = result.union(handedBack(call, method));
    }
    if (sameResource) {
      result = result.union(target.holders);
    }
    return new Eval(
        acquired.facts, result.union(keptByWhatIsMade(facts, method, target, arguments)));
  }

  /**
   * Whether {@code call} asks the maker of a resource still open what making it read ({@link
   * ResourceSpec#answersFromWhatItMade}): {@code ((HttpURLConnection) uc).getResponseCode()} after
   * {@code uc.getInputStream()} returned answers from the status line already read (Taglibs' {@code
   * ImportSupport}, where the message named it for the {@code throw} after it).
   */
  private boolean answersFromWhatItMade(
      MethodInvocationTree call, MethodSymbol method, Facts facts) {
    return facts != null
        && getReceiver(call) != null
        && spec.answersFromWhatItMade(method, state)
        && !madeBy(facts, Casts.stripped(getReceiver(call))).isEmpty();
  }

  /**
   * The open resources {@code maker} made: by a call on it ({@link Transfers#madeBy}), or by a
   * helper of the class given it that makes what it returns by a call on that parameter ({@link
   * ClassSummary#parameterThatMakesResultOf}): EGit's {@code stream = getStream(request)}.
   */
  private Holders madeBy(Facts facts, ExpressionTree maker) {
    Holders made = Transfers.madeBy(facts, maker);
    ImmutableSet.Builder<Object> throughHelpers = ImmutableSet.builder();
    facts.forEach(
        (obligation, witness) -> {
          if (obligation.site() instanceof MethodInvocationTree helper
              && getSymbol(helper) != null
              && isOwnMethod(getSymbol(helper), getReceiver(helper))) {
            int parameter = summary.parameterThatMakesResultOf(getSymbol(helper));
            if (parameter != ResultMakers.NONE
                && parameter < helper.getArguments().size()
                && ASTHelpers.sameVariable(
                    Casts.stripped(helper.getArguments().get(parameter)), maker)) {
              throughHelpers.add(helper);
            }
          }
        });
    return made.union(new Holders(throughHelpers.build()));
  }

  /**
   * Whether {@code call} asks a resource made in its own receiver, and opened only when first used,
   * a question it answers without opening ({@link ResourceSpec#answersWithoutOpening}): {@code
   * ((SSLSocket) factory.createSocket()).getSupportedProtocols()}. Nothing else can reach that
   * resource, and it never held anything.
   */
  private boolean onlyAsksWhatOpensNothing(
      MethodInvocationTree call, MethodSymbol method, Facts facts, Holders receiver) {
    return !receiver.isEmpty()
        && spec.answersWithoutOpening(method, state)
        && getReceiver(call) != null
        && unit.acquiring.acquisition(Casts.stripped(getReceiver(call)), state).isPresent()
        && holdOnlySitesThat(facts, List.of(receiver), site -> spec.opensOnFirstUse(site, state));
  }

  /**
   * What the object a call makes of a resource keeps in use ({@link
   * ResourceSpec#isKeptByWhatItMakes}): {@code loader.loadClass(name)}, {@code Class.forName(name,
   * true, loader)} and the driver made of that class hold the loader, and whoever keeps them keeps
   * it. A string or a number made of it ({@code c.getName()}) keeps nothing.
   */
  private Holders keptByWhatIsMade(
      Facts facts, MethodSymbol method, Eval target, List<Holders> arguments) {
    if (facts == null
        || !spec.hasResourcesKeptByWhatTheyMake()
        || (target.holders.isEmpty() && !anyHolds(arguments))
        || !makesAnObject(method)) {
      return Holders.NONE;
    }
    Holders kept = Holders.NONE;
    for (Holders value : Iterables.concat(List.of(target.holders), arguments)) {
      if (holdOnlySitesThat(facts, List.of(value), site -> spec.isKeptByWhatItMakes(site, state))) {
        kept = kept.union(value);
      }
    }
    return kept;
  }

  /** Whether {@code method} returns an object other than a string or a boxed primitive. */
  private boolean makesAnObject(MethodSymbol method) {
    Type returned = method.getReturnType();
    return returned != null
        && !returned.isPrimitiveOrVoid()
        && !ASTHelpers.isSameType(returned, state.getSymtab().stringType, state)
        && state.getTypes().unboxedType(returned).getTag() == TypeTag.NONE;
  }

  /**
   * Whether {@code receiver} holds only resources whose reads fail only when what they came from is
   * broken ({@link ResourceSpec#readsFailOnlyWhenBroken}: {@code tables.next()} over a catalogue
   * query).
   */
  private boolean readsOnlyWhatFailsWhenBroken(Facts facts, Holders receiver) {
    return holdOnlySitesThat(
        facts, List.of(receiver), site -> spec.readsFailOnlyWhenBroken(site, state));
  }

  /**
   * Whether {@code method} reads only local files, through a buffer or a parse that fails on them
   * only when the disk does ({@link ResourceSpec#readFailsOnlyOnADeviceError}): {@code
   * reader.readLine()} over a {@code FileReader}, {@code props.load(in)} of a {@code
   * FileInputStream}. Every resource that its receiver and arguments hold must be such a file.
   */
  private boolean readsOnlyLocalFiles(
      Facts facts, MethodSymbol method, Holders receiver, List<Holders> arguments) {
    if (receiver.isEmpty() && !anyHolds(arguments)) {
      return false;
    }
    return holdOnlySitesThat(
        facts,
        Iterables.concat(List.of(receiver), arguments),
        site -> spec.readFailsOnlyOnADeviceError(method, site, state));
  }

  /**
   * Whether {@code method}, called on {@code receiver}, which holds only resources it was acquired
   * as, does nothing ({@link ResourceSpec#doesNothing}: a {@code FileOutputStream}'s {@code
   * flush()}).
   */
  private boolean doesNothing(
      Facts facts, MethodSymbol method, ExpressionTree receiver, Holders held) {
    if (receiver == null || held.isEmpty()) {
      return false;
    }
    Type type = classOf(receiver);
    return holdOnlySitesThat(
        facts, List.of(held), site -> spec.doesNothing(method, type, site, state));
  }

  /**
   * The class of what {@code receiver} holds, as far as the body says: the one class a local is
   * only ever given a new object of ({@code OutputStream out = null; ... out = new
   * FileOutputStream(file);}, EPUBCheck's temporary copy), else the receiver's declared type. A
   * local given a decorator is the decorator's, not the stream's under it.
   */
  private Type classOf(ExpressionTree receiver) {
    Type declared = ASTHelpers.getType(receiver);
    Symbol local = getSymbol(receiver);
    if (!(stripParentheses(receiver) instanceof IdentifierTree)
        || local == null
        || local.getKind() != ElementKind.LOCAL_VARIABLE) {
      return declared;
    }
    // Asked of every call on a held local that may throw: the body is read once per local.
    return classesOfLocals.computeIfAbsent(local, l -> classMadeFor(l, declared));
  }

  private Type classMadeFor(Symbol local, Type declared) {
    Type made = null;
    for (ExpressionTree value : LocalVariables.storedValues(local, body)) {
      if (NullLiterals.isNull(value)) {
        continue;
      }
      ExpressionTree bare = stripParentheses(value);
      if (!(bare instanceof NewClassTree newClass)
          || newClass.getClassBody() != null
          || (made != null && !state.getTypes().isSameType(made, ASTHelpers.getType(newClass)))) {
        return declared;
      }
      made = ASTHelpers.getType(newClass);
    }
    return made != null ? made : declared;
  }

  /**
   * At the end of a statement, a temporary that nobody stored is lost; in {@code main} outside a
   * loop, it stays open until the program ends, and the exit releases it, as what main's locals
   * still hold at its end ({@code props.load(new FileInputStream(args[0]))}: HyperSQL's
   * LdapAuthBeanTester). One made on every pass of a loop piles up while the program runs.
   */
  private Facts endOfStatement(Facts facts) {
    return transfers.endOfStatement(facts, isMain && loops.isEmpty());
  }

  /**
   * Whether {@code call} writes only into a buffer that nothing has filled ({@link FreshBuffers}):
   * a constant written to it, or a wrapping call or decorator given it, all of whose exceptions are
   * I/O failures of the buffer's output, which it does not reach.
   */
  private boolean writesOnlyIntoAnUnfilledBuffer(
      Facts facts,
      MethodInvocationTree call,
      Holders receiver,
      List<Holders> arguments,
      List<Integer> wrapping) {
    boolean constantWrite = FreshBuffers.isConstantWrite(call);
    if (!constantWrite && wrapping.isEmpty()) {
      return false; // most calls that may throw: asked first, it spares the walks below
    }
    if (holds(facts, receiver)) {
      return constantWrite
          && throwing.failsOnlyInItsOutput(call, state)
          && freshBuffers.unfilledAt(getReceiver(call), call);
    }
    return writesOnlyIntoAnUnfilledBuffer(facts, call, call.getArguments(), arguments, wrapping);
  }

  /**
   * Whether the arguments of {@code call} that hold something open are all among {@code wrapping}
   * and all unfilled buffers, and the call fails only in its output.
   */
  private boolean writesOnlyIntoAnUnfilledBuffer(
      Facts facts,
      ExpressionTree call,
      List<? extends ExpressionTree> given,
      List<Holders> arguments,
      Collection<Integer> wrapping) {
    if (wrapping.isEmpty()) {
      return false;
    }
    boolean holdsSome = false;
    for (int i = 0; i < arguments.size(); i++) {
      if (holds(facts, arguments.get(i))) {
        if (!wrapping.contains(i) || !freshBuffers.unfilledAt(given.get(i), call)) {
          return false;
        }
        holdsSome = true;
      }
    }
    return holdsSome && throwing.failsOnlyInItsOutput(call, state);
  }

  /** The positions of {@code arguments} that hold a resource open in {@code facts}: not null. */
  private static Set<Integer> openAt(@Nullable Facts facts, List<Holders> arguments) {
    if (facts == null || !anyHolds(arguments)) {
      return Set.of();
    }
    Set<Integer> open = new HashSet<>();
    for (int i = 0; i < arguments.size(); i++) {
      if (holds(facts, arguments.get(i))) {
        open.add(i);
      }
    }
    return open;
  }

  /**
   * What {@code call} reads to its end ({@link ResourceSpec#drainedOperand}) when it holds only
   * resources that release themselves there ({@link ResourceSpec#releasesItselfAtTheEnd}); {@link
   * Holders#NONE} otherwise.
   */
  private Holders drainedSelfEndingBody(
      MethodInvocationTree call, Facts facts, Holders receiver, List<Holders> arguments) {
    if (facts == null || (receiver.isEmpty() && !anyHolds(arguments))) {
      return Holders.NONE;
    }
    ExpressionTree operand = spec.drainedOperand(call, state);
    if (operand == null) {
      return Holders.NONE;
    }
    int position = call.getArguments().indexOf(operand);
    Holders drained = position < 0 ? receiver : arguments.get(position);
    return holdOnlySitesThat(
            facts, List.of(drained), site -> spec.releasesItselfAtTheEnd(site, state))
        ? drained
        : Holders.NONE;
  }

  /** Whether {@code value} holds a resource that is open in {@code facts}. */
  private static boolean holds(Facts facts, Holders value) {
    return holdOnlySitesThat(facts, List.of(value), site -> true);
  }

  /**
   * Whether {@code receiver} holds only connections whose close ends their session, and the
   * statements made of them ({@link ResourceSpec#closingReleasesWhatItMade}).
   */
  private boolean closesAPhysicalSession(Facts facts, Holders receiver) {
    return holdOnlySitesThat(
        facts, List.of(receiver), site -> spec.closingReleasesWhatItMade(site, state));
  }

  /**
   * Whether {@code values} hold something in {@code facts}, all of it acquired at sites that pass.
   */
  private static boolean holdOnlySitesThat(
      Facts facts, Iterable<Holders> values, Predicate<Tree> passes) {
    if (facts == null) {
      return false;
    }
    boolean holdsSome = false;
    for (Holders value : values) {
      for (Tree site : value.isEmpty() ? Set.<Tree>of() : Transfers.sitesSelectedBy(facts, value)) {
        if (!passes.test(site)) {
          return false;
        }
        holdsSome = true;
      }
    }
    return holdsSome;
  }

  /** Whether {@code call} releases its receiver or one of its arguments. */
  private boolean releasesSomething(MethodInvocationTree call) {
    MethodSymbol method = getSymbol(call);
    return method != null
        && (spec.isRelease(method, state)
            || !unit.releasing.releasedArguments(call, state).isEmpty());
  }

  private boolean closesWhatItMadeInHandler(MethodSymbol method) {
    for (ImmutableList<Type> clause : handling) {
      for (Type caught : clause) {
        if (spec.closingInHandlerReleasesWhatItMade(method, caught, state)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The resource a getter of an object lent one hands back ({@link HandedBack}): {@code stmt =
   * event.getPreparedStatement()} after {@code event = new AfterCreateEvent(ctx, conn, stmt)}.
   * Asked only of a call on an object that holds something, with no arguments, returning a
   * closeable.
   */
  private Holders handedBack(MethodInvocationTree call, MethodSymbol method) {
    if (method == null
        || method.isStatic()
        || !method.getParameters().isEmpty()
        || !ASTHelpers.isSubtype(
            method.getReturnType(), state.getSymtab().autoCloseableType, state)) {
      return Holders.NONE;
    }
    Symbol lent = HandedBack.lentVariable(call, method, soleInitializers(), state);
    return lent == null ? Holders.NONE : Holders.variable(lent);
  }

  /**
   * An instance method declared to return its own class, or a type variable its receiver's type
   * stands for (Commons IO's builders, generic over themselves: {@code B setMaxCount(long)}): it
   * returns its receiver.
   */
  private boolean isFluent(MethodInvocationTree call, MethodSymbol method) {
    if (method == null || method.isStatic() || method.isConstructor()) {
      return false;
    }
    if (method.getReturnType().tsym == method.owner) {
      return true;
    }
    ExpressionTree receiver = getReceiver(call);
    return method.getReturnType() instanceof Type.TypeVar
        && receiver != null
        && ASTHelpers.isSameType(ASTHelpers.getType(call), ASTHelpers.getType(receiver), state);
  }

  private void noteResultOfCallGiven(Symbol local, ExpressionTree initializer) {
    if (local == null || !(Casts.stripped(initializer) instanceof MethodInvocationTree call)) {
      return;
    }
    ImmutableSet.Builder<Symbol> given = ImmutableSet.builder();
    for (ExpressionTree argument : call.getArguments()) {
      Symbol holder = trackable(Casts.stripped(argument));
      if (holder != null) {
        given.add(holder);
      }
    }
    ImmutableSet<Symbol> holders = given.build();
    if (!holders.isEmpty()) {
      resultsOfCallsGiven.put(local, holders);
    }
  }

  /**
   * What a returned resource stands in for: {@code return (Statement) result.getInterceptResult()},
   * where {@code result} came of a call given the method's statement, returns the substitute that
   * the call's owner chose for it (a wrapper, or the statement itself): the statement goes with it.
   * Only a value of a closeable type stands in for a resource.
   */
  private Holders substituted(ExpressionTree returned) {
    if (resultsOfCallsGiven.isEmpty()
        || !(Casts.stripped(returned) instanceof MethodInvocationTree call)
        || !(getReceiver(call) instanceof IdentifierTree receiver)) {
      return Holders.NONE;
    }
    ImmutableSet<Symbol> given = resultsOfCallsGiven.get(getSymbol(receiver));
    Type type = ASTHelpers.getType(returned);
    if (given == null
        || type == null
        || !ASTHelpers.isSubtype(type, state.getSymtab().autoCloseableType, state)) {
      return Holders.NONE;
    }
    Holders holders = Holders.NONE;
    for (Symbol holder : given) {
      holders = holders.union(Holders.variable(holder));
    }
    return holders;
  }

  /** Whether {@code call} is a constructor's {@code this(...)}, handing over to another one. */
  private static boolean isThisCall(MethodInvocationTree call, MethodSymbol method) {
    return method.isConstructor() && ConstructorCalls.isThisCall(call);
  }

  /**
   * The temporaries a call that fails loses for good: arguments made in the call itself whose
   * resource its value would have held ({@code factory.compressing("gz", new
   * FileOutputStream(dest))}, Log4j's compression action), among the {@code wrapping} ones. As with
   * a decorator's constructor that fails, nothing can reach them once the call has thrown.
   */
  private Holders wrappedTemporaries(
      MethodInvocationTree call, List<Holders> arguments, List<Integer> wrapping) {
    Holders lost = Holders.NONE;
    for (int i : wrapping) {
      if (trackable(call.getArguments().get(i)) == null) {
        lost = lost.union(arguments.get(i));
      }
    }
    return lost;
  }

  /**
   * The positions of the arguments whose resource the call's value holds ({@link Wrappers}). Not
   * the parent of a child the call returns ({@code executeQuery(conn, stmnt, sql)} returning {@code
   * stmnt.executeQuery()}): as with that call made in place, the result set does not hold its
   * statement. Nor the connection of a new statement a helper makes of it ({@code prepare(conn,
   * sql)}), which closing the statement leaves open.
   */
  private List<Integer> wrappedArguments(MethodInvocationTree call, List<Holders> arguments) {
    List<Integer> wrapping = new ArrayList<>();
    // Asked once, of a call that has an argument it may hold: whether it makes a resource.
    boolean asked = false;
    boolean makes = false;
    int parent = -1;
    for (int i = 0; i < arguments.size(); i++) {
      // Asked of every call: the types are read only for an argument that holds something.
      if (!arguments.get(i).isEmpty() && Wrappers.holdsArgument(call, i, state)) {
        if (!asked) {
          Optional<ResourceSpec.Acquisition> made = unit.acquiring.acquisition(call, state);
          asked = true;
          makes = made.isPresent();
          parent =
              made.orElse(null) == ResourceSpec.Acquisition.CHILD_OF_ARGUMENT
                  ? unit.acquiring.parentArgument(call, state)
                  : -1;
        }
        if (i != parent && !(makes && Wrappers.makesAChildOf(call, i, state))) {
          wrapping.add(i);
        }
      }
    }
    return wrapping;
  }

  private static Holders holdersAt(List<Holders> arguments, List<Integer> positions) {
    Holders held = Holders.NONE;
    for (int i : positions) {
      held = held.union(arguments.get(i));
    }
    return held;
  }

  private Eval newClass(NewClassTree newClass, Facts in) {
    Facts facts = in;
    if (newClass.getEnclosingExpression() != null) {
      facts = expression(newClass.getEnclosingExpression(), facts).facts;
    }
    List<Holders> arguments = new ArrayList<>();
    // Each argument's holders with the parents of the children among them, read as it is
    // evaluated: a later argument may take the child out of sight (an anonymous class that reads
    // the result set, Marmotta's new ResultSetIteration(result, true, new Transformer() {...})),
    // and with it the link to its statement.
    List<Holders> withParents = new ArrayList<>();
    for (ExpressionTree argument : newClass.getArguments()) {
      Eval value = expression(argument, facts);
      facts = value.facts;
      arguments.add(value.holders);
      withParents.add(
          facts == null || value.holders.isEmpty()
              ? value.holders
              : Transfers.withParents(facts, value.holders));
    }
    if (newClass.getClassBody() != null) {
      facts = transfers.escapeReferenced(facts, newClass.getClassBody());
    }
    // Handed to a constructor: the new object (a wrapper, a pool entry) owns it now. A decorator
    // (a BufferedReader over a FileReader) is that very resource from now on: closing it closes
    // what it was given. What the caller lends from a variable of its own to an object that only
    // borrows it (new FlacStreamReader(raf)) stays the caller's to close, and goes wherever the
    // object goes.
    Set<Integer> decorated =
        anyHolds(arguments) ? spec.decoratedArguments(newClass, state) : Set.of();
    Holders decorating = Holders.NONE;
    for (int i : decorated) {
      decorating = decorating.union(arguments.get(i));
    }
    Set<Integer> borrowed =
        anyHolds(arguments) ? unit.releasing.borrowedArguments(newClass, state) : Set.of();
    // What a reader out of sight only reads and leaves open (new MimeMessage(session, in)) stays
    // the caller's, when the reader fails as when it does not: a local goes on holding it, and a
    // temporary is lost with the statement.
    Set<Integer> lent = anyHolds(arguments) ? spec.lentArguments(newClass, state) : Set.of();
    // What it uses and never releases (a stream's zlib codec) stays the caller's too, and closing
    // the new object does not release it.
    Set<Integer> used = anyHolds(arguments) ? spec.usedArguments(newClass, state) : Set.of();
    if (throwing.mayThrow(newClass, openAt(facts, arguments), state)
        && !writesOnlyIntoAnUnfilledBuffer(
            facts, newClass, newClass.getArguments(), arguments, decorated)
        && !urlConversions.cannotFail(newClass)) {
      // A decorator that fails loses what it was to decorate, a temporary among it: new
      // ObjectInputStream(new FileInputStream(f)) reading the header of a damaged file. What an
      // object that cannot release anything is given for good, it was trusted with either way.
      Holders consumed = Holders.NONE;
      if (anyHolds(arguments) && !Consumers.canReleaseLater(ASTHelpers.getType(newClass), state)) {
        for (int i = 0; i < arguments.size(); i++) {
          if (!decorated.contains(i)
              && !borrowed.contains(i)
              && !lent.contains(i)
              && !used.contains(i)
              && givenForGood(newClass.getArguments().get(i))) {
            consumed = consumed.union(arguments.get(i));
          }
        }
      }
      // A decorator in sight that closes itself when it fails cleans up what it was given; so
      // does any constructor in sight for what it closes in a handler of its own failure.
      boolean cleansUp = !decorating.isEmpty() && unit.releasing.cleansUpOnFailure(newClass, state);
      Set<Integer> closedOnFailure =
          anyHolds(arguments) ? unit.releasing.argumentsClosedOnFailure(newClass, state) : Set.of();
      Holders lost = Holders.NONE;
      for (int i = 0; i < arguments.size(); i++) {
        if ((cleansUp && decorated.contains(i)) || closedOnFailure.contains(i)) {
          consumed = consumed.union(arguments.get(i));
        } else if (decorated.contains(i)) {
          lost = lost.union(arguments.get(i));
        }
      }
      mayThrow(transfers.escape(facts, consumed), newClass, lost);
    }
    Holders carried = decorating;
    // new ResultSetIterator(results): an object whose class closes results.getStatement() takes
    // the statement along with its result set. Asked only where an argument holds a child.
    boolean takesParents = false;
    for (int i = 0; i < arguments.size(); i++) {
      if (facts != null && withParents.get(i) != arguments.get(i)) {
        takesParents = unit.releasing.closesParentsOfWhatItKeeps(newClass, state);
        break;
      }
    }
    for (int i = 0; i < arguments.size(); i++) {
      if ((borrowed.contains(i) || lent.contains(i))
          && trackable(newClass.getArguments().get(i)) != null) {
        carried = carried.union(arguments.get(i));
      } else if (!decorated.contains(i) && !lent.contains(i) && !used.contains(i)) {
        facts = transfers.escape(facts, takesParents ? withParents.get(i) : arguments.get(i));
      }
    }
    Eval made = acquire(newClass, facts, Holders.NONE, List.of());
    return new Eval(made.facts, made.holders.union(carried));
  }

  /**
   * Whether a call of {@code method} on another object keeps what it is given there, by its shape:
   * a setter ({@code holder.setConnection(fetchConnection(ds))}, as an assignment to that object's
   * field would: Spring's DataSourceUtils), or a registration ({@code
   * transaction.registerCursor(rs)}: a registry keeps what it is given to release it later, as
   * PolyJDBC's transaction closes what it registered in its close()), or an event that carries it
   * to a listener ({@link Listeners}). Not the class's own {@code setSocketOptions(socket)}, which
   * configures what it is given (SNMP4J's), nor a channel's {@code register(selector, ops)}, which
   * hands the loop the channel, not the selector, nor a setter the catalogue says only lends
   * ({@link ResourceSpec#lendsWhatItIsGiven}: ImageIO's {@code reader.setInput(stream)}).
   */
  private boolean keepsWhatItIsGiven(MethodSymbol method, ExpressionTree receiver, int arguments) {
    return !Receivers.isThisOrSuper(receiver)
        && ((Setters.isSetter(method) && arguments == 1 && !lendsToALocal(method, receiver))
            || (Registrations.isRegistration(method) && !spec.isRelease(method, state))
            || Registrations.isBinding(method, state)
            || Consumers.madeOfWhatItIsGiven(method, state)
            || Listeners.isCallback(method, state));
  }

  /**
   * Whether {@code method}, a setter the catalogue says only lends ({@link
   * ResourceSpec#lendsWhatItIsGiven}: ImageIO's {@code reader.setInput(stream)}), is called on a
   * local the body keeps to itself: never returned, stored or given to a call. A reader kept in a
   * field, returned or handed on takes the stream with it, for whoever ends it to close (Apache
   * SIS's data store keeps its writer and closes the writer's output).
   */
  private boolean lendsToALocal(MethodSymbol method, ExpressionTree receiver) {
    if (receiver == null || !spec.lendsWhatItIsGiven(method, state)) {
      return false;
    }
    Symbol reader = getSymbol(Casts.stripped(receiver));
    return reader != null
        && LocalVariables.isLocalOrParameter(reader)
        && !ReturnedValues.locals(body).contains(reader)
        && !Identifiers.givenToACallIn(body, reader, call -> true)
        && !storedAnywhere(reader);
  }

  /** Whether {@code body} assigns the value of {@code local} to anything. */
  private boolean storedAnywhere(Symbol local) {
    boolean[] stored = {false};
    new SameBodyScanner() {
      @Override
      public Void visitAssignment(AssignmentTree assignment, Void unused) {
        stored[0] |= getSymbol(Casts.stripped(assignment.getExpression())) == local;
        return super.visitAssignment(assignment, null);
      }
    }.scan(body, null);
    return stored[0];
  }

  /**
   * Whether {@code call} is a fluent setter ({@link #isFluent}, given one value) of an object the
   * method was given or its object keeps, holding none of the method's resources: a parameter or a
   * field, or a fluent call on one. That object's owner takes what it is given, as with a setter:
   * Javalin's {@code ctx.result(stream)}, whose server writes the stream out and closes it after
   * the handler returns (WebDriverManager's driver server). Not a builder (a class named so, or one
   * the method made), whose product holds what it was given and decides its fate (the builders
   * above).
   */
  private boolean setsUpAnotherOwnersObject(
      MethodInvocationTree call, MethodSymbol method, Facts facts, Holders receiver) {
    if (call.getArguments().size() != 1
        || !isFluent(call, method)
        || method.owner.getSimpleName().toString().endsWith("Builder")
        || (facts != null && !Transfers.sitesSelectedBy(facts, receiver).isEmpty())) {
      return false;
    }
    ExpressionTree object = Casts.stripped(getReceiver(call));
    while (object instanceof MethodInvocationTree inner && isFluent(inner, getSymbol(inner))) {
      object = Casts.stripped(getReceiver(inner));
    }
    return object != null
        && !Receivers.isThisOrSuper(object)
        && getSymbol(object) instanceof VarSymbol variable
        && (variable.getKind() == ElementKind.PARAMETER || variable.getKind() == ElementKind.FIELD);
  }

  /**
   * The positions of {@code call}'s arguments it releases ({@link
   * ReleasingCalls#releasedArguments}), less what a helper in sight only keeps (hands to an object
   * of its own, stores) where the method closes that variable itself after the call ({@link
   * BodyCloses#closedAfter}): JLayer's {@code convert(in, ...)} builds a {@code Bitstream} around
   * the stream and drops it, and the caller's own {@code in.close()} says it only lent the stream,
   * which a failure of the helper then loses, as for a setter ({@link #keepsWhatItIsGiven}).
   */
  private Set<Integer> releasedNotLent(MethodInvocationTree call) {
    Set<Integer> released = unit.releasing.releasedArguments(call, state);
    Set<Integer> closed = null;
    Set<Integer> lent = new HashSet<>();
    for (int i : released) {
      // The cheap questions first: whether the helper closes it (most releasing helpers do, and
      // their summaries are kept), then whether the body releases the variable anywhere (one scan
      // of the body, kept); only then whether it closes it after this call.
      if (closed == null) {
        closed = unit.releasing.closedArguments(call, state);
      }
      ExpressionTree argument = call.getArguments().get(i);
      if (!closed.contains(i)
          && closes.closesItself(argument)
          && closes.closedAfter(call, trackable(argument))) {
        lent.add(i);
      }
    }
    return lent.isEmpty() ? released : Sets.difference(released, lent);
  }

  /**
   * Whether the method gives {@code argument} away for good: a temporary, or a local it reads
   * nowhere else (not closed later, not read on after the call).
   */
  private boolean givenForGood(ExpressionTree argument) {
    Symbol variable = trackable(argument);
    if (variable == null) {
      return true;
    }
    return LocalVariables.isLocalOrParameter(variable)
        && LocalVariables.readsIn(variable, body) == 1;
  }

  private Eval acquire(
      ExpressionTree tree, Facts facts, Holders receiver, List<Holders> arguments) {
    var acquisition = unit.acquiring.acquisition(tree, state);
    if (acquisition.isEmpty()
        || (tree instanceof MethodInvocationTree call
            && spec.givesBackWhatItGaveBefore(call, state)
            && RepeatedCalls.followsTheSameCall(call, body))) {
      return new Eval(facts, Holders.NONE);
    }
    Tree parent = null;
    Holders owner = null;
    if (acquisition.get() == ResourceSpec.Acquisition.CHILD_OF_RECEIVER) {
      owner = receiver;
    } else if (acquisition.get() == ResourceSpec.Acquisition.CHILD_OF_ARGUMENT) {
      int argument = unit.acquiring.parentArgument((MethodInvocationTree) tree, state);
      owner = argument >= 0 ? arguments.get(argument) : Holders.NONE;
    }
    if (owner != null) {
      parent = Transfers.firstSiteSelectedBy(facts, owner);
      if (parent == null) {
        // Its parent is not ours (a parameter, a field, try-with-resources): whoever releases the
        // parent releases this one too.
        return new Eval(facts, Holders.NONE);
      }
    }
    ImmutableMap<Symbol, Boolean> flags = flagsWhereMade(tree, flagsObligationsKeep(facts));
    if (flags == null) {
      return new Eval(facts, Holders.NONE);
    }
    if (parent == null && !receiver.isEmpty()) {
      // createConnection().createStatement(): the statement can give the connection back.
      Holders from = receiver;
      facts.forEach(
          (open, witness) -> {
            if (open.aliases().isEmpty() && from.selects(open)) {
              book.carried(open.site(), tree);
            }
          });
    }
    return new Eval(
        facts.with(new Obligation(tree, releasableThrough(tree), parent, flags), Witness.NONE),
        Holders.fresh(tree));
  }

  /**
   * The flags known where what {@code tree} acquires exists: {@code known}, and for a helper whose
   * body makes a new resource under one value of a boolean parameter alone ({@code
   * getConnection(inBatchMode)}, new only where {@code inBatchMode} is false: Jackrabbit's {@code
   * ConnectionHelper}), the flag given for it, with that value. Null where what is given rules it
   * out (a constant, or a flag whose value is known).
   */
  @Nullable
  private ImmutableMap<Symbol, Boolean> flagsWhereMade(
      ExpressionTree tree, ImmutableMap<Symbol, Boolean> known) {
    if (!(tree instanceof MethodInvocationTree call)) {
      return known;
    }
    Optional<ParameterGuards.Guard> guard = unit.acquiring.freshOnlyWhen(getSymbol(call));
    if (guard.isEmpty() || guard.get().parameter() >= call.getArguments().size()) {
      return known;
    }
    ExpressionTree argument = stripParentheses(call.getArguments().get(guard.get().parameter()));
    boolean made = guard.get().value();
    if (ASTHelpers.constValue(argument) instanceof Boolean constant) {
      return constant == made ? known : null;
    }
    Symbol flag = getSymbol(argument);
    if (!(argument instanceof IdentifierTree) || !isFlag(flag)) {
      return known;
    }
    Boolean given = known.get(flag);
    if (given != null) {
      return given == made ? known : null;
    }
    return Facts.withEntry(known, flag, made);
  }

  /**
   * The locals given to the acquiring call {@code tree} that can release what it acquires ({@link
   * ResourceSpec#argumentsThatCanReleaseIt}): they hold it from the start, so that {@code
   * request.releaseConnection()} in a {@code finally}, or a helper of the class that calls it,
   * releases the response {@code client.execute(request)} returned.
   */
  private ImmutableSet<Symbol> releasableThrough(Tree tree) {
    if (!(tree instanceof MethodInvocationTree call)) {
      return ImmutableSet.of();
    }
    ImmutableSet.Builder<Symbol> locals = ImmutableSet.builder();
    for (int i : spec.argumentsThatCanReleaseIt(call, state)) {
      Symbol given = trackable(call.getArguments().get(i));
      if (given != null && given.getKind() == ElementKind.LOCAL_VARIABLE) {
        locals.add(given);
      }
    }
    return locals.build();
  }

  private Eval assignment(AssignmentTree assignment, Facts in) {
    Symbol target = trackable(assignment.getVariable());
    if (target != null && isFlagSetToACondition(target, assignment.getExpression())) {
      return new Eval(flagSetTo(target, assignment.getExpression(), in), Holders.NONE);
    }
    Eval value = expression(assignment.getExpression(), in);
    if (target != null) {
      // a = b = new X(): the value of b = ... is what b holds now (nothing, if it holds none).
      return new Eval(
          assign(value, target, assignment.getExpression(), assignment),
          value.holders.isEmpty() ? value.holders : value.holders.union(Holders.variable(target)));
    }
    // Stored into an array or another object: out of this method's hands. That object is not,
    // unless finding it runs code that the analysis does not follow.
    Facts facts =
        StoreTargets.runsNoCode(assignment.getVariable())
            ? value.facts
            : transfers.escapeReferenced(value.facts, assignment.getVariable());
    return new Eval(transfers.escape(facts, value.holders), value.holders);
  }

  /**
   * Whether {@code assigned}, stored in {@code target}, is a test ({@code &&}, {@code ||}, {@code
   * !}, a comparison or a boolean call) and {@code target} a flag the analysis follows.
   */
  private boolean isFlagSetToACondition(Symbol target, ExpressionTree assigned) {
    ExpressionTree value = stripParentheses(assigned);
    return switch (value.getKind()) {
          case CONDITIONAL_AND,
              CONDITIONAL_OR,
              LOGICAL_COMPLEMENT,
              EQUAL_TO,
              NOT_EQUAL_TO,
              METHOD_INVOCATION ->
              true;
          default -> false;
        }
        && ASTHelpers.constValue(value) == null
        && isFlag(target)
        && !isFailureLocal(target);
  }

  /**
   * The state after {@code flag} is set to the test {@code condition}: on each branch the test can
   * take, what that branch says of the resources, with the flag true or false. A test kept in a
   * boolean ({@code valid = socket != null && !socket.isClosed()}) then says where it is read
   * ({@code if (!valid) socket = new Socket()}) what it would say written there.
   */
  private Facts flagSetTo(Symbol flag, ExpressionTree condition, Facts in) {
    Facts[] branches = condition(condition, in);
    return Facts.join(
        branches[0] == null ? null : branches[0].assign(flag, true),
        branches[1] == null ? null : branches[1].assign(flag, false));
  }

  private Facts assign(Eval value, Symbol target, ExpressionTree assigned, Tree where) {
    if (value.facts != null && isFlag(target)) {
      Boolean flag =
          isFailureLocal(target)
              ? NullUntilSetLocals.isSetBy(assigned)
              : ASTHelpers.constValue(assigned) instanceof Boolean constant ? constant : null;
      return value.facts.assign(target, flag != null ? flag : flagValue(assigned, value.facts));
    }
    Facts facts = store(value, target, where);
    if (facts != null && isNullTestedField(target)) {
      return facts.assign(target, NullUntilSetLocals.isSetBy(assigned));
    }
    if (facts == null || !isNullUntilSet(target)) {
      return facts;
    }
    Boolean set = NullUntilSetLocals.isSetBy(assigned);
    return isKeptByEachObligation(target) ? facts.assign(target, set) : facts.know(target, set);
  }

  /** {@code target} given {@code value}: it holds what the value holds, and no longer the rest. */
  private Facts store(Eval value, Symbol target, Tree where) {
    loseEarlierValue(value, target, where);
    // conn = plugin.customize(conn), in = decorate(in): the new value holds what the old one held
    // (a wrapper over it, or the same object), so the variable still holds it.
    Predicate<Obligation> stillHeld =
        value.holders.items().contains(target) ? value.holders::selects : obligation -> false;
    // A declaration holds something already only when its loop has gone round to it again: the
    // last pass's variable, out of scope, is what lost it (sqldump's `PreparedStatement stmt =
    // null;` at the top of a loop's body is no overwrite of anything the reader sees).
    Witness lost =
        where instanceof VariableTree && !loops.isEmpty()
            ? witnesses.nextPass(loops.peek())
            : witnesses.overwrite(where);
    // In the catch block a resource's path went through, a new resource stored over it is what
    // loses it (UNICORE's retry, `socket = new Socket(...)` in the catch of the handshake that
    // failed): the overwrite, not the catch. A null stored there is the catch going on without
    // closing it, named with the call that failed (jTDS's blob buffer); and after the try, the
    // catch's mark may be a join's, not the path's.
    boolean replaces = !value.holders.isEmpty();
    Facts facts =
        transfers.kill(
            value.facts,
            target,
            lost,
            stillHeld,
            carried ->
                replaces
                    && carried.kind() == Witness.Kind.CAUGHT
                    && handlingAt.contains(carried.line()));
    if (value.holders.isEmpty()) {
      return facts;
    }
    facts.forEach(
        (obligation, witness) -> {
          if (value.holders.items().contains(obligation.site())) {
            book.named(obligation.site(), target);
          }
        });
    return keepTemporaryParentsWith(
        facts.addAlias(value.holders::selectsAsStored, target), value.holders, target);
  }

  /**
   * {@code facts} where the temporary parents of what {@code target}, a field, now holds are held
   * by it too, if the class closes the parent of what its fields hold: Apache SIS's {@code result =
   * connection.createStatement().executeQuery(sql)}, whose statement its {@code close()} takes back
   * with {@code result.getStatement()}. The object keeps the statement with its result set.
   */
  private Facts keepTemporaryParentsWith(Facts facts, Holders stored, Symbol target) {
    if (target.getKind() != ElementKind.FIELD) {
      return facts;
    }
    Set<Tree> parents = new HashSet<>();
    facts.forEach(
        (obligation, witness) -> {
          if (obligation.parentSite() != null && stored.selects(obligation)) {
            parents.add(obligation.parentSite());
          }
        });
    // Asked only where a temporary's child is kept: the question reads every method of the class.
    if (parents.isEmpty() || !summary.closesParentsOfFields()) {
      return facts;
    }
    return facts.addAlias(
        obligation -> obligation.aliases().isEmpty() && parents.contains(obligation.site()),
        target);
  }

  /**
   * A new resource stored in a field that still holds its value from an earlier call, alone: that
   * one is lost here, and the finding belongs to the line that stores the new one.
   */
  private void loseEarlierValue(Eval value, Symbol target, Tree where) {
    Tree earlier = earlierValues.get(target);
    if (earlier == null || value.facts == null) {
      return;
    }
    Tree fresh =
        value.holders.items().stream()
            .filter(Tree.class::isInstance)
            .map(Tree.class::cast)
            .findFirst()
            .orElse(null);
    if (fresh == null) {
      return;
    }
    value.facts.forEach(
        (obligation, witness) -> {
          if (obligation.site() == earlier
              && obligation.aliases().equals(ImmutableSet.of(target))) {
            book.lostEarlierValue(fresh, witnesses.earlierValue(target, where));
          }
        });
  }

  /**
   * The states when {@code tree} is true and when it is false; a null test of a variable ({@code x
   * == null}, {@code Objects.nonNull(x)}) and a resource's own {@code isClosed()} refine them.
   */
  private Facts[] condition(ExpressionTree tree, Facts in) {
    if (in == null) {
      return new Facts[] {null, null};
    }
    ExpressionTree condition = stripParentheses(tree);
    Object constant = ASTHelpers.constValue(condition);
    if (constant instanceof Boolean value) {
      return value ? new Facts[] {in, null} : new Facts[] {null, in};
    }
    switch (condition.getKind()) {
      case LOGICAL_COMPLEMENT -> {
        Facts[] inner = condition(((UnaryTree) condition).getExpression(), in);
        return new Facts[] {inner[1], inner[0]};
      }
      case CONDITIONAL_AND -> {
        BinaryTree and = (BinaryTree) condition;
        Facts[] left = condition(and.getLeftOperand(), in);
        Facts[] right = condition(and.getRightOperand(), left[0]);
        return new Facts[] {right[0], Facts.join(left[1], right[1])};
      }
      case CONDITIONAL_OR -> {
        BinaryTree or = (BinaryTree) condition;
        Facts[] left = condition(or.getLeftOperand(), in);
        Facts[] right = condition(or.getRightOperand(), left[1]);
        return new Facts[] {Facts.join(left[0], right[0]), right[1]};
      }
      case EQUAL_TO, NOT_EQUAL_TO -> {
        // c == null == false, (c != null) == true, false == (c == null): a test compared with a
        // constant is that test, or its negation (daobab's guards, a FALSE of round 120).
        BinaryTree comparison = (BinaryTree) condition;
        Object right = ASTHelpers.constValue(comparison.getRightOperand());
        Object left = ASTHelpers.constValue(comparison.getLeftOperand());
        if (right instanceof Boolean || left instanceof Boolean) {
          boolean against = (Boolean) (right instanceof Boolean ? right : left);
          Facts[] test =
              condition(
                  right instanceof Boolean
                      ? comparison.getLeftOperand()
                      : comparison.getRightOperand(),
                  in);
          boolean same = (condition.getKind() == Tree.Kind.EQUAL_TO) == against;
          return same ? test : new Facts[] {test[1], test[0]};
        }
      }
      default -> {}
    }
    Symbol flag = getSymbol(condition);
    if (condition instanceof IdentifierTree && isFlag(flag)) {
      return new Facts[] {in.assume(flag, true), in.assume(flag, false)};
    }
    MethodSymbol query = ReleaseFlags.ownQuery(condition);
    if (query != null && isReleaseFlag(query)) {
      return new Facts[] {in.assume(query, true), in.assume(query, false)};
    }
    if (condition.getKind() == Tree.Kind.EQUAL_TO
        || condition.getKind() == Tree.Kind.NOT_EQUAL_TO) {
      Facts[] same = sameObject((BinaryTree) condition, in);
      if (same != null) {
        return same;
      }
    }
    NullComparisons.NullTest nullTest = NullComparisons.nullTest(condition);
    Symbol tested = nullTest == null ? null : trackable(nullTest.operand());
    if (tested != null && isFailureLocal(tested)) {
      // if (failure != null) throw failure: the path of the catch that kept it, and no other.
      Facts failed = in.assume(tested, true);
      Facts fine = in.assume(tested, false);
      return nullTest.trueWhenNull() ? new Facts[] {fine, failed} : new Facts[] {failed, fine};
    }
    if (tested != null) {
      // Every variable of an obligation holds the same open resource: where one is null, the
      // obligation is not there at all, nor are its children. A local that only ever holds what
      // cannot be null is null on no path (ORMLite's "sanity check" of two fresh connections).
      Facts isNull = transfers.notHeldBy(in, tested);
      if (!isNulledAfterDeclaration(tested)) {
        // Nor is what was made of it: a statement made of `conn` exists only where `conn` held a
        // connection, so the finally's `if (conn != null) conn.close()` is not taken without it.
        // Unless the body nulls `conn` on some path, after which a statement may outlive it (not
        // a last `conn = null` that nothing reads after).
        isNull = transfers.notMadeBy(isNull, nullTest.operand());
      }
      if (isNull != in && neverNull(tested)) {
        isNull = null; // asked only where the variable holds something: the answer matters there
      }
      Facts notNull = in;
      if (isKeptByEachObligation(tested) || isNullTestedField(tested)) {
        // Still null where the step that sets it has not run, or threw: for each resource apart.
        isNull = isNull == null ? null : isNull.assume(tested, false);
        notNull = in.assume(tested, true);
      } else if (isNullUntilSet(tested)) {
        isNull = isNull == null ? null : isNull.assumeKnown(tested, false);
        notNull = in.assumeKnown(tested, true);
      }
      return nullTest.trueWhenNull()
          ? new Facts[] {isNull, notNull}
          : new Facts[] {notNull, isNull};
    }
    StandardStreams.Test standardTest = StandardStreams.of(condition);
    Symbol compared = standardTest == null ? null : trackable(standardTest.operand());
    if (compared != null) {
      // if (out != System.out) out.close(): where out is the console, it holds nothing the method
      // made (sql-maven-plugin's output file, or the console when none is named).
      Facts isStandard = transfers.notHeldBy(in, compared);
      return standardTest.trueWhenStandard()
          ? new Facts[] {isStandard, in}
          : new Facts[] {in, isStandard};
    }
    if (condition instanceof MethodInvocationTree call && getReceiver(call) != null) {
      MethodSymbol asking = getSymbol(call);
      if (asking != null
          && spec.asksWhetherHalfShut(asking, state)
          && isOwnPrivateField(getReceiver(call))
          && !unit.shutsSocketsHalfDown()) {
        // !socket.isOutputShutdown() in a liveness test of a field's socket that no code of the
        // unit shuts half down: false on every path (the CloudBees syslog client's reconnect).
        return new Facts[] {null, expression(condition, in).facts};
      }
      Boolean onceReleased = spec.answerOnceReleased(asking, state);
      Symbol asked = onceReleased == null ? null : trackable(getReceiver(call));
      if (onceReleased == null && asking != null && spec.asksWhetherConnected(asking, state)) {
        // if (channel.isConnected()) channel.close() over SocketChannel.open(address): connected
        // until closed, so the test asks whether it is open (ttorrent's connector).
        Symbol receiver = trackable(getReceiver(call));
        if (receiver != null
            && holdOnlySitesThat(
                in,
                List.of(Holders.variable(receiver)),
                site -> spec.isConnectedWhenMade(site, state) || isConnectedEarlierValue(site))) {
          onceReleased = Boolean.FALSE;
          asked = receiver;
        }
      }
      if (asked != null) {
        // ps.isClosed() true, channel.isOpen() false: the resource was closed there; the call
        // itself may throw as any other.
        Facts after = expression(condition, in).facts;
        Facts released = transfers.notHeldBy(after, asked);
        return onceReleased ? new Facts[] {released, after} : new Facts[] {after, released};
      }
    }
    Facts facts = expression(condition, in).facts;
    return new Facts[] {facts, facts};
  }

  /**
   * Whether {@code site} stands for the value a field held on entry ({@link EarlierValues}) and the
   * method connects what it stores there: an earlier call connected that value, so connected it is
   * until closed (the CloudBees syslog client's reconnect, which replaces its socket only when
   * {@code isConnected()} or another liveness test fails).
   */
  private boolean isConnectedEarlierValue(Tree site) {
    for (Map.Entry<Symbol, Tree> field : earlierValues.entrySet()) {
      if (field.getValue() == site) {
        // Asked at each pass of a loop over the test: the body is read once per field.
        return connectsWhatItStores.computeIfAbsent(
            field.getKey(), f -> EarlierValues.connectsWhatItStores(body, f, spec, state));
      }
    }
    return false;
  }

  /**
   * Whether the body sets {@code variable} to {@code null} after its declaration, where a read may
   * see it.
   */
  private boolean isNulledAfterDeclaration(Symbol variable) {
    if (nulledLocals == null) {
      nulledLocals = LocalVariables.nulledBeforeARead(body);
    }
    return nulledLocals.contains(variable);
  }

  /** {@link #soleInitializers}, indexed on the first question that needs it. */
  private Map<Symbol, ExpressionTree> soleInitializers() {
    if (soleInitializers == null) {
      soleInitializers = LocalVariables.soleInitializers(body);
    }
    return soleInitializers;
  }

  /**
   * {@code arguments}, each local among them that is never assigned again replaced by the value it
   * was declared with: {@code socket.connect(address)} after {@code address = new
   * InetSocketAddress(host, port)} connects to a host name.
   */
  private List<ExpressionTree> asDeclared(List<? extends ExpressionTree> arguments) {
    List<ExpressionTree> declared = new ArrayList<>();
    for (ExpressionTree argument : arguments) {
      ExpressionTree initializer =
          argument instanceof IdentifierTree local
              ? soleInitializers().get(getSymbol(local))
              : null;
      declared.add(initializer == null ? argument : initializer);
    }
    return declared;
  }

  /**
   * Whether local {@code variable} is declared with a value that cannot be null (a new object, or
   * what {@link ResourceSpec#neverReturnsNull} says) and never assigned again.
   */
  private boolean neverNull(Symbol variable) {
    ExpressionTree initializer = soleInitializers().get(variable);
    return initializer != null
        && (Casts.stripped(initializer) instanceof NewClassTree
            || (Casts.stripped(initializer) instanceof MethodInvocationTree call
                && spec.neverReturnsNull(getSymbol(call), state)));
  }

  // ---------------------------------------------------------------- exceptions

  /**
   * Paths that leave through an exception thrown here carry what is open now; the call also loses
   * the temporaries of {@code alsoLost} when it throws.
   */
  private void mayThrow(Facts facts, ExpressionTree call, Holders alsoLost) {
    // Code only verbose logging runs is diagnostics, off in production: a resource lost only if
    // it fails there is lost only when debugging is on and something else has gone wrong.
    if (facts == null || verboseOnly > 0) {
      return;
    }
    if (facts.isEmpty()) {
      reachCatches(facts, call);
      return;
    }
    Witness witness = witnesses.exception(call);
    if (!alsoLost.isEmpty()) {
      // Nothing can reach them once the call fails, whatever catches its exception: lost here.
      facts.forEach(
          (obligation, held) -> {
            if (obligation.aliases().isEmpty()
                && alsoLost.selects(obligation)
                && !releasedByAFinallyAround(obligation.site())) {
              book.lost(obligation, witness);
            }
          });
    }
    // Inside a try, the exception's types decide which catches it reaches and whether it leaves:
    // a path that leaves the try through another call's exception is not this call's, and is not
    // named after it. Outside every try, it leaves the method whatever its type.
    ImmutableSet<Symbol> types = trying.isEmpty() ? null : throwing.thrownBy(call, state);
    // Consecutive calls mostly see the very same state: one exceptional exit carries it for all,
    // unless a later call is the more telling witness.
    if (facts == lastThrown
        && pending == lastThrownInto
        && Objects.equals(types, lastThrownTypes)
        && witness.rank() <= lastThrownRank) {
      return;
    }
    // A temporary is lost with the exception only if its own statement would have stored it; the
    // statement that drops it is reported at its end instead.
    Facts open = facts.without(o -> o.aliases().isEmpty());
    // Nor is a resource that has opened nothing yet (an unconnected socket before its first use):
    // this path does not carry it, so that a later call's failure, once the resource is in use,
    // names its loss (jPOS's channel: the local host's lookup, then the socket's bind).
    Facts carried = open.without(o -> lossesBeforeFirstUse.losesNothing(o, witness, body));
    // The next call may skip its own exit only if this one carries the whole state.
    lastThrown = carried == open ? facts : null;
    lastThrownInto = pending;
    lastThrownRank = witness.rank();
    lastThrownTypes = types;
    if (!carried.isEmpty()) {
      // A call of a finally block that throws loses what is still open, whatever jump brought the
      // path there (the close after it would have run): the call names the path, as
      // lock.release() before channel.close() does.
      pending.add(
          Exit.thrown(types),
          finallyDepth > 0 ? carried.rewitnessed(witness) : carried.witnessedBy(witness));
    } else {
      reachCatches(carried, call);
    }
  }

  /**
   * The exception of {@code call}, which may fail while {@code facts} hold nothing it could lose,
   * reaching the catches of the tries around it that may catch it: code after a try whose block
   * always returns runs only through them (chunk-templates' {@code peekInsideJar}, which tries a
   * {@code jar:} URL and returns its stream, and opens the jar as a {@code ZipFile} in the code
   * after the catch, never closed there). Where no try around it has a catch, it leaves the method
   * through their finally blocks, and loses nothing.
   */
  private void reachCatches(Facts facts, ExpressionTree call) {
    if (anyCatchAround()) {
      pending.add(Exit.thrownHoldingNothing(throwing.thrownBy(call, state)), facts);
    }
  }

  /** Whether a try of this body around the code being read has a catch. */
  private boolean anyCatchAround() {
    for (TryTree around : trying) {
      if (!around.getCatches().isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The makers whose made resources {@code call} releases on every path ({@link
   * ResourceSpec#releasesWhatItMade}), under their casts: its receiver for {@code
   * connection.disconnect()}, what it is given for a helper of the class that disconnects its
   * parameter (Ivy's {@code disconnect(conn)}), what its receiver's object was made with where its
   * class disconnects that ({@link KeptMakers}: jsoup's {@code res.safeClose()}).
   */
  private List<ExpressionTree> disconnectedBy(MethodInvocationTree call, MethodSymbol method) {
    List<ExpressionTree> makers = new ArrayList<>();
    ExpressionTree receiver = getReceiver(call);
    if (receiver != null && spec.releasesWhatItMade(method, receiver, state)) {
      makers.add(Casts.stripped(receiver));
    }
    // IOUtils.closeQuietly(client): a closer given the client closes it as client.close() does.
    // Its type is asked first, which rules out nearly every call before its body is read.
    List<? extends ExpressionTree> arguments = call.getArguments();
    Set<Integer> closed = null;
    for (int i = 0; i < arguments.size(); i++) {
      if (spec.closingByTypeReleasesWhatItMade(arguments.get(i), state)) {
        closed = closed == null ? unit.releasing.closedArguments(call, state) : closed;
        if (closed.contains(i)) {
          makers.add(Casts.stripped(arguments.get(i)));
        }
      }
    }
    if (isOwnMethod(method, receiver)) {
      for (int i : summary.parametersWhoseMadeAreReleasedBy(method)) {
        if (i < call.getArguments().size()) {
          makers.add(Casts.stripped(call.getArguments().get(i)));
        }
      }
    }
    // res.safeClose() of a res made with the connection: its class disconnects what it kept.
    makers.addAll(keptMakers.releasedThrough(call, method, body));
    return makers;
  }

  /**
   * Whether the {@code finally} of a {@code try} around the call being analysed releases what the
   * maker of the temporary made at {@code site} made ({@link ResourceSpec#releasesWhatItMade}): a
   * decorator over {@code connection.getInputStream()} that fails inside {@code try { ... } finally
   * { connection.disconnect(); }} loses nothing, the disconnect closing the stream it was to wrap
   * (jsonrpc4j's HTTP client); so does a helper of the class that disconnects what it is given
   * (Ivy's {@code disconnect(conn)}).
   */
  private boolean releasedByAFinallyAround(Tree site) {
    if (!(site instanceof MethodInvocationTree made) || getReceiver(made) == null) {
      return false;
    }
    Symbol maker = trackable(Casts.stripped(getReceiver(made)));
    if (maker == null) {
      return false;
    }
    boolean[] found = {false};
    SameBodyScanner releases =
        new SameBodyScanner() {
          @Override
          public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
            MethodSymbol method = getSymbol(call);
            if (method != null) {
              for (ExpressionTree disconnected : disconnectedBy(call, method)) {
                found[0] |= trackable(disconnected) == maker;
              }
            }
            return super.visitMethodInvocation(call, null);
          }
        };
    for (TryTree around : trying) {
      releases.scan(around.getFinallyBlock(), null);
      if (found[0]) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code if (!iteratedResult) statement.close()}: a close under a mode (a boolean fixed for the
   * method's run, {@link ModeFlags}) says who owns the resource in each mode. On the branch that
   * withholds the close, what was opened after the mode was set is handed on by design (Cayenne's
   * template action gives its statement to the iterator its caller closes), not lost.
   */
  private Facts[] handOverWhereModeWithholdsClose(IfTree ifTree, Facts[] branches) {
    if (isEmpty(branches[0]) && isEmpty(branches[1])) {
      return branches; // nothing open to hand on: most ifs
    }
    VarSymbol mode = ModeFlags.testedBy(ifTree.getCondition());
    if (mode == null) {
      return branches;
    }
    Set<Symbol> closedWhenTrue = closes.releasedIn(ifTree.getThenStatement());
    Set<Symbol> closedWhenFalse = closes.releasedIn(ifTree.getElseStatement());
    int settled = ModeFlags.settledAt(mode);
    Facts whenTrue = branches[0];
    Facts whenFalse = branches[1];
    for (Symbol closed : closedWhenTrue) {
      if (!closedWhenFalse.contains(closed) && givenAway(closed)) {
        whenFalse = transfers.handOverAcquiredAfter(whenFalse, closed, settled);
      }
    }
    for (Symbol closed : closedWhenFalse) {
      if (!closedWhenTrue.contains(closed) && givenAway(closed)) {
        whenTrue = transfers.handOverAcquiredAfter(whenTrue, closed, settled);
      }
    }
    return new Facts[] {whenTrue, whenFalse};
  }

  /**
   * Whether the method gives {@code variable} to a call that does not close it, where it may be
   * kept (a setter in sight that stores it, ActiveMQ's {@code c.setAddMessageStatement(s)}, among
   * them): a resource used only as a receiver has no one else to close it, whatever the mode says.
   */
  private boolean givenAway(Symbol variable) {
    Predicate<MethodInvocationTree> keeps =
        call -> unit.releasing.closedArguments(call, state).isEmpty();
    if (Identifiers.givenToACallIn(body, variable, keeps)) {
      return true;
    }
    // A connection whose statement is given away goes with it: the statement gives it back
    // (stmt.getConnection()), and whoever is trusted with the statement is with its connection
    // (Spring's JdbcTemplate.execute(action, closeResources), whose stream callback releases both).
    for (Symbol made : madeOf(variable)) {
      if (Identifiers.givenToACallIn(body, made, keeps)) {
        return true;
      }
    }
    return false;
  }

  /** The body's locals given a resource made by a call on {@code variable}: its statements. */
  private Set<Symbol> madeOf(Symbol variable) {
    Set<Symbol> made = new HashSet<>();
    new SameBodyScanner() {
      @Override
      public Void visitVariable(VariableTree local, Void unused) {
        note(getSymbol(local), local.getInitializer());
        return super.visitVariable(local, null);
      }

      @Override
      public Void visitAssignment(AssignmentTree assignment, Void unused) {
        note(getSymbol(assignment.getVariable()), assignment.getExpression());
        return super.visitAssignment(assignment, null);
      }

      private void note(Symbol target, @Nullable ExpressionTree value) {
        if (target != null
            && LocalVariables.isLocalOrParameter(target)
            && value != null
            && Casts.stripped(value) instanceof MethodInvocationTree call
            && getReceiver(call) != null
            && variable.equals(getSymbol(getReceiver(call)))
            && unit.acquiring.acquisition(call, state).isPresent()) {
          made.add(target);
        }
      }
    }.scan(body, null);
    return made;
  }

  private static boolean isEmpty(@Nullable Facts facts) {
    return facts == null || facts.isEmpty();
  }

  /**
   * Whether the code base's closer of result sets closes their statement too, as the callers of a
   * method that returns a result set close what it hands out: its own class's ({@code
   * closeResultSet(rs)} closing {@code rs.getStatement()}: Empire-db), or that of a class whose
   * helpers the class's methods close things with ({@link ClassSummary#closesWithAParentCloser}:
   * CQEngine, iciql). Asked only of a returned child whose parent the body holds.
   */
  private boolean closersCloseParents() {
    return summary.closesParentsOfArguments() || summary.closesWithAParentCloser();
  }

  // ---------------------------------------------------------------- small questions

  /**
   * A boolean local or parameter, or a local that holds a failure or nothing ({@link
   * FailureLocals}): a flag whose value {@link Facts} follows (for the latter, whether it holds a
   * failure).
   */
  private boolean isFlag(Symbol symbol) {
    return symbol != null
        && ((ReleaseFlags.isBooleanVariable(symbol) && isReleaseFlag(symbol))
            || isFailureLocal(symbol));
  }

  /**
   * Whether the body tests {@code symbol}, a boolean local or parameter or a question of its own
   * object ({@link ReleaseFlags#ownQuery}), where it acquires, releases or leaves ({@link
   * ReleaseFlags}); the body is read for them once, where a boolean is first asked about.
   */
  private boolean isReleaseFlag(Symbol symbol) {
    if (releaseFlags == null) {
      releaseFlags =
          ReleaseFlags.in(
              body,
              made -> unit.acquiring.acquisition(made, state).isPresent(),
              call -> {
                MethodSymbol method = getSymbol(call);
                return method != null && unit.acquiring.freshOnlyWhen(method).isPresent();
              });
    }
    return releaseFlags.contains(symbol);
  }

  /**
   * Whether {@code symbol} is a local that holds a failure or nothing ({@link FailureLocals}); the
   * body is read for them once, where a local of a {@link Throwable} type is first asked about.
   */
  private boolean isFailureLocal(Symbol symbol) {
    if (symbol.getKind() != ElementKind.LOCAL_VARIABLE
        || !ASTHelpers.isSubtype(symbol.type, state.getSymtab().throwableType, state)) {
      return false;
    }
    if (failureLocals == null) {
      failureLocals = FailureLocals.in(body, state);
    }
    return failureLocals.contains(symbol);
  }

  /**
   * The flags known in {@code facts} that an obligation made there keeps: not a null-until-set
   * local, unless a {@code finally} tests it ({@link #isKeptByEachObligation}).
   */
  private ImmutableMap<Symbol, Boolean> flagsObligationsKeep(Facts facts) {
    ImmutableMap<Symbol, Boolean> known = facts.knownFlags();
    if (known.isEmpty() || known.keySet().stream().noneMatch(this::isFollowedOnEveryPathOnly)) {
      return known;
    }
    return ImmutableMap.copyOf(Maps.filterKeys(known, flag -> !isFollowedOnEveryPathOnly(flag)));
  }

  private boolean isFollowedOnEveryPathOnly(Symbol symbol) {
    return isNullUntilSet(symbol) && !isKeptByEachObligation(symbol);
  }

  /**
   * Whether {@code symbol} is a null-until-set local that each obligation keeps as a flag ({@link
   * NullUntilSetLocals#testedInAFinally}, {@link NullUntilSetLocals#setBesideAnAcquisition}).
   */
  private boolean isKeptByEachObligation(Symbol symbol) {
    if (!isNullUntilSet(symbol)) {
      return false;
    }
    if (nullUntilSetKept == null) {
      nullUntilSetKept = NullUntilSetLocals.testedInAFinally(body, nullUntilSet, state);
      nullUntilSetKept.addAll(
          NullUntilSetLocals.setBesideAnAcquisition(
              body, nullUntilSet, made -> unit.acquiring.acquisition(made, state).isPresent()));
    }
    return nullUntilSetKept.contains(symbol);
  }

  /**
   * Whether {@code symbol} is a local declared null that the body tests for null ({@link
   * NullUntilSetLocals}); the body is read for them once, where a null test first asks.
   */
  private boolean isNullUntilSet(Symbol symbol) {
    if (symbol.getKind() != ElementKind.LOCAL_VARIABLE) {
      return false;
    }
    if (nullUntilSet == null) {
      nullUntilSet = NullUntilSetLocals.in(body);
    }
    return nullUntilSet.contains(symbol);
  }

  /**
   * Whether {@code symbol} is a field of this object that the body tests for null as it tests a
   * flag ({@link NullTestedFields}); the body is read for them once, where a field is first asked
   * about.
   */
  private boolean isNullTestedField(Symbol symbol) {
    if (symbol.getKind() != ElementKind.FIELD) {
      return false;
    }
    if (nullTestedFields == null) {
      nullTestedFields =
          NullTestedFields.in(
              body,
              ownClass,
              made -> unit.acquiring.acquisition(made, state).isPresent(),
              unit.methods);
    }
    return nullTestedFields.contains(symbol);
  }

  /** The value of {@code tree} if it is a flag whose value is known in {@code facts}. */
  private Boolean flagValue(ExpressionTree tree, Facts facts) {
    ExpressionTree bare = stripParentheses(tree);
    if (!(bare instanceof IdentifierTree) || !isFlag(getSymbol(bare))) {
      return null;
    }
    return facts.knownFlags().get(getSymbol(bare));
  }

  /** {@code facts} without the value of any flag assigned inside {@code tree}. */
  private Facts forgetFlagsAssignedIn(Tree tree, Facts facts) {
    if (facts == null || facts.knownFlags().isEmpty()) {
      return facts;
    }
    return facts.forget(
        LocalVariables.assignedIn(tree).stream()
            .filter(local -> isFlag(local) || isNullUntilSet(local) || isNullTestedField(local))
            .collect(ImmutableSet.toImmutableSet()));
  }

  /** Whether {@code tree} names a private field of this object's class. */
  private boolean isOwnPrivateField(ExpressionTree tree) {
    Symbol symbol = getSymbol(tree);
    return symbol != null
        && ClassSummary.isOwnField(tree, symbol)
        && symbol.owner == ownClass
        && (symbol.flags() & Flags.PRIVATE) != 0;
  }

  private boolean isOwnMethod(MethodSymbol method, ExpressionTree receiver) {
    return method.owner == ownClass && Receivers.isThisOrImplicit(receiver);
  }

  /**
   * The two branches of {@code a == b} (or {@code a != b}) between two variables: where they are
   * the same object, what one holds the other holds too (Tika's rereadable stream closes the stream
   * it reads from unless it is the original one another field keeps, {@code if (inputStream !=
   * originalInputStream) inputStream.close()}, before it replaces it). Null where either side is no
   * variable this analysis follows.
   */
  @Nullable
  private Facts[] sameObject(BinaryTree comparison, Facts in) {
    Symbol left = trackable(stripParentheses(comparison.getLeftOperand()));
    Symbol right = trackable(stripParentheses(comparison.getRightOperand()));
    if (left == null || right == null || left == right) {
      return null;
    }
    Facts same =
        in.addAlias(obligation -> obligation.isHeldBy(left), right)
            .addAlias(obligation -> obligation.isHeldBy(right), left);
    return comparison.getKind() == Tree.Kind.EQUAL_TO
        ? new Facts[] {same, in}
        : new Facts[] {in, same};
  }

  /** A local, a parameter, or a field of this object: the variables whose every store we see. */
  private Symbol trackable(ExpressionTree tree) {
    Symbol symbol = getSymbol(tree);
    if (symbol == null) {
      return null;
    }
    ElementKind kind = symbol.getKind();
    if (kind == ElementKind.LOCAL_VARIABLE
        || kind == ElementKind.RESOURCE_VARIABLE
        || kind == ElementKind.PARAMETER) {
      return symbol;
    }
    return ClassSummary.isOwnField(tree, symbol) && symbol.owner == ownClass ? symbol : null;
  }

  private void forgetLoopsIn(Tree tree) {
    new TreeScanner<Void, Void>() {
      @Override
      public Void scan(Tree node, Void unused) {
        if (node != null) {
          loopHeads.remove(node);
        }
        return super.scan(node, null);
      }
    }.scan(tree, null);
  }

  private void step() {
    WORK.incrementAndGet();
    if (++steps > MAX_STEPS) {
      throw new StepBudgetExceeded();
    }
  }

  /** Thrown when a body takes more steps than {@link #MAX_STEPS}: no findings beat a hung javac. */
  private static final class StepBudgetExceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StepBudgetExceeded() {
      super(null, null, false, false);
    }
  }
}
