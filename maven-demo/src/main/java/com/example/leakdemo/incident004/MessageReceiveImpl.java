package com.example.leakdemo.incident004;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Incident 004's caller (its printStackTrace calls turned into logging): Java 6 style, the
 * connection closed in finally. Correct, and not flagged;
 * but with a pool its close() returns the connection without closing the statements BizParser left
 * open, which is why closing the connection never counts as closing its statements.
 */
public class MessageReceiveImpl {

  private static final Logger LOG = Logger.getLogger(MessageReceiveImpl.class.getName());

  private final DataSource dataSource;

  public MessageReceiveImpl(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Parses the crawled HTML data and stores it. */
  public void receiveJsonData(String data) {
    BizParser parser = new BizParser();
    Connection conn = null;
    try {
      conn = dataSource.getConnection();
      parser.save(conn, data);
    } catch (Exception e) {
      LOG.log(Level.WARNING, "save failed", e);
      try {
        if (conn != null) {
          conn.rollback();
        }
      } catch (SQLException e1) {
        LOG.log(Level.WARNING, "rollback failed", e1);
      }
    } finally {
      try {
        if (conn != null) {
          conn.close();
          conn = null;
        }
      } catch (SQLException e) {
        LOG.log(Level.WARNING, "close failed", e);
      }
    }
  }
}
