package io.github.leakprone.checks;

import static com.google.errorprone.util.ASTHelpers.getType;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Type;
import io.github.leakprone.analysis.Fate;
import io.github.leakprone.catalog.ClientPolicy;
import io.github.leakprone.catalog.HeavyweightClient;

/**
 * The one sentence a {@code HeavyweightClientPerCall} finding says: the type, where it is built and
 * what becomes of it, why it is heavy, and what to do.
 */
final class ClientFindingMessage {

  static String of(
      HeavyweightClient client, Fate fate, ExpressionTree creation, Tree body, VisitorState state) {
    return String.format(
        "%s built on every call of %s%s: %s; %s",
        typeName(client, creation),
        where(body, state),
        fateClause(client, fate),
        client.whyHeavy(),
        client.whatToDo());
  }

  private static String typeName(HeavyweightClient client, ExpressionTree creation) {
    if (!client.displayName().isEmpty()) {
      return client.displayName();
    }
    Type type = getType(creation);
    return type == null ? client.type() : type.tsym.getSimpleName().toString();
  }

  private static String where(Tree body, VisitorState state) {
    if (body instanceof MethodTree method) {
      return method.getName() + "()";
    }
    for (TreePath p = state.getPath(); p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof MethodTree method) {
        return "a lambda in " + method.getName() + "()";
      }
    }
    return body instanceof LambdaExpressionTree ? "a lambda" : "this code";
  }

  private static String fateClause(HeavyweightClient client, Fate fate) {
    boolean mustRelease = client.policy() == ClientPolicy.RELEASE;
    return switch (fate.kind()) {
      case ADDED_TO_COLLECTION -> " and kept in " + fate.detail();
      case STORED_IN_FIELD -> " and stored in field " + fate.detail() + " with no once-only guard";
      case NOT_RELEASED ->
          mustRelease ? " and never released with " + client.primaryReleaseMethod() + "()" : "";
      case RELEASED_ON_NORMAL_PATH ->
          mustRelease
              ? String.format(
                  " and released with %s() only on the normal path (line %d), which an exception"
                      + " skips",
                  client.primaryReleaseMethod(), fate.line())
              : "";
      case RETURNED, KEPT_ONCE, RELEASED_ON_EVERY_PATH -> "";
    };
  }

  private ClientFindingMessage() {}
}
