package io.github.leakprone.report;

/** Source files for the report and baseline tests: real leaks of both checks, in JDK types only. */
final class Fixtures {

  static final String ORDER_DAO_PATH = "src/main/java/com/acme/orders/OrderDao.java";

  /** A JDBC statement lost on {@code continue} (line 12) and a thread pool per call (line 22). */
  static final String ORDER_DAO =
      """
      package com.acme.orders;

      import java.sql.Connection;
      import java.sql.PreparedStatement;
      import java.sql.SQLException;
      import java.util.concurrent.ExecutorService;
      import java.util.concurrent.Executors;

      public class OrderDao {
        void archive(Connection conn, String[] sqls) throws SQLException {
          for (String sql : sqls) {
            PreparedStatement ps = conn.prepareStatement(sql);
            if (sql.startsWith("--")) {
              continue;
            }
            ps.execute();
            ps.close();
          }
        }

        void publish(Runnable task) {
          ExecutorService pool = Executors.newFixedThreadPool(4);
          pool.submit(task);
        }
      }
      """;

  /** The same code, moved down 20 lines by a new method and comments above it. */
  static final String ORDER_DAO_MOVED_DOWN =
      ORDER_DAO.replace(
          "public class OrderDao {\n",
          """
          // Orders are archived nightly and published on change.
          // (These lines, and the method below, push every finding 20 lines down.)
          public class OrderDao {
            private static final String TABLE = "orders";

            /** The table this DAO reads. */
            static String table() {
              return TABLE;
            }

            static boolean isComment(String sql) {
              return sql.startsWith("--");
            }

            static int count(String[] sqls) {
              int n = 0;
              for (String sql : sqls) {
                n += isComment(sql) ? 0 : 1;
              }
              return n;
            }
          """);

  /** The same code, reformatted: the flagged calls wrapped and commented. */
  static final String ORDER_DAO_REFORMATTED =
      ORDER_DAO
          .replace(
              "PreparedStatement ps = conn.prepareStatement(sql);",
              "PreparedStatement ps =\n          conn.prepareStatement( /* one per row */ sql );")
          .replace(
              "ExecutorService pool = Executors.newFixedThreadPool(4);",
              "ExecutorService pool = Executors\n        .newFixedThreadPool(4);");

  /** The JDBC leak fixed with try-with-resources; the thread pool still leaks. */
  static final String ORDER_DAO_JDBC_FIXED =
      ORDER_DAO.replace(
          """
                PreparedStatement ps = conn.prepareStatement(sql);
                if (sql.startsWith("--")) {
                  continue;
                }
                ps.execute();
                ps.close();
          """,
          """
                try (PreparedStatement ps = conn.prepareStatement(sql)) {
                  if (sql.startsWith("--")) {
                    continue;
                  }
                  ps.execute();
                }
          """);

  /** One more leak: a second thread pool per call, in a new method. */
  static final String ORDER_DAO_NEW_LEAK =
      ORDER_DAO.replace(
          "  void publish(Runnable task) {",
          """
            void refund(Runnable task) {
              ExecutorService refunds = Executors.newCachedThreadPool();
              refunds.execute(task);
            }

            void publish(Runnable task) {\
          """);

  /** A clean class: nothing to report. */
  static final String CLEAN =
      """
      package com.acme.orders;

      final class Clean {
        static int twice(int n) {
          return 2 * n;
        }
      }
      """;

  private Fixtures() {}
}
