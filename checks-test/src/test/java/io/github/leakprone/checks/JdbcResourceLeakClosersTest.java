package io.github.leakprone.checks;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * A helper whose body the compilation unit holds is judged by that body; only a helper out of sight
 * is trusted by its name ({@code close*}, {@code release*}).
 */
final class JdbcResourceLeakClosersTest {

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(JdbcResourceLeak.class, getClass());

  @Test
  void aVisibleHelperClosesWhatItsBodyCloses() {
    helper
        .addSourceLines(
            "Dao.java",
            """
            import java.sql.Connection;
            import java.sql.PreparedStatement;
            import java.sql.ResultSet;
            import java.sql.SQLException;

            class Dao {
              int closesBoth(Connection conn, String sql) throws SQLException {
                PreparedStatement ps = conn.prepareStatement(sql);
                ResultSet rs = null;
                try {
                  rs = ps.executeQuery();
                  return rs.next() ? 1 : 0;
                } finally {
                  closeAll(rs, ps);
                }
              }

              int closesOnlyTheResultSet(Connection conn, String sql) throws SQLException {
                // BUG: Diagnostic contains: PreparedStatement `ps` acquired at line 20 is never closed
                PreparedStatement ps = conn.prepareStatement(sql);
                ResultSet rs = ps.executeQuery();
                int n = rs.next() ? 1 : 0;
                closeQuietly(rs, ps);
                return n;
              }

              void closesNothing(Connection conn, String sql) throws SQLException {
                // BUG: Diagnostic contains: PreparedStatement `ps` acquired at line 29 is never closed
                PreparedStatement ps = conn.prepareStatement(sql);
                ps.execute();
                closeStatement(ps);
              }

              private static void closeAll(AutoCloseable... resources) {
                for (AutoCloseable resource : resources) {
                  closeOne(resource);
                }
              }

              private static void closeOne(AutoCloseable resource) {
                try {
                  resource.close();
                } catch (Exception ignored) {
                  // best effort
                }
              }

              // Named like a closer, but closes only its first argument.
              private static void closeQuietly(ResultSet rs, PreparedStatement ps) {
                try {
                  rs.close();
                } catch (SQLException ignored) {
                  // best effort
                }
              }

              // A stub left behind: closes nothing.
              private static void closeStatement(PreparedStatement ps) {}
            }
            """)
        .doTest();
  }

