package com.example.leakdemo.io;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.util.Properties;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * WebhookNotifier, fixed: the response and the file stream closed by try-with-resources on every
 * path, and the connection asked for a header released after it answers. No finding.
 */
public class WebhookNotifierFixed {

  private static final OkHttpClient CLIENT = new OkHttpClient();

  /** Posts nothing, just pings the hook: true if it answered 2xx. */
  public boolean ping(String url) throws IOException {
    try (Response response = CLIENT.newCall(new Request.Builder().url(url).build()).execute()) {
      return response.isSuccessful();
    }
  }

  /** Every hook's settings, one properties file each; empty files are skipped. */
  public Properties settings(File[] files) throws IOException {
    Properties all = new Properties();
    for (File file : files) {
      try (FileInputStream in = new FileInputStream(file)) {
        if (file.length() == 0) {
          continue;
        }
        all.load(in);
      }
    }
    return all;
  }

  /** When the hook's published settings last changed: polled every minute. */
  public long settingsChangedAt(URL settings) throws IOException {
    URLConnection connection = settings.openConnection();
    if (connection instanceof HttpURLConnection http) {
      try {
        return http.getLastModified();
      } finally {
        http.disconnect();
      }
    }
    try (InputStream content = connection.getInputStream()) {
      return connection.getLastModified();
    }
  }
}
