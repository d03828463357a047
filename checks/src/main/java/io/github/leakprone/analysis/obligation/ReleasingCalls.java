package io.github.leakprone.analysis.obligation;

import static com.google.errorprone.util.ASTHelpers.getSymbol;

import com.google.common.collect.Sets;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.VariableTree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import io.github.leakprone.catalog.ReleaseNames;
import io.github.leakprone.catalog.ResourceSpec;
import io.github.leakprone.trees.BodySearch;
import io.github.leakprone.trees.Implementations;
import io.github.leakprone.trees.Receivers;
import io.github.leakprone.trees.SameBodyScanner;
import io.github.leakprone.trees.SingletonFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import javax.annotation.Nullable;
import javax.lang.model.element.ElementKind;

/**
 * Which arguments a call releases. The catalog's closers and the user's ({@code
 * DbUtils.closeQuietly}, {@code -XepOpt:...:Closers}) release all of theirs. A method whose body
 * the unit holds, or another file that javac compiles with it, is judged by that body: {@code
 * closeStatement(ps, rs)} that closes only {@code rs} releases only {@code rs}, and a {@code
 * close*} method that closes nothing releases nothing. Only a method whose body is out of sight (a
 * utility class, a superclass in a jar) is trusted by its name ({@link ReleaseNames}).
 */
final class ReleasingCalls {

  private final ResourceSpec spec;
  private final UnitMethods unit;
  private final Function<ClassTree, ClassSummary> summaries;

  /** {@link #closedByEveryImplementation}'s answers, by abstract method. */
  private final Map<MethodSymbol, Set<Integer>> closedByImplementations = new HashMap<>();

  ReleasingCalls(ResourceSpec spec, UnitMethods unit, Function<ClassTree, ClassSummary> summaries) {
    this.spec = spec;
    this.unit = unit;
    this.summaries = summaries;
  }

  /** The positions of {@code call}'s arguments that it releases (varargs spread out). */
  Set<Integer> releasedArguments(MethodInvocationTree call, VisitorState state) {
    return releasedArguments(call, methodRun(call, state), state);
  }

  /** {@link #releasedArguments}, where {@code call} runs {@code method} ({@link #methodRun}). */
  private Set<Integer> releasedArguments(
      MethodInvocationTree call, MethodSymbol method, VisitorState state) {
    int arguments = call.getArguments().size();
    Set<Integer> positions = new HashSet<>(spec.releasedArguments(call, state));
    ClassTree owner = ownerInSight(method, state);
    if (owner != null) {
      positions.addAll(summaries.apply(owner).parametersTakenBy(method));
    } else if (method != null && ReleaseNames.isReleaseHelper(method.getSimpleName().toString())) {
      for (int i = 0; i < arguments; i++) {
        positions.add(i);
      }
    } else if (method != null && Implementations.isAbstract(method)) {
      positions.addAll(closedByEveryImplementation(method, state));
    }
    if (method != null
        && method.isVarArgs()
        && positions.contains(method.getParameters().size() - 1)) {
      for (int i = method.getParameters().size() - 1; i < arguments; i++) {
        positions.add(i);
      }
    }
    // A number or a string a method stores in a field (setReactorThreadCount(2) keeping its count)
    // is no resource it takes: the call is still one that may fail.
    positions.removeIf(i -> i >= arguments || holdsNoResource(call.getArguments().get(i), state));
    return positions;
  }

  /** Whether {@code argument} is a primitive, a boxed one or a string. */
  private static boolean holdsNoResource(ExpressionTree argument, VisitorState state) {
    Type type = ASTHelpers.getType(argument);
    return type != null && holdsNoResource(type, state);
  }

  /**
   * Whether a value of {@code type} can hold no resource: a primitive, a boxed one or a string (a
   * count a method stores, the {@code Integer} a setter of a buffer size is given).
   */
  static boolean holdsNoResource(Type type, VisitorState state) {
    return type.isPrimitive()
        || state.getTypes().unboxedType(type).isPrimitive()
        || ASTHelpers.isSameType(type, state.getSymtab().stringType, state);
  }

