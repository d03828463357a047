package io.github.leakprone.checks;

import com.google.errorprone.CompilationTestHelper;

/**
 * Stubs of Apache HttpClient 4's closeable client, response, entity and response handlers, and of
 * HttpClient 5's classic client, response and entity, for the ResourceLeak tests.
 */
final class HttpResponseStubs {

  /** {@code helper} with the stubs of HttpClient 4 added. */
  static CompilationTestHelper addTo(CompilationTestHelper helper) {
    return helper
        .addSourceLines(
            "org/apache/http/client/ResponseHandler.java",
            """
            package org.apache.http.client;

            public interface ResponseHandler<T> {
              T handleResponse(org.apache.http.HttpResponse response) throws java.io.IOException;
            }
            """)
        .addSourceLines(
            "org/apache/http/HttpEntity.java",
            """
            package org.apache.http;

            public interface HttpEntity {
              java.io.InputStream getContent() throws java.io.IOException;

              void writeTo(java.io.OutputStream out) throws java.io.IOException;
            }
            """)
        .addSourceLines(
            "org/apache/http/HttpResponse.java",
            """
            package org.apache.http;

            public interface HttpResponse {
              HttpEntity getEntity();
            }
            """)
        .addSourceLines(
            "org/apache/http/client/methods/CloseableHttpResponse.java",
            """
            package org.apache.http.client.methods;

            public interface CloseableHttpResponse
                extends org.apache.http.HttpResponse, java.io.Closeable {
              int getStatusCode();
            }
            """)
        .addSourceLines(
            "org/apache/http/impl/client/BasicResponseHandler.java",
            """
            package org.apache.http.impl.client;

            public class BasicResponseHandler
                implements org.apache.http.client.ResponseHandler<String> {
              @Override
              public String handleResponse(org.apache.http.HttpResponse response)
                  throws java.io.IOException {
                return "";
              }
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

  /** {@code helper} with HttpClient 5's classic client, its interface, response and entity. */
  static CompilationTestHelper addClassicTo(CompilationTestHelper helper) {
    return helper
        .addSourceLines(
            "org/apache/hc/core5/http/ClassicHttpResponse.java",
            """
            package org.apache.hc.core5.http;

            public interface ClassicHttpResponse extends HttpEntityContainer, java.io.Closeable {
              int getCode();
            }
            """)
        .addSourceLines(
            "org/apache/hc/core5/http/HttpEntityContainer.java",
            """
            package org.apache.hc.core5.http;

            public interface HttpEntityContainer {
              HttpEntity getEntity();
            }
            """)
        .addSourceLines(
            "org/apache/hc/core5/http/HttpEntity.java",
            """
            package org.apache.hc.core5.http;

            public interface HttpEntity extends java.io.Closeable {
              java.io.InputStream getContent() throws java.io.IOException;
            }
            """)
        .addSourceLines(
            "org/apache/hc/client5/http/classic/HttpClient.java",
            """
            package org.apache.hc.client5.http.classic;

            import org.apache.hc.core5.http.ClassicHttpResponse;

            public interface HttpClient {
              ClassicHttpResponse executeOpen(Object target, Object request, Object context)
                  throws java.io.IOException;
            }
            """)
        .addSourceLines(
            "org/apache/hc/client5/http/impl/classic/CloseableHttpClient.java",
            """
            package org.apache.hc.client5.http.impl.classic;

            import org.apache.hc.core5.http.ClassicHttpResponse;

            public abstract class CloseableHttpClient
                implements org.apache.hc.client5.http.classic.HttpClient, java.io.Closeable {
              @Override
              public abstract ClassicHttpResponse executeOpen(
                  Object target, Object request, Object context) throws java.io.IOException;
            }
            """);
  }

  private HttpResponseStubs() {}
}
