package io.github.leakprone.checks;

import static com.google.errorprone.util.ASTHelpers.getSymbol;
import static com.google.errorprone.util.ASTHelpers.getType;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.Types;
import io.github.leakprone.analysis.obligation.Leak;
import io.github.leakprone.analysis.obligation.Witness;
import io.github.leakprone.catalog.JdbcResources;
import io.github.leakprone.catalog.ReleaseVerb;
import io.github.leakprone.catalog.ZlibCodecs;
import io.github.leakprone.trees.Casts;
import io.github.leakprone.trees.SourceLines;
import javax.annotation.Nullable;

/**
 * The sentence a {@code JdbcResourceLeak} or {@code ResourceLeak} finding says: the resource, where
 * it was acquired, the path that loses it, and what to do, e.g. "PreparedStatement `ps` acquired at
 * line 12 is not closed when the `continue` at line 15 is taken; close it with try-with-resources
 * or in a finally block".
 */
final class LeakMessage {

  static String of(Leak leak, VisitorState state) {
    String typeName = nameOf(getType(leak.site()), state);
    int line = SourceLines.lineOf(leak.site(), state);
    Witness witness = leak.witness();
    ReleaseVerb verb = ReleaseVerb.of(getType(leak.site()), state);
    String advice = advice(getType(leak.site()), verb, state);
    if (witness.kind() == Witness.Kind.NEVER_STORED) {
      String lentTo = streamLeavingIt(leak.site(), state);
      if (lentTo != null) {
        return String.format(
            "%s created at line %d is given to a new %s, whose close() does not end it, and"
                + " nothing else ends it; keep it in a variable and end it once the stream is"
                + " done",
            typeName, line, lentTo);
      }
      String made =
          leak.site() instanceof MethodInvocationTree call
              ? "returned by " + getSymbol(call).getSimpleName() + "()"
              : "created";
      return String.format(
          "%s %s at line %d is never stored, so nothing %s it%s; %s",
          typeName, made, line, verb.third(), handleNote(getType(leak.site()), state), advice);
    }
    if (witness.kind() == Witness.Kind.EARLIER_VALUE) {
      // The resource lost is not the one acquired here but the one the field held before.
      return String.format(
          "%s held in field `%s` since an earlier call is not %s before line %d stores a new"
              + " one in it, where the method expects one may be held; %s the old one first",
          typeName, witness.text(), verb.past(), witness.line(), verb.base());
    }
    String subject = subject(leak, typeName, line, state);
    if (leak.neverReleased()) {
      return String.format(
          "%s is never %s%s; %s",
          subject, verb.past(), handleNote(getType(leak.site()), state), advice);
    }
    return String.format(
        "%s is not %s %s; %s",
        subject,
        verb.past(),
        describe(leak, witness, verb),
        adviceFor(leak, witness, verb, advice));
  }

  /**
   * The simple name of the JDK stream whose constructor {@code site} is given to, if that stream
   * uses a codec it is given without ending it ({@code new InflaterInputStream(in, new
   * Inflater(true))}); null otherwise.
   */
  @Nullable
  private static String streamLeavingIt(Tree site, VisitorState state) {
    TreePath path = TreePath.getPath(state.getPath().getCompilationUnit(), site);
    TreePath outer = path == null ? null : Casts.outermost(path);
    Tree parent = outer == null ? null : outer.getParentPath().getLeaf();
    if (!(parent instanceof NewClassTree stream)) {
      return null;
    }
    MethodSymbol constructor = getSymbol(stream);
    if (constructor == null) {
      return null;
    }
    int position = stream.getArguments().indexOf(outer.getLeaf());
    return ZlibCodecs.usedParameters(constructor, state).contains(position)
        ? constructor.owner.getSimpleName().toString()
        : null;
  }

  /**
   * The event that loses it. An overwrite of another variable than the one named in the subject
   * says that one holds it too: a loop's next pass overwrites {@code client}, then the stream
   * {@code in} taken from it, which was the last to hold the socket.
   */
  private static String describe(Leak leak, Witness witness, ReleaseVerb verb) {
    if (witness.kind() == Witness.Kind.OVERWRITE
        && leak.holder() != null
        && !leak.holder().getSimpleName().contentEquals(witness.text())) {
      return String.format(
          "before `%s`, which also holds it, is overwritten at line %d",
          witness.text(), witness.line());
    }
    return witness.describe(verb);
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

  private static String adviceFor(Leak leak, Witness witness, ReleaseVerb verb, String advice) {
    String release = verb.base();
    return switch (witness.kind()) {
      case FIELD_NEVER_CLOSED ->
          release + " it where the object's life ends, in a close() of its class";
      case FIELD_LEFT_TO_ITS_PARENT -> release + " it where its class closes what it was made of";
      case KEPT_IN_COLLECTION -> release + " the elements before the collection is dropped";
      case CONSTRUCTION_FAILS ->
          release
              + " it in the constructor when what follows the step fails, before the exception"
              + " leaves it";
      // Released on every path, it would be released for whoever the method hands it to too.
      case EXCEPTION ->
          leak.handedOnSomewhere()
              ? release
                  + " it in a catch block that rethrows, since the method hands it on when all"
                  + " goes well"
              : advice;
      case JUMP ->
          leak.handedOnSomewhere() && witness.text().equals("throw")
              ? release + " it before the throw, since the method hands it on when all goes well"
              : advice;
      default -> advice;
    };
  }

  /**
   * Try-with-resources where the type allows it; a {@code finally} block otherwise (a {@code
   * PooledConnection}, and a zlib codec, whose {@code close()} only JDK 25 has).
   */
  private static String advice(Type type, ReleaseVerb verb, VisitorState state) {
    return verb == ReleaseVerb.CLOSE
            && (type == null
                || state.getTypes().isSubtype(type, state.getSymtab().autoCloseableType))
        ? "close it with try-with-resources or in a finally block"
        : verb.base() + " it in a finally block";
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
