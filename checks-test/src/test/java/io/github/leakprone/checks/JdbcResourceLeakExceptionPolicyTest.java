package io.github.leakprone.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * The exception policy: by default an exception leaves a call that declares one, an explicit {@code
 * throw}, or a method of the unit whose body throws; a path only an undeclared unchecked exception
 * takes is reported under {@code UncheckedExceptionPaths=true} alone. Each negative stands beside
 * the positive that differs from it by what the thrower declares.
 */
final class JdbcResourceLeakExceptionPolicyTest {

  private static final String POOL =
      """
      import java.sql.Connection;
      import java.sql.PreparedStatement;
      import java.sql.SQLException;
      import java.util.ArrayList;
      import java.util.HashMap;
      import java.util.List;
      import java.util.Map;
      import java.util.concurrent.atomic.AtomicInteger;
      import javax.sql.DataSource;

      class Pool {
        private final AtomicInteger ids = new AtomicInteger();
        private final Map<Integer, Pooled> byId = new HashMap<>();
        private final List<Pooled> all = new ArrayList<>();

        // A wrapper that takes ownership: its constructor assigns fields and cannot fail.
        Pooled wrap(DataSource ds) throws SQLException {
          Connection conn = ds.getConnection();
          return new Pooled(conn, ids.incrementAndGet());
        }

        void register(DataSource ds) throws SQLException {
          Connection conn = ds.getConnection();
          Pooled pooled = new Pooled(conn, ids.incrementAndGet());
          byId.put(pooled.id, pooled);
          all.add(pooled);
        }

        PreparedStatement prepared(Connection conn, String sql) throws SQLException {
          PreparedStatement ps = conn.prepareStatement(sql);
          try {
            ps.setObject(1, sql);
          } catch (SQLException e) {
            ps.close();
            throw e;
          }
          return ps;
        }

        // A pooled connection is configured before it is handed out: configure declares
        // SQLException, and a failing configuration loses the connection on every request.
        Pooled configured(DataSource ds) throws SQLException {
          // BUG: Diagnostic contains: Connection `conn` acquired at line 44 is not closed when `configure(...)` at line 45 throws
          Connection conn = ds.getConnection();
          configure(conn);
          return new Pooled(conn, ids.incrementAndGet());
        }

        // A helper of this class that throws, even an unchecked exception, is a path the author
        // wrote: it fails on bad input (a size read from configuration).
        Pooled checked(DataSource ds, String size) throws SQLException {
          // BUG: Diagnostic contains: when `parseSize(...)` at line 54 throws
          Connection conn = ds.getConnection();
          int parsed = parseSize(size);
          return new Pooled(conn, parsed);
        }

        // A helper of this class that throws only a checked exception declares it: the catch that
        // closes and rethrows covers it.
        Pooled initialized(DataSource ds) throws SQLException {
          Connection conn = ds.getConnection();
          try {
            initialize(conn);
          } catch (SQLException e) {
            conn.close();
            throw e;
          }
          return new Pooled(conn, 0);
        }

        private static void initialize(Connection conn) throws SQLException {
          if (conn.isReadOnly()) {
            throw new SQLException("read-only");
          }
        }

        private static void configure(Connection conn) throws SQLException {
          conn.setAutoCommit(false);
        }

        private static int parseSize(String text) {
          int size = text.length();
          if (size == 0 || text.charAt(0) == '-') {
            throw new IllegalArgumentException("not a size: " + text);
          }
          return size;
        }

        static final class Pooled {
          final Connection connection;
          final int id;

          Pooled(Connection connection, int id) {
            this.connection = connection;
            this.id = id;
          }
        }
      }
      """;

  @Test
  void onlyDeclaredOrWrittenExceptionsOpenAPath() {
    CompilationTestHelper.newInstance(JdbcResourceLeak.class, getClass())
        .addSourceLines("Pool.java", POOL)
        .doTest();
  }

  /** The same code under {@code UncheckedExceptionPaths=true}: the wrapper's paths are findings. */
  @Test
  void uncheckedExceptionPathsWhenAskedFor() {
    CompilationTestHelper.newInstance(JdbcResourceLeak.class, getClass())
        .setArgs("-XepOpt:JdbcResourceLeak:UncheckedExceptionPaths=true")
        .addSourceLines(
            "Dao.java",
            """
            import java.sql.Connection;
            import java.sql.SQLException;
            import java.util.List;
            import javax.sql.DataSource;

            class Dao {
              void register(DataSource ds, List<Object> all) throws SQLException {
                // BUG: Diagnostic contains: when `all.add(...)` at line 10 throws
                Connection conn = ds.getConnection();
                all.add("row");
                conn.close();
              }
            }
            """)
        .doTest();
  }

