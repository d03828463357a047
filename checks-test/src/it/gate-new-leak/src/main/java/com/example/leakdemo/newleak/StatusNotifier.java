package com.example.leakdemo.newleak;

import java.io.IOException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** A leak added in a pull request: the gate must fail on it, and on nothing else. */
public class StatusNotifier {

  public int ping(String url) throws IOException {
    OkHttpClient client = new OkHttpClient();
    try (Response response = client.newCall(new Request.Builder().url(url).build()).execute()) {
      return response.code();
    }
  }
}
