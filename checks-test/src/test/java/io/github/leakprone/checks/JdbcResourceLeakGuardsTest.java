package io.github.leakprone.checks;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * Guards around a close that the analysis reads: {@code Objects.isNull}/{@code nonNull} as {@code
 * == null}/{@code != null}, a resource that reports itself closed ({@code isClosed()}), and a
 * parent known to be null taking its children with it. Each negative beside the positive that lacks
 * the guard's other half.
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
}
