package io.github.leakprone.checks;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * An acquiring call whose resource is handed on at once (returned, or a try-with-resources
 * variable) does not start its body's analysis, but the body is still analysed from its next
 * acquiring call.
 */
final class JdbcResourceLeakHandedOnTest {

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(JdbcResourceLeak.class, getClass());

  @Test
  void aBodyIsStillAnalysedFromTheCallAfterAHandedOnOne() {
    helper
        .addSourceLines(
            "Pool.java",
            """
            import java.sql.Connection;
            import java.sql.SQLException;
            import java.sql.Statement;
            import javax.sql.DataSource;

            class Pool {
              Connection open(DataSource ds, boolean fresh) throws SQLException {
                if (fresh) {
                  return ds.getConnection();
                }
                // BUG: Diagnostic contains: Connection `probe` acquired at line 12
                Connection probe = ds.getConnection();
                probe.isValid(1);
                return null;
              }

              void query(DataSource ds, String sql) throws SQLException {
                try (Connection conn = ds.getConnection()) {
                  // BUG: Diagnostic contains: Statement `statement` acquired at line 20
                  Statement statement = conn.createStatement();
                  statement.execute(sql);
                }
              }

              Connection handedOn(DataSource ds) throws SQLException {
                try (Connection check = ds.getConnection()) {
                  check.isValid(1);
                }
                return ds.getConnection();
              }
            }
            """)
        .doTest();
  }

  /**
   * A setter keeps what it is given in its object, as an assignment to that object's field would:
   * Spring's {@code conHolder.setConnection(fetchConnection(dataSource))} hands the new connection
   * to the holder bound to the transaction. A call of another kind only borrows it, and so does the
   * class's own {@code setSocketOptions(socket)}, which configures what it is given. So does a
   * setter given what the method closes itself: it only lent it, and a failure before its close
   * loses it.
   */
  @Test
  void aSetterKeepsWhatItIsGiven() {
    helper
        .addSourceLines(
            "Holders.java",
            """
            import java.sql.Connection;
            import java.sql.SQLException;
            import javax.sql.DataSource;

            class Holders {
              interface ConnectionHolder {
                void setConnection(Connection connection);

                boolean check(Connection connection);
              }

              void resume(ConnectionHolder holder, DataSource ds) throws SQLException {
                holder.setConnection(ds.getConnection());
              }

              boolean probe(ConnectionHolder holder, DataSource ds) throws SQLException {
                // BUG: Diagnostic contains: Connection returned by getConnection() at line 18 is never stored
                return holder.check(ds.getConnection());
              }

              void configured(DataSource ds) throws SQLException {
                // BUG: Diagnostic contains: Connection returned by getConnection() at line 23 is never stored
                setDefaults(ds.getConnection());
              }

              private void setDefaults(Connection connection) {}

              interface Job {
                void setConnection(Connection connection);

                void run() throws SQLException;
              }

              void lent(Job job, DataSource ds) throws SQLException {
                // BUG: Diagnostic contains: Connection `conn` acquired at line 36 is not closed when `job.run()` at line 38 throws
                Connection conn = ds.getConnection();
                job.setConnection(conn);
                job.run();
                conn.close();
              }
            }
            """)
        .doTest();
  }

