package io.github.leakprone.checks;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * Incident 004's BizParser, nearly verbatim: the conditions the article elided are method calls.
 */
final class JdbcResourceLeakIncidentTest {

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(JdbcResourceLeak.class, getClass());

  @Test
  void bizParserLeaksThroughContinueAndRecursion() {
    helper
        .addSourceLines(
            "BizParser.java",
            """
            import java.sql.Connection;
            import java.sql.PreparedStatement;

            public class BizParser {
              private PreparedStatement ps;
              private String sql = "...";

              public void save(Connection conn, String data) throws Exception {
                try {
                  for (String item : data.split(",")) {
                    if (isInsert(item)) {
                      ps = conn.prepareStatement(sql);
                      ps.setString(1, item);
                      ps.execute();
                      ps.close();

                      sql = "...";
                      // BUG: Diagnostic contains: PreparedStatement `ps` acquired at line 19 is not closed when the `continue` at line 43 is taken
                      ps = conn.prepareStatement(sql);

                      if (isSingle(item)) {
                        for (String field : item.split(";")) {
                          if (field.isEmpty()) {
                            continue;
                          }
                          ps.setString(1, field);
                        }
                        ps.execute();
                        ps.close();
                      } else if (isBatch(item)) {
                        for (String row : item.split(";")) {
                          for (String field : row.split(":")) {
                            if (field.isEmpty()) {
                              continue;
                            }
                            ps.setString(1, field);
                          }
                          ps.addBatch();
                        }
                        ps.executeBatch();
                        ps.close();
                      } else {
                        continue;
                      }
                    } else if (isNested(item)) {
                      subSave(conn, item);
                    } else {
                      continue;
                    }
                  }
                  conn.commit();
                } catch (Exception e) {
                  conn.rollback();
                  throw e;
                } finally {
                  if (ps != null) {
                    ps.close();
                  }
                }
              }

              private void subSave(Connection conn, String data) throws Exception {
                if (isInsert(data)) {
                  for (String item : data.split(",")) {
                    if (isInsert(item)) {
                      if (item.isEmpty()) {
                        continue;
                      }
                      // An exception here reaches save()'s finally, which closes the field: no finding.
                      ps = conn.prepareStatement(sql);
                      ps.setString(1, item);
                      ps.execute();
                      ps.close();
                      // BUG: Diagnostic contains: PreparedStatement `ps` acquired at line 75 is not closed when the `continue` at line 99 is taken
                      ps = conn.prepareStatement(sql);

                      if (isSingle(item)) {
                        for (String field : item.split(";")) {
                          if (field.isEmpty()) {
                            continue;
                          }
                          ps.setString(1, field);
                        }
                        ps.execute();
                        ps.close();
                      } else if (isBatch(item)) {
                        for (String row : item.split(";")) {
                          for (String field : row.split(":")) {
                            if (field.isEmpty()) {
                              continue;
                            }
                            ps.setString(1, field);
                          }
                          ps.addBatch();
                        }
                        ps.executeBatch();
                        ps.close();
                      } else {
                        continue;
                      }
                    } else if (isNested(item)) {
                      subSave(conn, item);
                    } else {
                      continue;
                    }
                  }
                }
              }

              private static boolean isInsert(String s) { return s.startsWith("i"); }
              private static boolean isSingle(String s) { return s.startsWith("s"); }
              private static boolean isBatch(String s) { return s.startsWith("b"); }
              private static boolean isNested(String s) { return s.startsWith("n"); }
            }
            """)
        .doTest();
  }
}
