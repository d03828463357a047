package io.github.leakprone.analysis;

import static com.google.errorprone.util.ASTHelpers.getStartPosition;
import static com.google.errorprone.util.ASTHelpers.getSymbol;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import io.github.leakprone.catalog.MethodRef;
import io.github.leakprone.trees.Casts;
import io.github.leakprone.trees.LocalVariables;
import io.github.leakprone.trees.NullLiterals;
import io.github.leakprone.trees.TreePaths;
import java.util.Optional;
import javax.annotation.Nullable;
import javax.lang.model.element.ElementKind;

/**
 * A {@code URLConnection} asked for a header opens what it answers from: the JDK's connections
 * connect to do so, and connecting opens the file of a {@code file:} URL (and of the jar under a
 * {@code jar:} URL's last-modified time), or sends an HTTP request whose response holds the socket.
 * What they opened is closed by closing {@code getInputStream()}, or by an HTTP connection's {@code
 * disconnect()}; a connection asked only for headers keeps it until the collector finds it (the JDK
 * bug JDK-6956385 tells the file case). night-config's {@code ConfigParser.parse(URL)} asks for the
 * content encoding, then reads the configuration through a second {@code url.openStream()}: every
 * parse of a URL leaves the first connection's response or file open.
 *
 * <p>Found only where nothing in the method could close it: the connection made by {@code
 * openConnection()} in the method, never stored (a chain) or kept in a local that is only
 * configured and asked for headers: not given to anything, returned or stored, and never asked for
 * a stream, {@code disconnect()}ed, nor set to make a {@code HEAD} request (whose response has no
 * body to hold the socket).
 */
public final class HeaderReads {

  /** {@code URLConnection}'s getters that connect to answer. */
  private static final ImmutableList<MethodRef> HEADER_GETTERS =
      ImmutableList.of(
          new MethodRef("java.net.URLConnection", "getContentLength"),
          new MethodRef("java.net.URLConnection", "getContentLengthLong"),
          new MethodRef("java.net.URLConnection", "getContentType"),
          new MethodRef("java.net.URLConnection", "getContentEncoding"),
          new MethodRef("java.net.URLConnection", "getExpiration"),
          new MethodRef("java.net.URLConnection", "getDate"),
          new MethodRef("java.net.URLConnection", "getLastModified"),
          new MethodRef("java.net.URLConnection", "getHeaderField*"),
          new MethodRef("java.net.URLConnection", "getHeaderFields"));

  /** What closes what a connection opened, or hands it to its caller to close. */
  private static final ImmutableSet<String> RELEASING_CALLS =
      ImmutableSet.of(
          "getInputStream", "getErrorStream", "getOutputStream", "getContent", "disconnect");

  private static final MethodRef OPEN_CONNECTION = new MethodRef("java.net.URL", "openConnection");

  /** Whether a call named {@code name} may be one of the header getters: asked of every call. */
  public static boolean namedLikeAHeaderGetter(String name) {
    return HEADER_GETTERS.stream().anyMatch(getter -> getter.nameMatches(name));
  }

  /**
   * The loss a header getter's call at {@code call}'s leaf makes, when it is the first such call on
   * a connection nothing in the method can close.
   */
  public static Optional<Loss> lossAt(TreePath call, VisitorState state) {
    if (!(call.getLeaf() instanceof MethodInvocationTree getter)
        || !MethodRef.anyMatches(HEADER_GETTERS, getSymbol(getter), state)
        || ASTHelpers.getReceiver(getter) == null) {
      return Optional.empty();
    }
    ExpressionTree receiver = Casts.stripped(ASTHelpers.getReceiver(getter));
    if (isOpenConnection(receiver, state)) {
      return Optional.of(new Loss(receiver, null, getter));
    }
    Symbol connection = getSymbol(receiver);
    TreePath method = TreePaths.enclosingMethod(call);
    if (!(receiver instanceof IdentifierTree)
        || connection == null
        || connection.getKind() != ElementKind.LOCAL_VARIABLE
        || method == null) {
      return Optional.empty();
    }
    Tree body = ((MethodTree) method.getLeaf()).getBody();
    ExpressionTree origin = null;
    for (ExpressionTree stored : LocalVariables.storedValues(connection, body)) {
      ExpressionTree value = Casts.stripped(stored);
      if (isOpenConnection(value, state)) {
        if (origin == null) {
          origin = value;
        }
      } else if (!NullLiterals.isNull(value)) {
        return Optional.empty();
      }
    }
    if (origin == null) {
      return Optional.empty();
    }
    Uses uses = new Uses(connection, state);
    uses.scan(method, null);
    return uses.handedOnOrClosed || uses.firstHeaderRead != getter
        ? Optional.empty()
        : Optional.of(new Loss(origin, connection, getter));
  }

  /**
   * A connection's read of a header that nothing closes: the {@code openConnection()} call that
   * made it, the local that holds it (null for a chain), and the first header getter's call.
   */
  public record Loss(
      ExpressionTree origin, @Nullable Symbol local, MethodInvocationTree firstRead) {}

  private static boolean isOpenConnection(ExpressionTree tree, VisitorState state) {
    return tree instanceof MethodInvocationTree made
        && OPEN_CONNECTION.matches(getSymbol(made), state);
  }

  /** What a method does with a local connection, read from its uses. */
  private static final class Uses extends TreePathScanner<Void, Void> {
    private final Symbol connection;
    private final VisitorState state;

    boolean handedOnOrClosed;
    MethodInvocationTree firstHeaderRead;

    Uses(Symbol connection, VisitorState state) {
      this.connection = connection;
      this.state = state;
    }

    @Override
    public Void visitIdentifier(IdentifierTree identifier, Void unused) {
      if (getSymbol(identifier) == connection) {
        judge(getCurrentPath());
      }
      return null;
    }

    private void judge(TreePath use) {
      Tree parent = use.getParentPath().getLeaf();
      if (parent instanceof AssignmentTree stored && stored.getVariable() == use.getLeaf()) {
        return; // a store of the connection itself, judged by its value
      }
      Tree grandparent = use.getParentPath().getParentPath().getLeaf();
      if (!(parent instanceof MemberSelectTree select)
          || !(grandparent instanceof MethodInvocationTree invoked)
          || invoked.getMethodSelect() != select) {
        handedOnOrClosed = true; // given to a method, returned, stored or captured
        return;
      }
      MethodSymbol method = getSymbol(invoked);
      String name = select.getIdentifier().toString();
      if (RELEASING_CALLS.contains(name) || makesAHeadRequest(name, invoked)) {
        handedOnOrClosed = true;
      } else if (MethodRef.anyMatches(HEADER_GETTERS, method, state)
          && (firstHeaderRead == null
              || getStartPosition(invoked) < getStartPosition(firstHeaderRead))) {
        firstHeaderRead = invoked;
      }
    }

    private static boolean makesAHeadRequest(String name, MethodInvocationTree invoked) {
      return name.equals("setRequestMethod")
          && invoked.getArguments().size() == 1
          && "HEAD".equals(ASTHelpers.constValue(invoked.getArguments().get(0), String.class));
    }
  }

  private HeaderReads() {}
}
