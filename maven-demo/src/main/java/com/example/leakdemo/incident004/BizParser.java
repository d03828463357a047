package com.example.leakdemo.incident004;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;

/**
 * Incident 004 (508,211 T4CPreparedStatement objects, 1.9 GB, OOM): save() and subSave() are
 * 200-line methods with eight levels of loops and ifs in production; here they keep the shape the
 * post-mortem printed. A {@code continue} leaves {@code ps} open, the next iteration overwrites it,
 * and the recursive subSave() overwrites the same field. The pooled connection's close() only
 * returns the connection to the pool, so the driver keeps every statement it ever prepared.
 */
public class BizParser {

  private PreparedStatement ps;
  private String sql = "insert into biz values (?)";
  private int saved;

  /** Parses the crawled data and writes it to the database. */
  public void save(Connection conn, String data) throws Exception {
    try {
      for (String item : parts(data, ',')) {
        if (isInsert(item)) {
          ps = conn.prepareStatement(sql);
          ps.setString(1, item);
          ps.execute();
          ps.close();

          sql = "insert into biz_detail values (?)";
          ps = conn.prepareStatement(sql);

          if (isSingle(item)) {
            for (String field : parts(item, ';')) {
              if (field.isEmpty()) {
                continue;
              }
              ps.setString(1, field);
            }
            ps.execute();
            ps.close();
          } else if (isBatch(item)) {
            for (String row : parts(item, ';')) {
              for (String field : parts(row, ':')) {
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
          saved++;
        } else if (isNested(item)) {
          subSave(conn, item);
        } else {
          continue;
        }
        saved++;
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
      for (String item : parts(data, ',')) {
        if (isInsert(item)) {
          if (item.isEmpty()) {
            continue;
          }
          ps = conn.prepareStatement(sql);
          ps.setString(1, item);
          ps.execute();
          ps.close();
          sql = "insert into biz_detail values (?)";
          ps = conn.prepareStatement(sql);

          if (isSingle(item)) {
            for (String field : parts(item, ';')) {
              if (field.isEmpty()) {
                continue;
              }
              ps.setString(1, field);
            }
            ps.execute();
            ps.close();
          } else if (isBatch(item)) {
            for (String row : parts(item, ';')) {
              for (String field : parts(row, ':')) {
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
          saved++;
        } else if (isNested(item)) {
          // The recursion: it overwrites the field ps while the caller may still hold one open.
          subSave(conn, item);
        } else {
          continue;
        }
        saved++;
      }
    }
  }

  /** The parts of {@code text} between separators, as the original's hand-rolled parser gave them. */
  private static List<String> parts(String text, char separator) {
    List<String> parts = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == separator) {
        parts.add(text.substring(start, i));
        start = i + 1;
      }
    }
    return parts;
  }

  /** How many items were stored. */
  public int saved() {
    return saved;
  }

  private static boolean isInsert(String s) {
    return s.startsWith("i");
  }

  private static boolean isSingle(String s) {
    return s.startsWith("s");
  }

  private static boolean isBatch(String s) {
    return s.startsWith("b");
  }

  private static boolean isNested(String s) {
    return s.startsWith("n");
  }
}
