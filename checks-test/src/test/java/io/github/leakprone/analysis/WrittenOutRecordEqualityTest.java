package io.github.leakprone.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import io.github.leakprone.catalog.MethodRef;
import java.lang.reflect.Constructor;
import java.lang.reflect.Proxy;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The records whose equals and hashCode are written out (to spare the method-handle linking of a
 * record's own, docs/performance.md) still compare every component, as a record's own do: for each
 * of them, two instances built from the same values are equal with the same hash, changing any one
 * component makes them unequal, and a null component compares as in a record's own. A component
 * added later and forgotten in equals fails here.
 */
final class WrittenOutRecordEqualityTest {

  @Test
  void everyComponentCounts() throws Exception {
    for (Class<?> type : writtenOutRecords()) {
      RecordComponent[] components = type.getRecordComponents();
      Constructor<?> constructor =
          type.getDeclaredConstructor(
              Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
      constructor.setAccessible(true);
      Object[] first = new Object[components.length];
      Object[] second = new Object[components.length];
      for (int i = 0; i < components.length; i++) {
        first[i] = sample(components[i].getType(), 0);
        second[i] = sample(components[i].getType(), 1);
      }
      Object one = constructor.newInstance(first);
      Object same = constructor.newInstance(first.clone());
      // Messages name the record, never print it: the samples' toString need not work.
      assertTrue(one.equals(same), type.getName() + " unequal to its copy");
      assertEquals(
          one.hashCode(), same.hashCode(), type.getName() + " hash differs from its copy's");
      assertFalse(one.equals(null), type.getName() + " equal to null");
      assertFalse(one.equals(new Object()), type.getName() + " equal to an Object");
      for (int i = 0; i < components.length; i++) {
        Object[] changed = first.clone();
        changed[i] = second[i];
        assertFalse(
            one.equals(constructor.newInstance(changed)),
            type.getName() + " ignores its component " + components[i].getName());
        if (!components[i].getType().isPrimitive()) {
          // A record's own equals and hashCode take a null component; so must these.
          Object[] nulled = first.clone();
          nulled[i] = null;
          Object withNull = constructor.newInstance(nulled);
          String name = type.getName() + " with a null " + components[i].getName();
          assertTrue(withNull.equals(constructor.newInstance(nulled.clone())), name);
          assertFalse(withNull.equals(one) || one.equals(withNull), name);
          assertEquals(
              withNull.hashCode(), constructor.newInstance(nulled.clone()).hashCode(), name);
        }
      }
    }
  }

  /** Two different values of each component type these records have. */
  private static Object sample(Class<?> type, int which) throws Exception {
    if (type.isEnum()) {
      Object[] constants = type.getEnumConstants();
      return constants[which % constants.length];
    }
    if (type == boolean.class) {
      return which == 1;
    }
    if (type == int.class) {
      return which;
    }
    if (type == String.class) {
      return which == 0 ? "a" : "b";
    }
    if (type == Optional.class) {
      return which == 0 ? Optional.empty() : Optional.of("x");
    }
    if (type == ImmutableSet.class) {
      return which == 0 ? ImmutableSet.of() : ImmutableSet.of("x");
    }
    if (type == ImmutableList.class) {
      return which == 0 ? ImmutableList.of() : ImmutableList.of("x");
    }
    if (type == ImmutableMap.class) {
      return which == 0 ? ImmutableMap.of() : ImmutableMap.of("x", true);
    }
    if (type == TreePath.class) {
      return new TreePath((CompilationUnitTree) proxy(CompilationUnitTree.class));
    }
    if (SYMBOL.isAssignableFrom(type)) {
      return newVarSymbol();
    }
    if (type.isInterface()) {
      return proxy(type);
    }
    if (type.isRecord()) {
      RecordComponent[] components = type.getRecordComponents();
      Object[] values = new Object[components.length];
      for (int i = 0; i < components.length; i++) {
        values[i] = sample(components[i].getType(), which);
      }
      Constructor<?> constructor =
          type.getDeclaredConstructor(
              Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
      constructor.setAccessible(true);
      return constructor.newInstance(values);
    }
    throw new IllegalArgumentException("no samples of " + type + ": add them here");
  }

  private static final Class<?> SYMBOL = javacClass("Symbol");

  /**
   * A javac symbol that nothing else holds (javac's symbols are equal only to themselves). By
   * reflection: javac does not export its symbol classes, it only opens them to this JVM.
   */
  private static Object newVarSymbol() throws ReflectiveOperationException {
    Constructor<?> constructor =
        javacClass("Symbol$VarSymbol")
            .getDeclaredConstructor(
                long.class,
                Class.forName("com.sun.tools.javac.util.Name"),
                javacClass("Type"),
                SYMBOL);
    constructor.setAccessible(true);
    return constructor.newInstance(0L, null, null, null);
  }

  private static Class<?> javacClass(String name) {
    try {
      return Class.forName("com.sun.tools.javac.code." + name);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A fresh object of an interface, equal only to itself, as javac's trees are. */
  private static Object proxy(Class<?> type) {
    return Proxy.newProxyInstance(
        type.getClassLoader(),
        new Class<?>[] {type},
        (self, method, args) ->
            switch (method.getName()) {
              case "equals" -> self == args[0];
              case "hashCode" -> System.identityHashCode(self);
              case "toString" -> type.getSimpleName() + "@" + System.identityHashCode(self);
              case "getKind" ->
                  type == CompilationUnitTree.class ? Tree.Kind.COMPILATION_UNIT : Tree.Kind.OTHER;
              default -> throw new UnsupportedOperationException(method.getName());
            });
  }

  /**
   * The records whose equals and hashCode are written out. By name, as a record's generated equals
   * is a declared method too; a record that joins them joins this list.
   */
  private static final ImmutableList<String> WRITTEN_OUT =
      ImmutableList.of(
          "io.github.leakprone.catalog.MethodRef",
          "io.github.leakprone.analysis.growth.Node",
          "io.github.leakprone.analysis.growth.CallGraph$Edge",
          "io.github.leakprone.analysis.growth.Change",
          "io.github.leakprone.analysis.obligation.LossesBeforeFirstUse$Held",
          "io.github.leakprone.analysis.obligation.Obligation",
          "io.github.leakprone.analysis.obligation.PendingExits$Exit",
          "io.github.leakprone.analysis.obligation.Witness");

  private static List<Class<?>> writtenOutRecords() throws ClassNotFoundException {
    List<Class<?>> records = new ArrayList<>();
    for (String name : WRITTEN_OUT) {
      Class<?> type = Class.forName(name, false, MethodRef.class.getClassLoader());
      assertTrue(type.isRecord(), name);
      assertTrue(
          Arrays.stream(type.getDeclaredMethods())
              .anyMatch(m -> m.getName().equals("hashCode") && m.getParameterCount() == 0),
          name);
      records.add(type);
    }
    return records;
  }
}
