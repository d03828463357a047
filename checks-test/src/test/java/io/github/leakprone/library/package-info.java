/**
 * A library for the checks' tests: classes the tests' sources use but do not compile, so that javac
 * reads them from class files, as it reads a jar's. The checks see their signatures and not their
 * bodies: what a test shows with them is how a check judges a library's class, where a class given
 * to the test as source is judged by its body.
 */
package io.github.leakprone.library;
