package io.github.leakprone.catalog;

import static com.google.errorprone.util.ASTHelpers.getSymbol;
import static com.google.errorprone.util.ASTHelpers.isStatic;

import com.google.errorprone.VisitorState;
import com.google.errorprone.suppliers.Supplier;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.util.Name;
import io.github.leakprone.trees.BodySearch;
import io.github.leakprone.trees.ClassMethods;
import io.github.leakprone.trees.CompiledWithUs;
import io.github.leakprone.trees.ConstructorCalls;
import io.github.leakprone.trees.Identifiers;
import io.github.leakprone.trees.Receivers;
import io.github.leakprone.trees.SameBodyScanner;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;
import javax.lang.model.element.ElementKind;

/**
 * A class of the project that opens a resource of the catalogue in its constructor, keeps it in a
 * field, and releases that field in its {@code close()}: a new one holds what it opened, and is as
 * much a resource as that is (RDF4J's {@code DataFile} over a {@code FileChannel}, Mavibot's stores
 * over a {@code RandomAccessFile}). Read from the class's source, which javac compiles with the
 * checked file; a class out of sight, or one whose {@code close()} does not name the field, says
 * nothing. A class with a {@code close()} of its own that is not {@code AutoCloseable} (written
 * before Java 7: winzipaes's {@code ExtRandomAccessFile}) is read the same way. So is a class that
 * gives its superclass what it opens ({@code super(new FileInputStream(file))} in a {@code
 * FilterInputStream} of the project).
 */
final class ProjectResourceClasses {

  /** How deep the constructor's and close()'s own steps are followed (this(...), private calls). */
  private static final int STEPS = 2;

  private static final Supplier<Name> CLOSE = VisitorState.memoize(state -> state.getName("close"));

  /**
   * Whether {@code type} is a class javac compiles with the checked file that declares a {@code
   * close()} of no arguments itself, not a private one: the one question that lets a class that is
   * not {@code AutoCloseable} (written before Java 7's interface) be read as a resource. A private
   * {@code close()} is the class's own last step, not a release its users owe (Thrift's acceptor
   * thread closes its selector when its {@code run()} ends).
   */
  static boolean declaresClose(Symbol type, VisitorState state) {
    if (!(type instanceof ClassSymbol owner)) {
      return false;
    }
    if (!CompiledWithUs.isCompiledWithUs(owner, state)) {
      return false;
    }
    MethodSymbol close = closeOf(owner, state);
    return close != null && (close.flags() & Flags.PRIVATE) == 0;
  }

  /**
   * Whether {@code method}, of no arguments and declared by a project class with a {@code close()}
   * of its own, closes in its body every field of its object that {@code close()} closes, and so
   * ends the object as {@code close()} does: winzipaes's {@code ExtZipOutputStream.finish()} writes
   * the central directory and closes the file, which callers then leave alone. A method that closes
   * only some of them ({@code closeInput()} of a class whose {@code close()} closes its input and
   * output) ends nothing, nor one that sets such a field again (a {@code reopen()}), nor one out of
   * sight.
   */
  static boolean closesWhatCloseCloses(MethodSymbol method, VisitorState state) {
    if (isStatic(method)
        || !method.getParameters().isEmpty()
        || method.getSimpleName().equals(CLOSE.get(state))
        || !(method.owner instanceof ClassSymbol owner)) {
      return false;
    }
    MethodSymbol close = closeOf(owner, state);
    if (close == null) {
      return false;
    }
    Tree closeBody = bodyOf(close, state);
    Tree body = bodyOf(method, state);
    if (closeBody == null || body == null) {
      return false;
    }
    boolean closesAny = false;
    for (Symbol member : owner.members().getSymbols()) {
      if (member instanceof VarSymbol field
          && field.getKind() == ElementKind.FIELD
          && !isStatic(field)
          && closes(closeBody, field, state)) {
        if (!closes(body, field, state) || setsAgain(body, field)) {
          return false;
        }
        closesAny = true;
      }
    }
    return closesAny;
  }

  /** Whether {@code body} sets {@code field} to something other than {@code null}. */
  private static boolean setsAgain(Tree body, VarSymbol field) {
    boolean[] sets = {false};
    new SameBodyScanner() {
      @Override
      public Void visitAssignment(AssignmentTree assignment, Void unused) {
        if (getSymbol(assignment.getVariable()) == field
            && assignment.getExpression().getKind() != Tree.Kind.NULL_LITERAL) {
          sets[0] = true;
        }
        return super.visitAssignment(assignment, null);
      }
    }.scan(body, null);
    return sets[0];
  }

  /** The body of {@code method}, where javac compiles it with the checked file. */
  private static Tree bodyOf(MethodSymbol method, VisitorState state) {
    return CompiledWithUs.declaration(method, state)
        .map(declaration -> (Tree) declaration.method().getBody())
        .orElse(null);
  }

