package io.github.leakprone.trees;

import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import javax.lang.model.type.TypeKind;

/**
 * Factory methods by their shape: {@code manager.newBrokerChannel(client, handler)}, {@code
 * sessions.createSession(socket)}. An instance method named {@code new} or {@code create} and a
 * capital, given something and returning an object, stands for a constructor of that object.
 */
public final class Makers {

  /** Whether {@code method} is shaped like a factory of an object made of what it is given. */
  public static boolean isMaker(MethodSymbol method) {
    if (method.isStatic() || method.getParameters().isEmpty()) {
      return false;
    }
    Type result = method.getReturnType();
    // A string or a number made of what it is given is a value, not an object that holds it.
    String name = method.getSimpleName().toString();
    return (MethodNames.startsWithWord(name, "new") || MethodNames.startsWithWord(name, "create"))
        && !result.isPrimitiveOrVoid()
        && result.getKind() != TypeKind.ARRAY
        && !result.tsym.getQualifiedName().toString().startsWith("java.lang.");
  }

  private Makers() {}
}