  @Test
  void aHelperOutOfSightIsTrustedByItsName() {
    helper
        .addSourceLines(
            "Util.java",
            """
            import java.sql.Statement;

            import java.sql.Connection;

            class Util {
              // native: no body in sight, as for a method of a jar (one compiled with the
              // caller is judged by its body)
              static native void closeStatement(Statement st);

              static native void cleanupConnection(Connection conn);
            }
            """)
        .addSourceLines(
            "Dao.java",
            """
            import java.sql.Connection;
            import java.sql.SQLException;
            import java.sql.Statement;

            class Dao {
              void update(Connection conn, String sql) throws SQLException {
                Statement st = conn.createStatement();
                try {
                  st.executeUpdate(sql);
                } finally {
                  Util.closeStatement(st);
                }
              }

              void cleanedUp(javax.sql.DataSource ds) throws SQLException {
                Connection conn = ds.getConnection();
                try {
                  conn.setAutoCommit(false);
                } finally {
                  Util.cleanupConnection(conn);
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * A connection used at once to make a statement is not stored, but the statement gives it back: a
   * helper that closes {@code stmt.getConnection()} closes it (ftpserver's DbUserManager).
   */
  @Test
  void aConnectionClosedThroughItsStatement() {
    helper
        .addSourceLines(
            "Users.java",
            """
            import java.sql.Connection;
            import java.sql.SQLException;
            import java.sql.Statement;
            import javax.sql.DataSource;

            class Users {
              private DataSource dataSource;

              void delete(String sql) throws SQLException {
                Statement stmt = null;
                try {
                  stmt = createConnection().createStatement();
                  stmt.executeUpdate(sql);
                } finally {
                  closeWithConnection(stmt);
                }
              }

              void deleteKeepingTheConnection(String sql) throws SQLException {
                Statement stmt = null;
                try {
                  // BUG: Diagnostic contains: Connection returned by createConnection() at line 23 is never stored
                  stmt = createConnection().createStatement();
                  stmt.executeUpdate(sql);
                } finally {
                  closeStatementOnly(stmt);
                }
              }

              private Connection createConnection() throws SQLException {
                return dataSource.getConnection();
              }

              private void closeWithConnection(Statement stmt) {
                if (stmt != null) {
                  Connection con = null;
                  try {
                    con = stmt.getConnection();
                    stmt.close();
                  } catch (SQLException e) {
                    // ignore
                  }
                  closeQuietly(con);
                }
              }

              private void closeStatementOnly(Statement stmt) {
                try {
                  if (stmt != null) {
                    stmt.close();
                  }
                } catch (SQLException e) {
                  // ignore
                }
              }

              private void closeQuietly(Connection con) {
                try {
                  if (con != null) {
                    con.close();
                  }
                } catch (SQLException e) {
                  // ignore
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * A result set gives back the statement it came from: {@code rs.getStatement().close()} closes
   * the statement the method made (Cocoon's {@code OraAddAction}). Asked of a result set already
   * closed, {@code getStatement()} throws (the JDBC specification), so closing the result set first
   * leaves the statement open, as the round's code does.
   */
  @Test
  void aStatementClosedThroughItsResultSet() {
    helper
        .addSourceLines(
            "Lobs.java",
            """
            import java.sql.Connection;
            import java.sql.PreparedStatement;
            import java.sql.ResultSet;
            import java.sql.SQLException;

            class Lobs {
              String first(Connection conn, String sql) throws SQLException {
                // Closed on every path but the failing query's (said "never closed" before).
                // BUG: Diagnostic contains: is not closed when `select.executeQuery()` at line 11 throws
                PreparedStatement select = conn.prepareStatement(sql);
                ResultSet set = select.executeQuery();
                try {
                  return set.next() ? set.getString(1) : null;
                } finally {
                  set.getStatement().close();
                  set.close();
                }
              }

              String closedTooLate(Connection conn, String sql) throws SQLException {
                // BUG: Diagnostic contains: PreparedStatement `select` acquired at line 22 is never closed
                PreparedStatement select = conn.prepareStatement(sql);
                ResultSet set = select.executeQuery();
                String value = set.next() ? set.getString(1) : null;
                set.close();
                set.getStatement().close();
                return value;
              }
            }
            """)
        .doTest();
  }

  /**
   * A statement made and used at once ({@code conn.createStatement().executeQuery(sql)}) lives on
   * in its result set, which gives it back: a helper that closes {@code rs.getStatement()} after
   * the result set closes it, stored or not (iciql's {@code JdbcUtils.closeSilently(rs, true)}).
   * Where the helper reads the statement only under its flag, the flag given decides; closing the
   * result set alone, or leaving it open, leaves the statement, never stored, open.
   */
  @Test
  void aStatementMadeInPlaceLivesOnInItsResultSet() {
    helper
        .addSourceLines(
            "Queries.java",
            """
            import java.sql.Connection;
            import java.sql.PreparedStatement;
            import java.sql.ResultSet;
            import java.sql.SQLException;
            import java.sql.Statement;

            class Queries {
              int inPlace(Connection conn, String sql) throws SQLException {
                ResultSet rs = null;
                try {
                  rs = conn.createStatement().executeQuery(sql);
                  return rs.next() ? rs.getInt(1) : 0;
                } finally {
                  closeSilently(rs, true);
                }
              }

              int stored(Connection conn, String sql) throws SQLException {
                ResultSet rs = null;
                try {
                  PreparedStatement stat = conn.prepareStatement(sql);
                  rs = stat.executeQuery();
                  return rs.next() ? rs.getInt(1) : 0;
                } finally {
                  closeSilently(rs, true);
                }
              }

              int takenBack(Connection conn, String sql) throws SQLException {
                ResultSet rs = conn.createStatement().executeQuery(sql);
                try {
                  return rs.next() ? rs.getInt(1) : 0;
                } finally {
                  Statement stat = rs.getStatement();
                  rs.close();
                  stat.close();
                }
              }

              int resultSetOnly(Connection conn, String sql) throws SQLException {
                // BUG: Diagnostic contains: Statement returned by createStatement() at line 42 is never stored
                ResultSet rs = conn.createStatement().executeQuery(sql);
                try {
                  return rs.next() ? rs.getInt(1) : 0;
                } finally {
                  rs.close();
                }
              }

              int flagUnset(Connection conn, String sql) throws SQLException {
                ResultSet rs = null;
                try {
                  // BUG: Diagnostic contains: Statement returned by createStatement() at line 54 is never stored
                  rs = conn.createStatement().executeQuery(sql);
                  return rs.next() ? rs.getInt(1) : 0;
                } finally {
                  closeSilently(rs);
                }
              }

              int rethrown(Connection conn, String sql) throws SQLException {
                try {
                  // BUG: Diagnostic contains: Statement returned by createStatement() at line 64 is never stored
                  return conn.createStatement().executeUpdate(sql);
                } catch (SQLException e) {
                  // BUG: Diagnostic contains: Statement returned by createStatement() at line 67 is never stored
                  ResultSet rs = conn.createStatement().executeQuery("SELECT ID FROM T");
                  while (rs.next()) {
                    System.out.println(rs.getString(1));
                  }
                  throw e;
                }
              }

              static void closeSilently(ResultSet rs) {
                closeSilently(rs, false);
              }

              static void closeSilently(ResultSet rs, boolean closeStatement) {
                if (rs != null) {
                  Statement stat = null;
                  if (closeStatement) {
                    try {
                      stat = rs.getStatement();
                    } catch (SQLException e) {
                      // ignore
                    }
                  }
                  try {
                    rs.close();
                  } catch (SQLException e) {
                    // ignore
                  }
                  if (stat != null) {
                    try {
                      stat.close();
                    } catch (SQLException e) {
                      // ignore
                    }
                  }
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * A helper that closes a statement it made of its connection parameter closes the statement, not
   * the connection (OpenJPA's {@code setSequence}: {@code stmnt = prepareStatement(conn, sql)},
   * closed in its {@code finally}): the caller still owns the connection.
   */
  @Test
  void aStatementMadeOfAParameterIsNoStandInForIt() {
    helper
        .addSourceLines(
            "Seq.java",
            """
            import java.sql.Connection;
            import java.sql.PreparedStatement;
            import java.sql.SQLException;
            import javax.sql.DataSource;

            class Seq {
              void allocate(DataSource ds, String sql) throws SQLException {
                // BUG: Diagnostic contains: Connection `conn` acquired at line 9 is never closed
                Connection conn = ds.getConnection();
                update(conn, sql);
              }

              private void update(Connection conn, String sql) throws SQLException {
                PreparedStatement stmnt = null;
                try {
                  stmnt = prepareStatement(conn, sql);
                  stmnt.executeUpdate();
                } finally {
                  if (stmnt != null) {
                    stmnt.close();
                  }
                }
              }

              private PreparedStatement prepareStatement(Connection conn, String sql) throws SQLException {
                return conn.prepareStatement(sql);
              }
            }
            """)
        .doTest();
  }
}
