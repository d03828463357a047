package io.github.leakprone.fixes;

import static com.google.errorprone.util.ASTHelpers.getReceiver;
import static com.google.errorprone.util.ASTHelpers.getStartPosition;
import static com.google.errorprone.util.ASTHelpers.getSymbol;
import static com.google.errorprone.util.ASTHelpers.isSameType;
import static com.google.errorprone.util.ASTHelpers.isStatic;
import static com.google.errorprone.util.ASTHelpers.stripParentheses;

import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.fixes.SuggestedFixes;
import com.google.errorprone.suppliers.Supplier;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.util.Name;
import io.github.leakprone.analysis.growth.DirectGrowth;
import io.github.leakprone.analysis.growth.UnremovedGrowth;
import io.github.leakprone.analysis.growth.UnremovedGrowth.Opening;
import io.github.leakprone.catalog.MethodPattern;
import io.github.leakprone.catalog.MethodPattern.Annotated;
import io.github.leakprone.catalog.NamedTypes;
import io.github.leakprone.trees.LocalVariables;
import io.github.leakprone.trees.SourceText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ElementKind;

/**
 * Adds the removal a close handler forgot: {@code SESSIONS.add(session)} in {@code @OnOpen} becomes
 * {@code SESSIONS.remove(session)} in {@code @OnClose}, next to the removals already there. The
 * removed element is rewritten for the close handler's scope: an open parameter becomes the close
 * handler's parameter of the same type, or the instance field the open method stored it in ({@code
 * this.session = session}). A JSR-356 endpoint without an {@code @OnClose} method gets one, taking
 * the {@code Session} as its parameter when that is what was added.
 *
 * <p>Offered only when the growth call sits in the open method itself and is straight on the field
 * (not through an inner collection), and every part of the element can be rewritten.
 */
public final class RemoveInPartner {

  /** The close annotations whose methods may take a {@code Session} (and need nothing else). */
  private static final ImmutableSet<String> JSR_356_CLOSE =
      ImmutableSet.of("javax.websocket.OnClose", "jakarta.websocket.OnClose");

  private static final Supplier<Name> ON_CLOSE = VisitorState.memoize(s -> s.getName("onClose"));

  public static Optional<SuggestedFix> fix(UnremovedGrowth leak, VisitorState state) {
    if (leak.opening().isEmpty() || leak.direct().isEmpty()) {
      return Optional.empty();
    }
    Opening opening = leak.opening().get();
    DirectGrowth direct = leak.direct().get();
    if (!isInside(leak.growth(), opening.openMethod())
        || direct.call().getArguments().size() < direct.removal().arguments()) {
      return Optional.empty();
    }
    ExpressionTree receiver = getReceiver(direct.call());
    if (receiver == null) {
      return Optional.empty();
    }
    List<? extends ExpressionTree> removed =
        direct.call().getArguments().subList(0, direct.removal().arguments());
    return switch (leak.kind()) {
      case PARTNER_FORGETS -> addToPartner(opening, receiver, direct, removed, state);
      case NO_PARTNER -> createPartner(opening, receiver, direct, removed, state);
      case NEVER_SHRINKS -> Optional.empty();
    };
  }

  private static Optional<SuggestedFix> addToPartner(
      Opening opening,
      ExpressionTree receiver,
      DirectGrowth direct,
      List<? extends ExpressionTree> removed,
      VisitorState state) {
    MethodTree partner = (MethodTree) opening.partners().get(0).getLeaf();
    BlockTree body = partner.getBody();
    if (body == null) {
      return Optional.empty();
    }
    Scope scope = Scope.of(partner);
    Translator translator = new Translator(opening.openMethod(), scope, null, state);
    Optional<String> statement = removal(receiver, direct, removed, translator, scope, state);
    if (statement.isEmpty()) {
      return Optional.empty();
    }
    SuggestedFix.Builder fix = SuggestedFix.builder();
    List<? extends StatementTree> statements = body.getStatements();
    if (statements.isEmpty()) {
      String indent = SourceText.indentationAt(getStartPosition(partner), state);
      fix.replace(body, "{\n" + indent + "  " + statement.get() + "\n" + indent + "}");
      return Optional.of(fix.build());
    }
    String indent = SourceText.indentationAt(getStartPosition(statements.get(0)), state);
    StatementTree lastRemoval = null;
    for (StatementTree s : statements) {
      if (!isRemoval(s)) {
        break;
      }
      lastRemoval = s;
    }
    if (lastRemoval == null) {
      fix.prefixWith(statements.get(0), statement.get() + "\n" + indent);
    } else {
      fix.postfixWith(lastRemoval, "\n" + indent + statement.get());
    }
    return Optional.of(fix.build());
  }

