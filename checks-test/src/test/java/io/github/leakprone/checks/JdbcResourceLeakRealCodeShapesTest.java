package io.github.leakprone.checks;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * Shapes met when JdbcResourceLeak first ran on commons-dbcp2, commons-dbutils, HikariCP,
 * tomcat-jdbc, spring-jdbc and quartz, rewritten in our own words: each false alarm found there is
 * a negative case here, beside the positive it must keep.
 */
final class JdbcResourceLeakRealCodeShapesTest {

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(JdbcResourceLeak.class, getClass());

  /** dbcp2's PStmtKey: {@code (c, k) -> c.prepareCall(k.sql)} returns the statement it makes. */
  @Test
  void expressionLambdaReturnsTheResource() {
    helper
        .addSourceLines(
            "Makers.java",
            """
            import java.sql.Connection;
            import java.sql.SQLException;
            import java.sql.Statement;

            class Makers {
              interface Maker {
                Statement make(Connection c, String sql) throws SQLException;
              }

              static final Maker EXPRESSION = (c, sql) -> c.prepareStatement(sql);
              static final Maker BLOCK = (c, sql) -> { return c.prepareStatement(sql); };

              interface Runner {
                void run(Connection c, String sql) throws SQLException;
              }

              // BUG: Diagnostic contains: Statement returned by createStatement() at line 18 is never stored
              static final Runner DROPS = (c, sql) -> c.createStatement().execute(sql);

              // A lambda whose interface returns nothing drops what its expression makes.
              // BUG: Diagnostic contains: never stored
              static final Runner DISCARDS = (c, sql) -> c.prepareStatement(sql);
            }
            """)
        .doTest();
  }

  /**
   * jdbi's plugins: {@code conn = plugin.customizeConnection(conn)} stores in {@code conn} what
   * holds the old connection (a wrapper, or the same one customised); the old value is not lost.
   */
  @Test
  void aWrapperAssignedBackToItsOwnVariableHoldsWhatItWraps() {
    helper
        .addSourceLines(
            "Handles.java",
            """
            import java.sql.Connection;
            import java.sql.SQLException;
            import java.util.List;
            import javax.sql.DataSource;

            class Handles {
              interface Plugin {
                Connection customize(Connection conn) throws SQLException;
              }

              Connection open(DataSource ds, List<Plugin> plugins) throws SQLException {
                Connection conn = ds.getConnection();
                try {
                  for (Plugin plugin : plugins) {
                    conn = plugin.customize(conn);
                  }
                  return conn;
                } catch (SQLException e) {
                  conn.close();
                  throw e;
                }
              }

              Connection replaced(DataSource ds, DataSource other) throws SQLException {
                // BUG: Diagnostic contains: not closed before `conn` is overwritten
                Connection conn = ds.getConnection();
                conn = other.getConnection();
                return conn;
              }
            }
            """)
        .doTest();
  }

  /** dbcp2's wrapResultSet(...), HikariCP's trackStatement(...): what the call returns owns it. */
  @Test
  void handedToAMethodThatReturnsAWrapper() {
    helper
        .addSourceLines(
            "Proxy.java",
            """
            import java.sql.Connection;
            import java.sql.DatabaseMetaData;
            import java.sql.ResultSet;
            import java.sql.SQLException;
            import java.sql.Statement;
            import java.util.ArrayList;
            import java.util.List;

            class Proxy {
              private final List<Statement> open = new ArrayList<>();
              private Connection delegate;

              ResultSet catalogs(DatabaseMetaData metaData) throws SQLException {
                return wrap(metaData.getCatalogs());
              }

              Statement statement() throws SQLException {
                return track(delegate.createStatement());
              }

              boolean peek(DatabaseMetaData metaData) throws SQLException {
                // BUG: Diagnostic contains: ResultSet returned by getSchemas() at line 23 is never stored
                return hasRows(metaData.getSchemas());
              }

              private static ResultSet wrap(ResultSet resultSet) {
                return resultSet;
              }

              private Statement track(Statement statement) {
                open.add(statement);
                return statement;
              }

              private static boolean hasRows(ResultSet resultSet) throws SQLException {
                return resultSet.next();
              }
            }
            """)
        .doTest();
  }

