package io.github.leakprone.checks;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * Ownership that leaves the method in ways a framework writes: a statement handed to its result
 * sets ({@code closeOnCompletion()}), a statement kept in a cache by the helper that made it or
 * that it is given to, a statement a connection makes of itself. Each negative beside the positive
 * that lacks the hand-over.
 */
final class JdbcResourceLeakKeptTest {

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(JdbcResourceLeak.class, getClass());

  @Test
  void aStatementClosedOnCompletionBelongsToItsResults() {
    helper
        .addSourceLines(
            "Dao.java",
            """
            import java.sql.Connection;
            import java.sql.ResultSet;
            import java.sql.SQLException;
            import java.sql.Statement;

            class Dao {
              ResultSet cursor(Connection conn, String sql) throws SQLException {
                Statement st = conn.createStatement();
                try {
                  ResultSet rs = st.executeQuery(sql);
                  st.closeOnCompletion();
                  return rs;
                } catch (SQLException e) {
                  st.close();
                  throw e;
                }
              }

              ResultSet leaked(Connection conn, String sql) throws SQLException {
                // BUG: Diagnostic contains: Statement `st` acquired at line 21 is never closed
                Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery(sql);
                return rs;
              }
            }
            """)
        .doTest();
  }

  @Test
  void aStatementKeptInACacheIsTheCachesToClose() {
    helper
        .addSourceLines(
            "Executor.java",
            """
            import java.sql.Connection;
            import java.sql.PreparedStatement;
            import java.sql.SQLException;
            import java.util.HashMap;
            import java.util.Map;

            class Executor {
              private final Map<String, PreparedStatement> statements = new HashMap<>();
              private Connection connection;

              int update(String sql) throws SQLException {
                PreparedStatement ps = prepareStatement(sql);
                return ps.executeUpdate();
              }

              int fresh(String sql) throws SQLException {
                // BUG: Diagnostic contains: PreparedStatement `ps` acquired at line 18 is never closed
                PreparedStatement ps = prepareUncached(sql);
                return ps.executeUpdate();
              }

              private PreparedStatement prepareStatement(String sql) throws SQLException {
                PreparedStatement ps = statements.get(sql);
                if (ps == null) {
                  ps = connection.prepareStatement(sql);
                  putStatement(sql, ps);
                }
                ps.setObject(1, sql);
                return ps;
              }

              private PreparedStatement prepareUncached(String sql) throws SQLException {
                PreparedStatement ps = connection.prepareStatement(sql);
                return ps;
              }

              private void putStatement(String sql, PreparedStatement ps) {
                statements.put(sql, ps);
              }

              void flush() throws SQLException {
                for (PreparedStatement ps : statements.values()) {
                  ps.close();
                }
                statements.clear();
              }
            }
            """)
        .doTest();
  }

  /**
   * A connection closes the statements it made when it is closed (the JDBC specification: "All
   * Statement objects will be closed when the connection that created them is closed"): inside a
   * driver's or a wrapper's own Connection, a statement made of {@code this} is the connection's,
   * not the method's. One made of another connection, or a connection a data source makes of
   * itself, is still the method's.
   */
  @Test
  void aStatementAConnectionMakesOfItselfIsTheConnections() {
    helper
        .addSourceLines(
            "DriverConnection.java",
            """
            import java.sql.Connection;
            import java.sql.ResultSet;
            import java.sql.SQLException;
            import java.sql.Statement;

            abstract class DriverConnection implements Connection {
              private Connection backup;

              String serverCharset() throws SQLException {
                Statement stmt = this.createStatement();
                ResultSet rs = stmt.executeQuery("select charset");
                rs.next();
                String charset = rs.getString(1);
                stmt.close();
                return charset;
              }

              void ping() throws SQLException {
                createStatement().execute("select 1");
              }

              String backupCharset() throws SQLException {
                // BUG: Diagnostic contains: Statement `stmt` acquired at line 24 is not closed when `stmt.executeQuery(...)` at line 25 throws
                Statement stmt = backup.createStatement();
                ResultSet rs = stmt.executeQuery("select charset");
                rs.next();
                String charset = rs.getString(1);
                stmt.close();
                return charset;
              }
            }
            """)
        .addSourceLines(
            "PingingDataSource.java",
            """
            import java.sql.Connection;
            import java.sql.SQLException;
            import javax.sql.DataSource;

            abstract class PingingDataSource implements DataSource {
              boolean ping() throws SQLException {
                // BUG: Diagnostic contains: Connection `conn` acquired at line 8
                Connection conn = this.getConnection();
                return conn.isValid(1);
              }
            }
            """)
        .doTest();
  }

