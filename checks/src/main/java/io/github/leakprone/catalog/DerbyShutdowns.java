package io.github.leakprone.catalog;

import static com.google.errorprone.util.ASTHelpers.getSymbol;

import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.util.Context;
import io.github.leakprone.trees.BodySearch;
import io.github.leakprone.trees.LocalVariables;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import javax.annotation.Nullable;

/**
 * Derby's ways to shut an embedded database down, which report success by throwing and never return
 * a connection (the Derby developer's guide, "Shutting down the system"): a connection asked for
 * with the {@code shutdown=true} attribute (or {@code drop=true}, which drops an in-memory database
 * and reports it the same way), or from an {@code EmbeddedDataSource} told to shut down ({@code
 * ds.setShutdownDatabase("shutdown")}, ActiveMQ's JDBC store); or any call to connect that the
 * method makes expecting Derby's report of a shutdown.
 */
final class DerbyShutdowns {

  /** Whether {@code call}, a call that would make a connection, shuts a Derby database down. */
  static boolean shutsDown(MethodInvocationTree call, VisitorState state) {
    return hasShutdownUrl(call, state)
        || askedOfADataSourceToldToShutDown(call, state)
        || awaitsTheShutdownSignal(call, state);
  }

  /**
   * The SQL states with which Derby reports a shut-down or dropped database ({@code 08006}) and a
   * shut-down system ({@code XJ015}): a success that arrives as an exception.
   */
  private static final ImmutableSet<String> SHUTDOWN_STATES = ImmutableSet.of("08006", "XJ015");

  /**
   * Whether {@code call}, its value thrown away, is made in a {@code try} whose {@code catch} looks
   * for Derby's report of a shutdown ({@link #SHUTDOWN_STATES}): the method expects the call to
   * shut a database down, in whatever way it built the URL (inmemdb's {@code stop()}, whose {@code
   * drop=true} comes from a map of attributes a helper joins into the URL: a FALSE of round 142). A
   * {@code catch} that looks for another state (a database that already exists) says nothing of the
   * sort.
   */
  private static boolean awaitsTheShutdownSignal(MethodInvocationTree call, VisitorState state) {
    TreePath method = state.findPathToEnclosing(MethodTree.class);
    if (method == null
        || ((MethodTree) method.getLeaf()).getBody() == null
        // Asked of every acquisition: the literal first, most methods have none, and each method's
        // body is read once (read for each acquisition, a long method cost its length squared).
        || !namesAShutdownState((MethodTree) method.getLeaf(), state)) {
      return false;
    }
    TreePath callPath = TreePath.getPath(method, call);
    // Its value thrown away: "08006" is also the standard state of a failed connection, which a
    // method that keeps the connection may look for to retry.
    if (callPath == null
        || !(callPath.getParentPath().getLeaf() instanceof ExpressionStatementTree)) {
      return false;
    }
    for (TreePath p = callPath; p != null && p.getParentPath() != method; p = p.getParentPath()) {
      if (p.getParentPath().getLeaf() instanceof TryTree attempt
          && attempt.getBlock() == p.getLeaf()
          && attempt.getCatches().stream().anyMatch(c -> namesAShutdownState(c.getBlock()))) {
        return true;
      }
    }
    return false;
  }

  /** {@link #namesAShutdownState(Tree)} of each method's body, for one compilation. */
  private static final Context.Key<Map<MethodTree, Boolean>> METHODS_NAMING_A_SHUTDOWN_STATE =
      new Context.Key<>();

  private static boolean namesAShutdownState(MethodTree method, VisitorState state) {
    Map<MethodTree, Boolean> known = state.context.get(METHODS_NAMING_A_SHUTDOWN_STATE);
    if (known == null) {
      known = new HashMap<>();
      state.context.put(METHODS_NAMING_A_SHUTDOWN_STATE, known);
    }
    return known.computeIfAbsent(method, m -> namesAShutdownState(m.getBody()));
  }

