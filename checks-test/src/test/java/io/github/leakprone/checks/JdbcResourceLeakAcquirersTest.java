package io.github.leakprone.checks;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * Which calls acquire: the catalog is looked up once per method (JdbcResources keeps the answer),
 * and whether the call returns a resource is still asked of each call. Each test asks the
 * non-acquiring call first, so a kept answer that covered more than its method would be seen.
 */
final class JdbcResourceLeakAcquirersTest {

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(JdbcResourceLeak.class, getClass());

  @Test
  void aGenericAcquirerAcquiresWhereItsCallReturnsAResource() {
    helper
        .setArgs("-XepOpt:JdbcResourceLeak:Acquirers=com.acme.Pool#borrow")
        .addSourceLines(
            "com/acme/Pool.java",
            """
            package com.acme;

            public final class Pool {
              public static <T> T borrow(Class<T> type) {
                throw new UnsupportedOperationException();
              }
            }
            """)
        .addSourceLines(
            "Dao.java",
            """
            import com.acme.Pool;
            import java.sql.Connection;
            import java.sql.SQLException;

            class Dao {
              String name() {
                return Pool.borrow(String.class).trim();
              }

              void leaks() throws SQLException {
                // BUG: Diagnostic contains: Connection `conn` acquired at line 12 is not closed
                Connection conn = Pool.borrow(Connection.class);
                conn.setReadOnly(true);
                conn.close();
              }
            }
            """)
        .doTest();
  }

  @Test
  void aMetadataQueryIsKnownByItsOwnerNotByItsName() {
    helper
        .addSourceLines(
            "Dao.java",
            """
            import java.sql.DatabaseMetaData;
            import java.sql.ResultSet;
            import java.sql.SQLException;

            class Dao {
              interface Tables {
                ResultSet getTables(String catalog, String schema, String name, String[] types);
              }

              boolean cached(Tables tables) throws SQLException {
                return tables.getTables(null, null, "%", null).next();
              }

              boolean live(DatabaseMetaData metaData) throws SQLException {
                // BUG: Diagnostic contains: ResultSet
                return metaData.getTables(null, null, "%", null).next();
              }
            }
            """)
        .doTest();
  }

  /**
   * Derby shuts an embedded database down when asked for a connection to its URL with {@code
   * ;shutdown=true}, and reports it by throwing: no connection is made (OpenJPA's DerbyDictionary),
   * also through a local the method made such a URL ({@code url += ";shutdown=true"}: Jackrabbit's
   * DerbyConnectionHelper), and after a base that ends in the separator ({@code baseUrl +
   * "shutdown=true"}, Flume's JDBC channel) where the method names Derby's {@code jdbc:derby:}
   * prefix: HSQLDB's attribute of that name makes a connection that shuts the database down when it
   * closes. Any other attribute (create=true) makes one.
   */
  @Test
  void derbysShutdownUrlMakesNoConnection() {
    helper
        .addSourceLines(
            "Embedded.java",
            """
            import java.sql.DriverManager;
            import java.sql.SQLException;

            class Embedded {
              void shutdown(String url) {
                try {
                  DriverManager.getConnection(url + ";shutdown=true");
                } catch (SQLException expected) {
                  // Derby reports a clean shutdown by throwing
                }
              }

              void create(String url) throws SQLException {
                // BUG: Diagnostic contains: Connection returned by getConnection() at line 15 is never stored
                DriverManager.getConnection(url + ";create=true");
              }

              void shutdownThroughALocal(String base) {
                String url = base;
                url += ";shutdown=true";
                try {
                  DriverManager.getConnection(url);
                } catch (SQLException expected) {
                  // Derby reports a clean shutdown by throwing
                }
              }

              void createThroughALocal(String base) throws SQLException {
                String url = base + ";create=true";
                // BUG: Diagnostic contains: Connection returned by getConnection() at line 31 is never stored
                DriverManager.getConnection(url);
              }

              void shutdownAfterTheSeparator(String connectUrl) {
                if (connectUrl.startsWith("jdbc:derby:")) {
                  String baseUrl = connectUrl.substring(0, connectUrl.indexOf(';') + 1);
                  String shutDownUrl = baseUrl + "shutdown=true";
                  try {
                    DriverManager.getConnection(shutDownUrl);
                  } catch (SQLException expected) {
                    // Derby reports a clean shutdown by throwing
                  }
                }
              }

              void hsqldbShutsDownWithItsLastConnection(String baseUrl) throws SQLException {
                // BUG: Diagnostic contains: Connection returned by getConnection() at line 48 is never stored
                DriverManager.getConnection(baseUrl + "shutdown=true");
              }
            }
            """)
        .doTest();
  }

