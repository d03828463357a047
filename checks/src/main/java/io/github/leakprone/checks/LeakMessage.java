package io.github.leakprone.checks;

import static com.google.errorprone.util.ASTHelpers.getSymbol;
import static com.google.errorprone.util.ASTHelpers.getType;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.Types;
import io.github.leakprone.analysis.obligation.Leak;
import io.github.leakprone.analysis.obligation.Witness;
import io.github.leakprone.catalog.JdbcResources;
import io.github.leakprone.trees.Casts;
import io.github.leakprone.trees.SourceLines;

/**
 * The sentence a {@code JdbcResourceLeak} or {@code ResourceLeak} finding says: the resource, where
 * it was acquired, the path that loses it, and what to do, e.g. "PreparedStatement `ps` acquired at
 * line 12 is not closed when the `continue` at line 15 is taken; close it with try-with-resources
 * or in a finally block".
 */
final class LeakMessage {

  private static final String ADVICE = "close it with try-with-resources or in a finally block";

  /** For a resource that is no {@code AutoCloseable} (a {@code PooledConnection}). */
  private static final String FINALLY_ADVICE = "close it in a finally block";

  /**
   * For a resource the method hands on when all goes well (a factory that returns it): closed on
   * every path, it would be closed for whoever it is given to.
   */
  private static final String CATCH_ADVICE =
      "close it in a catch block that rethrows, since the method hands it on when all goes well";

  static String of(Leak leak, VisitorState state) {
    String typeName = nameOf(getType(leak.site()), state);
    int line = SourceLines.lineOf(leak.site(), state);
    Witness witness = leak.witness();
    String advice = advice(getType(leak.site()), state);
    if (witness.kind() == Witness.Kind.NEVER_STORED) {
      String made =
          leak.site() instanceof MethodInvocationTree call
              ? "returned by " + getSymbol(call).getSimpleName() + "()"
              : "created";
      return String.format(
          "%s %s at line %d is never stored, so nothing closes it%s; %s",
          typeName, made, line, handleNote(getType(leak.site()), state), advice);
    }
    if (witness.kind() == Witness.Kind.EARLIER_VALUE) {
      // The resource lost is not the one acquired here but the one the field held before.
      return String.format(
          "%s held in field `%s` since an earlier call is not closed before line %d stores a new"
              + " one in it, where the method expects one may be held; close the old one first",
          typeName, witness.text(), witness.line());
    }
    String subject = subject(leak, typeName, line, state);
    if (leak.neverReleased()) {
      return String.format(
          "%s is never closed%s; %s", subject, handleNote(getType(leak.site()), state), advice);
    }
    return String.format(
        "%s is not closed %s; %s",
        subject, describe(leak, witness), adviceFor(leak, witness, advice));
  }

  /**
   * The event that loses it. An overwrite of another variable than the one named in the subject
   * says that one holds it too: a loop's next pass overwrites {@code client}, then the stream
   * {@code in} taken from it, which was the last to hold the socket.
   */
  private static String describe(Leak leak, Witness witness) {
    if (witness.kind() == Witness.Kind.OVERWRITE
        && leak.holder() != null
        && !leak.holder().getSimpleName().contentEquals(witness.text())) {
      return String.format(
          "before `%s`, which also holds it, is overwritten at line %d",
          witness.text(), witness.line());
    }
    return witness.describe();
  }