  /**
   * A registry keeps what it is given to release it later, as a setter does: PolyJDBC's transaction
   * registers every statement and cursor it hands out ({@code transaction.registerCursor(rs)}, and
   * its own {@code createStatement()}, which registers before it returns) and closes them in its
   * {@code close()}. What the method registers and then closes itself it only lent (a failure
   * before the close still loses it); a call of another name only borrows.
   */
  @Test
  void aRegistryKeepsWhatItIsGiven() {
    helper
        .addSourceLines(
            "Inspector.java",
            """
            import java.sql.Connection;
            import java.sql.DatabaseMetaData;
            import java.sql.ResultSet;
            import java.sql.SQLException;
            import java.sql.Statement;

            class Inspector {
              interface State {
                void registerStatement(Statement statement);

                void registerCursor(ResultSet cursor);
              }

              static class Transaction {
                private final Connection connection;
                private final State state;

                Transaction(Connection connection, State state) {
                  this.connection = connection;
                  this.state = state;
                }

                Statement createStatement() throws SQLException {
                  Statement statement = connection.createStatement();
                  state.registerStatement(statement);
                  return statement;
                }

                void registerCursor(ResultSet cursor) {
                  state.registerCursor(cursor);
                }

                void registerStatement(Statement statement) {
                  state.registerStatement(statement);
                }

                boolean inspect(ResultSet cursor) {
                  return cursor != null;
                }
              }

              Transaction transaction;
              Connection connection;
              DatabaseMetaData metadata;

              boolean exists(String name) throws SQLException {
                ResultSet tables = metadata.getTables(null, null, name, null);
                transaction.registerCursor(tables);
                return tables.next();
              }

              void ddl(String sql) throws SQLException {
                Statement statement = transaction.createStatement();
                statement.execute(sql);
              }

              boolean lent(String sql) throws SQLException {
                // BUG: Diagnostic contains: Statement `statement` acquired at line 59 is not closed when `check(...)` at line 61 throws
                Statement statement = connection.createStatement();
                transaction.registerStatement(statement);
                boolean found = check(statement, sql);
                statement.close();
                return found;
              }

              boolean borrowed(String name) throws SQLException {
                // BUG: Diagnostic contains: ResultSet `tables` acquired at line 68 is never closed
                ResultSet tables = metadata.getTables(null, null, name, null);
                return transaction.inspect(tables);
              }

              static native boolean check(Statement statement, String sql) throws SQLException;
            }
            """)
        .doTest();
  }

  /**
   * The same registry seen from another file: a project factory that registers what it makes before
   * it returns it (PolyJDBC's {@code Transaction.createStatement()}, called from its schema
   * manager) hands out what the registry holds, also through the factories it returns the value of
   * (bboss's {@code StatementInfo.prepareCountStatement()}, which returns {@code
   * prepareStatement(sql, loginfo)}, which returns {@code _prepareStatement(sql, false)}, which
   * adds the statement to the list its {@code dofinally()} closes). One that registers nothing
   * hands out a new statement, which the caller must close, also through one that returns it.
   */
  @Test
  void aFactoryInAnotherFileThatRegistersWhatItMakesHandsOutTheRegistrys() {
    helper
        .addSourceLines(
            "Transaction.java",
            """
            import java.sql.Connection;
            import java.sql.SQLException;
            import java.sql.Statement;

            public class Transaction {
              interface State {
                void registerStatement(Statement statement);
              }

              private final Connection connection;
              private final State state;

              Transaction(Connection connection, State state) {
                this.connection = connection;
                this.state = state;
              }

              public Statement createStatement() throws SQLException {
                Statement statement = connection.createStatement();
                registerStatement(statement);
                return statement;
              }

              public Statement createUnregistered() throws SQLException {
                Statement statement = connection.createStatement();
                return statement;
              }

              public Statement createLogged(String message) throws SQLException {
                System.out.println(message);
                return createCounted(false);
              }

              public Statement createCounted(boolean counted) throws SQLException {
                return doCreate(counted);
              }

              private Statement doCreate(boolean counted) throws SQLException {
                Statement statement = connection.createStatement();
                registerStatement(statement);
                return statement;
              }

              public Statement createPlain() throws SQLException {
                return createUnregistered();
              }

              public void registerStatement(Statement statement) {
                state.registerStatement(statement);
              }
            }
            """)
        .addSourceLines(
            "SchemaManager.java",
            """
            import java.sql.SQLException;
            import java.sql.Statement;

            class SchemaManager {
              Transaction transaction;

              void ddl(String sql) throws SQLException {
                Statement statement = transaction.createStatement();
                statement.execute(sql);
              }

              void unregistered(String sql) throws SQLException {
                // BUG: Diagnostic contains: Statement `statement` acquired at line 14 is never closed
                Statement statement = transaction.createUnregistered();
                statement.execute(sql);
              }

              void delegated(String sql) throws SQLException {
                Statement statement = transaction.createLogged(sql);
                statement.execute(sql);
              }

              void delegatedUnregistered(String sql) throws SQLException {
                // BUG: Diagnostic contains: Statement `statement` acquired at line 25 is never closed
                Statement statement = transaction.createPlain();
                statement.execute(sql);
              }
            }
            """)
        .doTest();
  }