  /**
   * A driver's other classes hold the driver's own connection class, not the interface (MariaDB's
   * metadata and XA code on a {@code MariaDbConnection}): the statements it makes are the driver's
   * design, as those made of {@code this}. Code that holds a {@code Connection}, also inside the
   * driver, is judged as any other. And where the catalog's acquirer is implemented in sight as a
   * getter of a field (MariaDB's {@code MariaDbPooledConnection.getConnection()}), its call hands
   * out what the object holds: nothing to close; an implementation that makes a new one still
   * acquires.
   */
  @Test
  void aDriversOwnConnectionClassAndAGetterImplementationAreTheDriversBusiness() {
    helper
        .addSourceLines(
            "DriverConnection.java",
            """
            import java.sql.Connection;

            abstract class DriverConnection implements Connection {}
            """)
        .addSourceLines(
            "DriverPooledConnection.java",
            """
            import java.sql.Connection;
            import java.sql.SQLException;
            import javax.sql.PooledConnection;

            abstract class DriverPooledConnection implements PooledConnection {
              private final DriverConnection connection;

              DriverPooledConnection(DriverConnection connection) {
                this.connection = connection;
              }

              @Override
              public Connection getConnection() {
                return connection;
              }
            }
            """)
        .addSourceLines(
            "FreshPooledConnection.java",
            """
            import java.sql.Connection;
            import java.sql.DriverManager;
            import java.sql.SQLException;
            import javax.sql.PooledConnection;

            abstract class FreshPooledConnection implements PooledConnection {
              @Override
              public Connection getConnection() throws SQLException {
                return DriverManager.getConnection("jdbc:acme");
              }
            }
            """)
        .addSourceLines(
            "DriverMetaData.java",
            """
            import java.sql.Connection;
            import java.sql.ResultSet;
            import java.sql.SQLException;

            class DriverMetaData {
              private final DriverConnection connection;
              private final Connection user;

              DriverMetaData(DriverConnection connection, Connection user) {
                this.connection = connection;
                this.user = user;
              }

              ResultSet createTable(String table) throws SQLException {
                return connection.createStatement().executeQuery("SHOW CREATE TABLE " + table);
              }

              ResultSet userTables() throws SQLException {
                // BUG: Diagnostic contains: Statement returned by createStatement() at line 20 is never stored
                return user.createStatement().executeQuery("SHOW TABLES");
              }

              boolean idle(DriverPooledConnection item) throws SQLException {
                return item.getConnection().isValid(1);
              }

              boolean fresh(FreshPooledConnection item) throws SQLException {
                // BUG: Diagnostic contains: Connection returned by getConnection() at line 29 is never stored
                return item.getConnection().isValid(1);
              }
            }
            """)
        .doTest();
  }

