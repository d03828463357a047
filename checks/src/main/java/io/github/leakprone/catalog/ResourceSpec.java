package io.github.leakprone.catalog;

import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.annotation.Nullable;

/**
 * What the obligation analysis needs to know about one family of resources (JDBC, clients, ...):
 * the catalog's knowledge, in the form the analysis asks for it.
 */
public interface ResourceSpec {

  /** How a resource comes into being at one expression. */
  enum Acquisition {
    /** A resource that must be released by itself. */
    OWNED,
    /**
     * A resource that its receiver's release also releases (a ResultSet and its Statement): an
     * obligation only while that receiver is itself an open obligation of the method.
     */
    CHILD_OF_RECEIVER,
    /**
     * As {@link #CHILD_OF_RECEIVER}, of one of the call's arguments: a helper of the project, in
     * sight, that hands back a child of a resource its caller gave it ({@code return
     * statement.executeQuery(sql)}). The caller sees what the call inside does.
     */
    CHILD_OF_ARGUMENT,
    /**
     * A resource by the look of the method alone (a project's {@code openConnection()}, known by
     * its name and result type): where the analysis can read the method's body, the body decides
     * whether what it returns is new, or a resource it holds (a getter) or wraps.
     */
    OWNED_IF_FRESH,
    /**
     * As {@link #OWNED_IF_FRESH}, but only where the analysis can read the body: a {@code
     * getConnection()} of the class or a superclass out of sight is as often the getter of a
     * connection the object holds (a session's, a transaction's) as a factory.
     */
    OWNED_IF_SEEN_FRESH,
    /**
     * A resource only where the compilation unit holds the method's body and that body returns a
     * new one: a method of the unit declared to return a resource type, whatever its name (JFinal's
     * {@code getTablesResultSet()}). Out of the unit, such a name says nothing.
     */
    OWNED_IF_FRESH_IN_UNIT
  }

  /** Whether {@code tree} (a method or constructor call) acquires a resource, and of which kind. */
  Optional<Acquisition> acquisition(ExpressionTree tree, VisitorState state);

  /**
   * Whether calling {@code method} on a resource releases it ({@code close()}), or hands it to an
   * owner that will ({@code channel.register(selector, ...)}): either way, no longer the method's
   * to close.
   */
  boolean isRelease(MethodSymbol method, VisitorState state);

  /**
   * What {@code method}, called on a resource, answers once the resource is released, if it is a
   * question of whether it is: {@code true} for {@code isClosed()}, {@code false} for {@code
   * channel.isOpen()}; {@code null} for any other method. Where the call gives that answer, the
   * resource is not open.
   */
  @Nullable
  default Boolean answerOnceReleased(MethodSymbol method, VisitorState state) {
    return null;
  }

  /**
   * Whether {@code method} asks a resource whether it is connected ({@code isConnected()}, or
   * {@code isBound()}, false until it is): of one made connected ({@link #isConnectedWhenMade}),
   * which stays connected until it is closed, it asks whether it is open. Where the call answers
   * {@code false}, such a resource is not open.
   */
  default boolean asksWhetherConnected(MethodSymbol method, VisitorState state) {
    return false;
  }

  /**
   * Whether the resource made at {@code site} is connected when made ({@code
   * SocketChannel.open(address)}, {@code new Socket(host, port)}).
   */
  default boolean isConnectedWhenMade(Tree site, VisitorState state) {
    return false;
  }

  /**
   * Whether {@code method}, called on a resource, blocks until it is connected or fails ({@code
   * java.net.Socket.connect}): a field's socket that a method connects once it stores it is, on a
   * later call, connected, or closed: JDK 25's failed {@code connect} closes the socket itself; JDK
   * 17's leaves it unconnected and open for the handler of the failure to close, and a handler that
   * does not is where that socket is lost, not the later call that replaces it. Not connected, it
   * is no earlier value the replacing call loses.
   */
  default boolean connectsOrFails(MethodSymbol method, VisitorState state) {
    return false;
  }

  /**
   * Whether {@code method} asks a resource whether one direction of it was shut down ({@code
   * socket.isInputShutdown()}, {@code isOutputShutdown()}): only its owner's {@code
   * shutdownInput()} or {@code shutdownOutput()} does that, not the peer, so where the code that
   * holds it never calls those, the answer is false.
   */
  default boolean asksWhetherHalfShut(MethodSymbol method, VisitorState state) {
    return false;
  }

