package io.github.leakprone.analysis.obligation;

import static com.google.errorprone.util.ASTHelpers.getSymbol;

import com.google.common.collect.ImmutableSet;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.NewClassTree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Type;
import io.github.leakprone.trees.Casts;
import java.util.Map;

/**
 * Readers and streams whose source is memory: a {@code StringReader}, {@code CharArrayReader} or
 * {@code ByteArrayInputStream}, or a buffer over one. Their reads declare {@code IOException} and
 * fail only once closed, so a read from one opens no path: ImageJ's editor saves its text by
 * copying it line by line from {@code new BufferedReader(new CharArrayReader(chars))} to a file
 * writer, and the finding named {@code br.readLine()}, which cannot fail, where the writes can (a
 * holdout round's false alarm). Only the JDK's classes, made in sight: a subclass, or a reader
 * whose source the body does not show, may do anything.
 */
final class MemoryReaders {

  private static final ImmutableSet<String> SOURCES =
      ImmutableSet.of(
          "java.io.StringReader", "java.io.CharArrayReader", "java.io.ByteArrayInputStream");

  /** Buffers that read only what the source under them gives, failing only where it does. */
  private static final ImmutableSet<String> BUFFERS =
      ImmutableSet.of(
          "java.io.BufferedReader",
          "java.io.LineNumberReader",
          "java.io.PushbackReader",
          "java.io.BufferedInputStream",
          "java.io.PushbackInputStream");

  /** How many locals deep a receiver's source is followed: {@code br = new BufferedReader(sr)}. */
  private static final int LOCALS_DEEP = 3;

  /**
   * Whether {@code receiver} reads memory: a {@code new} source or buffer over one, or a local
   * whose only value ({@code soleInitializers}) is one.
   */
  static boolean readsMemory(
      ExpressionTree receiver, Map<Symbol, ExpressionTree> soleInitializers) {
    return readsMemory(receiver, soleInitializers, LOCALS_DEEP);
  }

  private static boolean readsMemory(
      ExpressionTree value, Map<Symbol, ExpressionTree> soleInitializers, int localsLeft) {
    ExpressionTree bare = value == null ? null : Casts.stripped(value);
    if (bare instanceof IdentifierTree local) {
      ExpressionTree initializer = soleInitializers.get(getSymbol(local));
      return localsLeft > 0
          && initializer != null
          && readsMemory(initializer, soleInitializers, localsLeft - 1);
    }
    if (!(bare instanceof NewClassTree made) || made.getClassBody() != null) {
      return false;
    }
    Type type = ASTHelpers.getType(made);
    String name = type == null ? "" : type.tsym.getQualifiedName().toString();
    if (SOURCES.contains(name)) {
      return true;
    }
    return BUFFERS.contains(name)
        && !made.getArguments().isEmpty()
        && readsMemory(made.getArguments().get(0), soleInitializers, localsLeft);
  }

  private MemoryReaders() {}
}
