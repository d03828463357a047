package io.github.leakprone.checks;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * Setting a field of a resource ({@code socket.user = user}) hands the resource to no one: it is
 * still the method's to close (J2SSH's proxy sockets, a subclass of {@code Socket} whose static
 * factory sets its fields, then drops it when the proxy refuses: a holdout round's miss). Storing
 * the resource into a field of another object does hand it on, and so does setting it in an {@code
 * AtomicReference} field of this object (Fluency's {@code TCPSender}, which returns {@code
 * channel.get()} and closes it in {@code closeSocket()}: a holdout round's false alarm); a local
 * {@code AtomicReference} that goes nowhere keeps nothing. An {@code AtomicStampedReference} or
 * {@code AtomicMarkableReference} field keeps what it is set to as well, given first, beside its
 * stamp (Surefire's console output reporter, another false alarm); given as the value a {@code
 * compareAndSet} expects, the resource is only compared.
 */
final class ResourceLeakStoreIntoItsFieldTest {

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(ResourceLeak.class, getClass());

  @Test
  void aResourceWhoseOwnFieldIsSetIsStillTheMethods() {
    helper
        .addSourceLines(
            "Tunnel.java",
            """
            import java.io.IOException;
            import java.net.InetSocketAddress;
            import java.net.Socket;

            class Tunnel extends Socket {
              String user;
              int[] ports = new int[1];

              private Tunnel(String host, int port) throws IOException {
                connect(new InetSocketAddress(host, port));
              }

              static Tunnel open(String host, int port, String user) throws IOException {
                // BUG: Diagnostic contains: Tunnel `tunnel` acquired at line 15 is not closed when the `throw` at line 20 is taken
                Tunnel tunnel = new Tunnel(host, port);
                tunnel.user = user;
                tunnel.ports[0] = port;
                tunnel.getOutputStream().write('?');
                if (tunnel.getInputStream().read() != '+') {
                  throw new IOException("refused");
                }
                return tunnel;
              }
            }
            """)
        .doTest();
  }

  @Test
  void aResourceStoredIntoAnotherObjectIsHandedOn() {
    helper
        .addSourceLines(
            "Holder.java",
            """
            import java.io.IOException;
            import java.net.Socket;

            class Holder {
              static final class Slot {
                Socket socket;
              }

              static Slot open(String host, int port) throws IOException {
                Slot slot = new Slot();
                slot.socket = new Socket(host, port);
                slot.socket.getOutputStream().write('?');
                return slot;
              }
            }
            """)
        .doTest();
  }

