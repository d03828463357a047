package io.github.leakprone.catalog;

import static com.google.common.collect.ImmutableList.toImmutableList;
import static com.google.errorprone.util.ASTHelpers.getSymbol;
import static com.google.errorprone.util.ASTHelpers.isStatic;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Iterables;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import io.github.leakprone.trees.ClassMethods;
import io.github.leakprone.trees.CompiledWithUs;
import io.github.leakprone.trees.Receivers;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import javax.annotation.Nullable;
import javax.tools.JavaFileObject;

/**
 * JDBC's resources: which calls acquire a Connection, Statement or ResultSet, what releases one,
 * and the well-known helpers that close their arguments. Users add their own with {@code
 * -XepOpt:JdbcResourceLeak:Acquirers=...} and {@code -XepOpt:JdbcResourceLeak:Closers=...}.
 *
 * <p>Closing a Connection does not count as closing its Statements: with a pool it only returns the
 * connection (incident 004). Closing or re-running a Statement does close its current ResultSet.
 */
public final class JdbcResources implements ResourceSpec {

  public static final String ACQUIRERS_FLAG = "JdbcResourceLeak:Acquirers";
  public static final String CLOSERS_FLAG = "JdbcResourceLeak:Closers";
  private static final String DOC_PAGE = "docs/bugpatterns/JdbcResourceLeak.md";

  private static final ImmutableList<MethodRef> OWNED =
      ImmutableList.of(
          new MethodRef("javax.sql.DataSource", "getConnection"),
          new MethodRef("java.sql.DriverManager", "getConnection"),
          new MethodRef("java.sql.Connection", "createStatement"),
          new MethodRef("java.sql.Connection", "prepareStatement"),
          new MethodRef("java.sql.Connection", "prepareCall"),
          new MethodRef("java.sql.Driver", "connect"),
          // A pooled connection's handle: closing it returns the physical connection to the pool.
          new MethodRef("javax.sql.PooledConnection", "getConnection"),
          // The physical connection a pool keeps: closing the handle it hands out does not close
          // it (the handle's close only tells the pool's listeners it is free again).
          new MethodRef("javax.sql.ConnectionPoolDataSource", "getPooledConnection"),
          new MethodRef("javax.sql.XADataSource", "getXAConnection"),
          // Released with DataSourceUtils.releaseConnection (a cataloged closer).
          new MethodRef("org.springframework.jdbc.datasource.DataSourceUtils", "getConnection"));

  /**
   * What a project calls its own methods that make a resource: what they return is new, and the
   * caller's to close ({@code Db.prepare(conn, sql)}, {@code openConnection()}, {@code
   * createStatement(...)}, {@code executeQuery(sql)} that hands back its result set, a pool's
   * {@code obtainRawConnection()} or {@code acquireConnection()}).
   */
  private static final NamePatterns FACTORY_NAMES =
      NamePatterns.of(
          ImmutableList.of("prepare*", "create*", "open*", "exec*", "obtain*", "acquire*"));

  /**
   * The resource types a project factory returns: also a pool's physical connection, which a pool's
   * factory of raw connections makes (BeeCP's {@code BeeXaConnectionFactory.create()}).
   */
  private static final ImmutableList<String> RESOURCE_TYPES =
      ImmutableList.of(
          "java.sql.Connection",
          "java.sql.Statement",
          "java.sql.ResultSet",
          "javax.sql.PooledConnection");

  /** The interfaces a method may be declared to return to count as a project's factory by it. */
  private static final ImmutableSet<String> DECLARED_RESOURCES =
      ImmutableSet.of(
          "java.sql.Connection",
          "java.sql.Statement",
          "java.sql.PreparedStatement",
          "java.sql.CallableStatement",
          "java.sql.ResultSet");

  /**
   * Metadata queries run on a statement of the driver's own, so their ResultSet must be closed:
   * every method of {@code DatabaseMetaData} that returns one (JDBC 4.3). Named one by one, not as
   * {@code get*}, which is most getters' name: the name test before every call's look-up let a
   * quarter of a build's calls through.
   */
  private static final ImmutableList<MethodRef> METADATA_QUERIES =
      ImmutableList.of(
              "getAttributes",
              "getBestRowIdentifier",
              "getCatalogs",
              "getClientInfoProperties",
              "getColumnPrivileges",
              "getColumns",
              "getCrossReference",
              "getExportedKeys",
              "getFunctionColumns",
              "getFunctions",
              "getImportedKeys",
              "getIndexInfo",
              "getPrimaryKeys",
              "getProcedureColumns",
              "getProcedures",
              "getPseudoColumns",
              "getSchemas",
              "getSuperTables",
              "getSuperTypes",
              "getTablePrivileges",
              "getTableTypes",
              "getTables",
              "getTypeInfo",
              "getUDTs",
              "getVersionColumns")
          .stream()
          .map(name -> new MethodRef("java.sql.DatabaseMetaData", name))
          .collect(toImmutableList());

