package io.github.leakprone.trees;

import static com.google.errorprone.util.ASTHelpers.getSymbol;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import javax.lang.model.element.Modifier;

/** Where a private method is called from: only its top-level class can call it. */
public final class PrivateCalls {

  /**
   * The paths of every call of the private method at {@code methodPath}, or empty when the method
   * is not private or is referenced other than by a call (a method reference may run anywhere).
   */
  public static Optional<ImmutableList<TreePath>> callSites(TreePath methodPath) {
    return callSites(methodPath, Answered.PRIVATE);
  }

  /** The methods whose calls in their file are taken for all of their calls. */
  private enum Answered {
    /** Private methods: only their top-level class can call them. */
    PRIVATE,
    /**
     * Every method that is not public: a protected or package-private one may have callers in other
     * files of its package, taken here to be none (see {@link #onlyStepsOfMain}).
     */
    NOT_PUBLIC;

    boolean covers(MethodSymbol method) {
      return this == PRIVATE
          ? method.getModifiers().contains(Modifier.PRIVATE)
          : !method.getModifiers().contains(Modifier.PUBLIC);
    }
  }

  /** As {@link #callSites(TreePath)}, for the methods {@code answered} covers. */
  private static Optional<ImmutableList<TreePath>> callSites(
      TreePath methodPath, Answered answered) {
    MethodTree method = (MethodTree) methodPath.getLeaf();
    MethodSymbol symbol = getSymbol(method);
    if (symbol == null || !answered.covers(symbol)) {
      return Optional.empty();
    }
    TreePath topLevel = TreePaths.topLevelClass(methodPath);
    if (topLevel == null) {
      return Optional.empty();
    }
    return callsIn(topLevel, symbol);
  }

  /**
   * Whether the private method at {@code methodPath} is called at least once, every call is made by
   * a method itself (not a lambda or an initializer), and {@code holds} accepts each call with the
   * path of the method that makes it.
   */
  public static boolean everyCallMadeByAMethodThat(
      TreePath methodPath, BiPredicate<TreePath, TreePath> holds) {
    return everyCallMadeByAMethodThat(methodPath, holds, Answered.PRIVATE);
  }

