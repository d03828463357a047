package io.github.leakprone.checks;

import static com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode.TEXT_MATCH;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import org.junit.jupiter.api.Test;

/**
 * JdbcResourceLeak's fix: try-with-resources where the local only lends the resource. Each shape of
 * rewrite is compared twice: by {@code BugCheckerRefactoringTestHelper}, which compiles the output
 * but formats both sides before comparing them, and as the text one patch run writes ({@link
 * RawFixes}), which is what the user gets.
 */
// TEXT_MATCH is deprecated from Error Prone 2.43 on, where it is doTest()'s default; 2.42.0, which
// JDK 17 runs, still defaults to AST_MATCH, so the tests name the mode.
@SuppressWarnings("deprecation")
final class JdbcResourceLeakFixTest {

  private final BugCheckerRefactoringTestHelper helper =
      BugCheckerRefactoringTestHelper.newInstance(JdbcResourceLeak.class, getClass());

  @Test
  void continueInLoopBecomesTryWithResources() {
    helper
        .addInputLines(
            "Dao.java",
            """
            import java.sql.Connection;
            import java.sql.PreparedStatement;
            import java.sql.SQLException;

            class Dao {
              void run(Connection conn, String[] sqls) throws SQLException {
                for (String sql : sqls) {
                  PreparedStatement ps = conn.prepareStatement(sql);
                  if (sql.startsWith("--")) {
                    continue;
                  }
                  ps.execute();
                  ps.close();
                }
              }
            }
            """)
        .addOutputLines(
            "Dao.java",
            """
            import java.sql.Connection;
            import java.sql.PreparedStatement;
            import java.sql.SQLException;

            class Dao {
              void run(Connection conn, String[] sqls) throws SQLException {
                for (String sql : sqls) {
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
        .doTest(TEXT_MATCH);
  }

  @Test
  void exceptionPathBecomesTryWithResources() {
    helper
        .addInputLines(
            "Dao.java",
            """
            import java.sql.Connection;
            import java.sql.ResultSet;
            import java.sql.SQLException;
            import java.sql.Statement;

            class Dao {
              int count(Connection conn) throws SQLException {
                Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery("select count(*) from t");
                int count = rs.next() ? rs.getInt(1) : 0;
                st.close();
                return count;
              }
            }
            """)
        .addOutputLines(
            "Dao.java",
            """
            import java.sql.Connection;
            import java.sql.ResultSet;
            import java.sql.SQLException;
            import java.sql.Statement;

            class Dao {
              int count(Connection conn) throws SQLException {
                try (Statement st = conn.createStatement()) {
                  ResultSet rs = st.executeQuery("select count(*) from t");
                  int count = rs.next() ? rs.getInt(1) : 0;
                  return count;
                }
              }
            }
            """)
        .doTest(TEXT_MATCH);
  }

  @Test
  void noFixWhenTheResourceOutlivesTheBlock() {
    helper
        .addInputLines(
            "Dao.java",
            """
            import java.sql.Connection;
            import java.sql.PreparedStatement;
            import java.sql.SQLException;
            import java.util.List;
            import javax.sql.DataSource;

            class Dao {
              private PreparedStatement field;

              PreparedStatement configured(Connection conn, String sql) throws SQLException {
                PreparedStatement ps = conn.prepareStatement(sql);
                ps.setObject(1, sql);
                return ps;
              }

              void kept(Connection conn, String sql, List<PreparedStatement> keep) throws SQLException {
                PreparedStatement ps = conn.prepareStatement(sql);
                ps.setObject(1, sql);
                keep.add(ps);
              }

              void reassigned(Connection conn) throws SQLException {
                field = conn.prepareStatement("a");
                field = conn.prepareStatement("b");
                field.close();
              }

              // What the field held from an earlier call: no try can close that one.
              void replaced(Connection conn, String sql) throws SQLException {
                if (field == null || !sql.isEmpty()) {
                  field = conn.prepareStatement(sql);
                }
              }

              Runnable captured(Connection conn, String sql) throws SQLException {
                PreparedStatement ps = conn.prepareStatement(sql);
                ps.setObject(1, sql);
                return () -> {
                  try {
                    ps.execute();
                  } catch (SQLException e) {
                    throw new IllegalStateException(e);
                  }
                };
              }

              // Kept by a step of construction, lost if the constructor fails after it: the
              // constructor must close it, which no try around the step can do.
              static class Store implements AutoCloseable {
                private Connection connection;

                Store(DataSource ds) throws SQLException {
                  connect(ds);
                  connection.createStatement().close();
                }

                private void connect(DataSource ds) throws SQLException {
                  connection = ds.getConnection();
                }

                @Override
                public void close() throws SQLException {
                  connection.close();
                }
              }
            }
            """)
        .expectUnchanged()
        .doTest(TEXT_MATCH);
  }

  /**
   * A pool's physical connection is no {@code AutoCloseable}: it is closed in a {@code finally}
   * block. Where the handle it hands out leaves the method, closing it there would break the
   * handle, and no fix is offered.
   */
  @Test
  void aPooledConnectionIsClosedInAFinallyUnlessItsHandleLeaves() {
    helper
        .addInputLines(
            "Dao.java",
            """
            import java.sql.Connection;
            import java.sql.SQLException;
            import javax.sql.ConnectionPoolDataSource;
            import javax.sql.PooledConnection;

            class Dao {
              String catalog(ConnectionPoolDataSource ds) throws SQLException {
                PooledConnection physical = ds.getPooledConnection();
                try (Connection handle = physical.getConnection()) {
                  return handle.getCatalog();
                }
              }

              Connection handedOut(ConnectionPoolDataSource ds) throws SQLException {
                PooledConnection physical = ds.getPooledConnection();
                return physical.getConnection();
              }
            }
            """)
        .addOutputLines(
            "Dao.java",
            """
            import java.sql.Connection;
            import java.sql.SQLException;
            import javax.sql.ConnectionPoolDataSource;
            import javax.sql.PooledConnection;

            class Dao {
              String catalog(ConnectionPoolDataSource ds) throws SQLException {
                PooledConnection physical = ds.getPooledConnection();
                try {
                  try (Connection handle = physical.getConnection()) {
                    return handle.getCatalog();
                  }
                } finally {
                  physical.close();
                }
              }

              Connection handedOut(ConnectionPoolDataSource ds) throws SQLException {
                PooledConnection physical = ds.getPooledConnection();
                return physical.getConnection();
              }
            }
            """)
        .doTest(TEXT_MATCH);
  }

  // ---------------------------------------------------------------------------------------------
  // The resource's own closes, made redundant by the try

  /**
   * Incident 004's shape: {@code ps.close(); saved++;}. What followed the close runs after the try,
   * as it ran after the close: the resource is closed exactly where the code closed it.
   */
  @Test
  void statementsAfterTheCloseFollowTheTry() {
    assertRewrite(
        """
        import java.sql.Connection;
        import java.sql.PreparedStatement;
        import java.sql.SQLException;

        class Dao {
          private int saved;

          void save(Connection conn, String[] items) throws SQLException {
            for (String item : items) {
              PreparedStatement ps = conn.prepareStatement("insert into t values (?)");
              if (item.isEmpty()) {
                continue;
              }
              ps.setString(1, item);
              ps.execute();
              ps.close();
              saved++;
              System.out.println(saved);
            }
          }
        }
        """,
        """
        import java.sql.Connection;
        import java.sql.PreparedStatement;
        import java.sql.SQLException;

        class Dao {
          private int saved;

          void save(Connection conn, String[] items) throws SQLException {
            for (String item : items) {
              try (PreparedStatement ps = conn.prepareStatement("insert into t values (?)")) {
                if (item.isEmpty()) {
                  continue;
                }
                ps.setString(1, item);
                ps.execute();
              }
              saved++;
              System.out.println(saved);
            }
          }
        }
        """);
  }

  /**
   * A close right before a jump out of the try ({@code return}, {@code throw}, a {@code continue}
   * of a loop around it) is what the try does on that jump; one before code that needs a local the
   * try declares goes, and that code stays in the try.
   */
  @Test
  void closesBeforeAJumpOrBeforeCodeThatNeedsTheTrysLocalsGo() {
    assertRewrite(
        """
        import java.sql.Connection;
        import java.sql.PreparedStatement;
        import java.sql.SQLException;

        class Dao {
          int update(Connection conn, String sql, String[] values) throws SQLException {
            PreparedStatement ps = conn.prepareStatement(sql);
            if (values.length == 0) {
              ps.close();
              return 0;
            }
            for (String value : values) {
              if (value.isEmpty()) {
                ps.close();
                continue;
              }
              ps.setString(1, value);
            }
            int count = ps.executeUpdate();
            ps.close();
            return count;
          }
        }
        """,
        """
        import java.sql.Connection;
        import java.sql.PreparedStatement;
        import java.sql.SQLException;

        class Dao {
          int update(Connection conn, String sql, String[] values) throws SQLException {
            try (PreparedStatement ps = conn.prepareStatement(sql)) {
              if (values.length == 0) {
                return 0;
              }
              for (String value : values) {
                if (value.isEmpty()) {
                  ps.close();
                  continue;
                }
                ps.setString(1, value);
              }
              int count = ps.executeUpdate();
              return count;
            }
          }
        }
        """);
  }

  // ---------------------------------------------------------------------------------------------
  // Several leaks declared one after the other: one try, in one run

  @Test
  void consecutiveLeaksShareOneTry() {
    assertRewrite(
        """
        import java.sql.Connection;
        import java.sql.SQLException;
        import java.sql.Statement;
        import javax.sql.DataSource;

        class Dao {
          void run(DataSource dataSource, String sql) throws SQLException {
            Connection conn = dataSource.getConnection();
            Statement st = conn.createStatement();
            st.execute(sql);
            st.close();
            conn.close();
          }
        }
        """,
        """
        import java.sql.Connection;
        import java.sql.SQLException;
        import java.sql.Statement;
        import javax.sql.DataSource;

        class Dao {
          void run(DataSource dataSource, String sql) throws SQLException {
            try (Connection conn = dataSource.getConnection();
                Statement st = conn.createStatement()) {
              st.execute(sql);
            }
          }
        }
        """);
  }

  /**
   * In a loop with a {@code continue} over the closes, and with work after them that needs a local
   * of the try. The ResultSet is no leak (closing its statement closes it), so it does not join the
   * try, and its close stays.
   */
  @Test
  void consecutiveLeaksInALoopShareOneTry() {
    assertRewrite(
        """
        import java.sql.Connection;
        import java.sql.PreparedStatement;
        import java.sql.ResultSet;
        import java.sql.SQLException;
        import javax.sql.DataSource;

        class Dao {
          int count(DataSource dataSource, String[] tables) throws SQLException {
            int total = 0;
            for (String table : tables) {
              Connection conn = dataSource.getConnection();
              PreparedStatement ps = conn.prepareStatement("select count(*) from " + table);
              ResultSet rs = ps.executeQuery();
              if (!rs.next()) {
                continue;
              }
              int rows = rs.getInt(1);
              rs.close();
              ps.close();
              conn.close();
              total += rows;
            }
            return total;
          }
        }
        """,
        """
        import java.sql.Connection;
        import java.sql.PreparedStatement;
        import java.sql.ResultSet;
        import java.sql.SQLException;
        import javax.sql.DataSource;

        class Dao {
          int count(DataSource dataSource, String[] tables) throws SQLException {
            int total = 0;
            for (String table : tables) {
              try (Connection conn = dataSource.getConnection();
                  PreparedStatement ps = conn.prepareStatement("select count(*) from " + table)) {
                ResultSet rs = ps.executeQuery();
                if (!rs.next()) {
                  continue;
                }
                int rows = rs.getInt(1);
                rs.close();
                total += rows;
              }
            }
            return total;
          }
        }
        """);
  }

  /**
   * The fixed text as one patch run writes it, and the same fix through the refactoring helper,
   * which also compiles it.
   */
  private void assertRewrite(String input, String output) {
    assertEquals(output, RawFixes.apply(JdbcResourceLeak.class, "Dao.java", input));
    helper.addInputLines("Dao.java", input).addOutputLines("Dao.java", output).doTest(TEXT_MATCH);
  }
}