  /** quartz's Util.closeStatement, dbcp2's Utils.closeQuietly, dbutils' inherited close(stmt). */
  @Test
  void closedByHelpersDefinedElsewhere() {
    helper
        .addSourceLines(
            "Util.java",
            """
            final class Util {
              static void closeStatement(java.sql.Statement statement) {
                try {
                  statement.close();
                } catch (java.sql.SQLException ignored) {
                  // best effort
                }
              }
            }
            """)
        .addSourceLines(
            "Base.java",
            """
            abstract class Base {
              // native: no body in sight, as for a superclass in a jar (one compiled with the
              // caller is judged by its body)
              protected static native void closeResultSet(java.sql.ResultSet resultSet);

              protected native void close(java.sql.Statement statement);
            }
            """)
        .addSourceLines(
            "Dao.java",
            """
            import java.sql.Connection;
            import java.sql.PreparedStatement;
            import java.sql.ResultSet;
            import java.sql.SQLException;
            import java.sql.Statement;

            class Dao extends Base {
              int count(Connection conn, String sql) throws SQLException {
                PreparedStatement ps = null;
                ResultSet rs = null;
                try {
                  ps = conn.prepareStatement(sql);
                  rs = conn.getMetaData().getTables(null, null, "%", null);
                  return rs.next() ? 1 : 0;
                } finally {
                  closeResultSet(rs);
                  Util.closeStatement(ps);
                }
              }

              void update(Connection conn, String sql) throws SQLException {
                Statement stmt = null;
                try {
                  stmt = conn.createStatement();
                  stmt.execute(sql);
                } finally {
                  close(stmt);
                }
              }

              void updateAndForget(Connection conn, String sql) throws SQLException {
                Statement stmt = null;
                try {
                  // BUG: Diagnostic contains: Statement `stmt` acquired at line 35 is never closed
                  stmt = conn.createStatement();
                  stmt.execute(sql);
                } finally {
                  log(stmt);
                }
              }

              private static void log(Object o) {}
            }
            """)
        .doTest();
  }

  /** HikariCP's quietlyCloseConnection closes its parameter with Java 9's try (connection) {}. */
  @Test
  void ownHelperClosesItsParameterWithTryWithResources() {
    helper
        .addSourceLines(
            "Pool.java",
            """
            import java.sql.Connection;
            import java.sql.SQLException;
            import javax.sql.DataSource;

            class Pool {
              Connection fresh(DataSource ds) throws SQLException {
                Connection connection = null;
                try {
                  connection = ds.getConnection();
                  connection.setAutoCommit(false);
                  return connection;
                } catch (Exception e) {
                  if (connection != null) {
                    discard(connection);
                  }
                  throw e;
                }
              }

              private static void discard(Connection connection) {
                try (connection) {
                  connection.rollback();
                } catch (SQLException ignored) {
                  // already broken
                }
              }
            }
            """)
        .doTest();
  }

  /** spring-jdbc's OracleTableMetaDataProvider: the metadata's connection is lent, not acquired. */
  @Test
  void metadataLendsItsConnectionButItsResultSetsAreOurs() {
    helper
        .addSourceLines(
            "Meta.java",
            """
            import java.sql.Connection;
            import java.sql.DatabaseMetaData;
            import java.sql.ResultSet;
            import java.sql.SQLException;

            class Meta {
              boolean oracle(DatabaseMetaData metaData) throws SQLException {
                Connection con = metaData.getConnection();
                con = con.unwrap(Connection.class);
                return con.getMetaData().getDatabaseProductName().startsWith("Oracle");
              }

              boolean hasTables(DatabaseMetaData metaData) throws SQLException {
                // BUG: Diagnostic contains: ResultSet `tables` acquired at line 15 is never closed
                ResultSet tables = metaData.getTables(null, null, "%", null);
                return tables.next();
              }
            }
            """)
        .doTest();
  }

