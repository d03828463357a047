package io.github.leakprone.trees;

import static com.google.errorprone.util.ASTHelpers.getSymbol;

import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Symbol;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every use of every variable in one body, found in a single scan: fixes for many findings in one
 * method then cost the uses of their own variable, not a scan of the method each.
 */
public final class LocalUses {

  private final Map<Symbol, List<TreePath>> uses = new HashMap<>();
  private final Set<Symbol> assigned;
  private final Map<Tree, TreePath> paths = new HashMap<>();

  private LocalUses(Set<Symbol> assigned) {
    this.assigned = assigned;
  }

  /**
   * Indexes the body at {@code bodyPath}; {@code wanted} are trees whose paths the caller will ask
   * for ({@link #pathOf}).
   */
  public static LocalUses of(TreePath bodyPath, Set<? extends Tree> wanted) {
    LocalUses index = new LocalUses(LocalVariables.assignedIn(bodyPath.getLeaf()));
    new TreePathScanner<Void, Void>() {
      @Override
      public Void scan(Tree tree, Void unused) {
        if (tree != null && wanted.contains(tree)) {
          index.paths.put(tree, new TreePath(getCurrentPath(), tree));
        }
        return super.scan(tree, null);
      }

      @Override
      public Void visitIdentifier(IdentifierTree tree, Void unused) {
        Symbol symbol = getSymbol(tree);
        if (symbol != null) {
          index.uses.computeIfAbsent(symbol, s -> new ArrayList<>()).add(getCurrentPath());
        }
        return null;
      }
    }.scan(bodyPath, null);
    // The scan starts at the body's children: an expression lambda's body may itself be wanted.
    if (wanted.contains(bodyPath.getLeaf())) {
      index.paths.put(bodyPath.getLeaf(), bodyPath);
    }
    return index;
  }

  /** The identifiers that read or write {@code symbol}, in source order. */
  public List<TreePath> usesOf(Symbol symbol) {
    return uses.getOrDefault(symbol, List.of());
  }

  /** Whether {@code symbol} is assigned after its declaration. */
  public boolean isAssigned(Symbol symbol) {
    return assigned.contains(symbol);
  }

  /** The path to {@code tree}, one of the trees asked for when indexing, or null. */
  public TreePath pathOf(Tree tree) {
    return paths.get(tree);
  }
}
