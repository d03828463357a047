package io.github.leakprone.analysis.obligation;

import static com.google.errorprone.util.ASTHelpers.getSymbol;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.tools.javac.code.Type;
import io.github.leakprone.catalog.NamedTypes;
import io.github.leakprone.trees.Closeables;
import io.github.leakprone.trees.NoArgMethods;

/**
 * What a call returns of its arguments: a decorator or tracker ({@code wrap(rs)}, {@code
 * track(stmt)}, {@code listeningDecorator(pool)}) returns a value of an argument's own type, and
 * that value holds the argument's resource; releasing or returning it releases or hands over the
 * resource. So does a value that has a {@code close()} of its own ({@code Response.create(raw)}
 * wrapping an HTTP response in an SDK's, {@code readerOf(in)} returning {@code new
 * InputStreamReader(in)}): whoever closes it closes what it was made of, unless its type says its
 * {@code close()} does not ({@link #CLOSES_NOT_ITS_SOURCE}); and so does a dynamic proxy of its
 * handler. Arguments of another type (a connection passed to make a result set) stay lent, unless
 * the method's declared result is a type variable.
 */
final class Wrappers {

  /** Whether the value {@code call} returns holds what its argument at {@code index} holds. */
  static boolean holdsArgument(MethodInvocationTree call, int index, VisitorState state) {
    Type result = ASTHelpers.getType(call);
    if (result == null || result.isPrimitiveOrVoid()) {
      return false;
    }
    Type argument = ASTHelpers.getType(call.getArguments().get(index));
    // A callback's generic result (T doInStatement(Statement s)) may be anything, a stream that
    // closes the statement among them: whoever receives the result may own what the call was given.
    return argument != null
        && argument.tsym != state.getSymtab().objectType.tsym
        && (getSymbol(call).getReturnType() instanceof Type.TypeVar
            || ASTHelpers.isSubtype(result, argument, state)
            || (NoArgMethods.find(result, "close", state).isPresent()
                && !NamedTypes.isSubtypeOfAny(result, CLOSES_NOT_ITS_SOURCE, state))
            || isInvocationHandler(argument, state)
            || isBuilderGiven(call, result, argument, state)
            || isElementType(result, argument, state));
  }

  /**
   * Types whose {@code close()} frees their own state and, as their specification says, not the
   * stream or reader they were made of: StAX's readers and writers ("This method does not close the
   * underlying input source"). What they are made of stays the caller's to close (seisFile's and
   * Tajo's XML loaders, which close the event reader and never the stream under it).
   */
  private static final ImmutableList<String> CLOSES_NOT_ITS_SOURCE =
      ImmutableList.of(
          "javax.xml.stream.XMLStreamReader",
          "javax.xml.stream.XMLEventReader",
          "javax.xml.stream.XMLStreamWriter",
          "javax.xml.stream.XMLEventWriter");

  /**
   * Whether {@code result} is declared to carry values of the argument's type: a type argument of
   * it, other than {@code Object}, is a type the argument is one of ({@code Tuples.pair(statement,
   * resultSet)} returning a {@code Pair<Statement, ResultSet>}, {@code Optional.of(conn)}, {@code
   * Optional.of(new FileInfo(file, deserializer))} of an object that holds a stream). Whoever
   * receives such a value receives what the argument holds, as Obevo's JdbcHelper hands its caller
   * the open statement with its result set, and Flume's spooling reader the file it opened.
   */
  private static boolean isElementType(Type result, Type argument, VisitorState state) {
    for (Type element : result.getTypeArguments()) {
      Type bound =
          element instanceof Type.WildcardType wildcard ? wildcard.getExtendsBound() : element;
      if (bound != null
          && !(bound instanceof Type.TypeVar)
          && bound.tsym != state.getSymtab().objectType.tsym
          && ASTHelpers.isSubtype(argument, bound, state)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code call} hands back its receiver, an object that is no resource itself, given a
   * resource: a builder's setter ({@code builder.setInputStream(in)}, declared to return the
   * builder), which keeps the stream for the product it will make. A builder declared generic over
   * itself ({@code B setInputStream(InputStream)}, as Commons IO's are) returns a type variable,
   * which {@link #holdsArgument} takes as holding anything already.
   */
  private static boolean isBuilderGiven(
      MethodInvocationTree call, Type result, Type argument, VisitorState state) {
    ExpressionTree receiver = ASTHelpers.getReceiver(call);
    Type receiverType = receiver == null ? null : ASTHelpers.getType(receiver);
    return receiverType != null
        && ASTHelpers.isSameType(result, receiverType, state)
        && Closeables.isSomethingToClose(argument, state)
        && !Closeables.isSomethingToClose(receiverType, state);
  }

  /**
   * Whether {@code call}'s value is a resource made of what its receiver holds: the last call of a
   * chain, with nothing given, on an object that is no resource itself, that returns one. A builder
   * given a stream makes its product of it ({@code BOMInputStream.builder().setInputStream(in)
   * .get()}), and whoever closes the product closes the stream. Not a call on a variable: an object
   * lent more than one resource hands back each through a getter of its own ({@code
   * event.getAudit()} is not the statement {@code event} was also given), which {@link HandedBack}
   * reads.
   */
  static boolean holdsReceiver(MethodInvocationTree call, VisitorState state) {
    ExpressionTree receiver = ASTHelpers.getReceiver(call);
    if (!(receiver instanceof MethodInvocationTree) || !call.getArguments().isEmpty()) {
      return false;
    }
    Type result = ASTHelpers.getType(call);
    Type receiverType = ASTHelpers.getType(receiver);
    return result != null
        && receiverType != null
        && Closeables.isSomethingToClose(result, state)
        && !Closeables.isSomethingToClose(receiverType, state);
  }

  /**
   * Whether {@code call}, a call that makes a new resource, makes a statement or result set of its
   * argument at {@code index}, a connection or statement ({@code prepare(conn, sql)}): JDBC's
   * children close nothing of what they were made of, so the new one does not hold its parent,
   * which stays its holder's to close. A call that makes nothing new ({@code wrap(con, stmt, rs)},
   * a result set that closes what it is given) is judged by {@link #holdsArgument} alone.
   */
  static boolean makesAChildOf(MethodInvocationTree call, int index, VisitorState state) {
    Type result = ASTHelpers.getType(call);
    Type argument = ASTHelpers.getType(call.getArguments().get(index));
    return result != null
        && argument != null
        && NamedTypes.isSubtypeOfAny(result, JDBC_CHILDREN, state)
        && NamedTypes.isSubtypeOfAny(argument, JDBC_PARENTS, state);
  }

  private static final ImmutableList<String> JDBC_CHILDREN =
      ImmutableList.of("java.sql.Statement", "java.sql.ResultSet");

  private static final ImmutableList<String> JDBC_PARENTS =
      ImmutableList.of("java.sql.Connection", "java.sql.Statement");

  /**
   * A dynamic proxy is its handler: every call on what {@code Proxy.newProxyInstance(loader,
   * interfaces, handler)} returns runs the handler's {@code invoke}, its {@code close()} included
   * (PgJDBC's XA connection hands out its pooled connection behind a proxy whose handler holds it).
   * So is what any method makes of a handler it is given.
   */
  private static boolean isInvocationHandler(Type argument, VisitorState state) {
    Type handler = NamedTypes.get("java.lang.reflect.InvocationHandler", state);
    return handler != null && ASTHelpers.isSubtype(argument, handler, state);
  }

  private Wrappers() {}
}
