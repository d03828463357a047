package io.github.leakprone.analysis.obligation;

import static com.google.errorprone.util.ASTHelpers.getSymbol;

import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import io.github.leakprone.catalog.ContainerStores;
import io.github.leakprone.trees.Identifiers;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import javax.lang.model.element.ElementKind;

/**
 * Local collections that keep what is added to them: created in the body ({@code new
 * ArrayList<>()}) and never used but to add, count, test or clear, or to read what it holds for use
 * when nothing in the method closes what it reads. Nothing in the method takes an element out of
 * one to close it, and the collection itself goes nowhere, so a resource added to it is as lost as
 * one left in a local ({@code for (...) conns.add(ds.getConnection());}). A collection that is
 * returned, passed or stored, or whose elements the method closes, is somebody's to empty: what it
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

  /** Calls that take elements out of the collection, or let them be walked, for use. */
  private static final ImmutableSet<String> READING_CALLS =
      ImmutableSet.of("get", "getOrDefault", "values", "entrySet", "iterator");

  private final Tree body;
  private final VisitorState state;
  private final Predicate<MethodInvocationTree> releases;
  private final Map<Symbol, Boolean> keeping = new HashMap<>();

  /**
   * For {@code body}, whose method or lambda is {@code state}'s path; {@code releases} says which
   * calls release a resource (its receiver, or an argument).
   */
  LocalContainers(Tree body, VisitorState state, Predicate<MethodInvocationTree> releases) {
    this.body = body;
    this.state = state;
    this.releases = releases;
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
    boolean[] read = {false};
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
          if (isReading(getCurrentPath())) {
            read[0] = true;
          } else {
            letGo[0] = true;
          }
        }
        return null;
      }
    }.scan(new TreePath(state.getPath(), body), null);
    // Read only to use what it holds (a statement per SQL, taken out to add a batch), and never to
    // close it: the collection still keeps it (BeetlSQL's updateBatch).
    return fresh[0] && !letGo[0] && (!read[0] || !releasesAnElementOf(local));
  }

  /** Whether the use at {@code use} takes elements out of the collection, or walks them. */
  private static boolean isReading(TreePath use) {
    Tree parent = use.getParentPath().getLeaf();
    if (parent instanceof EnhancedForLoopTree loop && loop.getExpression() == use.getLeaf()) {
      return true;
    }
    return parent instanceof MemberSelectTree select
        && READING_CALLS.contains(select.getIdentifier().toString())
        && use.getParentPath().getParentPath().getLeaf() instanceof MethodInvocationTree call
        && call.getMethodSelect() == select;
  }

  /**
   * Whether the body releases something taken out of {@code local}: a variable of a loop over it or
   * over one of its views, a local given a value read from it, or a value read from it in place
   * ({@code map.get(key).close()}).
   */
  private boolean releasesAnElementOf(Symbol local) {
    Set<Symbol> elements = new HashSet<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitEnhancedForLoop(EnhancedForLoopTree loop, Void unused) {
        if (mentions(loop.getExpression(), local)) {
          elements.add(getSymbol(loop.getVariable()));
        }
        return super.visitEnhancedForLoop(loop, null);
      }

      @Override
      public Void visitVariable(VariableTree variable, Void unused) {
        if (variable.getInitializer() != null && mentions(variable.getInitializer(), local)) {
          elements.add(getSymbol(variable));
        }
        return super.visitVariable(variable, null);
      }

      @Override
      public Void visitAssignment(AssignmentTree assignment, Void unused) {
        if (mentions(assignment.getExpression(), local)) {
          elements.add(getSymbol(assignment.getVariable()));
        }
        return super.visitAssignment(assignment, null);
      }
    }.scan(body, null);
    elements.add(local);
    boolean[] released = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        if (releases.test(call)) {
          ExpressionTree receiver = ASTHelpers.getReceiver(call);
          released[0] |= receiver != null && mentionsAny(receiver, elements);
          for (ExpressionTree argument : call.getArguments()) {
            released[0] |= mentionsAny(argument, elements);
          }
        }
        return super.visitMethodInvocation(call, null);
      }
    }.scan(body, null);
    return released[0];
  }

  private static boolean mentions(Tree tree, Symbol symbol) {
    return Identifiers.anyIn(tree, symbol::equals);
  }

  private static boolean mentionsAny(Tree tree, Set<Symbol> symbols) {
    return Identifiers.anyIn(tree, symbols::contains);
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
