package io.github.leakprone.trees;

import static com.google.errorprone.util.ASTHelpers.getType;
import static com.google.errorprone.util.ASTHelpers.isSwitchDefault;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Type;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.ElementKind;

/**
 * Switches over an enum whose cases name every constant: no selector value leaves them for the
 * {@code default} (its {@code throw new AssertionError()} or "unknown type" exception guards
 * against a constant added later, which nobody counts as a path of today's code), nor skips every
 * case.
 */
public final class EnumSwitches {

  /** Whether the cases of {@code switchTree} other than its default name every enum constant. */
  public static boolean coversEveryConstant(SwitchTree switchTree) {
    Type type = getType(switchTree.getExpression());
    if (type == null || type.tsym == null || type.tsym.getKind() != ElementKind.ENUM) {
      return false;
    }
    Set<String> named = new HashSet<>();
    for (CaseTree caseTree : switchTree.getCases()) {
      for (ExpressionTree label : caseTree.getExpressions()) {
        if (label instanceof IdentifierTree identifier) {
          named.add(identifier.getName().toString());
        } else if (label instanceof MemberSelectTree select) {
          named.add(select.getIdentifier().toString());
        }
      }
    }
    return named.containsAll(ASTHelpers.enumValues(type.tsym));
  }

  /**
   * Whether the {@code default} of {@code switchTree} can run: it cannot when the other cases name
   * every constant and nothing falls into it from the case before.
   */
  public static boolean defaultRuns(SwitchTree switchTree, CaseTree defaultCase) {
    if (!isSwitchDefault(defaultCase)
        || !defaultCase.getExpressions().isEmpty()
        || !coversEveryConstant(switchTree)) {
      return true;
    }
    List<? extends CaseTree> cases = switchTree.getCases();
    int index = cases.indexOf(defaultCase);
    if (index <= 0 || defaultCase.getCaseKind() == CaseTree.CaseKind.RULE) {
      return false;
    }
    List<? extends StatementTree> before = cases.get(index - 1).getStatements();
    return before == null || before.isEmpty() || !jumps(before.get(before.size() - 1));
  }

  private static boolean jumps(Tree statement) {
    return statement instanceof BreakTree
        || statement instanceof ContinueTree
        || statement instanceof ReturnTree
        || statement instanceof ThrowTree;
  }

  private EnumSwitches() {}
}
