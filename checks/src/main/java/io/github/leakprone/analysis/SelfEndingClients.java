package io.github.leakprone.analysis;

import static com.google.errorprone.util.ASTHelpers.getReceiver;

import com.google.common.base.Ascii;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.api.JavacTrees;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Type;
import io.github.leakprone.catalog.ReleaseNames;
import io.github.leakprone.trees.Receivers;

/**
 * Whether a client class of the project ends its own life: a subclass, in sight, of a cataloged
 * client whose work methods release the object itself when the work is done or fails (opencsv's
 * executors call {@code shutdown()} from {@code complete()} and {@code shutdownNow()} when a worker
 * throws). One per unit of work is that class's design, not a client built per call and forgotten.
 *
 * <p>A release from a method that is itself a release by its name ({@code close() { shutdown(); }},
 * {@code stop()}, {@code destroy()}) does not count: the caller must still call it.
 */
public final class SelfEndingClients {

  /** Whether {@code type}'s class, or a superclass in sight, releases itself from its work. */
  public static boolean endsItself(
      Type type, ImmutableSet<String> releaseMethods, VisitorState state) {
    JavacTrees trees = JavacTrees.instance(state.context);
    for (Type t = type; t != null && t.tsym instanceof ClassSymbol symbol; ) {
      ClassTree tree = trees.getTree(symbol);
      if (tree == null) {
        return false; // out of sight: a library's client, released by its user
      }
      if (releasesItself(tree, releaseMethods)) {
        return true;
      }
      t = symbol.getSuperclass();
    }
    return false;
  }

  private static boolean releasesItself(ClassTree tree, ImmutableSet<String> releaseMethods) {
    for (Tree member : tree.getMembers()) {
      if (member instanceof MethodTree method
          && method.getBody() != null
          && !endsByName(method.getName().toString(), releaseMethods)
          && callsOnItself(method, releaseMethods)) {
        return true;
      }
    }
    return false;
  }

  /** A method that its caller calls to end the object: a release by another name. */
  private static boolean endsByName(String name, ImmutableSet<String> releaseMethods) {
    String lower = Ascii.toLowerCase(name);
    return releaseMethods.contains(name)
        || ReleaseNames.isReleaseHelper(name)
        || lower.startsWith("stop")
        || lower.startsWith("destroy")
        || lower.startsWith("terminate");
  }

  private static boolean callsOnItself(MethodTree method, ImmutableSet<String> releaseMethods) {
    boolean[] found = new boolean[1];
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        ExpressionTree receiver = getReceiver(call);
        found[0] |= releaseMethods.contains(methodName(call)) && Receivers.isThisOrSuper(receiver);
        return super.visitMethodInvocation(call, null);
      }

      @Override
      public Void visitClass(ClassTree tree, Void unused) {
        return null; // an inner class's `shutdown()` is its own
      }
    }.scan(method.getBody(), null);
    return found[0];
  }

  private static String methodName(MethodInvocationTree call) {
    ExpressionTree select = call.getMethodSelect();
    return select instanceof MemberSelectTree member
        ? member.getIdentifier().toString()
        : select instanceof IdentifierTree identifier ? identifier.getName().toString() : "";
  }

  private SelfEndingClients() {}
}
