package io.github.leakprone.checks;

import static com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode.TEXT_MATCH;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import org.junit.jupiter.api.Test;

/** JdbcResourceLeak's fix: try-with-resources where the local only lends the resource. */
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
                  st.close();
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

            class Dao {
              private PreparedStatement field;

              PreparedStatement configured(Connection conn, String sql) throws SQLException {
                PreparedStatement ps = conn.prepareStatement(sql);
                ps.setQueryTimeout(5);
                return ps;
              }

              void kept(Connection conn, String sql, List<PreparedStatement> keep) throws SQLException {
                PreparedStatement ps = conn.prepareStatement(sql);
                ps.setQueryTimeout(5);
                keep.add(ps);
              }

              void reassigned(Connection conn) throws SQLException {
                field = conn.prepareStatement("a");
                field = conn.prepareStatement("b");
                field.close();
              }

              Runnable captured(Connection conn, String sql) throws SQLException {
                PreparedStatement ps = conn.prepareStatement(sql);
                ps.setQueryTimeout(5);
                return () -> {
                  try {
                    ps.execute();
                  } catch (SQLException e) {
                    throw new IllegalStateException(e);
                  }
                };
              }
            }
            """)
        .expectUnchanged()
        .doTest(TEXT_MATCH);
  }
}
