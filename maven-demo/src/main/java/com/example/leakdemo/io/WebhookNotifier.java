package com.example.leakdemo.io;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.net.URL;
import java.util.Properties;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * ResourceLeak: three everyday leaks of an operating-system resource. A response whose status is
 * read and dropped keeps its pooled connection until the garbage collector finds it (OkHttp then
 * logs "A connection to ... was leaked. Did you forget to close a response body?"); a file stream
 * that a {@code continue} skips keeps its file descriptor until "Too many open files"; and a URL
 * connection asked only for a header connects to answer, and keeps the file or HTTP response it
 * opened.
 */
public class WebhookNotifier {

  private static final OkHttpClient CLIENT = new OkHttpClient();

  /** Posts nothing, just pings the hook: true if it answered 2xx. */
  public boolean ping(String url) throws IOException {
    Response response = CLIENT.newCall(new Request.Builder().url(url).build()).execute();
    return response.isSuccessful();
  }

  /** Every hook's settings, one properties file each; empty files are skipped. */
  public Properties settings(File[] files) throws IOException {
    Properties all = new Properties();
    for (File file : files) {
      FileInputStream in = new FileInputStream(file);
      if (file.length() == 0) {
        continue;
      }
      all.load(in);
      in.close();
    }
    return all;
  }

  /** When the hook's published settings last changed: polled every minute. */
  public long settingsChangedAt(URL settings) throws IOException {
    return settings.openConnection().getLastModified();
  }
}
