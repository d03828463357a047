package io.github.leakprone.catalog;

import static com.google.errorprone.util.ASTHelpers.getSymbol;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;

/**
 * {@code Files.walk} and {@code Files.find}: their stream opens each directory as the walk enters
 * it and closes it as the walk leaves it (the JDK's FileTreeWalker), so a stream read to its end
 * has closed every directory it opened, whether or not the stream itself is closed. A walk that
 * fails on the way throws an UncheckedIOException with the directories it is in still open: a path
 * of the walk's own failure, which the exception policy leaves to unchecked exceptions. {@code
 * Files.list} and {@code Files.lines} are not of this kind: read to their end, they still hold
 * their directory or file.
 */
public final class FileTreeWalks {

  private static final ImmutableList<MethodRef> WALKS =
      ImmutableList.of(
          new MethodRef("java.nio.file.Files", "walk"),
          new MethodRef("java.nio.file.Files", "find"));

  /** A stream's stages that hand every element on: none of them stops the walk early. */
  private static final ImmutableSet<String> PASSING_STAGES =
      ImmutableSet.of(
          "filter",
          "map",
          "mapToObj",
          "mapToInt",
          "mapToLong",
          "mapToDouble",
          "flatMap",
          "flatMapToInt",
          "flatMapToLong",
          "flatMapToDouble",
          "mapMulti",
          "distinct",
          "sorted",
          "peek",
          "skip",
          "boxed",
          "asLongStream",
          "asDoubleStream",
          "parallel",
          "sequential",
          "unordered");

  /**
   * The terminal operations that read a stream to its end: not {@code findFirst}, {@code anyMatch}
   * and their kin, which stop at an element, nor {@code iterator()}, whose reader may stop.
   */
  private static final ImmutableSet<String> DRAINING_ENDS =
      ImmutableSet.of(
          "forEach",
          "forEachOrdered",
          "toArray",
          "toList",
          "collect",
          "reduce",
          "count",
          "min",
          "max",
          "sum",
          "average",
          "summaryStatistics");

  /**
   * Whether {@code acquisition} is a {@code Files.walk} or {@code Files.find} call whose stream is
   * read to its end in the same expression: {@code Files.walk(dir).sorted(...).forEach(...)}.
   */
  public static boolean drainedInFull(TreePath acquisition, VisitorState state) {
    if (!(acquisition.getLeaf() instanceof MethodInvocationTree call)) {
      return false;
    }
    MethodSymbol walk = getSymbol(call);
    if (walk == null || !MethodRef.anyMatches(WALKS, walk, state)) {
      return false;
    }
    Type baseStream = NamedTypes.get("java.util.stream.BaseStream", state);
    if (baseStream == null) {
      return false;
    }
    TreePath receiver = acquisition;
    while (true) {
      TreePath parent = receiver.getParentPath();
      while (parent.getLeaf() instanceof ParenthesizedTree) {
        parent = parent.getParentPath();
      }
      if (!(parent.getLeaf() instanceof MemberSelectTree select)
          || !(parent.getParentPath().getLeaf() instanceof MethodInvocationTree stage)
          || stage.getMethodSelect() != select) {
        return false;
      }
      MethodSymbol method = getSymbol(stage);
      if (method == null || !ASTHelpers.isSubtype(method.owner.type, baseStream, state)) {
        return false;
      }
      String name = method.getSimpleName().toString();
      if (DRAINING_ENDS.contains(name)) {
        return true;
      }
      if (!PASSING_STAGES.contains(name)) {
        return false;
      }
      receiver = parent.getParentPath();
    }
  }

  private FileTreeWalks() {}
}