  private static final ImmutableList<MethodRef> CHILDREN =
      ImmutableList.of(
          new MethodRef("java.sql.Statement", "executeQuery"),
          new MethodRef("java.sql.Statement", "getResultSet"),
          new MethodRef("java.sql.Statement", "getGeneratedKeys"));

  private static final ImmutableList<MethodRef> STATEMENT_CLOSE_ON_COMPLETION =
      ImmutableList.of(new MethodRef("java.sql.Statement", "closeOnCompletion"));

  /** A pooled connection's listener: from then on it decides when the connection closes. */
  private static final ImmutableList<MethodRef> CONNECTION_EVENTS =
      ImmutableList.of(new MethodRef("javax.sql.PooledConnection", "addConnectionEventListener"));

  /** A resource's own answer to "are you closed?": true only once close() has run. */
  private static final ImmutableList<MethodRef> CLOSED_QUERIES =
      ImmutableList.of(
          new MethodRef("java.sql.Connection", "isClosed"),
          new MethodRef("java.sql.Statement", "isClosed"),
          new MethodRef("java.sql.ResultSet", "isClosed"));

  private static final ImmutableList<MethodRef> CLOSERS =
      ImmutableList.of(
          new MethodRef("org.apache.commons.dbutils.DbUtils", "close"),
          new MethodRef("org.apache.commons.dbutils.DbUtils", "closeQuietly"),
          new MethodRef("org.apache.commons.dbutils.DbUtils", "commitAndClose"),
          new MethodRef("org.apache.commons.dbutils.DbUtils", "commitAndCloseQuietly"),
          new MethodRef("org.apache.commons.dbutils.DbUtils", "rollbackAndClose"),
          new MethodRef("org.apache.commons.dbutils.DbUtils", "rollbackAndCloseQuietly"),
          new MethodRef("org.springframework.jdbc.support.JdbcUtils", "closeConnection"),
          new MethodRef("org.springframework.jdbc.support.JdbcUtils", "closeStatement"),
          new MethodRef("org.springframework.jdbc.support.JdbcUtils", "closeResultSet"),
          new MethodRef("org.springframework.jdbc.datasource.DataSourceUtils", "releaseConnection"),
          new MethodRef("org.apache.commons.io.IOUtils", "closeQuietly"));

  /** What a statement or result set gives back of the resource it was made from. */
  private static final ImmutableList<MethodRef> PARENT_GETTERS =
      ImmutableList.of(
          new MethodRef("java.sql.Statement", "getConnection"),
          new MethodRef("java.sql.ResultSet", "getStatement"));

  /**
   * Reads of what a connection keeps on the client side: the drivers answer them without a round
   * trip (an auto-commit flag, a metadata object built around the connection), so they fail only on
   * a connection already closed. Not {@code getSchema} or {@code getTransactionIsolation}, which
   * some drivers ask the server.
   */
  private static final ImmutableList<MethodRef> CONNECTION_LOCAL_READS =
      ImmutableList.of(
          new MethodRef("java.sql.Connection", "getAutoCommit"),
          new MethodRef("java.sql.Connection", "getMetaData"),
          new MethodRef("java.sql.Connection", "isReadOnly"),
          new MethodRef("java.sql.Connection", "getHoldability"));

  /**
   * What a connection's metadata says of the driver itself, answered from the driver's own code
   * (its name, its version, the JDBC version it implements) or from what the connection keeps (the
   * URL it was opened with: the Vert.x JDBC client reads it for the server's address), so failing
   * only on a closed connection. Not the database's product or settings, nor the user's name, which
   * some drivers ask the server.
   */
  private static final ImmutableList<MethodRef> DRIVER_IDENTITY =
      ImmutableList.of(
          new MethodRef("java.sql.DatabaseMetaData", "getDriverName"),
          new MethodRef("java.sql.DatabaseMetaData", "getDriverVersion"),
          new MethodRef("java.sql.DatabaseMetaData", "getDriverMajorVersion"),
          new MethodRef("java.sql.DatabaseMetaData", "getDriverMinorVersion"),
          new MethodRef("java.sql.DatabaseMetaData", "getJDBCMajorVersion"),
          new MethodRef("java.sql.DatabaseMetaData", "getJDBCMinorVersion"),
          new MethodRef("java.sql.DatabaseMetaData", "getURL"));

  /**
   * The warnings a connection, statement or result set has received: the driver keeps them on the
   * client, so asking for them fails only on a closed object (SQLLine shows a statement's warnings
   * in the {@code finally} that closes it).
   */
  private static final ImmutableList<MethodRef> WARNINGS_RECEIVED =
      ImmutableList.of(
          new MethodRef("java.sql.Connection", "getWarnings"),
          new MethodRef("java.sql.Statement", "getWarnings"),
          new MethodRef("java.sql.ResultSet", "getWarnings"));

