package io.github.leakprone.analysis.growth;

import com.google.common.collect.ImmutableList;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import io.github.leakprone.catalog.LifecyclePair;
import java.util.Optional;

/**
 * A static container that grows where nothing takes its entries out again.
 *
 * @param field the static field
 * @param growth the growth call the finding sits on
 * @param grewIn where the growth runs, as messages name it ({@code onOpen}, {@code Foo's
 *     constructor}, {@code a static initializer})
 * @param onlyNewValues whether the code there adds only values the field does not hold yet ({@code
 *     if (!LIST.contains(x)) LIST.add(x)}): it grows with each new value, not on every call
 * @param opening for a lifecycle leak, the open method and what should have closed it
 * @param shrinksIn the methods that do remove from the field, none of them on the path that should
 * @param direct for growth straight on the field, what undoes it (used by the fix)
 */
public record UnremovedGrowth(
    Kind kind,
    VarSymbol field,
    TreePath growth,
    String grewIn,
    boolean onlyNewValues,
    Optional<Opening> opening,
    ImmutableList<String> shrinksIn,
    Optional<DirectGrowth> direct) {

  public enum Kind {
    /** Growth in an open method whose close partner exists but never removes from the field. */
    PARTNER_FORGETS,
    /** Growth in an open method whose class lacks the close partner the framework would call. */
    NO_PARTNER,
    /** Growth in per-call code, and no removal anywhere in the compilation unit. */
    NEVER_SHRINKS
  }

  /**
   * The lifecycle a leak belongs to.
   *
   * @param open the open method, which is or calls the method that grows the field
   * @param pair the lifecycle pair
   * @param annotationIndex which of the open side's annotations the method carries (0 for names),
   *     so that a created partner uses the matching close annotation (javax or jakarta)
   * @param capture what {@code *} stands for in a name pair ({@code add*Listener})
   * @param partners the close methods present, none of which removes from the field
   */
  public record Opening(
      TreePath open,
      LifecyclePair pair,
      int annotationIndex,
      String capture,
      ImmutableList<TreePath> partners) {

    public MethodTree openMethod() {
      return (MethodTree) open.getLeaf();
    }
  }
}
