package io.github.leakprone.analysis.obligation;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Type;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.annotation.Nullable;

/**
 * Where an exception thrown in a {@code try}'s block goes: which of its catch clauses it may reach,
 * and which of its types leave the {@code try} uncaught. An exception is known by the types it may
 * have ({@link ThrowingCalls#thrownBy}); {@code null} stands for an exception of any type.
 */
final class CatchCoverage {

  private final VisitorState state;

  /** What the calls and {@code throw}s of a block declare ({@link ThrowingCalls#declaredIn}). */
  private final Function<Tree, Set<Symbol>> declaredIn;

  /** The types each catch clause of a try names (a multi-catch names several), read once. */
  private final Map<TryTree, ImmutableList<ImmutableList<Type>>> caught = new HashMap<>();

  /** The types the calls and {@code throw}s of a try's block declare, read once where asked. */
  private final Map<TryTree, Set<Symbol>> declared = new HashMap<>();

  CatchCoverage(VisitorState state, Function<Tree, Set<Symbol>> declaredIn) {
    this.state = state;
    this.declaredIn = declaredIn;
  }

  /**
   * Whether an exception of one of the types {@code thrown} may reach the catch clause at {@code
   * index}: it may be of a type the clause names (one of them, a subtype, or a supertype: an
   * IOException may be a FileNotFoundException), and no earlier clause surely takes it. A clause
   * narrower than a type {@code thrown} is not reached through that type where a call of the {@code
   * try}'s block declares the clause's type itself (read only then): the handler is that call's (a
   * {@code catch (UnknownHostException e)} is for {@code new Socket(host, port)}, not for a write
   * that declares {@code IOException}).
   */
  boolean mayReach(TryTree tryTree, int index, @Nullable ImmutableSet<Symbol> thrown) {
    ImmutableList<ImmutableList<Type>> clauses = caughtBy(tryTree);
    for (int earlier = 0; earlier < index; earlier++) {
      if (catchesAnything(clauses.get(earlier))) {
        return false;
      }
    }
    if (thrown == null || catchesAnything(clauses.get(index))) {
      return true;
    }
    for (Symbol type : thrown) {
      if (!surelyCaught(type, clauses.subList(0, index))
          && clauses.get(index).stream()
              .anyMatch(
                  c ->
                      isSubtype(type.type, c)
                          || (isSubtype(c, type.type) && !declaredInBlock(tryTree, c)))) {
        return true;
      }
    }
    return false;
  }

  /** Whether a call or {@code throw} of {@code tryTree}'s block declares {@code clause}'s type. */
  private boolean declaredInBlock(TryTree tryTree, Type clause) {
    Set<Symbol> types = declared.computeIfAbsent(tryTree, t -> declaredIn.apply(t.getBlock()));
    for (Symbol type : types) {
      if (isSubtype(type.type, clause)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The types of {@code thrown} that no catch clause of {@code tryTree} surely catches: the
   * exception leaves the {@code try} if it is of one of them (an empty set: it never does).
   */
  @Nullable
  ImmutableSet<Symbol> uncaught(TryTree tryTree, @Nullable ImmutableSet<Symbol> thrown) {
    ImmutableList<ImmutableList<Type>> clauses = caughtBy(tryTree);
    if (clauses.stream().anyMatch(CatchCoverage::catchesAnything)) {
      return ImmutableSet.of();
    }
    if (thrown == null) {
      return null;
    }
    ImmutableSet.Builder<Symbol> left = ImmutableSet.builder();
    for (Symbol type : thrown) {
      if (!surelyCaught(type, clauses)) {
        left.add(type);
      }
    }
    return left.build();
  }

  /** The types the catch clause at {@code index} names (a multi-catch names several). */
  ImmutableList<Type> caughtAt(TryTree tryTree, int index) {
    return caughtBy(tryTree).get(index);
  }

  private boolean surelyCaught(Symbol type, List<ImmutableList<Type>> clauses) {
    for (ImmutableList<Type> clause : clauses) {
      for (Type c : clause) {
        if (isSubtype(type.type, c)) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean isSubtype(Type type, Type supertype) {
    return ASTHelpers.isSubtype(type, supertype, state);
  }

  private ImmutableList<ImmutableList<Type>> caughtBy(TryTree tryTree) {
    return caught.computeIfAbsent(tryTree, CatchCoverage::readCaught);
  }

  private static ImmutableList<ImmutableList<Type>> readCaught(TryTree tryTree) {
    ImmutableList.Builder<ImmutableList<Type>> clauses = ImmutableList.builder();
    for (CatchTree catchTree : tryTree.getCatches()) {
      Type type = ASTHelpers.getType(catchTree.getParameter());
      if (type instanceof Type.UnionClassType union) {
        clauses.add(ImmutableList.copyOf(union.getAlternativeTypes()));
      } else if (type != null) {
        clauses.add(ImmutableList.of(type));
      } else {
        clauses.add(ImmutableList.of());
      }
    }
    return clauses.build();
  }

  /**
   * {@code Exception} or {@code Throwable}: every exception the policy lets a call throw. (Errors
   * are left out, as by every tool in this field: code does not clean up after an
   * OutOfMemoryError.)
   */
  private static boolean catchesAnything(ImmutableList<Type> clause) {
    return clause.stream()
        .anyMatch(t -> isNamed(t, "java.lang.Exception") || isNamed(t, "java.lang.Throwable"));
  }

  private static boolean isNamed(Type type, String name) {
    return type.tsym.getQualifiedName().contentEquals(name);
  }
}
