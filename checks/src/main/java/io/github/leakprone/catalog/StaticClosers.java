package io.github.leakprone.catalog;

import static com.google.errorprone.util.ASTHelpers.getSymbol;
import static com.google.errorprone.util.ASTHelpers.isStatic;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Static helpers that close every argument they are given: a catalog's well-known ones ({@code
 * DbUtils.closeQuietly}, {@code IOUtils.closeQuietly}) and those a user names in a {@code
 * ...:Closers} flag.
 */
final class StaticClosers {

  private final ImmutableList<MethodRef> closers;

  /** The answer by method: asked of every call of every analysed body. */
  private final Map<MethodSymbol, Boolean> byMethod = new HashMap<>();

  /** {@code builtIn}, and the entries of {@code flag} (documented on {@code docPage}). */
  StaticClosers(
      ImmutableList<MethodRef> builtIn, ErrorProneFlags flags, String flag, String docPage) {
    this.closers =
        ImmutableList.<MethodRef>builder()
            .addAll(builtIn)
            .addAll(FlagSyntax.methodRefs(flags, flag, docPage))
            .build();
  }

  /** All of {@code call}'s argument positions if it calls one of these helpers, else none. */
  ImmutableSet<Integer> releasedArguments(MethodInvocationTree call, VisitorState state) {
    MethodSymbol method = getSymbol(call);
    if (method == null
        || !byMethod.computeIfAbsent(
            method, m -> isStatic(m) && MethodRef.anyMatches(closers, m, state))) {
      return ImmutableSet.of();
    }
    return IntStream.range(0, call.getArguments().size())
        .boxed()
        .collect(ImmutableSet.toImmutableSet());
  }
}
