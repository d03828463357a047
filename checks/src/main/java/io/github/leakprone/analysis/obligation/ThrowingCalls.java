package io.github.leakprone.analysis.obligation;

import static com.google.errorprone.util.ASTHelpers.getSymbol;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import io.github.leakprone.catalog.NamedTypes;
import io.github.leakprone.trees.BodySearch;
import io.github.leakprone.trees.ClassMethods;
import io.github.leakprone.trees.LocalVariables;
import io.github.leakprone.trees.ParameterConditions;
import io.github.leakprone.trees.PlatformMemberLookups;
import io.github.leakprone.trees.SameBodyScanner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import javax.annotation.Nullable;
import javax.lang.model.element.Modifier;

/**
 * Which calls an exception may leave under an {@link ExceptionPolicy}, and what they throw, for one
 * compilation unit: its own methods are indexed once, and whether each one's body throws is worked
 * out once.
 */
final class ThrowingCalls {

  private final ExceptionPolicy policy;
  private final UnitMethods unit;

  private final Map<Symbol, Boolean> bodyThrows = new HashMap<>();
  private final Map<Symbol, ImmutableSet<Symbol>> thrown = new HashMap<>();
  private final Map<Symbol, Boolean> throwsNothing = new HashMap<>();
  private final Map<MethodTree, Set<ThrowTree>> preconditions = new HashMap<>();

  /** The methods {@link #constantArgumentsTurnOffEveryFailure} is reading: each once at a time. */
  private final Set<Symbol> readingWithConstants = new HashSet<>();

  ThrowingCalls(ExceptionPolicy policy, UnitMethods unit) {
    this.policy = policy;
    this.unit = unit;
  }

  /** Whether an exception may leave {@code call}, a method or constructor call. */
  boolean mayThrow(ExpressionTree call, VisitorState state) {
    return mayThrow(call, Set.of(), state);
  }

  /**
   * As {@link #mayThrow(ExpressionTree, VisitorState)}, where the arguments at {@code held} are
   * resources the caller holds open: not null, whatever a check in the callee asks.
   */
  boolean mayThrow(ExpressionTree call, Set<Integer> held, VisitorState state) {
    if (policy == ExceptionPolicy.ALL) {
      return true;
    }
    Symbol symbol = getSymbol(call);
    MethodSymbol reflected = PlatformMemberLookups.memberCalledThrough(call, state);
    if (reflected != null) {
      return declaresAnException(reflected, state); // constr.newInstance(...) fails as its member
    }
    return symbol instanceof MethodSymbol method
        && ((declaresAnException(method, state)
                && !bodyThrowsNothing(method, state)
                && !failsOnlyOnMisconfiguration(method, state)
                && !declaresOnly(method, CLOSED_CHANNEL, state)
                && !constantArgumentsTurnOffEveryFailure(call, held, state)
                && PlatformMemberLookups.memberFound(call, state) == null)
            || (throwsInBody(method, state)
                && !constantArgumentsRuleOutItsThrows(call, held, state)));
  }

  /**
   * Whether {@code call}, of a method of the unit whose body throws, gives constants that turn off
   * every check of its body's {@code if}s that throws, and nothing else in it throws: Smack's
   * {@code setReactorThreadCount(DEFAULT_REACTOR_THREAD_COUNT)}, with the constant 2, against
   * {@code if (n < 2) throw new IllegalArgumentException(...)}; Groovy's {@code new
   * Sql(connection)}, given the connection {@code DriverManager} has just opened, against {@code if
   * (connection == null) throw new NullPointerException(...)}. A precondition the caller's own
   * constant or open resource meets is no path of that call ({@link ParameterConditions}).
   */
  private boolean constantArgumentsRuleOutItsThrows(
      ExpressionTree call, Set<Integer> held, VisitorState state) {
    Map<Symbol, Object> constants = constantsOf(call, held);
    MethodTree declaration =
        constants.isEmpty() ? null : unit.declaration((MethodSymbol) getSymbol(call));
    List<Tree> runs = declaration == null ? null : whatRunsGiven(constants, declaration);
    return runs != null && runs.stream().noneMatch(tree -> scanForThrows(tree, declaration, state));
  }