  /**
   * A driver's own {@code DatabaseMetaData} that asks itself a metadata query ({@code
   * super.getColumns(...)}, Jaybird's retry with the name upper-cased) gets the driver's own result
   * set, made as the driver knows how to release it; the same query asked of another metadata
   * object, the driver's included, is a result set to close.
   */
  @Test
  void aDriversMetaDataAskingItselfGetsItsOwnResultSet() {
    helper
        .addSourceLines(
            "BaseMetaData.java",
            """
            import java.sql.DatabaseMetaData;
            import java.sql.ResultSet;
            import java.sql.SQLException;

            abstract class BaseMetaData implements DatabaseMetaData {
              @Override
              public ResultSet getColumns(String catalog, String schema, String table, String column)
                  throws SQLException {
                return query("columns", table);
              }

              abstract ResultSet query(String what, String table) throws SQLException;
            }
            """)
        .addSourceLines(
            "DriverMetaData.java",
            """
            import java.sql.DatabaseMetaData;
            import java.sql.ResultSet;
            import java.sql.SQLException;

            abstract class DriverMetaData extends BaseMetaData {
              ResultSet columnsInAnyCase(String table) throws SQLException {
                ResultSet rs = super.getColumns(null, null, table, null);
                if (rs.next()) {
                  rs.beforeFirst();
                  return rs;
                }
                rs = getColumns(null, null, table.toUpperCase(), null);
                return rs;
              }

              ResultSet otherColumnsInAnyCase(DatabaseMetaData other, String table)
                  throws SQLException {
                // BUG: Diagnostic contains: ResultSet `rs` acquired at line 19 is not closed before `rs` is overwritten at line 24
                ResultSet rs = other.getColumns(null, null, table, null);
                if (rs.next()) {
                  rs.beforeFirst();
                  return rs;
                }
                rs = other.getColumns(null, null, table.toUpperCase(), null);
                return rs;
              }
            }
            """)
        .doTest();
  }

  /**
   * A driver's own {@code DatabaseMetaData} answers a metadata call with the result of a statement
   * of its own (Drizzle's {@code getSchemas()}, MariaDB's {@code SHOW CREATE TABLE}): how that
   * statement lives is the driver's design, also in a class nested in the metadata class. The same
   * code in a class that is no metadata leaves the statement open.
   */
  @Test
  void aDriversMetaDataRunsItsOwnStatements() {
    helper
        .addSourceLines(
            "DriverMetaData.java",
            """
            import java.sql.Connection;
            import java.sql.DatabaseMetaData;
            import java.sql.ResultSet;
            import java.sql.SQLException;
            import java.sql.Statement;

            abstract class DriverMetaData implements DatabaseMetaData {
              private final Connection connection;

              DriverMetaData(Connection connection) {
                this.connection = connection;
              }

              @Override
              public ResultSet getSchemas() throws SQLException {
                final Statement stmt = connection.createStatement();
                return stmt.executeQuery("SELECT schema_name FROM information_schema.schemata");
              }

              class Keys {
                String createTable(String table) throws SQLException {
                  ResultSet rs = connection.createStatement().executeQuery("SHOW CREATE TABLE " + table);
                  rs.next();
                  return rs.getString(2);
                }
              }
            }
            """)
        .addSourceLines(
            "SchemaBrowser.java",
            """
            import java.sql.Connection;
            import java.sql.ResultSet;
            import java.sql.SQLException;
            import java.sql.Statement;

            class SchemaBrowser {
              private final Connection connection;

              SchemaBrowser(Connection connection) {
                this.connection = connection;
              }

              ResultSet schemas() throws SQLException {
                // BUG: Diagnostic contains: Statement `stmt` acquired at line 15 is never closed
                final Statement stmt = connection.createStatement();
                return stmt.executeQuery("SELECT schema_name FROM information_schema.schemata");
              }
            }
            """)
        .doTest();
  }

  /**
   * A connection closed in the handler of a database failure ends its session, and the statements
   * made of it go with it (HyperSQL SqlTool's teardown of a severed session, which drops the
   * statement it was about to return). Closed on any other path, or another connection, or in the
   * handler of another failure, it releases nothing of its statements (incident 004).
   */
  @Test
  void aConnectionClosedInTheHandlerOfItsFailureTakesItsStatements() {
    helper
        .addSourceLines(
            "Session.java",
            """
            import java.io.IOException;
            import java.io.Reader;
            import java.sql.Connection;
            import java.sql.SQLException;
            import java.sql.Statement;

            class Session {
              Connection conn;

              Statement run(String sql) throws SQLException {
                Statement statement = conn.createStatement();
                try {
                  statement.execute(sql);
                } catch (SQLException e) {
                  statement.close();
                  throw e;
                }
                try {
                  conn.commit();
                } catch (SQLException severed) {
                  try {
                    conn.close();
                  } catch (Exception ignored) {
                    // already gone
                  }
                  conn = null;
                  return null;
                }
                return statement;
              }

              void closedAtTheEnd(Connection c) throws SQLException {
                // BUG: Diagnostic contains: Statement `s` acquired at line 34 is never closed
                Statement s = c.createStatement();
                s.execute("delete from t");
                c.close();
              }

              Statement anotherConnectionClosed(Connection c, Connection other) throws SQLException {
                // BUG: Diagnostic contains: Statement `s` acquired at line 41 is not closed when the `return` at line 46 is taken
                Statement s = c.createStatement();
                try {
                  c.commit();
                } catch (SQLException e) {
                  other.close();
                  return null;
                }
                return s;
              }

              Statement handlerOfAnotherFailure(Connection c, Reader r) throws SQLException {
                // BUG: Diagnostic contains: Statement `s` acquired at line 53 is not closed when the `return` at line 58 is taken
                Statement s = c.createStatement();
                try {
                  r.read();
                } catch (IOException e) {
                  c.close();
                  return null;
                }
                return s;
              }
            }
            """)
        .doTest();
  }

