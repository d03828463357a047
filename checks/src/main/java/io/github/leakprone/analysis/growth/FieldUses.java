package io.github.leakprone.analysis.growth;

import static com.google.errorprone.util.ASTHelpers.getSymbol;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import io.github.leakprone.trees.NullComparisons;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Follows every use of the watched fields through one compilation unit: where each grows or
 * shrinks, whether it escapes, what values it is given, and who calls whom.
 *
 * <p>A use is followed outwards from the field (see {@link UseWalk}) through calls that hand out a
 * live part of it (a view such as {@code keySet()} or {@code iterator()}, an inner collection such
 * as {@code get(key)}), and through locals, loop variables and lambda parameters that hold such a
 * part. It ends at a growth or shrink call, at a use that only reads, or at an escape: the part is
 * returned, stored in a field, or passed to a method that may keep it.
 */
final class FieldUses {

  /** What is gathered about one watched field while the unit is scanned. */
  private static final class FieldTally {
    final List<ExpressionTree> values = new ArrayList<>();
    final List<Change> changes = new ArrayList<>();
    final Set<Node> sizeGuarded = new HashSet<>();

    /** The nodes whose code looks a key up in the field. */
    final Set<Node> lookups = new HashSet<>();

    /** The nodes whose code asks whether the field holds a value. */
    final Set<Node> membershipTests = new HashSet<>();

    boolean escapes;

    FieldUseSummary summary() {
      return new FieldUseSummary(
          ImmutableList.copyOf(values),
          ImmutableList.copyOf(changes),
          ImmutableSet.copyOf(sizeGuarded),
          ImmutableSet.copyOf(membershipTests),
          escapes);
    }
  }

  private final UnitIndex index;
  private final ContainerTypes types;
  private final GrowthKeys keys;
  private final Map<VarSymbol, FieldTally> tallies = new HashMap<>();
  private final Map<Symbol, VarSymbol> aliases = new HashMap<>();
  private final CallGraph.Builder graph = new CallGraph.Builder();
  private final Set<Node> nodes = new HashSet<>();

  private FieldUses(UnitIndex index, ContainerTypes types, VisitorState state) {
    this.index = index;
    this.types = types;
    this.keys = new GrowthKeys(types, state);
    index.fields.keySet().forEach(field -> tallies.put(field, new FieldTally()));
  }

  static UnitUses scan(TreePath unit, UnitIndex index, ContainerTypes types, VisitorState state) {
    FieldUses uses = new FieldUses(index, types, state);
    uses.new Scanner().scan(unit, null);
    ImmutableMap.Builder<VarSymbol, FieldUseSummary> fields = ImmutableMap.builder();
    for (VarSymbol field : index.fields.keySet()) {
      fields.put(field, uses.tallies.get(field).summary());
    }
    return new UnitUses(fields.buildOrThrow(), uses.graph.build(), ImmutableSet.copyOf(uses.nodes));
  }

  /** The watched field whose content {@code local} holds, or null. */
  VarSymbol aliasOf(Symbol local) {
    return aliases.get(local);
  }

  /** {@code local} (a local, loop or lambda variable) holds {@code field}'s content, or a part. */
  void alias(Symbol local, VarSymbol field) {
    aliases.put(local, field);
  }

  /** Records a removal from {@code field} at {@code path}: by condition or wholesale if a sweep. */
  void recordShrink(VarSymbol field, TreePath path, boolean sweep) {
    recordChange(
        field,
        path,
        context ->
            new Change(
                Change.Kind.SHRINK,
                field,
                path,
                context.node(),
                context.deferred(),
                sweep,
                false,
                false,
                Optional.empty()));
  }

  /** Records a removal that empties {@code field} or removes by condition. */
  void recordSweep(VarSymbol field, TreePath path) {
    recordShrink(field, path, true);
  }

  /** Records a growth of {@code field} at {@code path}; see {@link Change} for the rest. */
  void recordGrowth(
      VarSymbol field,
      TreePath path,
      boolean bounded,
      boolean addsEveryCall,
      Optional<DirectGrowth> direct) {
    recordChange(
        field,
        path,
        context ->
            new Change(
                Change.Kind.GROWTH,
                field,
                path,
                context.node(),
                context.deferred(),
                false,
                bounded,
                addsEveryCall,
                direct));
  }

  /** Keeps the change made in the node (and deferral) that {@code path} runs in, if any. */
  private void recordChange(VarSymbol field, TreePath path, Function<NodeContext, Change> change) {
    NodeContext.of(path)
        .ifPresent(context -> tallies.get(field).changes.add(change.apply(context)));
  }

  /** Records that {@code field}'s content leaves the unit's sight. */
  void recordEscape(VarSymbol field) {
    tallies.get(field).escapes = true;
  }

  /** Records that the code around {@code call} asks whether {@code field} holds a value. */
  void recordMembershipTest(VarSymbol field, TreePath call) {
    NodeContext.of(call)
        .ifPresent(context -> tallies.get(field).membershipTests.add(context.node()));
  }

  /** Records that the code around {@code call} looks a key up in {@code field}. */
  void recordLookup(VarSymbol field, TreePath call) {
    NodeContext.of(call).ifPresent(context -> tallies.get(field).lookups.add(context.node()));
  }

  /**
   * Whether code in {@code node} looks a key up in {@code field} (before adding to it). Any key:
   * code that asks the container first is a cache, whether it asks under the key it adds or under
   * another text of it (SchemaSpy's driver cache, looked up under each configured class name and
   * filled under the loaded class's).
   */
  boolean isLookedUp(VarSymbol field, Node node) {
    return tallies.get(field).lookups.contains(node);
  }

