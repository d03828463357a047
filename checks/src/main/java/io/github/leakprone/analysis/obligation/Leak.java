package io.github.leakprone.analysis.obligation;

import com.sun.source.tree.Tree;

/**
 * A resource acquired at {@code site} that some path out of its scope does not release.
 *
 * @param site the acquiring expression
 * @param variable the first variable that held it, or empty when none did
 * @param witness the first event found on a losing path
 * @param releasedSomewhere whether some other path releases it (else it is never released at all)
 */
public record Leak(Tree site, String variable, Witness witness, boolean releasedSomewhere) {}
