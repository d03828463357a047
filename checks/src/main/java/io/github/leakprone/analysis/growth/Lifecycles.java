package io.github.leakprone.analysis.growth;

import static com.google.errorprone.util.ASTHelpers.hasAnnotation;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.VisitorState;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.TypeTag;
import io.github.leakprone.catalog.LifecyclePair;
import io.github.leakprone.catalog.MethodPattern;
import io.github.leakprone.catalog.MethodPattern.Annotated;
import io.github.leakprone.catalog.MethodPattern.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The open methods of a compilation unit's classes, each with the close partners its class has. */
final class Lifecycles {

  /** A method that opens a lifecycle, and the methods of its class that close it. */
  record Open(
      MethodSymbol method,
      TreePath path,
      LifecyclePair pair,
      int annotationIndex,
      String capture,
      ImmutableList<MethodSymbol> partners) {

    Node node() {
      return new Node(method, Node.Kind.METHOD);
    }
  }

  static ImmutableList<Open> of(
      UnitIndex index, ImmutableList<LifecyclePair> pairs, VisitorState state) {
    ImmutableList.Builder<Open> opens = ImmutableList.builder();
    for (ClassSymbol owner : index.classes.keySet()) {
      for (MethodSymbol method : index.methodsOf.get(owner)) {
        TreePath path = index.methods.get(method);
        if (method.isConstructor() || ((MethodTree) path.getLeaf()).getBody() == null) {
          continue;
        }
        for (LifecyclePair pair : pairs) {
          opening(method, pair.open(), state)
              .ifPresent(
                  match ->
                      opens.add(
                          new Open(
                              method,
                              path,
                              pair,
                              match.annotationIndex(),
                              match.capture(),
                              partners(owner, pair, match.capture(), index, state))));
        }
      }
    }
    return opens.build();
  }

  private record Match(int annotationIndex, String capture) {}

  private static Optional<Match> opening(
      MethodSymbol method, MethodPattern pattern, VisitorState state) {
    if (pattern instanceof Annotated annotated) {
      for (int i = 0; i < annotated.annotations().size(); i++) {
        if (hasAnnotation(method, annotated.annotations().get(i), state)) {
          return Optional.of(new Match(i, ""));
        }
      }
      return Optional.empty();
    }
    return ((Named) pattern)
        .capture(method.getSimpleName().toString())
        .map(capture -> new Match(0, capture));
  }

  /** The methods with a body in {@code owner}, or in a superclass in this unit, that close. */
  private static ImmutableList<MethodSymbol> partners(
      ClassSymbol owner, LifecyclePair pair, String capture, UnitIndex index, VisitorState state) {
    List<MethodSymbol> partners = new ArrayList<>();
    for (Type t = owner.type;
        t != null && t.getTag() == TypeTag.CLASS && t.tsym instanceof ClassSymbol c;
        t = state.getTypes().supertype(t)) {
      if (!index.classes.containsKey(c)) {
        break;
      }
      for (MethodSymbol candidate : index.methodsOf.get(c)) {
        MethodTree tree = (MethodTree) index.methods.get(candidate).getLeaf();
        if (tree.getBody() != null
            && !candidate.isConstructor()
            && pair.close().stream().anyMatch(side -> closes(candidate, side, capture, state))) {
          partners.add(candidate);
        }
      }
    }
    return ImmutableList.copyOf(partners);
  }

  private static boolean closes(
      MethodSymbol method, MethodPattern side, String capture, VisitorState state) {
    if (side instanceof Annotated annotated) {
      return annotated.annotations().stream().anyMatch(a -> hasAnnotation(method, a, state));
    }
    return method.getSimpleName().contentEquals(((Named) side).nameFor(capture));
  }

  private Lifecycles() {}
}
