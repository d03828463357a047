package io.github.leakprone.checks;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * {@code @SuppressWarnings} silences a finding by the check's name or by {@code "resource"}, the
 * token Eclipse and IntelliJ already use for unclosed resources; another token does not.
 */
final class JdbcResourceLeakSuppressionTest {

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(JdbcResourceLeak.class, getClass());

  @Test
  void suppressedByItsNameOrByResource() {
    helper
        .addSourceLines(
            "Dao.java",
            """
            import java.sql.Connection;
            import java.sql.SQLException;
            import java.sql.Statement;

            class Dao {
              @SuppressWarnings("JdbcResourceLeak")
              void byName(Connection conn) throws SQLException {
                Statement st = conn.createStatement();
                st.execute("select 1");
              }

              @SuppressWarnings("resource") // released elsewhere
              void byTheIdeToken(Connection conn) throws SQLException {
                Statement st = conn.createStatement();
                st.execute("select 1");
              }

              void onTheLocal(Connection conn) throws SQLException {
                @SuppressWarnings("resource")
                Statement st = conn.createStatement();
                st.execute("select 1");
              }

              @SuppressWarnings("unchecked")
              void anotherToken(Connection conn) throws SQLException {
                // BUG: Diagnostic contains: Statement `st` acquired at line 27 is never closed
                Statement st = conn.createStatement();
                st.execute("select 1");
              }
            }
            """)
        .doTest();
  }
}
