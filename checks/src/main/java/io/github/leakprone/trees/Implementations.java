package io.github.leakprone.trees;

import com.google.errorprone.VisitorState;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symtab;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.Types;
import com.sun.tools.javac.util.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The implementations of an abstract method (an interface's, or an abstract class's) that javac
 * compiles from source with the checked file: what a call of that method may run, as far as the
 * project's own code goes.
 */
public final class Implementations {

  /**
   * The concrete classes javac compiles from source, by each of their supertypes: made once per
   * compilation, where the first question is asked (every source class has been entered by then).
   */
  private static final Context.Key<Map<ClassSymbol, List<ClassSymbol>>> SUBCLASSES =
      new Context.Key<>();

  /** Whether {@code method} has no body of its own: an abstract or interface method. */
  public static boolean isAbstract(MethodSymbol method) {
    return (method.flags() & Flags.ABSTRACT) != 0;
  }

  /**
   * The methods that implement {@code method}, declared by a class or interface compiled with the
   * checked file, in the concrete classes compiled with it (declared there or inherited), each
   * once; empty for a method with a body, and for one a jar declares: the project's own classes
   * that implement {@code Map.put} or {@code Consumer.accept} are not what such a call runs (MINA's
   * and BeetlSQL's maps, whose {@code put} keeps what it is given, made every {@code put} into a
   * {@code HashMap} take its value). One of them may be declared in a class out of sight (a
   * superclass in a jar): the caller asks each for its body.
   */
  public static List<MethodSymbol> of(MethodSymbol method, VisitorState state) {
    List<MethodSymbol> found = new ArrayList<>();
    if (!isAbstract(method)
        || method.isStatic()
        || !CompiledWithUs.isCompiledWithUs(method.enclClass(), state)) {
      return found;
    }
    Types types = state.getTypes();
    for (ClassSymbol type : subclasses(state).getOrDefault(method.enclClass(), List.of())) {
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
   * The concrete named classes compiled from source, by supertype. Classes loaded from jars are
   * passed over unread: only a source class's own supertypes are walked.
   */
  private static Map<ClassSymbol, List<ClassSymbol>> subclasses(VisitorState state) {
    Context context = state.context;
    Map<ClassSymbol, List<ClassSymbol>> known = context.get(SUBCLASSES);
    if (known != null) {
      return known;
    }
    Types types = state.getTypes();
    Map<ClassSymbol, List<ClassSymbol>> subclasses = new HashMap<>();
    for (ClassSymbol type : Symtab.instance(context).getAllClasses()) {
      // Whether javac compiles it first: asking a class of a jar for its flags would load it.
      if (type.isAnonymous()
          || !CompiledWithUs.isCompiledWithUs(type, state)
          || (type.flags() & (Flags.ABSTRACT | Flags.INTERFACE)) != 0) {
        continue;
      }
      for (Type supertype : types.closure(type.type)) {
        if (supertype.tsym instanceof ClassSymbol owner && owner != type) {
          subclasses.computeIfAbsent(owner, unused -> new ArrayList<>()).add(type);
        }
      }
    }
    context.put(SUBCLASSES, subclasses);
    return subclasses;
  }

  private Implementations() {}
}