  /**
   * Whether {@code constructor}, of a project class that is {@code AutoCloseable} or declares a
   * {@code close()} of its own ({@link #declaresClose}), opens a resource that {@code acquires}
   * tells (the catalogue's, or another such class's) into a field of its object that the class's
   * {@code close()} names.
   */
  static boolean opensOneInAField(
      MethodSymbol constructor, VisitorState state, Predicate<MethodSymbol> acquires) {
    if (!(constructor.owner instanceof ClassSymbol owner)) {
      return false;
    }
    if (handsOneToItsSuperclass(constructor, state, acquires)) {
      return true;
    }
    Set<VarSymbol> fields = new HashSet<>();
    collectOpenedFields(constructor, owner, state, acquires, fields, STEPS, new HashSet<>());
    if (!fields.isEmpty()) {
      dropClosedInAFinally(constructor, owner, fields, state, STEPS, new HashSet<>());
    }
    if (fields.isEmpty()) {
      return false;
    }
    MethodSymbol close = closeOf(owner, state);
    return close != null && namesAnyOf(close, owner, fields, state, STEPS, new HashSet<>());
  }

  /**
   * Whether {@code constructor} gives its superclass what it opens: {@code super(new
   * FileInputStream(file))} in a {@code FilterInputStream} of the project. The object holds it as a
   * decorator holds what it is given, and its {@code close()} (the superclass's) closes it.
   */
  private static boolean handsOneToItsSuperclass(
      MethodSymbol constructor, VisitorState state, Predicate<MethodSymbol> acquires) {
    return CompiledWithUs.declaration(constructor, state)
        .map(declaration -> declaration.method().getBody().getStatements())
        .filter(statements -> !statements.isEmpty())
        .map(statements -> statements.get(0))
        .filter(
            first ->
                first instanceof ExpressionStatementTree statement
                    && statement.getExpression() instanceof MethodInvocationTree call
                    && ConstructorCalls.isSuperCall(call)
                    && call.getArguments().stream().anyMatch(argument -> opens(argument, acquires)))
        .isPresent();
  }