  /**
   * A driver's object asked what it wraps ({@code statement.isWrapperFor(AvaticaPreparedStatement
   * .class)}, {@code unwrap(...)}): answered from the object's own class, so it fails only on a
   * closed one, or on a type it does not wrap, a bug the first run shows (Avatica's server asks
   * each statement it prepares).
   */
  private static final ImmutableList<MethodRef> WRAPPER_QUERIES =
      ImmutableList.of(
          new MethodRef("java.sql.Wrapper", "isWrapperFor"),
          new MethodRef("java.sql.Wrapper", "unwrap"));

  /**
   * The resources that live in a database session and die with it ({@link #goesWithItsSession}).
   */
  private static final ImmutableList<String> SESSION_CHILDREN =
      ImmutableList.of("java.sql.Statement", "java.sql.ResultSet");

  /**
   * Calls that only reset what the driver keeps for a session ({@link
   * #failsOnlyWhenSessionBroken}): the transaction mode a {@code finally} restores before it
   * closes, a statement's parameters, batch and warnings. Not {@code setCatalog} or {@code
   * setTransactionIsolation}, which fail on a name or a level the database rejects.
   */
  private static final ImmutableList<MethodRef> SESSION_RESETS =
      ImmutableList.of(
          new MethodRef("java.sql.Connection", "setAutoCommit"),
          new MethodRef("java.sql.Connection", "clearWarnings"),
          new MethodRef("java.sql.Statement", "clearWarnings"),
          new MethodRef("java.sql.Statement", "clearBatch"),
          new MethodRef("java.sql.PreparedStatement", "clearParameters"));

  /**
   * A connection's ways to make a statement ({@link #failsOnlyWhenSessionBroken}), whatever its
   * SQL: most drivers send nothing, or only parse, when a statement is made, so making one fails on
   * a broken connection, or on text the database rejects at its first run. Copper's batch commands
   * prepare four statements of constant SQL in a row before the {@code try} that closes them all
   * (11 PEDANTIC findings of the forty-third holdout round), and Feedzai pdb's engines two or three
   * of SQL built from the entity's columns (10 PEDANTIC findings of the hundred-and-thirtieth): an
   * earlier one is lost only if the connection breaks in between. No finding of the evaluation's on
   * that path was one a maintainer would fix, where the SQL was built from values either: this rule
   * at first held only for SQL fixed in the code.
   */
  private static final ImmutableList<MethodRef> STATEMENT_MAKERS =
      ImmutableList.of(
          new MethodRef("java.sql.Connection", "createStatement"),
          new MethodRef("java.sql.Connection", "prepareStatement"),
          new MethodRef("java.sql.Connection", "prepareCall"));

  /**
   * A prepared statement's typed setters: the driver keeps the value until the statement runs, so
   * they fail only on a closed statement or for an index with no {@code ?} (a bug the first run
   * shows). Not {@code setObject}, whose conversion of a value of any type can fail on the data.
   */
  private static final ImmutableList<MethodRef> TYPED_SETTERS =
      ImmutableList.of(
              "setString",
              "setInt",
              "setLong",
              "setBoolean",
              "setDouble",
              "setFloat",
              "setShort",
              "setByte",
              "setBytes",
              "setDate",
              "setTime",
              "setTimestamp",
              "setNull",
              "setBigDecimal")
          .stream()
          .map(name -> new MethodRef("java.sql.PreparedStatement", name))
          .collect(toImmutableList());

  /**
   * A statement's (or result set's) options, set before it runs: hints and limits the driver keeps
   * for the statement. They fail only on a closed statement, a broken connection, a value out of
   * range (a negative fetch size) or a driver without the option (a query timeout); the last two
   * fail every statement alike, a misconfiguration the first run shows and no path of a program in
   * use. Not {@code setCursorName}, whose name the database may reject.
   */
  private static final ImmutableList<MethodRef> STATEMENT_OPTIONS =
      ImmutableList.of(
          new MethodRef("java.sql.Statement", "setFetchSize"),
          new MethodRef("java.sql.Statement", "setFetchDirection"),
          new MethodRef("java.sql.Statement", "setMaxRows"),
          new MethodRef("java.sql.Statement", "setLargeMaxRows"),
          new MethodRef("java.sql.Statement", "setMaxFieldSize"),
          new MethodRef("java.sql.Statement", "setQueryTimeout"),
          new MethodRef("java.sql.Statement", "setEscapeProcessing"),
          new MethodRef("java.sql.Statement", "setPoolable"),
          new MethodRef("java.sql.ResultSet", "setFetchSize"),
          new MethodRef("java.sql.ResultSet", "setFetchDirection"));

  private final ImmutableList<MethodRef> owned;
  private final StaticClosers closers;

  /** The names of every method the catalog lists as acquiring, for {@link #namedLikeAcquirer}. */
  private final NamePatterns acquirerNames;

  private JdbcResources(ImmutableList<MethodRef> owned, StaticClosers closers) {
    this.owned = owned;
    this.closers = closers;
    this.acquirerNames =
        NamePatterns.ofMethods(Iterables.concat(owned, CHILDREN, METADATA_QUERIES));
  }

