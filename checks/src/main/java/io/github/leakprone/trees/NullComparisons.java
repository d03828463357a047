package io.github.leakprone.trees;

import static com.google.errorprone.util.ASTHelpers.getSymbol;
import static com.google.errorprone.util.ASTHelpers.stripParentheses;

import com.google.common.collect.ImmutableList;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import javax.annotation.Nullable;

/** Null tests of a variable, the guards of lazy initialisation and cleanup. */
public final class NullComparisons {

  /**
   * The operand that {@code x == null} or {@code x != null} (either way round, parentheses ignored)
   * compares with null, or null when {@code tree} is no such comparison.
   */
  @Nullable
  public static ExpressionTree comparedWithNull(ExpressionTree tree) {
    return comparedWith(tree, NullLiterals::isNull);
  }

  /**
   * The operand that an identity test ({@code ==} or {@code !=}, either way round, parentheses
   * ignored) compares with one that {@code other} accepts, or null when {@code tree} is no such
   * test.
   */
  @Nullable
  static ExpressionTree comparedWith(ExpressionTree tree, Predicate<ExpressionTree> other) {
    ExpressionTree comparison = stripParentheses(tree);
    if (comparison.getKind() != Tree.Kind.EQUAL_TO
        && comparison.getKind() != Tree.Kind.NOT_EQUAL_TO) {
      return null;
    }
    BinaryTree binary = (BinaryTree) comparison;
    ExpressionTree left = stripParentheses(binary.getLeftOperand());
    ExpressionTree right = stripParentheses(binary.getRightOperand());
    if (other.test(left)) {
      return right;
    }
    return other.test(right) ? left : null;
  }

  /**
   * What a null test asks: which operand, and whether the test is true when it is null.
   *
   * @param operand the expression tested, parentheses stripped
   * @param trueWhenNull {@code x == null}, {@code Objects.isNull(x)}; false for {@code x != null},
   *     {@code Objects.nonNull(x)}
   */
  public record NullTest(ExpressionTree operand, boolean trueWhenNull) {}

  /**
   * The null test {@code tree} is ({@code x == null}, {@code x != null}, {@code Objects.isNull(x)},
   * {@code Objects.nonNull(x)}), or null when it is none.
   */
  @Nullable
  public static NullTest nullTest(ExpressionTree tree) {
    ExpressionTree test = stripParentheses(tree);
    ExpressionTree compared = comparedWithNull(test);
    if (compared != null) {
      return new NullTest(compared, test.getKind() == Tree.Kind.EQUAL_TO);
    }
    if (!(test instanceof MethodInvocationTree call) || call.getArguments().size() != 1) {
      return null;
    }
    MethodSymbol method = getSymbol(call);
    if (method == null || !method.owner.getQualifiedName().contentEquals("java.util.Objects")) {
      return null;
    }
    String name = method.getSimpleName().toString();
    return name.equals("isNull") || name.equals("nonNull")
        ? new NullTest(stripParentheses(call.getArguments().get(0)), name.equals("isNull"))
        : null;
  }

  /**
   * The value a null check hands back, or null when {@code tree} is no such check: {@code
   * Objects.requireNonNull(x, ...)}, Guava's {@code Preconditions.checkNotNull(x, ...)} and
   * commons-lang's {@code Validate.notNull(x, ...)} return {@code x} itself, so {@code this.channel
   * = Objects.requireNonNull(channel)} stores the very resource it was given.
   */
  @Nullable
  public static ExpressionTree checkedOperand(ExpressionTree tree) {
    if (!(stripParentheses(tree) instanceof MethodInvocationTree call)
        || call.getArguments().isEmpty()) {
      return null;
    }
    MethodSymbol method = getSymbol(call);
    if (method == null || !method.isStatic()) {
      return null;
    }
    // Asked of every call the obligation analysis meets: the name, a cheap test, first.
    String owner =
        switch (method.getSimpleName().toString()) {
          case "requireNonNull" -> "java.util.Objects";
          case "checkNotNull" -> "com.google.common.base.Preconditions";
          case "notNull" -> "org.apache.commons.lang3.Validate";
          default -> null;
        };
    boolean returnsItsOperand =
        owner != null && method.owner.getQualifiedName().contentEquals(owner);
    return returnsItsOperand ? stripParentheses(call.getArguments().get(0)) : null;
  }

  /**
   * Whether {@code condition} tests {@code variable} for null such that it evaluates to {@code
   * outcome} when the variable is null: {@code v == null} for true, {@code v != null} for false (or
   * {@link #nullTest} 's other forms), also as an operand of {@code &&}, {@code ||} or {@code !}.
   */
  public static boolean isNullWhen(ExpressionTree condition, boolean outcome, Symbol variable) {
    return isNullWhen(condition, outcome, variable, call -> ImmutableList.of(), 0);
  }

  /**
   * As above, and a call of a boolean method the caller can read answers by what it returns: {@code
   * answers} gives the expressions every {@code return} of the called method's body hands back
   * (none when it cannot tell), and the call says the variable is null when each of them does
   * ({@code if (isStarted()) return;} with {@code isStarted()} returning {@code !isStopped()} and
   * {@code isStopped()} returning {@code pool == null}).
   */
  public static boolean isNullWhen(
      ExpressionTree condition,
      boolean outcome,
      Symbol variable,
      Function<MethodInvocationTree, List<ExpressionTree>> answers) {
    return isNullWhen(condition, outcome, variable, answers, 0);
  }

  /** How many helper calls deep a condition is read: a getter of a getter of a test. */
  private static final int MAX_HELPER_DEPTH = 3;

  private static boolean isNullWhen(
      ExpressionTree condition,
      boolean outcome,
      Symbol variable,
      Function<MethodInvocationTree, List<ExpressionTree>> answers,
      int depth) {
    ExpressionTree e = stripParentheses(condition);
    NullTest test = nullTest(e);
    if (test != null) {
      // ref.get() == null: an AtomicReference field that holds nothing (HolderFields).
      return test.trueWhenNull() == outcome
          && (getSymbol(test.operand()) == variable
              || HolderFields.readOf(test.operand()) == variable);
    }
    if (e.getKind() == Tree.Kind.CONDITIONAL_AND || e.getKind() == Tree.Kind.CONDITIONAL_OR) {
      BinaryTree binary = (BinaryTree) e;
      return isNullWhen(binary.getLeftOperand(), outcome, variable, answers, depth)
          || isNullWhen(binary.getRightOperand(), outcome, variable, answers, depth);
    }
    if (e instanceof UnaryTree not && not.getKind() == Tree.Kind.LOGICAL_COMPLEMENT) {
      return isNullWhen(not.getExpression(), !outcome, variable, answers, depth);
    }
    if (e instanceof MethodInvocationTree call && depth < MAX_HELPER_DEPTH) {
      List<ExpressionTree> returned = answers.apply(call);
      return !returned.isEmpty()
          && returned.stream()
              .allMatch(value -> isNullWhen(value, outcome, variable, answers, depth + 1));
    }
    return false;
  }

  private NullComparisons() {}
}
