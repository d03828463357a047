package io.github.leakprone.analysis.obligation;

import static com.google.errorprone.util.ASTHelpers.getReceiver;
import static com.google.errorprone.util.ASTHelpers.getSymbol;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import io.github.leakprone.trees.SourceLines;

/** Makes the {@link Witness} of each event a finding can name, with its place in the source. */
final class Witnesses {

  private final VisitorState state;

  Witnesses(VisitorState state) {
    this.state = state;
  }

  int line(Tree tree) {
    return SourceLines.lineOf(tree, state);
  }

  Witness jump(String keyword, Tree tree) {
    return new Witness(Witness.Kind.JUMP, line(tree), keyword);
  }

  Witness caught(Tree catchTree) {
    return new Witness(Witness.Kind.CAUGHT, line(catchTree), "");
  }

  Witness exception(ExpressionTree call) {
    String text;
    if (call instanceof MethodInvocationTree invocation) {
      ExpressionTree receiver = getReceiver(invocation);
      String name = getSymbol(invocation).getSimpleName().toString();
      String arguments = invocation.getArguments().isEmpty() ? "()" : "(...)";
      text =
          (receiver instanceof IdentifierTree identifier ? identifier.getName() + "." : "")
              + name
              + arguments;
    } else {
      text = "new " + ASTHelpers.getType(call).tsym.getSimpleName() + "(...)";
    }
    // A call that declares a checked exception is a likelier thrower than one that could only fail
    // with a RuntimeException, and so the better path to name.
    boolean declaresChecked =
        ((MethodSymbol) getSymbol(call))
            .getThrownTypes().stream().anyMatch(t -> ThrowingCalls.isChecked(t, state));
    return new Witness(Witness.Kind.EXCEPTION, line(call), text, declaresChecked ? 2 : 1);
  }

  Witness overwrite(Tree where) {
    Symbol symbol = getSymbol(where instanceof AssignmentTree a ? a.getVariable() : where);
    String name = symbol == null ? "the variable" : symbol.getSimpleName().toString();
    return new Witness(Witness.Kind.OVERWRITE, line(where), name);
  }

  Witness callOverwrite(MethodInvocationTree call, Symbol field) {
    int line = line(call);
    return new Witness(
        Witness.Kind.CALL_OVERWRITE,
        line,
        String.format(
            "the call to %s() at line %d overwrites field `%s`",
            getSymbol(call).getSimpleName(), line, field.getSimpleName()));
  }

  Witness earlierValue(Symbol field, Tree where) {
    return new Witness(Witness.Kind.EARLIER_VALUE, line(where), field.getSimpleName().toString());
  }

  static Witness endOfMethod() {
    return new Witness(Witness.Kind.END, 0, "");
  }

  static Witness fieldNeverClosed(Symbol field) {
    return new Witness(Witness.Kind.FIELD_NEVER_CLOSED, 0, field.getSimpleName().toString());
  }

  static Witness keptIn(Symbol collection) {
    return new Witness(Witness.Kind.KEPT_IN_COLLECTION, 0, collection.getSimpleName().toString());
  }

  static Witness neverStored() {
    return new Witness(Witness.Kind.NEVER_STORED, 0, "");
  }
}
