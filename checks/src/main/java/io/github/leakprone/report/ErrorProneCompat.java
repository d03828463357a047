package io.github.leakprone.report;

import com.google.errorprone.fixes.Fix;
import com.google.errorprone.fixes.Replacement;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.util.JCDiagnostic.DiagnosticPosition;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Set;
import javax.annotation.Nullable;

/**
 * The two places where the Error Prone API that a finding is read through changed between the
 * versions the one checks jar runs with (2.42.0 on JDK 17, 2.50.0 on JDK 21+): {@code
 * Description.position} became an {@code ErrorPronePosition}, and {@code Fix.getReplacements} takes
 * an {@code ErrorProneEndPosTable} instead of javac's {@code EndPosTable}. Both are looked up once,
 * by reflection, so that neither version's signature is linked into our bytecode.
 */
final class ErrorProneCompat {

  private static final Field POSITION = field(Description.class, "position");
  private static final Method GET_TREE = method(POSITION.getType(), "getTree");
  private static final Method GET_START = method(POSITION.getType(), "getStartPosition");
  private static final Method GET_REPLACEMENTS = replacementsMethod();

  /** The tree a finding was reported on, or null when its position is not a tree. */
  @Nullable
  static JCTree tree(Description description) {
    Object position = get(POSITION, description);
    if (position instanceof DiagnosticPosition diagnosticPosition) {
      return diagnosticPosition.getTree();
    }
    return (JCTree) invoke(GET_TREE, position);
  }

  /** The start of the code a finding was reported on. */
  static int startPosition(Description description) {
    Object position = get(POSITION, description);
    if (position instanceof DiagnosticPosition diagnosticPosition) {
      return diagnosticPosition.getStartPosition();
    }
    return (Integer) invoke(GET_START, position);
  }

  /** The text edits of {@code fix} in {@code unit}, imports aside. */
  @SuppressWarnings("unchecked") // getReplacements returns a Set<Replacement> in every version
  static Set<Replacement> replacements(Fix fix, CompilationUnitTree unit) {
    Class<?> tableType = GET_REPLACEMENTS.getParameterTypes()[0];
    Object endPositions;
    if (tableType.getName().equals("com.sun.tools.javac.tree.EndPosTable")) {
      endPositions = get(field(JCTree.JCCompilationUnit.class, "endPositions"), unit);
    } else {
      endPositions = invoke(method(tableType, "create", CompilationUnitTree.class), null, unit);
    }
    return (Set<Replacement>) invoke(GET_REPLACEMENTS, fix, endPositions);
  }

  private static Method replacementsMethod() {
    for (Method method : Fix.class.getMethods()) {
      if (method.getName().equals("getReplacements") && method.getParameterCount() == 1) {
        return method;
      }
    }
    throw new LinkageError("Fix.getReplacements not found in this Error Prone");
  }

  private static Field field(Class<?> owner, String name) {
    try {
      return owner.getField(name);
    } catch (NoSuchFieldException e) {
      throw new LinkageError(owner.getName() + "." + name + " not found", e);
    }
  }

  private static Method method(Class<?> owner, String name, Class<?>... parameters) {
    try {
      return owner.getMethod(name, parameters);
    } catch (NoSuchMethodException e) {
      throw new LinkageError(owner.getName() + "." + name + " not found", e);
    }
  }

  private static Object get(Field field, Object target) {
    try {
      return field.get(target);
    } catch (IllegalAccessException e) {
      throw new LinkageError(field.toString(), e);
    }
  }

  private static Object invoke(Method method, @Nullable Object target, Object... arguments) {
    try {
      return method.invoke(target, arguments);
    } catch (IllegalAccessException e) {
      throw new LinkageError(method.toString(), e);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private ErrorProneCompat() {}
}
