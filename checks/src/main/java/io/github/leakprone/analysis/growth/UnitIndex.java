package io.github.leakprone.analysis.growth;

import static com.google.errorprone.util.ASTHelpers.getSymbol;
import static com.google.errorprone.util.ASTHelpers.isStatic;

import com.google.common.collect.LinkedHashMultimap;
import com.google.common.collect.SetMultimap;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javax.lang.model.element.ElementKind;

/**
 * The declarations of one compilation unit: its classes, their methods, and the watched fields; and
 * which watched fields its code may grow where {@link StaticGrowth} judges growth.
 */
final class UnitIndex {

  /** The watched fields (static, of a container type), in source order, with their declarations. */
  final Map<VarSymbol, TreePath> fields = new LinkedHashMap<>();

  /**
   * The watched fields (of this unit or another) with a reference in this unit that may lead to a
   * judged growth ({@link ContentChanges}). Gathered in the same walk as the declarations, since a
   * unit whose fields have none is spared the analysis.
   */
  final Set<VarSymbol> mayGrow = new HashSet<>();

  final Map<MethodSymbol, TreePath> methods = new LinkedHashMap<>();
  final Map<ClassSymbol, TreePath> classes = new LinkedHashMap<>();
  final SetMultimap<ClassSymbol, MethodSymbol> methodsOf = LinkedHashMultimap.create();

  static UnitIndex of(CompilationUnitTree unit, ContainerTypes types) {
    UnitIndex index = new UnitIndex();
    new TreePathScanner<Void, Void>() {
      // Whether the scan stands in static initialisation itself (not in a body within it).
      private boolean inStaticInit;

      @Override
      public Void visitClass(ClassTree tree, Void unused) {
        ClassSymbol symbol = getSymbol(tree);
        if (symbol != null) {
          index.classes.put(symbol, getCurrentPath());
        }
        return scanOutsideStaticInit(() -> super.visitClass(tree, null));
      }

      @Override
      public Void visitMethod(MethodTree tree, Void unused) {
        MethodSymbol symbol = getSymbol(tree);
        if (symbol != null && symbol.owner instanceof ClassSymbol owner) {
          index.methods.put(symbol, getCurrentPath());
          index.methodsOf.put(owner, symbol);
        }
        return scanOutsideStaticInit(() -> super.visitMethod(tree, null));
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree tree, Void unused) {
        return scanOutsideStaticInit(() -> super.visitLambdaExpression(tree, null));
      }

      @Override
      public Void visitBlock(BlockTree tree, Void unused) {
        if (!isMember()) {
          return super.visitBlock(tree, null);
        }
        // A class's initializer block: static initialisation if static, instance if not.
        return scanIn(tree.isStatic(), () -> super.visitBlock(tree, null));
      }

      @Override
      public Void visitVariable(VariableTree tree, Void unused) {
        VarSymbol symbol = getSymbol(tree);
        if (symbol != null && isWatchedField(symbol, types)) {
          index.fields.put(symbol, getCurrentPath());
        }
        if (!isMember()) {
          return super.visitVariable(tree, null);
        }
        // A field's initializer is initialisation: static for a static field.
        return scanIn(symbol != null && isStatic(symbol), () -> super.visitVariable(tree, null));
      }

      @Override
      public Void visitIdentifier(IdentifierTree tree, Void unused) {
        noteReference(getSymbol(tree));
        return null;
      }

      @Override
      public Void visitMemberSelect(MemberSelectTree tree, Void unused) {
        noteReference(getSymbol(tree));
        return super.visitMemberSelect(tree, null);
      }

      private void noteReference(Symbol symbol) {
        if (symbol instanceof VarSymbol field
            && !index.mayGrow.contains(field)
            && isWatchedField(field, types)
            && ContentChanges.mayGrow(getCurrentPath(), field, inStaticInit, types)) {
          index.mayGrow.add(field);
        }
      }

      private boolean isMember() {
        return getCurrentPath().getParentPath().getLeaf() instanceof ClassTree;
      }

      private Void scanOutsideStaticInit(Supplier<Void> scan) {
        return scanIn(false, scan);
      }

      private Void scanIn(boolean staticInit, Supplier<Void> scan) {
        boolean outer = inStaticInit;
        inStaticInit = staticInit;
        try {
          return scan.get();
        } finally {
          inStaticInit = outer;
        }
      }
    }.scan(unit, null);
    return index;
  }

  /**
   * Whether some watched field of this unit has a reference that may grow it; {@link StaticGrowth}
   * judges only those out of other units' reach among them.
   */
  boolean anyFieldMayGrow() {
    for (VarSymbol field : fields.keySet()) {
      if (mayGrow.contains(field)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code symbol} is a field the analysis watches: static, of a container type. */
  static boolean isWatchedField(VarSymbol symbol, ContainerTypes types) {
    return symbol.getKind() == ElementKind.FIELD
        && isStatic(symbol)
        && types.isWatched(symbol.type);
  }

  private UnitIndex() {}
}