  /**
   * Derby drops an in-memory database when asked for a connection with {@code ;drop=true}, and
   * reports that by throwing too (Zonky's embedded-database test library, a holdout round's false
   * alarm): no connection is made, whether the URL is written out or formatted from a constant
   * template ({@code String.format("jdbc:derby:memory:%s;%s", name, "drop=true")}). A URL formatted
   * with another attribute makes one.
   */
  @Test
  void derbysDropUrlMakesNoConnection() {
    helper
        .addSourceLines(
            "Databases.java",
            """
            import java.sql.Driver;
            import java.sql.DriverManager;
            import java.sql.SQLException;
            import java.util.Properties;

            class Databases {
              private static final String URL_TEMPLATE = "jdbc:derby:memory:%s;%s";

              void drop(Driver driver, String name) {
                try {
                  driver.connect(String.format(URL_TEMPLATE, name, "drop=true"), new Properties());
                } catch (SQLException expected) {
                  // Derby reports a dropped database by throwing
                }
              }

              void dropWrittenOut(String name) {
                try {
                  DriverManager.getConnection("jdbc:derby:memory:" + name + ";drop=true");
                } catch (SQLException expected) {
                  // Derby reports a dropped database by throwing
                }
              }

              void create(Driver driver, String name) throws SQLException {
                // BUG: Diagnostic contains: Connection returned by connect() at line 27 is never stored
                driver.connect(String.format(URL_TEMPLATE, name, "create=true"), new Properties());
              }
            }
            """)
        .doTest();
  }

  /**
   * A connect whose {@code catch} looks for Derby's report of a shutdown ({@code 08006}, {@code
   * XJ015}) is one, however its URL was built (inmemdb's {@code stop()}, whose {@code drop=true}
   * comes from a map a helper joins into the URL), its value thrown away. A {@code catch} that
   * looks for another state (the database exists already) does not make it one, nor does one around
   * a connection the method keeps.
   */
  @Test
  void aConnectAwaitingDerbysShutdownSignalMakesNoConnection() {
    helper
        .addSourceLines(
            "Databases.java",
            """
            import java.sql.DriverManager;
            import java.sql.SQLException;
            import java.util.Map;

            class Databases {
              private String url(Map<String, String> attributes) {
                StringBuilder url = new StringBuilder("jdbc:derby://localhost:1527/memory:db");
                attributes.forEach((k, v) -> url.append(';').append(k).append('=').append(v));
                return url.toString();
              }

              void stop() {
                try {
                  DriverManager.getConnection(url(Map.of("drop", "true")));
                } catch (SQLException e) {
                  if (e.getErrorCode() != 45000 || !"08006".equals(e.getSQLState())) {
                    throw new IllegalStateException(e);
                  }
                }
              }

              void shutDownTheSystem() {
                try {
                  DriverManager.getConnection(url(Map.of("shutdown", "true")));
                } catch (SQLException e) {
                  if (!e.getSQLState().equals("XJ015")) {
                    throw new IllegalStateException(e);
                  }
                }
              }

              // A kept connection is one, whatever the catch looks for ("08006" is also the standard
              // state of a failed connection).
              java.sql.Connection connectOrRetry() throws SQLException {
                try {
                  return DriverManager.getConnection(url(Map.of()));
                } catch (SQLException e) {
                  if ("08006".equals(e.getSQLState())) {
                    return DriverManager.getConnection(url(Map.of()));
                  }
                  throw e;
                }
              }

              void leakOnRetry() throws SQLException {
                try {
                  // BUG: Diagnostic contains: Connection `c` acquired at line 48 is never closed
                  java.sql.Connection c = DriverManager.getConnection(url(Map.of()));
                  c.getMetaData();
                } catch (SQLException e) {
                  if (!"08006".equals(e.getSQLState())) {
                    throw e;
                  }
                }
              }

              void create() {
                try {
                  // BUG: Diagnostic contains: Connection returned by getConnection() at line 60 is never stored
                  DriverManager.getConnection(url(Map.of("create", "true")));
                } catch (SQLException e) {
                  if (!"XJ041".equals(e.getSQLState())) {
                    throw new IllegalStateException(e);
                  }
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * Derby's other way to shut down: an {@code EmbeddedDataSource} told to ({@code
   * ds.setShutdownDatabase("shutdown")}) throws from {@code getConnection()} and makes no
   * connection (ActiveMQ's JDBC store). A data source the method did not tell so still makes one.
   */
  @Test
  void derbysDataSourceToldToShutDownMakesNoConnection() {
    helper
        .addSourceLines(
            "Store.java",
            """
            import java.sql.SQLException;
            import javax.sql.DataSource;

            class Store {
              abstract static class EmbeddedDataSource implements DataSource {
                void setCreateDatabase(String create) {}

                void setShutdownDatabase(String shutdown) {}
              }

              static void shutdown(DataSource dataSource) {
                EmbeddedDataSource ds = (EmbeddedDataSource) dataSource;
                ds.setShutdownDatabase("shutdown");
                try {
                  ds.getConnection();
                } catch (SQLException expected) {
                  // Derby reports a clean shutdown by throwing
                }
              }

              static void create(EmbeddedDataSource ds) throws SQLException {
                ds.setCreateDatabase("create");
                // BUG: Diagnostic contains: Connection returned by getConnection() at line 24 is never stored
                ds.getConnection();
              }
            }
            """)
        .doTest();
  }
}