  private static Optional<SuggestedFix> createPartner(
      Opening opening,
      ExpressionTree receiver,
      DirectGrowth direct,
      List<? extends ExpressionTree> removed,
      VisitorState state) {
    MethodPattern side = opening.pair().close().get(0);
    if (!(side instanceof Annotated annotated)) {
      return Optional.empty();
    }
    String annotation =
        annotated
            .annotations()
            .get(Math.min(opening.annotationIndex(), annotated.annotations().size() - 1));
    if (!JSR_356_CLOSE.contains(annotation)) {
      return Optional.empty();
    }
    MethodSymbol open = getSymbol(opening.openMethod());
    String name = "onClose";
    if (open.owner.members().getSymbolsByName(ON_CLOSE.get(state)).iterator().hasNext()) {
      return Optional.empty();
    }
    String sessionType = annotation.substring(0, annotation.lastIndexOf('.')) + ".Session";
    Scope scope = Scope.empty(isStatic(open));
    Translator translator =
        new Translator(opening.openMethod(), scope, NamedTypes.get(sessionType, state), state);
    Optional<String> statement = removal(receiver, direct, removed, translator, scope, state);
    if (statement.isEmpty()) {
      return Optional.empty();
    }
    SuggestedFix.Builder fix = SuggestedFix.builder();
    String annotationName = SuggestedFixes.qualifyType(state, fix, annotation);
    List<String> parameters = new ArrayList<>();
    for (Map.Entry<String, Type> parameter : translator.newParameters.entrySet()) {
      parameters.add(
          SuggestedFixes.qualifyType(state, fix, parameter.getValue()) + " " + parameter.getKey());
    }
    String indent = SourceText.indentationAt(getStartPosition(opening.openMethod()), state);
    int end = state.getEndPosition(opening.openMethod());
    fix.replace(
        end,
        end,
        String.format(
            "\n\n%s@%s\n%spublic void %s(%s) {\n%s  %s\n%s}",
            indent,
            annotationName,
            indent,
            name,
            String.join(", ", parameters),
            indent,
            statement.get(),
            indent));
    return Optional.of(fix.build());
  }

  /** {@code SESSIONS.remove(session);}, with the element rewritten for the target scope. */
  private static Optional<String> removal(
      ExpressionTree receiver,
      DirectGrowth direct,
      List<? extends ExpressionTree> removed,
      Translator translator,
      Scope scope,
      VisitorState state) {
    ExpressionTree field = stripParentheses(receiver);
    if (field instanceof IdentifierTree identifier
        && scope.names.contains(identifier.getName().toString())) {
      return Optional.empty(); // a local of the partner hides the field
    }
    List<String> arguments = new ArrayList<>();
    for (ExpressionTree argument : removed) {
      Optional<String> text = translator.translate(argument, 0);
      if (text.isEmpty()) {
        return Optional.empty();
      }
      arguments.add(text.get());
    }
    return Optional.of(
        state.getSourceForNode(field)
            + "."
            + direct.removal().method()
            + "("
            + String.join(", ", arguments)
            + ");");
  }

  /** {@code X.remove(...);} on a static field: the removals the new one joins. */
  private static boolean isRemoval(StatementTree statement) {
    if (!(statement instanceof ExpressionStatementTree expression)
        || !(expression.getExpression() instanceof MethodInvocationTree call)) {
      return false;
    }
    Symbol receiver = getSymbol(getReceiver(call));
    String name = getSymbol(call) == null ? "" : getSymbol(call).getSimpleName().toString();
    return receiver instanceof VarSymbol
        && receiver.getKind() == ElementKind.FIELD
        && isStatic(receiver)
        && (name.startsWith("remove") || name.equals("invalidate"));
  }