  /**
   * Whether {@code call}, of a method of the unit that declares an exception, gives constants that
   * turn off every branch of its body that may fail, and nothing else in it may:
   * webarchive-commons' {@code RandomAccessInputStream(File)} delegates with {@code this(new
   * RandomAccessFile(file, "r"), true, 0)}, and the constructor it calls seeks only {@code if
   * (offset > 0)} and otherwise assigns fields, so the file it was given is lost on no path there.
   * The body is read as {@link #bodyThrowsNothing} reads one: in sight, of a method no subclass
   * fills in, a constructor's field initialisers and initialiser blocks included.
   */
  private boolean constantArgumentsTurnOffEveryFailure(
      ExpressionTree call, Set<Integer> held, VisitorState state) {
    Map<Symbol, Object> constants = constantsOf(call, held);
    if (constants.isEmpty()) {
      return false; // the usual case, told from the call alone: no body is looked up
    }
    MethodSymbol method = (MethodSymbol) getSymbol(call);
    MethodTree declaration = bodyOfNoHook(method, state);
    if (declaration == null || !readingWithConstants.add(method)) {
      return false; // a call of itself, with constants, adds nothing the first reading does not
    }
    try {
      List<Tree> runs = whatRunsGiven(constants, declaration);
      return runs != null
          && runs.stream().noneMatch(tree -> mayThrowIn(tree, state))
          && !(method.isConstructor() && initialisationMayThrow(method, state));
    } finally {
      readingWithConstants.remove(method);
    }
  }

  /**
   * The parameters {@code call} gives a constant, with its value (and, at {@code held}, resources
   * the caller holds open, so not null: {@link ParameterConditions#NOT_NULL}); empty for a varargs
   * call, whose arguments and parameters do not pair up.
   */
  private static Map<Symbol, Object> constantsOf(ExpressionTree call, Set<Integer> held) {
    MethodSymbol method = (MethodSymbol) getSymbol(call);
    List<? extends ExpressionTree> arguments =
        call instanceof MethodInvocationTree invocation
            ? invocation.getArguments()
            : ((NewClassTree) call).getArguments();
    Map<Symbol, Object> constants = new HashMap<>();
    if (method.isVarArgs() || arguments.size() != method.getParameters().size()) {
      return constants;
    }
    for (int i = 0; i < arguments.size(); i++) {
      Object value =
          held.contains(i) ? ParameterConditions.NOT_NULL : ASTHelpers.constValue(arguments.get(i));
      if (value != null) {
        constants.put(method.getParameters().get(i), value);
      }
    }
    return constants;
  }

  /**
   * The statements of {@code declaration}'s body that run when its parameters hold {@code
   * constants} ({@link #constantsOf}): each top-level {@code if} whose condition they decide
   * ({@link ParameterConditions}) runs only its branch taken. Null where no constant is left for a
   * parameter the body never assigns.
   */
  @Nullable
  private static List<Tree> whatRunsGiven(Map<Symbol, Object> constants, MethodTree declaration) {
    Map<Symbol, Object> kept = new HashMap<>(constants);
    // A parameter the body never assigns keeps the call's value throughout: each check of it
    // (`if (n < 2) throw ...`, `if (offset > 0) seek(offset)`) is read with it.
    kept.keySet().removeAll(LocalVariables.assignedIn(declaration.getBody()));
    kept.keySet().removeAll(LocalVariables.steppedIn(declaration.getBody()));
    if (kept.isEmpty()) {
      return null;
    }
    List<Tree> runs = new ArrayList<>();
    for (StatementTree statement : declaration.getBody().getStatements()) {
      if (statement instanceof IfTree check) {
        Boolean taken = ParameterConditions.valueOf(check.getCondition(), kept);
        if (taken != null) {
          Tree branch = taken ? check.getThenStatement() : check.getElseStatement();
          if (branch != null) {
            runs.add(branch);
          }
          continue;
        }
      }
      runs.add(statement);
    }
    return runs;
  }

