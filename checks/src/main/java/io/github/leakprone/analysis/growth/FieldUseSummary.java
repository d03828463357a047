package io.github.leakprone.analysis.growth;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.sun.source.tree.ExpressionTree;

/**
 * What the uses of one watched field in its compilation unit come to.
 *
 * @param values the expressions the field is initialised or assigned with
 * @param changes where its content grows or shrinks, in source order
 * @param sizeGuarded the code that tests its size in a condition, which may be a bound on growth
 * @param membershipTested the code that asks whether it holds a value ({@code contains}, {@code
 *     indexOf}): an {@code add} there adds only values it does not hold yet
 * @param escapes whether its content (or a part of it) leaves the unit's sight: returned, stored
 *     elsewhere, passed to a method that may keep it
 */
record FieldUseSummary(
    ImmutableList<ExpressionTree> values,
    ImmutableList<Change> changes,
    ImmutableSet<Node> sizeGuarded,
    ImmutableSet<Node> membershipTested,
    boolean escapes) {}
