package io.github.leakprone.catalog;

import com.google.common.collect.ImmutableList;
import java.util.Optional;

/** Which methods play one side of a lifecycle pair: by annotation, or by name. */
public sealed interface MethodPattern {

  /**
   * How messages name the side: {@code @OnClose}, {@code channelInactive}, {@code remove*Listener}.
   */
  String label();

  /**
   * Methods carrying one of {@code annotations} (fully qualified). The two sides of a pair list
   * their annotations in the same order, so that the javax open side pairs with the javax close
   * side.
   */
  record Annotated(ImmutableList<String> annotations) implements MethodPattern {
    @Override
    public String label() {
      String first = annotations.get(0);
      return "@" + first.substring(first.lastIndexOf('.') + 1);
    }
  }

  /**
   * Methods named {@code pattern}, which may hold one {@code *}: {@code add*Listener} matches
   * {@code addSessionListener}, and its partner {@code remove*Listener} must then be {@code
   * removeSessionListener}.
   */
  record Named(String pattern) implements MethodPattern {
    @Override
    public String label() {
      return pattern;
    }

    /** What {@code *} stands for in {@code name} ("" without a {@code *}), or empty if no match. */
    public Optional<String> capture(String name) {
      int star = pattern.indexOf('*');
      if (star < 0) {
        return pattern.equals(name) ? Optional.of("") : Optional.empty();
      }
      String prefix = pattern.substring(0, star);
      String suffix = pattern.substring(star + 1);
      return name.length() >= prefix.length() + suffix.length()
              && name.startsWith(prefix)
              && name.endsWith(suffix)
          ? Optional.of(name.substring(prefix.length(), name.length() - suffix.length()))
          : Optional.empty();
    }

    /** The name this pattern gives with {@code *} replaced by {@code capture}. */
    public String nameFor(String capture) {
      return pattern.replace("*", capture);
    }
  }
}
