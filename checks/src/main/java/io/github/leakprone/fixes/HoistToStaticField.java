package io.github.leakprone.fixes;

import static com.google.errorprone.util.ASTHelpers.getReceiver;
import static com.google.errorprone.util.ASTHelpers.getStartPosition;
import static com.google.errorprone.util.ASTHelpers.getSymbol;
import static com.google.errorprone.util.ASTHelpers.getType;

import com.google.common.base.Ascii;
import com.google.common.base.CaseFormat;
import com.google.common.collect.ImmutableList;
import com.google.errorprone.VisitorState;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.fixes.SuggestedFixes;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.Types;
import io.github.leakprone.analysis.Fate;
import io.github.leakprone.catalog.ContainerStores;
import io.github.leakprone.catalog.HeavyweightClient;
import io.github.leakprone.catalog.ReleaseNames;
import io.github.leakprone.trees.ConstantExpressions;
import io.github.leakprone.trees.LocalVariables;
import io.github.leakprone.trees.SourceText;
import io.github.leakprone.trees.TreePaths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.NestingKind;

/**
 * Moves a shareable client built from constants into a {@code private static final} field, as
 * incident 001's own fix did: the configuration statements that follow it, if they use only
 * constants, move into a static initializer, and the method uses the field.
 *
 * <p>Offered only when the move keeps behaviour: every argument is a constant, nothing throws a
 * checked exception, the class can hold a static field, the client stays in the method (not
 * returned, stored or kept), and every later use of the client leaves it unchanged and owned by the
 * class alone (a method the catalog lists as such that releases nothing down its chain, or an
 * argument of a static utility that cannot keep it). A client closed by one user would be closed
 * for every other user in the JVM.
 */
public final class HoistToStaticField {

  public static Optional<SuggestedFix> fix(
      HeavyweightClient client, Fate fate, VisitorState state) {
    if (fate.kind() != Fate.Kind.STAYS_IN_METHOD) {
      // One shared instance would change what the collection or field holds, and one that leaves
      // the method would get owners that may close it under every other user in the JVM.
      return Optional.empty();
    }
    TreePath creationPath = state.getPath();
    ExpressionTree creation = (ExpressionTree) creationPath.getLeaf();
    TreePath classPath = enclosingClass(creationPath);
    if (classPath == null
        || !canHoldStaticField((ClassTree) classPath.getLeaf())
        || !ConstantExpressions.isMovableToStaticField(creation, state)) {
      return Optional.empty();
    }
    Tree parent = creationPath.getParentPath().getLeaf();
    Tree grandparent = creationPath.getParentPath().getParentPath().getLeaf();
    if (parent instanceof VariableTree local && grandparent instanceof BlockTree block) {
      return hoistLocal(client, local, block, classPath, state);
    }
    if (isSharedUse(client, creation, creationPath.getParentPath(), state)) {
      return hoistInline(client, creation, classPath, state);
    }
    return Optional.empty();
  }