  /** The built-in knowledge plus what {@code flags} add. */
  public static JdbcResources fromFlags(ErrorProneFlags flags) {
    return new JdbcResources(
        ImmutableList.<MethodRef>builder()
            .addAll(OWNED)
            .addAll(FlagSyntax.methodRefs(flags, ACQUIRERS_FLAG, DOC_PAGE))
            .build(),
        new StaticClosers(CLOSERS, flags, CLOSERS_FLAG, DOC_PAGE));
  }

  @Override
  public boolean isParentGetter(MethodSymbol method, VisitorState state) {
    return method.getParameters().isEmpty() && MethodRef.anyMatches(PARENT_GETTERS, method, state);
  }

  /**
   * {@code conn.close()} in a handler that may catch an {@link java.sql.SQLException}: the session
   * that failed is ended, and "all Statement objects will be closed when the connection that
   * created them is closed" (the JDBC specification). HyperSQL SqlTool's teardown of a severed
   * session, which closes the connection and drops the statement it was about to return.
   */
  @Override
  public boolean closingInHandlerReleasesWhatItMade(
      MethodSymbol method, Type caught, VisitorState state) {
    Type connection = NamedTypes.get("java.sql.Connection", state);
    Type failure = NamedTypes.get("java.sql.SQLException", state);
    return connection != null
        && failure != null
        && method.getSimpleName().contentEquals("close")
        && method.getParameters().isEmpty()
        && ASTHelpers.isSubtype(method.owner.type, connection, state)
        && (ASTHelpers.isSubtype(caught, failure, state)
            || ASTHelpers.isSubtype(failure, caught, state));
  }

  /**
   * The calls that make a physical connection, not a pool's handle: closing it ends its session. A
   * pool's own {@code PooledConnection} or {@code XAConnection} is one too: its {@code close()}
   * "closes the physical connection that this PooledConnection object represents" (its Javadoc),
   * and the handle its {@code getConnection()} gave out with it.
   */
  private static final ImmutableList<MethodRef> PHYSICAL_CONNECTIONS =
      ImmutableList.of(
          new MethodRef("java.sql.DriverManager", "getConnection"),
          new MethodRef("java.sql.Driver", "connect"),
          new MethodRef("javax.sql.ConnectionPoolDataSource", "getPooledConnection"),
          new MethodRef("javax.sql.XADataSource", "getXAConnection"));

  /**
   * What JDBC says never returns null: a data source's or the driver manager's connection, a
   * connection's statements and metadata, a query's result set (JDBC 4.3: "never null"), a metadata
   * query's. Not {@code Driver.connect}, which returns null for a URL of another driver, nor {@code
   * getResultSet()}, null after an update.
   */
  private static final ImmutableList<MethodRef> NEVER_NULL =
      ImmutableList.<MethodRef>builder()
          .add(
              new MethodRef("javax.sql.DataSource", "getConnection"),
              new MethodRef("java.sql.DriverManager", "getConnection"),
              new MethodRef("java.sql.Connection", "createStatement"),
              new MethodRef("java.sql.Connection", "prepareStatement"),
              new MethodRef("java.sql.Connection", "prepareCall"),
              new MethodRef("java.sql.Connection", "getMetaData"),
              new MethodRef("java.sql.Statement", "executeQuery"))
          .addAll(METADATA_QUERIES)
          .build();

  @Override
  public boolean neverReturnsNull(MethodSymbol method, VisitorState state) {
    return MethodRef.anyMatches(NEVER_NULL, method, state);
  }

  @Override
  public boolean closingReleasesWhatItMade(Tree site, VisitorState state) {
    if (!(site instanceof MethodInvocationTree call)) {
      return false;
    }
    MethodSymbol method = getSymbol(call);
    return method != null && MethodRef.anyMatches(PHYSICAL_CONNECTIONS, method, state);
  }

  @Override
  public boolean optionFailsOnlyWhenClosed(MethodSymbol method, VisitorState state) {
    return method.getParameters().size() == 1
        && MethodRef.anyMatches(STATEMENT_OPTIONS, method, state);
  }

  /**
   * A parent getter ({@code rs.getStatement()}, {@code stmt.getConnection()}) returns what the
   * resource holds, a connection's client-side reads ({@link #CONNECTION_LOCAL_READS}) answer from
   * what it keeps, as do its metadata's reads of the driver's identity ({@link #DRIVER_IDENTITY}),
   * a prepared statement's typed setters ({@link #TYPED_SETTERS}) keep a value for later, and a
   * statement's options ({@link #STATEMENT_OPTIONS}) are kept until it runs, and what an object
   * wraps is its own class's answer ({@link #WRAPPER_QUERIES}): each throws only when called on a
   * closed resource or a broken connection, or on a bug or a misconfiguration the first run shows.
   */
  @Override
  public boolean failsOnlyWhenClosedOrBroken(MethodSymbol method, VisitorState state) {
    return switch (method.getParameters().size()) {
      case 0 ->
          isParentGetter(method, state)
              || MethodRef.anyMatches(CONNECTION_LOCAL_READS, method, state)
              || MethodRef.anyMatches(DRIVER_IDENTITY, method, state)
              || MethodRef.anyMatches(WARNINGS_RECEIVED, method, state);
      case 1 ->
          optionFailsOnlyWhenClosed(method, state)
              || MethodRef.anyMatches(WRAPPER_QUERIES, method, state);
      case 2 -> MethodRef.anyMatches(TYPED_SETTERS, method, state);
      default -> false;
    };
  }

