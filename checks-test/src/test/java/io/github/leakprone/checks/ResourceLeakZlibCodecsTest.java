package io.github.leakprone.checks;

import static com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode.TEXT_MATCH;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * {@code Deflater} and {@code Inflater} hold a zlib stream in native memory until {@code end()}:
 * one made per call and never ended grows the process until a collection happens to free it. A JDK
 * stream given one does not end it when closed; one it makes for itself it does.
 */
// TEXT_MATCH is deprecated from Error Prone 2.43 on, where it is doTest()'s default; 2.42.0, which
// JDK 17 runs, still defaults to AST_MATCH, so the tests name the mode.
@SuppressWarnings("deprecation")
final class ResourceLeakZlibCodecsTest {

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(ResourceLeak.class, getClass());

  @Test
  void aCodecMadePerCallMustBeEnded() {
    helper
        .addSourceLines(
            "Codec.java",
            """
            import java.io.ByteArrayOutputStream;
            import java.util.zip.DataFormatException;
            import java.util.zip.Deflater;
            import java.util.zip.Inflater;

            class Codec {
              byte[] compress(byte[] data) {
                // BUG: Diagnostic contains: Deflater `deflater` acquired at line 9 is never ended; end it in a finally block
                Deflater deflater = new Deflater(Deflater.BEST_SPEED);
                deflater.setInput(data);
                deflater.finish();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buffer = new byte[4096];
                while (!deflater.finished()) {
                  out.write(buffer, 0, deflater.deflate(buffer));
                }
                return out.toByteArray();
              }

              byte[] inflate(byte[] data, int size) throws DataFormatException {
                // BUG: Diagnostic contains: Inflater `inflater` acquired at line 22 is not ended when `inflater.inflate(...)` at line 25 throws; end it in a finally block
                Inflater inflater = new Inflater();
                inflater.setInput(data);
                byte[] result = new byte[size];
                inflater.inflate(result);
                inflater.end();
                return result;
              }

              byte[] ended(byte[] data, int size) throws DataFormatException {
                Inflater inflater = new Inflater();
                try {
                  inflater.setInput(data);
                  byte[] result = new byte[size];
                  inflater.inflate(result);
                  return result;
                } finally {
                  inflater.end();
                }
              }

              Deflater handedOut(int level) {
                Deflater deflater = new Deflater(level, true);
                deflater.setStrategy(Deflater.FILTERED);
                return deflater;
              }
            }
            """)
        .doTest();
  }

  /**
   * A JDK stream given a codec uses it and, closed, leaves it to the caller: {@code new
   * InflaterInputStream(in, new Inflater(true))} loses the Inflater with the stream. The stream's
   * own codec ({@code new InflaterInputStream(in)}, a {@code GZIPInputStream}) it ends itself, and
   * a project's subclass may end the one it is given.
   */
  @Test
  void aStreamGivenACodecLeavesItToTheCaller() {
    helper
        .addSourceLines(
            "Streams.java",
            """
            import java.io.IOException;
            import java.io.InputStream;
            import java.io.OutputStream;
            import java.util.zip.Deflater;
            import java.util.zip.DeflaterOutputStream;
            import java.util.zip.GZIPInputStream;
            import java.util.zip.Inflater;
            import java.util.zip.InflaterInputStream;

            class Streams {
              static final class EndingStream extends DeflaterOutputStream {
                EndingStream(OutputStream out, Deflater deflater) {
                  super(out, deflater);
                }

                @Override
                public void close() throws IOException {
                  try {
                    super.close();
                  } finally {
                    def.end();
                  }
                }
              }

              InputStream rawDeflate(InputStream in) {
                // BUG: Diagnostic contains: Inflater created at line 28 is given to a new InflaterInputStream, whose close() does not end it, and nothing else ends it; keep it in a variable and end it once the stream is done
                return new InflaterInputStream(in, new Inflater(true));
              }

              InputStream ownInflater(InputStream in) {
                return new InflaterInputStream(in);
              }

              InputStream gzip(InputStream in) throws IOException {
                return new GZIPInputStream(in);
              }

              OutputStream ending(OutputStream out) {
                return new EndingStream(out, new Deflater(9, true));
              }

              void write(OutputStream out, byte[] data) throws IOException {
                Deflater deflater = new Deflater(9, true);
                try (DeflaterOutputStream stream = new DeflaterOutputStream(out, deflater)) {
                  stream.write(data);
                } finally {
                  deflater.end();
                }
              }

              void notEnded(OutputStream out, byte[] data) throws IOException {
                // BUG: Diagnostic contains: Deflater `deflater` acquired at line 54 is never ended; end it in a finally block
                Deflater deflater = new Deflater(9, true);
                try (DeflaterOutputStream stream = new DeflaterOutputStream(out, deflater)) {
                  stream.write(data);
                }
              }
            }
            """)
        .doTest();
  }

  /** A codec kept for an object's life is ended where that life ends, as a stream would be. */
  @Test
  void aCodecInAFieldIsEndedWithItsObject() {
    helper
        .addSourceLines(
            "Compression.java",
            """
            import java.util.zip.Deflater;

            class Compression {
              static final class Leaking {
                private final Deflater deflater;

                Leaking(int level) {
                  // BUG: Diagnostic contains: Deflater `deflater` acquired at line 9 is not ended after it is stored in field `deflater`, which nothing in its class ends; end it where the object's life ends, in a close() of its class
                  deflater = new Deflater(level);
                }

                int compress(byte[] in, byte[] out) {
                  deflater.setInput(in);
                  return deflater.deflate(out, 0, out.length, Deflater.SYNC_FLUSH);
                }
              }

              static final class Ending {
                private final Deflater deflater;

                Ending(int level) {
                  deflater = new Deflater(level);
                }

                int compress(byte[] in, byte[] out) {
                  deflater.setInput(in);
                  return deflater.deflate(out, 0, out.length, Deflater.SYNC_FLUSH);
                }

                void close() {
                  deflater.end();
                }
              }
            }
            """)
        .doTest();
  }

  /** The fix ends the codec in a finally block: its close() is JDK 25's alone. */
  @Test
  void fixEndsTheCodecInAFinallyBlock() {
    BugCheckerRefactoringTestHelper.newInstance(ResourceLeak.class, getClass())
        .addInputLines(
            "Codec.java",
            """
            import java.util.Arrays;
            import java.util.zip.Deflater;

            class Codec {
              byte[] compress(byte[] data) {
                Deflater deflater = new Deflater();
                deflater.setInput(data);
                deflater.finish();
                byte[] buffer = new byte[data.length + 64];
                int length = deflater.deflate(buffer);
                return Arrays.copyOf(buffer, length);
              }
            }
            """)
        .addOutputLines(
            "Codec.java",
            """
            import java.util.Arrays;
            import java.util.zip.Deflater;

            class Codec {
              byte[] compress(byte[] data) {
                Deflater deflater = new Deflater();
                try {
                  deflater.setInput(data);
                  deflater.finish();
                  byte[] buffer = new byte[data.length + 64];
                  int length = deflater.deflate(buffer);
                  return Arrays.copyOf(buffer, length);
                } finally {
                  deflater.end();
                }
              }
            }
            """)
        .doTest(TEXT_MATCH);
  }
}
