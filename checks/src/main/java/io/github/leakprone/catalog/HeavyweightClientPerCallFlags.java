package io.github.leakprone.catalog;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.ErrorProneFlags;
import io.github.leakprone.catalog.Creation.BuilderChain;
import io.github.leakprone.catalog.Creation.Constructor;
import io.github.leakprone.catalog.Creation.StaticFactory;

/**
 * Reads the users' own heavyweight client types from {@code -XepOpt:} flags:
 *
 * <ul>
 *   <li>{@code -XepOpt:HeavyweightClientPerCall:SharedTypes=com.acme.Client,...}: types of which
 *       one instance must be shared;
 *   <li>{@code -XepOpt:HeavyweightClientPerCall:ReleasedTypes=com.acme.Pool#shutdown,...}: types
 *       whose instances must be released on every path, by the method after {@code #} ({@code
 *       close} when none is named).
 * </ul>
 *
 * Nested classes are named with {@code $} ({@code com.acme.Outer$Client}). A malformed value fails
 * the compilation with a message that names the flag.
 */
public final class HeavyweightClientPerCallFlags {

  public static final String SHARED_TYPES = "HeavyweightClientPerCall:SharedTypes";
  public static final String RELEASED_TYPES = "HeavyweightClientPerCall:ReleasedTypes";

  /** The built-in catalog followed by the entries that {@code flags} add. */
  public static ImmutableList<HeavyweightClient> catalog(ErrorProneFlags flags) {
    ImmutableList.Builder<HeavyweightClient> clients = ImmutableList.builder();
    clients.addAll(HeavyweightClients.BUILT_IN);
    for (String type : flags.getListOrEmpty(SHARED_TYPES)) {
      clients.add(sharedType(checkedName(SHARED_TYPES, type, type)));
    }
    for (String entry : flags.getListOrEmpty(RELEASED_TYPES)) {
      int hash = entry.indexOf('#');
      String type = checkedName(RELEASED_TYPES, entry, hash < 0 ? entry : entry.substring(0, hash));
      String method = hash < 0 ? "close" : entry.substring(hash + 1);
      if (!FlagSyntax.IDENTIFIER.matcher(method).matches()) {
        throw badFlag(RELEASED_TYPES, entry, "'" + method + "' is not a method name");
      }
      clients.add(releasedType(type, method));
    }
    return clients.build();
  }

  private static String checkedName(String flag, String entry, String name) {
    if (!FlagSyntax.QUALIFIED_NAME.matcher(name).matches()) {
      throw badFlag(
          flag,
          entry,
          "'" + name + "' is not a fully qualified class name such as com.acme.Client");
    }
    return name;
  }

  private static IllegalArgumentException badFlag(String flag, String entry, String problem) {
    return FlagSyntax.bad(flag, entry, problem, "docs/bugpatterns/HeavyweightClientPerCall.md");
  }

  private static HeavyweightClient sharedType(String type) {
    return HeavyweightClients.share(
        type,
        simpleName(type),
        "it is listed in -XepOpt:" + SHARED_TYPES + " as a client to share",
        "build one and share it",
        ImmutableSet.of(),
        userCreations(type));
  }

  private static HeavyweightClient releasedType(String type, String releaseMethod) {
    return HeavyweightClients.release(
        type,
        simpleName(type),
        "it is listed in -XepOpt:" + RELEASED_TYPES + " as a client to release",
        "share one, or call " + releaseMethod + "() in a finally block",
        ImmutableSet.of(releaseMethod),
        userCreations(type));
  }

  /**
   * How a user's type is built: its constructors, its static {@code create*}/{@code new*}
   * factories, and a builder chain ending in {@code build()} that starts at {@code T.builder()},
   * {@code T.newBuilder()} or {@code new T.Builder()}.
   */
  private static Creation[] userCreations(String type) {
    return new Creation[] {
      new Constructor(type),
      new StaticFactory(new MethodRef(type, "create*")),
      new StaticFactory(new MethodRef(type, "new*")),
      new BuilderChain(
          "java.lang.Object",
          "build",
          ImmutableList.of(
              new StaticFactory(new MethodRef(type, "builder")),
              new StaticFactory(new MethodRef(type, "newBuilder")),
              new Constructor(type + "$Builder")))
    };
  }

  private static String simpleName(String type) {
    return type.substring(Math.max(type.lastIndexOf('.'), type.lastIndexOf('$')) + 1);
  }

  private HeavyweightClientPerCallFlags() {}
}
