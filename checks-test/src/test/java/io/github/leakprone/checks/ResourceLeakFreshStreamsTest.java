package io.github.leakprone.checks;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * Getters whose contract is a fresh stream on each call, for the caller to close: Spring's {@code
 * InputStreamSource.getInputStream()} (a {@code Resource}'s file, jar entry or connection, a {@code
 * MultipartFile}'s upload) and an upload's content (Commons FileUpload's {@code FileItem}, the
 * Servlet API's {@code Part}), a temporary file where the upload was too large to keep in memory.
 * Not a byte array's stream, nor the stream an {@code InputStreamResource} was given, nor the
 * request's own body.
 */
final class ResourceLeakFreshStreamsTest {

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(ResourceLeak.class, getClass())
          .addSourceLines(
              "org/springframework/core/io/InputStreamSource.java",
              """
              package org.springframework.core.io;

              public interface InputStreamSource {
                java.io.InputStream getInputStream() throws java.io.IOException;
              }
              """)
          .addSourceLines(
              "org/springframework/core/io/Resource.java",
              """
              package org.springframework.core.io;

              public interface Resource extends InputStreamSource {
                String getFilename();
              }
              """)
          .addSourceLines(
              "org/springframework/core/io/ByteArrayResource.java",
              """
              package org.springframework.core.io;

              public class ByteArrayResource implements Resource {
                private final byte[] bytes;

                public ByteArrayResource(byte[] bytes) {
                  this.bytes = bytes;
                }

                @Override
                public java.io.InputStream getInputStream() {
                  return new java.io.ByteArrayInputStream(bytes);
                }

                @Override
                public String getFilename() {
                  return null;
                }
              }
              """)
          .addSourceLines(
              "org/apache/commons/fileupload/FileItem.java",
              """
              package org.apache.commons.fileupload;

              public interface FileItem {
                java.io.InputStream getInputStream() throws java.io.IOException;

                String getName();
              }
              """)
          .addSourceLines(
              "javax/servlet/ServletRequest.java",
              """
              package javax.servlet;

              public interface ServletRequest {
                java.io.InputStream getInputStream() throws java.io.IOException;
              }
              """)
          .addSourceLines(
              "javax/servlet/http/Part.java",
              """
              package javax.servlet.http;

              public interface Part {
                java.io.InputStream getInputStream() throws java.io.IOException;

                String getName();
              }
              """);

  @Test
  void aFreshStreamFromASourceOrAnUploadIsTheCallersToClose() {
    helper
        .addSourceLines(
            "Uploads.java",
            """
            import java.io.IOException;
            import java.io.InputStream;
            import java.io.OutputStream;
            import java.util.Properties;
            import javax.servlet.http.Part;
            import org.apache.commons.fileupload.FileItem;
            import org.springframework.core.io.Resource;

            class Uploads {
              Properties settings(Resource resource) throws IOException {
                Properties properties = new Properties();
                // BUG: Diagnostic contains: InputStream returned by getInputStream() at line 13 is never stored
                properties.load(resource.getInputStream());
                return properties;
              }

              void save(FileItem item, OutputStream out) throws IOException {
                // BUG: Diagnostic contains: InputStream `in` acquired at line 19 is never closed
                InputStream in = item.getInputStream();
                in.transferTo(out);
              }

              long size(Part part) throws IOException {
                // BUG: Diagnostic contains: InputStream `in` acquired at line 25 is not closed when
                InputStream in = part.getInputStream();
                long size = in.transferTo(OutputStream.nullOutputStream());
                in.close();
                return size;
              }

              void saveClosed(FileItem item, OutputStream out) throws IOException {
                try (InputStream in = item.getInputStream()) {
                  in.transferTo(out);
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void aByteArraysStreamAndTheRequestsBodyHoldNothingToClose() {
    helper
        .addSourceLines(
            "Bodies.java",
            """
            import java.io.IOException;
            import java.io.OutputStream;
            import javax.servlet.ServletRequest;
            import org.springframework.core.io.ByteArrayResource;

            class Bodies {
              void copy(ByteArrayResource resource, OutputStream out) throws IOException {
                resource.getInputStream().transferTo(out);
              }

              void echo(ServletRequest request, OutputStream out) throws IOException {
                request.getInputStream().transferTo(out);
              }
            }
            """)
        .doTest();
  }
}
