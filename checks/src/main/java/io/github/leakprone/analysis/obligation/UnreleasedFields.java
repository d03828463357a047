package io.github.leakprone.analysis.obligation;

import static com.google.errorprone.util.ASTHelpers.getSymbol;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import io.github.leakprone.catalog.ResourceSpec;
import io.github.leakprone.trees.LocalVariables;
import io.github.leakprone.trees.NullComparisons;
import io.github.leakprone.trees.TreePaths;
import io.github.leakprone.trees.UnitCalls;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import javax.annotation.Nullable;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;

/**
 * The private instance fields of a compilation unit that no code lets go of: every use of one
 * stores into it, calls a method on it that does not release it, or compares it with null. A
 * resource stored in such a field is never closed by anyone: its class alone can reach it, and does
 * not close it, return it, pass it on or copy it anywhere. (A field that is not private may be
 * closed by a subclass or a neighbour in the package: its class is not the whole story.)
 */
final class UnreleasedFields {

  private final CompilationUnitTree unit;
  private final ResourceSpec spec;
  private final VisitorState state;
  private final SessionFields sessions;
  private Set<Symbol> lettingGo;
  private Map<Symbol, List<TreePath>> letGoAt;
  private final UnitCalls calls;

  UnreleasedFields(
      CompilationUnitTree unit, ResourceSpec spec, ReleasingCalls releasing, VisitorState state) {
    this.unit = unit;
    this.spec = spec;
    this.state = state;
    this.sessions = new SessionFields(spec, releasing, state);
    this.calls = new UnitCalls(unit);
  }

  /** Whether {@code field} is a private instance field that no code of the unit lets go of. */
  boolean neverLetGo(Symbol field) {
    if (field.getKind() != ElementKind.FIELD
        || !field.getModifiers().contains(Modifier.PRIVATE)
        || ASTHelpers.isStatic(field)) {
      return false;
    }
    if (lettingGo == null) {
      lettingGo = fieldsLetGo();
    }
    return !lettingGo.contains(field);
  }

  /**
   * Whether {@code field}'s object keeps it until the program ends: a thread that serves until then
   * ({@link ServingThreads}). Asked only of a field that would be reported.
   */
  boolean heldUntilTheProgramEnds(Symbol field) {
    return ServingThreads.servesUntilTheProgramEnds(field.owner, state);
  }

  /**
   * Whether what {@code site} made, kept in {@code field}, goes when the object ends a session it
   * holds in another ({@link SessionFields}): its statements of the connection it opened and
   * closes.
   */
  boolean goesWithItsSession(Tree site, Symbol field) {
    return sessions.madeOfAnEndedSession(site, field);
  }

  /**
   * The field of the object that the resource acquired at {@code site}, kept in {@code field}, was
   * made of, where the class closes that one ({@link SessionFields#parentItsClassCloses}).
   */
  @Nullable
  Symbol closedParent(Tree site, Symbol field) {
    return sessions.parentItsClassCloses(site, field);
  }

  /**
   * Whether {@code field} is a private instance field that only the methods storing into it let go
   * of, each after a store that runs first on every path ({@link #storedBefore}), {@code method}
   * among them: each opens it, uses it and closes it, as it would a local, and no other code of the
   * unit (nor a lambda or class inside such a method, which may run later) closes, returns, passes
   * on or copies it. What a path of such a method leaves in it, nothing releases (HAPI's message ID
   * generator keeps its id file's writer in a field only while {@code getNewID()} writes it: a
   * failed write leaves it open).
   */
  boolean letGoOnlyAfterStores(Symbol field, TreePath method) {
    if (field.getKind() != ElementKind.FIELD
        || !field.getModifiers().contains(Modifier.PRIVATE)
        || ASTHelpers.isStatic(field)
        || !(method.getLeaf() instanceof MethodTree)
        || !LocalVariables.assignedIn(((MethodTree) method.getLeaf()).getBody()).contains(field)) {
      return false;
    }
    if (letGoAt == null) {
      letGoAt = new HashMap<>();
      scanUses(
          symbol -> false,
          (symbol, use) -> letGoAt.computeIfAbsent(symbol, k -> new ArrayList<>()).add(use));
    }
    List<TreePath> uses = letGoAt.get(field);
    if (uses == null) {
      return false;
    }
    Set<MethodSymbol> users = new HashSet<>();
    for (TreePath use : uses) {
      TreePath enclosing = TreePaths.enclosingMethodOrLambda(use);
      if (enclosing == null
          || !(enclosing.getLeaf() instanceof MethodTree user)
          || !storedBefore(field, use)) {
        return false;
      }
      users.add(getSymbol(user));
    }
    // A method that lets go of the field after calling this one may release what it left there
    // (the incident's save(), whose finally closes the statement its recursive subSave() stored).
    return !calls.reachFrom(users).contains(getSymbol((MethodTree) method.getLeaf()));
  }

