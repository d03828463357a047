package io.github.leakprone.trees;

import static com.google.errorprone.util.ASTHelpers.isStatic;

import com.sun.tools.javac.code.Symbol.MethodSymbol;

/** The program's entry point: the launcher runs it once per JVM, so what it does is set-up. */
public final class MainMethods {

  /**
   * Whether {@code method} is a {@code static main} taking one {@code String[]} ({@code String...}
   * is the same type). Asked of the symbol, not the tree, so that callers holding only a symbol (a
   * node of a call graph) get the same answer as those holding the declaration.
   */
  public static boolean isMain(MethodSymbol method) {
    return method.getSimpleName().contentEquals("main")
        && isStatic(method)
        && method.getParameters().size() == 1
        && method.getParameters().get(0).asType().toString().equals("java.lang.String[]");
  }

  private MainMethods() {}
}