  /**
   * {@code T x = new T(); x.f = CONST; use(x);} becomes a field, a static block and {@code use(X)}.
   */
  private static Optional<SuggestedFix> hoistLocal(
      HeavyweightClient client,
      VariableTree local,
      BlockTree block,
      TreePath classPath,
      VisitorState state) {
    VarSymbol symbol = getSymbol(local);
    Tree method = LocalVariables.enclosingMethodOrClass(state.getPath());
    if (symbol.getKind() != ElementKind.LOCAL_VARIABLE
        || LocalVariables.isAssigned(symbol, method)) {
      return Optional.empty();
    }
    List<StatementTree> configuration = configurationAfter(client, local, block, symbol, state);
    Set<Tree> moved = new HashSet<>(configuration);
    List<TreePath> uses = usesOutside(symbol, moved, state);
    for (TreePath use : uses) {
      if (!isSharedUse(client, (ExpressionTree) use.getLeaf(), use.getParentPath(), state)) {
        return Optional.empty();
      }
    }
    ClassTree owner = (ClassTree) classPath.getLeaf();
    String name = fieldName(toConstantCase(local.getName().toString()), owner, symbol, state);
    SuggestedFix.Builder fix = SuggestedFix.builder();
    String type = SuggestedFixes.qualifyType(state, fix, getType(local));
    StringBuilder members = new StringBuilder();
    String indent = memberIndent(classPath, state);
    String unit = SourceText.indentStep(indent, classPath.getLeaf(), state);
    members.append(fieldDeclaration(indent, type, name, local.getInitializer(), state));
    if (!configuration.isEmpty()) {
      members.append('\n').append(indent).append("static {\n");
      for (StatementTree statement : configuration) {
        members
            .append(indent)
            .append(unit)
            .append(renamed(statement, symbol, name, state))
            .append('\n');
      }
      members.append(indent).append("}\n");
    }
    List<Tree> hoisted = new ArrayList<>(configuration);
    hoisted.add(local.getInitializer());
    insertMembers(fix, owner, hoisted, members.toString(), state);
    SourceText.deleteLines(fix, local, state);
    configuration.forEach(statement -> SourceText.deleteLines(fix, statement, state));
    if (!name.equals(local.getName().toString())) {
      uses.forEach(use -> fix.replace(use.getLeaf(), name));
    }
    return Optional.of(fix.build());
  }

  /** {@code use(new T())} becomes {@code use(T_FIELD)}. */
  private static Optional<SuggestedFix> hoistInline(
      HeavyweightClient client, ExpressionTree creation, TreePath classPath, VisitorState state) {
    ClassTree owner = (ClassTree) classPath.getLeaf();
    SuggestedFix.Builder fix = SuggestedFix.builder();
    String type = SuggestedFixes.qualifyType(state, fix, getType(creation));
    String name = fieldName(toConstantCase(simpleName(client, creation)), owner, null, state);
    String indent = memberIndent(classPath, state);
    String field = fieldDeclaration(indent, type, name, creation, state);
    insertMembers(fix, owner, ImmutableList.of(creation), field, state);
    fix.replace(creation, name);
    return Optional.of(fix.build());
  }

  /**
   * The statements right after {@code local} that only configure it with constants: {@code x.f =
   * CONST;} or {@code x.m(CONST, ...);} where {@code m} changes the client (it is not one of the
   * catalog's shared uses, which are uses, not configuration) and throws no checked exception (a
   * static initializer cannot).
   */
  private static List<StatementTree> configurationAfter(
      HeavyweightClient client,
      VariableTree local,
      BlockTree block,
      VarSymbol symbol,
      VisitorState state) {
    List<? extends StatementTree> statements = block.getStatements();
    List<StatementTree> configuration = new ArrayList<>();
    for (int i = statements.indexOf(local) + 1; i < statements.size(); i++) {
      if (!(statements.get(i) instanceof ExpressionStatementTree statement)
          || !configures(client, statement.getExpression(), symbol, state)) {
        break;
      }
      configuration.add(statement);
    }
    return configuration;
  }

  private static boolean configures(
      HeavyweightClient client, ExpressionTree expression, VarSymbol symbol, VisitorState state) {
    if (expression instanceof AssignmentTree assignment
        && assignment.getVariable() instanceof MemberSelectTree target) {
      return isReferenceTo(target.getExpression(), symbol)
          && ConstantExpressions.isConstant(assignment.getExpression(), state);
    }
    if (expression instanceof MethodInvocationTree call) {
      // `client.newCall(request)` or `mapper.writeValueAsString(CONST)` is a use of the client, not
      // configuration: moved into a static initializer it would run once, at class load, instead.
      MethodSymbol method = getSymbol(call);
      return isReferenceTo(getReceiver(call), symbol)
          && !client.isSharedUse(method.getSimpleName().toString())
          && ConstantExpressions.allConstant(call.getArguments(), state)
          && ConstantExpressions.throwsOnlyUnchecked(method, state);
    }
    return false;
  }

