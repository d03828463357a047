package io.github.leakprone.catalog;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.util.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Types named by string, looked up once per compilation. Error Prone's own cache ({@link
 * VisitorState#getTypeFromString}) lives as long as the state of one class: every catalog type a
 * check asked about was looked up again, through javac's name table and symbol resolution, in each
 * of a build's classes, a twentieth of the checks' time (docs/performance.md, seventh round).
 */
public final class NamedTypes {

  /** The four kinds of {@code java.io} stream: what reads or writes bytes or characters. */
  public static final ImmutableList<String> IO_STREAMS =
      ImmutableList.of(
          "java.io.InputStream", "java.io.OutputStream", "java.io.Reader", "java.io.Writer");

  private static final Context.Key<NamedTypes> KEY = new Context.Key<>();

  private final Map<String, Optional<Type>> byName = new HashMap<>();

  /**
   * The type named {@code name} in {@code state}'s compilation; null if its class path lacks it.
   */
  public static Type get(String name, VisitorState state) {
    NamedTypes types = state.context.get(KEY);
    if (types == null) {
      types = new NamedTypes();
      state.context.put(KEY, types);
    }
    Optional<Type> type = types.byName.get(name);
    if (type == null) {
      type = Optional.ofNullable(state.getTypeFromString(name));
      types.byName.put(name, type);
    }
    return type.orElse(null);
  }

  /**
   * Whether {@code type} is a subtype of one of the types {@code names} name; a name its class path
   * lacks counts for none.
   */
  public static boolean isSubtypeOfAny(Type type, List<String> names, VisitorState state) {
    for (String name : names) {
      Type named = get(name, state);
      if (named != null && ASTHelpers.isSubtype(type, named, state)) {
        return true;
      }
    }
    return false;
  }

  private NamedTypes() {}
}