  /**
   * A result set returned with the statement it came from: where the class's own closer of result
   * sets closes their statement too ({@code rs.getStatement().close()}), the statement goes with
   * the result set (Empire-db's {@code executeQuery}, whose callers close both through {@code
   * closeResultSet}). Where the class has no such closer, callers close the result set alone and
   * the statement is lost.
   */
  @Test
  void aResultSetReturnedTakesItsStatementWhereTheClassClosesBoth() {
    helper
        .addSourceLines(
            "Handler.java",
            """
            import java.sql.Connection;
            import java.sql.PreparedStatement;
            import java.sql.ResultSet;
            import java.sql.SQLException;
            import java.sql.Statement;

            class Handler {
              ResultSet query(Connection conn, String sql) throws SQLException {
                PreparedStatement ps = conn.prepareStatement(sql);
                try {
                  return ps.executeQuery();
                } catch (SQLException e) {
                  ps.close();
                  throw e;
                }
              }

              void closeResultSet(ResultSet rs) throws SQLException {
                Statement statement = rs.getStatement();
                rs.close();
                statement.close();
              }
            }
            """)
        .addSourceLines(
            "Plain.java",
            """
            import java.sql.Connection;
            import java.sql.PreparedStatement;
            import java.sql.ResultSet;
            import java.sql.SQLException;

            class Plain {
              ResultSet query(Connection conn, String sql) throws SQLException {
                // BUG: Diagnostic contains: PreparedStatement `ps` acquired at line 9 is not closed when the `return` at line 11 is taken
                PreparedStatement ps = conn.prepareStatement(sql);
                try {
                  return ps.executeQuery();
                } catch (SQLException e) {
                  ps.close();
                  throw e;
                }
              }

              void closeResultSet(ResultSet rs) throws SQLException {
                rs.close();
              }
            }
            """)
        .doTest();
  }