  /**
   * Whether an exception may leave {@code call} only as an {@code IOException} of what it writes
   * to: every exception it declares is one, and its body, if the unit has it, throws nothing else.
   */
  boolean failsOnlyInItsOutput(ExpressionTree call, VisitorState state) {
    Type io = NamedTypes.get("java.io.IOException", state);
    if (policy == ExceptionPolicy.ALL
        || io == null
        || !(getSymbol(call) instanceof MethodSymbol method)
        || method.getThrownTypes().isEmpty()) {
      return false;
    }
    for (Type thrown : method.getThrownTypes()) {
      if (!ASTHelpers.isSubtype(thrown, io, state)) {
        return false;
      }
    }
    return !throwsInBody(method, state);
  }

  /**
   * What {@code call} may throw under the policy, as the symbols of its types: the exceptions it
   * declares, and {@code RuntimeException} for a method of the unit whose body throws (or for every
   * call, under {@link ExceptionPolicy#ALL}). Asked of the calls that {@link #mayThrow} while
   * something is open in a {@code try}; made once a method.
   */
  ImmutableSet<Symbol> thrownBy(ExpressionTree call, VisitorState state) {
    Symbol symbol = getSymbol(call);
    if (!(symbol instanceof MethodSymbol method)) {
      return ImmutableSet.of();
    }
    ImmutableSet<Symbol> known = thrown.get(method);
    if (known == null) {
      ImmutableSet.Builder<Symbol> types = ImmutableSet.builder();
      for (Type type : method.getThrownTypes()) {
        if (isWayToFail(type, state)) {
          types.add(type.tsym);
        }
      }
      if (policy == ExceptionPolicy.ALL || throwsInBody(method, state)) {
        types.add(state.getSymtab().runtimeExceptionType.tsym);
      }
      known = types.build();
      thrown.put(method, known);
    }
    return known;
  }

  /**
   * The exception types the calls and {@code throw}s of {@code block} declare, under the policy
   * ({@link #thrownBy(ExpressionTree, VisitorState)}): which call a narrow {@code catch} is for
   * ({@link CatchCoverage#mayReach}).
   */
  Set<Symbol> declaredIn(Tree block, VisitorState state) {
    Set<Symbol> declared = new HashSet<>();
    new SameBodyScanner() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        declared.addAll(thrownBy(call, state));
        return super.visitMethodInvocation(call, null);
      }

      @Override
      public Void visitNewClass(NewClassTree newClass, Void unused) {
        declared.addAll(thrownBy(newClass, state));
        return super.visitNewClass(newClass, null);
      }

