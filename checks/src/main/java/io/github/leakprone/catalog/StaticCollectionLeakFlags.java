package io.github.leakprone.catalog;

import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.ErrorProneFlags;
import io.github.leakprone.catalog.LifecyclePair.WhenMissing;
import io.github.leakprone.catalog.MethodPattern.Annotated;
import io.github.leakprone.catalog.MethodPattern.Named;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the user's additions to {@code StaticCollectionLeak}'s catalog from {@code -XepOpt:} flags:
 *
 * <ul>
 *   <li>{@code -XepOpt:StaticCollectionLeak:LifecyclePairs=attach:detach,add*Watcher:remove*Watcher,
 *       @com.acme.OnJoin:@com.acme.OnLeave}: lifecycle pairs, {@code open:close}, each side a method
 *       name (with at most one {@code *}, matched on both sides alike) or {@code @} and a fully
 *       qualified annotation; several close sides are separated by {@code |};
 *   <li>{@code -XepOpt:StaticCollectionLeak:BoundedTypes=com.acme.LruMap,...}: container types that
 *       bound themselves, so that their growth is never a finding.
 * </ul>
 *
 * A malformed value fails the compilation with a message that names the flag.
 */
public final class StaticCollectionLeakFlags {

  public static final String LIFECYCLE_PAIRS = "StaticCollectionLeak:LifecyclePairs";
  public static final String BOUNDED_TYPES = "StaticCollectionLeak:BoundedTypes";

  private static final Pattern NAME_PATTERN = Pattern.compile("[\\p{L}_$*][\\p{L}\\p{N}_$*]*");
  private static final Splitter ALTERNATIVES = Splitter.on('|');

  /** The built-in catalog followed by what {@code flags} add. */
  public static StaticGrowthCatalog catalog(ErrorProneFlags flags) {
    ImmutableList.Builder<LifecyclePair> pairs = ImmutableList.builder();
    pairs.addAll(LifecyclePairs.BUILT_IN);
    for (String entry : flags.getListOrEmpty(LIFECYCLE_PAIRS)) {
      pairs.add(pair(entry.trim()));
    }
    ImmutableSet.Builder<String> bounded = ImmutableSet.builder();
    bounded.addAll(BoundedContainers.TYPES);
    for (String entry : flags.getListOrEmpty(BOUNDED_TYPES)) {
      String type = entry.trim();
      if (!FlagSyntax.QUALIFIED_NAME.matcher(type).matches()) {
        throw badFlag(
            BOUNDED_TYPES,
            entry,
            "'" + type + "' is not a fully qualified class name such as com.acme.LruMap");
      }
      bounded.add(type);
    }
    return new StaticGrowthCatalog(ContainerKinds.BUILT_IN, pairs.build(), bounded.build());
  }

  private static LifecyclePair pair(String entry) {
    int colon = entry.indexOf(':');
    if (colon <= 0 || colon == entry.length() - 1 || entry.indexOf(':', colon + 1) >= 0) {
      throw badFlag(
          LIFECYCLE_PAIRS,
          entry,
          "expected open:close, such as attach:detach or @com.acme.OnJoin:@com.acme.OnLeave");
    }
    String open = entry.substring(0, colon);
    List<String> closers = ALTERNATIVES.splitToList(entry.substring(colon + 1));
    boolean annotated = open.startsWith("@");
    ImmutableList.Builder<MethodPattern> close = ImmutableList.builder();
    for (String closer : closers) {
      if (closer.startsWith("@") != annotated) {
        throw badFlag(
            LIFECYCLE_PAIRS,
            entry,
            "both sides must be annotations (@com.acme.OnJoin) or both method names (attach)");
      }
      close.add(side(entry, closer, stars(entry, open)));
    }
    return new LifecyclePair(
        side(entry, open, stars(entry, open)),
        close.build(),
        annotated ? WhenMissing.FINDING : WhenMissing.ORDINARY);
  }

  private static MethodPattern side(String entry, String side, int openStars) {
    if (side.startsWith("@")) {
      String type = side.substring(1);
      if (!FlagSyntax.QUALIFIED_NAME.matcher(type).matches()) {
        throw badFlag(
            LIFECYCLE_PAIRS,
            entry,
            "'" + type + "' is not a fully qualified annotation name such as com.acme.OnJoin");
      }
      return new Annotated(ImmutableList.of(type));
    }
    if (!NAME_PATTERN.matcher(side).matches() || side.equals("*")) {
      throw badFlag(LIFECYCLE_PAIRS, entry, "'" + side + "' is not a method name");
    }
    if (stars(entry, side) != openStars) {
      throw badFlag(
          LIFECYCLE_PAIRS,
          entry,
          "a * on one side needs a * on the other, such as add*Watcher:remove*Watcher");
    }
    return new Named(side);
  }

  private static int stars(String entry, String side) {
    int stars = side.length() - side.replace("*", "").length();
    if (stars > 1) {
      throw badFlag(LIFECYCLE_PAIRS, entry, "'" + side + "' has more than one *");
    }
    return stars;
  }

  private static IllegalArgumentException badFlag(String flag, String entry, String problem) {
    return FlagSyntax.bad(flag, entry, problem, "docs/bugpatterns/StaticCollectionLeak.md");
  }

  private StaticCollectionLeakFlags() {}
}
