package io.github.leakprone.trees;

import static com.google.errorprone.util.ASTHelpers.getReceiver;
import static com.google.errorprone.util.ASTHelpers.getSymbol;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.tools.javac.api.JavacTrees;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import javax.annotation.Nullable;
import javax.lang.model.element.ElementKind;

/**
 * Calls on a constant that holds one object of a known class: a {@code static final} field set to
 * {@code new C()} where it is declared, as a handler's {@code INSTANCE} is (WeChat's SDK calls its
 * {@code Utf8ResponseHandler.INSTANCE.handleResponse(response)}, declared as a {@code
 * ResponseHandler}). The call runs {@code C}'s method, whose body javac may compile with the file.
 */
public final class SingletonFields {

  /**
   * The method {@code call} runs, where its receiver is such a constant and its class, compiled
   * with the file, declares the method or inherits it from a class that does; else null.
   */
  @Nullable
  public static MethodSymbol implementationCalled(MethodInvocationTree call, VisitorState state) {
    MethodSymbol method = getSymbol(call);
    Symbol receiver = getReceiver(call) == null ? null : getSymbol(getReceiver(call));
    if (method == null
        || method.isStatic()
        || !(receiver instanceof VarSymbol field)
        || field.getKind() != ElementKind.FIELD
        || (field.flags() & (Flags.STATIC | Flags.FINAL)) != (Flags.STATIC | Flags.FINAL)) {
      return null;
    }
    ClassSymbol made = classMadeIn(field, state);
    if (made == null) {
      return null;
    }
    MethodSymbol implementation = method.implementation(made, state.getTypes(), true);
    return implementation == null || implementation == method ? null : implementation;
  }

  /** The class of the object {@code field}'s initializer makes with {@code new}, or null. */
  @Nullable
  private static ClassSymbol classMadeIn(VarSymbol field, VisitorState state) {
    if (!(field.owner instanceof ClassSymbol owner)) {
      return null;
    }
    ClassTree declaring = JavacTrees.instance(state.context).getTree(owner);
    if (declaring == null) {
      return null;
    }
    for (Tree member : declaring.getMembers()) {
      if (member instanceof VariableTree variable
          && getSymbol(variable) == field
          && variable.getInitializer() instanceof NewClassTree made
          && made.getClassBody() == null
          && getSymbol(made) != null
          && getSymbol(made).owner instanceof ClassSymbol madeClass) {
        return madeClass;
      }
    }
    return null;
  }

  private SingletonFields() {}
}
