package io.github.leakprone.analysis.obligation;

import static com.google.errorprone.util.ASTHelpers.getSymbol;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import io.github.leakprone.catalog.Getters;
import io.github.leakprone.trees.Casts;
import io.github.leakprone.trees.Identifiers;
import io.github.leakprone.trees.NullComparisons;
import io.github.leakprone.trees.NullComparisons.NullTest;
import io.github.leakprone.trees.TreePaths;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * Factories that hand out what a holder holds when it holds one, and make a new resource only when
 * it holds none: Snaker's {@code JdbcHelper.getConnection(ds)} returns the connection a transaction
 * bound to the thread ({@code TransactionObjectHolder.get()}), else the data source's. A caller
 * cannot tell which it got, so closing it is not its business: the transaction that bound one
 * closes it. Only a method that reads the holder itself (the transaction's start, which looks for a
 * bound connection first and binds the one it gets) knows it got a new one, and owns it. Spring's
 * {@code DataSourceUtils.getConnection} is this shape with a release method for the other case; the
 * catalog lists it on its own.
 */
final class HolderLookups {

  private final UnitMethods unit;
  private final Map<MethodTree, Optional<Symbol>> heldFirst = new HashMap<>();
  private final Map<Tree, Boolean> readsAtCall = new HashMap<>();
  private final Map<MethodTree, Map<Symbol, Boolean>> readsInMethod = new HashMap<>();

  HolderLookups(UnitMethods unit) {
    this.unit = unit;
  }

  /**
   * Whether {@code call} of the factory {@code declaration} may hand out what a holder holds, in a
   * method that does not read that holder itself.
   */
  boolean handsOutAHoldersOwn(Tree call, MethodTree declaration, VisitorState state) {
    Optional<Symbol> holder =
        heldFirst.computeIfAbsent(declaration, d -> Optional.ofNullable(heldFirst(d, state)));
    return holder.isPresent()
        && !readsAtCall.computeIfAbsent(call, c -> readsAround(c, holder.get()));
  }

  /**
   * The member {@code declaration}'s body reads to return what it holds before making anything, or
   * null: {@code Connection c = HOLDER.get(); if (c != null) return c; ...}, or {@code return c !=
   * null ? c : ds.getConnection()}.
   */
  @Nullable
  private static Symbol heldFirst(MethodTree declaration, VisitorState state) {
    BlockTree body = declaration.getBody();
    if (body == null) {
      return null;
    }
    Map<Symbol, ExpressionTree> initialValues = new HashMap<>();
    for (StatementTree statement : body.getStatements()) {
      if (statement instanceof VariableTree local && local.getInitializer() != null) {
        initialValues.put(getSymbol(local), local.getInitializer());
      }
      ExpressionTree returnedWhenHeld = returnedWhenNotNull(statement);
      if (returnedWhenHeld != null) {
        Symbol variable = getSymbol(returnedWhenHeld);
        ExpressionTree read = initialValues.getOrDefault(variable, returnedWhenHeld);
        return Getters.heldMember(read, state);
      }
    }
    return null;
  }

  /**
   * What {@code statement} returns when it is not null: {@code x} of {@code if (x != null) return
   * x;} or of {@code return x != null ? x : other} (either way round).
   */
  @Nullable
  private static ExpressionTree returnedWhenNotNull(StatementTree statement) {
    if (statement instanceof IfTree test && test.getElseStatement() == null) {
      NullTest asked = NullComparisons.nullTest(test.getCondition());
      ExpressionTree returned = onlyReturn(test.getThenStatement());
      return asked != null && !asked.trueWhenNull() && sameVariable(asked.operand(), returned)
          ? returned
          : null;
    }
    if (statement instanceof ReturnTree ret
        && Casts.stripped(ret.getExpression()) instanceof ConditionalExpressionTree choice) {
      NullTest asked = NullComparisons.nullTest(choice.getCondition());
      if (asked == null) {
        return null;
      }
      ExpressionTree whenNotNull =
          asked.trueWhenNull() ? choice.getFalseExpression() : choice.getTrueExpression();
      return sameVariable(asked.operand(), whenNotNull) ? whenNotNull : null;
    }
    return null;
  }

  @Nullable
  private static ExpressionTree onlyReturn(StatementTree statement) {
    StatementTree only = statement;
    if (statement instanceof BlockTree block && block.getStatements().size() == 1) {
      only = block.getStatements().get(0);
    }
    return only instanceof ReturnTree ret ? ret.getExpression() : null;
  }

  /**
   * Whether {@code returned} is the value {@code tested} read: the same variable, or the same
   * holder's {@code get()} read again ({@code CURRENT.get() == null ? ... : CURRENT.get()}).
   */
  private static boolean sameVariable(ExpressionTree tested, @Nullable ExpressionTree returned) {
    if (returned == null) {
      return false;
    }
    ExpressionTree value = Casts.stripped(returned);
    ExpressionTree test = Casts.stripped(tested);
    Symbol symbol = getSymbol(value);
    if (symbol == null || !symbol.equals(getSymbol(test))) {
      return false;
    }
    if (value instanceof MethodInvocationTree read && test instanceof MethodInvocationTree again) {
      ExpressionTree holder = ASTHelpers.getReceiver(read);
      ExpressionTree sameHolder = ASTHelpers.getReceiver(again);
      return read.getArguments().isEmpty()
          && again.getArguments().isEmpty()
          && (holder == null
              ? sameHolder == null
              : sameHolder != null && getSymbol(holder).equals(getSymbol(sameHolder)));
    }
    return value instanceof IdentifierTree || value instanceof MemberSelectTree;
  }

  /** Whether the method around {@code call}, in this unit, reads {@code holder} itself. */
  private boolean readsAround(Tree call, Symbol holder) {
    TreePath path = TreePath.getPath(unit.tree(), call);
    TreePath method = path == null ? null : TreePaths.enclosingMethod(path);
    if (method == null) {
      return false;
    }
    MethodTree around = (MethodTree) method.getLeaf();
    return readsInMethod
        .computeIfAbsent(around, m -> new HashMap<>())
        .computeIfAbsent(holder, h -> Identifiers.mentions(around.getBody(), h));
  }
}