  /** Whether {@code tree} holds a string literal that is one of {@link #SHUTDOWN_STATES}. */
  private static boolean namesAShutdownState(Tree tree) {
    return holdsAStringLiteral(
        tree, text -> SHUTDOWN_STATES.contains(text.toUpperCase(Locale.ROOT)));
  }

  /** Whether {@code tree} holds a string literal that {@code test} accepts. */
  private static boolean holdsAStringLiteral(Tree tree, Predicate<String> test) {
    boolean[] found = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitLiteral(LiteralTree literal, Void unused) {
        found[0] |= literal.getValue() instanceof String text && test.test(text);
        return null;
      }
    }.scan(tree, null);
    return found[0];
  }

  /**
   * {@code DriverManager.getConnection(url + ";shutdown=true")}: a URL whose text ends with the
   * attribute, written as a literal, a concatenation ending in one or a {@code String.format} of a
   * constant template, or a local of the method made one ({@code url += ";shutdown=true"}:
   * Jackrabbit's {@code DerbyConnectionHelper}). The attribute may also follow a base that ends in
   * the separator ({@code baseUrl + "shutdown=true"}, Flume's JDBC channel) where the method names
   * Derby's URL prefix, {@code jdbc:derby:}: HSQLDB has an attribute of that name too, and its
   * connection is a connection.
   */
  private static boolean hasShutdownUrl(MethodInvocationTree call, VisitorState state) {
    if (call.getArguments().isEmpty()) {
      return false;
    }
    ExpressionTree url = call.getArguments().get(0);
    MethodTree enclosing = state.findEnclosing(MethodTree.class);
    return endsWithShutdown(url, enclosing) || isLocalMadeAShutdownUrl(url, enclosing);
  }

  /**
   * Whether {@code url} is a local that the enclosing method declares, sets or extends with one.
   */
  private static boolean isLocalMadeAShutdownUrl(
      ExpressionTree url, @Nullable MethodTree enclosing) {
    Symbol local = url instanceof IdentifierTree ? getSymbol(url) : null;
    if (local == null
        || !LocalVariables.isLocalOrParameter(local)
        || enclosing == null
        || enclosing.getBody() == null) {
      return false;
    }
    boolean[] made = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree variable, Void unused) {
        made[0] |=
            getSymbol(variable) == local && endsWithShutdown(variable.getInitializer(), enclosing);
        return super.visitVariable(variable, null);
      }

      @Override
      public Void visitAssignment(AssignmentTree assignment, Void unused) {
        made[0] |=
            getSymbol(assignment.getVariable()) == local
                && endsWithShutdown(assignment.getExpression(), enclosing);
        return super.visitAssignment(assignment, null);
      }

      @Override
      public Void visitCompoundAssignment(CompoundAssignmentTree assignment, Void unused) {
        made[0] |=
            assignment.getKind() == Tree.Kind.PLUS_ASSIGNMENT
                && getSymbol(assignment.getVariable()) == local
                && endsWithShutdown(assignment.getExpression(), enclosing);
        return super.visitCompoundAssignment(assignment, null);
      }
    }.scan(enclosing.getBody(), null);
    return made[0];
  }

  private static boolean endsWithShutdown(
      @Nullable ExpressionTree value, @Nullable MethodTree enclosing) {
    ExpressionTree url = value;
    boolean concatenated = false;
    while (url instanceof BinaryTree concatenation && concatenation.getKind() == Tree.Kind.PLUS) {
      url = concatenation.getRightOperand();
      concatenated = true;
    }
    String formatted = url instanceof MethodInvocationTree format ? formatted(format) : null;
    if (formatted != null) {
      return endsWithAttribute(formatted);
    }
    if (url == null || !(ASTHelpers.constValue(url) instanceof String text)) {
      return false;
    }
    String attribute = text.toLowerCase(Locale.ROOT);
    return endsWithAttribute(attribute)
        || (concatenated
            && (attribute.equals("shutdown=true") || attribute.equals("drop=true"))
            && namesDerby(enclosing));
  }

  /**
   * Whether {@code url}, in lower case, ends with an attribute by which Derby makes no connection:
   * {@code shutdown=true}, or {@code drop=true}, which drops an in-memory database and reports it
   * by throwing too (the Derby reference manual, "drop=true attribute").
   */
  private static boolean endsWithAttribute(String url) {
    return url.endsWith(";shutdown=true") || url.endsWith(";drop=true");
  }

  /**
   * The text {@code call} makes, in lower case, where it is {@code String.format} of a constant
   * template whose every conversion is {@code %s} ({@code String.format("jdbc:derby:memory:%s;%s",
   * name, "drop=true")}, Zonky's Derby provider), with {@code ?} for an argument whose value is not
   * a constant; null for any other call.
   */
  @Nullable
  private static String formatted(MethodInvocationTree call) {
    MethodSymbol method = getSymbol(call);
    if (method == null
        || !method.getSimpleName().contentEquals("format")
        || !method.owner.getQualifiedName().contentEquals("java.lang.String")
        || call.getArguments().isEmpty()
        || !(ASTHelpers.constValue(call.getArguments().get(0)) instanceof String template)) {
      return null;
    }
    String[] pieces = template.split("%s", -1);
    if (pieces.length != call.getArguments().size() || template.replace("%s", "").contains("%")) {
      return null; // another conversion, or arguments not one per %s
    }
    StringBuilder text = new StringBuilder(pieces[0]);
    for (int i = 1; i < pieces.length; i++) {
      Object argument = ASTHelpers.constValue(call.getArguments().get(i));
      text.append(argument instanceof String constant ? constant : "?").append(pieces[i]);
    }
    return text.toString().toLowerCase(Locale.ROOT);
  }

  /** Whether {@code method}'s body holds a string literal with Derby's URL prefix. */
  private static boolean namesDerby(@Nullable MethodTree method) {
    return method != null
        && method.getBody() != null
        && holdsAStringLiteral(
            method.getBody(), text -> text.toLowerCase(Locale.ROOT).contains("jdbc:derby:"));
  }

  /**
   * {@code ds.setShutdownDatabase("shutdown"); ds.getConnection()}: a data source of the method (a
   * local, a parameter or a field) that the method told to shut down. Asked of every acquisition,
   * so the name and the receiver's type come first: a search of the body for each one made a
   * method's analysis grow with the square of its length (docs/performance.md).
   */
  private static boolean askedOfADataSourceToldToShutDown(
      MethodInvocationTree call, VisitorState state) {
    MethodSymbol method = getSymbol(call);
    if (method == null || !method.getSimpleName().contentEquals("getConnection")) {
      return false;
    }
    ExpressionTree receiver = ASTHelpers.getReceiver(call);
    Symbol dataSource = receiver == null ? null : getSymbol(receiver);
    Type dataSourceType = NamedTypes.get("javax.sql.DataSource", state);
    MethodTree enclosing = state.findEnclosing(MethodTree.class);
    if (dataSource == null
        || dataSourceType == null
        || !ASTHelpers.isSubtype(ASTHelpers.getType(receiver), dataSourceType, state)
        || enclosing == null
        || enclosing.getBody() == null) {
      return false;
    }
    return BodySearch.anyIn(
        enclosing.getBody(),
        thrown -> false,
        other ->
            other instanceof MethodInvocationTree request
                && request.getArguments().size() == 1
                && getSymbol(request) != null
                && getSymbol(request).getSimpleName().contentEquals("setShutdownDatabase")
                && "shutdown".equals(ASTHelpers.constValue(request.getArguments().get(0)))
                && receiverOf(request) == dataSource);
  }

  @Nullable
  private static Symbol receiverOf(MethodInvocationTree call) {
    ExpressionTree receiver = ASTHelpers.getReceiver(call);
    return receiver == null ? null : getSymbol(receiver);
  }

  private DerbyShutdowns() {}
}
