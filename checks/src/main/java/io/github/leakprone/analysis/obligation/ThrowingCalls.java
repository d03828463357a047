package io.github.leakprone.analysis.obligation;

import static com.google.errorprone.util.ASTHelpers.getSymbol;

import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import io.github.leakprone.trees.SameBodyScanner;
import java.util.HashMap;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * Which calls an exception may leave under an {@link ExceptionPolicy}, and what they throw, for one
 * compilation unit: its own methods are indexed once, and whether each one's body throws is worked
 * out once.
 */
final class ThrowingCalls {

  private final ExceptionPolicy policy;
  private final UnitMethods unit;

  private final Map<Symbol, Boolean> bodyThrows = new HashMap<>();
  private final Map<Symbol, ImmutableSet<Symbol>> thrown = new HashMap<>();

  ThrowingCalls(ExceptionPolicy policy, UnitMethods unit) {
    this.policy = policy;
    this.unit = unit;
  }

  /** Whether an exception may leave {@code call}, a method or constructor call. */
  boolean mayThrow(ExpressionTree call, VisitorState state) {
    if (policy == ExceptionPolicy.ALL) {
      return true;
    }
    Symbol symbol = getSymbol(call);
    return symbol instanceof MethodSymbol method
        && (declaresAnException(method, state) || throwsInBody(method, state));
  }

  /**
   * What {@code call} may throw under the policy, as the symbols of its types: the exceptions it
   * declares, and {@code RuntimeException} for a method of the unit whose body throws (or for every
   * call, under {@link ExceptionPolicy#ALL}). Asked of the calls that {@link #mayThrow} while
   * something is open in a {@code try}; made once a method.
   */
  ImmutableSet<Symbol> thrownBy(ExpressionTree call, VisitorState state) {
    Symbol symbol = getSymbol(call);
    if (!(symbol instanceof MethodSymbol method)) {
      return ImmutableSet.of();
    }
    ImmutableSet<Symbol> known = thrown.get(method);
    if (known == null) {
      ImmutableSet.Builder<Symbol> types = ImmutableSet.builder();
      for (Type type : method.getThrownTypes()) {
        if (!isError(type, state)) {
          types.add(type.tsym);
        }
      }
      if (policy == ExceptionPolicy.ALL || throwsInBody(method, state)) {
        types.add(state.getSymtab().runtimeExceptionType.tsym);
      }
      known = types.build();
      thrown.put(method, known);
    }
    return known;
  }

  /**
   * The types a {@code throw} of a value of {@code type} may throw: the alternatives of a
   * multi-catch's parameter, else the type itself ({@code null}: of any type, if it is unknown).
   */
  @Nullable
  static ImmutableSet<Symbol> thrownBy(@Nullable Type type) {
    if (type instanceof Type.UnionClassType union) {
      ImmutableSet.Builder<Symbol> types = ImmutableSet.builder();
      union.getAlternativeTypes().forEach(alternative -> types.add(alternative.tsym));
      return types.build();
    }
    return type == null ? null : ImmutableSet.of(type.tsym);
  }

  /**
   * Whether {@code method}'s {@code throws} clause names an exception: a checked one, or an
   * unchecked one that its library names there as the way the call fails ({@code OSS.putObject
   * throws OSSException, ClientException}, AWS's {@code throws SdkClientException}).
   */
  private static boolean declaresAnException(MethodSymbol method, VisitorState state) {
    for (Type type : method.getThrownTypes()) {
      if (!isError(type, state)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isError(Type type, VisitorState state) {
    return ASTHelpers.isSubtype(type, state.getSymtab().errorType, state);
  }

  /** Not a RuntimeException nor an Error; a type variable ({@code throws E}) counts as checked. */
  static boolean isChecked(Type type, VisitorState state) {
    return !ASTHelpers.isSubtype(type, state.getSymtab().runtimeExceptionType, state)
        && !ASTHelpers.isSubtype(type, state.getSymtab().errorType, state);
  }

  /**
   * Whether {@code method} is the unit's own and its body throws an unchecked exception (a {@code
   * throw} of one), or calls a method of the unit that does. A method of another unit or a library
   * is judged by what it declares.
   */
  private boolean throwsInBody(MethodSymbol method, VisitorState state) {
    Boolean known = bodyThrows.get(method);
    if (known != null) {
      return known;
    }
    MethodTree declaration = unit.declaration(method);
    if (declaration == null) {
      bodyThrows.put(method, false);
      return false;
    }
    bodyThrows.put(method, false); // a recursive call adds nothing the body does not say already
    boolean throwing = scanForThrows(declaration, state);
    bodyThrows.put(method, throwing);
    return throwing;
  }

  private boolean scanForThrows(MethodTree declaration, VisitorState state) {
    boolean[] found = {false};
    new SameBodyScanner() {
      @Override
      public Void scan(Tree tree, Void unused) {
        return found[0] ? null : super.scan(tree, null);
      }

      @Override
      public Void visitThrow(ThrowTree tree, Void unused) {
        // A checked exception it throws, it declares (or catches): only an unchecked one is news.
        Type type = ASTHelpers.getType(tree.getExpression());
        found[0] |= type == null || (!isChecked(type, state) && !isError(type, state));
        return null;
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        MethodSymbol callee = getSymbol(call);
        if (callee != null && throwsInBody(callee, state)) {
          found[0] = true;
          return null;
        }
        return super.visitMethodInvocation(call, null);
      }

      @Override
      public Void visitNewClass(NewClassTree newClass, Void unused) {
        MethodSymbol constructor = getSymbol(newClass);
        if (constructor != null && throwsInBody(constructor, state)) {
          found[0] = true;
          return null;
        }
        return super.visitNewClass(newClass, null);
      }
    }.scan(declaration.getBody(), null);
    return found[0];
  }
}
