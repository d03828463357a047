package io.github.leakprone.catalog;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import java.util.List;

/**
 * {@code java.util.zip.Deflater} and {@code Inflater}: each holds a zlib stream in native memory (a
 * {@code Deflater} at the default level a quarter of a megabyte) until {@code end()} frees it. The
 * garbage collector frees it too, in the end, but native memory does not prompt a collection: one
 * made per request and never ended grows the process while the heap stays calm. The JDK's
 * documentation asks for {@code end()}, and JDK 25 makes both {@code AutoCloseable} ({@code
 * close()} ends them) for that reason.
 *
 * <p>A JDK stream given one ({@code new InflaterInputStream(in, new Inflater(true))}) uses it and,
 * closed, leaves it to the caller: only the codec a stream makes for itself is ended by its {@code
 * close()}.
 */
public final class ZlibCodecs {

  private static final ImmutableList<String> CODECS =
      ImmutableList.of("java.util.zip.Deflater", "java.util.zip.Inflater");

  /** What holds a codec's native memory, for the catalog. */
  static final String REASON =
      "a zlib stream in native memory until end(), which the heap's collections do not answer to";

  /**
   * The JDK's streams over a codec they are given, which their {@code close()} does not end. Only
   * these classes: a subclass (a project's own) may end it in a {@code close()} of its own.
   */
  private static final ImmutableSet<String> STREAMS_THAT_LEAVE_IT =
      ImmutableSet.of(
          "java.util.zip.DeflaterOutputStream",
          "java.util.zip.DeflaterInputStream",
          "java.util.zip.InflaterInputStream",
          "java.util.zip.InflaterOutputStream");

  /** Whether {@code type} is a {@code Deflater} or an {@code Inflater}, or a subclass of one. */
  public static boolean isCodec(Type type, VisitorState state) {
    return type != null && NamedTypes.isSubtypeOfAny(type, CODECS, state);
  }

  /** Whether {@code method} is a codec's {@code end()}, which frees its native memory. */
  static boolean isEnd(MethodSymbol method, VisitorState state) {
    return method.getSimpleName().contentEquals("end")
        && method.getParameters().isEmpty()
        && isCodec(method.owner.type, state);
  }

  /**
   * The positions of the codec parameters of {@code constructor}, a constructor of one of the JDK's
   * streams that leave a codec they are given to its caller; empty for any other.
   */
  public static ImmutableSet<Integer> usedParameters(MethodSymbol constructor, VisitorState state) {
    if (!constructor.isConstructor()
        || !STREAMS_THAT_LEAVE_IT.contains(constructor.owner.getQualifiedName().toString())) {
      return ImmutableSet.of();
    }
    List<VarSymbol> parameters = constructor.getParameters();
    ImmutableSet.Builder<Integer> used = ImmutableSet.builder();
    for (int i = 0; i < parameters.size(); i++) {
      if (isCodec(parameters.get(i).type, state)) {
        used.add(i);
      }
    }
    return used.build();
  }

  private ZlibCodecs() {}
}
