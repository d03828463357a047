package io.github.leakprone.analysis.obligation;

import static com.google.errorprone.util.ASTHelpers.getReceiver;
import static com.google.errorprone.util.ASTHelpers.getSymbol;
import static com.google.errorprone.util.ASTHelpers.isStatic;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import io.github.leakprone.catalog.ResourceSpec;
import io.github.leakprone.trees.Casts;
import io.github.leakprone.trees.CompiledWithUs;
import io.github.leakprone.trees.LocalVariables;
import io.github.leakprone.trees.NullLiterals;
import io.github.leakprone.trees.SameBodyScanner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ElementKind;

/**
 * The makers an object keeps that a method of its class releases what they made through: jsoup's
 * {@code HttpConnection.Response} keeps the {@code HttpURLConnection} its constructor is given in a
 * field, and its {@code safeClose()} calls {@code conn.disconnect()}, which closes the stream that
 * connection made. So {@code res.safeClose()}, on a local only ever set to {@code new
 * Response(conn, ...)}, releases what {@code conn} made, as {@code conn.disconnect()} in the
 * analysed body would ({@link ResourceSpec#releasesWhatItMade}). Both the class's constructor and
 * the method are read in sight (this file, or another javac compiles with it); the method's own
 * body only, and only a field set from the constructor's parameter as it is.
 */
final class KeptMakers {

  private final ResourceSpec spec;
  private final VisitorState state;

  /** The fields whose made resources a method releases in its own body, by method. */
  private final Map<MethodSymbol, Set<Symbol>> releasedByMethod = new HashMap<>();

  /** The field a constructor sets from each of its parameters as it is, by constructor. */
  private final Map<MethodSymbol, Map<Symbol, Integer>> keptByConstructor = new HashMap<>();

  KeptMakers(ResourceSpec spec, VisitorState state) {
    this.spec = spec;
    this.state = state;
  }

  /**
   * The arguments, in {@code body}, of the constructions of {@code call}'s receiver whose made
   * resources {@code call} releases: a local only ever set to a new object of {@code method}'s
   * class, whose constructor keeps the argument in a field that {@code method} disconnects.
   */
  List<ExpressionTree> releasedThrough(MethodInvocationTree call, MethodSymbol method, Tree body) {
    ExpressionTree receiver = getReceiver(call);
    Symbol local = receiver == null ? null : getSymbol(Casts.stripped(receiver));
    if (local == null
        || local.getKind() != ElementKind.LOCAL_VARIABLE
        || !(Casts.stripped(receiver) instanceof IdentifierTree)
        || isStatic(method)
        || method.isConstructor()
        || !CompiledWithUs.isCompiledWithUs(method.owner, state)) {
      return List.of();
    }
    Set<Symbol> fields = releasedByMethod.computeIfAbsent(method, this::fieldsWhoseMadeAreReleased);
    if (fields.isEmpty()) {
      return List.of();
    }
    List<ExpressionTree> makers = new ArrayList<>();
    for (ExpressionTree value : LocalVariables.storedValues(local, body)) {
      if (NullLiterals.isNull(value)) {
        continue;
      }
      if (!(Casts.stripped(value) instanceof NewClassTree made)
          || made.getClassBody() != null
          || getSymbol(made) == null
          || getSymbol(made).owner != method.owner) {
        return List.of(); // also given something else: which object it holds is not known
      }
      MethodSymbol constructor = getSymbol(made);
      Map<Symbol, Integer> kept = keptByConstructor.computeIfAbsent(constructor, this::keptFields);
      for (Symbol field : fields) {
        Integer parameter = kept.get(field);
        if (parameter != null && parameter < made.getArguments().size()) {
          makers.add(Casts.stripped(made.getArguments().get(parameter)));
        }
      }
    }
    return makers;
  }

  /** The own fields on which {@code method}'s body calls what releases what they made. */
  private Set<Symbol> fieldsWhoseMadeAreReleased(MethodSymbol method) {
    Set<Symbol> fields = new HashSet<>();
    CompiledWithUs.declaration(method, state)
        .ifPresent(
            declaration ->
                new SameBodyScanner() {
                  @Override
                  public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
                    ExpressionTree receiver = getReceiver(call);
                    MethodSymbol callee = getSymbol(call);
                    if (callee != null
                        && isOwnField(receiver, method)
                        && spec.releasesWhatItMade(callee, receiver, state)) {
                      fields.add(getSymbol(receiver));
                    }
                    return super.visitMethodInvocation(call, null);
                  }
                }.scan(declaration.method().getBody(), null));
    return fields;
  }

  /**
   * The own fields {@code constructor} sets to one of its parameters as it is, with its position.
   */
  private Map<Symbol, Integer> keptFields(MethodSymbol constructor) {
    Map<Symbol, Integer> kept = new HashMap<>();
    List<? extends Symbol> parameters = constructor.getParameters();
    CompiledWithUs.declaration(constructor, state)
        .ifPresent(
            declaration ->
                new SameBodyScanner() {
                  @Override
                  public Void visitAssignment(AssignmentTree assignment, Void unused) {
                    int parameter =
                        parameters.indexOf(getSymbol(Casts.stripped(assignment.getExpression())));
                    if (parameter >= 0 && isOwnField(assignment.getVariable(), constructor)) {
                      kept.put(getSymbol(assignment.getVariable()), parameter);
                    }
                    return super.visitAssignment(assignment, null);
                  }
                }.scan(declaration.method().getBody(), null));
    return kept;
  }

  /** Whether {@code tree} names an instance field of {@code method}'s class on its own object. */
  private static boolean isOwnField(ExpressionTree tree, MethodSymbol method) {
    Symbol field = tree == null ? null : getSymbol(tree);
    return ClassSummary.isOwnField(tree, field) && field.owner == method.owner && !isStatic(field);
  }
}