      @Override
      public Void visitThrow(ThrowTree throwTree, Void unused) {
        ImmutableSet<Symbol> types = thrownBy(ASTHelpers.getType(throwTree.getExpression()));
        if (types != null) {
          declared.addAll(types);
        }
        return super.visitThrow(throwTree, null);
      }
    }.scan(block, null);
    return declared;
  }

  /**
   * The types a {@code throw} of a value of {@code type} may throw: the alternatives of a
   * multi-catch's parameter, else the type itself ({@code null}: of any type, if it is unknown).
   */
  @Nullable
  static ImmutableSet<Symbol> thrownBy(@Nullable Type type) {
    if (type instanceof Type.UnionClassType union) {
      ImmutableSet.Builder<Symbol> types = ImmutableSet.builder();
      union.getAlternativeTypes().forEach(alternative -> types.add(alternative.tsym));
      return types.build();
    }
    return type == null ? null : ImmutableSet.of(type.tsym);
  }

  /**
   * Whether {@code method} can fail only on a misconfiguration, fixed at the first run rather than
   * met again in use: it declares only what a platform that lacks a charset or an algorithm throws
   * ({@link #PLATFORM_LACKS}: {@code new InputStreamReader(in, encoding)}, {@code
   * s.getBytes(encoding)}, {@code MessageDigest.getInstance("SHA-256")}), or it is {@code new
   * JarOutputStream(out)}, whose {@code throws IOException} nothing in its body honours, or it is a
   * provider look-up ({@link #isProviderLookup}). No path opens there; the triage counts a loss on
   * such a path as nothing a maintainer would fix.
   */
  private static boolean failsOnlyOnMisconfiguration(MethodSymbol method, VisitorState state) {
    if (method.isConstructor()
        && method.getParameters().size() == 1
        && method.owner.getQualifiedName().contentEquals("java.util.jar.JarOutputStream")) {
      return true;
    }
    return declaresOnly(method, PLATFORM_LACKS, state) || isProviderLookup(method, state);
  }

  /**
   * Whether {@code method} is a security provider's look-up of a type by name: the static {@code
   * getInstance(type)} (or {@code getInstance(type, provider)}) of a class of {@code
   * java.security}, {@code java.security.cert}, {@code javax.crypto} or {@code javax.net.ssl}. It
   * fails only when the platform has no provider of the type, with what its class declares for
   * every failure: {@code KeyStore.getInstance("PKCS12")} throws {@code KeyStoreException}, {@code
   * CertificateFactory.getInstance("X.509")} a {@code CertificateException} that the certificates'
   * parse also throws on a bad file. The parse or load after it is the path that loses the file
   * (the Redshift driver's {@code LibPQFactory}, which opens the key store once per type it tries).
   * Not {@code KeyStore.getInstance(file, password)}, which loads the file.
   */
  private static boolean isProviderLookup(MethodSymbol method, VisitorState state) {
    if (!method.isStatic() || !method.getSimpleName().contentEquals("getInstance")) {
      return false;
    }
    // The owner's name less its simple name: the JCA's engine classes are top-level. (Error
    // Prone's ASTHelpers.enclosingPackage changed its signature between 2.42 and 2.50, which the
    // plugin runs on both.)
    String owner = method.owner.getQualifiedName().toString();
    String packageName = owner.substring(0, Math.max(0, owner.lastIndexOf('.')));
    if (!PROVIDER_PACKAGES.contains(packageName)) {
      return false;
    }
    for (VarSymbol parameter : method.getParameters()) {
      if (!NamedTypes.isSubtypeOfAny(parameter.type, LOOKUP_PARAMETERS, state)) {
        return false;
      }
    }
    return true;
  }

  /** What a provider look-up is given: the type's name, and the provider or its name. */
  private static final ImmutableList<String> LOOKUP_PARAMETERS =
      ImmutableList.of("java.lang.String", "java.security.Provider");

  /** The packages whose classes' {@code getInstance(type)} look up a security provider's type. */
  private static final ImmutableSet<String> PROVIDER_PACKAGES =
      ImmutableSet.of("java.security", "java.security.cert", "javax.crypto", "javax.net.ssl");

  /** Whether {@code method} declares exceptions, each of one of the types {@code names} name. */
  private static boolean declaresOnly(
      MethodSymbol method, ImmutableList<String> names, VisitorState state) {
    if (method.getThrownTypes().isEmpty()) {
      return false;
    }
    for (Type thrown : method.getThrownTypes()) {
      if (!NamedTypes.isSubtypeOfAny(thrown, names, state)) {
        return false;
      }
    }
    return true;
  }

  /**
   * What a call declares when it fails only on a channel that is closed already: SNMP4J's {@code
   * entry.addRegistration(selector, OP_READ) throws ClosedChannelException}, which registers the
   * channel just accepted. A channel the method has just made is not closed, and one that is has
   * nothing left to lose, as with a JDK call that fails only on a closed receiver.
   */
  private static final ImmutableList<String> CLOSED_CHANNEL =
      ImmutableList.of("java.nio.channels.ClosedChannelException");

  /**
   * What a call throws when the platform lacks what it names: a charset ({@code new
   * InputStreamReader(in, encoding)}), or an algorithm, padding or provider ({@code
   * MessageDigest.getInstance("SHA-256")}, which every Java platform must provide: jwarc's WACZ
   * writer, whose catch of it rethrows and was said to lose two temporary files), or an XML parser
   * of the features asked for ({@code factory.newDocumentBuilder()}: CAS Workflow's readers, whose
   * {@code return null} in the catch around it and the parse was said to lose the stream, which the
   * parse itself closes).
   */
  private static final ImmutableList<String> PLATFORM_LACKS =
      ImmutableList.of(
          "javax.xml.parsers.ParserConfigurationException",
          "java.io.UnsupportedEncodingException",
          "java.security.NoSuchAlgorithmException",
          "java.security.NoSuchProviderException",
          "javax.crypto.NoSuchPaddingException");

  /**
   * Whether {@code method}'s {@code throws} clause names an exception: a checked one, or an
   * unchecked one that its library names there as the way the call fails ({@code OSS.putObject
   * throws OSSException, ClientException}, AWS's {@code throws SdkClientException}); not one of the
   * JDK's exceptions for a caller's mistake ({@link #CALLERS_MISTAKES}).
   */
  private static boolean declaresAnException(MethodSymbol method, VisitorState state) {
    for (Type type : method.getThrownTypes()) {
      if (isWayToFail(type, state)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The JDK's exceptions that report a caller's mistake. A method that names one in its {@code
   * throws} clause states a precondition (slf4j's {@code MDC.get(String key) throws
   * IllegalArgumentException}: the key must not be null), not a way the call fails in use: the
   * first run that breaks it shows the bug, and no maintainer guards a resource against it. Exact
   * types only: {@code NumberFormatException}, which bad input raises, still opens a path.
   */
  private static final ImmutableSet<String> CALLERS_MISTAKES =
      ImmutableSet.of(
          "java.lang.IllegalArgumentException",
          "java.lang.IllegalStateException",
          "java.lang.NullPointerException",
          "java.lang.IndexOutOfBoundsException",
          "java.lang.ClassCastException",
          "java.lang.UnsupportedOperationException");

  /**
   * Whether {@code type}, named in a {@code throws} clause, is a way the call fails in use: not an
   * {@code Error}, nor one of the JDK's exceptions for a caller's mistake.
   */
  private static boolean isWayToFail(Type type, VisitorState state) {
    return !isError(type, state) && !isCallersMistake(type);
  }

  /** Whether {@code type} is exactly one of {@link #CALLERS_MISTAKES}. */
  private static boolean isCallersMistake(Type type) {
    return CALLERS_MISTAKES.contains(type.tsym.getQualifiedName().toString());
  }

  private static boolean isError(Type type, VisitorState state) {
    return ASTHelpers.isSubtype(type, state.getSymtab().errorType, state);
  }

  /**
   * Whether {@code method}'s {@code throws} clause is vestigial: no subclass can override it (a
   * constructor; a private, static or final method; a method of a final class) or it is not made to
   * be overridden ({@link #isNoHookByItsModifiers}), its body is in sight, and nothing in it can
   * throw: no {@code throw}, no call that may (a constructor's field initialisers and initialiser
   * blocks, which run as its first statements, included). A socket wrapper's {@code
   * WriteTimeoutSocket(Socket, int) throws IOException} that only stores fields is no path; the
   * call after it that does throw is the one a message names.
   */
  private boolean bodyThrowsNothing(MethodSymbol method, VisitorState state) {
    Boolean known = throwsNothing.get(method);
    if (known != null) {
      return known;
    }
    // A recursive call may throw until the body says otherwise: asking it again would loop.
    throwsNothing.put(method, false);
    MethodTree declaration = bodyOfNoHook(method, state);
    boolean nothing =
        declaration != null
            && !mayThrowIn(declaration.getBody(), state)
            && !(method.isConstructor() && initialisationMayThrow(method, state));
    throwsNothing.put(method, nothing);
    return nothing;
  }

  /**
   * The declaration of {@code method} where its body is in sight and no subclass can override it or
   * is meant to ({@link #isNoHookByItsModifiers}, {@link #isNoHookByItsBody}); null otherwise.
   */
  @Nullable
  private MethodTree bodyOfNoHook(MethodSymbol method, VisitorState state) {
    boolean fixed = ClassMethods.cannotBeOverridden(method);
    MethodTree declaration =
        fixed || isNoHookByItsModifiers(method) ? unit.declarationInSight(method, state) : null;
    return declaration != null && (fixed || isNoHookByItsBody(method, declaration, state))
        ? declaration
        : null;
  }

  /**
   * Whether a field initialiser or initialiser block that runs with {@code constructor} may throw.
   */
  private boolean initialisationMayThrow(MethodSymbol constructor, VisitorState state) {
    ClassTree owner = unit.ownerInSight(constructor, state);
    return owner.getMembers().stream()
        .anyMatch(member -> isInstanceInitialisation(member) && mayThrowIn(member, state));
  }

  /**
   * Whether {@code method}, a helper in sight that is no hook (as {@link #bodyThrowsNothing} asks),
   * can fail only where {@code optionFailsOnlyWhenClosed} says a call fails only on what is closed
   * or broken: its body has no {@code throw}, and every call in it that may throw is such a call,
   * or such a helper a few calls deep. Redis Replicator's {@code build(socket)} sets a fresh
   * socket's options and nothing else: it fails only when the socket does, a path no one guards, as
   * with those setters called in place.
   */
  boolean failsOnlyWhenClosed(
      MethodSymbol method, Predicate<MethodSymbol> optionFailsOnlyWhenClosed, VisitorState state) {
    return failsOnlyWhenClosed(method, optionFailsOnlyWhenClosed, state, HELPERS_DEEP);
  }

  /** How many helpers deep {@link #failsOnlyWhenClosed} reads: a helper of a helper, no further. */
  private static final int HELPERS_DEEP = 2;

  private boolean failsOnlyWhenClosed(
      MethodSymbol method,
      Predicate<MethodSymbol> optionFailsOnlyWhenClosed,
      VisitorState state,
      int depth) {
    boolean fixed = ClassMethods.cannotBeOverridden(method);
    MethodTree declaration =
        depth > 0 && (fixed || isNoHookByItsModifiers(method))
            ? unit.declarationInSight(method, state)
            : null;
    if (declaration == null || !(fixed || isNoHookByItsBody(method, declaration, state))) {
      return false;
    }
    return !BodySearch.anyIn(
        declaration.getBody(),
        thrown -> true,
        call ->
            mayThrow(call, state)
                && !(getSymbol(call) instanceof MethodSymbol callee
                    && (optionFailsOnlyWhenClosed.test(callee)
                        || failsOnlyWhenClosed(
                            callee, optionFailsOnlyWhenClosed, state, depth - 1))));
  }

  /**
   * Whether {@code method}, which a subclass could override, is not made for it ({@link
   * #isNoHookByItsBody} the rest): neither {@code protected} nor of an abstract class or interface,
   * its body does something, and nothing in its unit overrides it. Its clause is then as vestigial
   * as a final method's: commons-net's {@code public ServerSocket init(ServerSocket) throws
   * IOException} only casts and sets a flag, and a finding on it needs a subclass nobody wrote. A
   * hook keeps its clause: an empty body, or a protected method or one of an abstract class, is
   * there for a subclass to fill (ActiveObjects' {@code setPostConnectionProperties}, empty in its
   * base class, runs SQL in Derby's).
   */
  private static boolean isNoHookByItsModifiers(MethodSymbol method) {
    return !method.getModifiers().contains(Modifier.PROTECTED)
        && (method.enclClass().flags() & (Flags.ABSTRACT | Flags.INTERFACE)) == 0;
  }

  private boolean isNoHookByItsBody(
      MethodSymbol method, MethodTree declaration, VisitorState state) {
    return !declaration.getBody().getStatements().isEmpty()
        && !unit.isOverriddenInUnit(method, state);
  }

  /** A field's initialiser or an initialiser block that runs with every constructor. */
  private static boolean isInstanceInitialisation(Tree member) {
    if (member instanceof VariableTree field) {
      return field.getInitializer() != null
          && !field.getModifiers().getFlags().contains(Modifier.STATIC);
    }
    return member instanceof BlockTree block && !block.isStatic();
  }

  /** Whether code run as part of {@code tree} may throw: a {@code throw}, or a call that may. */
  private boolean mayThrowIn(Tree tree, VisitorState state) {
    return BodySearch.anyIn(tree, thrown -> true, call -> mayThrow(call, state));
  }

  /** Not a RuntimeException nor an Error; a type variable ({@code throws E}) counts as checked. */
  static boolean isChecked(Type type, VisitorState state) {
    return !ASTHelpers.isSubtype(type, state.getSymtab().runtimeExceptionType, state)
        && !ASTHelpers.isSubtype(type, state.getSymtab().errorType, state);
  }

  /**
   * Whether {@code method} is the unit's own and its body throws an unchecked exception (a {@code
   * throw} of one), or calls a method of the unit that does. A method of another unit or a library
   * is judged by what it declares.
   */
  private boolean throwsInBody(MethodSymbol method, VisitorState state) {
    Boolean known = bodyThrows.get(method);
    if (known != null) {
      return known;
    }
    MethodTree declaration = unit.declaration(method);
    if (declaration == null) {
      bodyThrows.put(method, false);
      return false;
    }
    bodyThrows.put(method, false); // a recursive call adds nothing the body does not say already
    boolean throwing = scanForThrows(declaration.getBody(), declaration, state);
    bodyThrows.put(method, throwing);
    return throwing;
  }

  /**
   * The {@code throw}s of {@code declaration} that state its preconditions ({@link
   * PreconditionChecks}), each declaration read once.
   */
  private Set<ThrowTree> preconditionsOf(MethodTree declaration, VisitorState state) {
    return preconditions.computeIfAbsent(
        declaration,
        method -> PreconditionChecks.in(method, ThrowingCalls::isCallersMistake, state));
  }

  /** Whether {@code tree}, code of {@code declaration}, throws as {@link #throwsInBody} asks. */
  private boolean scanForThrows(@Nullable Tree tree, MethodTree declaration, VisitorState state) {
    return tree != null
        && BodySearch.anyIn(
            tree,
            // A checked exception it throws, it declares (or catches): only an unchecked one is
            // news.
            thrown -> {
              Type type = ASTHelpers.getType(thrown.getExpression());
              return type == null
                  || (!isChecked(type, state)
                      && !isError(type, state)
                      && !preconditionsOf(declaration, state).contains(thrown));
            },
            call -> getSymbol(call) instanceof MethodSymbol callee && throwsInBody(callee, state),
            // A handler runs only if its block can fail: typesafe-config's readerFromStream
            // rethrows an UnsupportedEncodingException of new InputStreamReader(in, "UTF-8"),
            // which fails only on a platform without the charset (failsOnlyOnMisconfiguration),
            // so it throws nothing.
            tryTree ->
                mayThrowIn(tryTree.getBlock(), state)
                    || tryTree.getResources().stream().anyMatch(r -> mayThrowIn(r, state)));
  }
}
