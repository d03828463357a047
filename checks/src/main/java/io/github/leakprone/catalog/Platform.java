package io.github.leakprone.catalog;

import com.sun.tools.javac.code.Symbol.MethodSymbol;

/**
 * The JDK's own methods, told from a project's: where the catalog lets a project's method be judged
 * by its declaration or its body, the JDK's answer is the catalog's alone.
 */
public final class Platform {

  /** Whether a class of the JDK ({@code java.*}, {@code javax.*}) declares {@code method}. */
  public static boolean declares(MethodSymbol method) {
    String owner = method.owner.getQualifiedName().toString();
    return owner.startsWith("java.") || owner.startsWith("javax.");
  }

  private Platform() {}
}
