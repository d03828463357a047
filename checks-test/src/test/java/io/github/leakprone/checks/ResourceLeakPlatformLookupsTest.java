package io.github.leakprone.checks;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * A reflective look-up of a public member that the JDK the code is compiled against declares, named
 * by constants, guards against an older platform only: its {@code NoSuchMethodException} is no path
 * a maintainer guards a resource against, and the member called through it fails as the member does
 * (nsq-j's deflate stream, looked up so as to run on Java 6; a holdout round's false alarm). A
 * member the JDK lacks is a real failure, and so is a member chosen at run time.
 */
final class ResourceLeakPlatformLookupsTest {

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(ResourceLeak.class, getClass());

  @Test
  void aLookUpOfAMemberThePlatformHasCannotFail() {
    helper
        .addSourceLines(
            "Compression.java",
            """
            import java.io.IOException;
            import java.io.OutputStream;
            import java.lang.reflect.Constructor;
            import java.util.zip.Deflater;
            import java.util.zip.DeflaterOutputStream;

            class Compression {
              OutputStream out;

              void deflate(OutputStream base) throws IOException {
                try {
                  Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
                  Constructor<DeflaterOutputStream> constructor =
                      DeflaterOutputStream.class.getConstructor(
                          OutputStream.class, Deflater.class, int.class, boolean.class);
                  out = constructor.newInstance(base, deflater, 32768, true);
                } catch (Exception e) {
                  throw new IOException("deflate needs Java 7", e);
                }
              }

              void lacking(OutputStream base) throws IOException {
                try {
                  // BUG: Diagnostic contains: not ended when `getConstructor(...)` at line 27 throws
                  Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
                  Constructor<DeflaterOutputStream> constructor =
                      DeflaterOutputStream.class.getConstructor(
                          OutputStream.class, Deflater.class, String.class);
                  out = constructor.newInstance(base, deflater, "none");
                } catch (Exception e) {
                  throw new IOException("no such stream", e);
                }
              }

              void chosenAtRunTime(OutputStream base, Class<?>[] types) throws IOException {
                try {
                  // BUG: Diagnostic contains: not ended when `getConstructor(...)` at line 40 throws
                  Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
                  Constructor<DeflaterOutputStream> constructor =
                      DeflaterOutputStream.class.getConstructor(types);
                  out = constructor.newInstance(base, deflater);
                } catch (Exception e) {
                  throw new IOException("no such stream", e);
                }
              }
            }
            """)
        .doTest();
  }
}
