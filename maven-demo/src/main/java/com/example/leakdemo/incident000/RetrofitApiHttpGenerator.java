package com.example.leakdemo.incident000;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import retrofit2.Retrofit;

/**
 * Incident 000 (heap OOM, message backlog): every call built a new OkHttpClient, and the generator
 * kept each one as a key of {@code retrofitMap}. The heap dump showed 69,477 OkHttpClients, each with
 * its own connection pool and certificate index, reachable from that map.
 */
public class RetrofitApiHttpGenerator {

  private static final Map<OkHttpClient, Retrofit> retrofitMap = new HashMap<>();

  public static <S> S createService(Class<S> serviceClass, String baseUrl, long timeoutSeconds) {
    OkHttpClient client =
        new OkHttpClient.Builder()
            .connectTimeout(timeoutSeconds, TimeUnit.SECONDS)
            .readTimeout(timeoutSeconds, TimeUnit.SECONDS)
            .build();
    Retrofit retrofit = new Retrofit.Builder().baseUrl(baseUrl).client(client).build();
    retrofitMap.put(client, retrofit);
    return retrofit.create(serviceClass);
  }
}