  @Test
  void aResourceSetInAnAtomicReferenceFieldIsTheObjects() {
    helper
        .addSourceLines(
            "Sender.java",
            """
            import java.io.IOException;
            import java.net.InetSocketAddress;
            import java.nio.channels.SocketChannel;
            import java.util.concurrent.atomic.AtomicReference;

            class Sender {
              private final AtomicReference<SocketChannel> channel = new AtomicReference<>();

              SocketChannel channel(InetSocketAddress address) throws IOException {
                if (channel.get() == null) {
                  SocketChannel opened = SocketChannel.open();
                  try {
                    opened.connect(address);
                  } catch (IOException e) {
                    opened.close();
                    throw e;
                  }
                  channel.set(opened);
                }
                return channel.get();
              }

              boolean probe(InetSocketAddress address) throws IOException {
                AtomicReference<SocketChannel> local = new AtomicReference<>();
                // BUG: Diagnostic contains: SocketChannel `opened` acquired at line 26 is never closed
                SocketChannel opened = SocketChannel.open(address);
                local.set(opened);
                return local.get().isConnected();
              }

              void closeChannel() throws IOException {
                SocketChannel existing = channel.getAndSet(null);
                if (existing != null) {
                  existing.close();
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * A thread-local field keeps an object per thread, to be used again by the next call on that
   * thread: carbonado's compressor keeps its {@code Deflater} so (an evaluation FALSE said it was
   * never ended). A thread-local the method made itself keeps nothing beyond it.
   */
  @Test
  void aResourceSetInAThreadLocalFieldIsTheObjects() {
    helper
        .addSourceLines(
            "Compressor.java",
            """
            import java.util.zip.Deflater;

            class Compressor {
              private static final ThreadLocal<Deflater> DEFLATERS = new ThreadLocal<>();

              static int compress(byte[] in, byte[] out) {
                Deflater deflater = DEFLATERS.get();
                if (deflater == null) {
                  DEFLATERS.set(deflater = new Deflater());
                }
                try {
                  deflater.setInput(in);
                  deflater.finish();
                  return deflater.deflate(out);
                } finally {
                  deflater.reset();
                }
              }

              static int once(byte[] in, byte[] out) {
                ThreadLocal<Deflater> local = new ThreadLocal<>();
                // BUG: Diagnostic contains: Deflater `deflater` acquired at line 23 is never ended
                Deflater deflater = new Deflater();
                local.set(deflater);
                local.get().setInput(in);
                local.get().finish();
                return local.get().deflate(out);
              }
            }
            """)
        .doTest();
  }

  /**
   * A {@code VarHandle}'s write stores its last argument into the field the handle stands for:
   * methanol's deflate decoder keeps its {@code Inflater} with a compare-and-set and ends it in
   * {@code close()} (a FALSE of the hundred-and-seventeenth holdout round). What the handle only
   * compares with is not stored.
   */
  @Test
  void aResourceStoredThroughAVarHandleIsTheObjects() {
    helper
        .addSourceLines(
            "Decoder.java",
            """
            import java.lang.invoke.MethodHandles;
            import java.lang.invoke.VarHandle;
            import java.util.zip.Inflater;

            class Decoder {
              private static final VarHandle INFLATER;

              static {
                try {
                  INFLATER =
                      MethodHandles.lookup().findVarHandle(Decoder.class, "inflater", Object.class);
                } catch (ReflectiveOperationException e) {
                  throw new ExceptionInInitializerError(e);
                }
              }

              @SuppressWarnings("unused")
              private Object inflater;

              void start(boolean nowrap, byte[] header) {
                Inflater made = new Inflater(nowrap);
                if (!INFLATER.compareAndSet(this, null, made)) {
                  made.end();
                  return;
                }
                made.setInput(header);
              }

              boolean isCurrent(boolean nowrap) {
                // BUG: Diagnostic contains: Inflater `probe` acquired at line 31 is never ended
                Inflater probe = new Inflater(nowrap);
                return INFLATER.compareAndSet(this, probe, null);
              }

              void close() {
                Object current = INFLATER.getAndSet(this, null);
                if (current instanceof Inflater ended) {
                  ended.end();
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void aResourceSetInAStampedOrMarkableReferenceFieldIsTheObjects() {
    helper
        .addSourceLines(
            "OutputLog.java",
            """
            import java.io.BufferedOutputStream;
            import java.io.File;
            import java.io.FileOutputStream;
            import java.io.IOException;
            import java.io.OutputStream;
            import java.nio.charset.StandardCharsets;
            import java.util.concurrent.atomic.AtomicMarkableReference;
            import java.util.concurrent.atomic.AtomicStampedReference;

            class OutputLog {
              private static final int OPEN = 1;
              private static final int CLOSED = 2;
              private final AtomicStampedReference<OutputStream> out =
                  new AtomicStampedReference<>(null, OPEN);
              private final AtomicMarkableReference<OutputStream> spare =
                  new AtomicMarkableReference<>(null, false);

              synchronized void write(File file, String line) throws IOException {
                int[] stamp = new int[1];
                OutputStream os = out.get(stamp);
                if (stamp[0] == CLOSED) {
                  return;
                }
                if (os == null) {
                  os = new BufferedOutputStream(new FileOutputStream(file));
                  out.set(os, OPEN);
                }
                os.write(line.getBytes(StandardCharsets.UTF_8));
              }

              void keepSpare(File file) throws IOException {
                OutputStream opened = new FileOutputStream(file);
                if (!spare.compareAndSet(null, opened, false, true)) {
                  opened.close();
                }
              }

              boolean replaceSpare(File file) throws IOException {
                // BUG: Diagnostic contains: FileOutputStream `compared` acquired at line 40 is never closed
                OutputStream compared = new FileOutputStream(file);
                return spare.compareAndSet(compared, null, true, false);
              }

              synchronized void close() throws IOException {
                int[] stamp = new int[1];
                OutputStream os = out.get(stamp);
                out.set(null, CLOSED);
                if (os != null) {
                  os.close();
                }
                OutputStream kept = spare.getReference();
                if (kept != null) {
                  kept.close();
                }
              }
            }
            """)
        .doTest();
  }
}
