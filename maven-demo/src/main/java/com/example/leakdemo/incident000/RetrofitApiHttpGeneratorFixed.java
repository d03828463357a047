package com.example.leakdemo.incident000;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import retrofit2.Retrofit;

/**
 * Incident 000, fixed: one OkHttpClient for the process; per-call settings come from {@code
 * SHARED.newBuilder()}, which shares its connection pool and threads; one Retrofit per base URL and
 * timeout, built once. No finding.
 */
public class RetrofitApiHttpGeneratorFixed {

  private static final OkHttpClient SHARED = new OkHttpClient();
  private static final Map<String, Retrofit> RETROFITS = new ConcurrentHashMap<>();

  public static <S> S createService(Class<S> serviceClass, String baseUrl, long timeoutSeconds) {
    Retrofit retrofit =
        RETROFITS.computeIfAbsent(
            baseUrl + "|" + timeoutSeconds,
            key ->
                new Retrofit.Builder()
                    .baseUrl(baseUrl)
                    .client(
                        SHARED.newBuilder()
                            .connectTimeout(timeoutSeconds, TimeUnit.SECONDS)
                            .readTimeout(timeoutSeconds, TimeUnit.SECONDS)
                            .build())
                    .build());
    return retrofit.create(serviceClass);
  }
}
