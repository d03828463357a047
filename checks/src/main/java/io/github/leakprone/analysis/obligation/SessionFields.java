package io.github.leakprone.analysis.obligation;

import static com.google.errorprone.util.ASTHelpers.getSymbol;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.api.JavacTrees;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import io.github.leakprone.catalog.ResourceSpec;
import io.github.leakprone.trees.Casts;
import io.github.leakprone.trees.ClassMethods;
import io.github.leakprone.trees.CompiledWithUs;
import io.github.leakprone.trees.NullLiterals;
import io.github.leakprone.trees.ReturnedValues;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;
import javax.lang.model.element.Modifier;

/**
 * Instance fields that hold a session their class ends: a physical connection ({@link
 * ResourceSpec#closingReleasesWhatItMade}: {@code DriverManager.getConnection}, directly or through
 * a method of the class that returns one) that some code of the class, in sight, closes; a final or
 * private field, which no other class assigns. What is made of such a field and kept in another
 * field of the object lives as long as that session and goes when it closes: dbc's map prepares its
 * statements once, into fields, on the connection its superclass opens with {@code DriverManager}
 * and closes (in {@code finalize()}); closing that connection closes them ("All Statement objects
 * created from a given Connection object will be closed when the close method for the Connection
 * object is called", the JDBC specification). A connection the object was given, or one a pool
 * handed out, may outlive the object, and what the object made of it with it; where its class
 * closes such a connection all the same, a finding about what was made of it says so ({@link
 * #parentItsClassCloses}).
 */
final class SessionFields {

  private final ResourceSpec spec;
  private final ReleasingCalls releasing;
  private final VisitorState state;
  private final Map<Symbol, Uses> known = new HashMap<>();

  SessionFields(ResourceSpec spec, ReleasingCalls releasing, VisitorState state) {
    this.spec = spec;
    this.releasing = releasing;
    this.state = state;
  }

  /**
   * Whether {@code site}, whose resource {@code holder} keeps, makes it of a field of the same
   * object ({@link #parentField}) that holds a session its class ends.
   */
  boolean madeOfAnEndedSession(Tree site, Symbol holder) {
    Symbol field = parentField(site, holder);
    return field != null && uses(field).endsASession();
  }

  /**
   * The field of the same object that {@code site}, whose resource {@code holder} keeps, makes it
   * of, where some code of its class closes that field, or gives it to a call that closes it
   * ({@link ReleasingCalls#closedArguments}: {@code DbUtils.closeQuietly(connection)}): gtfs-lib's
   * error storage keeps its batch statements in fields and, at the end of its life, closes only the
   * connection it was given. Whether that closes the statements is the driver's or the pool's
   * business, which is the finding's point.
   */
  @Nullable
  Symbol parentItsClassCloses(Tree site, Symbol holder) {
    Symbol field = parentField(site, holder);
    return field != null && uses(field).closed ? field : null;
  }

  /**
   * The own instance field {@code site} is called on ({@code connection.prepareStatement(sql)},
   * {@code this.connection.createStatement()}), where {@code holder}'s class is its class or a
   * subclass of it: an inner object that keeps a statement of its outer object's connection may be
   * one of many made on it while it stays open.
   */
  @Nullable
  private Symbol parentField(Tree site, Symbol holder) {
    if (!(site instanceof MethodInvocationTree call)) {
      return null;
    }
    ExpressionTree receiver = ASTHelpers.getReceiver(call);
    if (receiver == null) {
      return null;
    }
    Symbol field = getSymbol(receiver);
    if (!ClassSummary.isOwnField(receiver, field) || ASTHelpers.isStatic(field)) {
      return null;
    }
    return holder.enclClass().isSubClass(field.enclClass(), state.getTypes()) ? field : null;
  }

