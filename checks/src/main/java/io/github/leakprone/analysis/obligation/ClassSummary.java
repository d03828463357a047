package io.github.leakprone.analysis.obligation;

import static com.google.errorprone.util.ASTHelpers.getReceiver;
import static com.google.errorprone.util.ASTHelpers.getSymbol;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import io.github.leakprone.catalog.ResourceSpec;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ElementKind;

/**
 * What the methods of one class do to resources beyond their own bodies, found by reading the whole
 * class once: which fields each method overwrites (through the methods it calls, recursion
 * included), and which parameters each method closes. These let the per-method analysis follow a
 * resource into a call without analysing across methods.
 */
public final class ClassSummary {

  private final Map<MethodSymbol, Set<Symbol>> fieldsWritten;
  private final Map<MethodSymbol, Set<Integer>> closedParameters;

  private ClassSummary(
      Map<MethodSymbol, Set<Symbol>> fieldsWritten,
      Map<MethodSymbol, Set<Integer>> closedParameters) {
    this.fieldsWritten = fieldsWritten;
    this.closedParameters = closedParameters;
  }

  /** The fields of this class that a call to {@code method} may overwrite. */
  public Set<Symbol> fieldsWrittenBy(MethodSymbol method) {
    return fieldsWritten.getOrDefault(method, Set.of());
  }

  /** The positions of the parameters that {@code method} releases somewhere in its body. */
  public Set<Integer> parametersClosedBy(MethodSymbol method) {
    return closedParameters.getOrDefault(method, Set.of());
  }

  /** Reads {@code classTree}'s methods (not those of nested classes, which have their own fields). */
  public static ClassSummary of(ClassTree classTree, ResourceSpec spec, VisitorState state) {
    Map<MethodSymbol, Set<Symbol>> directWrites = new HashMap<>();
    Map<MethodSymbol, Set<MethodSymbol>> calls = new HashMap<>();
    Map<MethodSymbol, Set<Integer>> closedParameters = new HashMap<>();
    for (Tree member : classTree.getMembers()) {
      if (!(member instanceof MethodTree method) || method.getBody() == null) {
        continue;
      }
      MethodSymbol symbol = getSymbol(method);
      List<? extends VarSymbol> parameters = symbol.getParameters();
      Set<Symbol> writes = new HashSet<>();
      Set<MethodSymbol> callees = new HashSet<>();
      Set<Integer> closed = new HashSet<>();
      new TreeScanner<Void, Void>() {
        @Override
        public Void visitClass(ClassTree nested, Void unused) {
          return null; // a nested or anonymous class's code runs on its own schedule
        }

        @Override
        public Void visitAssignment(AssignmentTree tree, Void unused) {
          Symbol target = getSymbol(tree.getVariable());
          if (isOwnField(tree.getVariable(), target)) {
            writes.add(target);
          }
          return super.visitAssignment(tree, null);
        }

        @Override
        public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
          MethodSymbol callee = getSymbol(tree);
          ExpressionTree receiver = getReceiver(tree);
          if (callee.owner == symbol.owner && isThisOrImplicit(receiver)) {
            callees.add(callee);
          }
          if (spec.isRelease(callee, state) && receiver != null) {
            record(receiver);
          }
          for (int i : spec.releasedArguments(tree, state)) {
            if (i < tree.getArguments().size()) {
              record(tree.getArguments().get(i));
            }
          }
          return super.visitMethodInvocation(tree, null);
        }

        @Override
        public Void visitTry(TryTree tree, Void unused) {
          for (Tree resource : tree.getResources()) {
            if (resource instanceof ExpressionTree expression) {
              record(expression); // Java 9's try (parameter) { ... } closes it
            }
          }
          return super.visitTry(tree, null);
        }

        private void record(ExpressionTree released) {
          ExpressionTree value = released;
          while (value instanceof TypeCastTree || value instanceof ParenthesizedTree) {
            value =
                value instanceof TypeCastTree cast
                    ? cast.getExpression()
                    : ((ParenthesizedTree) value).getExpression();
          }
          int parameter = parameters.indexOf(getSymbol(value));
          if (parameter >= 0) {
            closed.add(parameter);
          }
        }
      }.scan(method.getBody(), null);
      directWrites.put(symbol, writes);
      calls.put(symbol, callees);
      if (!closed.isEmpty()) {
        closedParameters.put(symbol, closed);
      }
    }
    return new ClassSummary(transitiveWrites(directWrites, calls), closedParameters);
  }

  /** Each method's writes plus those of every method it calls, to a fixpoint (recursion included). */
  private static Map<MethodSymbol, Set<Symbol>> transitiveWrites(
      Map<MethodSymbol, Set<Symbol>> direct, Map<MethodSymbol, Set<MethodSymbol>> calls) {
    Map<MethodSymbol, Set<Symbol>> all = new HashMap<>();
    direct.forEach((method, writes) -> all.put(method, new HashSet<>(writes)));
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Map.Entry<MethodSymbol, Set<MethodSymbol>> entry : calls.entrySet()) {
        Set<Symbol> writes = all.get(entry.getKey());
        for (MethodSymbol callee : entry.getValue()) {
          changed |= writes.addAll(all.getOrDefault(callee, Set.of()));
        }
      }
    }
    return all;
  }

  /** A field of the object or class being analysed, named plainly or through {@code this.}. */
  static boolean isOwnField(ExpressionTree tree, Symbol symbol) {
    if (!(symbol instanceof VarSymbol) || symbol.getKind() != ElementKind.FIELD) {
      return false;
    }
    return tree instanceof IdentifierTree
        || (tree instanceof MemberSelectTree select && isThisOrImplicit(select.getExpression()));
  }

  static boolean isThisOrImplicit(ExpressionTree receiver) {
    return receiver == null
        || (receiver instanceof IdentifierTree identifier
            && identifier.getName().contentEquals("this"));
  }
}
