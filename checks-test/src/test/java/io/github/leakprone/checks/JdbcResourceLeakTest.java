package io.github.leakprone.checks;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * The shapes JdbcResourceLeak must flag and must not flag. Each negative sits beside the positive
 * it differs from by the one thing that makes it safe.
 */
final class JdbcResourceLeakTest {

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(JdbcResourceLeak.class, getClass());

  @Test
  void closedOnEveryPath() {
    helper
        .addSourceLines(
            "Dao.java",
            """
            import java.sql.Connection;
            import java.sql.PreparedStatement;
            import java.sql.ResultSet;
            import java.sql.SQLException;
            import java.sql.Statement;
            import javax.sql.DataSource;

            class Dao {
              int tryWithResources(DataSource ds) throws SQLException {
                try (Connection conn = ds.getConnection();
                    PreparedStatement ps = conn.prepareStatement("select 1");
                    ResultSet rs = ps.executeQuery()) {
                  return rs.next() ? rs.getInt(1) : 0;
                }
              }

              void javaSixStyle(DataSource ds) {
                Connection conn = null;
                PreparedStatement ps = null;
                ResultSet rs = null;
                try {
                  conn = ds.getConnection();
                  ps = conn.prepareStatement("select 1");
                  rs = ps.executeQuery();
                  while (rs.next()) {
                    System.out.println(rs.getString(1));
                  }
                } catch (SQLException e) {
                  e.printStackTrace();
                } finally {
                  try {
                    if (rs != null) {
                      rs.close();
                    }
                  } catch (SQLException e) {
                    e.printStackTrace();
                  }
                  try {
                    if (ps != null) {
                      ps.close();
                    }
                  } catch (SQLException e) {
                    e.printStackTrace();
                  }
                  if (conn != null) {
                    try {
                      conn.close();
                    } catch (SQLException e) {
                      e.printStackTrace();
                    }
                  }
                }
              }

              void finallyAfterAcquisition(Connection conn, String sql) throws SQLException {
                Statement st = conn.createStatement();
                try {
                  st.execute(sql);
                } finally {
                  st.close();
                }
              }

              void loopWithFinally(Connection conn, String[] sqls) throws SQLException {
                for (String sql : sqls) {
                  if (sql.isEmpty()) {
                    continue;
                  }
                  try (PreparedStatement ps = conn.prepareStatement(sql)) {
                    if (sql.startsWith("--")) {
                      continue;
                    }
                    ps.execute();
                  }
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void jumpOverTheClose() {
    helper
        .addSourceLines(
            "Dao.java",
            """
            import java.sql.Connection;
            import java.sql.PreparedStatement;
            import java.sql.SQLException;

            class Dao {
              void continueSkipsClose(Connection conn, String[] sqls) throws SQLException {
                try {
                  for (String sql : sqls) {
                    // BUG: Diagnostic contains: PreparedStatement `ps` acquired at line 10 is not closed when the `continue` at line 12 is taken
                    PreparedStatement ps = conn.prepareStatement(sql);
                    if (sql.startsWith("--")) {
                      continue;
                    }
                    ps.execute();
                    ps.close();
                  }
                } catch (SQLException e) {
                  throw e;
                }
              }

              void breakSkipsClose(Connection conn, String[] sqls) throws SQLException {
                outer:
                for (String sql : sqls) {
                  for (int i = 0; i < 3; i++) {
                    // BUG: Diagnostic contains: is not closed when the `break` at line 30 is taken
                    PreparedStatement ps = conn.prepareStatement(sql);
                    try {
                      if (i == 2) {
                        break outer;
                      }
                    } catch (RuntimeException e) {
                      ps.close();
                      throw e;
                    }
                    ps.close();
                  }
                }
              }

              boolean returnSkipsClose(Connection conn, String sql) throws SQLException {
                // BUG: Diagnostic contains: is not closed when the `return` at line 46 is taken
                PreparedStatement ps = conn.prepareStatement(sql);
                try {
                  if (sql.isEmpty()) {
                    return false;
                  }
                  ps.execute();
                } catch (SQLException e) {
                  ps.close();
                  throw e;
                }
                ps.close();
                return true;
              }
            }
            """)
        .doTest();
  }

  @Test
  void exceptionSkipsClose() {
    helper
        .addSourceLines(
            "Dao.java",
            """
            import java.sql.Connection;
            import java.sql.SQLException;
            import java.sql.Statement;
            import javax.sql.DataSource;

            class Dao {
              void noFinally(Connection conn, String sql) throws SQLException {
                // BUG: Diagnostic contains: Statement `st` acquired at line 9 is not closed when `st.execute(...)` at line 10 throws
                Statement st = conn.createStatement();
                st.execute(sql);
                st.close();
              }

              void catchDoesNotClose(DataSource ds, String sql) {
                try {
                  // BUG: Diagnostic contains: Connection `conn` acquired at line 17 is not closed when `conn.createStatement()` at line 18 throws
                  java.sql.Connection conn = ds.getConnection();
                  try (Statement st = conn.createStatement()) {
                    st.execute(sql);
                  }
                  conn.close();
                } catch (SQLException e) {
                  System.err.println(e);
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * The {@code break} that ends a case is the case's ordinary way out: a statement made in the case
   * and lost by a call after the switch is lost there, and the message names that call
   * (uroborosql's statement events, whose message named the break). A {@code break} that skips the
   * case's close is the path itself.
   */
  @Test
  void aBreakThatEndsItsCaseIsNotThePathThatLosesTheResource() {
    helper
        .addSourceLines(
            "Dao.java",
            """
            import java.sql.Connection;
            import java.sql.PreparedStatement;
            import java.sql.SQLException;

            class Dao {
              PreparedStatement prepare(Connection conn, String sql, int kind) throws SQLException {
                PreparedStatement stmt;
                switch (kind) {
                  case 1:
                    // BUG: Diagnostic contains: PreparedStatement `stmt` acquired at line 11 is not closed when `check(...)` at line 17 throws
                    stmt = conn.prepareStatement(sql);
                    break;
                  default:
                    stmt = conn.prepareStatement(sql, 1);
                    break;
                }
                check(stmt);
                return stmt;
              }

              void run(Connection conn, String sql, int kind) throws SQLException {
                switch (kind) {
                  case 1:
                    // BUG: Diagnostic contains: PreparedStatement `ps` acquired at line 25 is not closed when the `break` at line 27 is taken
                    PreparedStatement ps = conn.prepareStatement(sql);
                    if (sql.isEmpty()) {
                      break;
                    }
                    ps.close();
                    break;
                  default:
                    break;
                }
              }

              void check(PreparedStatement stmt) throws SQLException {}
            }
            """)
        .doTest();
  }

  /**
   * A {@code continue} taken because a flag was set ({@code if (ignore) continue;}) skips nothing
   * that closes a statement opened before the loop: a later failure in the next pass loses it, and
   * the message names that failure (sqldump's schema grabber, whose message named the {@code
   * continue}). A {@code continue} that skips the close is the path itself.
   */
  @Test
  void aContinueAfterAFlagIsNotThePathThatLosesTheResource() {
    helper
        .addSourceLines(
            "Tables.java",
            """
            import java.sql.Connection;
            import java.sql.PreparedStatement;
            import java.sql.SQLException;
            import java.util.List;
            import java.util.regex.Pattern;

            class Tables {
              interface Sink {
                void add(String name) throws SQLException;
              }

              void grab(Connection conn, Sink sink, List<String> names, List<Pattern> excluded)
                  throws SQLException {
                // BUG: Diagnostic contains: `ps` acquired at line 15 is not closed when `sink.add(...)` at line 31 throws
                PreparedStatement ps = conn.prepareStatement("insert into t values (?)");
                for (String name : names) {
                  if (name == null) {
                    continue;
                  }
                  boolean ignore = false;
                  for (Pattern p : excluded) {
                    if (p.matcher(name).matches()) {
                      ignore = true;
                      break;
                    }
                  }
                  if (ignore) {
                    continue;
                  }
                  ps.setString(1, name);
                  sink.add(name);
                }
                ps.close();
              }

              void each(Connection conn, List<String> sqls) throws SQLException {
                for (String sql : sqls) {
                  // BUG: Diagnostic contains: `ps` acquired at line 39 is not closed when the `continue` at line 42 is taken
                  PreparedStatement ps = conn.prepareStatement(sql);
                  boolean skip = sql.isEmpty();
                  if (skip) {
                    continue;
                  }
                  ps.close();
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void closingTheConnectionDoesNotCloseItsStatements() {
    helper
        .addSourceLines(
            "Dao.java",
            """
            import java.sql.Connection;
            import java.sql.SQLException;
            import java.sql.Statement;
            import javax.sql.DataSource;

            class Dao {
              void pooled(DataSource ds, String sql) throws SQLException {
                Connection conn = ds.getConnection();
                try {
                  // BUG: Diagnostic contains: Statement `st` acquired at line 11 is never closed
                  Statement st = conn.createStatement();
                  st.execute(sql);
                } finally {
                  conn.close();
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * A physical connection, made by {@code DriverManager} or a {@code Driver}, closes its statements
   * when it closes (the JDBC specification): a statement on one that the method closes on every
   * path is not lost (UCanAccess's key lookup on a private in-memory database). One from a {@code
   * DataSource} may be a pool's, which takes its statements back with it (above), and a physical
   * connection the method does not close leaves its statement open.
   */
  @Test
  void closingAPhysicalConnectionClosesItsStatements() {
    helper
        .addSourceLines(
            "Tool.java",
            """
            import java.sql.Connection;
            import java.sql.DriverManager;
            import java.sql.ResultSet;
            import java.sql.SQLException;
            import java.sql.Statement;
            import java.util.List;

            class Tool {
              String key(String url) throws SQLException {
                Connection conn = DriverManager.getConnection(url);
                try {
                  Statement stmt = conn.createStatement();
                  ResultSet rs = stmt.executeQuery("CALL CRYPT_KEY('AES', null)");
                  rs.next();
                  return rs.getString(1);
                } finally {
                  conn.close();
                }
              }

              void kept(String url, List<Connection> open) throws SQLException {
                Connection conn = DriverManager.getConnection(url);
                open.add(conn);
                // BUG: Diagnostic contains: Statement `stmt` acquired at line 25 is never closed
                Statement stmt = conn.createStatement();
                stmt.execute("SET x = 1");
              }
            }
            """)
        .doTest();
  }

  @Test
  void overwrittenWhileOpen() {
    helper
        .addSourceLines(
            "Dao.java",
            """
            import java.sql.Connection;
            import java.sql.PreparedStatement;
            import java.sql.SQLException;

            class Dao {
              private PreparedStatement ps;

              void reassigned(Connection conn) throws SQLException {
                // BUG: Diagnostic contains: PreparedStatement `first` acquired at line 10 is not closed before `first` is overwritten at line 11
                PreparedStatement first = conn.prepareStatement("a");
                first = conn.prepareStatement("b");
                try {
                  first.execute();
                } finally {
                  first.close();
                }
              }

              void fieldOverwrittenByCall(Connection conn) throws SQLException {
                try {
                  // BUG: Diagnostic contains: is not closed before the call to refill() at line 23 overwrites field `ps`
                  ps = conn.prepareStatement("a");
                  refill(conn);
                  ps.execute();
                } finally {
                  ps.close();
                }
              }

              private void refill(Connection conn) throws SQLException {
                ps = conn.prepareStatement("b");
              }
            }
            """)
        .doTest();
  }

  @Test
  void neverStored() {
    helper
        .addSourceLines(
            "Dao.java",
            """
            import java.sql.Connection;
            import java.sql.ResultSet;
            import java.sql.SQLException;

            class Dao {
              void update(Connection conn, String sql) throws SQLException {
                // BUG: Diagnostic contains: Statement returned by createStatement() at line 8 is never stored, so nothing closes it
                conn.createStatement().executeUpdate(sql);
              }

              boolean exists(Connection conn, String sql) throws SQLException {
                // BUG: Diagnostic contains: PreparedStatement returned by prepareStatement() at line 13 is never stored
                try (ResultSet rs = conn.prepareStatement(sql).executeQuery()) {
                  return rs.next();
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void ownershipMoved() {
    helper
        .addSourceLines(
            "Dao.java",
            """
            import java.sql.Connection;
            import java.sql.PreparedStatement;
            import java.sql.SQLException;
            import java.sql.Statement;
            import java.util.ArrayList;
            import java.util.List;
            import javax.sql.DataSource;

            class Dao implements AutoCloseable {
              private final List<Statement> open = new ArrayList<>();
              private Connection shared;

              PreparedStatement returned(Connection conn, String sql) throws SQLException {
                PreparedStatement ps = conn.prepareStatement(sql);
                return ps;
              }

              void storedInFieldTheClassCloses(DataSource ds) throws SQLException {
                shared = ds.getConnection();
              }

              void addedToCollection(Connection conn) throws SQLException {
                open.add(conn.createStatement());
              }

              Wrapper wrapped(Connection conn, String sql) throws SQLException {
                return new Wrapper(conn.prepareStatement(sql));
              }

              @Override
              public void close() throws SQLException {
                shared.close();
              }

              static final class Wrapper {
                final PreparedStatement statement;

                Wrapper(PreparedStatement statement) {
                  this.statement = statement;
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void configuredThenReturnedLeaksWhenConfigurationThrows() {
    helper
        .addSourceLines(
            "Dao.java",
            """
            import java.sql.Connection;
            import java.sql.PreparedStatement;
            import java.sql.SQLException;

            class Dao {
              PreparedStatement prepare(Connection conn, String sql, Object key) throws SQLException {
                // BUG: Diagnostic contains: when `ps.setObject(...)` at line 9 throws
                PreparedStatement ps = conn.prepareStatement(sql);
                ps.setObject(1, key);
                return ps;
              }

              PreparedStatement prepareSafely(Connection conn, String sql, Object key)
                  throws SQLException {
                PreparedStatement ps = conn.prepareStatement(sql);
                try {
                  ps.setObject(1, key);
                  return ps;
                } catch (SQLException | RuntimeException e) {
                  ps.close();
                  throw e;
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * A resource left in a field of the object belongs to the object: where the class closes it (in a
   * close() method, a lifecycle callback, a proxy handler) is beyond one method's analysis. (A
   * private field that nothing in its class closes is another story:
   * JdbcResourceLeakHeldBeyondTheMethodTest.)
   */
  @Test
  void storedInFieldBelongsToTheObject() {
    helper
        .addSourceLines(
            "Dao.java",
            """
            import java.sql.Connection;
            import java.sql.SQLException;
            import javax.sql.DataSource;

            class Dao {
              private Connection shared;

              void open(DataSource ds) throws SQLException {
                shared = ds.getConnection();
              }

              void destroy() throws SQLException {
                shared.close();
              }
            }
            """)
        .doTest();
  }

  @Test
  void closedByHelpers() {
    helper
        .addSourceLines(
            "org/apache/commons/dbutils/DbUtils.java",
            """
            package org.apache.commons.dbutils;

            public final class DbUtils {
              public static void closeQuietly(java.sql.Connection conn) {}

              public static void closeQuietly(java.sql.Connection c, java.sql.Statement s, java.sql.ResultSet r) {}
            }
            """)
        .addSourceLines(
            "org/springframework/jdbc/support/JdbcUtils.java",
            """
            package org.springframework.jdbc.support;

            public abstract class JdbcUtils {
              public static void closeStatement(java.sql.Statement s) {}
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
            import javax.sql.DataSource;
            import org.apache.commons.dbutils.DbUtils;
            import org.springframework.jdbc.support.JdbcUtils;

            class Dao {
              void dbUtils(DataSource ds, String sql) throws SQLException {
                Connection conn = null;
                PreparedStatement ps = null;
                ResultSet rs = null;
                try {
                  conn = ds.getConnection();
                  ps = conn.prepareStatement(sql);
                  rs = ps.executeQuery();
                } finally {
                  DbUtils.closeQuietly(conn, ps, rs);
                }
              }

              void spring(Connection conn, String sql) throws SQLException {
                Statement st = conn.createStatement();
                try {
                  st.execute(sql);
                } finally {
                  JdbcUtils.closeStatement(st);
                }
              }

              void ownHelper(Connection conn, String sql) throws SQLException {
                Statement st = null;
                try {
                  st = conn.createStatement();
                  st.execute(sql);
                } finally {
                  closeQuietly(st);
                }
              }

              void ownHelperOnlyOnNormalPath(Connection conn, String sql) throws SQLException {
                // BUG: Diagnostic contains: when `st.execute(...)` at line 46 throws
                Statement st = conn.createStatement();
                st.execute(sql);
                closeQuietly(st);
              }

              private static void closeQuietly(AutoCloseable resource) {
                if (resource != null) {
                  try {
                    resource.close();
                  } catch (Exception ignored) {
                    // nothing to do
                  }
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void resultSetDiesWithItsStatement() {
    helper
        .addSourceLines(
            "Dao.java",
            """
            import java.sql.Connection;
            import java.sql.PreparedStatement;
            import java.sql.ResultSet;
            import java.sql.SQLException;

            class Dao {
              int statementClosedInFinally(Connection conn) throws SQLException {
                PreparedStatement ps = conn.prepareStatement("select 1");
                try {
                  ResultSet rs = ps.executeQuery();
                  rs.next();
                  rs = ps.executeQuery();
                  return rs.getInt(1);
                } finally {
                  ps.close();
                }
              }

              int statementLeaks(Connection conn) throws SQLException {
                // BUG: Diagnostic contains: PreparedStatement `ps` acquired at line 21 is never closed
                PreparedStatement ps = conn.prepareStatement("select 1");
                // Reported with its statement, whose close would close it: no second finding.
                ResultSet rs = ps.executeQuery();
                return rs.next() ? 1 : 0;
              }

              boolean statementFromParameter(PreparedStatement ps) throws SQLException {
                ResultSet rs = ps.executeQuery();
                return rs.next();
              }
            }
            """)
        .doTest();
  }

  @Test
  void capturedByLambdaIsNotOurs() {
    helper
        .addSourceLines(
            "Dao.java",
            """
            import java.sql.Connection;
            import java.sql.SQLException;
            import java.sql.Statement;
            import java.util.concurrent.Executor;

            class Dao {
              void later(Connection conn, Executor executor, String sql) throws SQLException {
                Statement st = conn.createStatement();
                executor.execute(
                    () -> {
                      try (st) {
                        st.execute(sql);
                      } catch (SQLException e) {
                        throw new IllegalStateException(e);
                      }
                    });
              }

              Runnable inLambda(Connection conn, String sql) {
                return () -> {
                  try {
                    // BUG: Diagnostic contains: Statement `st` acquired at line 23 is not closed when `st.execute(...)` at line 24 throws
                    Statement st = conn.createStatement();
                    st.execute(sql);
                    st.close();
                  } catch (SQLException e) {
                    throw new IllegalStateException(e);
                  }
                };
              }
            }
            """)
        .doTest();
  }

  /**
   * One variable that one event loses is one finding, at its first acquisition: the two branches of
   * a ternary written over two lines, and what either branch of a loop's body stores in the
   * variable that the next pass overwrites (HyperSQL's TransferDb, three findings for one
   * overwrite). Two variables lost by one event are two.
   */
  @Test
  void oneVariableThatOneEventLosesIsOneFinding() {
    helper
        .addSourceLines(
            "Listing.java",
            """
            import java.sql.Connection;
            import java.sql.DatabaseMetaData;
            import java.sql.DriverManager;
            import java.sql.ResultSet;
            import java.sql.SQLException;

            class Listing {
              Connection open(String url, String user, String password) throws SQLException {
                Connection c;
                if (user == null) {
                  // BUG: Diagnostic contains: Connection `c` acquired at line 12 is not closed when
                  c = DriverManager.getConnection(url);
                } else {
                  c = DriverManager.getConnection(url, user, password);
                }
                c.setAutoCommit(false);
                return c;
              }

              void two(DatabaseMetaData md) throws SQLException {
                // BUG: Diagnostic contains: ResultSet `tables` acquired at line 22 is never closed
                ResultSet tables = md.getTables(null, null, null, null);
                // BUG: Diagnostic contains: ResultSet `columns` acquired at line 24 is never closed
                ResultSet columns = md.getColumns(null, null, null, null);
              }
            }
            """)
        .doTest();
  }
}