  /**
   * The positions of the parameters that every implementation of {@code method}, abstract, compiled
   * with the checked file closes whatever fails in its body ({@link Implementations}, {@link
   * FailSafeCloses}): Ivy's parsers, each of which closes the stream {@code
   * ModuleDescriptorParser.toIvyFile} is given in a {@code finally}. An implementation that hands
   * it on to the same method (a registry, to the parser it picks) does what the others do. None
   * where there is no implementation in sight, one whose body is out of sight (inherited from a
   * jar), or one that closes it only at its end, which a failure before skips (UReport's Excel
   * parsers: the caller's stream is still its own when the parse of a bad upload fails).
   */
  private Set<Integer> closedByEveryImplementation(MethodSymbol method, VisitorState state) {
    // Asked of every call of such a method in the bodies analysed, and twice of one that releases
    // (released, then closed): the implementations' bodies are read once per method.
    Set<Integer> known = closedByImplementations.get(method);
    if (known == null) {
      known = readImplementations(method, state);
      closedByImplementations.put(method, known);
    }
    return known;
  }

  private Set<Integer> readImplementations(MethodSymbol method, VisitorState state) {
    Set<Integer> common = null;
    List<Set<Integer>> handingOn = new ArrayList<>();
    for (MethodSymbol implementation : Implementations.of(method, state)) {
      MethodTree declaration = unit.declarationInSight(implementation, state);
      if (declaration == null) {
        return Set.of();
      }
      Set<Integer> closed = FailSafeCloses.parametersClosedWhateverFails(declaration, spec, state);
      Set<Integer> handed = FailSafeCloses.parametersHandedOnTo(declaration, method);
      if (!handed.isEmpty()) {
        handingOn.add(Sets.union(closed, handed));
        continue;
      }
      if (common == null) {
        common = new HashSet<>(closed);
      } else {
        common.retainAll(closed);
      }
    }
    if (common == null) {
      return Set.of();
    }
    handingOn.forEach(common::retainAll);
    return common;
  }

  /**
   * The positions of {@code call}'s arguments that it closes: as {@link #releasedArguments}, less
   * what a method in sight only keeps (a setter that stores its argument in a field).
   */
  Set<Integer> closedArguments(MethodInvocationTree call, VisitorState state) {
    MethodSymbol method = methodRun(call, state);
    ClassTree owner = ownerInSight(method, state);
    if (owner == null) {
      // Out of sight, what a call releases it closes: by its name, or, for an abstract method,
      // what every implementation closes whatever fails.
      return releasedArguments(call, method, state);
    }
    Set<Integer> positions = new HashSet<>(spec.releasedArguments(call, state));
    positions.addAll(summaries.apply(owner).parametersClosedBy(method));
    // A summary notes -1 for what it closes that is no parameter of its method.
    positions.removeIf(i -> i < 0 || i >= call.getArguments().size());
    return positions;
  }

  /**
   * The positions of {@code call}'s arguments whose parent resource it releases: a helper in sight
   * whose body closes {@code stmt.getConnection()} of its parameter {@code stmt}.
   */
  Set<Integer> argumentsWhoseParentIsReleased(MethodInvocationTree call, VisitorState state) {
    MethodSymbol method = getSymbol(call);
    ClassTree owner = ownerInSight(method, state);
    if (owner == null) {
      return Set.of();
    }
    ClassSummary summary = summaries.apply(owner);
    Set<Integer> positions = new HashSet<>(summary.parametersWhoseParentIsTakenBy(method));
    // closeSilently(rs, false), where the helper gets rs.getStatement() only if its flag is set.
    positions.removeIf(
        position ->
            summary
                .parentTakenOnlyWhen(method, position)
                .filter(guard -> givenTheOtherValue(call, guard))
                .isPresent());
    return positions;
  }

  /** Whether {@code call} passes the constant opposite of {@code guard}'s value for its flag. */
  private static boolean givenTheOtherValue(
      MethodInvocationTree call, ParameterGuards.Guard guard) {
    Boolean given =
        guard.parameter() < call.getArguments().size()
            ? ASTHelpers.constValue(call.getArguments().get(guard.parameter()), Boolean.class)
            : null;
    return given != null && given != guard.value();
  }

  /**
   * The positions of {@code call}'s arguments that the object it returns owns: a factory in sight
   * that builds their owner and returns it ({@link ClassSummary#parametersOwnedByResultOf}).
   */
  Set<Integer> argumentsOwnedByResult(MethodInvocationTree call, VisitorState state) {
    MethodSymbol method = getSymbol(call);
    ClassTree owner = ownerInSight(method, state);
    return owner == null ? Set.of() : summaries.apply(owner).parametersOwnedByResultOf(method);
  }