  private static boolean isInside(TreePath path, MethodTree method) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (p.getLeaf() == method) {
        return true;
      }
    }
    return false;
  }

  /** The method a removal goes into: its parameters and the names it declares. */
  private record Scope(
      boolean isStatic, List<? extends VariableTree> parameters, Set<String> names) {

    static Scope of(MethodTree method) {
      Set<String> names = new HashSet<>();
      new TreeScanner<Void, Void>() {
        @Override
        public Void visitVariable(VariableTree tree, Void unused) {
          names.add(tree.getName().toString());
          return super.visitVariable(tree, null);
        }
      }.scan(method, null);
      return new Scope(ASTHelpers.isStatic(getSymbol(method)), method.getParameters(), names);
    }

    static Scope empty(boolean isStatic) {
      return new Scope(isStatic, List.of(), new HashSet<>());
    }
  }

  /**
   * Rewrites an expression of the open method for the target scope: constants stay, parameters
   * become the target's parameter of the same type, or the field the open method stored them in, or
   * (when creating the target) a new parameter of an allowed type; zero-argument getters on such
   * values follow.
   */
  private static final class Translator {
    private final MethodTree open;
    private final Scope target;
    private final Type creatableParameter;
    private final VisitorState state;
    final Map<String, Type> newParameters = new LinkedHashMap<>();

    Translator(MethodTree open, Scope target, Type creatableParameter, VisitorState state) {
      this.open = open;
      this.target = target;
      this.creatableParameter = creatableParameter;
      this.state = state;
    }

    Optional<String> translate(ExpressionTree expression, int depth) {
      ExpressionTree e = stripParentheses(expression);
      if (depth > 4) {
        return Optional.empty();
      }
      if (e instanceof LiteralTree) {
        return Optional.of(state.getSourceForNode(e));
      }
      if (e instanceof IdentifierTree identifier) {
        if (identifier.getName().contentEquals("this")) {
          return target.isStatic() ? Optional.empty() : Optional.of("this");
        }
        return identifier(getSymbol(identifier), depth);
      }
      if (e instanceof MemberSelectTree select) {
        Symbol symbol = getSymbol(select);
        if (symbol instanceof VarSymbol var && var.getKind() == ElementKind.FIELD) {
          if (isStatic(var)) {
            return Optional.of(state.getSourceForNode(select));
          }
          if (select.getExpression() instanceof IdentifierTree owner
              && owner.getName().contentEquals("this")) {
            return field(var);
          }
        }
        return Optional.empty();
      }
      if (e instanceof MethodInvocationTree call
          && call.getArguments().isEmpty()
          && call.getMethodSelect() instanceof MemberSelectTree select
          && getSymbol(call) != null
          && !isStatic(getSymbol(call))) {
        return translate(select.getExpression(), depth + 1)
            .map(receiver -> receiver + "." + select.getIdentifier() + "()");
      }
      return Optional.empty();
    }

    private Optional<String> identifier(Symbol symbol, int depth) {
      if (!(symbol instanceof VarSymbol var)) {
        return Optional.empty();
      }
      if (var.getKind() == ElementKind.FIELD) {
        return isStatic(var) ? Optional.of(var.getSimpleName().toString()) : field(var);
      }
      if (var.getKind() == ElementKind.PARAMETER && var.owner == getSymbol(open)) {
        return parameter(var);
      }
      if (var.getKind() == ElementKind.LOCAL_VARIABLE) {
        ExpressionTree initializer = LocalVariables.soleInitializers(open).get(var);
        if (initializer != null) {
          return translate(initializer, depth + 1);
        }
      }
      return Optional.empty();
    }

    private Optional<String> parameter(VarSymbol parameter) {
      List<VariableTree> sameType = new ArrayList<>();
      for (VariableTree candidate : target.parameters()) {
        if (isSameType(getSymbol(candidate).type, parameter.type, state)) {
          sameType.add(candidate);
        }
      }
      if (sameType.size() == 1) {
        return Optional.of(sameType.get(0).getName().toString());
      }
      if (!sameType.isEmpty()) {
        return Optional.empty();
      }
      Optional<VarSymbol> stored = storedIn(parameter);
      if (stored.isPresent()) {
        return field(stored.get());
      }
      if (creatableParameter != null && isSameType(parameter.type, creatableParameter, state)) {
        String name = parameter.getSimpleName().toString();
        newParameters.put(name, parameter.type);
        target.names().add(name);
        return Optional.of(name);
      }
      return Optional.empty();
    }

    /** The instance field the open method copies {@code parameter} into ({@code this.f = p}). */
    private Optional<VarSymbol> storedIn(VarSymbol parameter) {
      List<VarSymbol> fields = new ArrayList<>();
      new TreeScanner<Void, Void>() {
        @Override
        public Void visitAssignment(AssignmentTree tree, Void unused) {
          if (getSymbol(tree.getExpression()) == parameter
              && getSymbol(tree.getVariable()) instanceof VarSymbol var
              && var.getKind() == ElementKind.FIELD
              && !isStatic(var)) {
            fields.add(var);
          }
          return super.visitAssignment(tree, null);
        }
      }.scan(open.getBody(), null);
      return fields.size() == 1 ? Optional.of(fields.get(0)) : Optional.empty();
    }

    private Optional<String> field(VarSymbol field) {
      if (target.isStatic()) {
        return Optional.empty();
      }
      String name = field.getSimpleName().toString();
      return Optional.of(target.names().contains(name) ? "this." + name : name);
    }
  }

  private RemoveInPartner() {}
}