  /**
   * Whether calling {@code method} on a resource releases the children it acquired before (running
   * a Statement again closes its current ResultSet).
   */
  boolean releasesChildren(MethodSymbol method);

  /**
   * The positions of the arguments that {@code call} releases by the catalog: a well-known helper
   * such as {@code DbUtils.closeQuietly(rs, st, conn)}, or one the user listed. Empty otherwise;
   * helpers the catalog does not list are judged by the analysis, by their body where it can read
   * it and by their name where it cannot.
   */
  ImmutableSet<Integer> releasedArguments(MethodInvocationTree call, VisitorState state);

  /**
   * Whether {@code method}, a setter by its shape, only lends the object what it is given, for the
   * caller to close: its library documents that it never closes it ({@code ImageReader.setInput},
   * {@code ImageWriter.setOutput}).
   */
  default boolean lendsWhatItIsGiven(MethodSymbol method, VisitorState state) {
    return false;
  }

  /**
   * Whether the result of {@code method}, called on a resource, is that resource seen another way,
   * so that releasing either releases both (an OkHttp response's body, a socket's streams).
   */
  default boolean isView(MethodSymbol method, VisitorState state) {
    return false;
  }

  /**
   * The positions of {@code call}'s arguments through which what it acquires can be released: an
   * Apache HttpClient 4 request executed by {@code client.execute(request)}, whose {@code
   * releaseConnection()}, {@code reset()} or {@code abort()} releases the response's connection
   * ({@link #isRelease}). A local given there holds the response too.
   */
  default ImmutableSet<Integer> argumentsThatCanReleaseIt(
      MethodInvocationTree call, VisitorState state) {
    return ImmutableSet.of();
  }

  /**
   * The positions of the arguments that the object {@code newClass} makes takes over as a
   * decorator: releasing it releases them ({@code new BufferedReader(new FileReader(f))}). Empty
   * for a family whose resources a constructor simply takes (a JDBC wrapper owns what it is given).
   */
  default ImmutableSet<Integer> decoratedArguments(NewClassTree newClass, VisitorState state) {
    return ImmutableSet.of();
  }

  /**
   * The positions of the arguments that the object {@code newClass} makes only reads, out of sight,
   * and leaves open for the caller to close: JavaMail's {@code new MimeMessage(session, in)} parses
   * the message from the stream and leaves it "positioned at the end of the data", and Lucene's
   * {@code new IndexSearcher(reader)} searches through the reader without owning it. A temporary
   * given there is lost; a local stays the caller's.
   */
  default ImmutableSet<Integer> lentArguments(NewClassTree newClass, VisitorState state) {
    return ImmutableSet.of();
  }

  /**
   * The positions of the arguments that the object {@code newClass} makes uses and never releases,
   * not even when it is released itself: a JDK stream given a zlib codec ({@code new
   * InflaterInputStream(in, inflater)}) leaves it open when closed. They stay the caller's to
   * release, whatever becomes of the new object.
   */
  default ImmutableSet<Integer> usedArguments(NewClassTree newClass, VisitorState state) {
    return ImmutableSet.of();
  }

  /**
   * Whether {@code method}, called with {@code arguments} (each local among them replaced by the
   * value it was declared with, if it is never assigned again) on a resource acquired at {@code
   * receiverSites}, releases it when it fails: the exception it throws leaves nothing open ({@code
   * Socket.connect}, {@code SocketChannel.connect}).
   */
  default boolean releasesReceiverOnFailure(
      MethodSymbol method,
      List<? extends ExpressionTree> arguments,
      Set<Tree> receiverSites,
      VisitorState state) {
    return false;
  }

  /**
   * Whether {@code method}, called on a resource or on what one hands out (a connection's
   * metadata), can fail only once the resource is released already (a socket option setter, {@code
   * configureBlocking}) or when the device under it fails (a read of a local file): its exception
   * is not a path anyone guards, and loses nothing. Asked of every call that may throw.
   */
  default boolean failsOnlyWhenClosedOrBroken(MethodSymbol method, VisitorState state) {
    return false;
  }

  /**
   * Whether {@code method} sets or reads an option of what it is called on, and fails only when
   * that is closed or broken whatever value it is given (a socket's {@code setTcpNoDelay}, a
   * statement's {@code setFetchSize}): it fails no more often in a helper that sets the options of
   * what it is handed than in place, so a helper that does nothing else that can fail loses nothing
   * either (Redis Replicator's {@code build(socket)}). Not a statement's typed setters: a value the
   * driver cannot bind makes them fail, and a helper that binds what its caller gives ({@code
   * fillParams(ps, args)}) fails on ordinary input.
   */
  default boolean optionFailsOnlyWhenClosed(MethodSymbol method, VisitorState state) {
    return false;
  }

