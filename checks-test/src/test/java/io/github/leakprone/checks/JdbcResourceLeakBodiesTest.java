package io.github.leakprone.checks;

import static com.google.common.truth.Truth.assertThat;

import com.google.errorprone.CompilationTestHelper;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which bodies are analysed: each method, lambda and anonymous class method on its own, started by
 * its first acquiring call, each finding reported once (counted: see {@link CountedWarnings}); and
 * {@code @SuppressWarnings} on a local, which Error Prone applies to the call but not to the
 * analysis another call starts.
 */
final class JdbcResourceLeakBodiesTest {

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(JdbcResourceLeak.class, getClass());

  @Test
  void eachBodyIsAnalysedOnceWhateverItNests() {
    List<String> findings =
        CountedWarnings.of(
            JdbcResourceLeak.class,
            "Nested",
            """
            import java.sql.Connection;
            import java.sql.SQLException;
            import java.sql.Statement;
            import java.util.function.Consumer;

            class Nested {
              Consumer<String> run(Connection conn, String sql) throws SQLException {
                Statement first = conn.createStatement();
                first.execute(sql);
                Consumer<String> later =
                    s -> {
                      try {
                        Statement inLambda = conn.createStatement();
                        inLambda.execute(s);
                      } catch (SQLException e) {
                        throw new IllegalStateException(e);
                      }
                    };
                Runnable task =
                    new Runnable() {
                      @Override
                      public void run() {
                        try {
                          Statement inClass = conn.createStatement();
                          inClass.execute(sql);
                        } catch (SQLException e) {
                          throw new IllegalStateException(e);
                        }
                      }
                    };
                task.run();
                Statement second = conn.createStatement();
                second.execute(sql);
                return later;
              }
            }
            """);

    assertThat(findings.stream().map(f -> f.substring(0, f.indexOf(':'))).toList())
        .containsExactly("8", "13", "24", "32");
  }

  @Test
  void suppressedLocalStaysQuietWhenAnotherCallStartsTheAnalysis() {
    helper
        .addSourceLines(
            "Quiet.java",
            """
            import java.sql.Connection;
            import java.sql.SQLException;
            import java.sql.Statement;

            class Quiet {
              void both(Connection conn, String sql) throws SQLException {
                @SuppressWarnings("JdbcResourceLeak")
                Statement known = conn.createStatement();
                known.execute(sql);
                // BUG: Diagnostic contains: JdbcResourceLeak
                Statement other = conn.createStatement();
                other.execute(sql);
              }

              void alone(Connection conn, String sql) throws SQLException {
                @SuppressWarnings("JdbcResourceLeak")
                Statement known = conn.createStatement();
                known.execute(sql);
              }
            }
            """)
        .doTest();
  }
}
