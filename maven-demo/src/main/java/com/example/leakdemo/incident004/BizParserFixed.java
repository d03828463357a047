package com.example.leakdemo.incident004;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Incident 004, fixed: each statement is a local in try-with-resources, so every path out of its
 * block (continue, recursion, exception) closes it. No finding.
 */
public class BizParserFixed {

  private static final String SQL = "insert into biz values (?)";
  private static final String DETAIL_SQL = "insert into biz_detail values (?)";

  /** Parses the crawled data and writes it to the database. */
  public void save(Connection conn, String data) throws SQLException {
    for (String item : data.split(",", -1)) {
      if (item.startsWith("n")) {
        save(conn, item.substring(1));
        continue;
      }
      try (PreparedStatement ps = conn.prepareStatement(SQL)) {
        ps.setString(1, item);
        ps.execute();
      }
      try (PreparedStatement ps = conn.prepareStatement(DETAIL_SQL)) {
        for (String field : item.split(";", -1)) {
          if (field.isEmpty()) {
            continue;
          }
          ps.setString(1, field);
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
  }
}