  /**
   * A catch that handles some of what its try throws: the path that leaves the try is the exception
   * the catch does not handle, named after the call that throws it, and a resource opened after
   * that call is closed by the catch on every path left.
   */
  @Test
  void theExceptionACatchDoesNotHandleIsThePathOutOfTheTry() {
    CompilationTestHelper.newInstance(JdbcResourceLeak.class, getClass())
        .addSourceLines(
            "Report.java",
            """
            import java.sql.Connection;
            import java.sql.ResultSet;
            import java.sql.SQLException;
            import java.sql.Statement;
            import java.text.ParseException;

            class Report {
              void print(Connection conn, String sql) throws SQLException, ParseException {
                // BUG: Diagnostic contains: Statement `st` acquired at line 10 is not closed when `layout(...)` at line 13 throws
                Statement st = conn.createStatement();
                try {
                  ResultSet rs = st.executeQuery(sql);
                  layout(rs);
                  st.close();
                } catch (SQLException e) {
                  st.close();
                  throw e;
                }
              }

              void printLaidOut(Connection conn, String sql) throws SQLException, ParseException {
                Statement st = null;
                try {
                  layout(null);
                  st = conn.createStatement();
                  st.executeQuery(sql);
                  st.close();
                } catch (SQLException e) {
                  if (st != null) {
                    st.close();
                  }
                  throw e;
                }
              }

              static native void layout(ResultSet rs) throws ParseException;
            }
            """)
        .doTest();
  }

  /**
   * An exception reaches the catches that may catch it (one naming its type, a supertype, or a
   * subtype: a SQLException may be a SQLTimeoutException) and passes the others: the path that
   * loses a resource is named after the call whose exception leaves, not after a catch it passes.
   */
  @Test
  void anExceptionReachesOnlyTheCatchesThatMayCatchIt() {
    CompilationTestHelper.newInstance(JdbcResourceLeak.class, getClass())
        .addSourceLines(
            "Validated.java",
            """
            import java.sql.Connection;
            import java.sql.SQLException;
            import java.sql.SQLTimeoutException;
            import javax.sql.DataSource;

            class Validated {
              Connection validated(DataSource ds) throws SQLException {
                try {
                  // BUG: Diagnostic contains: Connection `conn` acquired at line 10 is not closed when `validate(...)` at line 12 throws
                  Connection conn = ds.getConnection();
                  try {
                    validate(conn);
                  } catch (SQLException e) {
                    conn.close();
                    throw e;
                  }
                  return conn;
                } catch (SQLTimeoutException e) {
                  return null;
                }
              }

              Connection timedOut(DataSource ds) throws SQLException {
                // BUG: Diagnostic contains: Connection `conn` acquired at line 25 is not closed when the `return` at line 29 is taken
                Connection conn = ds.getConnection();
                try {
                  conn.setReadOnly(true);
                } catch (SQLTimeoutException e) {
                  return null;
                } catch (SQLException e) {
                  conn.close();
                  throw e;
                }
                return conn;
              }

              Connection readOnly(DataSource ds) throws SQLException {
                Connection conn = ds.getConnection();
                try {
                  conn.setReadOnly(true);
                } catch (SQLException e) {
                  conn.close();
                  throw e;
                } catch (RuntimeException e) {
                  return null;
                }
                return conn;
              }

              static native void validate(Connection conn) throws SQLException, PoolException;

              static class PoolException extends RuntimeException {}
            }
            """)
        .doTest();
  }

