package io.github.leakprone.catalog;

import static com.google.errorprone.util.ASTHelpers.getSymbol;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import io.github.leakprone.trees.BodySearch;
import java.util.Locale;
import javax.annotation.Nullable;

/**
 * Derby's ways to shut an embedded database down, which report success by throwing and never return
 * a connection (the Derby developer's guide, "Shutting down the system"): a connection asked for
 * with the {@code shutdown=true} attribute, or from an {@code EmbeddedDataSource} told to shut down
 * ({@code ds.setShutdownDatabase("shutdown")}, ActiveMQ's JDBC store).
 */
final class DerbyShutdowns {

  /** Whether {@code call}, a call that would make a connection, shuts a Derby database down. */
  static boolean shutsDown(MethodInvocationTree call, VisitorState state) {
    return hasShutdownUrl(call) || askedOfADataSourceToldToShutDown(call, state);
  }

  /**
   * {@code DriverManager.getConnection(url + ";shutdown=true")}: a URL whose text ends with the
   * attribute, written as a literal or a concatenation ending in one.
   */
  private static boolean hasShutdownUrl(MethodInvocationTree call) {
    if (call.getArguments().isEmpty()) {
      return false;
    }
    ExpressionTree url = call.getArguments().get(0);
    while (url instanceof BinaryTree concatenation && concatenation.getKind() == Tree.Kind.PLUS) {
      url = concatenation.getRightOperand();
    }
    return ASTHelpers.constValue(url) instanceof String text
        && text.toLowerCase(Locale.ROOT).endsWith(";shutdown=true");
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