  /**
   * A factory in sight that builds the object it returns around what it is given owns it from the
   * call on, on its failure too (OpenJPA's {@code return getEagerResult(conn, stmnt, rs)}, which
   * makes a SelectResult and closes it if reading eager results fails), also where it keeps another
   * of its arguments. Not where it can fail before it builds the owner (MetaModel's execute(),
   * whose query fails first), nor where the result is made of something else (a statement's
   * metadata).
   */
  @Test
  void aFactoryThatBuildsTheOwnerItReturnsTakesWhatItIsGiven() {
    helper
        .addSourceLines(
            "Selects.java",
            """
            import java.sql.Connection;
            import java.sql.PreparedStatement;
            import java.sql.ResultSet;
            import java.sql.ResultSetMetaData;
            import java.sql.SQLException;

            class Selects {
              interface Result extends AutoCloseable {
                @Override
                void close();
              }

              static final class SelectResult implements Result {
                SelectResult(PreparedStatement statement, ResultSet rs) {}

                @Override
                public void close() {}
              }

              static final class Summary {
                Summary(ResultSetMetaData metaData) {}
              }

              Result select(Connection conn, String sql) throws SQLException {
                PreparedStatement statement = conn.prepareStatement(sql);
                ResultSet rs;
                try {
                  rs = statement.executeQuery();
                } catch (SQLException e) {
                  statement.close();
                  throw e;
                }
                return eagerResult(statement, rs, sql);
              }

              Result run(Connection conn, String sql) throws SQLException {
                // BUG: Diagnostic contains: not closed when `execute(...)` at line 39 throws
                PreparedStatement statement = conn.prepareStatement(sql);
                return execute(statement);
              }

              Summary summarise(Connection conn, String sql) throws SQLException {
                // BUG: Diagnostic contains: not closed when `describe(...)` at line 45 throws
                PreparedStatement statement = conn.prepareStatement(sql);
                Summary summary = describe(statement);
                statement.close();
                return summary;
              }

              private Result eagerResult(PreparedStatement statement, ResultSet rs, String sql)
                  throws SQLException {
                lastSql = sql;
                SelectResult result = new SelectResult(statement, rs);
                try {
                  readEager(result);
                } catch (SQLException e) {
                  result.close();
                  throw e;
                }
                return result;
              }

              private Result execute(PreparedStatement statement) throws SQLException {
                ResultSet rs = statement.executeQuery();
                return new SelectResult(statement, rs);
              }

              private Summary describe(PreparedStatement statement) throws SQLException {
                return new Summary(statement.getMetaData());
              }

              private void readEager(Result result) throws SQLException {}

              private String lastSql;
            }
            """)
        .doTest();
  }