  /**
   * Whether {@code method}, called on a receiver of static type {@code receiverType} that holds the
   * resource acquired at {@code site} itself, does nothing, and so cannot fail: a {@code
   * FileOutputStream}'s {@code flush()}, which is {@code OutputStream}'s.
   */
  default boolean doesNothing(
      MethodSymbol method, Type receiverType, Tree site, VisitorState state) {
    return false;
  }

  /**
   * Whether {@code method}, called on the resource acquired at {@code site} or given it, only reads
   * it and can fail only when the device under it does: a buffered read of a local file ({@code new
   * BufferedReader(new FileReader(f)).readLine()}), {@code Properties.load} of one. As with the
   * file's own reads ({@link #failsOnlyWhenClosedOrBroken}), such a path is not one anyone guards.
   */
  default boolean readFailsOnlyOnADeviceError(MethodSymbol method, Tree site, VisitorState state) {
    return false;
  }

  /**
   * Whether {@code call} can fail only when the database session it is called on has broken, or on
   * a bug its first run shows: a reset of a connection's transaction mode ({@code setAutoCommit}),
   * the clearing of a statement's parameters, batch or warnings, each of which only changes what
   * the driver keeps, or the making of a statement. On that path what goes with the session ({@link
   * #goesWithItsSession}) is not lost; the connection itself still is, since a broken connection
   * that nobody closes keeps its pool's slot.
   */
  default boolean failsOnlyWhenSessionBroken(MethodInvocationTree call, VisitorState state) {
    return false;
  }

  /**
   * Whether the resource acquired at {@code site} lives in a database session and dies with it: a
   * statement or a result set, not the connection.
   */
  default boolean goesWithItsSession(Tree site, VisitorState state) {
    return false;
  }

  /**
   * Whether {@code method} never returns null: the JDBC specification's {@code getConnection},
   * {@code prepareStatement}, {@code executeQuery}, the JDK's {@code Files.newInputStream}. A local
   * made by one, and never assigned again, fails a test for null on no path.
   */
  default boolean neverReturnsNull(MethodSymbol method, VisitorState state) {
    return false;
  }

  /**
   * Whether {@code method}, called on a resource that opens only when first used ({@link
   * #opensOnFirstUse}), answers without opening it: an unconnected TLS socket asked which protocols
   * and cipher suites it supports (QuickFIX/J's {@code ((SSLSocket)
   * factory.createSocket()).getSupportedProtocols()}).
   */
  default boolean answersWithoutOpening(MethodSymbol method, VisitorState state) {
    return false;
  }

  /**
   * Whether {@code call}, made again on a receiver it was made on before, gives back what it gave
   * the first time rather than a new resource: an {@code HttpURLConnection}'s {@code
   * getInputStream()} returns the stream its first call opened.
   */
  default boolean givesBackWhatItGaveBefore(MethodInvocationTree call, VisitorState state) {
    return false;
  }

  /**
   * Whether what is made of the resource acquired at {@code site} keeps it in use, so that it goes
   * wherever that goes: a class loader's classes, and the objects they make, need it open for every
   * class they load later (SchemaSpy caches a JDBC driver made from a loader of its own). Closing
   * it there would break them; whoever keeps them keeps the loader.
   */
  default boolean isKeptByWhatItMakes(Tree site, VisitorState state) {
    return false;
  }

  /**
   * Whether {@link #isKeptByWhatItMakes} can say yes of any site: the analysis asks it of every
   * call that makes an object of a held resource, and for most families the answer is always no.
   */
  default boolean hasResourcesKeptByWhatTheyMake() {
    return false;
  }

  /**
   * Whether the resource acquired at {@code site} opens what it holds only when it is first used: a
   * {@code URLClassLoader} opens a jar when it loads from it, and an unconnected socket ({@code new
   * Socket()}, {@code factory.createSocket()}) makes its descriptor when it is first bound,
   * connected or configured. One lost before anything used it held nothing.
   */
  default boolean opensOnFirstUse(Tree site, VisitorState state) {
    return false;
  }

