package io.github.leakprone.analysis.obligation;

import static com.google.errorprone.util.ASTHelpers.getReceiver;
import static com.google.errorprone.util.ASTHelpers.getSymbol;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import io.github.leakprone.trees.SourceLines;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/** Makes the {@link Witness} of each event a finding can name, with its place in the source. */
final class Witnesses {

  private final VisitorState state;

  Witnesses(VisitorState state) {
    this.state = state;
  }

  private int line(Tree tree) {
    return SourceLines.lineOf(tree, state);
  }

  Witness jump(String keyword, Tree tree) {
    return new Witness(Witness.Kind.JUMP, line(tree), keyword);
  }

  Witness caught(Tree catchTree) {
    return new Witness(Witness.Kind.CAUGHT, line(catchTree), "");
  }

  /**
   * The catch at {@code catchTree} handled the exception of the call {@code thrown} names (an
   * {@link Witness.Kind#EXCEPTION} event), and the path went on: the call is what a reader fixes
   * (hibernate-tools' {@code fw.flush()} in a {@code finally}, whose catch swallows its failure
   * before {@code fw.close()} runs).
   */
  Witness caught(Tree catchTree, Witness thrown) {
    if (thrown.kind() != Witness.Kind.EXCEPTION) {
      return caught(catchTree);
    }
    return caughtCalls
        .computeIfAbsent(catchTree, unused -> new HashMap<>())
        .computeIfAbsent(
            thrown,
            call ->
                new Witness(
                    Witness.Kind.CAUGHT,
                    line(catchTree),
                    String.format("`%s` at line %d", call.text(), call.line())));
  }

  /** The witnesses of {@link #caught(Tree, Witness)}, made once, as those of the exceptions. */
  private final IdentityHashMap<Tree, Map<Witness, Witness>> caughtCalls = new IdentityHashMap<>();

  /**
   * The witness of each call's exception, made once: a loop's body is walked again until its state
   * settles, and most calls of an analysed body are asked (docs/performance.md).
   */
  private final IdentityHashMap<ExpressionTree, Witness> exceptions = new IdentityHashMap<>();

  Witness exception(ExpressionTree call) {
    Witness known = exceptions.get(call);
    if (known == null) {
      known = describeException(call);
      exceptions.put(call, known);
    }
    return known;
  }

  private Witness describeException(ExpressionTree call) {
    String text;
    if (call instanceof MethodInvocationTree invocation) {
      ExpressionTree receiver = getReceiver(invocation);
      // As written: a constructor's this(...) or super(...) is not named <init>.
      String name =
          invocation.getMethodSelect() instanceof IdentifierTree select
              ? select.getName().toString()
              : getSymbol(invocation).getSimpleName().toString();
      String arguments = invocation.getArguments().isEmpty() ? "()" : "(...)";
      text =
          (receiver instanceof IdentifierTree identifier ? identifier.getName() + "." : "")
              + name
              + arguments;
    } else {
      text = "new " + madeTypeName((NewClassTree) call) + "(...)";
    }
    // A call that declares a checked exception is a likelier thrower than one that could only fail
    // with a RuntimeException, and so the better path to name.
    boolean declaresChecked = false;
    for (Type thrown : ((MethodSymbol) getSymbol(call)).getThrownTypes()) {
      declaresChecked |= ThrowingCalls.isChecked(thrown, state);
    }
    return new Witness(Witness.Kind.EXCEPTION, line(call), text, declaresChecked ? 2 : 1);
  }

  /**
   * The name of the class {@code made} makes: for an anonymous class, the class it extends or the
   * interface it implements, as the source names it ({@code new GZIPOutputStream(out) {...}}).
   */
  private static String madeTypeName(NewClassTree made) {
    Symbol.TypeSymbol type = ASTHelpers.getType(made).tsym;
    if (made.getClassBody() != null && type instanceof Symbol.ClassSymbol anonymous) {
      Type supertype = anonymous.getSuperclass();
      if (anonymous.getInterfaces().size() == 1
          && (supertype == null
              || supertype.tsym.getQualifiedName().contentEquals("java.lang.Object"))) {
        supertype = anonymous.getInterfaces().get(0);
      }
      if (supertype != null && supertype.tsym != null) {
        return supertype.tsym.getSimpleName().toString();
      }
    }
    return type.getSimpleName().toString();
  }

  Witness overwrite(Tree where) {
    Symbol symbol = getSymbol(where instanceof AssignmentTree a ? a.getVariable() : where);
    String name = symbol == null ? "the variable" : symbol.getSimpleName().toString();
    return new Witness(Witness.Kind.OVERWRITE, line(where), name);
  }

  Witness nextPass(Tree loop) {
    return new Witness(Witness.Kind.NEXT_PASS, line(loop), "");
  }

  Witness callOverwrite(MethodInvocationTree call, Symbol field) {
    int line = line(call);
    // Concatenated, not formatted: made at every call of an own method that writes a field, on
    // every pass of the analysis, and most are never reported.
    return new Witness(
        Witness.Kind.CALL_OVERWRITE,
        line,
        "the call to "
            + getSymbol(call).getSimpleName()
            + "() at line "
            + line
            + " overwrites field `"
            + field.getSimpleName()
            + "`");
  }

  /**
   * The event that fails the constructor after a step of it returned, where the constructor's line
   * is not this method's: the step's finding names where its caller fails.
   */
  Witness constructionFails(Tree failure) {
    String event =
        failure instanceof ExpressionTree call
            ? "`" + exception(call).text() + "` at line " + line(failure) + " throws"
            : "the `throw` at line " + line(failure) + " is taken";
    return new Witness(
        Witness.Kind.CONSTRUCTION_FAILS,
        line(failure),
        event + " in the constructor that called this method, after it returned");
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

  /**
   * Stored in {@code field}, which its class never closes, though it closes {@code parent}, the
   * resource it was made of.
   */
  static Witness fieldLeftToItsParent(Symbol field, Symbol parent) {
    return new Witness(
        Witness.Kind.FIELD_LEFT_TO_ITS_PARENT,
        0,
        String.format(
            "field `%s`, which its class never closes (it closes only `%s`, the %s it was made of)",
            field.getSimpleName(), parent.getSimpleName(), parent.type.tsym.getSimpleName()));
  }

  static Witness keptIn(Symbol collection) {
    return new Witness(Witness.Kind.KEPT_IN_COLLECTION, 0, collection.getSimpleName().toString());
  }

  static Witness neverStored() {
    return new Witness(Witness.Kind.NEVER_STORED, 0, "");
  }
}