  private static boolean everyCallMadeByAMethodThat(
      TreePath methodPath, BiPredicate<TreePath, TreePath> holds, Answered answered) {
    Optional<ImmutableList<TreePath>> calls = callSites(methodPath, answered);
    if (calls.isEmpty() || calls.get().isEmpty()) {
      return false;
    }
    for (TreePath call : calls.get()) {
      TreePath caller = TreePaths.enclosingMethodOrLambda(call);
      if (caller == null
          || !(caller.getLeaf() instanceof MethodTree)
          || !holds.test(call, caller)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the private method at {@code methodPath} runs only as a step of building its object:
   * every call of it is made on the object itself by one of its class's constructors, or by a
   * method that runs only so, with no {@code catch} around the call in that caller, so that a
   * failure of the method is the constructor's too (FFMQ's {@code JournalFile(...)}, which calls
   * {@code initNewFile(...)} to open its file). An object whose constructor throws reaches no one.
   */
  public static boolean onlyStepsOfConstruction(TreePath methodPath) {
    MethodSymbol symbol = getSymbol((MethodTree) methodPath.getLeaf());
    // A static method keeps nothing in the object: its fields are the class's, which live on.
    return symbol != null
        && !symbol.isStatic()
        && onlySteps(
            methodPath,
            MethodSymbol::isConstructor,
            PrivateCalls::aStepOfItsCaller,
            Answered.PRIVATE,
            new HashSet<>());
  }

  /**
   * Whether {@code call}, in {@code caller}, runs the method on the caller's own object with no
   * {@code catch} around it there: its failure is the caller's.
   */
  private static boolean aStepOfItsCaller(TreePath call, TreePath caller) {
    return Receivers.isThisOrImplicit(ASTHelpers.getReceiver((MethodInvocationTree) call.getLeaf()))
        && !caughtWithin(call, caller);
  }

  /**
   * Whether the private method at {@code methodPath} runs as a step of building its object on some
   * call at least: made on the object itself by a constructor, or by a method that is such a step
   * itself, with no {@code catch} around the call in that caller. Where it fails there, no object
   * comes to exist, whatever its other callers do (seisFile's {@code DataLink}, whose constructor
   * and {@code reconnect()} both call {@code initConnection()}, which keeps the socket in a field
   * and then runs the handshake that may fail).
   */
  public static boolean aStepOfConstruction(TreePath methodPath) {
    return aStepOfConstruction(methodPath, new HashSet<>());
  }

  private static boolean aStepOfConstruction(TreePath methodPath, Set<MethodSymbol> visiting) {
    MethodSymbol symbol = getSymbol((MethodTree) methodPath.getLeaf());
    if (symbol == null || symbol.isStatic() || !visiting.add(symbol)) {
      return false;
    }
    Optional<ImmutableList<TreePath>> calls = callSites(methodPath);
    if (calls.isEmpty()) {
      return false;
    }
    for (TreePath call : calls.get()) {
      TreePath caller = TreePaths.enclosingMethodOrLambda(call);
      if (caller != null
          && caller.getLeaf() instanceof MethodTree callerTree
          && getSymbol(callerTree) != null
          && aStepOfItsCaller(call, caller)
          && (getSymbol(callerTree).isConstructor() || aStepOfConstruction(caller, visiting))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the method at {@code methodPath}, not public, runs only as a step of the program's
   * {@code main}, declared in its top-level class: every call of it is made by {@code main}, or by
   * a method that runs only so, and not in a loop of that caller (a command-line tool whose {@code
   * main} runs a private {@code load(args[0])} once, or Compress-LZF's {@code new
   * LZF().process(args)}, a protected step). What it leaves open, the program's exit releases, as
   * {@code main}'s own. A method kept from the public but not private (protected, or the package's)
   * may have callers in other files of its package; the tool's class is taken to be the program it
   * is, and its file to show what calls its steps. A public method is the class's API, whoever else
   * calls it: a codec's {@code parse(File)} that a demo {@code main} calls too is judged as any
   * method.
   */
  public static boolean onlyStepsOfMain(TreePath methodPath) {
    TreePath topLevel = TreePaths.topLevelClass(methodPath);
    // Most classes have no main: a look at the members first, before a scan for every call.
    if (topLevel == null
        || ((ClassTree) topLevel.getLeaf())
            .getMembers().stream()
                .noneMatch(
                    member ->
                        member instanceof MethodTree declared
                            && getSymbol(declared) != null
                            && MainMethods.isMain(getSymbol(declared)))) {
      return false;
    }
    return onlySteps(
        methodPath,
        MainMethods::isMain,
        (call, caller) -> !inALoopOf(call, caller),
        Answered.NOT_PUBLIC,
        new HashSet<>());
  }

  /**
   * Whether every call of the method at {@code methodPath}, one {@code answered} covers, is one
   * {@code counts} accepts (there is one at least), made by a method that {@code isEntry} or that
   * runs only so itself.
   */
  private static boolean onlySteps(
      TreePath methodPath,
      Predicate<MethodSymbol> isEntry,
      BiPredicate<TreePath, TreePath> counts,
      Answered answered,
      Set<MethodSymbol> visiting) {
    MethodSymbol symbol = getSymbol((MethodTree) methodPath.getLeaf());
    if (symbol == null || !visiting.add(symbol)) {
      return false;
    }
    return everyCallMadeByAMethodThat(
        methodPath,
        (call, caller) -> {
          MethodSymbol callerSymbol = getSymbol((MethodTree) caller.getLeaf());
          return counts.test(call, caller)
              && callerSymbol != null
              && (isEntry.test(callerSymbol)
                  || onlySteps(caller, isEntry, counts, answered, visiting));
        },
        answered);
  }

  /** Whether a loop inside {@code method} surrounds {@code call}. */
  private static boolean inALoopOf(TreePath call, TreePath method) {
    for (TreePath p = call.getParentPath();
        p != null && p.getLeaf() != method.getLeaf();
        p = p.getParentPath()) {
      if (Loops.isLoop(p.getLeaf())) {
        return true;
      }
    }
    return false;
  }

  /** Whether a {@code try} with a {@code catch}, inside {@code method}, surrounds {@code call}. */
  private static boolean caughtWithin(TreePath call, TreePath method) {
    Tree inner = call.getLeaf();
    for (TreePath p = call.getParentPath();
        p != null && p.getLeaf() != method.getLeaf();
        p = p.getParentPath()) {
      if (p.getLeaf() instanceof TryTree tryTree
          && !tryTree.getCatches().isEmpty()
          && tryTree.getBlock() == inner) {
        return true;
      }
      inner = p.getLeaf();
    }
    return false;
  }

  /**
   * Whether the private method at {@code methodPath} never runs: nothing in its top-level class
   * calls it (nor refers to it), or only methods that never run do, itself among them. Code nobody
   * calls is deleted, not fixed: a leak in it is no finding (JBatch's {@code getJslJobInheritance},
   * a private method left behind with no caller).
   */
  public static boolean neverCalled(TreePath methodPath) {
    return neverCalled(methodPath, new HashSet<>());
  }

  private static boolean neverCalled(TreePath methodPath, Set<MethodSymbol> visiting) {
    MethodSymbol symbol = getSymbol((MethodTree) methodPath.getLeaf());
    if (symbol == null || !visiting.add(symbol)) {
      return true; // a cycle of calls that nothing outside it enters runs never
    }
    Optional<ImmutableList<TreePath>> calls = callSites(methodPath);
    if (calls.isEmpty()) {
      return false; // not private, or referred to other than by a call
    }
    List<TreePath> runs = new ArrayList<>(calls.get());
    if (symbol.isConstructor()) {
      runs.addAll(constructions(TreePaths.topLevelClass(methodPath), symbol));
    }
    for (TreePath run : runs) {
      TreePath caller = TreePaths.enclosingMethod(run);
      if (caller == null || !neverCalled(caller, visiting)) {
        return false; // called from an initializer, or from code that runs
      }
    }
    return true;
  }

  /**
   * The paths of every {@code new} in the code at {@code scope} that runs {@code constructor}: a
   * private constructor runs there as well as by {@code this(...)}, which {@link #callsIn} finds.
   */
  private static List<TreePath> constructions(TreePath scope, MethodSymbol constructor) {
    List<TreePath> made = new ArrayList<>();
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitNewClass(NewClassTree tree, Void unused) {
        if (getSymbol(tree) == constructor) {
          made.add(getCurrentPath());
        }
        return super.visitNewClass(tree, null);
      }
    }.scan(scope, null);
    return made;
  }

  /**
   * The paths of every call of {@code symbol} in the code at {@code scope}, or empty when the code
   * there also references it other than by a call (a method reference may run anywhere).
   */
  public static Optional<ImmutableList<TreePath>> callsIn(TreePath scope, MethodSymbol symbol) {
    List<TreePath> calls = new ArrayList<>();
    boolean[] otherReference = new boolean[1];
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
        if (getSymbol(tree) == symbol) {
          calls.add(getCurrentPath());
        }
        return super.visitMethodInvocation(tree, null);
      }

      @Override
      public Void visitMemberReference(MemberReferenceTree tree, Void unused) {
        if (getSymbol(tree) == symbol) {
          otherReference[0] = true;
        }
        return super.visitMemberReference(tree, null);
      }
    }.scan(scope, null);
    return otherReference[0] ? Optional.empty() : Optional.of(ImmutableList.copyOf(calls));
  }

  private PrivateCalls() {}
}