  /**
   * "PreparedStatement `ps` acquired at line 12"; a variable of another type holds the resource
   * seen another way, and is named as what it is: "FileChannel `fc` over the RandomAccessFile
   * acquired at line 69" ({@code fc = new RandomAccessFile(file, "rw").getChannel()}). Not a
   * variable that did not hold it yet where it was lost: "FileOutputStream acquired at line 12 is
   * not closed when `new ObjectOutputStream(...)` at line 12 throws".
   */
  private static String subject(Leak leak, String typeName, int line, VisitorState state) {
    // "Never closed" is about every path, the ones where the variable holds it too.
    if (leak.holder() == null || !(leak.heldWhenLost() || leak.neverReleased())) {
      return String.format("%s acquired at line %d", typeName, line);
    }
    Type held = leak.holder().type;
    Type acquired = getType(leak.site());
    if (held != null
        && acquired != null
        && !held.isErroneous()
        && !state
            .getTypes()
            .isSubtype(state.getTypes().erasure(acquired), state.getTypes().erasure(held))
        && !castForItsHolder(leak, state)) {
      return String.format(
          "%s `%s` over the %s acquired at line %d",
          nameOf(held, state), leak.variable(), typeName, line);
    }
    return String.format("%s `%s` acquired at line %d", typeName, leak.variable(), line);
  }

  /**
   * Whether the acquisition is stored in its holder through a cast, as the same object: {@code
   * socket = (SSLSocket) factory.createSocket(host, port)} is the socket acquired, not a socket
   * over it. Asked only of a finding whose holder has a narrower type than what was acquired.
   */
  private static boolean castForItsHolder(Leak leak, VisitorState state) {
    TreePath site = TreePath.getPath(state.getPath().getCompilationUnit(), leak.site());
    TreePath outer = site == null ? null : Casts.outermost(site);
    // Parentheses alone over the acquisition strip back to it; a cast among them does not.
    boolean cast =
        outer != null
            && ASTHelpers.stripParentheses((ExpressionTree) outer.getLeaf()) != leak.site();
    TreePath parent = outer == null ? null : outer.getParentPath();
    if (!cast || parent == null) {
      return false;
    }
    Tree store = parent.getLeaf();
    Symbol stored =
        store instanceof VariableTree variable
            ? getSymbol(variable)
            : store instanceof AssignmentTree assignment
                ? getSymbol(assignment.getVariable())
                : null;
    return stored != null && stored.equals(leak.holder());
  }

  /**
   * The type's simple name; for an anonymous class, the name of the class it extends or else of the
   * interface it implements (`new URLClassLoader(urls) { ... }` is a URLClassLoader).
   */
  private static String nameOf(Type type, VisitorState state) {
    if (type == null) {
      return "resource";
    }
    if (type.tsym.isAnonymous()) {
      Types types = state.getTypes();
      Type named = types.supertype(type);
      if (named.tsym == state.getSymtab().objectType.tsym && !types.interfaces(type).isEmpty()) {
        named = types.interfaces(type).head;
      }
      return named.tsym.getSimpleName().toString();
    }
    return type.tsym.getSimpleName().toString();
  }

  private static String adviceFor(Leak leak, Witness witness, String advice) {
    return switch (witness.kind()) {
      case FIELD_NEVER_CLOSED -> "close it where the object's life ends, in a close() of its class";
      case FIELD_LEFT_TO_ITS_PARENT -> "close it where its class closes what it was made of";
      case KEPT_IN_COLLECTION -> "close the elements before the collection is dropped";
      case CONSTRUCTION_FAILS ->
          "close it in the constructor when what follows the step fails, before the exception"
              + " leaves it";
      case EXCEPTION -> leak.handedOnSomewhere() ? CATCH_ADVICE : advice;
      case JUMP ->
          leak.handedOnSomewhere() && witness.text().equals("throw")
              ? "close it before the throw, since the method hands it on when all goes well"
              : advice;
      default -> advice;
    };
  }

  /** Try-with-resources where the type allows it; a {@code finally} block otherwise. */
  private static String advice(Type type, VisitorState state) {
    return type == null || state.getTypes().isSubtype(type, state.getSymtab().autoCloseableType)
        ? ADVICE
        : FINALLY_ADVICE;
  }

  /**
   * What a pool's physical connection is easily taken for: the handle its {@code getConnection()}
   * hands out, whose close only tells the pool's listeners it is free.
   */
  private static String handleNote(Type type, VisitorState state) {
    return JdbcResources.isPooledConnection(type, state)
        ? " (closing the Connection its getConnection() hands out does not close it)"
        : "";
  }

  private LeakMessage() {}
}
