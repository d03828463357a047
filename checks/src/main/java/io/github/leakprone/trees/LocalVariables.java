package io.github.leakprone.trees;

import static com.google.errorprone.util.ASTHelpers.getSymbol;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javax.lang.model.element.ElementKind;

/** Questions about local variables that only their enclosing method body can answer. */
public final class LocalVariables {

  /** Whether {@code symbol} is a local variable or a parameter of the method it is seen in. */
  public static boolean isLocalOrParameter(Symbol symbol) {
    return symbol != null
        && (symbol.getKind() == ElementKind.LOCAL_VARIABLE
            || symbol.getKind() == ElementKind.PARAMETER);
  }

  /**
   * The initializer of local {@code symbol} if that is the only value it ever holds: declared with
   * an initializer and never assigned again.
   */
  public static Optional<ExpressionTree> soleInitializer(Symbol symbol, VisitorState state) {
    return soleInitializer(symbol, state.getPath());
  }

  /**
   * As {@link #soleInitializer(Symbol, VisitorState)}, for {@code symbol} seen at {@code where}.
   */
  public static Optional<ExpressionTree> soleInitializer(Symbol symbol, TreePath where) {
    if (!(symbol instanceof VarSymbol var) || var.getKind() != ElementKind.LOCAL_VARIABLE) {
      return Optional.empty();
    }
    Tree body = enclosingMethodOrClass(where);
    return body == null ? Optional.empty() : Optional.ofNullable(soleInitializers(body).get(var));
  }