  /**
   * Whether a statement {@code field = ...} runs before {@code use} on every path to it: an earlier
   * statement of a block around the use, in the method (a store inside a branch, a loop or a {@code
   * try} body is no statement of such a block, and may not run: box-java-sdk's {@code disconnect()}
   * stores a stream only {@code if (rawInputStream == null)}, and then closes what another method
   * stored).
   */
  private static boolean storedBefore(Symbol field, TreePath use) {
    for (TreePath statement = use;
        statement.getParentPath() != null && !(statement.getLeaf() instanceof MethodTree);
        statement = statement.getParentPath()) {
      if (statement.getParentPath().getLeaf() instanceof BlockTree block) {
        int index = block.getStatements().indexOf(statement.getLeaf());
        for (int i = 0; i < index; i++) {
          if (isStore(block.getStatements().get(i), field)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static boolean isStore(StatementTree statement, Symbol field) {
    return statement instanceof ExpressionStatementTree expression
        && expression.getExpression() instanceof AssignmentTree assignment
        && getSymbol(assignment.getVariable()) == field;
  }

  private Set<Symbol> fieldsLetGo() {
    Set<Symbol> letGo = new HashSet<>();
    scanUses(letGo::contains, (symbol, use) -> letGo.add(symbol));
    return letGo;
  }

  /**
   * Gives {@code letGo} every use of a field in the unit that lets go of it, with its path; the
   * uses of a field {@code known} already answers are not read.
   */
  private void scanUses(Predicate<Symbol> known, BiConsumer<Symbol, TreePath> letGo) {
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree identifier, Void unused) {
        note(identifier);
        return null;
      }

      @Override
      public Void visitMemberSelect(MemberSelectTree select, Void unused) {
        note(select);
        return super.visitMemberSelect(select, null);
      }

      private void note(ExpressionTree use) {
        Symbol symbol = getSymbol(use);
        if (symbol != null
            && symbol.getKind() == ElementKind.FIELD
            && !known.test(symbol)
            && !keeps(getCurrentPath())) {
          letGo.accept(symbol, getCurrentPath());
        }
      }
    }.scan(unit, null);
  }

  /**
   * Whether the field used at {@code use} is stored into, used in place (also through a view of it,
   * {@code handle.socket().bind(address)}), or tested for null.
   */
  private boolean keeps(TreePath use) {
    Tree leaf = use.getLeaf();
    Tree parent = use.getParentPath().getLeaf();
    if (parent instanceof AssignmentTree assignment) {
      return assignment.getVariable() == leaf;
    }
    if (parent instanceof BinaryTree comparison) {
      return NullComparisons.nullTest(comparison) != null;
    }
    if (parent instanceof MemberSelectTree select
        && use.getParentPath().getParentPath().getLeaf() instanceof MethodInvocationTree call
        && call.getMethodSelect() == select) {
      MethodSymbol method = getSymbol(call);
      if (method != null && spec.isView(method, state)) {
        // handle.socket().close(): what becomes of the view becomes of the field's resource.
        return keeps(use.getParentPath().getParentPath());
      }
      return method != null && !spec.isRelease(method, state);
    }
    return false;
  }
}