  /**
   * Whether the value at {@code valueParent}'s child is used in a way a shared instance allows: as
   * the receiver of a method that leaves it unchanged and releases nothing down its chain ({@code
   * client.dispatcher().executorService().shutdown()} would stop the one shared client), or as an
   * argument of a call that cannot keep it (see {@link #isPassedWithoutKeeping}).
   */
  private static boolean isSharedUse(
      HeavyweightClient client, ExpressionTree value, TreePath valueParent, VisitorState state) {
    Tree parent = valueParent.getLeaf();
    if (parent instanceof MemberSelectTree select
        && valueParent.getParentPath().getLeaf() instanceof MethodInvocationTree) {
      return client.isSharedUse(select.getIdentifier().toString())
          && !releasesDownTheChain(valueParent.getParentPath());
    }
    if (parent instanceof MethodInvocationTree call && call.getArguments().contains(value)) {
      return isPassedWithoutKeeping(call, value, state);
    }
    return false;
  }

  /** Whether a call in the chain that starts at {@code call} ({@code a().b().c()}) releases. */
  private static boolean releasesDownTheChain(TreePath call) {
    TreePath p = call;
    while (p.getLeaf() instanceof MethodInvocationTree invocation) {
      if (ReleaseNames.isReleaseHelper(getSymbol(invocation).getSimpleName().toString())) {
        return true;
      }
      TreePath select = p.getParentPath();
      if (!(select.getLeaf() instanceof MemberSelectTree)
          || !(select.getParentPath().getLeaf() instanceof MethodInvocationTree)) {
        return false;
      }
      p = select.getParentPath();
    }
    return false;
  }

  /**
   * Whether passing {@code value} to {@code call} leaves it with the method: a static utility
   * ({@code JSON.toJSONString(bean, config)}) that neither stores nor releases by its name, and
   * whose result cannot be the value itself. A constructor or an instance method may keep it in the
   * object it builds or is called on, a keeper that may close it later; a shared instance must have
   * no owner but the class.
   */
  private static boolean isPassedWithoutKeeping(
      MethodInvocationTree call, ExpressionTree value, VisitorState state) {
    MethodSymbol method = getSymbol(call);
    if (method == null || !ASTHelpers.isStatic(method)) {
      return false;
    }
    String name = method.getSimpleName().toString();
    if (ContainerStores.mayStoreArgument(name) || ReleaseNames.isReleaseHelper(name)) {
      return false;
    }
    Type result = getType(call);
    Type valueType = getType(value);
    return result == null
        || result.isPrimitiveOrVoid()
        || valueType == null
        || !ASTHelpers.isSubtype(valueType, state.getTypes().erasure(result), state);
  }

  private static List<TreePath> usesOutside(
      VarSymbol symbol, Set<Tree> excluded, VisitorState state) {
    List<TreePath> uses = new ArrayList<>();
    Tree method = LocalVariables.enclosingMethodOrClass(state.getPath());
    TreePath methodPath = TreePaths.pathTo(method, state.getPath());
    new TreePathScanner<Void, Void>() {
      @Override
      public Void scan(Tree tree, Void unused) {
        return excluded.contains(tree) ? null : super.scan(tree, null);
      }

      @Override
      public Void visitIdentifier(IdentifierTree tree, Void unused) {
        if (getSymbol(tree) == symbol) {
          uses.add(getCurrentPath());
        }
        return null;
      }
    }.scan(methodPath, null);
    return uses;
  }