  /**
   * The code base's closer of result sets, found where the method's class closes things: the helper
   * class its methods close statements with (CQEngine's {@code catch} calling {@code
   * DBUtils.closeQuietly}, whose result-set overload closes {@code rs.getStatement()} too; iciql's
   * {@code Db}, whose other methods close their result sets with {@code closeSilently(rs, true)}
   * and whose {@code executeQuery} returns {@code conn.createStatement().executeQuery(sql)}), or
   * its own class's closer reaching the statement through a helper of the class that returns it
   * (jdbacl's {@code closeResultSetAndStatement(rs)}, given {@code getStatement(rs)}). A class
   * whose helper class's closers close only what they are given leaves the statement reported.
   */
  @Test
  void aResultSetReturnedTakesItsStatementWhereTheCodeBasesCloserClosesBoth() {
    helper
        .addSourceLines(
            "DbUtils.java",
            """
            import java.sql.ResultSet;
            import java.sql.Statement;

            final class DbUtils {
              static void closeQuietly(ResultSet rs) {
                try {
                  Statement statement = rs.getStatement();
                  statement.close();
                  rs.close();
                } catch (Exception ignored) {
                }
              }

              static void closeQuietly(Statement statement) {
                try {
                  statement.close();
                } catch (Exception ignored) {
                }
              }
            }
            """)
        .addSourceLines(
            "Plain.java",
            """
            import java.sql.Statement;

            final class Plain {
              static void closeQuietly(Statement statement) {
                try {
                  statement.close();
                } catch (Exception ignored) {
                }
              }
            }
            """)
        .addSourceLines(
            "Queries.java",
            """
            import java.sql.Connection;
            import java.sql.PreparedStatement;
            import java.sql.ResultSet;
            import java.sql.SQLException;

            class Queries {
              static ResultSet search(Connection conn, String sql) {
                PreparedStatement statement = null;
                try {
                  statement = conn.prepareStatement(sql);
                  return statement.executeQuery();
                } catch (Exception e) {
                  DbUtils.closeQuietly(statement);
                  throw new IllegalStateException(e);
                }
              }

              static ResultSet inPlace(Connection conn, String sql) throws SQLException {
                return conn.createStatement().executeQuery(sql);
              }
            }
            """)
        .addSourceLines(
            "PlainQueries.java",
            """
            import java.sql.Connection;
            import java.sql.PreparedStatement;
            import java.sql.ResultSet;
            import java.sql.SQLException;

            class PlainQueries {
              static ResultSet plainSearch(Connection conn, String sql) {
                PreparedStatement statement = null;
                try {
                  // BUG: Diagnostic contains: PreparedStatement `statement` acquired at line 11 is not closed when the `return` at line 12 is taken
                  statement = conn.prepareStatement(sql);
                  return statement.executeQuery();
                } catch (Exception e) {
                  Plain.closeQuietly(statement);
                  throw new IllegalStateException(e);
                }
              }

              static ResultSet plainInPlace(Connection conn, String sql) throws SQLException {
                // BUG: Diagnostic contains: Statement returned by createStatement() at line 21 is never stored
                return conn.createStatement().executeQuery(sql);
              }
            }
            """)
        .addSourceLines(
            "DbUtil.java",
            """
            import java.sql.Connection;
            import java.sql.ResultSet;
            import java.sql.SQLException;
            import java.sql.Statement;

            class DbUtil {
              static ResultSet executeQuery(String query, Connection connection) throws SQLException {
                Statement statement = connection.createStatement();
                try {
                  return statement.executeQuery(query);
                } catch (SQLException e) {
                  statement.close();
                  throw e;
                }
              }

              static Statement getStatement(ResultSet resultSet) {
                try {
                  return resultSet.getStatement();
                } catch (SQLException e) {
                  throw new IllegalStateException(e);
                }
              }

              static void closeResultSetAndStatement(ResultSet resultSet) throws SQLException {
                closeResultSetAndStatement(resultSet, getStatement(resultSet));
              }

              static void closeResultSetAndStatement(ResultSet resultSet, Statement statement)
                  throws SQLException {
                try {
                  resultSet.close();
                } finally {
                  statement.close();
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * {@code rs.getStatement()} on an open result set does not throw (the JDBC javadoc: only on a
   * closed one), so a cleanup that asks for the statement before it closes both loses nothing
   * (Empire-db's Oracle handler). A call that may throw there still opens the path.
   */
  @Test
  void aParentGetterOnAnOpenResourceDoesNotThrow() {
    helper
        .addSourceLines(
            "Stamps.java",
            """
            import java.sql.Connection;
            import java.sql.ResultSet;
            import java.sql.SQLException;
            import java.sql.Statement;
            import java.sql.Timestamp;

            class Stamps {
              Timestamp now(Connection conn) throws SQLException {
                Statement st = conn.createStatement();
                ResultSet rs = null;
                try {
                  rs = st.executeQuery("select now()");
                  return rs.next() ? rs.getTimestamp(1) : null;
                } finally {
                  if (rs != null) {
                    Statement owner = rs.getStatement();
                    rs.close();
                    owner.close();
                  }
                  st.close();
                }
              }

              Timestamp warned(Connection conn) throws SQLException {
                // BUG: Diagnostic contains: Statement `st` acquired at line 26 is not closed when `st.getMoreResults()` at line 33 throws
                Statement st = conn.createStatement();
                ResultSet rs = null;
                try {
                  rs = st.executeQuery("select now()");
                  return rs.next() ? rs.getTimestamp(1) : null;
                } finally {
                  if (rs != null) {
                    st.getMoreResults();
                    rs.close();
                  }
                  st.close();
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * A JDBC wrapper that hands the statement it made to an interceptor returns the interceptor's
   * substitute on that path: the statement goes with it (SymmetricDS's {@code ConnectionWrapper}).
   * A statement dropped for a value of another origin (a cached one) is still lost.
   */
  @Test
  void aSubstituteForTheResourceTakesItAlong() {
    helper
        .addSourceLines(
            "Wrapper.java",
            """
            import java.sql.Connection;
            import java.sql.SQLException;
            import java.sql.Statement;

            abstract class Wrapper implements Connection {
              interface Interceptor {
                Result after(String name, Object value);
              }

              interface Result {
                boolean isIntercepted();

                Object substitute();
              }

              private Connection wrapped;
              private Interceptor interceptor;
              private Statement cached;

              @Override
              public Statement createStatement() throws SQLException {
                Statement value = wrapped.createStatement();
                Result result = interceptor.after("createStatement", value);
                if (result.isIntercepted()) {
                  return (Statement) result.substitute();
                }
                return value;
              }

              Statement cachedOrNew() throws SQLException {
                // BUG: Diagnostic contains: Statement `value` acquired at line 32 is not closed when the `return` at line 34 is taken
                Statement value = wrapped.createStatement();
                if (cached != null) {
                  return cached;
                }
                return value;
              }
            }
            """)
        .doTest();
  }

  /**
   * A connection's client-side reads ({@code getAutoCommit()}, {@code getMetaData()}) answer from
   * what the driver keeps and fail only on a closed connection: no path before the {@code try}
   * (Apache MetaModel's {@code JdbcDataContext}). {@code getSchema()}, which some drivers ask the
   * server, still opens one.
   */
  @Test
  void aConnectionsClientSideReadsDoNotThrow() {
    helper
        .addSourceLines(
            "Reads.java",
            """
            import java.sql.Connection;
            import java.sql.SQLException;
            import javax.sql.DataSource;

            class Reads {
              String url(DataSource ds) throws SQLException {
                Connection con = ds.getConnection();
                boolean auto = con.getAutoCommit();
                try {
                  return con.getMetaData().getURL() + auto;
                } finally {
                  con.close();
                }
              }

              String schema(DataSource ds) throws SQLException {
                // BUG: Diagnostic contains: Connection `con` acquired at line 18 is not closed when `con.getSchema()` at line 19 throws
                Connection con = ds.getConnection();
                String schema = con.getSchema();
                try {
                  return schema + con.getCatalog();
                } finally {
                  con.close();
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * A driver's own connection type may be an interface of its own that extends JDBC's (PgJDBC's
   * {@code BaseConnection}, which its arrays, result sets and large objects hold): the statements
   * made on it are the driver's design too, also through a method of its own that the name rule
   * finds ({@code connection.execSQLQuery(sql)}). One made on a {@code Connection} is still
   * reported.
   */
  @Test
  void aDriversOwnConnectionInterfaceIsTheDriversBusinessToo() {
    helper
        .addSourceLines(
            "DriverArray.java",
            """
            import java.sql.Connection;
            import java.sql.ResultSet;
            import java.sql.SQLException;
            import java.sql.Statement;

            class DriverArray {
              interface BaseConnection extends Connection {
                ResultSet execSQLQuery(String sql) throws SQLException;
              }

              private final BaseConnection connection;
              private final Connection user;

              DriverArray(BaseConnection connection, Connection user) {
                this.connection = connection;
                this.user = user;
              }

              ResultSet elements() throws SQLException {
                Statement stat = connection.createStatement();
                return stat.executeQuery("SELECT 1");
              }

              Object cursor(String name) throws SQLException {
                ResultSet rs = connection.execSQLQuery("FETCH ALL IN " + name);
                return rs.next() ? rs.getObject(1) : null;
              }

              ResultSet userElements() throws SQLException {
                // BUG: Diagnostic contains: Statement `stat` acquired at line 31 is never closed
                Statement stat = user.createStatement();
                return stat.executeQuery("SELECT 1");
              }
            }
            """)
        .doTest();
  }
}
