package io.github.leakprone.trees;

import static com.google.errorprone.util.ASTHelpers.getSymbol;

import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.Types;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.Nullable;

/**
 * Reflective look-ups of a member the platform has: {@code
 * DeflaterOutputStream.class.getConstructor(OutputStream.class, Deflater.class, int.class,
 * boolean.class)} on a class of the JDK, naming with constants a public member the JDK the code is
 * compiled against declares. Such a look-up guards against an older platform (nsq-j's, against Java
 * 6): on the platform the code is built for, its {@code NoSuchMethodException} is no path, and the
 * member it finds, called through it ({@code constr.newInstance(out, deflater, 32768, true)}),
 * fails as the member itself does.
 */
public final class PlatformMemberLookups {

  private static final ImmutableSet<String> CONSTRUCTOR_LOOKUPS =
      ImmutableSet.of("getConstructor", "getDeclaredConstructor");

  private static final ImmutableSet<String> METHOD_LOOKUPS =
      ImmutableSet.of("getMethod", "getDeclaredMethod");

  /**
   * The public member of a public JDK class that {@code call} looks up by constants, or null where
   * it is no such look-up.
   */
  @Nullable
  public static MethodSymbol memberFound(ExpressionTree call, VisitorState state) {
    if (!(call instanceof MethodInvocationTree invocation)) {
      return null;
    }
    MethodSymbol lookup = getSymbol(invocation);
    if (lookup == null || !lookup.owner.getQualifiedName().contentEquals("java.lang.Class")) {
      return null;
    }
    String name = lookup.getSimpleName().toString();
    boolean constructor = CONSTRUCTOR_LOOKUPS.contains(name);
    if (!constructor && !METHOD_LOOKUPS.contains(name)) {
      return null;
    }
    ClassSymbol owner = literalClass(ASTHelpers.getReceiver(invocation));
    if (owner == null || !isOfThePlatform(owner) || (owner.flags() & Flags.PUBLIC) == 0) {
      return null;
    }
    List<? extends ExpressionTree> arguments = invocation.getArguments();
    String memberName = "<init>";
    if (!constructor) {
      if (arguments.isEmpty()
          || !(ASTHelpers.constValue(arguments.get(0)) instanceof String constant)) {
        return null;
      }
      memberName = constant;
      arguments = arguments.subList(1, arguments.size());
    }
    List<Type> parameterTypes = new ArrayList<>();
    for (ExpressionTree argument : arguments) {
      Type type = literalType(argument);
      if (type == null) {
        return null; // an array of types, or a type chosen at run time
      }
      parameterTypes.add(type);
    }
    Types types = state.getTypes();
    for (Symbol member : owner.members().getSymbolsByName(state.getName(memberName))) {
      if (member instanceof MethodSymbol method
          && (method.flags() & Flags.PUBLIC) != 0
          && sameParameters(method, parameterTypes, types)) {
        return method;
      }
    }
    return null;
  }

  /**
   * The member that {@code call} runs through a reflective handle a platform look-up gave ({@code
   * constr.newInstance(...)}, {@code method.invoke(...)} on a local set once, by {@link
   * #memberFound}), or null. A constructor of an abstract class is none: it cannot be run so.
   */
  @Nullable
  public static MethodSymbol memberCalledThrough(ExpressionTree call, VisitorState state) {
    if (!(call instanceof MethodInvocationTree invocation)) {
      return null;
    }
    MethodSymbol handleCall = getSymbol(invocation);
    if (handleCall == null
        || !(isCall(handleCall, "java.lang.reflect.Constructor", "newInstance")
            || isCall(handleCall, "java.lang.reflect.Method", "invoke"))
        || !(ASTHelpers.getReceiver(invocation) instanceof IdentifierTree handle)) {
      return null;
    }
    MethodSymbol member =
        LocalVariables.soleInitializer(getSymbol(handle), state)
            .map(lookup -> memberFound(lookup, state))
            .orElse(null);
    return member != null
            && !(member.isConstructor() && (member.owner.flags() & Flags.ABSTRACT) != 0)
        ? member
        : null;
  }

  // Not a MethodRef: asked of every call that may throw, it compares names without making Strings,
  // and the two owners are final classes.
  private static boolean isCall(MethodSymbol method, String owner, String name) {
    return method.getSimpleName().contentEquals(name)
        && method.owner.getQualifiedName().contentEquals(owner);
  }

  private static boolean sameParameters(MethodSymbol method, List<Type> wanted, Types types) {
    List<VarSymbol> parameters = method.getParameters();
    if (parameters.size() != wanted.size()) {
      return false;
    }
    for (int i = 0; i < wanted.size(); i++) {
      if (!types.isSameType(types.erasure(parameters.get(i).type), types.erasure(wanted.get(i)))) {
        return false;
      }
    }
    return true;
  }

  /** The class {@code X.class} names, or null where {@code tree} is no class literal. */
  private static ClassSymbol literalClass(ExpressionTree tree) {
    Type type = literalType(tree);
    return type != null && type.tsym instanceof ClassSymbol named ? named : null;
  }

  /** The type {@code X.class} or {@code int.class} names, or null. */
  private static Type literalType(ExpressionTree tree) {
    if (tree instanceof MemberSelectTree select && select.getIdentifier().contentEquals("class")) {
      return ASTHelpers.getType(select.getExpression());
    }
    return null;
  }

  /** Whether {@code owner} is a class of the JDK ({@code java.*}, {@code javax.*}). */
  private static boolean isOfThePlatform(ClassSymbol owner) {
    String name = owner.getQualifiedName().toString();
    return name.startsWith("java.") || name.startsWith("javax.");
  }

  private PlatformMemberLookups() {}
}