  @Override
  public boolean failsOnlyWhenSessionBroken(MethodInvocationTree call, VisitorState state) {
    MethodSymbol method = getSymbol(call);
    if (method == null) {
      return false;
    }
    if (MethodRef.anyMatches(STATEMENT_MAKERS, method, state)) {
      return true;
    }
    return method.getParameters().size() <= 1
        && MethodRef.anyMatches(SESSION_RESETS, method, state);
  }

  @Override
  public boolean goesWithItsSession(Tree site, VisitorState state) {
    Type type = ASTHelpers.getType(site);
    return type != null && NamedTypes.isSubtypeOfAny(type, SESSION_CHILDREN, state);
  }

  @Override
  public boolean readsFailOnlyWhenBroken(Tree site, VisitorState state) {
    return isCatalogueQuery(site, state);
  }

  @Override
  public boolean isLeftToItsConnectionOnFailure(Tree site, VisitorState state) {
    return isCatalogueQuery(site, state);
  }

  /** Whether {@code site} queries the database's catalogue: {@code DatabaseMetaData.getTables}. */
  private boolean isCatalogueQuery(Tree site, VisitorState state) {
    if (!(site instanceof MethodInvocationTree call)) {
      return false;
    }
    MethodSymbol method = getSymbol(call);
    return method != null && listedAs(method, state) == Listed.METADATA_QUERY;
  }

  @Override
  @Nullable
  public Boolean answerOnceReleased(MethodSymbol method, VisitorState state) {
    return MethodRef.anyMatches(CLOSED_QUERIES, method, state) ? Boolean.TRUE : null;
  }

  /**
   * Whether a method named {@code name} may acquire a resource: a cheap filter, asked once per name
   * of a compilation, before any look-up of the method.
   */
  public boolean namedLikeAcquirer(String name) {
    return projectAcquirerByName(name) != Listed.NONE || acquirerNames.matches(name);
  }

  /**
   * What a project's method named {@code name} may be by its name alone: a factory ({@code
   * prepare*}, {@code create*}, {@code open*}, {@code exec*}, {@code obtain*}, {@code acquire*}), a
   * {@code get*Connection()}, or neither.
   */
  private static Listed projectAcquirerByName(String name) {
    if (FACTORY_NAMES.matches(name)) {
      return Listed.PROJECT_FACTORY;
    }
    return name.startsWith("get") && name.endsWith("Connection")
        ? Listed.PROJECT_CONNECTION_GETTER
        : Listed.NONE;
  }

  /** Which of the catalog's lists a method is in, whatever its call returns. */
  private enum Listed {
    CHILD,
    METADATA_QUERY,
    OWNED,
    /** A project's method named like a factory, returning a resource type. */
    PROJECT_FACTORY,
    /**
     * A project's {@code get*Connection()}: a new connection when it is the project's own way to
     * open one (a static utility, or the class's own helper whose body says so); a getter of the
     * connection an object holds (a session's, a transaction's) otherwise.
     */
    PROJECT_CONNECTION_GETTER,
    /** A project's method of any other name, declared to return a JDBC resource interface. */
    PROJECT_RESOURCE_METHOD,
    NONE
  }

  /**
   * {@link #listed} by method. Asked of every call whose name an acquirer may have, and {@code
   * get*} is most getters' name: a method is looked up in the catalog (subtype tests of its owner)
   * once. Its methods are one compilation's: a catalog serves one check instance, which Error Prone
   * creates per compilation.
   */
  private final Map<MethodSymbol, Listed> listedByMethod = new HashMap<>();

  /**
   * Whether a method of the project known by its declared result is a getter of a field, asked of
   * each of its calls: its body is read once.
   */
  private final Map<MethodSymbol, Boolean> gettersOfFields = new HashMap<>();

  /** {@link #takesConnectionsBack} by class, for one compilation. */
  private final Map<Symbol, Boolean> takesConnectionsBack = new HashMap<>();

  /** {@link #declaredToReturnAResource}'s answer by result type, for one compilation. */
  private final Map<Symbol, Boolean> resourceTypes = new HashMap<>();