  /**
   * What the code of {@code field}'s class does with it: whether it stores a session into it,
   * stores anything else, and closes it.
   */
  private record Uses(boolean sessionStored, boolean otherStored, boolean closed) {
    /** Only its class assigns the field, and it stores only sessions, and closes it. */
    boolean endsASession() {
      return sessionStored && !otherStored && closed;
    }
  }

  private static final Uses UNKNOWN = new Uses(false, false, false);

  private Uses uses(Symbol field) {
    return known.computeIfAbsent(field, this::read);
  }

  private Uses read(Symbol field) {
    // Only its class may assign it, so its class's code is the whole story.
    if (!field.getModifiers().contains(Modifier.FINAL)
        && !field.getModifiers().contains(Modifier.PRIVATE)) {
      return UNKNOWN;
    }
    ClassTree owner =
        field.owner instanceof ClassSymbol declaring
            ? JavacTrees.instance(state.context).getTree(declaring)
            : null;
    if (owner == null) {
      return UNKNOWN;
    }
    boolean[] assigned = {false};
    boolean[] otherwise = {false};
    boolean[] closed = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree variable, Void unused) {
        if (getSymbol(variable) == field && variable.getInitializer() != null) {
          note(variable.getInitializer());
        }
        return super.visitVariable(variable, null);
      }

      @Override
      public Void visitAssignment(AssignmentTree assignment, Void unused) {
        if (getSymbol(assignment.getVariable()) == field) {
          note(assignment.getExpression());
        }
        return super.visitAssignment(assignment, null);
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        MethodSymbol method = getSymbol(call);
        ExpressionTree receiver = ASTHelpers.getReceiver(call);
        if (method != null
            && receiver != null
            && getSymbol(Casts.stripped(receiver)) == field
            && spec.isRelease(method, state)) {
          closed[0] = true;
        }
        if (closesAsAnArgument(call)) {
          closed[0] = true;
        }
        return super.visitMethodInvocation(call, null);
      }

      // Whether the call closes the field, given as one of its arguments; asked only of a call
      // that is given it.
      private boolean closesAsAnArgument(MethodInvocationTree call) {
        List<? extends ExpressionTree> arguments = call.getArguments();
        if (arguments.stream()
            .noneMatch(argument -> getSymbol(Casts.stripped(argument)) == field)) {
          return false;
        }
        for (int i : releasing.closedArguments(call, state)) {
          if (getSymbol(Casts.stripped(arguments.get(i))) == field) {
            return true;
          }
        }
        return false;
      }

      private void note(ExpressionTree value) {
        if (opensASession(value, owner)) {
          assigned[0] = true;
        } else if (!NullLiterals.isNull(value)) {
          otherwise[0] = true;
        }
      }
    }.scan(owner, null);
    return new Uses(assigned[0], otherwise[0], closed[0]);
  }

  /**
   * Whether {@code value} opens a session: a physical connection's acquisition, or a call of a
   * method of {@code owner} that no subclass can replace and whose every return is one (dbc's
   * {@code establisConnection(info)}, which returns {@code DriverManager.getConnection(...)}).
   */
  private boolean opensASession(ExpressionTree value, ClassTree owner) {
    ExpressionTree stripped = Casts.stripped(value);
    if (spec.closingReleasesWhatItMade(stripped, state)) {
      return true;
    }
    if (!(stripped instanceof MethodInvocationTree call)) {
      return false;
    }
    MethodSymbol method = getSymbol(call);
    if (method == null || !ClassMethods.cannotBeOverridden(method)) {
      return false;
    }
    MethodTree declaration =
        CompiledWithUs.declaration(method, state)
            .filter(found -> found.owner() == owner)
            .map(CompiledWithUs.Declaration::method)
            .orElse(null);
    if (declaration == null) {
      return false;
    }
    ImmutableList<ExpressionTree> returned = ReturnedValues.expressions(declaration.getBody());
    return !returned.isEmpty()
        && returned.stream()
            .allMatch(each -> spec.closingReleasesWhatItMade(Casts.stripped(each), state));
  }
}
