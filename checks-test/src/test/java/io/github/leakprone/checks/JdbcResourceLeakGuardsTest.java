package io.github.leakprone.checks;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * Guards around a close that the analysis reads: {@code Objects.isNull}/{@code nonNull} as {@code
 * == null}/{@code != null}, a resource that reports itself closed ({@code isClosed()}), a parent
 * known to be null taking its children with it, and a boolean local set where the resource was
 * opened and tested where it is closed. Each negative beside the positive that lacks the guard's
 * other half.
 */
final class JdbcResourceLeakGuardsTest {

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(JdbcResourceLeak.class, getClass());

  @Test
  void objectsNullChecksGuardLikeComparisons() {
    helper
        .addSourceLines(
            "Dao.java",
            """
            import java.sql.Connection;
            import java.sql.PreparedStatement;
            import java.sql.SQLException;
            import java.util.Objects;

            class Dao {
              void nonNull(Connection conn, String sql) throws SQLException {
                PreparedStatement ps = null;
                try {
                  ps = conn.prepareStatement(sql);
                  ps.execute();
                } finally {
                  if (Objects.nonNull(ps)) {
                    ps.close();
                  }
                }
              }

              void isNull(Connection conn, String sql) throws SQLException {
                PreparedStatement ps = null;
                try {
                  ps = conn.prepareStatement(sql);
                  ps.execute();
                } finally {
                  if (!Objects.isNull(ps)) {
                    ps.close();
                  }
                }
              }

              void closedOnlyWhenNull(Connection conn, String sql) throws SQLException {
                PreparedStatement ps = null;
                try {
                  // BUG: Diagnostic contains: PreparedStatement `ps` acquired at line 35 is
                  ps = conn.prepareStatement(sql);
                  ps.execute();
                } finally {
                  if (Objects.isNull(ps)) {
                    System.out.println("nothing to close");
                  }
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * A null test compared with a boolean constant is that test or its negation: daobab closes its
   * connection behind {@code if (c == null == false)} (two FALSE of the hundred-and-twentieth
   * holdout round). The same comparison the other way round closes nothing.
   */
  @Test
  void aNullTestComparedWithAConstantIsThatTest() {
    helper
        .addSourceLines(
            "Generator.java",
            """
            import java.sql.Connection;
            import java.sql.SQLException;
            import javax.sql.DataSource;

            class Generator {
              int version(DataSource ds) throws SQLException {
                Connection c = null;
                try {
                  c = ds.getConnection();
                  return c.getMetaData().getDatabaseMajorVersion();
                } finally {
                  if (c == null == false) {
                    c.close();
                  }
                }
              }

              int minor(DataSource ds) throws SQLException {
                Connection c = null;
                try {
                  c = ds.getConnection();
                  return c.getMetaData().getDatabaseMinorVersion();
                } finally {
                  if (true != (c == null)) {
                    c.close();
                  }
                }
              }

              int closedOnlyWhenNull(DataSource ds) throws SQLException {
                Connection c = null;
                try {
                  // BUG: Diagnostic contains: Connection `c` acquired at line 34 is never closed
                  c = ds.getConnection();
                  return c.getMetaData().getDatabaseMajorVersion();
                } finally {
                  if ((c != null) == false) {
                    System.out.println("nothing to close");
                  }
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void aResourceThatSaysItIsClosedIsNotOpen() {
    helper
        .addSourceLines(
            "Dao.java",
            """
            import java.sql.Connection;
            import java.sql.PreparedStatement;
            import java.sql.SQLException;

            class Dao {
              void closedIfStillOpen(Connection conn, String sql) throws SQLException {
                PreparedStatement ps = null;
                try {
                  ps = conn.prepareStatement(sql);
                  ps.execute();
                } finally {
                  if (ps != null && !ps.isClosed()) {
                    ps.close();
                  }
                }
              }

              void closedOnlyIfClosed(Connection conn, String sql) throws SQLException {
                PreparedStatement ps = null;
                try {
                  // BUG: Diagnostic contains: PreparedStatement `ps` acquired at line 22 is
                  ps = conn.prepareStatement(sql);
                  ps.execute();
                } finally {
                  if (ps != null && ps.isClosed()) {
                    ps.close();
                  }
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * A statement assigned inside {@code try} and closed in {@code finally} behind a null check: on
   * the path where it is null, so is its result set, which dies with it on every other.
   */
  @Test
  void aNullStatementHasNoOpenResultSet() {
    helper
        .addSourceLines(
            "Dao.java",
            """
            import java.sql.Connection;
            import java.sql.ResultSet;
            import java.sql.SQLException;
            import java.sql.Statement;

            class Dao {
              int count(Connection conn, String sql) throws SQLException {
                Statement st = null;
                try {
                  st = conn.createStatement();
                  ResultSet rs = st.executeQuery(sql);
                  return rs.next() ? rs.getInt(1) : 0;
                } finally {
                  if (st != null) {
                    st.close();
                  }
                }
              }

              int statementNeverClosed(Connection conn, String sql) throws SQLException {
                Statement st = null;
                try {
                  // BUG: Diagnostic contains: Statement `st` acquired at line 24 is never closed
                  st = conn.createStatement();
                  ResultSet rs = st.executeQuery(sql);
                  return rs.next() ? rs.getInt(1) : 0;
                } finally {
                  if (st == null) {
                    System.out.println("no statement");
                  }
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * A connection null until it is assigned inside {@code try}, closed in {@code finally} behind a
   * null check: where it is null nothing was made of it, so the statement made of it is not open
   * there, and where it is not, closing the physical connection closes the statement. Unless the
   * body nulls the connection itself, after which a statement made of it may outlive the variable;
   * a last {@code con = null}, after which nothing reads it (bboss's primary-key query, whose
   * {@code finally} closes the statement under {@code if (con != null)}), is no such store. A null
   * test of another value, with a connection of the class's own factory open, drops nothing.
   */
  @Test
  void nothingWasMadeOfAConnectionThatIsNull() {
    helper
        .addSourceLines(
            "Keys.java",
            """
            import java.sql.Connection;
            import java.sql.DriverManager;
            import java.sql.ResultSet;
            import java.sql.SQLException;
            import java.sql.Statement;
            import javax.sql.DataSource;

            class Keys implements AutoCloseable {
              private String key;
              private Connection kept;

              String key(String url) throws SQLException {
                Connection conn = null;
                try {
                  if (key == null) {
                    conn = DriverManager.getConnection(url);
                    Statement stmt = conn.createStatement();
                    ResultSet rs = stmt.executeQuery("CALL CRYPT_KEY('AES', null)");
                    rs.next();
                    key = rs.getString(1);
                  }
                  return key;
                } finally {
                  if (conn != null) {
                    conn.close();
                  }
                }
              }

              String keyOfAConnectionHandedBack(String url, boolean keep) throws SQLException {
                Connection conn = null;
                try {
                  if (key == null) {
                    conn = DriverManager.getConnection(url);
                    // BUG: Diagnostic contains: Statement `stmt` acquired at line 36 is not closed when the `return`
                    Statement stmt = conn.createStatement();
                    ResultSet rs = stmt.executeQuery("CALL CRYPT_KEY('AES', null)");
                    rs.next();
                    key = rs.getString(1);
                    if (keep) {
                      kept = conn;
                      conn = null;
                    }
                  }
                  return key;
                } finally {
                  if (conn != null) {
                    conn.close();
                  }
                }
              }

              String catalog(String url) throws SQLException {
                // BUG: Diagnostic contains: Connection `conn` acquired at line 55 is never closed
                Connection conn = openConnection(url);
                String catalog = conn.getCatalog();
                if (catalog == null) {
                  return "";
                }
                return catalog;
              }

              private Connection openConnection(String url) throws SQLException {
                return DriverManager.getConnection(url);
              }

              long maxKey(DataSource ds) throws SQLException {
                Connection con = null;
                Statement stmt = null;
                ResultSet rs = null;
                try {
                  con = ds.getConnection();
                  stmt = con.createStatement();
                  rs = stmt.executeQuery("SELECT MAX(ID) FROM T");
                  return rs.next() ? rs.getLong(1) : 0;
                } finally {
                  if (con != null) {
                    closeBoth(stmt, rs);
                    con.close();
                  }
                  con = null;
                }
              }

              private static void closeBoth(Statement stmt, ResultSet rs) throws SQLException {
                if (rs != null) {
                  rs.close();
                }
                if (stmt != null) {
                  stmt.close();
                }
              }

              @Override
              public void close() throws SQLException {
                if (kept != null) {
                  kept.close();
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * A flag tested where the resource is acquired tells the paths that hold it from those that do
   * not: BoneCP's handle opens a connection only when it was given none, and rolls back only the
   * one it was given, so the rollback is no path that loses what it opened; the defaults it applies
   * next are. A boolean tested for nothing that acquires, releases or leaves is not followed so
   * (HoneyORM's loops, docs/performance.md).
   */
  @Test
  void aFlagTestedWhereTheResourceIsAcquiredTellsWhichPathsHoldIt() {
    helper
        .addSourceLines(
            "Handle.java",
            """
            import java.sql.Connection;
            import java.sql.SQLException;
            import javax.sql.DataSource;

            class Handle {
              private final Connection connection;
              private final Boolean defaultAutoCommit;

              Handle(DataSource ds, Connection given, Boolean defaultAutoCommit) throws SQLException {
                this.defaultAutoCommit = defaultAutoCommit;
                boolean newConnection = given == null;
                // BUG: Diagnostic contains: [JdbcResourceLeak] Connection `connection` acquired at line 13 is not closed when `connection.setAutoCommit(...)` at line 18 throws
                this.connection = newConnection ? ds.getConnection() : given;
                if (!newConnection && !given.getAutoCommit()) {
                  given.rollback();
                }
                if (defaultAutoCommit != null) {
                  connection.setAutoCommit(defaultAutoCommit);
                }
              }

              void close() throws SQLException {
                connection.close();
              }
            }
            """)
        .doTest();
  }

  @Test
  void aFlagSetWhereTheResourceIsOpenedGuardsItsClose() {
    helper
        .addSourceLines(
            "Dao.java",
            """
            import java.sql.Connection;
            import java.sql.SQLException;
            import javax.sql.DataSource;

            class Dao {
              void ownedOnlyWhenOpenedHere(DataSource ds, Connection given) throws SQLException {
                Connection conn = given;
                boolean opened = false;
                if (conn == null) {
                  opened = true;
                  conn = ds.getConnection();
                }
                try {
                  conn.createStatement().close();
                } finally {
                  if (opened) {
                    conn.close();
                  }
                }
              }

              void flagSetAfterOpening(DataSource ds, Connection given) throws SQLException {
                Connection conn = given;
                boolean mustClose = false;
                if (conn == null) {
                  conn = ds.getConnection();
                  mustClose = true;
                }
                try {
                  conn.createStatement().close();
                } finally {
                  if (!mustClose) {
                    return;
                  }
                  conn.close();
                }
              }

              void flagTestedTheWrongWayRound(DataSource ds, Connection given) throws SQLException {
                Connection conn = given;
                boolean borrowed = true;
                if (conn == null) {
                  borrowed = false;
                  // BUG: Diagnostic contains: Connection `conn` acquired at line 45 is never closed
                  conn = ds.getConnection();
                }
                try {
                  conn.createStatement().close();
                } finally {
                  if (borrowed) {
                    conn.close();
                  }
                }
              }

              void flagNotKnownWhereOpened(DataSource ds, boolean closeAfter) throws SQLException {
                boolean close = closeAfter;
                // BUG: Diagnostic contains: Connection `conn` acquired at line 59 is not closed
                Connection conn = ds.getConnection();
                try {
                  conn.createStatement().close();
                } finally {
                  if (close) {
                    conn.close();
                  }
                }
              }

              void flagChangedInACompoundAssignment(DataSource ds, boolean keep) throws SQLException {
                boolean close = true;
                // BUG: Diagnostic contains: Connection `conn` acquired at line 72 is not closed
                Connection conn = ds.getConnection();
                close &= !keep;
                try {
                  conn.createStatement().close();
                } finally {
                  if (close) {
                    conn.close();
                  }
                }
              }

              void openedOnlyWhenAsked(DataSource ds, Connection given, boolean open)
                  throws SQLException {
                Connection conn = open ? ds.getConnection() : given;
                try {
                  conn.createStatement().close();
                } finally {
                  if (open) {
                    conn.close();
                  }
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * A yes-or-no question with no argument asked of the object itself is a property of it, and
   * answers the same twice: Castor's key generators open a separate connection {@code if
   * (!isInSameConnection())} and close it in their {@code finally} under the same test. Asked only
   * where it opens, or of another object, it guards no close.
   */
  @Test
  void aQuestionOfTheObjectItselfAnswersTheSameTwice() {
    helper
        .addSourceLines(
            "KeyGenerator.java",
            """
            import java.sql.Connection;
            import java.sql.SQLException;
            import javax.sql.DataSource;

            abstract class KeyGenerator {
              abstract boolean isInSameConnection();

              abstract Object generate(Connection connection) throws SQLException;

              Object key(Connection given, DataSource ds) throws SQLException {
                Connection connection = given;
                if (!this.isInSameConnection()) {
                  connection = ds.getConnection();
                }
                try {
                  return generate(connection);
                } finally {
                  if (!isInSameConnection()) {
                    connection.close();
                  }
                }
              }

              Object keyClosedOnlyWhenAskedAnother(Connection given, DataSource ds, KeyGenerator other)
                  throws SQLException {
                Connection connection = given;
                if (!isInSameConnection()) {
                  // BUG: Diagnostic contains: Connection `connection` acquired at line 29 is not closed when the `return` at line 32 is taken
                  connection = ds.getConnection();
                }
                try {
                  return generate(connection);
                } finally {
                  if (!other.isInSameConnection()) {
                    connection.close();
                  }
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * A local that only ever holds what cannot be null is null on no path: ORMLite's "sanity check"
   * {@code if (conn1 == null || conn2 == null)} of two fresh {@code DataSource} connections takes
   * no branch that loses one. {@code Driver.connect} returns null for another driver's URL, so
   * there the branch is real, and loses the other connection.
   */
  @Test
  void aFreshResourceThatCannotBeNullFailsNoNullTest() {
    helper
        .addSourceLines(
            "Probe.java",
            """
            import java.sql.Connection;
            import java.sql.Driver;
            import java.sql.SQLException;
            import java.util.Properties;
            import javax.sql.DataSource;

            class Probe {
              boolean single;

              void probe(DataSource ds) throws SQLException {
                // Only the second connection's failure loses the first, not the test for null:
                // BUG: Diagnostic contains: Connection `conn1` acquired at line 13 is not closed when `ds.getConnection()` at line 14 throws
                Connection conn1 = ds.getConnection();
                Connection conn2 = ds.getConnection();
                if (conn1 == null || conn2 == null) {
                  single = true;
                  return;
                }
                try {
                  single = conn1.equals(conn2);
                } finally {
                  conn1.close();
                  conn2.close();
                }
              }

              void probe(Driver driver, DataSource ds, String url) throws SQLException {
                // BUG: Diagnostic contains: Connection `conn1` acquired at line 29 is not closed when `ds.getConnection()` at line 31 throws
                Connection conn1 = driver.connect(url, new Properties());
                // BUG: Diagnostic contains: Connection `conn2` acquired at line 31 is not closed when the `return` at line 34 is taken
                Connection conn2 = ds.getConnection();
                if (conn1 == null || conn2 == null) {
                  single = true;
                  return;
                }
                try {
                  single = conn1.equals(conn2);
                } finally {
                  conn1.close();
                  conn2.close();
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * A local null until a step sets it, tested in the {@code finally}, tells the paths that set it
   * from those that did not, for each resource apart: a statement made only on the branch that
   * never starts the progress thread is not lost when joining that thread throws (Hive's Beeline,
   * whose {@code call} branch prepares a call and starts no log thread; the evaluation's FALSE).
   * The statement of the branch that starts it is lost there, and still reported.
   */
  @Test
  void aLocalNullWhereTheResourceWasMadeGuardsNothingOfIt() {
    helper
        .addSourceLines(
            "Runner.java",
            """
            import java.sql.CallableStatement;
            import java.sql.Connection;
            import java.sql.SQLException;
            import java.sql.Statement;

            class Runner {
              void run(Connection conn, String sql, boolean call, Runnable logs)
                  throws SQLException, InterruptedException {
                Statement stmt = null;
                Thread progress = null;
                try {
                  if (call) {
                    stmt = conn.prepareCall(sql);
                    ((CallableStatement) stmt).execute();
                  } else {
                    // BUG: Diagnostic contains: Statement `stmt` acquired at line 17 is not closed when `progress.join(...)` at line 24 throws
                    stmt = conn.createStatement();
                    progress = new Thread(logs);
                    progress.start();
                    stmt.execute(sql);
                  }
                } finally {
                  if (progress != null) {
                    progress.join(1000L);
                  }
                  if (stmt != null) {
                    stmt.close();
                  }
                }
              }
            }
            """)
        .doTest();
  }
}
