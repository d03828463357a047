package io.github.leakprone.analysis.growth;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.sun.tools.javac.code.Symbol.VarSymbol;

/**
 * What {@link FieldUses} found in one compilation unit, for {@link StaticGrowth} to judge.
 *
 * @param fields every watched field, with what its uses come to
 * @param graph who runs whom
 * @param nodes every piece of code in the unit that runs as a whole
 */
record UnitUses(
    ImmutableMap<VarSymbol, FieldUseSummary> fields, CallGraph graph, ImmutableSet<Node> nodes) {}
