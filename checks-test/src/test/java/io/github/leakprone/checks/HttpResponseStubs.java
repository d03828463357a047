package io.github.leakprone.checks;

import com.google.errorprone.CompilationTestHelper;

/**
 * Stubs of Apache HttpClient 4's closeable client, response and response handler, for the
 * ResourceLeak tests.
 */
final class HttpResponseStubs {

  /** {@code helper} with the three stubs added. */
  static CompilationTestHelper addTo(CompilationTestHelper helper) {
    return helper
        .addSourceLines(
            "org/apache/http/client/ResponseHandler.java",
            """
            package org.apache.http.client;

            public interface ResponseHandler<T> {
              T handleResponse(Object response) throws java.io.IOException;
            }
            """)
        .addSourceLines(
            "org/apache/http/client/methods/CloseableHttpResponse.java",
            """
            package org.apache.http.client.methods;

            public interface CloseableHttpResponse extends java.io.Closeable {
              int getStatusCode();
            }
            """)
        .addSourceLines(
            "org/apache/http/impl/client/CloseableHttpClient.java",
            """
            package org.apache.http.impl.client;

            import org.apache.http.client.methods.CloseableHttpResponse;

            public abstract class CloseableHttpClient implements java.io.Closeable {
              public abstract CloseableHttpResponse execute(Object request) throws java.io.IOException;

              public abstract <T> T execute(
                  Object request, org.apache.http.client.ResponseHandler<? extends T> handler)
                  throws java.io.IOException;
            }
            """);
  }

  private HttpResponseStubs() {}
}