  /** The fields of {@code owner} that {@code method}, or a step of it, sets to what it opens. */
  private static void collectOpenedFields(
      MethodSymbol method,
      ClassSymbol owner,
      VisitorState state,
      Predicate<MethodSymbol> acquires,
      Set<VarSymbol> fields,
      int steps,
      Set<MethodSymbol> seen) {
    if (!seen.add(method)) {
      return;
    }
    CompiledWithUs.declaration(method, state)
        .ifPresent(
            declaration ->
                new SameBodyScanner() {
                  @Override
                  public Void visitAssignment(AssignmentTree assignment, Void unused) {
                    if (getSymbol(assignment.getVariable()) instanceof VarSymbol field
                        && isOwnField(field, owner, assignment.getVariable(), state)
                        && opens(assignment.getExpression(), acquires)) {
                      fields.add(field);
                    }
                    return super.visitAssignment(assignment, null);
                  }

                  @Override
                  public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
                    if (steps > 0 && isStepOf(call, owner)) {
                      collectOpenedFields(
                          getSymbol(call), owner, state, acquires, fields, steps - 1, seen);
                    }
                    return super.visitMethodInvocation(call, null);
                  }
                }.scan(declaration.method().getBody(), null));
  }

  /**
   * Drops from {@code fields} those that {@code method}, or a method of {@code owner} it calls on
   * itself, closes in a {@code finally}: what the constructor opens and closes again before it
   * returns, the object it builds does not hold. OpenPDF's {@code new PdfReader(fileName)} reads
   * the whole file in {@code readPdf()}, whose {@code finally} closes the tokeniser over it, and
   * its {@code close()} then does nothing: a reader left unclosed holds no file. Any method of the
   * class counts, overridable or not: in {@code new PdfReader(...)}, a call on itself runs the
   * class's own.
   */
  private static void dropClosedInAFinally(
      MethodSymbol method,
      ClassSymbol owner,
      Set<VarSymbol> fields,
      VisitorState state,
      int steps,
      Set<MethodSymbol> seen) {
    if (!seen.add(method)) {
      return;
    }
    CompiledWithUs.declaration(method, state)
        .ifPresent(
            declaration ->
                new SameBodyScanner() {
                  @Override
                  public Void visitTry(TryTree tree, Void unused) {
                    if (tree.getFinallyBlock() != null) {
                      fields.removeIf(field -> closes(tree.getFinallyBlock(), field, state));
                    }
                    return super.visitTry(tree, null);
                  }

                  @Override
                  public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
                    MethodSymbol callee = getSymbol(call);
                    if (steps > 0
                        && callee != null
                        && callee.owner == owner
                        && !isStatic(callee)
                        && (callee.isConstructor()
                            ? ConstructorCalls.isThisCall(call)
                            : Receivers.isThisOrImplicit(ASTHelpers.getReceiver(call)))) {
                      dropClosedInAFinally(callee, owner, fields, state, steps - 1, seen);
                    }
                    return super.visitMethodInvocation(call, null);
                  }
                }.scan(declaration.method().getBody(), null));
  }

  /** Whether {@code block} calls {@code close()} on {@code field} of its own object. */
  private static boolean closes(Tree block, VarSymbol field, VisitorState state) {
    return BodySearch.anyIn(
        block,
        thrown -> false,
        call -> {
          if (!(call instanceof MethodInvocationTree invocation)
              || getSymbol(invocation) == null
              || !getSymbol(invocation).getSimpleName().equals(CLOSE.get(state))) {
            return false;
          }
          ExpressionTree receiver = ASTHelpers.getReceiver(invocation);
          return receiver != null
              && getSymbol(receiver) == field
              && (receiver instanceof IdentifierTree
                  || (receiver instanceof MemberSelectTree select
                      && Receivers.isThisOrImplicit(select.getExpression())));
        });
  }

  /**
   * Whether {@code call}, in a method of {@code owner}, runs one of its own steps: {@code
   * this(...)}, or a private or final method of the class called on itself, whose body is the
   * class's own.
   */
  private static boolean isStepOf(MethodInvocationTree call, ClassSymbol owner) {
    MethodSymbol method = getSymbol(call);
    if (method == null || method.owner != owner || isStatic(method)) {
      return false;
    }
    if (method.isConstructor()) {
      return ConstructorCalls.isThisCall(call);
    }
    return Receivers.isThisOrImplicit(ASTHelpers.getReceiver(call))
        && ClassMethods.cannotBeOverridden(method);
  }

  /**
   * Whether {@code field}, set through {@code target}, is an instance field of {@code owner} itself
   * ({@code channel} or {@code this.channel}, not another object's) whose type can be closed: an
   * {@code AutoCloseable}, or a project class with a {@code close()} of its own (JDBM's record
   * manager over its {@code RecordFile}).
   */
  private static boolean isOwnField(
      VarSymbol field, ClassSymbol owner, ExpressionTree target, VisitorState state) {
    return field.getKind() == ElementKind.FIELD
        && field.owner == owner
        && !isStatic(field)
        && (target instanceof IdentifierTree
            || (target instanceof MemberSelectTree select
                && Receivers.isThisOrImplicit(select.getExpression())))
        && (ASTHelpers.isSubtype(field.type, state.getSymtab().autoCloseableType, state)
            || declaresClose(field.type.tsym, state));
  }

  /**
   * Whether {@code value} opens a resource: a {@code new} or a call that {@code acquires} tells,
   * itself or under the decorators made around it ({@code new BufferedOutputStream(new
   * FileOutputStream(file))}).
   */
  private static boolean opens(ExpressionTree value, Predicate<MethodSymbol> acquires) {
    return BodySearch.anyIn(
        value,
        thrown -> false,
        call -> {
          MethodSymbol method = (MethodSymbol) getSymbol(call);
          return method != null
              && (call instanceof NewClassTree made
                  ? made.getClassBody() == null
                  : !method.isConstructor())
              && acquires.test(method);
        });
  }

  /** The class's own {@code close()}, if it declares one. */
  private static MethodSymbol closeOf(ClassSymbol owner, VisitorState state) {
    if (owner.members() == null) {
      return null; // an array's or an erroneous type's class has no members to ask
    }
    for (Symbol member : owner.members().getSymbolsByName(CLOSE.get(state))) {
      if (member instanceof MethodSymbol close && close.getParameters().isEmpty()) {
        return close;
      }
    }
    return null;
  }

  /** Whether {@code method}'s body, or a step of it, names one of {@code fields}. */
  private static boolean namesAnyOf(
      MethodSymbol method,
      ClassSymbol owner,
      Set<VarSymbol> fields,
      VisitorState state,
      int steps,
      Set<MethodSymbol> seen) {
    if (!seen.add(method)) {
      return false;
    }
    Tree body = bodyOf(method, state);
    if (body == null) {
      return false;
    }
    if (fields.stream().anyMatch(field -> Identifiers.mentions(body, field))) {
      return true;
    }
    return steps > 0
        && BodySearch.anyIn(
            body,
            thrown -> false,
            call ->
                call instanceof MethodInvocationTree step
                    && isStepOf(step, owner)
                    && namesAnyOf(getSymbol(step), owner, fields, state, steps - 1, seen));
  }

  private ProjectResourceClasses() {}
}