  /**
   * Whether reading the resource acquired at {@code site} can fail only when what it came from is
   * broken, whatever the read: the rows of a database's catalogue ({@code
   * DatabaseMetaData.getTables}) are the driver's own, of fixed types, so reading them fails only
   * with the connection, and the cursor goes with it.
   */
  default boolean readsFailOnlyWhenBroken(Tree site, VisitorState state) {
    return false;
  }

  /**
   * Whether the resource acquired at {@code site}, lost only where a failure leaves the method (a
   * call that throws, a {@code throw}), is left to what it lives on: a catalogue query's cursor
   * ({@code DatabaseMetaData.getTables}), which the driver keeps on the connection rather than in a
   * statement of the program's, goes when the connection closes, and whoever holds the connection
   * gets the failure. Lost on a path that does not fail, or released on no path, it is still lost.
   */
  default boolean isLeftToItsConnectionOnFailure(Tree site, VisitorState state) {
    return false;
  }

  /**
   * Whether closing the resource acquired at {@code site} releases what it made, on every path: a
   * physical connection ({@code DriverManager.getConnection}, {@code Driver.connect}) closes its
   * statements when it closes ("All Statement objects created from a given Connection object will
   * be closed when the close method for the Connection object is called", the JDBC specification),
   * and a pool's physical connection ({@code XADataSource.getXAConnection}) the handle it gave out.
   * Not a connection from a {@code DataSource}, which may be a pool's (below).
   */
  default boolean closingReleasesWhatItMade(Tree site, VisitorState state) {
    return false;
  }

  /**
   * Whether {@code method}, called on the object that made a resource still open, answers from what
   * making it read, and cannot fail then: an HTTP connection's {@code getResponseCode()} once its
   * {@code getInputStream()} has returned (the status line was read to open the stream).
   */
  default boolean answersFromWhatItMade(MethodSymbol method, VisitorState state) {
    return false;
  }

  /**
   * Whether calling {@code method} on {@code receiver}, the object that made a resource, releases,
   * on every path, what it made: {@code HttpURLConnection.disconnect()} closes the connection's
   * socket, and the stream {@code getInputStream()} handed out reads from nothing after it.
   */
  default boolean releasesWhatItMade(
      MethodSymbol method, ExpressionTree receiver, VisitorState state) {
    return false;
  }

  /**
   * Whether the resource acquired at {@code site} releases itself once it is read to its end: the
   * body of a response of the JDK's {@code HttpURLConnection} ({@code conn.getInputStream()} on a
   * receiver typed as one), whose stream hands its socket back to the keep-alive cache, or closes
   * it, at the end of the body. Read to the end by {@link #drainedOperand}, it holds nothing; a
   * read that fails before the end still loses it.
   */
  default boolean releasesItselfAtTheEnd(Tree site, VisitorState state) {
    return false;
  }

  /**
   * The operand {@code call} reads to its end before it returns, or null: the stream of {@code
   * IOUtils.toByteArray(in)}, {@code IOUtils.toString(in, charset)}, {@code IOUtils.copy(in, out)},
   * {@code ByteStreams.toByteArray(in)}, the receiver of {@code in.readAllBytes()} and {@code
   * in.transferTo(out)}.
   */
  @Nullable
  default ExpressionTree drainedOperand(MethodInvocationTree call, VisitorState state) {
    return null;
  }

  /**
   * Whether closing {@code closed}, by its own {@code close()} or a closer helper given it ({@code
   * IOUtils.closeQuietly(client)}), releases what it made, as its type tells: an HTTP client's
   * responses. ({@link #closingReleasesWhatItMade} asks the same of where a resource was made.)
   */
  default boolean closingByTypeReleasesWhatItMade(ExpressionTree closed, VisitorState state) {
    return false;
  }

  /**
   * Whether calling {@code method} on the object that made a resource, in the handler of {@code
   * caught}, releases what it made: a connection closed in the handler of a database failure ends
   * its session, and the statements of the session go with it. Not so on other paths: a pool's
   * connection that is closed only goes back to the pool with its statements (incident 004).
   */
  default boolean closingInHandlerReleasesWhatItMade(
      MethodSymbol method, Type caught, VisitorState state) {
    return false;
  }

  /**
   * Whether {@code method}, called on a resource, returns the resource it was made from ({@code
   * Statement.getConnection()}, {@code ResultSet.getStatement()}): code that holds the child can
   * close the parent through it.
   */
  default boolean isParentGetter(MethodSymbol method, VisitorState state) {
    return false;
  }
}