  @Override
  public Optional<Acquisition> acquisition(ExpressionTree tree, VisitorState state) {
    if (!(tree instanceof MethodInvocationTree call)) {
      return Optional.empty();
    }
    MethodSymbol method = getSymbol(call);
    if (method == null) {
      return Optional.empty();
    }
    Listed listed = listedAs(method, state);
    if (listed == Listed.NONE) {
      return Optional.empty();
    }
    // The call's own type, not the method's: a generic acquirer's result is known at the call.
    Type result = ASTHelpers.getType(call);
    if (result == null || !isClosable(result, state)) {
      return Optional.empty();
    }
    if (listed == Listed.OWNED && madeByADriversMetaData(result, state)) {
      return Optional.empty();
    }
    if (NamedTypes.isSubtypeOfAny(result, SESSION_CHILDREN, state) && runsInsideAnEngine(state)) {
      return Optional.empty();
    }
    if (listed != Listed.CHILD
        && listed != Listed.METADATA_QUERY
        && madeOfItself(call, method, state)) {
      // Whatever found it, the catalog or a name (PgJDBC's connection.execSQLQuery(sql)).
      return Optional.empty();
    }
    return switch (listed) {
      case CHILD -> Optional.of(Acquisition.CHILD_OF_RECEIVER);
      case METADATA_QUERY -> {
        Type resultSet = NamedTypes.get("java.sql.ResultSet", state);
        yield resultSet != null
                && ASTHelpers.isSubtype(result, resultSet, state)
                && !askedOfItself(call, state)
            ? Optional.of(Acquisition.OWNED)
            : Optional.empty();
      }
      case OWNED ->
          DerbyShutdowns.shutsDown(call, state) || unwrapsAConnection(call, state)
              ? Optional.empty()
              : Optional.of(Acquisition.OWNED);
      case PROJECT_FACTORY -> Optional.of(Acquisition.OWNED_IF_FRESH);
      case PROJECT_CONNECTION_GETTER ->
          isStatic(method) || takesConnectionsBack(method, state)
              ? Optional.of(Acquisition.OWNED_IF_FRESH)
              // super.getConnection() calls the object's own method, as this.getConnection() does.
              : Receivers.isThisOrSuper(ASTHelpers.getReceiver(call))
                  ? Optional.of(Acquisition.OWNED_IF_SEEN_FRESH)
                  : Optional.empty();
      case PROJECT_RESOURCE_METHOD -> {
        // Only the unit's own methods can count (their body decides), and not a getter of a
        // field: a call of a delegate (a pool's getDelegate()) starts no analysis of its body. So
        // do the object's own inherited ones, where their body is in sight (ActiveObjects' NuoDB
        // provider calling its superclass's getIndexes(connection, table)), and a utility's static
        // ones, where their body is in sight (a DbUtil.query(conn, sql) that hands back a new
        // result set): no object's state answers for what they return.
        boolean inUnit = declaredInThisUnit(method, state);
        if (!inUnit
            && !isStatic(method)
            && !Receivers.isThisOrSuper(ASTHelpers.getReceiver(call))) {
          yield Optional.empty();
        }
        yield gettersOfFields.computeIfAbsent(method, m -> Getters.returnsOnlyFields(m, state))
            ? Optional.empty()
            : Optional.of(
                inUnit ? Acquisition.OWNED_IF_FRESH_IN_UNIT : Acquisition.OWNED_IF_SEEN_FRESH);
      }
      case NONE -> Optional.empty();
    };
  }

  /**
   * Whether the class that declares a project's {@code get*Connection()} also has a method to give
   * a connection back ({@code releaseConnection(Connection)}, {@code closeConnection(Connection)}):
   * then it hands out connections, as a pool does, rather than the one an object holds (a
   * session's, a transaction's, whose getter has no such partner). Infinispan's {@code
   * ConnectionFactory} and Hibernate's {@code ConnectionProvider} are such pairs. Answered once per
   * class.
   */
  private boolean takesConnectionsBack(MethodSymbol getter, VisitorState state) {
    if (!(getter.owner instanceof ClassSymbol owner)) {
      return false;
    }
    return takesConnectionsBack.computeIfAbsent(owner, unused -> hasAGiveBack(owner, state));
  }

  private static boolean hasAGiveBack(ClassSymbol owner, VisitorState state) {
    Type connection = NamedTypes.get("java.sql.Connection", state);
    if (connection == null) {
      return false;
    }
    return ClassMethods.anyDeclared(
        owner.type,
        method ->
            method.getParameters().size() == 1
                && ReleaseNames.isReleaseHelper(method.getSimpleName().toString())
                && ASTHelpers.isSubtype(method.getParameters().get(0).asType(), connection, state),
        state);
  }

  /**
   * Whether a call's result can be closed: an {@code AutoCloseable}, or a {@code PooledConnection}
   * (an {@code XAConnection} too), which has a {@code close()} but predates {@code AutoCloseable}.
   */
  private static boolean isClosable(Type result, VisitorState state) {
    return ASTHelpers.isSubtype(result, state.getSymtab().autoCloseableType, state)
        || isPooledConnection(result, state);
  }

