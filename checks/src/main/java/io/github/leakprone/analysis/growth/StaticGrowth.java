package io.github.leakprone.analysis.growth;

import com.google.common.base.Supplier;
import com.google.common.base.Suppliers;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.LinkedHashMultimap;
import com.google.common.collect.SetMultimap;
import com.google.errorprone.VisitorState;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.PackageSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import io.github.leakprone.analysis.growth.UnremovedGrowth.Opening;
import io.github.leakprone.catalog.LifecyclePair.WhenMissing;
import io.github.leakprone.catalog.RunOnceMethods;
import io.github.leakprone.catalog.StaticGrowthCatalog;
import io.github.leakprone.trees.MainMethods;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.NestingKind;

/**
 * Which static containers of a compilation unit grow where nothing removes what they gained.
 *
 * <p>Only fields the unit sees every use of are judged: private (or in a class no other unit can
 * name), never escaping (see {@link FieldUses}), and not bounded (see {@link Boundedness}). A
 * growth in an open method of a lifecycle pair (or in a method it calls) must be matched by a
 * removal that a close partner runs (itself or through the methods it calls), or by one that the
 * open method leaves behind as a callback, or by a sweep ({@code removeIf}, {@code clear}) on the
 * open path. Any other growth in code that runs per call must be matched by some removal somewhere
 * in the unit.
 */
public final class StaticGrowth {

  public static ImmutableList<UnremovedGrowth> analyse(
      TreePath unit, JudgedFields judged, VisitorState state) {
    StaticGrowthCatalog catalog = judged.catalog();
    ContainerTypes types = judged.types(state);
    UnitIndex index = UnitIndex.of(unit.getCompilationUnit(), types);
    if (!index.anyFieldMayGrow()) {
      return ImmutableList.of();
    }
    UnitUses uses = FieldUses.scan(unit, index, types, state);
    // Asked only of a growth outside static initialisation, which most units do not have
    // (docs/performance.md).
    Supplier<ImmutableList<Lifecycles.Open>> opens =
        Suppliers.memoize(() -> Lifecycles.of(index, catalog.pairs(), state));
    return new StaticGrowth(index, uses, opens, new Boundedness(types, state)).leaks();
  }

  private final UnitIndex index;
  private final UnitUses uses;
  private final Supplier<ImmutableList<Lifecycles.Open>> opens;
  private final Boundedness boundedness;
  private final Supplier<Set<Node>> once;
  private final Map<Node, Map<Node, Boolean>> reaches = new HashMap<>();

  private StaticGrowth(
      UnitIndex index,
      UnitUses uses,
      Supplier<ImmutableList<Lifecycles.Open>> opens,
      Boundedness boundedness) {
    this.index = index;
    this.uses = uses;
    this.opens = opens;
    this.boundedness = boundedness;
    this.once =
        Suppliers.memoize(() -> uses.graph().once(runsOnce(), uses.nodes(), this::isHidden));
  }

  private ImmutableList<UnremovedGrowth> leaks() {
    ImmutableList.Builder<UnremovedGrowth> leaks = ImmutableList.builder();
    for (VarSymbol field : index.fields.keySet()) {
      FieldUseSummary summary = uses.fields().get(field);
      // Most judged fields grow only in static initialisation (constant tables): asked first, the
      // cheapest question spares them the others.
      List<Change> growths = judgedGrowths(summary);
      if (growths.isEmpty()
          || summary.escapes()
          || isVisibleOutsideUnit(field)
          || boundedness.isBounded(field.type, summary.values())) {
        continue;
      }
      SetMultimap<Node, Change> shrinks = LinkedHashMultimap.create();
      summary.changes().stream()
          .filter(c -> c.kind() == Change.Kind.SHRINK)
          .forEach(c -> shrinks.put(c.node(), c));
      Set<Node> reported = new HashSet<>();
      for (Change growth : growths) {
        if (reported.add(growth.node())) {
          judge(field, growth, shrinks).ifPresent(leaks::add);
        }
      }
    }
    return leaks.build();
  }

  /**
   * The growths of a field that {@link #judge} weighs: unbounded, not under a size test, and
   * outside static initialisation. A static initializer runs once, and no call leads into one
   * ({@link CallGraph} has no edge to it), so no open method reaches it: a growth there is never a
   * finding. Nor is one behind a static once-only flag ({@link OncePerJvm}), which runs once as
   * well, however often its method does.
   */
  private static List<Change> judgedGrowths(FieldUseSummary summary) {
    List<Change> growths = new ArrayList<>();
    for (Change change : summary.changes()) {
      if (change.kind() == Change.Kind.GROWTH
          && !change.bounded()
          && !summary.sizeGuarded().contains(change.node())
          && change.node().kind() != Node.Kind.STATIC_INIT
          && !OncePerJvm.runs(change.path())) {
        growths.add(change);
      }
    }
    return growths;
  }

