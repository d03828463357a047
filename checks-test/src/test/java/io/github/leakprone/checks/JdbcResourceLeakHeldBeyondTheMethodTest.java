package io.github.leakprone.checks;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * Resources a method leaves in something that outlives the statement: a field of its object, or a
 * local collection. The object owns what its fields hold, unless nothing in its class can ever
 * close it, or a constructor throws and no object comes to exist; a local collection owns what is
 * added to it only if something takes it out again. Each finding beside the shapes that hand the
 * resource on.
 */
final class JdbcResourceLeakHeldBeyondTheMethodTest {

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(JdbcResourceLeak.class, getClass());

  @Test
  void aPrivateFieldThatNothingInItsClassCloses() {
    helper
        .addSourceLines(
            "Repositories.java",
            """
            import java.sql.Connection;
            import java.sql.SQLException;
            import javax.sql.DataSource;

            class Repositories {
              static class NeverClosed {
                private Connection conn;

                void open(DataSource ds) throws SQLException {
                  // BUG: Diagnostic contains: Connection `conn` acquired at line 11 is not closed after it is stored in field `conn`, which nothing in its class closes; close it where the object's life ends, in a close() of its class
                  conn = ds.getConnection();
                }

                void work() throws SQLException {
                  if (conn != null) {
                    conn.setAutoCommit(false);
                  }
                  conn = null;
                }
              }

              static class ClosedInClose implements AutoCloseable {
                private Connection conn;

                void open(DataSource ds) throws SQLException {
                  conn = ds.getConnection();
                }

                @Override
                public void close() throws SQLException {
                  conn.close();
                }
              }

              static class HandedOutByAGetter {
                private Connection conn;

                void open(DataSource ds) throws SQLException {
                  conn = ds.getConnection();
                }

                Connection connection() {
                  return conn;
                }
              }

              static class ClosedThroughAHelper {
                private Connection conn;

                void open(DataSource ds) throws SQLException {
                  conn = ds.getConnection();
                }

                void shutdown() {
                  Jdbc.closeQuietly(conn);
                }
              }

              static class NotPrivate {
                Connection conn;

                void open(DataSource ds) throws SQLException {
                  conn = ds.getConnection();
                }
              }

              static class Jdbc {
                static void closeQuietly(AutoCloseable closeable) {
                  try {
                    closeable.close();
                  } catch (Exception ignored) {
                    // nothing to do
                  }
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * A statement prepared once into a field, on the physical connection its object opened with
   * {@code DriverManager} and closes (dbc's map, whose superclass opens the connection through a
   * private helper and closes it), lives as long as that connection and goes with it: closing a
   * connection closes its statements. One prepared on a connection the object was given, or on one
   * a data source (a pool's) handed out, may outlive the object and is still reported, and so is
   * one made of a field other classes may assign (neither final nor private).
   */
  @Test
  void aStatementKeptInAFieldGoesWithThePhysicalConnectionItsObjectCloses() {
    helper
        .addSourceLines(
            "com/acme/Store.java",
            """
            package com.acme;

            import java.sql.Connection;
            import java.sql.DriverManager;
            import java.sql.SQLException;

            public abstract class Store {
              protected final Connection connection;

              protected Store(String url) {
                this.connection = connect(url);
              }

              private Connection connect(String url) {
                try {
                  return DriverManager.getConnection(url);
                } catch (SQLException e) {
                  throw new IllegalStateException(e);
                }
              }

              public void close() throws SQLException {
                connection.close();
              }
            }
            """)
        .addSourceLines(
            "MapStore.java",
            """
            import com.acme.Store;
            import java.sql.Connection;
            import java.sql.PreparedStatement;
            import java.sql.SQLException;
            import javax.sql.DataSource;

            class MapStore extends Store {
              private PreparedStatement get;
              private PreparedStatement put;

              MapStore(String url) {
                super(url);
              }

              void prepare() throws SQLException {
                get = connection.prepareStatement("SELECT v FROM m WHERE k = ?");
                put = this.connection.prepareStatement("INSERT INTO m VALUES (?, ?)");
              }

              String get(String key) throws SQLException {
                get.setString(1, key);
                put.clearParameters();
                return key;
              }

              static class Given {
                private final Connection connection;
                private PreparedStatement get;

                Given(Connection connection) {
                  this.connection = connection;
                }

                void prepare() throws SQLException {
                  // BUG: Diagnostic contains: PreparedStatement `get` acquired at line 36 is not closed after it is stored in field `get`
                  get = connection.prepareStatement("SELECT v FROM m WHERE k = ?");
                }

                void use() throws SQLException {
                  get.clearParameters();
                }
              }

              static class Reassignable {
                Connection connection;
                private PreparedStatement get;

                Reassignable(String url) throws SQLException {
                  this.connection = java.sql.DriverManager.getConnection(url);
                }

                void prepare() throws SQLException {
                  // BUG: Diagnostic contains: PreparedStatement `get` acquired at line 54 is not closed after it is stored in field `get`
                  get = connection.prepareStatement("SELECT v FROM m WHERE k = ?");
                }

                void use() throws SQLException {
                  get.clearParameters();
                }

                void close() throws SQLException {
                  connection.close();
                }
              }

              static class Pooled {
                private final Connection connection;
                private PreparedStatement get;

                Pooled(DataSource pool) throws SQLException {
                  this.connection = pool.getConnection();
                }

                void prepare() throws SQLException {
                  // BUG: Diagnostic contains: PreparedStatement `get` acquired at line 76 is not closed after it is stored in field `get`
                  get = connection.prepareStatement("SELECT v FROM m WHERE k = ?");
                }

                void use() throws SQLException {
                  get.clearParameters();
                }

                void close() throws SQLException {
                  connection.close();
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * A statement kept in a field of an object that, at the end of its life, closes only the
   * connection it was given (gtfs-lib's error storage, whose {@code commitAndClose()} runs its
   * batches and calls {@code DbUtils.closeQuietly(connection)}) is still reported, since a pool's
   * connection may keep it, but the finding says that the class closes the connection, and where
   * the fix goes. One whose class closes nothing it was made of keeps the plain message; a physical
   * connection given to a helper that closes it takes its statements with it, and one given to a
   * helper named as a release whose body, in sight, only parks it does not.
   */
  @Test
  void aStatementKeptInAFieldWhoseConnectionItsClassClosesSaysSo() {
    helper
        .addSourceLines(
            "ErrorStorage.java",
            """
            import java.sql.Connection;
            import java.sql.DriverManager;
            import java.sql.PreparedStatement;
            import java.sql.SQLException;

            class ErrorStorage {
              private final Connection connection;
              private PreparedStatement insertError;

              ErrorStorage(Connection connection) throws SQLException {
                this.connection = connection;
                createPreparedStatements();
              }

              private void createPreparedStatements() throws SQLException {
                // BUG: Diagnostic contains: is not closed after it is stored in field `insertError`, which its class never closes (it closes only `connection`, the Connection it was made of); close it where its class closes what it was made of
                insertError = connection.prepareStatement("INSERT INTO errors VALUES (?)");
              }

              void store(String error) throws SQLException {
                insertError.setString(1, error);
                insertError.addBatch();
              }

              void commitAndClose() throws SQLException {
                insertError.executeBatch();
                connection.commit();
                Jdbc.closeQuietly(connection);
              }

              static class KeptOpen {
                private final Connection connection;
                private PreparedStatement insertError;

                KeptOpen(Connection connection) {
                  this.connection = connection;
                }

                void prepare() throws SQLException {
                  // BUG: Diagnostic contains: is not closed after it is stored in field `insertError`, which nothing in its class closes; close it where the object's life ends
                  insertError = connection.prepareStatement("INSERT INTO errors VALUES (?)");
                }

                void commit() throws SQLException {
                  insertError.executeBatch();
                  connection.commit();
                }
              }

              static class Physical {
                private final Connection connection;
                private PreparedStatement insertError;

                Physical(String url) throws SQLException {
                  this.connection = DriverManager.getConnection(url);
                }

                void prepare() throws SQLException {
                  insertError = connection.prepareStatement("INSERT INTO errors VALUES (?)");
                }

                void commitAndClose() throws SQLException {
                  insertError.executeBatch();
                  Jdbc.closeQuietly(connection);
                }
              }

              static class ParkedNotClosed {
                private final Connection connection;
                private PreparedStatement insertError;

                ParkedNotClosed(String url) throws SQLException {
                  this.connection = DriverManager.getConnection(url);
                }

                void prepare() throws SQLException {
                  // BUG: Diagnostic contains: is not closed after it is stored in field `insertError`, which nothing in its class closes
                  insertError = connection.prepareStatement("INSERT INTO errors VALUES (?)");
                }

                void commitAndPark() throws SQLException {
                  insertError.executeBatch();
                  Jdbc.closeLater(connection);
                }
              }
            }
            """)
        .addSourceLines(
            "Jdbc.java",
            """
            import java.sql.Connection;
            import java.sql.SQLException;

            import java.util.ArrayList;
            import java.util.List;

            final class Jdbc {
              static final List<Connection> IDLE = new ArrayList<>();

              static void closeQuietly(Connection connection) {
                try {
                  connection.close();
                } catch (SQLException ignored) {
                  // nothing to do
                }
              }

              static void closeLater(Connection connection) {
                IDLE.add(connection);
              }
            }
            """)
        .doTest();
  }

  @Test
  void aConstructorThatThrowsLosesWhatItsFieldsHold() {
    helper
        .addSourceLines(
            "Statements.java",
            """
            import java.sql.Connection;
            import java.sql.PreparedStatement;
            import java.sql.SQLException;
            import javax.sql.DataSource;

            class Statements {
              static class Prepared implements AutoCloseable {
                private final Connection conn;
                private final PreparedStatement ps;

                Prepared(DataSource ds, String sql) throws SQLException {
                  // BUG: Diagnostic contains: Connection `conn` acquired at line 13 is not closed when `conn.prepareStatement(...)` at line 14 throws
                  conn = ds.getConnection();
                  ps = conn.prepareStatement(sql);
                }

                @Override
                public void close() throws SQLException {
                  ps.close();
                  conn.close();
                }
              }

              static class ClosedWhenTheConstructorFails implements AutoCloseable {
                private final Connection conn;
                private final PreparedStatement ps;

                ClosedWhenTheConstructorFails(DataSource ds, String sql) throws SQLException {
                  conn = ds.getConnection();
                  try {
                    ps = conn.prepareStatement(sql);
                  } catch (SQLException e) {
                    conn.close();
                    throw e;
                  }
                }

                @Override
                public void close() throws SQLException {
                  ps.close();
                  conn.close();
                }
              }

              static class NothingAfterItCanThrow implements AutoCloseable {
                private final Connection conn;
                private final String name;

                NothingAfterItCanThrow(DataSource ds, String name) throws SQLException {
                  conn = ds.getConnection();
                  this.name = name.trim();
                }

                @Override
                public void close() throws SQLException {
                  conn.close();
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * A private {@code connect()} that only the constructor calls keeps a pooled connection in a
   * field; the constructor then creates its tables, which throws {@code SQLException} on a
   * read-only database: no store object exists to close the connection, and the pool has one less
   * for every failed construction. Where the step itself may fail too, that path is named, not
   * "never closed". A constructor that closes it before it rethrows loses nothing.
   */
  @Test
  void aConstructorThatFailsAfterItsConnectStepLosesTheConnection() {
    helper
        .addSourceLines(
            "Stores.java",
            """
            import java.sql.Connection;
            import java.sql.SQLException;
            import java.sql.Statement;
            import javax.sql.DataSource;

            class Stores {
              static class Store implements AutoCloseable {
                private Connection connection;

                Store(DataSource ds) throws SQLException {
                  connect(ds);
                  createTables();
                }

                private void connect(DataSource ds) throws SQLException {
                  // BUG: Diagnostic contains: is not closed when `createTables()` at line 12 throws in the constructor
                  connection = ds.getConnection();
                }

                private void createTables() throws SQLException {
                  try (Statement s = connection.createStatement()) {
                    s.execute("CREATE TABLE IF NOT EXISTS kv (k VARCHAR(64), v VARCHAR(255))");
                  }
                }

                @Override
                public void close() throws SQLException {
                  connection.close();
                }
              }

              // A failure in the step itself is the path named: the fix belongs in the step.
              static class ConfiguredStore implements AutoCloseable {
                private Connection connection;

                ConfiguredStore(DataSource ds) throws SQLException {
                  connect(ds);
                  connection.createStatement().close();
                }

                private void connect(DataSource ds) throws SQLException {
                  // BUG: Diagnostic contains: is not closed when `connection.setAutoCommit(...)` at line 44 throws;
                  connection = ds.getConnection();
                  connection.setAutoCommit(false);
                }

                @Override
                public void close() throws SQLException {
                  connection.close();
                }
              }

              static class ClosingStore implements AutoCloseable {
                private Connection connection;

                ClosingStore(DataSource ds) throws SQLException {
                  connect(ds);
                  try {
                    createTables();
                  } catch (SQLException e) {
                    connection.close();
                    throw e;
                  }
                }

                private void connect(DataSource ds) throws SQLException {
                  connection = ds.getConnection();
                }

                private void createTables() throws SQLException {
                  try (Statement s = connection.createStatement()) {
                    s.execute("CREATE TABLE IF NOT EXISTS kv (k VARCHAR(64), v VARCHAR(255))");
                  }
                }

                @Override
                public void close() throws SQLException {
                  connection.close();
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * Apache SIS's feature iterator keeps only the result set of {@code
   * connection.createStatement().executeQuery(sql)} in a field, and its {@code close()} takes the
   * statement back through a copy of that field ({@code r.getStatement()}) and closes it: the
   * object keeps the statement with its result set. A class that closes only the result set loses
   * the statement.
   */
  @Test
  void aTemporaryStatementGoesWithTheResultSetAFieldKeepsWhereTheClassClosesItsParent() {
    helper
        .addSourceLines(
            "Iterators.java",
            """
            import java.sql.Connection;
            import java.sql.ResultSet;
            import java.sql.SQLException;
            import java.sql.Statement;

            class Iterators {
              static class Rows implements AutoCloseable {
                private ResultSet result;

                Rows(Connection connection, String sql) throws SQLException {
                  result = connection.createStatement().executeQuery(sql);
                }

                boolean next() throws SQLException {
                  return result.next();
                }

                @Override
                public void close() throws SQLException {
                  final ResultSet r = result;
                  if (r != null) {
                    result = null;
                    final Statement s = r.getStatement();
                    r.close();
                    s.close();
                  }
                }
              }

              static class ResultOnly implements AutoCloseable {
                private ResultSet result;

                ResultOnly(Connection connection, String sql) throws SQLException {
                  // BUG: Diagnostic contains: Statement returned by createStatement() at line 35 is never stored
                  result = connection.createStatement().executeQuery(sql);
                }

                @Override
                public void close() throws SQLException {
                  result.close();
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void aLocalCollectionThatNothingEmpties() {
    helper
        .addSourceLines(
            "Pools.java",
            """
            import java.sql.Connection;
            import java.sql.PreparedStatement;
            import java.sql.SQLException;
            import java.util.ArrayList;
            import java.util.HashMap;
            import java.util.List;
            import java.util.Map;
            import javax.sql.DataSource;

            class Pools {
              int warmUp(DataSource ds, int n) throws SQLException {
                List<Connection> conns = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                  // BUG: Diagnostic contains: Connection acquired at line 15 is not closed after it is added to `conns`, from which nothing takes it to close it; close the elements before the collection is dropped
                  conns.add(ds.getConnection());
                }
                return conns.size();
              }

              void warmUpAndClose(DataSource ds, int n) throws SQLException {
                List<Connection> conns = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                  conns.add(ds.getConnection());
                }
                for (Connection conn : conns) {
                  conn.close();
                }
              }

              List<Connection> handedToTheCaller(DataSource ds, int n) throws SQLException {
                List<Connection> conns = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                  conns.add(ds.getConnection());
                }
                return conns;
              }

              void handedToAMethod(DataSource ds, int n) throws SQLException {
                List<Connection> conns = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                  conns.add(ds.getConnection());
                }
                closeAll(conns);
              }

              Connection replacedValueTakenOut(DataSource ds) throws SQLException {
                Map<String, Connection> byName = new HashMap<>();
                Connection previous = byName.put("a", ds.getConnection());
                return previous;
              }

              void batchPerStatement(Connection conn, List<String> sqls) throws SQLException {
                Map<String, PreparedStatement> batches = new HashMap<>();
                for (String sql : sqls) {
                  PreparedStatement ps = batches.get(sql);
                  if (ps == null) {
                    // BUG: Diagnostic contains: PreparedStatement `ps` acquired at line 58 is not closed after it is added to `batches`
                    ps = conn.prepareStatement(sql);
                    batches.put(sql, ps);
                  }
                  ps.addBatch();
                }
                for (PreparedStatement ps : batches.values()) {
                  ps.executeBatch();
                }
              }

              void batchPerStatementClosed(Connection conn, List<String> sqls) throws SQLException {
                Map<String, PreparedStatement> batches = new HashMap<>();
                try {
                  for (String sql : sqls) {
                    PreparedStatement ps = batches.get(sql);
                    if (ps == null) {
                      ps = conn.prepareStatement(sql);
                      batches.put(sql, ps);
                    }
                    ps.addBatch();
                  }
                  for (PreparedStatement ps : batches.values()) {
                    ps.executeBatch();
                  }
                } finally {
                  for (PreparedStatement ps : batches.values()) {
                    ps.close();
                  }
                }
              }

              private static void closeAll(List<Connection> conns) throws SQLException {
                for (Connection conn : conns) {
                  conn.close();
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void aFieldTestedAndThenOverwrittenLosesWhatAnEarlierCallStoredInIt() {
    helper
        .addSourceLines(
            "Validators.java",
            """
            import java.sql.Connection;
            import java.sql.PreparedStatement;
            import java.sql.SQLException;
            import javax.sql.DataSource;

            class Validators {
              /** Re-prepares when the query changes, and the statement it held stays open. */
              static class ReprepareOnChange implements AutoCloseable {
                private final Connection conn;
                private PreparedStatement ps;
                private String lastSql;

                ReprepareOnChange(Connection conn) {
                  this.conn = conn;
                }

                void validate(String sql) throws SQLException {
                  if (ps == null || !sql.equals(lastSql)) {
                    // BUG: Diagnostic contains: PreparedStatement held in field `ps` since an earlier call is not closed before line 20 stores a new one in it, where the method expects one may be held; close the old one first
                    ps = conn.prepareStatement(sql);
                    lastSql = sql;
                  }
                  ps.execute();
                }

                @Override
                public void close() throws SQLException {
                  if (ps != null) {
                    ps.close();
                  }
                }
              }

              /** Reconnects when the connection went bad, and the bad one stays open. */
              static class Reconnecting implements AutoCloseable {
                private final DataSource ds;
                private Connection conn;

                Reconnecting(DataSource ds) {
                  this.ds = ds;
                }

                Connection connection() throws SQLException {
                  if (conn == null || !conn.isValid(1)) {
                    // BUG: Diagnostic contains: Connection held in field `conn` since an earlier call is not closed before line 46
                    conn = ds.getConnection();
                  }
                  return conn;
                }

                @Override
                public void close() throws SQLException {
                  conn.close();
                }
              }

              /** Creates only when there is none: nothing is held when it stores. */
              static class Lazy implements AutoCloseable {
                private final Connection conn;
                private PreparedStatement ps;

                Lazy(Connection conn) {
                  this.conn = conn;
                }

                void run(String sql) throws SQLException {
                  if (ps == null) {
                    ps = conn.prepareStatement(sql);
                  }
                  ps.execute();
                }

                @Override
                public void close() throws SQLException {
                  ps.close();
                }
              }

              /** Closes the old one before it stores the new one. */
              static class ClosesFirst implements AutoCloseable {
                private final Connection conn;
                private PreparedStatement ps;

                ClosesFirst(Connection conn) {
                  this.conn = conn;
                }

                void reset(String sql) throws SQLException {
                  if (ps != null) {
                    ps.close();
                  }
                  ps = conn.prepareStatement(sql);
                }

                @Override
                public void close() throws SQLException {
                  ps.close();
                }
              }

              /** Reconnects only when the old connection is closed or missing. */
              static class ReopensWhenClosed implements AutoCloseable {
                private final DataSource ds;
                private Connection conn;

                ReopensWhenClosed(DataSource ds) {
                  this.ds = ds;
                }

                Connection connection() throws SQLException {
                  if (conn == null || conn.isClosed()) {
                    conn = ds.getConnection();
                  }
                  return conn;
                }

                @Override
                public void close() throws SQLException {
                  conn.close();
                }
              }

              /** Re-prepares when the query differs from the one it remembers from the last call. */
              static class RememberedQuery implements AutoCloseable {
                private final Connection conn;
                private PreparedStatement ps;
                private String lastSql;

                RememberedQuery(Connection conn) {
                  this.conn = conn;
                }

                void validate(String sql) throws SQLException {
                  if (!sql.equals(lastSql)) {
                    lastSql = sql;
                    // BUG: Diagnostic contains: PreparedStatement held in field `ps` since an earlier call is not closed before line 137
                    ps = conn.prepareStatement(sql);
                  }
                  ps.execute();
                }

                @Override
                public void close() throws SQLException {
                  ps.close();
                }
              }

              /** The same, closing the statement it held before it prepares the next. */
              static class RememberedQueryClosesFirst implements AutoCloseable {
                private final Connection conn;
                private PreparedStatement ps;
                private String lastSql;

                RememberedQueryClosesFirst(Connection conn) {
                  this.conn = conn;
                }

                void validate(String sql) throws SQLException {
                  if (!sql.equals(lastSql)) {
                    lastSql = sql;
                    if (ps != null) {
                      ps.close();
                    }
                    ps = conn.prepareStatement(sql);
                  }
                  ps.execute();
                }

                @Override
                public void close() throws SQLException {
                  ps.close();
                }
              }

              /** A condition on a field that the branch leaves alone remembers nothing. */
              static class Switched implements AutoCloseable {
                private final Connection conn;
                private PreparedStatement ps;
                private boolean enabled;

                Switched(Connection conn) {
                  this.conn = conn;
                }

                void prepare(String sql) throws SQLException {
                  if (enabled) {
                    ps = conn.prepareStatement(sql);
                  }
                }

                void enable() {
                  enabled = true;
                }

                @Override
                public void close() throws SQLException {
                  ps.close();
                }
              }

              /**
               * Stores without asking what the field holds: whether open() runs once per object or
               * per request is not something this file says, so no finding.
               */
              static class OpenedOnce implements AutoCloseable {
                private final DataSource ds;
                private Connection conn;

                OpenedOnce(DataSource ds) {
                  this.ds = ds;
                }

                void open() throws SQLException {
                  conn = ds.getConnection();
                }

                void work() throws SQLException {
                  if (conn != null) {
                    conn.setAutoCommit(false);
                  }
                }

                @Override
                public void close() throws SQLException {
                  conn.close();
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * Solr's DataImportHandler closes its iterator's statement through the class's own getter ({@code
   * getStatement().close()}) before it nulls the field through the setter: a call of that close()
   * releases the field, then overwrites it. A close() that only nulls the field loses the
   * statement.
   */
  @Test
  void anOwnCloseThatClosesTheFieldThroughItsGetterReleasesIt() {
    helper
        .addSourceLines(
            "Source.java",
            """
            import java.sql.Connection;
            import java.sql.ResultSet;
            import java.sql.SQLException;
            import java.sql.Statement;

            abstract class Source {
              abstract Connection getConnection() throws SQLException;

              class Rows {
                private ResultSet resultSet;
                private Statement stmt = null;

                Rows(String query) {
                  try {
                    stmt = getConnection().createStatement();
                    resultSet = stmt.execute(query) ? stmt.getResultSet() : null;
                  } catch (SQLException e) {
                    close();
                    throw new IllegalStateException(e);
                  }
                  if (resultSet == null) {
                    close();
                  }
                }

                void close() {
                  try {
                    if (resultSet != null) {
                      resultSet.close();
                    }
                    if (getStatement() != null) {
                      getStatement().close();
                    }
                  } catch (SQLException e) {
                    // logged
                  } finally {
                    setStatement(null);
                  }
                }

                Statement getStatement() {
                  return stmt;
                }

                void setStatement(Statement stmt) {
                  this.stmt = stmt;
                }
              }

              class Forgetful {
                private Statement stmt;

                Forgetful(String query) throws SQLException {
                  // BUG: Diagnostic contains: before the call to forget() at line 57 overwrites field `stmt`
                  stmt = getConnection().createStatement();
                  if (!stmt.execute(query)) {
                    forget();
                  }
                }

                void forget() {
                  setStatement(null);
                }

                void setStatement(Statement stmt) {
                  this.stmt = stmt;
                }
              }
            }
            """)
        .doTest();
  }
}
