package io.github.leakprone.checks;

import static com.google.errorprone.util.ASTHelpers.getSymbol;
import static com.google.errorprone.util.ASTHelpers.getType;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import io.github.leakprone.analysis.Fate;
import io.github.leakprone.analysis.obligation.Leak;
import io.github.leakprone.catalog.ClientLifecycles;
import io.github.leakprone.catalog.HeavyweightClient;
import java.util.Optional;

/**
 * The one sentence a {@code HeavyweightClientPerCall} finding says: the type, where it is built and
 * what becomes of it, why it is heavy, and what to do.
 */
final class HeavyweightClientPerCallMessage {

  /**
   * @param leak for a must-release client that stays in the method: the path that loses it
   * @param byFactory whether {@code creation} calls a factory of the project's, named then
   */
  static String of(
      HeavyweightClient client,
      Fate fate,
      Optional<Leak> leak,
      ExpressionTree creation,
      boolean byFactory,
      Tree body,
      VisitorState state) {
    return String.format(
        "%s built %s%s %s%s: %s; %s",
        typeName(client, creation),
        byFactory ? "by " + getSymbol(creation).getSimpleName() + "() " : "",
        startsAService(body) ? "in" : "on every call of",
        where(body, state),
        fateClause(client, fate, leak),
        client.whyHeavy(),
        client.whatToDo());
  }

  /**
   * Whether {@code body} is an instance method named as one that starts its object's service life
   * ({@link ClientLifecycles#starts}: {@code start()}, {@code init()}). The message says only where
   * the client is built there: such a method often runs once per object (Knox's token service,
   * whose {@code start()} leaves one idle thread per gateway, read as a per-request leak when the
   * message said "on every call"), and as often per request (upyun's {@code init()}, run by every
   * upload); the name does not tell which.
   */
  private static boolean startsAService(Tree body) {
    if (!(body instanceof MethodTree method)) {
      return false;
    }
    MethodSymbol symbol = getSymbol(method);
    return symbol != null && !symbol.isStatic() && ClientLifecycles.starts(symbol);
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

  private static String fateClause(HeavyweightClient client, Fate fate, Optional<Leak> leak) {
    return switch (fate.kind()) {
      case ADDED_TO_COLLECTION -> " and kept in " + fate.detail();
      case STORED_IN_FIELD -> " and stored in field " + fate.detail() + " with no once-only guard";
      case STAYS_IN_METHOD -> leak.map(l -> releaseClause(client, l)).orElse("");
      case RETURNED, KEPT_ONCE -> "";
    };
  }

  /** "and never released with shutdown()", or the path that skips the release. */
  private static String releaseClause(HeavyweightClient client, Leak leak) {
    String release = client.primaryReleaseMethod() + "()";
    if (leak.neverReleased()) {
      return " and never released with " + release;
    }
    return " and not released with " + release + " " + leak.witness().describe();
  }

  private HeavyweightClientPerCallMessage() {}
}
