package io.github.leakprone.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/** JdbcResourceLeak's flags: the user's own acquirers and closers, and malformed values. */
final class JdbcResourceLeakFlagsTest {

  private static final String DB =
      """
      package com.acme;

      import java.sql.Connection;
      import java.sql.SQLException;

      public final class Db {
        /** A library's pool, whose body the analysis cannot read: it stands out of sight here. */
        public static Connection lease() throws SQLException {
          throw new SQLException("out of sight");
        }

        public static void discard(AutoCloseable... resources) {}
      }
      """;

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(JdbcResourceLeak.class, getClass());

  @Test
  void usersAcquirerIsTracked() {
    helper
        .setArgs("-XepOpt:JdbcResourceLeak:Acquirers=com.acme.Db#lease")
        .addSourceLines("com/acme/Db.java", DB)
        .addSourceLines(
            "Dao.java",
            """
            import com.acme.Db;
            import java.sql.Connection;
            import java.sql.SQLException;

            class Dao {
              void leaks() throws SQLException {
                // BUG: Diagnostic contains: Connection `conn` acquired at line 8 is not closed when `conn.setReadOnly(...)` at line 9 throws
                Connection conn = Db.lease();
                conn.setReadOnly(true);
                conn.close();
              }

              void closes() throws SQLException {
                try (Connection conn = Db.lease()) {
                  conn.setReadOnly(true);
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void withoutTheFlagTheUsersAcquirerIsUnknown() {
    helper
        .addSourceLines("com/acme/Db.java", DB)
        .addSourceLines(
            "Dao.java",
            """
            import com.acme.Db;
            import java.sql.Connection;
            import java.sql.SQLException;

            class Dao {
              void unknown() throws SQLException {
                Connection conn = Db.lease();
                conn.setReadOnly(true);
                conn.close();
              }
            }
            """)
        .doTest();
  }

  @Test
  void usersCloserReleases() {
    helper
        .setArgs("-XepOpt:JdbcResourceLeak:Closers=com.acme.Db#discard")
        .addSourceLines("com/acme/Db.java", DB)
        .addSourceLines(
            "Dao.java",
            """
            import com.acme.Db;
            import java.sql.Connection;
            import java.sql.SQLException;
            import java.sql.Statement;

            class Dao {
              void released(Connection conn, String sql) throws SQLException {
                Statement st = conn.createStatement();
                try {
                  st.execute(sql);
                } finally {
                  Db.discard(st);
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void withoutTheFlagTheUsersCloserDoesNotCount() {
    helper
        .addSourceLines("com/acme/Db.java", DB)
        .addSourceLines(
            "Dao.java",
            """
            import com.acme.Db;
            import java.sql.Connection;
            import java.sql.SQLException;
            import java.sql.Statement;

            class Dao {
              void released(Connection conn, String sql) throws SQLException {
                // BUG: Diagnostic contains: Statement `st` acquired at line 9 is never closed
                Statement st = conn.createStatement();
                try {
                  st.execute(sql);
                } finally {
                  Db.discard(st);
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void malformedFlagIsAnErrorNamingTheFlagAndEntryWithNoPosition() {
    ImmutableList<String> errors =
        FlagErrors.of(
            JdbcResourceLeak.class,
            "-XepOpt:JdbcResourceLeak:Closers=com.acme.Db#discard,Db#close");
    assertEquals(1, errors.size(), errors.toString());
    assertTrue(
        errors
            .get(0)
            .startsWith(
                "-:-1: [JdbcResourceLeak] -XepOpt:JdbcResourceLeak:Closers: bad entry 'Db#close':"
                    + " 'Db' is not a fully qualified class name"),
        errors.toString());
  }
}
