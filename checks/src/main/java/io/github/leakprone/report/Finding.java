package io.github.leakprone.report;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.BugPattern.SeverityLevel;
import javax.annotation.Nullable;

/**
 * One finding of the compilation, kept as plain data (not the Description, which holds javac's
 * trees) until the report is written when the compilation ends.
 *
 * @param state {@code new}, {@code unchanged} (the baseline holds it), or null when the baseline is
 *     being written
 */
record Finding(
    String check,
    SeverityLevel level,
    String message,
    @Nullable String link,
    String packageName,
    FindingSite site,
    BaselineEntry entry,
    @Nullable String state,
    ImmutableList<FixEdits> fixes) {}
