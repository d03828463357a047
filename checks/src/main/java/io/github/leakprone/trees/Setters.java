package io.github.leakprone.trees;

import com.sun.tools.javac.code.Symbol.MethodSymbol;
import javax.lang.model.type.TypeKind;

/** Setters by their shape: the analyses treat a method that sets one value apart from others. */
public final class Setters {

  /**
   * {@code setX(value)}: an instance method of one parameter, named {@code set} and a capital,
   * void.
   */
  public static boolean isSetter(MethodSymbol method) {
    String name = method.getSimpleName().toString();
    return !method.isStatic()
        && method.getParameters().size() == 1
        && MethodNames.startsWithWord(name, "set")
        && method.getReturnType().getKind() == TypeKind.VOID;
  }

  private Setters() {}
}
