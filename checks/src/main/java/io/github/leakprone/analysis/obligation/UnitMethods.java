package io.github.leakprone.analysis.obligation;

import static com.google.errorprone.util.ASTHelpers.getSymbol;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.TypeSymbol;
import io.github.leakprone.trees.CompiledWithUs;
import io.github.leakprone.trees.CompiledWithUs.Declaration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * The methods and constructors whose bodies the analysis can read, with the class that declares
 * each: those of one compilation unit (indexed on the first question, once per unit), and those of
 * the other files javac compiles with it. A call to one of them is judged by its body, not by its
 * name or signature.
 */
final class UnitMethods {

  private final CompilationUnitTree unit;
  private Map<Symbol, Declaration> declared;

  /** Methods of other files javac compiles with this unit, by method: found once each. */
  private final Map<MethodSymbol, Optional<Declaration>> compiledWithUs = new HashMap<>();

  UnitMethods(CompilationUnitTree unit) {
    this.unit = unit;
  }

  /** The compilation unit itself. */
  CompilationUnitTree tree() {
    return unit;
  }

  /** {@code method}'s declaration with a body in this unit, or null. */
  @Nullable
  MethodTree declaration(MethodSymbol method) {
    Declaration found = index().get(method);
    return found == null ? null : found.method();
  }

  /** The class of this unit that declares {@code method} with a body, or null. */
  @Nullable
  ClassTree ownerOf(MethodSymbol method) {
    Declaration found = index().get(method);
    return found == null ? null : found.owner();
  }

  /**
   * {@code method}'s declaration with a body in sight: in this unit, or in another file javac
   * compiles with it (the same module), whose bodies are in sight as much as this unit's; or null.
   */
  @Nullable
  MethodTree declarationInSight(MethodSymbol method, VisitorState state) {
    Declaration found = inSight(method, state);
    return found == null ? null : found.method();
  }

  /** The class in sight that declares {@code method} with a body, or null. */
  @Nullable
  ClassTree ownerInSight(MethodSymbol method, VisitorState state) {
    Declaration found = inSight(method, state);
    return found == null ? null : found.owner();
  }

  /** Whether a method of this unit overrides {@code method}. */
  boolean isOverriddenInUnit(MethodSymbol method, VisitorState state) {
    for (Symbol candidate : index().keySet()) {
      if (candidate != method
          && candidate.name == method.name
          && candidate instanceof MethodSymbol other
          && other.owner instanceof TypeSymbol subclass
          && other.overrides(method, subclass, state.getTypes(), true)) {
        return true;
      }
    }
    return false;
  }

  @Nullable
  private Declaration inSight(MethodSymbol method, VisitorState state) {
    Declaration found = index().get(method);
    if (found != null) {
      return found;
    }
    // javac finds a declaration by walking its class's tree: once per method is enough.
    return compiledWithUs
        .computeIfAbsent(method, m -> CompiledWithUs.declaration(m, state))
        .orElse(null);
  }

  private Map<Symbol, Declaration> index() {
    if (declared == null) {
      Map<Symbol, Declaration> found = new HashMap<>();
      new TreeScanner<Void, ClassTree>() {
        @Override
        public Void visitClass(ClassTree classTree, ClassTree enclosing) {
          return super.visitClass(classTree, classTree);
        }

        @Override
        public Void visitMethod(MethodTree method, ClassTree owner) {
          MethodSymbol symbol = getSymbol(method);
          if (symbol != null && method.getBody() != null && owner != null) {
            found.put(symbol, new Declaration(method, owner));
          }
          return super.visitMethod(method, owner);
        }
      }.scan(unit, null);
      declared = found;
    }
    return declared;
  }
}