  /**
   * {@code if (!iteratedResult) statement.close()}: a close that a mode withholds (a boolean fixed
   * for the method's run, set before the statement was prepared) is the author's word that in the
   * other mode someone else closes it: Cayenne hands its statement to the result iterator its
   * caller closes. A flag set as the method goes ({@code done}), or one decided after the
   * acquisition from the resource itself ({@code big}), is no such word: those paths are still
   * reported; so is a resource the method gives to no one, whatever its mode
   * (JdbcResourceLeakGuardsTest's {@code flagNotKnownWhereOpened}).
   */
  @Test
  void aCloseThatAModeWithholdsHandsTheResourceOn() {
    helper
        .addSourceLines(
            "Template.java",
            """
            import java.sql.Connection;
            import java.sql.PreparedStatement;
            import java.sql.ResultSet;
            import java.sql.SQLException;

            class Template {
              interface Callback {
                boolean isIteratedResult();

                void rows(ResultSet rs, PreparedStatement owner) throws SQLException;
              }

              private final boolean closeWhenDone = true;

              void execute(Connection conn, Callback callback, String sql) throws SQLException {
                boolean iteratedResult = callback.isIteratedResult();
                PreparedStatement statement = conn.prepareStatement(sql);
                try {
                  while (statement.execute()) {
                    callback.rows(statement.getResultSet(), statement);
                    if (iteratedResult) {
                      break;
                    }
                  }
                } finally {
                  if (!iteratedResult) {
                    statement.close();
                  }
                }
              }

              void configured(Connection conn, Callback callback, String sql) throws SQLException {
                PreparedStatement statement = conn.prepareStatement(sql);
                try {
                  callback.rows(statement.executeQuery(), statement);
                } finally {
                  if (this.closeWhenDone) {
                    statement.close();
                  }
                }
              }

              void progress(Connection conn, Callback callback, String sql) throws SQLException {
                boolean done = false;
                // BUG: Diagnostic contains: PreparedStatement `statement` acquired at line 46
                PreparedStatement statement = conn.prepareStatement(sql);
                callback.rows(statement.executeQuery(), statement);
                done = true;
                if (!done) {
                  statement.close();
                }
              }

              void decidedAfter(Connection conn, Callback callback, String sql) throws SQLException {
                // BUG: Diagnostic contains: PreparedStatement `statement` acquired at line 56
                PreparedStatement statement = conn.prepareStatement(sql);
                boolean big = statement.execute();
                callback.rows(statement.getResultSet(), statement);
                if (!big) {
                  statement.close();
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * A connection whose statement the method gives away goes with it when a mode withholds both
   * closes: the statement gives the connection back ({@code stmt.getConnection()}), and whoever is
   * trusted with the statement is with its connection (Spring's {@code JdbcTemplate.execute(action,
   * closeResources)}, whose stream callback releases both). A connection whose statements stay in
   * the method is still reported.
   */
  @Test
  void aConnectionWhoseStatementIsGivenAwayUnderAModeGoesWithIt() {
    helper
        .addSourceLines(
            "Template.java",
            """
            import java.sql.Connection;
            import java.sql.PreparedStatement;
            import java.sql.SQLException;
            import javax.sql.DataSource;

            class Template {
              interface Callback<T> {
                T doInStatement(PreparedStatement ps) throws SQLException;
              }

              <T> T execute(DataSource ds, Callback<T> action, String sql, boolean closeResources)
                  throws SQLException {
                Connection con = ds.getConnection();
                PreparedStatement ps = null;
                try {
                  ps = con.prepareStatement(sql);
                  return action.doInStatement(ps);
                } finally {
                  if (closeResources) {
                    if (ps != null) {
                      ps.close();
                    }
                    con.close();
                  }
                }
              }

              int count(DataSource ds, String sql, boolean closeResources) throws SQLException {
                // BUG: Diagnostic contains: Connection `con` acquired at line 30 is not closed when the `return` at line 32 is taken
                Connection con = ds.getConnection();
                try (PreparedStatement ps = con.prepareStatement(sql)) {
                  return ps.executeUpdate();
                } finally {
                  if (closeResources) {
                    con.close();
                  }
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * A mode tested with a null check of what it decides about ({@code if (!batchStatements && s !=
   * null) s.close()}) is still a mode, and a setter in sight that stores the statement in its
   * object's field keeps it, so it is given away there: ActiveMQ's JDBC adapter hands its statement
   * to the transaction context that batches it, and closes it itself otherwise. A statement given
   * to no one is still reported whatever the mode.
   */
  @Test
  void aModeTestedWithANullCheckHandsOnWhatASetterKeeps() {
    helper
        .addSourceLines(
            "Adapter.java",
            """
            import java.sql.Connection;
            import java.sql.PreparedStatement;
            import java.sql.SQLException;

            class Adapter {
              static class Context {
                private final Connection connection;
                private PreparedStatement addStatement;

                Context(Connection connection) {
                  this.connection = connection;
                }

                Connection getConnection() {
                  return connection;
                }

                PreparedStatement getAddStatement() {
                  return addStatement;
                }

                void setAddStatement(PreparedStatement addStatement) {
                  this.addStatement = addStatement;
                }

                void executeBatch() throws SQLException {
                  try {
                    if (addStatement != null) {
                      addStatement.executeBatch();
                    }
                  } finally {
                    if (addStatement != null) {
                      addStatement.close();
                    }
                    addStatement = null;
                  }
                }
              }

              private boolean batchStatements;

              void add(Context c, long id) throws SQLException {
                PreparedStatement s = c.getAddStatement();
                try {
                  if (s == null) {
                    s = c.getConnection().prepareStatement("insert into msgs values (?)");
                    if (this.batchStatements) {
                      c.setAddStatement(s);
                    }
                  }
                  s.setLong(1, id);
                  if (this.batchStatements) {
                    s.addBatch();
                  } else if (s.executeUpdate() != 1) {
                    throw new SQLException("Failed to add a message");
                  }
                } finally {
                  if (!this.batchStatements && s != null) {
                    s.close();
                  }
                }
              }

              void remove(Context c, long id) throws SQLException {
                // BUG: Diagnostic contains: PreparedStatement `s` acquired at line 66 is not closed on the path that reaches the end of the method
                PreparedStatement s = c.getConnection().prepareStatement("delete from msgs where id = ?");
                try {
                  s.setLong(1, id);
                  s.executeUpdate();
                } finally {
                  if (!this.batchStatements && s != null) {
                    s.close();
                  }
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * An object whose class closes the parent of what it keeps takes the parent along: requery's
   * {@code new ResultSetIterator(reader, results, ...)}, whose {@code close()} closes {@code
   * results.getStatement()}, owns the statement of the result set it is given, also where a later
   * argument, an anonymous class that reads the result set, takes it out of sight first (Marmotta's
   * {@code new ResultSetIteration(result, true, new Transformer() {...})}). An object that closes
   * only the result set leaves its statement with the method, which loses it.
   */
  @Test
  void anObjectThatClosesWhatItKeepsParentTakesItAlong() {
    helper
        .addSourceLines(
            "Results.java",
            """
            import java.sql.Connection;
            import java.sql.ResultSet;
            import java.sql.SQLException;
            import java.sql.Statement;

            class Results {
              static final class StatementClosing implements AutoCloseable {
                private final ResultSet results;

                StatementClosing(ResultSet results) {
                  this.results = results;
                }

                StatementClosing(ResultSet results, java.util.function.Supplier<String> first) {
                  this.results = results;
                }

                @Override
                public void close() {
                  Statement statement = null;
                  try {
                    statement = results.getStatement();
                  } catch (SQLException ignored) {
                    // closed already
                  }
                  closeQuietly(results);
                  closeQuietly(statement);
                }
              }

              static final class ResultsOnly implements AutoCloseable {
                private final ResultSet results;

                ResultsOnly(ResultSet results) {
                  this.results = results;
                }

                @Override
                public void close() {
                  closeQuietly(results);
                }
              }

              private static void closeQuietly(AutoCloseable closeable) {
                if (closeable != null) {
                  try {
                    closeable.close();
                  } catch (Exception ignored) {
                    // nothing to do
                  }
                }
              }

              StatementClosing iterate(Connection conn, String sql) throws SQLException {
                Statement statement = conn.createStatement();
                try {
                  ResultSet results = statement.executeQuery(sql);
                  return new StatementClosing(results);
                } catch (SQLException e) {
                  statement.close();
                  throw e;
                }
              }

              ResultsOnly iterateResults(Connection conn, String sql) throws SQLException {
                // BUG: Diagnostic contains: Statement `statement` acquired at line 67 is never closed
                Statement statement = conn.createStatement();
                ResultSet results = statement.executeQuery(sql);
                return new ResultsOnly(results);
              }

              StatementClosing mapped(Connection conn, String sql) throws SQLException {
                Statement statement = conn.createStatement();
                try {
                  final ResultSet results = statement.executeQuery(sql);
                  return new StatementClosing(
                      results,
                      new java.util.function.Supplier<String>() {
                        @Override
                        public String get() {
                          return String.valueOf(results);
                        }
                      });
                } catch (SQLException e) {
                  statement.close();
                  throw e;
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * A dynamic proxy is its handler: the connection a handler holds leaves with the proxy that
   * {@code Proxy.newProxyInstance} makes of it, when the method returns that proxy (PgJDBC's XA
   * connection). A proxy used and dropped closes nothing.
   */
  @Test
  void aProxyReturnedTakesWhatItsHandlerHolds() {
    helper
        .addSourceLines(
            "XaConnection.java",
            """
            import java.lang.reflect.InvocationHandler;
            import java.lang.reflect.Method;
            import java.lang.reflect.Proxy;
            import java.sql.Connection;
            import java.sql.SQLException;
            import javax.sql.DataSource;

            class XaConnection {
              private final DataSource ds;

              XaConnection(DataSource ds) {
                this.ds = ds;
              }

              private static class Handler implements InvocationHandler {
                private final Connection con;

                Handler(Connection con) {
                  this.con = con;
                }

                @Override
                public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
                  return method.invoke(con, args);
                }
              }

              Connection handle() throws SQLException {
                Connection conn = ds.getConnection();
                Handler handler = new Handler(conn);
                return (Connection)
                    Proxy.newProxyInstance(
                        getClass().getClassLoader(), new Class<?>[] {Connection.class}, handler);
              }

              boolean probe() throws SQLException {
                // BUG: Diagnostic contains: Connection `conn` acquired at line 38 is never closed
                Connection conn = ds.getConnection();
                Connection proxy =
                    (Connection)
                        Proxy.newProxyInstance(
                            getClass().getClassLoader(),
                            new Class<?>[] {Connection.class},
                            new Handler(conn));
                return proxy.isValid(1);
              }
            }
            """)
        .doTest();
  }

  /**
   * An object lent a new statement (an event its listeners may look at) hands it back through its
   * getter: {@code stmt = event.getPreparedStatement()} is the same statement, and returning it
   * hands it on (uroborosql's {@code LocalTransactionContext}). A getter of something else the
   * object holds is not it: the statement overwritten by that is lost.
   */
  @Test
  void anObjectLentAResourceHandsItBackThroughItsGetter() {
    helper
        .addSourceLines(
            "Event.java",
            """
            import java.sql.Connection;
            import java.sql.PreparedStatement;

            public class Event {
              private final Connection connection;
              private final PreparedStatement statement;
              private final PreparedStatement audit;

              public Event(Connection connection, PreparedStatement statement, PreparedStatement audit) {
                this.connection = connection;
                this.statement = statement;
                this.audit = audit;
              }

              public PreparedStatement getPreparedStatement() {
                return statement;
              }

              public PreparedStatement getAudit() {
                return audit;
              }
            }
            """)
        .addSourceLines(
            "Tx.java",
            """
            import java.sql.Connection;
            import java.sql.PreparedStatement;
            import java.sql.SQLException;
            import java.util.List;
            import java.util.function.Consumer;

            class Tx {
              private Connection conn;
              private PreparedStatement audit;
              private List<Consumer<Event>> listeners;

              PreparedStatement prepare(String sql) throws SQLException {
                PreparedStatement stmt = conn.prepareStatement(sql);
                if (!listeners.isEmpty()) {
                  Event event = new Event(conn, stmt, audit);
                  listeners.forEach(listener -> listener.accept(event));
                  stmt = event.getPreparedStatement();
                }
                return stmt;
              }

              PreparedStatement audited(String sql) throws SQLException {
                // BUG: Diagnostic contains: PreparedStatement `stmt` acquired at line 24 is never closed
                PreparedStatement stmt = conn.prepareStatement(sql);
                Event event = new Event(conn, stmt, audit);
                stmt = event.getAudit();
                return stmt;
              }
            }
            """)
        .doTest();
  }

  /**
   * A method reference bound to a resource ({@code xa::close}) holds that resource: a helper of the
   * class that keeps the reference in a field's collection, to run when the object closes, keeps
   * the resource (Karaf's JDBC connector registers its XA connection so, and every other resource
   * it opens with the same {@code register}, all closed in its {@code close()}). A reference kept
   * nowhere holds it for nobody.
   */
  @Test
  void aMethodReferenceBoundToAResourceKeptByTheObjectKeepsTheResource() {
    helper
        .addSourceLines(
            "Connector.java",
            """
            import java.sql.Connection;
            import java.sql.SQLException;
            import java.util.ArrayDeque;
            import java.util.Deque;
            import javax.sql.XAConnection;
            import javax.sql.XADataSource;

            class Connector implements AutoCloseable {
              private final Deque<AutoCloseable> resources = new ArrayDeque<>();

              Connection connect(XADataSource ds) throws SQLException {
                return register(ds.getXAConnection()).getConnection();
              }

              Connection connectAndForget(XADataSource ds) throws SQLException {
                // BUG: Diagnostic contains: XAConnection returned by getXAConnection() at line 17 is never stored
                return forget(ds.getXAConnection()).getConnection();
              }

              private XAConnection register(XAConnection xa) {
                resources.push(xa::close);
                return xa;
              }

              private XAConnection forget(XAConnection xa) {
                Runnable unused = () -> {};
                return xa;
              }

              @Override
              public void close() throws Exception {
                for (AutoCloseable resource : resources) {
                  resource.close();
                }
              }
            }
            """)
        .doTest();
  }
}