  /**
   * An unchecked exception in a {@code throws} clause opens a path when the library names it as the
   * way the call fails (above: a pool's own {@code PoolException}); one of the JDK's exceptions for
   * a caller's mistake states a precondition instead. SymmetricDS's data source named slf4j's
   * {@code MDC.get(key) throws IllegalArgumentException} as the call that loses its connection.
   * {@code NumberFormatException}, which bad input raises, still opens a path.
   */
  @Test
  void aCallersMistakeInAThrowsClauseOpensNoPath() {
    CompilationTestHelper.newInstance(JdbcResourceLeak.class, getClass())
        .addSourceLines(
            "Logged.java",
            """
            import java.sql.Connection;
            import java.sql.SQLException;
            import javax.sql.DataSource;

            class Logged {
              Connection tagged(DataSource ds) throws SQLException {
                Connection conn = ds.getConnection();
                String engine = Mdc.get("engineName");
                Mdc.check(engine != null);
                return conn;
              }

              Sized sized(DataSource ds, String size) throws SQLException {
                // BUG: Diagnostic contains: Connection `conn` acquired at line 15 is not closed when `Integer.parseInt(...)` at line 16 throws
                Connection conn = ds.getConnection();
                int timeout = Integer.parseInt(size);
                return new Sized(conn, timeout);
              }

              static final class Sized {
                final Connection connection;
                final int timeout;

                Sized(Connection connection, int timeout) {
                  this.connection = connection;
                  this.timeout = timeout;
                }
              }

              static final class Mdc {
                static native String get(String key) throws IllegalArgumentException;

                static native void check(boolean state)
                    throws IllegalStateException, NullPointerException, UnsupportedOperationException;
              }
            }
            """)
        .doTest();
  }

  @Test
  void aValueOtherThanTrueOrFalseIsAnErrorWithNoPosition() {
    assertEquals(
        ImmutableList.of(
            "-:-1: [JdbcResourceLeak] -XepOpt:JdbcResourceLeak:UncheckedExceptionPaths: bad value"
                + " 'yes': expected true or false (see docs/bugpatterns/JdbcResourceLeak.md)"),
        FlagErrors.of(
            JdbcResourceLeak.class, "-XepOpt:JdbcResourceLeak:UncheckedExceptionPaths=yes"));
  }

