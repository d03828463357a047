package io.github.leakprone.trees;

import static com.google.errorprone.util.ASTHelpers.getSymbol;
import static com.google.errorprone.util.ASTHelpers.stripParentheses;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.tools.javac.code.Symbol.MethodSymbol;

/**
 * Calls that end the program: {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt}
 * never return, and the JVM's exit releases every file and socket the process holds.
 */
public final class ProgramExits {

  /** Whether {@code expression} is a call that ends the program. */
  public static boolean endsProgram(ExpressionTree expression) {
    if (!(stripParentheses(expression) instanceof MethodInvocationTree call)) {
      return false;
    }
    MethodSymbol method = getSymbol(call);
    if (method == null) {
      return false;
    }
    String owner = method.owner.getQualifiedName().toString();
    if (method.getSimpleName().contentEquals("exit")) {
      return owner.equals("java.lang.System") || owner.equals("java.lang.Runtime");
    }
    return method.getSimpleName().contentEquals("halt") && owner.equals("java.lang.Runtime");
  }

  private ProgramExits() {}
}
