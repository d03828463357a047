package io.github.leakprone.catalog;

import com.google.common.base.Ascii;

/**
 * Helpers that release what they are given, recognised by name: code bases write their own ({@code
 * closeQuietly}, {@code closeStatement}, {@code releaseConnection}, {@code cleanupConnection},
 * {@code disposeStatement}, {@code shutdownAndAwaitTermination}), often in a utility class or a
 * superclass that a per-file analysis cannot read, and a finding that ignores them is a false
 * alarm.
 */
public final class ReleaseNames {

  /** Whether a method named {@code name} that takes a resource releases it. */
  public static boolean isReleaseHelper(String name) {
    String lower = Ascii.toLowerCase(name);
    return lower.contains("close")
        || lower.contains("shutdown")
        || lower.startsWith("release")
        || lower.startsWith("cleanup")
        || lower.startsWith("dispose");
  }

  private ReleaseNames() {}
}