  private static String renamed(
      StatementTree statement, VarSymbol symbol, String name, VisitorState state) {
    String source = state.getSourceForNode(statement);
    int base = getStartPosition(statement);
    List<int[]> spans = new ArrayList<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree tree, Void unused) {
        if (getSymbol(tree) == symbol) {
          spans.add(new int[] {getStartPosition(tree) - base, state.getEndPosition(tree) - base});
        }
        return null;
      }
    }.scan(statement, null);
    StringBuilder text = new StringBuilder(source);
    for (int i = spans.size() - 1; i >= 0; i--) {
      int[] span = spans.get(i);
      if (span[0] >= 0 && span[1] <= source.length()) {
        text.replace(span[0], span[1], name);
      }
    }
    return text.toString();
  }

  private static String fieldDeclaration(
      String indent, String type, String name, ExpressionTree initializer, VisitorState state) {
    return String.format(
        "%sprivate static final %s %s = %s;\n",
        indent, type, name, state.getSourceForNode(initializer));
  }

  /**
   * Inserts {@code members} first in {@code owner}'s body, except that they must follow an enum's
   * constants (which come first in any enum) and every static field of {@code owner} that the
   * {@code moved} code reads (a static initializer may not read a field declared below it). One
   * blank line sets them off from the member after them, whatever blank lines stood there.
   */
  private static void insertMembers(
      SuggestedFix.Builder fix,
      ClassTree owner,
      List<? extends Tree> moved,
      String members,
      VisitorState state) {
    int position = SourceText.bodyStart(owner, state);
    if (getSymbol(owner).getKind() == ElementKind.ENUM) {
      position = Math.max(position, SourceText.memberEnd(owner, position, state));
    }
    Set<Symbol> read = staticFieldsOf(owner, moved);
    for (Tree member : owner.getMembers()) {
      if (member instanceof VariableTree field && read.contains(getSymbol(field))) {
        position = Math.max(position, SourceText.memberEnd(owner, getStartPosition(field), state));
      }
    }
    // After a trailing comment on that line, not before it.
    CharSequence source = state.getSourceCode();
    int lineRest = skipBlanks(source, position);
    if (source.toString().startsWith("//", lineRest)) {
      position = lineEnd(source, lineRest);
    }
    String text = members.endsWith("\n") ? members.substring(0, members.length() - 1) : members;
    fix.replace(
        position, position, "\n" + text + (blankOrEndFollows(source, position) ? "" : "\n"));
  }

  /**
   * Whether the line after {@code position}'s is blank, or closes the class: the inserted members
   * need no blank line of their own after them.
   */
  private static boolean blankOrEndFollows(CharSequence source, int position) {
    int end = lineEnd(source, position);
    if (end >= source.length()) {
      return true;
    }
    int next = skipBlanks(source, end + 1);
    return next >= source.length() || source.charAt(next) == '\n' || source.charAt(next) == '}';
  }

  private static int skipBlanks(CharSequence source, int position) {
    int i = position;
    while (i < source.length() && (source.charAt(i) == ' ' || source.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  private static int lineEnd(CharSequence source, int position) {
    int i = position;
    while (i < source.length() && source.charAt(i) != '\n') {
      i++;
    }
    return i;
  }

  /** The static fields declared in {@code owner} that {@code trees} name. */
  private static Set<Symbol> staticFieldsOf(ClassTree owner, List<? extends Tree> trees) {
    ClassSymbol ownerSymbol = getSymbol(owner);
    Set<Symbol> fields = new HashSet<>();
    TreeScanner<Void, Void> scanner =
        new TreeScanner<Void, Void>() {
          @Override
          public Void visitIdentifier(IdentifierTree tree, Void unused) {
            add(getSymbol(tree));
            return null;
          }

          @Override
          public Void visitMemberSelect(MemberSelectTree tree, Void unused) {
            add(getSymbol(tree));
            return super.visitMemberSelect(tree, null);
          }

          private void add(Symbol symbol) {
            if (symbol instanceof VarSymbol
                && symbol.owner == ownerSymbol
                && symbol.getKind() == ElementKind.FIELD
                && ASTHelpers.isStatic(symbol)) {
              fields.add(symbol);
            }
          }
        };
    trees.forEach(tree -> scanner.scan(tree, null));
    return fields;
  }

  /** A field name not yet used in {@code owner}: {@code NAME}, else {@code NAME_2}, .... */
  private static String fieldName(
      String base, ClassTree owner, Symbol replacedLocal, VisitorState state) {
    Set<String> taken = new HashSet<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree tree, Void unused) {
        if (getSymbol(tree) != replacedLocal) {
          taken.add(tree.getName().toString());
        }
        return super.visitVariable(tree, null);
      }
    }.scan(owner, null);
    ClassSymbol ownerSymbol = getSymbol(owner);
    for (Symbol member : ownerSymbol.members().getSymbols()) {
      taken.add(member.getSimpleName().toString());
    }
    // The new field would also hide any field of that name the class's code reaches now: one it
    // inherits, one of an enclosing class (or inherited by one), or one imported statically.
    Types types = state.getTypes();
    for (Symbol enclosing = ownerSymbol; enclosing != null; enclosing = enclosing.owner) {
      if (enclosing instanceof ClassSymbol enclosingClass) {
        for (Symbol member : types.membersClosure(enclosingClass.type, false).getSymbols()) {
          if (member instanceof VarSymbol) {
            taken.add(member.getSimpleName().toString());
          }
        }
      }
    }
    for (ImportTree importTree : state.getPath().getCompilationUnit().getImports()) {
      if (importTree.isStatic()
          && importTree.getQualifiedIdentifier() instanceof MemberSelectTree imported) {
        taken.add(imported.getIdentifier().toString());
      }
    }
    String name = base;
    for (int i = 2; taken.contains(name); i++) {
      name = base + "_" + i;
    }
    return name;
  }

  private static String toConstantCase(String name) {
    if (Ascii.toUpperCase(name).equals(name)) {
      return name;
    }
    return CaseFormat.LOWER_CAMEL.to(
        CaseFormat.UPPER_UNDERSCORE, Character.toLowerCase(name.charAt(0)) + name.substring(1));
  }

  private static String simpleName(HeavyweightClient client, ExpressionTree creation) {
    return client.displayName().isEmpty()
        ? getType(creation).tsym.getSimpleName().toString()
        : client.displayName();
  }

  /**
   * The class whose member holds the creation, skipping lambdas but not local or anonymous classes.
   */
  private static TreePath enclosingClass(TreePath path) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof ClassTree) {
        return p;
      }
    }
    return null;
  }

  /**
   * Top-level or static nested classes, enums and records: any source level allows them statics.
   */
  private static boolean canHoldStaticField(ClassTree owner) {
    ClassSymbol symbol = getSymbol(owner);
    boolean kindAllows =
        symbol.getKind() == ElementKind.CLASS
            || symbol.getKind() == ElementKind.ENUM
            || symbol.getKind().name().equals("RECORD");
    return kindAllows
        && (symbol.getNestingKind() == NestingKind.TOP_LEVEL
            || (symbol.getNestingKind() == NestingKind.MEMBER && symbol.isStatic()));
  }

  /**
   * The indentation of {@code classPath}'s members: that of the first member that starts its own
   * line inside the body. Not a member on the line of the class's brace (an enum whose constants
   * follow its brace), nor one javac made up (a default constructor, a record's fields from its
   * header): their line's indentation is the class's own. Else one step more than the class.
   */
  private static String memberIndent(TreePath classPath, VisitorState state) {
    ClassTree owner = (ClassTree) classPath.getLeaf();
    int bodyStart = SourceText.bodyStart(owner, state);
    for (Tree member : owner.getMembers()) {
      int position = getStartPosition(member);
      if (position > bodyStart && SourceText.startsLine(position, state)) {
        return SourceText.indentationAt(position, state);
      }
    }
    return SourceText.indentationAt(getStartPosition(owner), state) + "  ";
  }

  private static boolean isReferenceTo(ExpressionTree tree, VarSymbol symbol) {
    return tree instanceof IdentifierTree && getSymbol(tree) == symbol;
  }

  private HoistToStaticField() {}
}