  /**
   * Whether {@code call} asks a connection that is also a pool's physical connection for the one
   * under it: {@code ((PooledConnection) connection).getConnection()} on a value held as a {@code
   * Connection} (jdbacl's proxy, which implements both and hands back the connection it wraps). It
   * makes no handle: the object is the caller's connection, seen as the other interface.
   */
  private static boolean unwrapsAConnection(MethodInvocationTree call, VisitorState state) {
    if (!(ASTHelpers.stripParentheses(ASTHelpers.getReceiver(call)) instanceof TypeCastTree cast)
        || !isPooledConnection(ASTHelpers.getType(cast), state)) {
      return false;
    }
    Type connection = NamedTypes.get("java.sql.Connection", state);
    Type held = ASTHelpers.getType(cast.getExpression());
    return connection != null && held != null && ASTHelpers.isSubtype(held, connection, state);
  }

  /**
   * Whether {@code type} is a pool's physical connection ({@code PooledConnection}, {@code
   * XAConnection}): closed by its own {@code close()}, not by that of the handle it hands out.
   */
  public static boolean isPooledConnection(Type type, VisitorState state) {
    Type pooled = NamedTypes.get("javax.sql.PooledConnection", state);
    return type != null && pooled != null && ASTHelpers.isSubtype(type, pooled, state);
  }

  /**
   * A statement a connection makes of itself ({@code this.createStatement()} in a driver's or a
   * wrapper's own Connection): a connection closes the statements it made when it is closed ("All
   * Statement objects will be closed when the connection that created them is closed", the JDBC
   * specification), so the connection owns it, not the method that made it. So too in a driver's
   * other classes, which hold the driver's own connection type rather than JDBC's interface: a
   * class (MariaDB's metadata and XA code on a {@code MariaDbConnection}) or an interface of its
   * own that extends it (PgJDBC's arrays, result sets and large objects on a {@code
   * BaseConnection}). How the driver's statements live is the driver's design (MariaDB's buffer
   * their results and are registered nowhere), and application code holds a {@code Connection}.
   */
  private static boolean madeOfItself(
      MethodInvocationTree call, MethodSymbol method, VisitorState state) {
    Type connection = NamedTypes.get("java.sql.Connection", state);
    if (connection == null || !ASTHelpers.isSubtype(method.owner.type, connection, state)) {
      return false;
    }
    ExpressionTree receiver = ASTHelpers.getReceiver(call);
    if (Receivers.isThisOrImplicit(receiver)) {
      ClassTree enclosing = state.findEnclosing(ClassTree.class);
      return enclosing != null
          && ASTHelpers.isSubtype(ASTHelpers.getType(enclosing), connection, state);
    }
    Type held = ASTHelpers.getType(receiver);
    return held != null
        && held.tsym != connection.tsym
        && ASTHelpers.isSubtype(held, connection, state)
        && CompiledWithUs.isCompiledWithUs(held.tsym, state);
  }

  /**
   * Whether a statement of type {@code result} is made by a driver's own {@code DatabaseMetaData}
   * (a class that implements it, or a class nested in one) to answer a metadata call: the driver
   * runs a query of its own and hands back its result set (Drizzle's {@code getSchemas()} returns
   * {@code connection.createStatement().executeQuery(...)}, MariaDB's asks {@code SHOW CREATE
   * TABLE}), and how its statements live is its design, as for those a connection makes of itself
   * ({@link #madeOfItself}). Only statements: a metadata query's result set asked of another
   * metadata object is still the method's, and so is what a driver's other classes make of a {@code
   * Connection}.
   */
  private static boolean madeByADriversMetaData(Type result, VisitorState state) {
    Type statement = NamedTypes.get("java.sql.Statement", state);
    Type metaData = NamedTypes.get("java.sql.DatabaseMetaData", state);
    if (statement == null || metaData == null || !ASTHelpers.isSubtype(result, statement, state)) {
      return false;
    }
    return inAClassThat(type -> ASTHelpers.isSubtype(type, metaData, state), state);
  }

  /**
   * The types through which an embedded database calls code of its users while it runs a query, on
   * its own in-process session: H2's triggers, aggregates and the row sources of its table
   * functions (H2GIS's {@code ST_Explode} and {@code ST_MakeGrid} read rows through the connection
   * H2 gave the function). H2's in-process connection keeps no list of its statements: a statement
   * left open there is garbage for the collector, not a cursor, a socket or a pool's slot.
   */
  private static final ImmutableList<String> ENGINE_CALLBACKS =
      ImmutableList.of(
          "org.h2.api.Trigger",
          "org.h2.api.Aggregate",
          "org.h2.api.AggregateFunction",
          "org.h2.tools.SimpleRowSource");

  /**
   * Whether the code being analysed is in a class the embedded engine calls ({@link
   * #ENGINE_CALLBACKS}), or nested in one: the statements and results it makes ({@link
   * #SESSION_CHILDREN}) are of the engine's session. A connection it opens itself is still its own.
   */
  private static boolean runsInsideAnEngine(VisitorState state) {
    return inAClassThat(type -> NamedTypes.isSubtypeOfAny(type, ENGINE_CALLBACKS, state), state);
  }

