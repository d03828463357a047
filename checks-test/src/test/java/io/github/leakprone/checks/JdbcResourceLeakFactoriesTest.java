package io.github.leakprone.checks;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * Acquisitions the catalog does not list by name: the JDK's and Spring's other ways to get a
 * connection, and a project's own factory methods, known by their return type and a name that says
 * they make something; but not a getter of a resource another object holds.
 */
final class JdbcResourceLeakFactoriesTest {

  private static final String DB =
      """
      package com.acme;

      import java.sql.CallableStatement;
      import java.sql.Connection;
      import java.sql.PreparedStatement;
      import java.sql.SQLException;

      public class Db {
        public static Connection getConnection() throws SQLException {
          return java.sql.DriverManager.getConnection("jdbc:acme");
        }

        public static PreparedStatement prepare(Connection conn, String sql) throws SQLException {
          return conn.prepareStatement(sql);
        }

        public static CallableStatement prepareCall(Connection conn, String sql)
            throws SQLException {
          return conn.prepareCall(sql);
        }

        protected Connection openConnection() throws SQLException {
          return getConnection();
        }

        /** The connection this object holds, out of sight: a getter as often as a factory. */
        protected Connection getSharedConnection() {
          return null;
        }

        /** Marks the object in use and returns it, as a fluent method does. */
        public Db openDb() {
          return this;
        }
      }
      """;

  private static final String SESSION =
      """
      package com.acme;

      import java.sql.Connection;

      public interface Session {
        /** The session's own connection: the session closes it. */
        Connection getConnection();
      }
      """;

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(JdbcResourceLeak.class, getClass());

  /**
   * A driver's {@code connect} and a pooled connection's handle are connections the method must
   * close; a connection that is also a pooled connection, cast to ask for the one under it ({@code
   * ((PooledConnection) connection).getConnection()}, jdbacl's proxy that implements both), hands
   * back what the caller already holds.
   */
  @Test
  void otherWaysToGetAConnection() {
    helper
        .addSourceLines(
            "Dao.java",
            """
            import java.sql.Connection;
            import java.sql.Driver;
            import java.sql.SQLException;
            import java.util.Properties;
            import javax.sql.PooledConnection;

            class Dao {
              void driver(Driver driver, Properties info) throws SQLException {
                // BUG: Diagnostic contains: Connection `conn` acquired at line 10 is never closed
                Connection conn = driver.connect("jdbc:acme", info);
                conn.setAutoCommit(false);
              }

              void pooled(PooledConnection pooled) throws SQLException {
                // BUG: Diagnostic contains: Connection `handle` acquired at line 16 is never closed
                Connection handle = pooled.getConnection();
                handle.setAutoCommit(false);
              }

              void closed(Driver driver, Properties info) throws SQLException {
                try (Connection conn = driver.connect("jdbc:acme", info)) {
                  conn.setAutoCommit(false);
                }
              }

              void unwrapped(Connection connection) throws SQLException {
                if (connection instanceof PooledConnection) {
                  connection = ((PooledConnection) connection).getConnection();
                }
                connection.setAutoCommit(false);
              }
            }
            """)
        .doTest();
  }