  /**
   * A prepared statement's typed setter keeps its value until the statement runs: it fails only on
   * a closed statement or an index with no {@code ?}, so it opens no path (Velocity's and
   * SymmetricDS's {@code setString(1, name)} right after the prepare). {@code setObject}, whose
   * conversion can fail on the value, still does.
   */
  @Test
  void aTypedSetterOpensNoPath() {
    CompilationTestHelper.newInstance(JdbcResourceLeak.class, getClass())
        .addSourceLines(
            "Lookup.java",
            """
            import java.sql.Connection;
            import java.sql.PreparedStatement;
            import java.sql.ResultSet;
            import java.sql.SQLException;

            class Lookup {
              boolean exists(Connection conn, String name) throws SQLException {
                PreparedStatement ps = conn.prepareStatement("select 1 from t where name = ?");
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                  return rs.next();
                } finally {
                  ps.close();
                }
              }

              boolean existsAny(Connection conn, Object key) throws SQLException {
                // BUG: Diagnostic contains: PreparedStatement `ps` acquired at line 19 is not closed when `ps.setObject(...)` at line 20 throws
                PreparedStatement ps = conn.prepareStatement("select 1 from t where k = ?");
                ps.setObject(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                  return rs.next();
                } finally {
                  ps.close();
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * What a connection's metadata says of the driver itself (its name and version, the JDBC version
   * it implements) comes from the driver's own code, and the URL from what the connection keeps:
   * each fails only on a closed connection (UCanAccess's {@code
   * conn.getMetaData().getDriverVersion()}, the Vert.x JDBC client's {@code getURL()}); what it
   * says of the database (its product version) some drivers ask the server.
   */
  @Test
  void theDriversIdentityOpensNoPath() {
    CompilationTestHelper.newInstance(JdbcResourceLeak.class, getClass())
        .addSourceLines(
            "Versions.java",
            """
            import java.sql.Connection;
            import java.sql.DriverManager;
            import java.sql.SQLException;

            class Versions {
              String driver(String url) throws SQLException {
                Connection conn = DriverManager.getConnection(url);
                String version = conn.getMetaData().getDriverVersion();
                int major = conn.getMetaData().getJDBCMajorVersion();
                conn.close();
                return version + major;
              }

              String address(String url) throws SQLException {
                Connection conn = DriverManager.getConnection(url);
                String opened = conn.getMetaData().getURL();
                conn.close();
                return opened;
              }

              String database(String url) throws SQLException {
                // BUG: Diagnostic contains: not closed when `getDatabaseProductVersion()` at line 24 throws
                Connection conn = DriverManager.getConnection(url);
                String version = conn.getMetaData().getDatabaseProductVersion();
                conn.close();
                return version;
              }
            }
            """)
        .doTest();
  }

  /**
   * The warnings a connection, statement or result set has received are kept on the client: asked
   * for in a {@code finally} before the close (SQLLine's {@code
   * showWarnings(stmnt.getWarnings())}), they fail only on a closed object. A call that runs
   * something on the server there still opens a path.
   */
  @Test
  void theWarningsReceivedOpenNoPath() {
    CompilationTestHelper.newInstance(JdbcResourceLeak.class, getClass())
        .addSourceLines(
            "Shell.java",
            """
            import java.sql.Connection;
            import java.sql.SQLException;
            import java.sql.SQLWarning;
            import java.sql.Statement;

            class Shell {
              void run(Connection conn, String sql) throws SQLException {
                Statement stmnt = conn.createStatement();
                try {
                  stmnt.execute(sql);
                } finally {
                  show(stmnt.getWarnings());
                  stmnt.close();
                }
              }

              void runAndCount(Connection conn, String sql) throws SQLException {
                // BUG: Diagnostic contains: not closed when `stmnt.getUpdateCount()` at line 23 throws
                Statement stmnt = conn.createStatement();
                try {
                  stmnt.execute(sql);
                } finally {
                  show(stmnt.getUpdateCount());
                  stmnt.close();
                }
              }

              void show(SQLWarning warning) {}

              void show(int count) {}
            }
            """)
        .doTest();
  }

  /**
   * A statement's options, set on a statement just made before it is handed out (SqlToy's guarded
   * fetch size, ActiveMQ's configured query timeout), fail only on a broken connection or on a
   * value or an option the driver rejects for every statement alike: no path of a program in use. A
   * cursor name, which the database may reject, still opens one.
   */
  @Test
  void aStatementsOptionsOpenNoPath() {
    CompilationTestHelper.newInstance(JdbcResourceLeak.class, getClass())
        .addSourceLines(
            "Options.java",
            """
            import java.sql.Connection;
            import java.sql.PreparedStatement;
            import java.sql.SQLException;
            import java.sql.Statement;

            class Options {
              int fetchSize;
              int timeout;
              int maxRows;

              PreparedStatement prepare(Connection conn, String sql) throws SQLException {
                PreparedStatement ps = conn.prepareStatement(sql);
                if (fetchSize > 0) {
                  ps.setFetchSize(fetchSize);
                }
                ps.setQueryTimeout(timeout);
                ps.setMaxRows(maxRows);
                ps.setFetchDirection(java.sql.ResultSet.FETCH_FORWARD);
                return ps;
              }

              Statement named(Connection conn, String cursor) throws SQLException {
                // BUG: Diagnostic contains: not closed when `st.setCursorName(...)` at line 26 throws
                Statement st = conn.createStatement();
                st.setQueryTimeout(timeout);
                st.setCursorName(cursor);
                return st;
              }
            }
            """)
        .doTest();
  }

  /**
   * A helper of the class that sets a statement's options and does nothing else that can fail
   * (Vert.x JDBC's {@code applyStatementOptions(ps)}) fails only as those options do, when the
   * statement is closed or its connection broken: no path either. A helper that binds the values
   * its caller gives ({@code fillParams(ps, args)}) fails on a value the driver cannot bind,
   * ordinary input, and still opens one; so does a helper that may be overridden to do more (a
   * protected one).
   */
  @Test
  void aHelperThatOnlySetsAStatementsOptionsOpensNoPath() {
    CompilationTestHelper.newInstance(JdbcResourceLeak.class, getClass())
        .addSourceLines(
            "Actions.java",
            """
            import java.sql.Connection;
            import java.sql.PreparedStatement;
            import java.sql.SQLException;

            class Actions {
              int fetchSize;
              int timeout;

              PreparedStatement prepare(Connection conn, String sql) throws SQLException {
                PreparedStatement ps = conn.prepareStatement(sql);
                applyOptions(ps);
                return ps;
              }

              PreparedStatement bind(Connection conn, String sql, Object[] args) throws SQLException {
                // BUG: Diagnostic contains: not closed when `fillParams(...)` at line 18 throws
                PreparedStatement ps = conn.prepareStatement(sql);
                fillParams(ps, args);
                return ps;
              }

              PreparedStatement tune(Connection conn, String sql) throws SQLException {
                // BUG: Diagnostic contains: not closed when `tuneHook(...)` at line 25 throws
                PreparedStatement ps = conn.prepareStatement(sql);
                tuneHook(ps);
                return ps;
              }

              private void applyOptions(PreparedStatement ps) throws SQLException {
                if (fetchSize > 0) {
                  ps.setFetchSize(fetchSize);
                }
                ps.setQueryTimeout(timeout);
              }

              private void fillParams(PreparedStatement ps, Object[] args) throws SQLException {
                for (int i = 0; i < args.length; i++) {
                  ps.setObject(i + 1, args[i]);
                }
              }

              protected void tuneHook(PreparedStatement ps) throws SQLException {
                ps.setQueryTimeout(timeout);
              }
            }
            """)
        .doTest();
  }

  /**
   * The rows of a catalogue query ({@code DatabaseMetaData.getTables}) are the driver's own, of
   * fixed types: reading them fails only with the connection, and the cursor goes with it
   * (BeetlSQL's metadata loader, HyperSQL's Transfer tool). A query's rows, whose values a getter
   * converts, still open a path. Another call in the loop that throws is a failure that leaves the
   * cursor to its connection ({@link #aCatalogueCursorLostOnAFailureIsLeftToItsConnection}).
   */
  @Test
  void aCatalogueQuerysReadsFailOnlyWithItsConnection() {
    CompilationTestHelper.newInstance(JdbcResourceLeak.class, getClass())
        .addSourceLines(
            "Catalogue.java",
            """
            import java.sql.Connection;
            import java.sql.DatabaseMetaData;
            import java.sql.ResultSet;
            import java.sql.SQLException;
            import java.sql.Statement;
            import java.util.List;

            class Catalogue {
              void tables(DatabaseMetaData md, List<String> names) throws SQLException {
                ResultSet rs = md.getTables(null, null, "%", null);
                while (rs.next()) {
                  names.add(rs.getString("TABLE_NAME"));
                }
                rs.close();
              }

              void rows(Connection connection, List<Integer> ids) throws SQLException {
                // BUG: Diagnostic contains: ResultSet `rs` acquired at line 19 is not closed when `rs.next()` at line 20 throws
                ResultSet rs = query(connection, "select id from t");
                while (rs.next()) {
                  ids.add(rs.getInt(1));
                }
                rs.close();
              }

              private static ResultSet query(Connection connection, String sql) throws SQLException {
                Statement statement = connection.createStatement();
                statement.closeOnCompletion();
                return statement.executeQuery(sql);
              }
            }
            """)
        .doTest();
  }

  /**
   * A catalogue query's cursor lost only where a failure leaves the method (another call throws, or
   * a {@code throw}) is left to the connection it lives on: the driver keeps it there, not in a
   * statement of the program's, and whoever holds the connection gets the failure and closes it.
   * Avatica's metadata calls, sqldump's schema grabber and HyperSQL's Transfer tool lose such
   * cursors only when the schema read fails; none of the 32 such findings of the evaluation was
   * judged worth fixing. A cursor lost on a path that does not fail (a {@code return} from the
   * loop) or closed on no path is still reported.
   */
  @Test
  void aCatalogueCursorLostOnAFailureIsLeftToItsConnection() {
    CompilationTestHelper.newInstance(JdbcResourceLeak.class, getClass())
        .addSourceLines(
            "Schema.java",
            """
            import java.sql.DatabaseMetaData;
            import java.sql.ResultSet;
            import java.sql.SQLException;
            import java.util.List;

            class Schema {
              void checked(DatabaseMetaData md, List<String> names) throws SQLException {
                ResultSet rs = md.getTables(null, null, "%", null);
                while (rs.next()) {
                  names.add(check(rs.getString("TABLE_NAME")));
                }
                rs.close();
              }

              void thrown(DatabaseMetaData md, String table) throws SQLException {
                ResultSet rs = md.getColumns(null, null, table, null);
                if (!rs.next()) {
                  throw new SQLException("no table " + table);
                }
                rs.close();
              }

              boolean returned(DatabaseMetaData md, String table) throws SQLException {
                // BUG: Diagnostic contains: ResultSet `rs` acquired at line 25 is not closed when the `return` at line 28 is taken
                ResultSet rs = md.getIndexInfo(null, null, table, false, false);
                while (rs.next()) {
                  if (check(rs.getString("INDEX_NAME")).isEmpty()) {
                    return true;
                  }
                }
                rs.close();
                return false;
              }

              void neverClosed(DatabaseMetaData md, List<String> names) throws SQLException {
                // BUG: Diagnostic contains: ResultSet `rs` acquired at line 37 is never closed
                ResultSet rs = md.getSchemas();
                while (rs.next()) {
                  names.add(check(rs.getString(1)));
                }
              }

              private static String check(String name) throws SQLException {
                if (name.isEmpty()) {
                  throw new SQLException("a table without a name");
                }
                return name;
              }
            }
            """)
        .doTest();
  }

  /**
   * A reset of what the driver keeps for a session ({@code setAutoCommit} restored in a finally,
   * {@code clearParameters}) fails only on a broken connection, and a broken connection's
   * statements and results go with it (dbunit, OpenJPA, SymmetricDS). The connection itself is
   * still lost there, and a call that fails on what it is given ({@code setCatalog}) still loses
   * the statement.
   */
  @Test
  void aSessionResetLosesOnlyTheConnection() {
    CompilationTestHelper.newInstance(JdbcResourceLeak.class, getClass())
        .addSourceLines(
            "Batch.java",
            """
            import java.sql.Connection;
            import java.sql.PreparedStatement;
            import java.sql.SQLException;
            import javax.sql.DataSource;

            class Batch {
              void insert(Connection conn, String sql) throws SQLException {
                PreparedStatement ps = conn.prepareStatement(sql);
                try {
                  conn.setAutoCommit(false);
                  ps.executeUpdate();
                  conn.commit();
                } finally {
                  conn.setAutoCommit(true);
                  ps.clearParameters();
                  ps.close();
                }
              }

              void owned(DataSource ds, String sql) throws SQLException {
                // BUG: Diagnostic contains: Connection `conn` acquired at line 22 is not closed when `conn.setAutoCommit(...)` at line 27 throws
                Connection conn = ds.getConnection();
                try {
                  conn.setAutoCommit(false);
                  insert(conn, sql);
                } finally {
                  conn.setAutoCommit(true);
                  conn.close();
                }
              }

              void catalogue(Connection conn, String catalog, String sql) throws SQLException {
                // BUG: Diagnostic contains: PreparedStatement `ps` acquired at line 34 is not closed when `conn.setCatalog(...)` at line 38 throws
                PreparedStatement ps = conn.prepareStatement(sql);
                try {
                  ps.executeUpdate();
                } finally {
                  conn.setCatalog(catalog);
                  ps.close();
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * Making a statement fails only on a broken connection, or on text the database rejects at the
   * first run: copper's batch commands prepare four statements of fixed SQL in a row before the
   * {@code try} that closes them all, and pdb's engines two or three of SQL built from an entity's
   * columns; an earlier one is lost only with its broken session. The connection itself is still
   * lost when the session breaks.
   */
  @Test
  void makingAStatementFailsOnlyWithItsSession() {
    CompilationTestHelper.newInstance(JdbcResourceLeak.class, getClass())
        .addSourceLines(
            "Queue.java",
            """
            import java.sql.Connection;
            import java.sql.PreparedStatement;
            import java.sql.SQLException;
            import java.sql.Statement;
            import javax.sql.DataSource;

            class Queue {
              private static final String DELETE_WAIT = "DELETE FROM wait WHERE id = ?";
              private DataSource ds;

              void remove(Connection con, String id) throws SQLException {
                PreparedStatement deleteQueue = con.prepareStatement("DELETE FROM queue WHERE id = ?");
                PreparedStatement deleteWait = con.prepareStatement(DELETE_WAIT);
                Statement audit = con.createStatement();
                try {
                  deleteQueue.setString(1, id);
                  deleteQueue.execute();
                } finally {
                  deleteQueue.close();
                  deleteWait.close();
                  audit.close();
                }
              }

              void purge(Connection con, String table) throws SQLException {
                PreparedStatement deleteQueue = con.prepareStatement("DELETE FROM queue");
                PreparedStatement deleteOther = con.prepareStatement("DELETE FROM " + table);
                try {
                  deleteQueue.execute();
                  deleteOther.execute();
                } finally {
                  deleteQueue.close();
                  deleteOther.close();
                }
              }

              void count() throws SQLException {
                // BUG: Diagnostic contains: Connection `c` acquired at line 39 is not closed when `c.createStatement()` at line 40 throws
                Connection c = ds.getConnection();
                Statement s = c.createStatement();
                try {
                  s.execute("SELECT COUNT(*) FROM queue");
                } finally {
                  s.close();
                  c.close();
                }
              }
            }
            """)
        .doTest();
  }
}
