package io.github.leakprone.catalog;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;

/**
 * A catalog entry: a client type that is expensive to build, why, and what its library requires.
 *
 * @param type the client's type (its creations may produce subtypes of it)
 * @param displayName the name a finding uses, usually the simple name
 * @param policy whether an instance must be shared, or may be built per call if always released
 * @param harm whether an instance built per call leaks, or only costs the time to build it
 * @param whyHeavy what one instance costs, as a clause ("each instance starts ...")
 * @param whatToDo what the user should do instead, as a clause ("share one instance ...")
 * @param releaseMethods for {@link ClientPolicy#RELEASE}: the methods that release an instance
 * @param creations the ways an instance is built
 * @param sharedUseMethods the methods that leave a shared instance unchanged, as {@link MethodRef}
 *     name patterns ({@code *} for every method of an immutable type); the hoisting fix is offered
 *     only when every use of the instance is one of these, or passes it as an argument
 */
public record HeavyweightClient(
    String type,
    String displayName,
    ClientPolicy policy,
    PerCallHarm harm,
    String whyHeavy,
    String whatToDo,
    ImmutableSet<String> releaseMethods,
    ImmutableList<Creation> creations,
    ImmutableSet<String> sharedUseMethods) {

  /** The method a finding and a fix name as the release: the first of {@link #releaseMethods}. */
  public String primaryReleaseMethod() {
    return releaseMethods.iterator().next();
  }

  /** Whether {@code methodName}, called on a shared instance, leaves it as it was. */
  public boolean isSharedUse(String methodName) {
    return sharedUseMethods.stream()
        .anyMatch(pattern -> new MethodRef(type, pattern).nameMatches(methodName));
  }
}