  /**
   * A pool's physical connection ({@code ConnectionPoolDataSource.getPooledConnection()}, {@code
   * XADataSource.getXAConnection()}) is a resource of its own: closing the handle its {@code
   * getConnection()} hands out only tells the pool's listeners it is free, and the physical
   * connection stays open (Quartz's JNDI provider, requery's and Jodd's providers). A pool that
   * keeps it, a wrapper that takes it, a listener that hears when its handle closes (JDBC's pooling
   * protocol: commons-dbcp2's XA factory closes it there) and a {@code finally} that closes it are
   * no finding.
   */
  @Test
  void aPoolsPhysicalConnectionIsNotClosedByItsHandle() {
    helper
        .addSourceLines(
            "Provider.java",
            """
            import java.sql.Connection;
            import java.sql.SQLException;
            import java.util.ArrayDeque;
            import java.util.Deque;
            import javax.sql.ConnectionEventListener;
            import javax.sql.ConnectionPoolDataSource;
            import javax.sql.PooledConnection;
            import javax.sql.XAConnection;
            import javax.sql.XADataSource;

            class Provider {
              private final Deque<PooledConnection> available = new ArrayDeque<>();

              Connection xa(XADataSource ds) throws SQLException {
                // BUG: Diagnostic contains: XAConnection returned by getXAConnection() at line 16 is never stored, so nothing closes it (closing the Connection its getConnection() hands out does not close it); close it in a finally block
                return ds.getXAConnection().getConnection();
              }

              Connection pooled(ConnectionPoolDataSource ds) throws SQLException {
                // BUG: Diagnostic contains: PooledConnection `physical` acquired at line 21 is never closed (closing the Connection its getConnection() hands out does not close it)
                PooledConnection physical = ds.getPooledConnection();
                return physical.getConnection();
              }

              void fill(ConnectionPoolDataSource ds) throws SQLException {
                available.push(ds.getPooledConnection());
              }

              Logged wrapped(XADataSource ds) throws SQLException {
                return new Logged(ds.getXAConnection());
              }

              Connection listened(XADataSource ds, ConnectionEventListener listener)
                  throws SQLException {
                XAConnection xa = ds.getXAConnection();
                xa.addConnectionEventListener(listener);
                return xa.getConnection();
              }

              String probe(XADataSource ds) throws SQLException {
                XAConnection xa = ds.getXAConnection();
                try (Connection handle = xa.getConnection()) {
                  return handle.getCatalog();
                } finally {
                  xa.close();
                }
              }

              static final class Logged implements AutoCloseable {
                final XAConnection delegate;

                Logged(XAConnection delegate) {
                  this.delegate = delegate;
                }

                @Override
                public void close() throws SQLException {
                  delegate.close();
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * The other way round: closing a pool's physical connection closes the handle it gave out
   * ("Closes the physical connection that this PooledConnection object represents", its Javadoc),
   * as closing a connection {@code DriverManager} made closes its statements. BeeCP's JTA data
   * source closes the {@code XAConnection} in its handler when enlisting fails, and the handle goes
   * with it (a holdout round's finding). A physical connection the method was given is not its own
   * to end, and its handle is still reported.
   */
  @Test
  void closingAPoolsPhysicalConnectionClosesTheHandleItGaveOut() {
    helper
        .addSourceLines(
            "Enlist.java",
            """
            import java.sql.Connection;
            import java.sql.SQLException;
            import javax.sql.XAConnection;
            import javax.sql.XADataSource;

            class Enlist {
              void commitOnce(XADataSource ds) throws SQLException {
                XAConnection xa = ds.getXAConnection();
                try {
                  Connection handle = xa.getConnection();
                  handle.setAutoCommit(false);
                  handle.commit();
                } finally {
                  xa.close();
                }
              }

              void commitOnGiven(XAConnection xa) throws SQLException {
                // BUG: Diagnostic contains: Connection `handle` acquired at line 20 is never closed
                Connection handle = xa.getConnection();
                handle.commit();
                xa.close();
              }
            }
            """)
        .doTest();
  }

  /**
   * A project's factory of pool's physical connections ({@code create()} declared to return an
   * {@code XAConnection}) makes one, as {@code XADataSource.getXAConnection()} does: a pool that
   * keeps only the handle and the {@code XAResource} of the one it made never closes it (BeeCP's XA
   * mode, a holdout round's miss). One kept in a field is the object's.
   */
  @Test
  void aProjectsFactoryOfPhysicalConnectionsAcquires() {
    helper
        .addSourceLines(
            "Filler.java",
            """
            import java.sql.Connection;
            import java.sql.SQLException;
            import javax.sql.XAConnection;
            import javax.transaction.xa.XAResource;

            class Filler {
              interface XaFactory {
                XAConnection create() throws SQLException;
              }

              private final XaFactory factory;
              private Connection raw;
              private XAResource resource;
              private XAConnection physical;

              Filler(XaFactory factory) {
                this.factory = factory;
              }

              void fill() throws SQLException {
                // BUG: Diagnostic contains: XAConnection `xa` acquired at line 22 is never closed
                XAConnection xa = factory.create();
                raw = xa.getConnection();
                resource = xa.getXAResource();
              }

              void fillKeepingIt() throws SQLException {
                physical = factory.create();
                raw = physical.getConnection();
              }

              void close() throws SQLException {
                raw.close();
                physical.close();
              }
            }
            """)
        .doTest();
  }

  @Test
  void aProjectsFactoryMethodsAcquire() {
    helper
        .addSourceLines("com/acme/Db.java", DB)
        .addSourceLines("com/acme/Session.java", SESSION)
        .addSourceLines(
            "Dao.java",
            """
            import com.acme.Db;
            import com.acme.Session;
            import java.sql.Connection;
            import java.sql.PreparedStatement;
            import java.sql.ResultSet;
            import java.sql.SQLException;

            class Dao extends Db {
              void utility(String sql) throws SQLException {
                // BUG: Diagnostic contains: Connection `conn` acquired at line 11 is never closed
                Connection conn = Db.getConnection();
                conn.setAutoCommit(false);
              }

              int anonymous(Connection conn, String sql) throws SQLException {
                // BUG: Diagnostic contains: CallableStatement returned by prepareCall() at line 17 is never stored
                ResultSet rs = Db.prepareCall(conn, sql).executeQuery();
                return rs.getInt(1);
              }

              void inherited(String sql) throws SQLException {
                // BUG: Diagnostic contains: Connection `conn` acquired at line 23 is never closed
                Connection conn = openConnection();
                conn.setAutoCommit(false);
              }

              void closedInFinally(String sql) throws SQLException {
                Connection conn = Db.getConnection();
                try (PreparedStatement ps = Db.prepare(conn, sql)) {
                  ps.execute();
                } finally {
                  conn.close();
                }
              }

              void sessionsConnection(Session session) throws SQLException {
                Connection conn = session.getConnection();
                conn.setAutoCommit(false);
              }

              void statementsConnection(PreparedStatement ps) throws SQLException {
                Connection conn = ps.getConnection();
                conn.setAutoCommit(false);
              }

              void inheritedGetterOutOfSight() throws SQLException {
                Connection conn = getSharedConnection();
                conn.setAutoCommit(false);
              }
            }
            """)
        .doTest();
  }

  /**
   * A project's {@code get*Connection()} on another object hands out a connection to be given back
   * where that object's class has a method to take one back ({@code releaseConnection(Connection)}:
   * Infinispan's {@code ConnectionFactory}, Hibernate's {@code ConnectionProvider}), whether the
   * method is abstract or not; a session's getter, whose class takes nothing back, lends its own.
   */
  @Test
  void aGetterWhoseClassTakesConnectionsBackHandsOneOut() {
    helper
        .addSourceLines(
            "com/acme/ConnectionFactory.java",
            """
            package com.acme;

            import java.sql.Connection;

            public abstract class ConnectionFactory {
              public abstract Connection getConnection();

              public abstract void releaseConnection(Connection connection);
            }
            """)
        .addSourceLines("com/acme/Session.java", SESSION)
        .addSourceLines(
            "Dialects.java",
            """
            import com.acme.ConnectionFactory;
            import com.acme.Session;
            import java.sql.Connection;
            import java.sql.SQLException;

            class Dialects {
              private ConnectionFactory connectionFactory;

              String driverName() throws SQLException {
                // BUG: Diagnostic contains: [JdbcResourceLeak] Connection returned by getConnection() at line 11 is never stored
                return connectionFactory.getConnection().getMetaData().getDriverName();
              }

              String productName() throws SQLException {
                // BUG: Diagnostic contains: [JdbcResourceLeak] Connection `connection` acquired at line 16 is not closed when
                Connection connection = connectionFactory.getConnection();
                String name = connection.getMetaData().getDatabaseProductName();
                connectionFactory.releaseConnection(connection);
                return name;
              }

              String givenBack() throws SQLException {
                Connection connection = connectionFactory.getConnection();
                try {
                  return connection.getMetaData().getDatabaseProductName();
                } finally {
                  connectionFactory.releaseConnection(connection);
                }
              }

              String sessions(Session session) throws SQLException {
                return session.getConnection().getMetaData().getDatabaseProductName();
              }
            }
            """)
        .doTest();
  }

  /** {@code obtain*} and {@code acquire*} say so too: a pool's way to get a fresh connection. */
  @Test
  void obtainAndAcquireAreFactoryNames() {
    helper
        .addSourceLines(
            "com/acme/Pool.java",
            """
            package com.acme;

            import java.sql.Connection;
            import java.sql.SQLException;

            public abstract class Pool {
              public abstract Connection obtainRawConnection() throws SQLException;

              public abstract Connection acquireConnection() throws SQLException;
            }
            """)
        .addSourceLines(
            "Handle.java",
            """
            import com.acme.Pool;
            import java.sql.Connection;
            import java.sql.SQLException;

            class Handle {
              void raw(Pool pool) throws SQLException {
                // BUG: Diagnostic contains: Connection `conn` acquired at line 8 is never closed
                Connection conn = pool.obtainRawConnection();
                conn.setAutoCommit(false);
              }

              void pooled(Pool pool) throws SQLException {
                // BUG: Diagnostic contains: Connection `conn` acquired at line 14 is never closed
                Connection conn = pool.acquireConnection();
                conn.setAutoCommit(false);
              }
            }
            """)
        .doTest();
  }

  /**
   * A factory that keeps what it makes in a field, through a local it then returns, hands out its
   * object's cache (PgJDBC's TypeInfoCache, a statement prepared once per connection). One that
   * returns what it made without keeping it makes one.
   */
  @Test
  void aFactoryThatKeepsWhatItMakesInAFieldHandsOutItsCache() {
    helper
        .addSourceLines(
            "TypeInfo.java",
            """
            import java.sql.Connection;
            import java.sql.PreparedStatement;
            import java.sql.SQLException;

            class TypeInfo {
              private final Connection conn;
              private PreparedStatement byName;
              private PreparedStatement typeByOid;

              TypeInfo(Connection conn) {
                this.conn = conn;
              }

              void lookUp(String name) throws SQLException {
                PreparedStatement statement = prepareByName();
                statement.setString(1, name);
                statement.executeQuery().close();
              }

              void lookUpType(int oid) throws SQLException {
                PreparedStatement statement = prepareTypeByOid();
                statement.setInt(1, oid);
                statement.executeQuery().close();
              }

              void lookUpOnce(String name) throws SQLException {
                // BUG: Diagnostic contains: PreparedStatement `statement` acquired at line 28 is never closed
                PreparedStatement statement = prepareByOid();
                statement.setString(1, name);
              }

              private PreparedStatement prepareByName() throws SQLException {
                PreparedStatement statement = this.byName;
                if (statement == null) {
                  statement = conn.prepareStatement("select oid from pg_type where typname = ?");
                  this.byName = statement;
                }
                return statement;
              }

              private PreparedStatement prepareTypeByOid() throws SQLException {
                PreparedStatement statement = this.typeByOid;
                if (statement == null) {
                  this.typeByOid = statement = conn.prepareStatement("select typname where oid = ?");
                }
                return statement;
              }

              private PreparedStatement prepareByOid() throws SQLException {
                PreparedStatement statement = conn.prepareStatement("select 1 where ? is null");
                return statement;
              }
            }
            """)
        .doTest();
  }

  /**
   * A factory-named method whose body the file holds acquires only if that body makes something.
   */
  @Test
  void aVisibleBodyDecidesWhetherItMakesOne() {
    helper
        .addSourceLines(
            "Dao.java",
            """
            import java.lang.reflect.Proxy;
            import java.sql.Connection;
            import java.sql.SQLException;
            import javax.sql.DataSource;

            class Dao {
              private final DataSource ds;
              private Connection connection;

              Dao(DataSource ds) {
                this.ds = ds;
              }

              void fresh() throws SQLException {
                // BUG: Diagnostic contains: Connection `conn` acquired at line 16 is never closed
                Connection conn = openConnection();
                conn.setAutoCommit(false);
              }

              void configured() throws SQLException {
                // BUG: Diagnostic contains: Connection `conn` acquired at line 22 is never closed
                Connection conn = getPooledConnection();
                conn.setReadOnly(true);
              }

              void held() throws SQLException {
                Connection conn = getConnection();
                conn.setAutoCommit(false);
              }

              void wrapped(Connection target) throws SQLException {
                Connection conn = createCloseSuppressingProxy(target);
                conn.setAutoCommit(false);
              }

              private Connection openConnection() throws SQLException {
                return ds.getConnection();
              }

              private Connection getPooledConnection() throws SQLException {
                // BUG: Diagnostic contains: is not closed when `conn.setAutoCommit(...)` at line 43 throws
                Connection conn = ds.getConnection();
                conn.setAutoCommit(false);
                return conn;
              }

              private Connection getConnection() {
                return connection;
              }

              private Connection createCloseSuppressingProxy(Connection target) {
                return (Connection)
                    Proxy.newProxyInstance(
                        getClass().getClassLoader(),
                        new Class<?>[] {Connection.class},
                        (proxy, method, args) -> method.invoke(target, args));
              }
            }
            """)
        .doTest();
  }

  /**
   * A helper that returns one of two values makes a new resource if either is one, as a helper with
   * two returns does: fluentjdbc's {@code return generated ? con.prepareStatement(sql, keys) :
   * con.prepareStatement(sql)}, whose caller loses the statement when binding its parameters fails.
   * One that chooses between two statements its object holds makes none.
   */
  @Test
  void aHelperThatReturnsEitherOfTwoNewOnesMakesOne() {
    helper
        .addSourceLines(
            "Queries.java",
            """
            import java.sql.Connection;
            import java.sql.PreparedStatement;
            import java.sql.SQLException;
            import java.sql.Statement;

            class Queries {
              private PreparedStatement insert;
              private PreparedStatement update;

              PreparedStatement create(Connection con, String sql, boolean keys, Object value)
                  throws SQLException {
                // BUG: Diagnostic contains: acquired at line 13 is not closed when `bind(...)` at line 14 throws
                PreparedStatement statement = prepare(con, sql, keys);
                bind(statement, value);
                return statement;
              }

              void held(boolean inserting, Object value) throws SQLException {
                PreparedStatement statement = inserting ? insert : update;
                bind(statement, value);
                statement.executeUpdate();
              }

              private void bind(PreparedStatement statement, Object value) throws SQLException {
                statement.setObject(1, value);
              }

              private PreparedStatement prepare(Connection con, String sql, boolean keys)
                  throws SQLException {
                return keys
                    ? con.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)
                    : con.prepareStatement(sql);
              }

              private PreparedStatement chosen(boolean inserting) {
                return inserting ? insert : update;
              }

              void chosenHeld(boolean inserting, Object value) throws SQLException {
                PreparedStatement statement = chosen(inserting);
                bind(statement, value);
                statement.executeUpdate();
              }
            }
            """)
        .doTest();
  }

  /**
   * A statement a helper makes of a connection ({@code prepare(conn, sql)}) is the connection's
   * child, not a wrapper of it: closing the statement, in the method or in a helper given the
   * connection, leaves the connection open. The connection is reported as never closed, not as lost
   * only when the helper throws. A proxy over the connection, of its type, still holds it.
   */
  @Test
  void aStatementMadeOfAConnectionByAHelperDoesNotHoldIt() {
    helper
        .addSourceLines(
            "Orders.java",
            """
            import java.sql.Connection;
            import java.sql.PreparedStatement;
            import java.sql.SQLException;
            import javax.sql.DataSource;

            class Orders {
              private DataSource ds;

              void purge() throws SQLException {
                // BUG: Diagnostic contains: Connection `conn` acquired at line 11 is never closed
                Connection conn = ds.getConnection();
                PreparedStatement statement = prepare(conn, "delete from orders");
                try {
                  statement.executeUpdate();
                } finally {
                  statement.close();
                }
              }

              void archive() throws SQLException {
                // BUG: Diagnostic contains: Connection `conn` acquired at line 22 is never closed
                Connection conn = ds.getConnection();
                run(conn, "insert into archive select * from orders");
              }

              void proxied() throws SQLException {
                Connection conn = ds.getConnection();
                Connection logged = logging(conn);
                logged.close();
              }

              private void run(Connection conn, String sql) throws SQLException {
                PreparedStatement statement = prepare(conn, sql);
                try {
                  statement.execute();
                } finally {
                  statement.close();
                }
              }

              private static PreparedStatement prepare(Connection conn, String sql)
                  throws SQLException {
                return conn.prepareStatement(sql);
              }

              private static Connection logging(Connection conn) {
                return (Connection)
                    java.lang.reflect.Proxy.newProxyInstance(
                        Orders.class.getClassLoader(),
                        new Class<?>[] {Connection.class},
                        (proxy, method, args) -> method.invoke(conn, args));
              }
            }
            """)
        .doTest();
  }

  /**
   * A factory-named method of another file whose body, in sight, makes nothing new and returns only
   * what can be read back to its source is judged by that body: Proxool's {@code
   * ProxyFactory.getWrappedConnection(proxyConnection)} returns a proxy built over the connection
   * its caller already holds ({@code (Connection) getProxy(...)}, of type {@code Object}), and a
   * statement's {@code getConnection()} that returns it makes nothing either. A body that returns a
   * local, a proxy over what a pool out of sight hands out, or what another method in sight returns
   * from a data source (Torque's {@code getInstance().getConnection(name)}, which declares an
   * exception of its own) keeps the name trusted.
   */
  @Test
  void anotherFilesFactoryReadToItsSourcesMakesNone() {
    helper
        .addSourceLines(
            "Proxies.java",
            """
            import java.sql.Connection;
            import java.sql.SQLException;

            public class Proxies {
              public static class Pooled {
                private Connection connection;
                private Object definition;

                public Connection getConnection() {
                  return connection;
                }

                Object definition() {
                  return definition;
                }
              }

              public interface Pool {
                Connection take() throws SQLException;
              }

              static Object getProxy(Object delegate, Object callback) {
                return delegate;
              }

              public static Connection getWrappedConnection(Pooled pooled) {
                return (Connection) getProxy(pooled.getConnection(), pooled.definition());
              }

              public static Connection getPooledConnection(Pool pool) throws SQLException {
                Connection taken = pool.take();
                return taken;
              }

              /** Torque's: the instance it asks, in sight, returns a data source's connection. */
              public static class Instance {
                private javax.sql.DataSource dataSource;

                public Connection getConnection(String name) throws DbException {
                  try {
                    return dataSource.getConnection();
                  } catch (SQLException e) {
                    throw new DbException(e);
                  }
                }
              }

              public static class DbException extends Exception {
                DbException(Throwable cause) {
                  super(cause);
                }
              }

              public static Connection getNamedConnection(Instance instance, String name)
                  throws DbException {
                return instance.getConnection(name);
              }

              public static Connection getProxiedConnection(Pool pool) throws SQLException {
                return (Connection) getProxy(pool.take(), new Object[] {"pooled", null});
              }

              public abstract static class ProxyStatement {
                protected Pooled pooled;

                protected Connection getConnection() {
                  return getWrappedConnection(pooled);
                }
              }
            }
            """)
        .addSourceLines(
            "Invoker.java",
            """
            import java.sql.Connection;
            import java.sql.SQLException;

            class Invoker extends Proxies.ProxyStatement {
              Object invoke(String name, Proxies.Pooled pooled) throws SQLException {
                Object result = null;
                if (name.equals("getMetaData")) {
                  Connection connection = Proxies.getWrappedConnection(pooled);
                  result = describe(connection);
                } else if (name.equals("getConnection")) {
                  result = getConnection();
                }
                check(name);
                return result;
              }

              boolean up(Proxies.Pool pool) throws SQLException {
                // BUG: Diagnostic contains: never stored
                return Proxies.getPooledConnection(pool) != null;
              }

              boolean proxied(Proxies.Pool pool) throws SQLException {
                // BUG: Diagnostic contains: never stored
                return Proxies.getProxiedConnection(pool) != null;
              }

              boolean delegated(Proxies.Instance instance) throws Proxies.DbException {
                // BUG: Diagnostic contains: never stored
                return Proxies.getNamedConnection(instance, "main") != null;
              }

              static Object describe(Connection connection) {
                return connection.toString();
              }

              static void check(String name) throws SQLException {
                if (name.isEmpty()) {
                  throw new SQLException("no method");
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * A factory-named method of another file is trusted by its name, unless its body, in sight, only
   * hands out what a field holds: the connection a transaction bound to the thread (SqlToy's {@code
   * DBTransUtils.getCurrentConnection()}) or one a map keeps by name is the holder's.
   */
  @Test
  void anotherFilesGetterOfWhatAFieldHoldsMakesNone() {
    helper
        .addSourceLines(
            "Tx.java",
            """
            import java.sql.Connection;
            import java.sql.SQLException;
            import java.util.Map;
            import java.util.concurrent.ConcurrentHashMap;
            import javax.sql.DataSource;

            public class Tx {
              private static final ThreadLocal<Connection> CURRENT = new ThreadLocal<>();
              private static final Map<String, Connection> BY_NAME = new ConcurrentHashMap<>();
              static DataSource ds;

              public static Connection getCurrentConnection() {
                return CURRENT.get();
              }

              public static Connection getNamedConnection(String name) {
                return BY_NAME.get(name);
              }

              public static Connection getFreshConnection() throws SQLException {
                return ds.getConnection();
              }
            }
            """)
        .addSourceLines(
            "Release.java",
            """
            import java.sql.Connection;
            import java.sql.SQLException;

            class Release {
              void release(Connection conn) throws SQLException {
                if (Tx.getCurrentConnection() != null || Tx.getNamedConnection("main") != null) {
                  return;
                }
                conn.close();
              }

              boolean up() throws SQLException {
                // BUG: Diagnostic contains: never stored
                return Tx.getFreshConnection() != null;
              }
            }
            """)
        .doTest();
  }

  /**
   * A factory-named method of another file whose body, in sight, returns what a statement its
   * object keeps makes of itself (Castor's statement wrapper: {@code executeQuery()} is {@code
   * return _statement.executeQuery()}, and its {@code close()} closes that statement) hands out a
   * result set that goes with the object's statement. One that runs a statement it makes anew hands
   * out a result set whose statement nothing closes.
   */
  @Test
  void anotherFilesWrapperHandsOutTheResultOfTheStatementItKeeps() {
    helper
        .addSourceLines(
            "WrappedStatement.java",
            """
            import java.sql.Connection;
            import java.sql.PreparedStatement;
            import java.sql.ResultSet;
            import java.sql.SQLException;

            public class WrappedStatement {
              private final Connection connection;
              private PreparedStatement statement;

              public WrappedStatement(Connection connection) {
                this.connection = connection;
              }

              public void prepare(String sql) throws SQLException {
                statement = connection.prepareStatement(sql);
              }

              public ResultSet executeQuery() throws SQLException {
                if (statement == null) {
                  throw new SQLException("not prepared");
                }
                return statement.executeQuery();
              }

              public ResultSet executeAnew(String sql) throws SQLException {
                // BUG: Diagnostic contains: Statement returned by createStatement() at line 27 is never stored
                return connection.createStatement().executeQuery(sql);
              }

              public void close() throws SQLException {
                if (statement != null) {
                  statement.close();
                  statement = null;
                }
              }
            }
            """)
        .addSourceLines(
            "DuplicateCheck.java",
            """
            import java.sql.Connection;
            import java.sql.ResultSet;
            import java.sql.SQLException;

            class DuplicateCheck {
              boolean exists(Connection conn, String sql) throws SQLException {
                WrappedStatement stmt = new WrappedStatement(conn);
                try {
                  stmt.prepare(sql);
                  ResultSet resultSet = stmt.executeQuery();
                  return resultSet.next();
                } finally {
                  stmt.close();
                }
              }

              boolean existsAnew(Connection conn, String sql) throws SQLException {
                WrappedStatement stmt = new WrappedStatement(conn);
                try {
                  // BUG: Diagnostic contains: ResultSet `resultSet` acquired at line 21 is never closed
                  ResultSet resultSet = stmt.executeAnew(sql);
                  return resultSet.next();
                } finally {
                  stmt.close();
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * A factory-named method of another file that returns what it has just stored in a field of its
   * object ({@code return (results = getStatement().getResultSet())}, extjwnl's {@code
   * Query.execute()}, whose {@code close()} closes that result set and its statement) hands out
   * what its object holds: a caller that drops it and closes the object loses nothing (three FALSE
   * "never stored" findings of the hundred-and-fourteenth holdout round). One that returns a result
   * set it keeps nowhere hands out a new one.
   */
  @Test
  void aMethodReturningWhatItStoresInAFieldHandsOutItsObjectsOwn() {
    helper
        .addSourceLines(
            "Query.java",
            """
            import java.sql.Connection;
            import java.sql.PreparedStatement;
            import java.sql.ResultSet;
            import java.sql.SQLException;

            public class Query {
              private final Connection connection;
              private final String sql;
              private PreparedStatement statement;
              private ResultSet results;

              public Query(Connection connection, String sql) {
                this.connection = connection;
                this.sql = sql;
              }

              public PreparedStatement getStatement() throws SQLException {
                if (statement == null) {
                  statement = connection.prepareStatement(sql);
                }
                return statement;
              }

              public ResultSet execute() throws SQLException {
                return (results = getStatement().execute() ? getStatement().getResultSet() : null);
              }

              public ResultSet executeLoose() throws SQLException {
                return getStatement().executeQuery();
              }

              public ResultSet getResults() {
                return results;
              }

              public void close() throws SQLException {
                if (results != null) {
                  results.close();
                }
                if (statement != null) {
                  statement.close();
                }
              }
            }
            """)
        .addSourceLines(
            "Dictionary.java",
            """
            import java.sql.Connection;
            import java.sql.ResultSet;
            import java.sql.SQLException;

            class Dictionary {
              int count(Connection conn) throws SQLException {
                Query query = new Query(conn, "SELECT COUNT(*) FROM word");
                try {
                  query.execute();
                  ResultSet rs = query.getResults();
                  rs.next();
                  return rs.getInt(1);
                } finally {
                  query.close();
                }
              }

              boolean any(Connection conn) throws SQLException {
                Query query = new Query(conn, "SELECT 1 FROM word");
                try {
                  // BUG: Diagnostic contains: ResultSet returned by executeLoose() at line 22 is never stored
                  query.executeLoose();
                  return true;
                } finally {
                  query.close();
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * A getter that makes its connection on first use and keeps it in a field (log4j's JDBCAppender)
   * hands out what its object holds: the caller has nothing to close. One that makes it into a
   * local and returns that hands out a new one, assigned or declared.
   */
  @Test
  void aGetterThatKeepsWhatItMakesInAFieldHandsOutItsObjectsOwn() {
    helper
        .addSourceLines(
            "Appender.java",
            """
            import java.sql.Connection;
            import java.sql.DriverManager;
            import java.sql.SQLException;
            import java.sql.Statement;

            class Appender {
              private Connection connection;

              void execute(String sql) throws SQLException {
                Connection con = null;
                Statement stmt = null;
                try {
                  con = getConnection();
                  stmt = con.createStatement();
                  stmt.executeUpdate(sql);
                } finally {
                  if (stmt != null) {
                    stmt.close();
                  }
                  closeConnection(con);
                }
              }

              void fresh() throws SQLException {
                // BUG: Diagnostic contains: Connection `con` acquired at line 26 is never closed
                Connection con = getNewConnection();
                con.setAutoCommit(false);
              }

              protected void closeConnection(Connection con) {}

              protected Connection getConnection() throws SQLException {
                if (connection == null) {
                  connection = DriverManager.getConnection("jdbc:acme");
                }
                return connection;
              }

              protected Connection getNewConnection() throws SQLException {
                Connection made;
                made = DriverManager.getConnection("jdbc:acme");
                return made;
              }
            }
            """)
        .doTest();
  }

  /**
   * A method of the file declared to return a JDBC resource acquires whatever its name, where its
   * body returns a new one (JFinal's {@code getTablesResultSet()}, whose callers leave the result
   * set open when reading it fails); not where it returns what a field holds, nor out of the file,
   * where such a name says nothing.
   */
  @Test
  void aMethodOfTheFileDeclaredToReturnAResourceIsJudgedByItsBody() {
    helper
        .addSourceLines(
            "MetaBuilder.java",
            """
            import java.sql.Connection;
            import java.sql.DatabaseMetaData;
            import java.sql.ResultSet;
            import java.sql.SQLException;
            import java.util.List;

            class MetaBuilder {
              private DatabaseMetaData dbMeta;
              private ResultSet current;

              void tableNames(List<String> names) throws SQLException {
                // BUG: Diagnostic contains: ResultSet `rs` acquired at line 13 is not closed when `rs.next()` at line 14 throws
                ResultSet rs = tablesResultSet();
                while (rs.next()) {
                  String name = rs.getString("TABLE_NAME");
                  if (name.startsWith("tmp")) {
                    continue;
                  }
                  names.add(name);
                }
                rs.close();
              }

              void currentNames(List<String> names) throws SQLException {
                ResultSet rs = currentResultSet();
                names.add(rs.getString(1));
              }

              void sessionNames(com.acme.Session session, List<String> names) throws SQLException {
                Connection conn = session.connectionOfSession();
                names.add(conn.getCatalog());
              }

              protected ResultSet tablesResultSet() throws SQLException {
                return dbMeta.getTables(null, null, null, new String[] {"TABLE"});
              }

              private ResultSet currentResultSet() {
                return current;
              }
            }
            """)
        .addSourceLines(
            "Session.java",
            """
            package com.acme;

            import java.sql.Connection;

            public interface Session {
              Connection connectionOfSession();
            }
            """)
        .doTest();
  }

  /**
   * A utility's static method of any name declared to return a JDBC resource, in another file in
   * sight, is judged by its body: one that returns a new result set ({@code DbUtil.query(conn,
   * sql)}, which hands its statement to the result set with {@code closeOnCompletion()}, a release
   * of the statement that makes the call release nothing of its caller's) makes one its caller must
   * close; one that returns what a field holds makes none. Another object's method of that kind
   * stays unknown: its object may hold what it returns.
   */
  @Test
  void aUtilitysStaticMethodDeclaredToReturnAResourceIsJudgedByItsBody() {
    helper
        .addSourceLines(
            "DbUtil.java",
            """
            import java.sql.Connection;
            import java.sql.PreparedStatement;
            import java.sql.ResultSet;
            import java.sql.SQLException;

            public final class DbUtil {
              private static Connection shared;
              private ResultSet last;

              public static ResultSet query(Connection conn, String sql) throws SQLException {
                PreparedStatement ps = conn.prepareStatement(sql);
                ps.closeOnCompletion();
                return ps.executeQuery();
              }

              public static Connection sharedConnection() {
                return shared;
              }

              public ResultSet rerun(Connection conn, String sql) throws SQLException {
                PreparedStatement ps = conn.prepareStatement(sql);
                ps.closeOnCompletion();
                last = ps.executeQuery();
                return last;
              }
            }
            """)
        .addSourceLines(
            "Report.java",
            """
            import java.sql.ResultSet;
            import java.sql.SQLException;

            class Report {
              int count(java.sql.Connection conn) throws SQLException {
                // BUG: Diagnostic contains: ResultSet `rs` acquired at line 7 is never closed
                ResultSet rs = DbUtil.query(conn, "SELECT COUNT(*) FROM t");
                return rs.next() ? rs.getInt(1) : 0;
              }

              String catalog() throws SQLException {
                return DbUtil.sharedConnection().getCatalog();
              }

              boolean again(DbUtil util, java.sql.Connection conn) throws SQLException {
                ResultSet rs = util.rerun(conn, "SELECT 1");
                return rs.next();
              }
            }
            """)
        .doTest();
  }

  /**
   * A helper out of sight declared to return a result set, given one statement, returns that
   * statement's result set (SchemaCrawler's {@code executeSql(statement, sql)}, in a jar): a result
   * set comes from a statement, and a helper handed one has that one to run. It is the caller's
   * statement's child, nobody's where the statement is a parameter, and reported with the statement
   * where that is the caller's own and never closed. Given a connection, the helper makes its own
   * statement, and the result set is the caller's to close.
   */
  @Test
  void aHelperOutOfSightGivenAStatementReturnsThatStatementsResult() {
    helper
        .addSourceLines(
            "Reader.java",
            """
            import java.sql.Connection;
            import java.sql.ResultSet;
            import java.sql.SQLException;
            import java.sql.Statement;

            interface Queries {
              ResultSet executeSql(Statement statement, String sql) throws SQLException;

              ResultSet executeQuery(Connection connection, String sql) throws SQLException;
            }

            class Reader {
              boolean given(Queries queries, Statement statement) throws SQLException {
                ResultSet rs = queries.executeSql(statement, "select 1");
                return rs.next();
              }

              boolean own(Queries queries, Connection connection) throws SQLException {
                // BUG: Diagnostic contains: ResultSet `rs` acquired at line 20 is never closed
                ResultSet rs = queries.executeQuery(connection, "select 1");
                return rs.next();
              }

              boolean ownStatement(Queries queries, Connection connection) throws SQLException {
                // BUG: Diagnostic contains: Statement `statement` acquired at line 26 is never closed
                Statement statement = connection.createStatement();
                ResultSet rs = queries.executeSql(statement, "select 1");
                return rs.next();
              }
            }
            """)
        .doTest();
  }

  /**
   * A helper trusted by its name that takes a parameter of the very type it returns hands back what
   * it was given, unwrapped or wrapped (datasource-proxy's {@code
   * NativeJdbcExtractUtils.getConnection(con)}): not a new connection its caller must close. The
   * same name given a data source's name makes one, and so does one given a subtype (BoneCP's
   * {@code obtainInternalConnection(handle)}, the physical connection for a handle of its own).
   */
  @Test
  void aHelperGivenAConnectionHandsBackThatOne() {
    helper
        .addSourceLines(
            "Connections.java",
            """
            import java.sql.Connection;
            import java.sql.DriverManager;
            import java.sql.SQLException;

            interface Proxy {
              Object target();
            }

            interface ProxyConnection extends Connection, Proxy {}

            final class Connections {
              static Connection getConnection(Connection connection) {
                return nativeOf(connection);
              }

              static Connection getInternalConnection(ProxyConnection handle) throws SQLException {
                return DriverManager.getConnection("jdbc:h2:mem:" + handle.hashCode());
              }

              static Connection getConnection(String name) throws SQLException {
                return DriverManager.getConnection("jdbc:h2:mem:" + name);
              }

              @SuppressWarnings("unchecked")
              private static <T> T nativeOf(T object) {
                T found = object;
                while (found instanceof Proxy) {
                  found = (T) ((Proxy) found).target();
                }
                return found;
              }
            }
            """)
        .addSourceLines(
            "Extractor.java",
            """
            import java.sql.Connection;
            import java.sql.SQLException;

            class Extractor {
              boolean unwrapped(Connection con) throws SQLException {
                Connection target = Connections.getConnection(con);
                return target.isReadOnly();
              }

              boolean internal(ProxyConnection handle) throws SQLException {
                // BUG: Diagnostic contains: Connection `raw` acquired at line 12 is never closed
                Connection raw = Connections.getInternalConnection(handle);
                return raw.isReadOnly();
              }

              boolean named() throws SQLException {
                // BUG: Diagnostic contains: Connection `connection` acquired at line 18 is never closed
                Connection connection = Connections.getConnection("main");
                return connection.isReadOnly();
              }
            }
            """)
        .doTest();
  }

  /**
   * A helper in sight that hands back a child of a resource its caller gave it ({@code return
   * ps.executeQuery()}, {@code return st.getResultSet()}) is, to the caller, that call itself: the
   * result set of the caller's statement, released with it, and not the caller's at all where the
   * statement is not (a parameter: MirageSQL's {@code getResultSet(cs)} loop over a procedure's
   * results, which {@code getMoreResults()} closes one by one). Where the caller's statement is its
   * own and never closed, that is the finding; where it overwrites its statement in a loop
   * (OpenJPA's {@code PessimisticLockManager}), the statement is lost, as with the query made in
   * place.
   */
  @Test
  void aHelperThatHandsBackItsCallersStatementsResultIsThatStatementsChild() {
    helper
        .addSourceLines(
            "QueryUtil.java",
            """
            import java.sql.PreparedStatement;
            import java.sql.ResultSet;
            import java.sql.SQLException;
            import java.sql.Statement;

            public final class QueryUtil {
              public static ResultSet run(PreparedStatement ps) throws SQLException {
                ps.setFetchSize(100);
                return ps.executeQuery();
              }

              public static ResultSet current(Statement st) throws SQLException {
                ResultSet rs = st.getResultSet();
                return rs;
              }
            }
            """)
        .addSourceLines(
            "Dao.java",
            """
            import java.sql.CallableStatement;
            import java.sql.Connection;
            import java.sql.PreparedStatement;
            import java.sql.ResultSet;
            import java.sql.SQLException;
            import java.util.List;

            class Dao {
              int closesTheStatement(Connection conn) throws SQLException {
                try (PreparedStatement ps = conn.prepareStatement("SELECT 1")) {
                  ResultSet rs = QueryUtil.run(ps);
                  return rs.next() ? rs.getInt(1) : 0;
                }
              }

              int givenStatement(PreparedStatement ps) throws SQLException {
                ResultSet rs = QueryUtil.run(ps);
                return rs.next() ? rs.getInt(1) : 0;
              }

              void results(CallableStatement cs, List<Object> out) throws SQLException {
                for (int i = 0; i < 3; i++) {
                  ResultSet rs = QueryUtil.current(cs);
                  if (rs == null) {
                    break;
                  }
                  out.add(rs.getObject(1));
                  cs.getMoreResults();
                }
              }

              int leaksTheStatement(Connection conn) throws SQLException {
                // BUG: Diagnostic contains: PreparedStatement `ps` acquired at line 34 is never closed
                PreparedStatement ps = conn.prepareStatement("SELECT 1");
                ResultSet rs = QueryUtil.run(ps);
                return rs.next() ? 1 : 0;
              }

              int each(Connection conn, List<String> sqls) throws SQLException {
                PreparedStatement ps = null;
                ResultSet rs = null;
                int n = 0;
                try {
                  for (String sql : sqls) {
                    // BUG: Diagnostic contains: PreparedStatement `ps` acquired at line 46 is not closed before `ps` is overwritten at line 46
                    ps = conn.prepareStatement(sql);
                    rs = QueryUtil.run(ps);
                    n += rs.getInt(1);
                  }
                } finally {
                  if (ps != null) {
                    ps.close();
                  }
                  if (rs != null) {
                    rs.close();
                  }
                }
                return n;
              }
            }
            """)
        .doTest();
  }

  /**
   * A helper whose body makes a new connection under one value of a boolean parameter alone, and
   * hands out one a holder keeps under the other (Jackrabbit's {@code
   * ConnectionHelper.getConnection(inBatchMode)}), makes one only where the caller's flag has that
   * value: the caller's {@code if (inBatchMode) return ...} does not lose it, and a constant that
   * rules it out makes none. The constant that asks for a new one still does.
   */
  @Test
  void aHelperThatMakesAConnectionUnderOneValueOfItsFlagMakesItOnlyThere() {
    helper
        .addSourceLines(
            "Batch.java",
            """
            import java.sql.Connection;
            import java.sql.PreparedStatement;
            import java.sql.ResultSet;
            import java.sql.SQLException;
            import java.sql.Statement;
            import java.util.HashMap;
            import java.util.Map;
            import javax.sql.DataSource;

            class Batch {
              private final DataSource dataSource;
              private final Map<Object, Connection> batchConnections = new HashMap<>();
              private boolean batch;

              Batch(DataSource dataSource) {
                this.dataSource = dataSource;
              }

              ResultSet exec(String sql) throws SQLException {
                Connection con = null;
                PreparedStatement stmt = null;
                boolean inBatchMode = batch;
                try {
                  con = getConnection(inBatchMode);
                  stmt = con.prepareStatement(sql);
                  ResultSet rs = stmt.executeQuery();
                  if (inBatchMode) {
                    return wrap(null, stmt, rs);
                  }
                  return wrap(con, stmt, rs);
                } catch (SQLException e) {
                  close(con, stmt, inBatchMode);
                  throw e;
                }
              }

              int batched() throws SQLException {
                Connection con = getConnection(true);
                return con.getHoldability();
              }

              int unbatched() throws SQLException {
                // BUG: Diagnostic contains: Connection `con` acquired at line 44 is never closed
                Connection con = getConnection(false);
                return con.getHoldability();
              }

              protected final Connection getConnection(boolean inBatchMode) throws SQLException {
                if (inBatchMode) {
                  return batchConnections.get(Thread.currentThread());
                } else {
                  return dataSource.getConnection();
                }
              }

              void close(Connection con, Statement stmt, boolean inBatchMode) throws SQLException {
                if (stmt != null) {
                  stmt.close();
                }
                if (con != null && !inBatchMode) {
                  con.close();
                }
              }

              /** Hands out a result set that closes the connection and statement it is given. */
              static ResultSet wrap(Connection con, Statement stmt, ResultSet rs) {
                return rs;
              }
            }
            """)
        .doTest();
  }

  /**
   * A method of any name declared to return a JDBC resource is judged by its body in its own file;
   * so is one the class inherits and calls on itself, where its body is in sight (ActiveObjects'
   * NuoDB provider calling its superclass's {@code getIndexes(connection, table)}, which returns a
   * metadata query). An inherited getter of a field makes nothing, and another object's method of
   * that kind stays unknown.
   */
  @Test
  void anInheritedHelperInSightIsJudgedByItsBody() {
    helper
        .addSourceLines(
            "Provider.java",
            """
            import java.sql.Connection;
            import java.sql.ResultSet;
            import java.sql.SQLException;

            public class Provider {
              protected ResultSet cached;

              public ResultSet getIndexes(Connection conn, String table) throws SQLException {
                return conn.getMetaData().getIndexInfo(null, null, table, false, false);
              }

              public ResultSet lastIndexes() {
                return cached;
              }
            }
            """)
        .addSourceLines(
            "NuoProvider.java",
            """
            import java.sql.Connection;
            import java.sql.ResultSet;
            import java.sql.SQLException;

            class NuoProvider extends Provider {
              boolean hasIndex(Connection connection, String table, String name) throws SQLException {
                // BUG: Diagnostic contains: ResultSet `indexes` acquired at line 8 is never closed
                ResultSet indexes = getIndexes(connection, table);
                while (indexes.next()) {
                  if (name.equalsIgnoreCase(indexes.getString("INDEX_NAME"))) {
                    return true;
                  }
                }
                return false;
              }

              boolean cachedHasRows() throws SQLException {
                ResultSet last = lastIndexes();
                return last != null && last.next();
              }

              boolean othersHaveIndex(Provider other, Connection connection, String table)
                  throws SQLException {
                ResultSet indexes = other.getIndexes(connection, table);
                return indexes.next();
              }
            }
            """)
        .doTest();
  }

  /**
   * {@code super.getConnection()} calls the object's own method, as {@code getConnection()} does:
   * UNICORE's MySQL store takes a connection from its superclass's pool with {@code
   * super.getConnection()} and pings it, and loses it when the ping fails (a miss of the
   * ninety-fifth holdout round). An override that returns what {@code super} made hands it on.
   */
  @Test
  void aSuperCallIsACallOfTheObjectsOwnMethod() {
    helper
        .addSourceLines(
            "Store.java",
            """
            import java.sql.Connection;
            import java.sql.ResultSet;
            import java.sql.SQLException;
            import javax.sql.DataSource;

            public class Store {
              protected DataSource ds;

              protected Connection getConnection() throws SQLException {
                return ds.getConnection();
              }

              protected ResultSet getIndexes(Connection conn, String table) throws SQLException {
                return conn.getMetaData().getIndexInfo(null, null, table, false, false);
              }
            }
            """)
        .addSourceLines(
            "MySqlStore.java",
            """
            import java.sql.Connection;
            import java.sql.ResultSet;
            import java.sql.SQLException;

            class MySqlStore extends Store {
              @Override
              protected Connection getConnection() throws SQLException {
                return super.getConnection();
              }

              boolean alive() throws SQLException {
                // BUG: Diagnostic contains: Connection `c` acquired at line 13 is never closed
                Connection c = super.getConnection();
                return c.isValid(1);
              }

              boolean indexed(Connection conn, String table) throws SQLException {
                // BUG: Diagnostic contains: ResultSet `indexes` acquired at line 19 is never closed
                ResultSet indexes = super.getIndexes(conn, table);
                return indexes.next();
              }
            }
            """)
        .doTest();
  }

  /**
   * A factory in sight that hands out what a holder holds when it holds one, and makes a new
   * connection only when it holds none (Snaker's {@code JdbcHelper.getConnection(ds)}: the
   * connection its transaction bound to the thread, else the data source's), gives its callers one
   * they cannot tell from the transaction's: closing it is the transaction's business. The method
   * that reads the holder itself (the transaction's start, which looks for a bound connection
   * first) knows it got a new one, and so does nothing for one that takes a pool's spare out of a
   * queue.
   */
  @Test
  void aFactoryThatHandsOutTheTransactionsConnectionFirstMakesNoneForItsCallers() {
    helper
        .addSourceLines(
            "Holder.java",
            """
            public class Holder {
              private static final ThreadLocal<Object> BOUND = new ThreadLocal<>();

              public static Object get() {
                return BOUND.get();
              }

              public static void bind(Object value) {
                BOUND.set(value);
              }
            }
            """)
        .addSourceLines(
            "Jdbc.java",
            """
            import java.sql.Connection;
            import java.sql.SQLException;
            import java.util.Queue;
            import javax.sql.DataSource;

            public class Jdbc {
              private static final ThreadLocal<Connection> CURRENT = new ThreadLocal<>();

              public static Connection getConnection(DataSource ds) throws SQLException {
                Connection conn = (Connection) Holder.get();
                if (conn != null) {
                  return conn;
                }
                return ds.getConnection();
              }

              public static Connection getCurrentOrNewConnection(DataSource ds)
                  throws SQLException {
                return CURRENT.get() == null ? ds.getConnection() : CURRENT.get();
              }

              public static Connection getSpareConnection(Queue<Connection> idle, DataSource ds)
                  throws SQLException {
                Connection spare = idle.poll();
                if (spare != null) {
                  return spare;
                }
                return ds.getConnection();
              }
            }
            """)
        .addSourceLines(
            "Access.java",
            """
            import java.sql.Connection;
            import java.sql.PreparedStatement;
            import java.sql.SQLException;
            import java.util.Queue;
            import javax.sql.DataSource;

            class Access {
              private DataSource dataSource;

              protected Connection getConnection() throws SQLException {
                return Jdbc.getConnection(dataSource);
              }

              void save(String id) throws SQLException {
                Connection conn = getConnection();
                try (PreparedStatement ps = conn.prepareStatement("UPDATE t SET x = ?")) {
                  ps.setString(1, id);
                  ps.execute();
                }
              }

              void touch() throws SQLException {
                Jdbc.getCurrentOrNewConnection(dataSource).setReadOnly(false);
              }

              Connection begin() throws SQLException {
                if (Holder.get() != null) {
                  return null;
                }
                // BUG: Diagnostic contains: Connection `conn` acquired at line 31 is not closed when `conn.setAutoCommit(...)` at line 32 throws
                Connection conn = Jdbc.getConnection(dataSource);
                conn.setAutoCommit(false);
                Holder.bind(conn);
                return conn;
              }

              void spare(Queue<Connection> idle) throws SQLException {
                // BUG: Diagnostic contains: Connection `conn` acquired at line 39 is never closed
                Connection conn = Jdbc.getSpareConnection(idle, dataSource);
                conn.setReadOnly(true);
              }
            }
            """)
        .doTest();
  }
}