  /**
   * The locals of {@code body} declared with an initializer and never assigned again, each with
   * that initializer: the only value each ever holds. One pass over the body for all of them.
   */
  public static Map<Symbol, ExpressionTree> soleInitializers(Tree body) {
    Map<Symbol, ExpressionTree> initializers = new HashMap<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree tree, Void unused) {
        Symbol symbol = getSymbol(tree);
        if (tree.getInitializer() != null && symbol.getKind() == ElementKind.LOCAL_VARIABLE) {
          initializers.put(symbol, tree.getInitializer());
        }
        return super.visitVariable(tree, null);
      }
    }.scan(body, null);
    initializers.keySet().removeAll(assignedIn(body));
    return initializers;
  }

  /** Every value {@code body} stores in local {@code var}: its initializer and each {@code =}. */
  public static List<ExpressionTree> storedValues(Symbol var, Tree body) {
    List<ExpressionTree> values = new ArrayList<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree tree, Void unused) {
        if (tree.getInitializer() != null && var.equals(getSymbol(tree))) {
          values.add(tree.getInitializer());
        }
        return super.visitVariable(tree, null);
      }

      @Override
      public Void visitAssignment(AssignmentTree tree, Void unused) {
        if (var.equals(getSymbol(tree.getVariable()))) {
          values.add(tree.getExpression());
        }
        return super.visitAssignment(tree, null);
      }
    }.scan(body, null);
    return values;
  }

  /** The declaration of local {@code var} inside {@code body}. */
  public static Optional<VariableTree> declaration(VarSymbol var, Tree body) {
    VariableTree[] found = new VariableTree[1];
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree tree, Void unused) {
        if (getSymbol(tree) == var) {
          found[0] = tree;
        }
        return super.visitVariable(tree, null);
      }
    }.scan(body, null);
    return Optional.ofNullable(found[0]);
  }

  /** The variables declared inside {@code body}, in nested blocks and lambdas too. */
  public static Set<Symbol> declaredIn(Tree body) {
    Set<Symbol> declared = new HashSet<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree tree, Void unused) {
        Symbol symbol = getSymbol(tree);
        if (symbol != null) {
          declared.add(symbol);
        }
        return super.visitVariable(tree, null);
      }

      @Override
      public Void visitClass(ClassTree tree, Void unused) {
        return null; // a local class's fields and locals are not the body's
      }
    }.scan(body, null);
    return declared;
  }

  /** Whether {@code var} is assigned anywhere in {@code body} after its declaration. */
  public static boolean isAssigned(VarSymbol var, Tree body) {
    return assignedIn(body).contains(var);
  }

  /**
   * The variables that {@code body} assigns after their declaration, with {@code =} or a compound
   * assignment such as {@code +=}.
   */
  public static Set<Symbol> assignedIn(Tree body) {
    Set<Symbol> assigned = new HashSet<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitAssignment(AssignmentTree tree, Void unused) {
        addTarget(tree.getVariable());
        return super.visitAssignment(tree, null);
      }

      @Override
      public Void visitCompoundAssignment(CompoundAssignmentTree tree, Void unused) {
        addTarget(tree.getVariable());
        return super.visitCompoundAssignment(tree, null);
      }

      private void addTarget(ExpressionTree variable) {
        Symbol target = getSymbol(variable);
        if (target != null) {
          assigned.add(target);
        }
      }
    }.scan(body, null);
    return assigned;
  }

  /** The variables that {@code body} increments or decrements ({@code n++}, {@code --n}). */
  public static Set<Symbol> steppedIn(Tree body) {
    Set<Symbol> stepped = new HashSet<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitUnary(UnaryTree tree, Void unused) {
        switch (tree.getKind()) {
          case PREFIX_INCREMENT, POSTFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_DECREMENT -> {
            Symbol target = getSymbol(tree.getExpression());
            if (target != null) {
              stepped.add(target);
            }
          }
          default -> {}
        }
        return super.visitUnary(tree, null);
      }
    }.scan(body, null);
    return stepped;
  }

  /**
   * The variables that {@code body} sets to {@code null} after their declaration where the value
   * may still be read: a store of {@code null} that a read of the variable follows in the text, or
   * one inside a loop (whose next pass reads it again). A last store, after which nothing reads the
   * variable (bboss's {@code con = null} at the end of the {@code finally} that closed it), is
   * none.
   */
  public static Set<Symbol> nulledBeforeARead(Tree body) {
    Map<Symbol, Integer> firstNulled = new HashMap<>();
    Set<Symbol> nulledInALoop = new HashSet<>();
    new TreeScanner<Void, Void>() {
      private int loops;

      @Override
      public Void visitAssignment(AssignmentTree tree, Void unused) {
        Symbol target = getSymbol(tree.getVariable());
        if (target != null && NullLiterals.isNull(tree.getExpression())) {
          firstNulled.merge(target, ASTHelpers.getStartPosition(tree), Math::min);
          if (loops > 0) {
            nulledInALoop.add(target);
          }
        }
        return super.visitAssignment(tree, null);
      }

      @Override
      public Void scan(Tree tree, Void unused) {
        boolean loop = Loops.isLoop(tree);
        loops += loop ? 1 : 0;
        try {
          return super.scan(tree, null);
        } finally {
          loops -= loop ? 1 : 0;
        }
      }
    }.scan(body, null);
    Set<Symbol> nulled = new HashSet<>(nulledInALoop);
    forEachRead(
        body,
        read -> {
          Symbol variable = getSymbol(read);
          Integer nulledAt = variable == null ? null : firstNulled.get(variable);
          if (nulledAt != null && ASTHelpers.getStartPosition(read) > nulledAt) {
            nulled.add(variable);
          }
        });
    return nulled;
  }

  /**
   * How many times {@code body} reads {@code var}: its uses other than as the target of a plain
   * {@code =} (a compound assignment such as {@code +=} reads it too).
   */
  public static int readsIn(Symbol var, Tree body) {
    int[] reads = {0};
    forEachRead(
        body,
        read -> {
          if (read instanceof IdentifierTree && getSymbol(read) == var) {
            reads[0]++;
          }
        });
    return reads[0];
  }

  /**
   * Hands {@code reader} every name in {@code body} that reads a variable or field: identifiers and
   * member selects, less the targets of plain {@code =}, which store rather than read.
   */
  public static void forEachRead(Tree body, Consumer<ExpressionTree> reader) {
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitAssignment(AssignmentTree tree, Void unused) {
        if (!(tree.getVariable() instanceof IdentifierTree)) {
          scan(tree.getVariable(), null);
        }
        return scan(tree.getExpression(), null);
      }

      @Override
      public Void visitIdentifier(IdentifierTree tree, Void unused) {
        reader.accept(tree);
        return null;
      }

      @Override
      public Void visitMemberSelect(MemberSelectTree tree, Void unused) {
        reader.accept(tree);
        return super.visitMemberSelect(tree, null);
      }
    }.scan(body, null);
  }

  /**
   * The method or class that most closely encloses {@code path}'s leaf: the smallest tree sure to
   * hold the declaration of every local the leaf can see (lambdas are skipped, since they capture).
   */
  public static Tree enclosingMethodOrClass(TreePath path) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof MethodTree || leaf instanceof ClassTree) {
        return leaf;
      }
    }
    return null;
  }

  private LocalVariables() {}
}
