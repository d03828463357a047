package io.github.leakprone.checks;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * A resource set on a holder ({@code source.setByteStream(stream)}) goes where the holder goes,
 * unless the method closes it itself: then it only lent it, and a failure before its close loses
 * it. A close that runs only while the holder is null is the cleanup of the path that never made
 * the holder, and says nothing of the path that handed the resource over. A fluent setter (one that
 * returns its own object) of an object the method was given, or its class keeps, is such a holder
 * too; of a builder the method makes, it is not, as the builder's product is what holds the
 * resource.
 */
final class ResourceLeakSetterLoansTest {

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(ResourceLeak.class, getClass());

  /**
   * Tomcat's {@code ContextConfig.getGlobalWebXmlSource}: the stream is set on the source it
   * returns, and the {@code finally} closes it only when no source was made.
   */
  @Test
  void aCloseWhileTheHolderIsNullDoesNotMakeTheSetterALoan() {
    helper
        .addSourceLines(
            "WebXml.java",
            """
            import java.io.FileInputStream;
            import java.io.IOException;
            import java.io.InputStream;
            import java.util.Objects;
            import org.xml.sax.InputSource;

            class WebXml {
              InputSource source(String name, boolean usable) {
                InputStream stream = null;
                InputSource source = null;
                try {
                  stream = new FileInputStream(name);
                  if (usable) {
                    source = new InputSource(name);
                    source.setByteStream(stream);
                  }
                } catch (IOException e) {
                  System.err.println(e);
                } finally {
                  if (source == null && stream != null) {
                    try {
                      stream.close();
                    } catch (IOException e) {
                      // Ignore
                    }
                  }
                }
                return source;
              }

              InputSource sourceTestedWithObjects(String name) throws IOException {
                InputStream stream = new FileInputStream(name);
                InputSource source = null;
                try {
                  source = new InputSource(name);
                  source.setByteStream(stream);
                  return source;
                } finally {
                  if (Objects.isNull(source)) {
                    stream.close();
                  }
                }
              }
            }
            """)
        .expectNoDiagnostics()
        .doTest();
  }

  /**
   * A close under any other condition, or none, is the method's own: the setter only lent the
   * stream, and a failure between the two loses it.
   */
  @Test
  void aCloseOfItsOwnMakesTheSetterALoan() {
    helper
        .addSourceLines(
            "Parse.java",
            """
            import java.io.FileInputStream;
            import java.io.IOException;
            import java.io.InputStream;
            import org.xml.sax.InputSource;

            abstract class Parse {
              abstract void parse(InputSource source) throws IOException;

              void parseFile(String name) throws IOException {
                // BUG: Diagnostic contains: FileInputStream `stream` acquired at line 11 is not closed when `parse(...)` at line 14 throws
                InputStream stream = new FileInputStream(name);
                InputSource source = new InputSource(name);
                source.setByteStream(stream);
                parse(source);
                stream.close();
              }

              void parseFileUnlessAsked(String name, boolean keepOpen) throws IOException {
                // BUG: Diagnostic contains: FileInputStream `stream` acquired at line 20 is not closed when `parse(...)` at line 23 throws
                InputStream stream = new FileInputStream(name);
                InputSource source = new InputSource(name);
                source.setByteStream(stream);
                parse(source);
                if (!keepOpen && source != null) {
                  stream.close();
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * Javalin's {@code ctx.result(stream)}: the server writes the response's stream out and closes it
   * once the handler returns (WebDriverManager's driver server, where the stream was said never
   * stored). A fluent call of a builder the method made, with nothing built, keeps it nowhere.
   */
  @Test
  void aFluentSetterOfAnObjectTheMethodWasGivenTakesTheResource() {
    helper
        .addSourceLines(
            "Downloads.java",
            """
            import java.io.File;
            import java.io.FileInputStream;
            import java.io.IOException;
            import java.io.InputStream;

            class Downloads {
              interface Context {
                Context header(String name, String value);

                Context result(InputStream body);
              }

              static final class Reply {
                Reply body(InputStream body) {
                  return this;
                }
              }

              private final Context shared;

              Downloads(Context shared) {
                this.shared = shared;
              }

              void serve(Context ctx, File file) throws IOException {
                ctx.header("Content-Disposition", "attachment").result(new FileInputStream(file));
              }

              void serveShared(File file) throws IOException {
                shared.result(new FileInputStream(file));
              }

              void prepare(File file) throws IOException {
                // BUG: Diagnostic contains: FileInputStream created at line 35 is never stored
                new Reply().body(new FileInputStream(file));
              }
            }
            """)
        .doTest();
  }
}
