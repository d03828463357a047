package io.github.leakprone.analysis.obligation;

import static com.google.errorprone.util.ASTHelpers.getSymbol;

import com.google.common.collect.ImmutableSet;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import io.github.leakprone.trees.Casts;
import io.github.leakprone.trees.LocalVariables;
import io.github.leakprone.trees.TreePaths;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Conversions between {@code URL}s, {@code URI}s and files that cannot fail where a method makes
 * them. They compute their result from their operands alone, so one fails only on a value it
 * rejects:
 *
 * <ul>
 *   <li>a file's URI made into a URL ({@code new File(e).toURI().toURL()}, {@code
 *       path.toUri().toURL()}, {@code file.toURL()}) has the scheme {@code file}, whose handler
 *       every platform has, and is absolute: its {@code MalformedURLException} never comes (Maven
 *       Surefire's class path, which adds each element's URL to the class loader it has just made);
 *   <li>a conversion the method has already made of the same values, in an earlier statement that
 *       runs whenever the later one does, succeeded then and gives the same answer again (Log4j's
 *       {@code ConfigurationSource}, which opens a stream on {@code configLocation.toURL()} and
 *       hands it on with {@code configLocation.toURL()} once more).
 * </ul>
 *
 * Neither is a path: the two findings of the evaluation that named such a failure were FALSE.
 */
final class UrlConversions {

  /** The conversions of the second kind, by owner: each computes from its operands alone. */
  private static final ImmutableSet<String> CONVERSIONS =
      ImmutableSet.of("java.net.URI#toURL", "java.net.URL#toURI", "java.net.URL#<init>");

  /** The simple names of the methods above: asked first, as most calls have none of them. */
  private static final ImmutableSet<String> NAMES = ImmutableSet.of("toURL", "toURI", "<init>");

  private final TreePath method;

  /** The locals and parameters the body assigns, read on the first question about one. */
  private Set<Symbol> assigned;

  /** {@code method}: the path of the method or lambda whose body is analysed. */
  UrlConversions(TreePath method) {
    this.method = method;
  }

  /** Whether {@code call}, a method or constructor call of the body, cannot fail where it is. */
  boolean cannotFail(ExpressionTree call) {
    Symbol symbol = getSymbol(call);
    if (!(symbol instanceof MethodSymbol called)
        || !NAMES.contains(called.getSimpleName().toString())) {
      return false; // nearly every call: the owner's name is not made
    }
    String name = called.owner.getQualifiedName() + "#" + called.getSimpleName();
    if (name.equals("java.io.File#toURL")) {
      return true;
    }
    if (name.equals("java.net.URI#toURL")
        && isFileUri(Casts.stripped(ASTHelpers.getReceiver(call)))) {
      return true;
    }
    return CONVERSIONS.contains(name) && madeBefore(call, called);
  }

  /** {@code file.toURI()}, {@code path.toUri()}, or a local only ever set to one. */
  private boolean isFileUri(ExpressionTree value) {
    if (value instanceof IdentifierTree
        && getSymbol(value) instanceof VarSymbol local
        && LocalVariables.isLocalOrParameter(local)) {
      Optional<ExpressionTree> initializer = LocalVariables.soleInitializer(local, method);
      return initializer.isPresent() && isFileUriCall(Casts.stripped(initializer.get()));
    }
    return isFileUriCall(value);
  }

  private static boolean isFileUriCall(ExpressionTree value) {
    if (!(value instanceof MethodInvocationTree call) || !call.getArguments().isEmpty()) {
      return false;
    }
    MethodSymbol made = getSymbol(call);
    if (made == null) {
      return false;
    }
    String name = made.owner.getQualifiedName() + "#" + made.getSimpleName();
    return name.equals("java.io.File#toURI") || name.equals("java.nio.file.Path#toUri");
  }

  /**
   * Whether the body makes the same conversion of the same values in a statement before the one
   * that runs {@code call}, of a block around both, where nothing but the expression's own
   * evaluation stands between that statement and the earlier call.
   */
  private boolean madeBefore(ExpressionTree call, MethodSymbol called) {
    List<ExpressionTree> operands = operandsOf(call);
    if (operands == null || !operands.stream().allMatch(this::keepsItsValue)) {
      return false;
    }
    for (ExpressionTree earlier : sameCallsIn(method.getLeaf(), called)) {
      if (earlier != call
          && sameValues(operandsOf(earlier), operands)
          && runsBefore(earlier, call)) {
        return true;
      }
    }
    return false;
  }

