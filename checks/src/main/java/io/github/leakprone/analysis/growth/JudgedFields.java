package io.github.leakprone.analysis.growth;

import static com.google.errorprone.util.ASTHelpers.getSymbol;
import static com.google.errorprone.util.ASTHelpers.isStatic;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.util.Context;
import io.github.leakprone.catalog.StaticGrowthCatalog;

/**
 * Whether a class declares a field {@link StaticGrowth} judges: static, of a watched container
 * type, and out of other units' reach. Only a unit with such a field can have a finding, so this
 * cheap look at one class's members decides whether its unit is worth {@link StaticGrowth#analyse}:
 * most units have none, and the analysis walks every line of a unit it is given.
 *
 * <p>Asked of every class of a compilation; the answers about types are kept for the compilation,
 * and the analysis of its units asks them too.
 */
public final class JudgedFields {

  private final StaticGrowthCatalog catalog;
  private Context context;
  private ContainerTypes types;

  public JudgedFields(StaticGrowthCatalog catalog) {
    this.catalog = catalog;
  }

  public boolean declaredIn(ClassTree tree, VisitorState state) {
    for (Tree member : tree.getMembers()) {
      if (member instanceof VariableTree variable) {
        VarSymbol field = getSymbol(variable);
        // Cheapest first: static (a flag; most fields are not), then visibility, then the type
        // question, which is the costly one.
        if (field != null
            && isStatic(field)
            && !StaticGrowth.isVisibleOutsideUnit(field)
            && UnitIndex.isWatchedField(field, types(state))) {
          return true;
        }
      }
    }
    return false;
  }

  StaticGrowthCatalog catalog() {
    return catalog;
  }

  /**
   * One compilation's type answers, which {@link StaticGrowth#analyse} shares: types belong to a
   * compilation, so a new one starts afresh.
   */
  ContainerTypes types(VisitorState state) {
    if (types == null || context != state.context) {
      types = new ContainerTypes(catalog, state);
      context = state.context;
    }
    return types;
  }
}