  /** Records that the code around {@code call} tests {@code field}'s size in a condition. */
  void recordSizeGuard(VarSymbol field, TreePath call) {
    NodeContext.of(call).ifPresent(context -> tallies.get(field).sizeGuarded.add(context.node()));
  }

  private final class Scanner extends TreePathScanner<Void, Void> {

    @Override
    public Void visitIdentifier(IdentifierTree tree, Void unused) {
      Symbol symbol = getSymbol(tree);
      if (symbol != null) {
        if (tallies.containsKey(symbol)) {
          follow((VarSymbol) symbol, true);
        } else if (aliases.containsKey(symbol)) {
          follow(aliases.get(symbol), false);
        }
      }
      return null;
    }

    @Override
    public Void visitMemberSelect(MemberSelectTree tree, Void unused) {
      Symbol symbol = getSymbol(tree);
      if (symbol != null && tallies.containsKey(symbol)) {
        follow((VarSymbol) symbol, true);
      }
      return super.visitMemberSelect(tree, null);
    }

    private void follow(VarSymbol field, boolean onField) {
      new UseWalk(FieldUses.this, types, keys, field, onField).from(getCurrentPath());
    }

    @Override
    public Void visitVariable(VariableTree tree, Void unused) {
      Symbol symbol = getSymbol(tree);
      if (symbol != null && tallies.containsKey(symbol) && tree.getInitializer() != null) {
        tallies.get(symbol).values.add(tree.getInitializer());
      }
      return super.visitVariable(tree, null);
    }

    @Override
    public Void visitAssignment(AssignmentTree tree, Void unused) {
      Symbol symbol = getSymbol(tree.getVariable());
      if (symbol != null && tallies.containsKey(symbol)) {
        VarSymbol field = (VarSymbol) symbol;
        tallies.get(field).values.add(tree.getExpression());
        Optional<NodeContext> context = NodeContext.of(getCurrentPath());
        // A new value empties the field, unless it only fills an empty one (lazy initialisation).
        if (context.isPresent()
            && context.get().node().kind() != Node.Kind.STATIC_INIT
            && !isLazyInitialisation(getCurrentPath(), field)) {
          recordSweep(field, getCurrentPath());
        }
      }
      return super.visitAssignment(tree, null);
    }

    @Override
    public Void visitMethod(MethodTree tree, Void unused) {
      MethodSymbol symbol = getSymbol(tree);
      if (symbol != null) {
        Node node = new Node(symbol, Node.Kind.METHOD);
        nodes.add(node);
        if (symbol.isConstructor() && symbol.owner instanceof ClassSymbol owner) {
          graph.add(node, new Node(owner, Node.Kind.INSTANCE_INIT), false);
        }
      }
      return super.visitMethod(tree, null);
    }

    @Override
    public Void visitClass(ClassTree tree, Void unused) {
      ClassSymbol symbol = getSymbol(tree);
      if (symbol != null) {
        nodes.add(new Node(symbol, Node.Kind.STATIC_INIT));
        nodes.add(new Node(symbol, Node.Kind.INSTANCE_INIT));
        // A local or anonymous class's methods run whenever its creator's object is called back.
        TreePath parent = getCurrentPath().getParentPath();
        Optional<NodeContext> creator =
            parent.getLeaf() instanceof ClassTree ? Optional.empty() : NodeContext.of(parent);
        if (creator.isPresent()) {
          for (MethodSymbol method : index.methodsOf.get(symbol)) {
            graph.add(creator.get().node(), new Node(method, Node.Kind.METHOD), true);
          }
        }
      }
      return super.visitClass(tree, null);
    }

    @Override
    public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
      calls(getSymbol(tree), false);
      return super.visitMethodInvocation(tree, null);
    }

    @Override
    public Void visitNewClass(NewClassTree tree, Void unused) {
      calls(getSymbol(tree), false);
      return super.visitNewClass(tree, null);
    }

    @Override
    public Void visitMemberReference(MemberReferenceTree tree, Void unused) {
      calls(getSymbol(tree), true);
      return super.visitMemberReference(tree, null);
    }

    private void calls(Symbol callee, boolean deferred) {
      if (callee instanceof MethodSymbol method && index.methods.containsKey(method)) {
        Optional<NodeContext> context = NodeContext.of(getCurrentPath());
        if (context.isEmpty()) {
          return;
        }
        Node from = context.get().node();
        Node to = new Node(method, Node.Kind.METHOD);
        boolean later = deferred || context.get().deferred();
        // Only a private method's callers decide whether it runs once (CallGraph.once).
        if ((method.flags() & Flags.PRIVATE) != 0 && OncePerJvm.runs(getCurrentPath())) {
          graph.addOncePerJvm(from, to, later);
        } else {
          graph.add(from, to, later);
        }
      }
    }
  }

  /**
   * {@code if (FIELD == null) FIELD = ...}: the assignment fills an empty field, empties nothing.
   */
  private static boolean isLazyInitialisation(TreePath assignment, VarSymbol field) {
    for (TreePath p = assignment.getParentPath(); p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof IfTree ifTree && comparesWithNull(ifTree.getCondition(), field)) {
        return true;
      }
      if (leaf instanceof MethodTree || leaf instanceof ClassTree) {
        return false;
      }
    }
    return false;
  }

  /** Whether {@code condition} holds a {@code field == null} anywhere, as lazy set-up asks. */
  private static boolean comparesWithNull(ExpressionTree condition, VarSymbol field) {
    boolean[] found = new boolean[1];
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitBinary(BinaryTree tree, Void unused) {
        ExpressionTree compared = NullComparisons.comparedWithNull(tree);
        found[0] |=
            tree.getKind() == Tree.Kind.EQUAL_TO
                && compared != null
                && field.equals(getSymbol(compared));
        return super.visitBinary(tree, null);
      }
    }.scan(condition, null);
    return found[0];
  }
}