  /** The receiver (if any) and arguments of a call; null for one whose receiver is implicit. */
  private static List<ExpressionTree> operandsOf(ExpressionTree call) {
    List<ExpressionTree> operands = new ArrayList<>();
    if (call instanceof MethodInvocationTree invocation) {
      ExpressionTree receiver = ASTHelpers.getReceiver(invocation);
      if (receiver == null) {
        return null;
      }
      operands.add(Casts.stripped(receiver));
      invocation.getArguments().forEach(argument -> operands.add(Casts.stripped(argument)));
    } else if (call instanceof NewClassTree made && made.getClassBody() == null) {
      made.getArguments().forEach(argument -> operands.add(Casts.stripped(argument)));
    } else {
      return null;
    }
    return operands;
  }

  /** A constant, or a local or parameter the body never assigns after its declaration. */
  private boolean keepsItsValue(ExpressionTree operand) {
    if (ASTHelpers.constValue(operand) != null) {
      return true;
    }
    if (!(operand instanceof IdentifierTree)
        || !(getSymbol(operand) instanceof VarSymbol variable)
        || !LocalVariables.isLocalOrParameter(variable)) {
      return false;
    }
    if (assigned == null) {
      assigned = LocalVariables.assignedIn(method.getLeaf());
    }
    return !assigned.contains(variable);
  }

  private static boolean sameValues(List<ExpressionTree> left, List<ExpressionTree> right) {
    if (left == null || left.size() != right.size()) {
      return false;
    }
    for (int i = 0; i < left.size(); i++) {
      Object constant = ASTHelpers.constValue(right.get(i));
      boolean same =
          constant != null
              ? constant.equals(ASTHelpers.constValue(left.get(i)))
              : getSymbol(right.get(i)) != null
                  && Objects.equals(getSymbol(left.get(i)), getSymbol(right.get(i)));
      if (!same) {
        return false;
      }
    }
    return true;
  }

  /** The calls of {@code called} in {@code body}. */
  private static List<ExpressionTree> sameCallsIn(Tree body, MethodSymbol called) {
    List<ExpressionTree> found = new ArrayList<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
        if (getSymbol(tree) == called) {
          found.add(tree);
        }
        return super.visitMethodInvocation(tree, null);
      }

      @Override
      public Void visitNewClass(NewClassTree tree, Void unused) {
        if (getSymbol(tree) == called) {
          found.add(tree);
        }
        return super.visitNewClass(tree, null);
      }
    }.scan(body, null);
    return found;
  }

  /**
   * Whether {@code earlier} runs, and has returned, whenever {@code later} runs: both sit in
   * statements of one block, {@code earlier}'s first, and {@code earlier} is evaluated every time
   * its statement completes (an initializer, an expression statement, an argument or receiver in
   * them: not under a condition, an operator that may skip it, a lambda or a nested class).
   */
  private boolean runsBefore(ExpressionTree earlier, ExpressionTree later) {
    TreePath earlierPath = TreePath.getPath(method, earlier);
    TreePath laterPath = TreePath.getPath(method, later);
    if (earlierPath == null || laterPath == null) {
      return false;
    }
    for (TreePath p = earlierPath; p.getParentPath() != null; p = p.getParentPath()) {
      Tree parent = p.getParentPath().getLeaf();
      if (parent instanceof BlockTree block) {
        int earlierIndex = block.getStatements().indexOf(p.getLeaf());
        int laterIndex = block.getStatements().indexOf(TreePaths.statementOf(block, laterPath));
        return laterIndex > earlierIndex;
      }
      if (!alwaysEvaluates(parent)) {
        return false;
      }
    }
    return false;
  }

  /** Whether a tree evaluates every child expression of it that the walk above came through. */
  private static boolean alwaysEvaluates(Tree tree) {
    return tree instanceof VariableTree
        || tree instanceof ExpressionStatementTree
        || tree instanceof AssignmentTree
        || tree instanceof MethodInvocationTree
        || (tree instanceof NewClassTree made && made.getClassBody() == null)
        || tree instanceof MemberSelectTree
        || tree instanceof ParenthesizedTree
        || tree instanceof TypeCastTree;
  }
}
