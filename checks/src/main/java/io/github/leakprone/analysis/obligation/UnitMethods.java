package io.github.leakprone.analysis.obligation;

import static com.google.errorprone.util.ASTHelpers.getSymbol;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import java.util.HashMap;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * The methods and constructors of one compilation unit whose bodies the analysis can read, with the
 * class that declares each: a call to one of them is judged by its body, not by its name or
 * signature. Indexed on the first question, once per unit.
 */
final class UnitMethods {

  private record Declared(MethodTree method, ClassTree owner) {}

  private final CompilationUnitTree unit;
  private Map<Symbol, Declared> declared;

  UnitMethods(CompilationUnitTree unit) {
    this.unit = unit;
  }

  /** {@code method}'s declaration with a body in this unit, or null. */
  @Nullable
  MethodTree declaration(MethodSymbol method) {
    Declared found = index().get(method);
    return found == null ? null : found.method();
  }

  /** The class of this unit that declares {@code method} with a body, or null. */
  @Nullable
  ClassTree ownerOf(MethodSymbol method) {
    Declared found = index().get(method);
    return found == null ? null : found.owner();
  }

  private Map<Symbol, Declared> index() {
    if (declared == null) {
      Map<Symbol, Declared> found = new HashMap<>();
      new TreeScanner<Void, ClassTree>() {
        @Override
        public Void visitClass(ClassTree classTree, ClassTree enclosing) {
          return super.visitClass(classTree, classTree);
        }

        @Override
        public Void visitMethod(MethodTree method, ClassTree owner) {
          MethodSymbol symbol = getSymbol(method);
          if (symbol != null && method.getBody() != null && owner != null) {
            found.put(symbol, new Declared(method, owner));
          }
          return super.visitMethod(method, owner);
        }
      }.scan(unit, null);
      declared = found;
    }
    return declared;
  }
}
