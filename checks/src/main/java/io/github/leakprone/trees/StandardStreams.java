package io.github.leakprone.trees;

import static com.google.errorprone.util.ASTHelpers.getSymbol;
import static com.google.errorprone.util.ASTHelpers.isStatic;
import static com.google.errorprone.util.ASTHelpers.stripParentheses;

import com.google.common.collect.ImmutableSet;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Symbol;
import javax.annotation.Nullable;

/**
 * Identity tests against the JVM's standard streams: {@code if (out != System.out) out.close()},
 * the idiom of a method that writes either to a file it opened or to the console. A stream the
 * method made is never one of them.
 */
public final class StandardStreams {

  private static final ImmutableSet<String> NAMES = ImmutableSet.of("in", "out", "err");

  /**
   * What an identity test ({@code x == System.out}, {@code x != System.err}, either way round) asks
   * about: the operand compared with a standard stream, and whether the test is true when it is
   * that stream.
   */
  public record Test(ExpressionTree operand, boolean trueWhenStandard) {}

  /** The test {@code tree} is, or null when it compares nothing with a standard stream. */
  @Nullable
  public static Test of(ExpressionTree tree) {
    ExpressionTree operand = NullComparisons.comparedWith(tree, StandardStreams::isStandard);
    return operand == null
        ? null
        : new Test(operand, stripParentheses(tree).getKind() == Tree.Kind.EQUAL_TO);
  }

  private static boolean isStandard(ExpressionTree tree) {
    Symbol symbol = getSymbol(tree);
    return symbol != null
        && isStatic(symbol)
        && NAMES.contains(symbol.getSimpleName().toString())
        && symbol.owner != null
        && symbol.owner.getQualifiedName().contentEquals("java.lang.System");
  }

  private StandardStreams() {}
}