  /**
   * The positions of {@code call}'s arguments that the object it returns is made of: a factory in
   * sight that builds it around them ({@link ClassSummary#parametersHeldByResultOf}).
   */
  Set<Integer> argumentsHeldByResult(MethodInvocationTree call, VisitorState state) {
    MethodSymbol method = getSymbol(call);
    ClassTree owner = ownerInSight(method, state);
    return owner == null ? Set.of() : summaries.apply(owner).parametersHeldByResultOf(method);
  }

  /**
   * The positions of {@code newClass}'s arguments that the object made only borrows: its class, in
   * sight, keeps them in its fields and never releases them ({@link
   * ClassSummary#parametersBorrowedBy}). The caller still owns what it lends.
   */
  Set<Integer> borrowedArguments(NewClassTree newClass, VisitorState state) {
    MethodSymbol constructor = getSymbol(newClass);
    ClassTree owner = ownerInSight(constructor, state);
    return owner == null ? Set.of() : summaries.apply(owner).parametersBorrowedBy(constructor);
  }

  /**
   * Whether the class in sight that declares {@code helper} has a closer of children that closes
   * their parent too ({@link ClassSummary#closesParentsOfArguments}): CQEngine's {@code DBUtils},
   * whose {@code closeQuietly(ResultSet)} closes {@code rs.getStatement()}.
   */
  boolean ownerClosesParentsOfArguments(MethodSymbol helper, VisitorState state) {
    ClassTree owner = ownerInSight(helper, state);
    return owner != null && summaries.apply(owner).closesParentsOfArguments();
  }

  /**
   * Whether the object {@code newClass} makes, of a class in sight, closes the parent of what it
   * keeps ({@link ClassSummary#closesParentsOfFields}).
   */
  boolean closesParentsOfWhatItKeeps(NewClassTree newClass, VisitorState state) {
    ClassTree owner = ownerInSight(getSymbol(newClass), state);
    return owner != null && summaries.apply(owner).closesParentsOfFields();
  }

  /**
   * Whether the constructor {@code newClass} calls, in sight, closes its object in a handler of its
   * own failure: a {@code catch} that calls {@code close()} on the object or on one of its fields,
   * or a method of the object that releases one (Thrift's {@code new TSocket(socket)}, which closes
   * the socket it keeps when it cannot get its streams, then throws). The author's word that what
   * it is given is its to clean up from the call on, as a factory's that builds its object around
   * it ({@link #argumentsOwnedByResult}).
   */
  boolean cleansUpOnFailure(NewClassTree newClass, VisitorState state) {
    return cleansUpOnFailure(getSymbol(newClass), state);
  }

  /**
   * As {@link #cleansUpOnFailure(NewClassTree, VisitorState)}, for the constructor a {@code
   * this(...)} hands over to (HyperSQL SqlTool's {@code SqlFile}, whose constructor calls {@code
   * closeReader()} when reading fails, then rethrows).
   */
  boolean cleansUpOnFailure(@Nullable MethodSymbol constructor, VisitorState state) {
    MethodTree declaration =
        constructor == null ? null : unit.declarationInSight(constructor, state);
    ClassTree owner = constructor == null ? null : ownerInSight(constructor, state);
    if (declaration == null || declaration.getBody() == null || owner == null) {
      return false;
    }
    ClassSummary summary = summaries.apply(owner);
    return anyHandlerCalls(
        declaration, call -> closesItsObject(call) || releasesAField(call, summary));
  }

  /**
   * The positions of {@code newClass}'s arguments that its constructor, in sight, closes itself in
   * a handler of its own failure (j60870's {@code new Connection(socket, ...)}, which closes the
   * socket when it cannot get its streams, then rethrows): as for a decorator that {@linkplain
   * #cleansUpOnFailure cleans up on failure}, the author's word that what it is given is its to
   * clean up from the call on.
   */
  Set<Integer> argumentsClosedOnFailure(NewClassTree newClass, VisitorState state) {
    return argumentsClosedOnFailure(getSymbol(newClass), state);
  }

