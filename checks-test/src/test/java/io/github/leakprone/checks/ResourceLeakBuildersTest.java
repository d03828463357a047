package io.github.leakprone.checks;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * A stream handed to a builder whose product is a stream over it (Commons IO's {@code
 * BOMInputStream.builder().setInputStream(in).get()}, and every decorator of Commons IO 2.12 on):
 * the product holds it, as a decorator's constructor would, and closing the product closes it. The
 * builders here are out of sight, as a library's are: abstract, with no body to read.
 */
final class ResourceLeakBuildersTest {

  /**
   * A builder generic over itself, as Commons IO's are: its setters are declared to return a type
   * variable ({@code B setInputStream(InputStream)}), and {@code get()} the product's type
   * variable.
   */
  private static final String GENERIC_BUILDER =
      """
      package com.acme;

      import java.io.FilterInputStream;
      import java.io.IOException;
      import java.io.InputStream;

      public abstract class BomStream extends FilterInputStream {
        protected BomStream(InputStream in) {
          super(in);
        }

        public static Builder builder() {
          throw new UnsupportedOperationException();
        }

        public abstract static class StreamBuilder<T, B extends StreamBuilder<T, B>> {
          public abstract B setInputStream(InputStream in);

          public abstract B setBufferSize(int size);

          public abstract T get() throws IOException;
        }

        public abstract static class Builder extends StreamBuilder<BomStream, Builder> {
          public abstract Builder setInclude(boolean include);
        }
      }
      """;

  /** A builder of no generics: its setter is declared to return the builder itself. */
  private static final String PLAIN_BUILDER =
      """
      package com.acme;

      import java.io.InputStream;

      public abstract class CountingStream extends InputStream {
        public abstract static class Builder {
          public abstract Builder setStream(InputStream in);

          public abstract Builder setLimit(long limit);

          public abstract CountingStream build();

          public abstract String describe();
        }
      }
      """;

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(ResourceLeak.class, getClass())
          .addSourceLines("com/acme/BomStream.java", GENERIC_BUILDER)
          .addSourceLines("com/acme/CountingStream.java", PLAIN_BUILDER);

  @Test
  void closingTheProductOfABuilderClosesTheStreamItWasGiven() {
    helper
        .addSourceLines(
            "Reading.java",
            """
            import com.acme.BomStream;
            import com.acme.CountingStream;
            import java.io.BufferedInputStream;
            import java.io.FileInputStream;
            import java.io.IOException;
            import java.io.InputStream;
            import java.nio.file.Files;
            import java.nio.file.Path;

            class Reading {
              int withoutMark(Path path) throws IOException {
                try (BomStream in =
                    BomStream.builder()
                        .setInputStream(Files.newInputStream(path))
                        .setInclude(false)
                        .setBufferSize(8192)
                        .get()) {
                  return in.read();
                }
              }

              int counted(Path path, CountingStream.Builder builder) throws IOException {
                CountingStream in =
                    builder.setStream(new BufferedInputStream(new FileInputStream(path.toFile())))
                        .setLimit(10)
                        .build();
                try {
                  return in.read();
                } finally {
                  in.close();
                }
              }

              BomStream handedOut(Path path) throws IOException {
                return BomStream.builder().setInputStream(Files.newInputStream(path)).get();
              }
            }
            """)
        .doTest();
  }

  /**
   * The product left open leaks the stream; so does a builder whose product is made but a string (a
   * value that holds nothing); and, as with a decorator whose constructor may fail ({@code new
   * GZIPInputStream(in)}), a product whose making may fail loses the stream opened before it.
   */
  @Test
  void aProductLeftOpenOrNeverMadeLeaksTheStream() {
    helper
        .addSourceLines(
            "Leaking.java",
            """
            import com.acme.BomStream;
            import com.acme.CountingStream;
            import java.io.FileInputStream;
            import java.io.IOException;
            import java.io.InputStream;
            import java.nio.file.Files;
            import java.nio.file.Path;

            class Leaking {
              int leftOpen(Path path) throws IOException {
                // BUG: Diagnostic contains: InputStream `raw` acquired at line 12 is never closed
                InputStream raw = Files.newInputStream(path);
                BomStream in = BomStream.builder().setInputStream(raw).get();
                return in.read();
              }

              String described(Path path, CountingStream.Builder builder) throws IOException {
                // BUG: Diagnostic contains: FileInputStream created at line 19 is never stored
                return builder.setStream(new FileInputStream(path.toFile())).describe();
              }

              int openedBefore(Path path) throws IOException {
                // BUG: Diagnostic contains: `raw` acquired at line 24 is not closed when `get()` at line 25 throws
                InputStream raw = Files.newInputStream(path);
                try (BomStream in = BomStream.builder().setInputStream(raw).get()) {
                  return in.read();
                }
              }
            }
            """)
        .doTest();
  }
}
