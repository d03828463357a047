package io.github.leakprone.analysis.growth;

import static com.google.errorprone.util.ASTHelpers.getSymbol;
import static com.google.errorprone.util.ASTHelpers.isStatic;

import com.google.common.collect.LinkedHashMultimap;
import com.google.common.collect.SetMultimap;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.lang.model.element.ElementKind;

/** The declarations of one compilation unit: its classes, their methods, and the watched fields. */
final class UnitIndex {

  /** The watched fields (static, of a container type), in source order, with their declarations. */
  final Map<VarSymbol, TreePath> fields = new LinkedHashMap<>();

  final Map<MethodSymbol, TreePath> methods = new LinkedHashMap<>();
  final Map<ClassSymbol, TreePath> classes = new LinkedHashMap<>();
  final SetMultimap<ClassSymbol, MethodSymbol> methodsOf = LinkedHashMultimap.create();

  static UnitIndex of(CompilationUnitTree unit, ContainerTypes types) {
    UnitIndex index = new UnitIndex();
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitClass(ClassTree tree, Void unused) {
        ClassSymbol symbol = getSymbol(tree);
        if (symbol != null) {
          index.classes.put(symbol, getCurrentPath());
        }
        return super.visitClass(tree, null);
      }

      @Override
      public Void visitMethod(MethodTree tree, Void unused) {
        MethodSymbol symbol = getSymbol(tree);
        if (symbol != null && symbol.owner instanceof ClassSymbol owner) {
          index.methods.put(symbol, getCurrentPath());
          index.methodsOf.put(owner, symbol);
        }
        return super.visitMethod(tree, null);
      }

      @Override
      public Void visitVariable(VariableTree tree, Void unused) {
        VarSymbol symbol = getSymbol(tree);
        if (symbol != null && isWatchedField(symbol, types)) {
          index.fields.put(symbol, getCurrentPath());
        }
        return super.visitVariable(tree, null);
      }
    }.scan(unit, null);
    return index;
  }

  /** Whether {@code symbol} is a field the analysis watches: static, of a container type. */
  static boolean isWatchedField(VarSymbol symbol, ContainerTypes types) {
    return symbol.getKind() == ElementKind.FIELD
        && isStatic(symbol)
        && types.isWatched(symbol.type);
  }

  private UnitIndex() {}
}
