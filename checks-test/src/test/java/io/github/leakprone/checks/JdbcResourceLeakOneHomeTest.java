package io.github.leakprone.checks;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * Shapes on which two copies of one idea used to answer differently, each pinned to the answer
 * kept: what counts as handing a resource to a container, and which line a finding names.
 */
final class JdbcResourceLeakOneHomeTest {

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(JdbcResourceLeak.class, getClass());

  /**
   * Only a call that stores its argument hands the resource to the container: asking a list whether
   * it holds a connection leaves the connection the method's to close.
   */
  @Test
  void lookingUpInAContainerDoesNotHandItOver() {
    helper
        .addSourceLines(
            "Dao.java",
            """
            import java.sql.Connection;
            import java.sql.SQLException;
            import java.util.List;
            import java.util.Map;
            import javax.sql.DataSource;

            class Dao {
              boolean known(DataSource ds, List<Connection> seen) throws SQLException {
                // BUG: Diagnostic contains: Connection `conn` acquired at line 10 is never closed
                Connection conn = ds.getConnection();
                return seen.contains(conn);
              }

              void replaced(DataSource ds, List<Connection> pool) throws SQLException {
                pool.set(0, ds.getConnection());
              }

              void remembered(DataSource ds, Map<String, Connection> byName) throws SQLException {
                byName.replace("main", ds.getConnection());
              }
            }
            """)
        .doTest();
  }

  /**
   * "acquired at line N" names the line javac reports the finding on: a call spread over lines is
   * on the line of its method name, not of its receiver.
   */
  @Test
  void anAcquisitionSpreadOverLinesIsOnTheLineOfItsMethodName() {
    helper
        .addSourceLines(
            "Dao.java",
            """
            import java.sql.Connection;
            import java.sql.SQLException;
            import javax.sql.DataSource;

            class Dao {
              void chained(DataSource ds) throws SQLException {
                Connection conn =
                    ds
                        // BUG: Diagnostic contains: Connection `conn` acquired at line 10 is never
                        .getConnection();
                conn.isValid(1);
              }
            }
            """)
        .doTest();
  }
}
