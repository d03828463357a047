package io.github.leakprone.analysis.obligation;

import com.sun.source.tree.Tree;

/**
 * A resource acquired at {@code site} that some path out of its scope does not release.
 *
 * @param site the acquiring expression
 * @param variable the first variable that held it, or empty when none did
 * @param witness the first event found on a losing path
 * @param handledSomewhere whether some other path releases it or hands it over (returns, stores or
 *     wraps it); when none does, it is simply never closed
 */
public record Leak(Tree site, String variable, Witness witness, boolean handledSomewhere) {}