  private Optional<UnremovedGrowth> judge(
      VarSymbol field, Change growth, SetMultimap<Node, Change> shrinks) {
    boolean satisfied = false;
    for (Lifecycles.Open open : opens.get()) {
      if (!reach(open.node()).containsKey(growth.node())) {
        continue;
      }
      if (open.partners().isEmpty() && open.pair().whenMissing() != WhenMissing.FINDING) {
        continue;
      }
      if (removedOnClose(open, shrinks)) {
        satisfied = true;
        continue;
      }
      return Optional.of(
          new UnremovedGrowth(
              open.partners().isEmpty()
                  ? UnremovedGrowth.Kind.NO_PARTNER
                  : UnremovedGrowth.Kind.PARTNER_FORGETS,
              field,
              growth.path(),
              label(growth.node()),
              onlyNewValues(field, growth),
              Optional.of(
                  new Opening(
                      open.path(),
                      open.pair(),
                      open.annotationIndex(),
                      open.capture(),
                      open.partners().stream()
                          .map(index.methods::get)
                          .collect(ImmutableList.toImmutableList()))),
              shrinkLabels(shrinks),
              growth.direct()));
    }
    if (satisfied
        || !growth.addsEveryCall()
        || once.get().contains(growth.node())
        || !shrinks.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new UnremovedGrowth(
            UnremovedGrowth.Kind.NEVER_SHRINKS,
            field,
            growth.path(),
            label(growth.node()),
            onlyNewValues(field, growth),
            Optional.empty(),
            ImmutableList.of(),
            growth.direct()));
  }

  /** Whether the code of {@code growth} asks the field whether it holds a value before adding. */
  private boolean onlyNewValues(VarSymbol field, Change growth) {
    return uses.fields().get(field).membershipTested().contains(growth.node());
  }

  /**
   * Whether what {@code open} adds is taken out again: by code a close partner runs, by a callback
   * the open path leaves behind, or by a sweep on the open path.
   */
  private boolean removedOnClose(Lifecycles.Open open, SetMultimap<Node, Change> shrinks) {
    for (MethodSymbol partner : open.partners()) {
      for (Node node : reach(new Node(partner, Node.Kind.METHOD)).keySet()) {
        if (shrinks.containsKey(node)) {
          return true;
        }
      }
    }
    for (Map.Entry<Node, Boolean> reached : reach(open.node()).entrySet()) {
      for (Change shrink : shrinks.get(reached.getKey())) {
        if (reached.getValue() || shrink.deferred() || shrink.sweep()) {
          return true;
        }
      }
    }
    return false;
  }

  private Map<Node, Boolean> reach(Node root) {
    return reaches.computeIfAbsent(root, uses.graph()::reach);
  }

  /** Nodes that run once whoever calls them: initialisation, main, tests, run-once callbacks. */
  private Set<Node> runsOnce() {
    Set<Node> base = new HashSet<>();
    for (Node node : uses.nodes()) {
      switch (node.kind()) {
        case STATIC_INIT -> base.add(node);
        case INSTANCE_INIT -> {
          if (isEnum(node.symbol())) {
            base.add(node);
          }
        }
        case METHOD -> {
          MethodSymbol method = (MethodSymbol) node.symbol();
          if ((method.isConstructor() && isEnum(method.owner))
              || MainMethods.isMain(method)
              || RunOnceMethods.carriesRunOnceAnnotation(method, ImmutableSet.of())) {
            base.add(node);
          }
        }
        case FIELD_LAMBDA -> {}
      }
    }
    for (Lifecycles.Open open : opens.get()) {
      if (open.partners().isEmpty() && open.pair().whenMissing() == WhenMissing.RUNS_ONCE) {
        base.add(open.node());
      }
    }
    return base;
  }

  /** Nodes only code in this unit can run: private methods, and what constructors run. */
  private boolean isHidden(Node node) {
    if (node.kind() == Node.Kind.INSTANCE_INIT) {
      return true;
    }
    if (node.kind() != Node.Kind.METHOD) {
      return false;
    }
    Symbol method = node.symbol();
    return (method.flags() & Flags.PRIVATE) != 0
        || (((MethodSymbol) method).isConstructor()
            && method.owner instanceof ClassSymbol owner
            && owner.getNestingKind() == NestingKind.ANONYMOUS);
  }

  private static boolean isEnum(Symbol symbol) {
    return symbol instanceof ClassSymbol c && c.getKind() == ElementKind.ENUM;
  }

  /** Whether code in another compilation unit can name {@code field}, and so change it. */
  static boolean isVisibleOutsideUnit(VarSymbol field) {
    for (Symbol s = field; s != null && !(s instanceof PackageSymbol); s = s.owner) {
      // The flag, not getModifiers(): that builds a set per question, asked of every static field.
      if ((s.flags() & Flags.PRIVATE) != 0) {
        return false;
      }
      if (s instanceof ClassSymbol c
          && (c.getNestingKind() == NestingKind.LOCAL
              || c.getNestingKind() == NestingKind.ANONYMOUS)) {
        return false;
      }
    }
    return true;
  }

  private ImmutableList<String> shrinkLabels(SetMultimap<Node, Change> shrinks) {
    Set<String> labels = new LinkedHashSet<>();
    for (Node node : shrinks.keySet()) {
      labels.add(node.kind() == Node.Kind.METHOD ? label(node) + "()" : label(node));
    }
    return ImmutableList.copyOf(labels);
  }

  /** How messages name where code runs. */
  static String label(Node node) {
    Symbol symbol = node.symbol();
    return switch (node.kind()) {
      case STATIC_INIT -> "a static initializer of " + symbol.getSimpleName();
      case INSTANCE_INIT -> "an instance initializer of " + className(symbol);
      case FIELD_LAMBDA -> "the lambda held by " + symbol.getSimpleName();
      case METHOD ->
          ((MethodSymbol) symbol).isConstructor()
              ? "the constructor of " + className(symbol.owner)
              : symbol.getSimpleName().toString();
    };
  }

  private static String className(Symbol symbol) {
    return symbol.getSimpleName().isEmpty()
        ? "an anonymous class"
        : symbol.getSimpleName().toString();
  }
}
