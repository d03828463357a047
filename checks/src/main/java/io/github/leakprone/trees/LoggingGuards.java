package io.github.leakprone.trees;

import static com.google.errorprone.util.ASTHelpers.getSymbol;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Symbol;
import java.util.regex.Pattern;

/**
 * The conditions that ask a logger whether a level is on ({@code if (log.isDebugEnabled())}): the
 * code they guard runs only with that logging on, which production rarely has.
 */
public final class LoggingGuards {

  /** SLF4J's, Log4j's, Commons Logging's and JBoss Logging's level checks; JUL's isLoggable. */
  private static final Pattern LEVEL_CHECK =
      Pattern.compile("isTraceEnabled|isDebugEnabled|isLoggable");

  /**
   * Whether {@code condition} holds only when a verbose logging level is on: it is such a check, or
   * a conjunction with one ({@code log.isDebugEnabled() && rs != null}). Not the info level and
   * above, which production runs with.
   */
  public static boolean onlyWhenVerbose(ExpressionTree condition) {
    ExpressionTree bare = Casts.stripped(condition);
    if (bare instanceof BinaryTree and && bare.getKind() == Tree.Kind.CONDITIONAL_AND) {
      return onlyWhenVerbose(and.getLeftOperand()) || onlyWhenVerbose(and.getRightOperand());
    }
    if (!(bare instanceof MethodInvocationTree call)) {
      return false;
    }
    Symbol method = getSymbol(call);
    return method != null
        && LEVEL_CHECK.matcher(method.getSimpleName()).matches()
        && (!method.getSimpleName().contentEquals("isLoggable") || isVerboseLevel(call));
  }

  /** JUL's {@code isLoggable(Level.FINE)} and finer: named as a constant of {@code Level}. */
  private static boolean isVerboseLevel(MethodInvocationTree call) {
    if (call.getArguments().size() != 1) {
      return false;
    }
    Symbol level = getSymbol(call.getArguments().get(0));
    return level != null
        && Pattern.matches("FINE|FINER|FINEST|ALL", level.getSimpleName())
        && level.owner.getQualifiedName().contentEquals("java.util.logging.Level");
  }

  private LoggingGuards() {}
}
