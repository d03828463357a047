package io.github.leakprone.analysis.obligation;

import static com.google.errorprone.util.ASTHelpers.getSymbol;

import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Symbol;
import io.github.leakprone.catalog.ContainerStores;
import java.util.HashMap;
import java.util.Map;
import javax.lang.model.element.ElementKind;

/**
 * Local collections that keep what is added to them: created in the body ({@code new
 * ArrayList<>()}) and never used but to add, count, test or clear. Nothing in the method takes an
 * element out of one to close it, and the collection itself goes nowhere, so a resource added to it
 * is as lost as one left in a local ({@code for (...) conns.add(ds.getConnection());}). A
 * collection that is iterated, read, returned, passed or stored is somebody's to empty: what it
 * holds is handed over.
 */
final class LocalContainers {

  /** Calls on the collection that neither take an element out nor let the collection go. */
  private static final ImmutableSet<String> KEEPING_CALLS =
      ImmutableSet.of(
          "add",
          "addAll",
          "addFirst",
          "addLast",
          "offer",
          "offerFirst",
          "offerLast",
          "push",
          "put",
          "putIfAbsent",
          "size",
          "isEmpty",
          "contains",
          "containsKey",
          "containsValue",
          "clear");

  private final Tree body;
  private final VisitorState state;
  private final Map<Symbol, Boolean> keeping = new HashMap<>();

  /** For {@code body}, whose method or lambda is {@code state}'s path. */
  LocalContainers(Tree body, VisitorState state) {
    this.body = body;
    this.state = state;
  }

  /**
   * Whether {@code call} adds its argument to a local collection of this body that keeps it: the
   * collection's variable, or {@code null}.
   */
  Symbol keeperOf(MethodInvocationTree call) {
    if (!ContainerStores.storesArgument(call, state)
        || !(call.getMethodSelect() instanceof MemberSelectTree select)
        || !(select.getExpression() instanceof IdentifierTree receiver)) {
      return null;
    }
    Symbol local = getSymbol(receiver);
    if (local == null || local.getKind() != ElementKind.LOCAL_VARIABLE) {
      return null;
    }
    return keeping.computeIfAbsent(local, this::keepsWhatItHolds) ? local : null;
  }

  /** Whether {@code local} was found to be a collection that keeps what is added to it. */
  boolean isKeeper(Symbol local) {
    return keeping.getOrDefault(local, false);
  }

  private boolean keepsWhatItHolds(Symbol local) {
    boolean[] fresh = {false};
    boolean[] letGo = {false};
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree variable, Void unused) {
        if (getSymbol(variable) == local) {
          fresh[0] =
              variable.getInitializer() instanceof NewClassTree created
                  && created.getClassBody() == null;
        }
        return super.visitVariable(variable, null);
      }

      @Override
      public Void visitIdentifier(IdentifierTree identifier, Void unused) {
        if (getSymbol(identifier) == local && !isKeepingCall(getCurrentPath())) {
          letGo[0] = true;
        }
        return null;
      }
    }.scan(new TreePath(state.getPath(), body), null);
    return fresh[0] && !letGo[0];
  }

  /** Whether the use at {@code use} is the receiver of a call that keeps what it holds. */
  private static boolean isKeepingCall(TreePath use) {
    TreePath selectPath = use.getParentPath();
    if (!(selectPath.getLeaf() instanceof MemberSelectTree select)
        || !KEEPING_CALLS.contains(select.getIdentifier().toString())) {
      return false;
    }
    TreePath callPath = selectPath.getParentPath();
    if (!(callPath.getLeaf() instanceof MethodInvocationTree call)
        || call.getMethodSelect() != select) {
      return false;
    }
    // put and putIfAbsent return the value they replace: used, an element is taken out.
    return !select.getIdentifier().toString().startsWith("put")
        || callPath.getParentPath().getLeaf() instanceof ExpressionStatementTree;
  }
}