  /** Null-checking a copy of the variable checks the resource: both hold the same object. */
  @Test
  void closedThroughACopyAfterANullCheck() {
    helper
        .addSourceLines(
            "Dao.java",
            """
            import java.sql.Connection;
            import java.sql.SQLException;
            import java.sql.Statement;

            class Dao {
              void update(Connection conn, String sql) throws SQLException {
                Statement st = conn.createStatement();
                Statement toClose = st;
                try {
                  st.execute(sql);
                } finally {
                  if (toClose != null) {
                    toClose.close();
                  }
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * tomcat-jdbc's validate(): the statement leaks when the logging in the catch block throws, not
   * when the getter in the try block does; and a call that declares SQLException is named before a
   * getter that could only throw a RuntimeException.
   */
  @Test
  void namesTheTellingPath() {
    helper
        .addSourceLines(
            "Validator.java",
            """
            import java.sql.Connection;
            import java.sql.SQLException;
            import java.sql.Statement;

            class Validator {
              private int timeout;

              boolean validate(Connection conn, String sql) {
                Statement stmt = null;
                try {
                  // Closed in the catch too: only log(e) throwing, which it does not, could lose it.
                  stmt = conn.createStatement();
                  stmt.setQueryTimeout(timeout());
                  stmt.execute(sql);
                  stmt.close();
                  return true;
                } catch (Exception e) {
                  log(e);
                  if (stmt != null) {
                    try {
                      stmt.close();
                    } catch (Exception ignored) {
                      // best effort
                    }
                  }
                  return false;
                }
              }

              void configure(Connection conn, String sql) throws SQLException {
                // BUG: Diagnostic contains: when `st.execute(...)` at line 34 throws
                Statement st = conn.createStatement();
                st.setQueryTimeout(timeout());
                st.execute(sql);
                st.close();
              }

              private int timeout() {
                return timeout;
              }

              private static void log(Exception e) {
                System.err.println(e);
              }
            }
            """)
        .doTest();
  }

  /**
   * spring-jdbc's JdbcTemplate.execute(action, closeResources): the callback's generic result (a
   * stream that closes the statement, when closeResources is false) may own the statement.
   */
  @Test
  void callbackResultMayOwnWhatItWasGiven() {
    helper
        .addSourceLines(
            "Template.java",
            """
            import java.sql.Connection;
            import java.sql.SQLException;
            import java.sql.Statement;

            class Template {
              interface Callback<T> {
                T doInStatement(Statement statement) throws SQLException;
              }

              <T> T execute(Connection con, Callback<T> action, boolean closeResources)
                  throws SQLException {
                Statement stmt = null;
                try {
                  stmt = con.createStatement();
                  T result = action.doInStatement(stmt);
                  return result;
                } catch (SQLException | RuntimeException ex) {
                  if (stmt != null) {
                    stmt.close();
                  }
                  throw ex;
                } finally {
                  if (closeResources && stmt != null) {
                    stmt.close();
                  }
                }
              }

              boolean count(Connection con, Callback<Boolean> action) throws SQLException {
                // BUG: Diagnostic contains: Statement `stmt` acquired at line 31 is never closed
                Statement stmt = con.createStatement();
                return stmt.execute("select 1") && count(stmt);
              }

              private static boolean count(Statement statement) throws SQLException {
                return statement.getUpdateCount() > 0;
              }
            }
            """)
        .doTest();
  }

  /**
   * A {@code break} that only ends a loop early skips no close: the statement it leaves open is
   * open on the loop's ordinary exit too, and the path that loses it is named after the call that
   * throws (jfinal's paging loop, which skips rows with {@code rs.next()}). A {@code break} or
   * {@code continue} that skips the close is still the path.
   */
  @Test
  void aJumpThatSkipsNoCloseIsNotThePath() {
    helper
        .addSourceLines(
            "Pager.java",
            """
            import java.sql.Connection;
            import java.sql.PreparedStatement;
            import java.sql.ResultSet;
            import java.sql.SQLException;
            import java.util.ArrayList;
            import java.util.List;

            class Pager {
              List<Object> page(Connection conn, String sql, int offset) throws SQLException {
                // BUG: Diagnostic contains: PreparedStatement `pst` acquired at line 11 is not closed when `pst.executeQuery()` at line 12 throws
                PreparedStatement pst = conn.prepareStatement(sql);
                ResultSet rs = pst.executeQuery();
                for (int i = 0; i < offset; i++) {
                  if (!rs.next()) {
                    break;
                  }
                }
                List<Object> rows = new ArrayList<>();
                while (rs.next()) {
                  rows.add(rs.getObject(1));
                }
                rs.close();
                pst.close();
                return rows;
              }

              void firstNonEmpty(Connection conn, List<String> sqls) throws SQLException {
                for (String sql : sqls) {
                  // BUG: Diagnostic contains: PreparedStatement `ps` acquired at line 30 is not closed when the `break` at line 32 is taken
                  PreparedStatement ps = conn.prepareStatement(sql);
                  if (sql.isEmpty()) {
                    break;
                  }
                  ps.close();
                }
              }

              void skipBlank(Connection conn, List<String> sqls) throws SQLException {
                for (String sql : sqls) {
                  // BUG: Diagnostic contains: PreparedStatement `ps` acquired at line 41 is not closed when the `continue` at line 43 is taken
                  PreparedStatement ps = conn.prepareStatement(sql);
                  if (sql.isEmpty()) {
                    continue;
                  }
                  ps.close();
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * A batch whose statement is prepared in {@code if (i == 0)} of a counting loop (BeetlSQL's
   * {@code sqlReadyBatchExecuteUpdate}) prepares it once: the branch runs on the first pass only,
   * when nothing it opens is open yet, so its assignment overwrites nothing. A test on another
   * value of the counter, or a counter the body moves back (a batch restarted every hundred rows),
   * can take the branch again.
   */
  @Test
  void aBranchTakenOnlyOnALoopsFirstPassOverwritesNothingItOpened() {
    helper
        .addSourceLines(
            "Batches.java",
            """
            import java.sql.Connection;
            import java.sql.PreparedStatement;
            import java.sql.SQLException;
            import java.util.List;

            class Batches {
              int[] firstPass(Connection conn, String sql, List<Object> rows) throws SQLException {
                PreparedStatement ps = null;
                try {
                  for (int i = 0; i < rows.size(); i++) {
                    if (i == 0) {
                      ps = conn.prepareStatement(sql);
                    }
                    ps.setObject(1, rows.get(i));
                    ps.addBatch();
                  }
                  return ps == null ? new int[0] : ps.executeBatch();
                } finally {
                  if (ps != null) {
                    ps.close();
                  }
                }
              }

              int[] everyOtherPass(Connection conn, String sql, List<Object> rows)
                  throws SQLException {
                PreparedStatement ps = null;
                try {
                  for (int i = 0; i < rows.size(); i++) {
                    if (i % 2 == 0) {
                      // BUG: Diagnostic contains: PreparedStatement `ps` acquired at line 32 is not closed before `ps` is overwritten at line 32
                      ps = conn.prepareStatement(sql);
                    }
                    ps.setObject(1, rows.get(i));
                    ps.addBatch();
                  }
                  return ps == null ? new int[0] : ps.executeBatch();
                } finally {
                  if (ps != null) {
                    ps.close();
                  }
                }
              }

              int[] counterMoved(Connection conn, String sql, List<Object> rows) throws SQLException {
                PreparedStatement ps = null;
                try {
                  for (int i = 0; i < rows.size(); i++) {
                    if (i == 0) {
                      // BUG: Diagnostic contains: PreparedStatement `ps` acquired at line 51 is not closed before `ps` is overwritten at line 51
                      ps = conn.prepareStatement(sql);
                    }
                    ps.setObject(1, rows.get(i));
                    ps.addBatch();
                    if (i == 99) {
                      ps.executeBatch();
                      rows = rows.subList(100, rows.size());
                      i = -1;
                    }
                  }
                  return ps == null ? new int[0] : ps.executeBatch();
                } finally {
                  if (ps != null) {
                    ps.close();
                  }
                }
              }

              int[] rowDroppedAndCountedBack(Connection conn, String sql, List<Object> rows)
                  throws SQLException {
                PreparedStatement ps = null;
                try {
                  for (int i = 0; i < rows.size(); i++) {
                    if (i == 0) {
                      // BUG: Diagnostic contains: is not closed before `ps` is overwritten
                      ps = conn.prepareStatement(sql);
                    }
                    if (rows.get(i) == null) {
                      rows.remove(i);
                      i--;
                      continue;
                    }
                    ps.setObject(1, rows.get(i));
                    ps.addBatch();
                  }
                  return ps == null ? new int[0] : ps.executeBatch();
                } finally {
                  if (ps != null) {
                    ps.close();
                  }
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * Code an embedded engine calls while it runs a query works on the engine's in-process session:
   * H2GIS's table functions read rows through the connection H2 gave them, in a row source, and its
   * update trigger queries in {@code init(conn, ...)}. A statement left open there is garbage, not
   * a cursor or a pool's slot. A connection the trigger opens itself is still its own, and the same
   * statement in a class H2 does not call is a finding.
   */
  @Test
  void statementsOfAnEmbeddedEnginesCallbacksAreItsSessions() {
    helper
        .addSourceLines(
            "Trigger.java",
            """
            package org.h2.api;

            import java.sql.Connection;
            import java.sql.SQLException;

            public interface Trigger {
              void init(Connection conn, String schema, String trigger, String table, boolean before, int type)
                  throws SQLException;
            }
            """)
        .addSourceLines(
            "SimpleRowSource.java",
            """
            package org.h2.tools;

            import java.sql.SQLException;

            public interface SimpleRowSource {
              Object[] readRow() throws SQLException;

              void close();

              void reset() throws SQLException;
            }
            """)
        .addSourceLines(
            "Functions.java",
            """
            import java.sql.Connection;
            import java.sql.DriverManager;
            import java.sql.ResultSet;
            import java.sql.SQLException;
            import java.sql.Statement;
            import org.h2.api.Trigger;
            import org.h2.tools.SimpleRowSource;

            class Functions {
              static final class Rows implements SimpleRowSource {
                private final Connection connection;
                private ResultSet rows;

                Rows(Connection connection) {
                  this.connection = connection;
                }

                @Override
                public Object[] readRow() throws SQLException {
                  return rows.next() ? new Object[] {rows.getObject(1)} : null;
                }

                @Override
                public void close() {}

                @Override
                public void reset() throws SQLException {
                  rows = connection.createStatement().executeQuery("select geom from t");
                }
              }

              static final class Changes implements Trigger {
                @Override
                public void init(
                    Connection conn, String schema, String trigger, String table, boolean before, int type)
                    throws SQLException {
                  Statement st = conn.createStatement();
                  st.execute("create temporary table changes(id int)");
                }

                int audited(String url) throws SQLException {
                  // BUG: Diagnostic contains: Connection `own` acquired at line 43 is never closed
                  Connection own = DriverManager.getConnection(url);
                  return own.getTransactionIsolation();
                }
              }

              static void outside(Connection conn) throws SQLException {
                // BUG: Diagnostic contains: Statement `st` acquired at line 50 is never closed
                Statement st = conn.createStatement();
                st.execute("create temporary table changes(id int)");
              }
            }
            """)
        .doTest();
  }

  /**
   * An object whose {@code close()} hands what it keeps to another object's method, itself or
   * through the methods it calls, may release it there: the Vert.x JDBC client's connection runs
   * every action, its close among them, as {@code action.execute(conn)}. Handing the connection to
   * its constructor hands it over. An object whose close() hands nothing on only borrows it.
   */
  @Test
  void anObjectWhoseCloseHandsWhatItKeepsToAnActionOwnsIt() {
    helper
        .addSourceLines(
            "Pool.java",
            """
            import java.sql.Connection;
            import java.sql.SQLException;
            import java.util.function.Consumer;
            import javax.sql.DataSource;

            class Pool {
              abstract static class Action<T> {
                abstract T execute(Connection conn) throws SQLException;
              }

              static final class Close extends Action<Void> {
                @Override
                Void execute(Connection conn) throws SQLException {
                  conn.close();
                  return null;
                }
              }

              static final class Session implements AutoCloseable {
                private final Connection conn;

                Session(Connection conn) {
                  this.conn = conn;
                }

                <T> T run(Action<T> action) throws SQLException {
                  return action.execute(conn);
                }

                @Override
                public void close() throws SQLException {
                  run(new Close());
                }
              }

              static final class Reader implements AutoCloseable {
                private final Connection conn;
                private boolean closed;

                Reader(Connection conn) {
                  this.conn = conn;
                }

                boolean readOnly() throws SQLException {
                  return conn.isReadOnly();
                }

                @Override
                public void close() {
                  closed = true;
                }
              }

              void open(DataSource ds, Consumer<Session> done) throws SQLException {
                Connection conn = ds.getConnection();
                done.accept(new Session(conn));
              }

              void read(DataSource ds, Consumer<Reader> done) throws SQLException {
                // BUG: Diagnostic contains: Connection `conn` acquired at line 61 is never closed
                Connection conn = ds.getConnection();
                done.accept(new Reader(conn));
              }
            }
            """)
        .doTest();
  }

  /**
   * A constructor's check that what it is given is not null throws nothing for a resource its
   * caller has just opened: Groovy's {@code Sql.newInstance(url)} hands the connection {@code
   * DriverManager} opened to {@code new Sql(connection)}, whose only {@code throw} is {@code if
   * (connection == null)}. A check the caller's values do not settle, where it throws an exception
   * that is no precondition's (here an {@code SQLException}), still opens a path.
   */
  @Test
  void aNullCheckOfWhatTheCallerJustOpenedThrowsNothing() {
    helper
        .addSourceLines(
            "Sql.java",
            """
            import java.sql.Connection;
            import java.sql.DriverManager;
            import java.sql.SQLException;

            class Sql implements AutoCloseable {
              private final Connection connection;

              Sql(Connection connection) {
                if (connection == null) {
                  throw new NullPointerException("Must specify a non-null Connection");
                }
                this.connection = connection;
              }

              Sql(Connection connection, int fetchSize) throws SQLException {
                if (connection == null || fetchSize < 1) {
                  throw new SQLException("a connection and a positive fetch size");
                }
                this.connection = connection;
              }

              @Override
              public void close() throws SQLException {
                connection.close();
              }

              static Sql newInstance(String url) throws SQLException {
                Connection connection = DriverManager.getConnection(url);
                return new Sql(connection);
              }

              static Sql newInstance(String url, int fetchSize) throws SQLException {
                // BUG: Diagnostic contains: is not closed when `new Sql(...)` at line 35 throws
                Connection connection = DriverManager.getConnection(url);
                return new Sql(connection, fetchSize);
              }
            }
            """)
        .doTest();
  }

  /**
   * sqldump's diff applier adds up the update counts of its DDL, one statement made and dropped per
   * statement of the diff, inside a compound assignment ({@code count += ...}), once unseen; and
   * its query runner declares {@code PreparedStatement stmt = null;} at the top of a loop's body, a
   * new variable each pass: what the last pass left in it is lost when the pass ends, not
   * "overwritten" at the declaration.
   */
  @Test
  void aCompoundAssignmentAndALoopsOwnDeclarationLoseWhatTheyHold() {
    helper
        .addSourceLines(
            "Diff.java",
            """
            import java.sql.Connection;
            import java.sql.PreparedStatement;
            import java.sql.SQLException;
            import java.sql.Statement;
            import java.util.List;

            class Diff {
              int apply(Connection conn, List<String> ddl) throws SQLException {
                int updateCount = 0;
                for (String sql : ddl) {
                  // BUG: Diagnostic contains: Statement returned by createStatement() at line 12 is never stored
                  updateCount += conn.createStatement().executeUpdate(sql);
                }
                return updateCount;
              }

              int applyClosed(Connection conn, List<String> ddl) throws SQLException {
                int updateCount = 0;
                try (Statement st = conn.createStatement()) {
                  for (String sql : ddl) {
                    updateCount += st.executeUpdate(sql);
                  }
                }
                return updateCount;
              }

              void runAll(Connection conn, List<String> queries) throws SQLException {
                for (String sql : queries) {
                  PreparedStatement stmt = null;
                  try {
                    // BUG: Diagnostic contains: PreparedStatement `stmt` acquired at line 32 is never closed
                    stmt = conn.prepareStatement(sql);
                  } catch (SQLException e) {
                    System.err.println("cannot prepare " + sql);
                  }
                  if (stmt != null) {
                    stmt.execute();
                  }
                }
              }

              void runSome(Connection conn, List<String> queries) throws SQLException {
                for (String sql : queries) {
                  // BUG: Diagnostic contains: is not closed when the loop at line 43 starts its next pass
                  PreparedStatement stmt = conn.prepareStatement(sql);
                  if (stmt.execute()) {
                    stmt.close();
                  }
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * sqldump's schema grabber logs a result set's columns under {@code log.isDebugEnabled()} before
   * the loop that reads it: a failure of code only verbose logging runs is no path worth a finding.
   * Here a statement's parameters are logged so before it runs in a {@code try}; where the main
   * path can fail too, it is the one named.
   */
  @Test
  void codeOnlyVerboseLoggingRunsThrowsOnNoPath() {
    helper
        .addSourceLines(
            "Updater.java",
            """
            import java.sql.Connection;
            import java.sql.PreparedStatement;
            import java.sql.SQLException;

            class Updater {
              interface Log {
                boolean isDebugEnabled();

                void debug(String message);
              }

              void update(Connection conn, Log log, String sql) throws SQLException {
                PreparedStatement ps = conn.prepareStatement(sql);
                if (log.isDebugEnabled()) {
                  log.debug("parameters: " + ps.getParameterMetaData().getParameterCount());
                }
                try {
                  ps.executeUpdate();
                } finally {
                  ps.close();
                }
              }

              interface Sink {
                void add(String sql) throws SQLException;
              }

              void updateInto(Connection conn, Log log, Sink sink, String sql) throws SQLException {
                // BUG: Diagnostic contains: is not closed when `sink.add(...)` at line 34 throws
                PreparedStatement ps = conn.prepareStatement(sql);
                if (log.isDebugEnabled() && ps != null) {
                  log.debug("parameters: " + ps.getParameterMetaData().getParameterCount());
                }
                sink.add(sql);
                try {
                  ps.executeUpdate();
                } finally {
                  ps.close();
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * Avatica's server keeps each statement it makes in a Guava cache, wrapped in an object of its
   * own, under an id it hands the client; the cache's removal listener closes it when the client
   * closes the handle or the entry expires. A cache keeps what is put in it as a map does: the
   * statement is the cache's, also put through the cache's getter. A statement the cache is not
   * given stays the method's.
   */
  @Test
  void aStatementPutInACacheIsTheCaches() {
    helper
        .addSourceLines(
            "Meta.java",
            """
            import com.google.common.cache.Cache;
            import com.google.common.cache.CacheBuilder;
            import java.sql.Connection;
            import java.sql.PreparedStatement;
            import java.sql.SQLException;
            import java.sql.Statement;
            import java.util.concurrent.atomic.AtomicInteger;

            class Meta {
              static final class StatementInfo {
                final Statement statement;

                StatementInfo(Statement statement) {
                  this.statement = statement;
                }
              }

              private final AtomicInteger ids = new AtomicInteger();
              private final Cache<Integer, StatementInfo> statements =
                  CacheBuilder.newBuilder().build();

              Cache<Integer, StatementInfo> cache() {
                return statements;
              }

              int createStatement(Connection conn) throws SQLException {
                Statement statement = conn.createStatement();
                int id = ids.getAndIncrement();
                statements.put(id, new StatementInfo(statement));
                return id;
              }

              int prepare(Connection conn, String sql) throws SQLException {
                PreparedStatement statement = conn.prepareStatement(sql);
                int id = ids.getAndIncrement();
                cache().put(id, new StatementInfo(statement));
                return id;
              }

              int count(Connection conn, Cache<String, Integer> counts) throws SQLException {
                // BUG: Diagnostic contains: `statement` acquired at line 42 is never closed
                Statement statement = conn.createStatement();
                counts.put("created", statement.getMaxRows());
                return ids.get();
              }
            }
            """)
        .doTest();
  }

  /**
   * Obevo's JdbcHelper returns the open statement with its result set in a pair, for the caller to
   * close both: a value declared to carry the statement's type ({@code Map.Entry<Statement,
   * ResultSet>}, a library's {@code Pair}) carries the statement to whoever receives it. A pair
   * that carries only a count leaves the statement the method's.
   */
  @Test
  void aStatementReturnedInAPairIsTheCallers() {
    helper
        .addSourceLines(
            "Queries.java",
            """
            import java.sql.Connection;
            import java.sql.ResultSet;
            import java.sql.SQLException;
            import java.sql.Statement;
            import java.util.Map;

            class Queries {
              Map.Entry<Statement, ResultSet> queryAndLeaveOpen(Connection conn, String sql)
                  throws SQLException {
                Statement statement = null;
                try {
                  statement = conn.createStatement();
                  return Map.entry(statement, statement.executeQuery(sql));
                } catch (SQLException e) {
                  if (statement != null) {
                    statement.close();
                  }
                  throw e;
                }
              }

              Map.Entry<String, Integer> count(Connection conn, String sql) throws SQLException {
                // BUG: Diagnostic contains: `statement` acquired at line 24 is never closed
                Statement statement = conn.createStatement();
                return Map.entry(sql, statement.executeUpdate(sql));
              }
            }
            """)
        .doTest();
  }

  /**
   * Avatica's server asks each statement it prepares whether it wraps one of its own before it
   * caches it: what a driver's object wraps is its own class's answer, so asking fails on no path
   * worth a finding. A call that runs the statement still may.
   */
  @Test
  void askingWhatAStatementWrapsThrowsOnNoPath() {
    helper
        .addSourceLines(
            "Prepare.java",
            """
            import java.sql.Connection;
            import java.sql.PreparedStatement;
            import java.sql.SQLException;
            import java.util.Map;

            class Prepare {
              interface Own extends PreparedStatement {
                int kind();
              }

              PreparedStatement prepare(Connection conn, String sql, Map<String, Integer> kinds)
                  throws SQLException {
                PreparedStatement statement = conn.prepareStatement(sql);
                if (statement.isWrapperFor(Own.class)) {
                  kinds.put(sql, statement.unwrap(Own.class).kind());
                }
                return statement;
              }

              PreparedStatement prepareAndRun(Connection conn, String sql) throws SQLException {
                // BUG: Diagnostic contains: is not closed when `statement.execute()` at line 24 throws
                PreparedStatement statement = conn.prepareStatement(sql);
                if (statement.isWrapperFor(Own.class)) {
                  statement.execute();
                }
                return statement;
              }
            }
            """)
        .doTest();
  }

  /**
   * gtfs-lib's table writer prepares its batch statement under {@code if (entityCount == 0)} in a
   * loop over the entities, and counts each pass with {@code if (++entityCount % BATCH == 0)}: the
   * counter, kept outside the loop and only counted up, holds its first value on the first pass
   * alone, so no pass overwrites a statement an earlier one prepared. A {@code continue} that skips
   * the count keeps it at its first value, and the branch may run again.
   */
  @Test
  void aBranchTakenOnlyWhileACounterOfThePassesHoldsItsFirstValueOverwritesNothing() {
    helper
        .addSourceLines(
            "Writer.java",
            """
            import java.sql.Connection;
            import java.sql.PreparedStatement;
            import java.sql.SQLException;
            import java.util.List;

            class Writer {
              private static final int BATCH = 100;

              void insert(Connection conn, List<String> names) throws SQLException {
                PreparedStatement insert = null;
                int count = 0;
                try {
                  for (String name : names) {
                    if (count == 0) {
                      insert = conn.prepareStatement("insert into t values (?)");
                    }
                    insert.setString(1, name);
                    insert.addBatch();
                    if (++count % BATCH == 0) {
                      insert.executeBatch();
                    }
                  }
                  if (insert != null) {
                    insert.executeBatch();
                  }
                } finally {
                  if (insert != null) {
                    insert.close();
                  }
                }
              }

              void insertSkipping(Connection conn, List<String> names) throws SQLException {
                PreparedStatement insert = null;
                int count = 0;
                for (String name : names) {
                  if (count == 0) {
                    // BUG: Diagnostic contains: before `insert` is overwritten at line 39
                    insert = conn.prepareStatement("insert into t values (?)");
                  }
                  if (name.isEmpty()) {
                    continue;
                  }
                  insert.setString(1, name);
                  count++;
                }
                if (insert != null) {
                  insert.close();
                }
              }
            }
            """)
        .doTest();
  }
}