  /**
   * Whether the code being analysed is in a class of a type {@code test} accepts, or nested in one.
   */
  private static boolean inAClassThat(Predicate<Type> test, VisitorState state) {
    ClassTree enclosing = state.findEnclosing(ClassTree.class);
    for (Symbol owner = enclosing == null ? null : ASTHelpers.getSymbol(enclosing);
        owner instanceof ClassSymbol type;
        owner = ASTHelpers.enclosingClass(type)) {
      if (test.test(type.type)) {
        return true;
      }
    }
    return false;
  }

  private static boolean declaredInThisUnit(MethodSymbol method, VisitorState state) {
    JavaFileObject source = method.enclClass().sourcefile;
    return source != null && source == state.getPath().getCompilationUnit().getSourceFile();
  }

  /**
   * A metadata query a driver's own {@code DatabaseMetaData} asks of itself ({@code
   * super.getColumns(...)} in Jaybird's {@code OODatabaseMetaData}): what comes back is the
   * driver's own result set, made as the driver knows how to release it (Jaybird's are rows in
   * memory, or the result of a statement it caches and closes with the connection), as a statement
   * a connection makes of itself is the connection's.
   */
  private static boolean askedOfItself(MethodInvocationTree call, VisitorState state) {
    if (!Receivers.isThisOrSuper(ASTHelpers.getReceiver(call))) {
      return false;
    }
    Type metaData = NamedTypes.get("java.sql.DatabaseMetaData", state);
    ClassTree enclosing = state.findEnclosing(ClassTree.class);
    return metaData != null
        && enclosing != null
        && ASTHelpers.isSubtype(ASTHelpers.getType(enclosing), metaData, state);
  }

  /** How the catalog lists {@code method}, looked up once per method. */
  private Listed listedAs(MethodSymbol method, VisitorState state) {
    return listedByMethod.computeIfAbsent(method, m -> listed(m, state));
  }

  private Listed listed(MethodSymbol method, VisitorState state) {
    if (MethodRef.anyMatches(CHILDREN, method, state)) {
      return Listed.CHILD;
    }
    if (MethodRef.anyMatches(METADATA_QUERIES, method, state)) {
      return Listed.METADATA_QUERY;
    }
    if (MethodRef.anyMatches(owned, method, state)) {
      return Listed.OWNED;
    }
    return projectFactory(method, state);
  }

  /**
   * A method of the project whose declared result is a resource type and whose name says it makes
   * one ({@link ProjectFactories}).
   */
  private Listed projectFactory(MethodSymbol method, VisitorState state) {
    // The name first: it rules out nearly every getter that the name test let through, at no cost.
    Listed byName = projectAcquirerByName(method.getSimpleName().toString());
    if (byName == Listed.NONE) {
      return declaredToReturnAResource(method, state)
          ? Listed.PROJECT_RESOURCE_METHOD
          : Listed.NONE;
    }
    return ProjectFactories.returnsOneOf(method, RESOURCE_TYPES, state) ? byName : Listed.NONE;
  }

  /**
   * Whether a project's method is declared to return one of JDBC's resource interfaces itself
   * ({@code ResultSet getTablesResultSet()}): whatever its name, the body decides where the unit
   * holds it. A test of the declaration alone, cheap enough to ask of every call's method.
   */
  public boolean declaredToReturnAResource(MethodSymbol method, VisitorState state) {
    Symbol result = method.getReturnType().tsym;
    if (result == null) {
      return false;
    }
    // Asked of every call that the name test turned away: answered once per result type.
    Boolean resource = resourceTypes.get(result);
    if (resource == null) {
      resource = false;
      for (String name : DECLARED_RESOURCES) {
        Type type = NamedTypes.get(name, state);
        resource |= type != null && type.tsym == result;
      }
      resourceTypes.put(result, resource);
    }
    return resource && !Platform.declares(method);
  }

  @Override
  public boolean isRelease(MethodSymbol method, VisitorState state) {
    if (method.getParameters().size() == 1
        && method.getSimpleName().contentEquals("addConnectionEventListener")) {
      // JDBC's pooling protocol: the listener hears when the handle closes, and closes or keeps
      // the physical connection (commons-dbcp2's XA factory closes it there).
      return MethodRef.anyMatches(CONNECTION_EVENTS, method, state);
    }
    return method.getParameters().isEmpty()
        && (method.getSimpleName().contentEquals("close")
            // From then on the statement's result sets own it: it closes when they do.
            || (method.getSimpleName().contentEquals("closeOnCompletion")
                && MethodRef.anyMatches(STATEMENT_CLOSE_ON_COMPLETION, method, state)));
  }

  @Override
  public boolean releasesChildren(MethodSymbol method) {
    // Every execute* method of a Statement closes the ResultSet it had open.
    return method.getSimpleName().toString().startsWith("execute");
  }

  /** The cataloged closers and the flag's. */
  @Override
  public ImmutableSet<Integer> releasedArguments(MethodInvocationTree call, VisitorState state) {
    return closers.releasedArguments(call, state);
  }
}