  /**
   * As {@link #argumentsClosedOnFailure(NewClassTree, VisitorState)}, for the constructor a {@code
   * this(...)} hands over to (jsign's {@code PEFile(File)}, whose {@code this(channel)} closes the
   * channel in a handler of its own failure and rethrows).
   */
  Set<Integer> argumentsClosedOnFailure(@Nullable MethodSymbol constructor, VisitorState state) {
    MethodTree declaration =
        constructor == null ? null : unit.declarationInSight(constructor, state);
    if (declaration == null || declaration.getBody() == null) {
      return Set.of();
    }
    // One reading of the handlers, for every parameter: what their close() calls close.
    Set<Symbol> closedInHandlers = new HashSet<>();
    anyHandlerCalls(
        declaration,
        call -> {
          if (isClose(call)) {
            closedInHandlers.add(getSymbol(ASTHelpers.getReceiver((MethodInvocationTree) call)));
          }
          return false; // read them all
        });
    Set<Integer> closed = new HashSet<>();
    List<? extends VariableTree> parameters = declaration.getParameters();
    for (int i = 0; i < parameters.size(); i++) {
      if (closedInHandlers.contains(getSymbol(parameters.get(i)))) {
        closed.add(i);
      }
    }
    return closed;
  }

  /**
   * The positions of the arguments that {@code constructor}, in sight, gives to another object that
   * may keep them before anything in its body can fail (ez-vcard's {@code BinaryProperty(in)},
   * whose {@code this(new Gobble(in).asByteArray())} has that object read and close the stream):
   * that object has them whatever fails after, as a caller's own body would have handed them on.
   */
  Set<Integer> argumentsHandedOnAtOnce(@Nullable MethodSymbol constructor, VisitorState state) {
    ClassTree owner = constructor == null ? null : ownerInSight(constructor, state);
    return owner == null
        ? Set.of()
        : summaries.apply(owner).parametersHandedOnAtOnceBy(constructor);
  }

  /** Whether a {@code catch} of {@code declaration}'s body makes a call that {@code counts}. */
  private static boolean anyHandlerCalls(MethodTree declaration, Predicate<ExpressionTree> counts) {
    boolean[] found = {false};
    new SameBodyScanner() {
      @Override
      public Void visitCatch(CatchTree handler, Void unused) {
        found[0] |= BodySearch.anyIn(handler.getBlock(), thrown -> false, counts);
        return super.visitCatch(handler, null);
      }
    }.scan(declaration.getBody(), null);
    return found[0];
  }

  /** Whether {@code call} is a {@code close()} with no arguments. */
  private static boolean isClose(ExpressionTree call) {
    return call instanceof MethodInvocationTree invocation
        && invocation.getArguments().isEmpty()
        && getSymbol(invocation) != null
        && getSymbol(invocation).getSimpleName().contentEquals("close");
  }

  /** Whether {@code call} is a method of the object itself that releases one of its fields. */
  private static boolean releasesAField(ExpressionTree call, ClassSummary summary) {
    if (!(call instanceof MethodInvocationTree invocation)) {
      return false;
    }
    MethodSymbol method = getSymbol(invocation);
    return method != null
        && Receivers.isThisOrImplicit(ASTHelpers.getReceiver(invocation))
        && !summary.fieldsReleasedBy(method).isEmpty();
  }

  /** Whether {@code call} is {@code close()} on {@code this}, implicitly, or on a field. */
  private static boolean closesItsObject(ExpressionTree call) {
    if (!isClose(call)) {
      return false;
    }
    ExpressionTree receiver = ASTHelpers.getReceiver((MethodInvocationTree) call);
    return Receivers.isThisOrImplicit(receiver)
        || (getSymbol(receiver) instanceof VarSymbol field && field.getKind() == ElementKind.FIELD);
  }

  /**
   * The method {@code call} runs: the one it names, or, where that one's body is out of sight and
   * the receiver is a constant of a known class ({@link SingletonFields}), that class's.
   */
  private MethodSymbol methodRun(MethodInvocationTree call, VisitorState state) {
    MethodSymbol named = getSymbol(call);
    if (named == null || ownerInSight(named, state) != null) {
      return named;
    }
    MethodSymbol implementation = SingletonFields.implementationCalled(call, state);
    return implementation != null && ownerInSight(implementation, state) != null
        ? implementation
        : named;
  }

  /**
   * The class in sight that declares {@code method} with a body: in this unit, or compiled with it.
   */
  private ClassTree ownerInSight(MethodSymbol method, VisitorState state) {
    return method == null ? null : unit.ownerInSight(method, state);
  }
}
