package io.github.leakprone.trees;

import com.google.errorprone.VisitorState;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symtab;
import com.sun.tools.javac.code.Types;
import com.sun.tools.javac.util.Context;
import java.util.ArrayList;
import java.util.List;

/**
 * The implementations of an abstract method (an interface's, or an abstract class's) that javac
 * compiles from source with the checked file: what a call of that method may run, as far as the
 * project's own code goes.
 */
public final class Implementations {

  /** The named classes javac compiles from source, listed once per compilation. */
  private static final Context.Key<List<ClassSymbol>> SOURCE_CLASSES = new Context.Key<>();

  /** Whether {@code method} has no body of its own: an abstract or interface method. */
  public static boolean isAbstract(MethodSymbol method) {
    return (method.flags() & Flags.ABSTRACT) != 0;
  }

  /**
   * The methods that implement {@code method} in the concrete classes compiled with the checked
   * file (declared there or inherited), each once; empty for a method with a body. One of them may
   * be declared in a class out of sight (a superclass in a jar): the caller asks each for its body.
   */
  public static List<MethodSymbol> of(MethodSymbol method, VisitorState state) {
    List<MethodSymbol> found = new ArrayList<>();
    if (!isAbstract(method) || method.isStatic()) {
      return found;
    }
    ClassSymbol owner = method.enclClass();
    Types types = state.getTypes();
    for (ClassSymbol type : sourceClasses(state)) {
      if (type == owner
          || (type.flags() & (Flags.ABSTRACT | Flags.INTERFACE)) != 0
          || !type.isSubClass(owner, types)) {
        continue;
      }
      MethodSymbol implementation = method.implementation(type, types, true);
      if (implementation != null
          && implementation != method
          && !isAbstract(implementation)
          && !found.contains(implementation)) {
        found.add(implementation);
      }
    }
    return found;
  }

  /**
   * The named classes compiled from source: read from the symbol table once per compilation, where
   * the first question is asked (every source class has been entered by then); classes loaded from
   * jars are left as they are, uncompleted.
   */
  private static List<ClassSymbol> sourceClasses(VisitorState state) {
    Context context = state.context;
    List<ClassSymbol> known = context.get(SOURCE_CLASSES);
    if (known != null) {
      return known;
    }
    List<ClassSymbol> classes = new ArrayList<>();
    for (ClassSymbol type : Symtab.instance(context).getAllClasses()) {
      if (!type.isAnonymous() && CompiledWithUs.isCompiledWithUs(type, state)) {
        classes.add(type);
      }
    }
    context.put(SOURCE_CLASSES, classes);
    return classes;
  }

  private Implementations() {}
}
