package io.github.leakprone.analysis.growth;

import com.sun.source.tree.MethodInvocationTree;
import io.github.leakprone.catalog.ContainerKind.Removal;

/**
 * A growth call whose receiver is the watched field itself ({@code SESSIONS.add(session)}), and the
 * call that undoes it ({@code remove} with its first argument).
 */
public record DirectGrowth(MethodInvocationTree call, Removal removal) {}
