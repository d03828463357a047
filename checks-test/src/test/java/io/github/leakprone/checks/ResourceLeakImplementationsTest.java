package io.github.leakprone.checks;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * A stream handed to a method of the project's own interface is taken where every implementation of
 * it that javac compiles with the caller closes it whatever fails (Ivy's {@code
 * ModuleDescriptorParser.toIvyFile}, documented to close its stream, whose parsers all close it in
 * a {@code finally}; a holdout round's false alarm). One implementation that only reads it, or
 * closes it only at its end, leaves it to the caller, as does an interface with none in sight or a
 * library's interface that the project happens to implement.
 */
final class ResourceLeakImplementationsTest {

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(ResourceLeak.class, getClass());

  private static final String PARSER =
      """
      package com.acme;

      import java.io.File;
      import java.io.IOException;
      import java.io.InputStream;

      public interface Parser {
        /** Writes what {@code in} holds to {@code dest}, and closes {@code in}. */
        void toFile(InputStream in, File dest) throws IOException;
      }
      """;

  private static final String XML_PARSER =
      """
      package com.acme;

      import java.io.File;
      import java.io.IOException;
      import java.io.InputStream;
      import java.nio.file.Files;

      final class XmlParser implements Parser {
        @Override
        public void toFile(InputStream in, File dest) throws IOException {
          try {
            Files.copy(in, dest.toPath());
          } finally {
            in.close();
          }
        }
      }
      """;

  private static final String POM_PARSER =
      """
      package com.acme;

      import java.io.File;
      import java.io.IOException;
      import java.io.InputStream;
      import java.nio.file.Files;

      final class PomParser implements Parser {
        @Override
        public void toFile(InputStream in, File dest) throws IOException {
          try (InputStream closing = in) {
            Files.copy(closing, dest.toPath());
          }
        }
      }
      """;

  /** Hands the stream on to the parser it picks: taken where every parser takes it. */
  private static final String REGISTRY =
      """
      package com.acme;

      import java.io.File;
      import java.io.IOException;
      import java.io.InputStream;

      final class Registry implements Parser {
        private final Parser xml = new XmlParser();

        @Override
        public void toFile(InputStream in, File dest) throws IOException {
          xml.toFile(in, dest);
        }
      }
      """;

  private static final String LOST =
      "// BUG: Diagnostic contains: FileInputStream created at line 10 is never stored";

  /** Hands a new stream to a parser; {@code comment} is the line above that call. */
  private static String resolver(String comment) {
    return """
        package com.acme;

        import java.io.File;
        import java.io.FileInputStream;
        import java.io.IOException;

        final class Resolver {
          void cache(Parser parser, File src, File dest) throws IOException {
            %s
            parser.toFile(new FileInputStream(src), dest);
          }
        }
        """
        .formatted(comment);
  }

  @Test
  void aStreamEveryImplementationTakesIsTaken() {
    helper
        .addSourceLines("Parser.java", PARSER)
        .addSourceLines("XmlParser.java", XML_PARSER)
        .addSourceLines("PomParser.java", POM_PARSER)
        .addSourceLines("Registry.java", REGISTRY)
        .addSourceLines("Resolver.java", resolver("// every parser closes it"))
        .doTest();
  }

  @Test
  void aStreamOneImplementationOnlyReadsIsTheCallers() {
    helper
        .addSourceLines("Parser.java", PARSER)
        .addSourceLines("XmlParser.java", XML_PARSER)
        .addSourceLines(
            "Reader.java",
            """
            package com.acme;

            import java.io.File;
            import java.io.IOException;
            import java.io.InputStream;
            import java.nio.file.Files;

            final class Reader implements Parser {
              @Override
              public void toFile(InputStream in, File dest) throws IOException {
                Files.copy(in, dest.toPath());
              }
            }
            """)
        .addSourceLines("Resolver.java", resolver(LOST))
        .doTest();
  }

  @Test
  void aStreamHandedToAnInterfaceWithNoImplementationInSightIsTheCallers() {
    helper
        .addSourceLines("Parser.java", PARSER)
        .addSourceLines("Resolver.java", resolver(LOST))
        .doTest();
  }

  @Test
  void aLibraryInterfacesMethodIsNotJudgedByTheProjectsImplementations() {
    // BeetlSQL and MINA have maps of their own whose put keeps what it is given; a put into a
    // HashMap still runs the JDK's.
    helper
        .addSourceLines(
            "Registry.java",
            """
            package com.acme;

            import java.util.AbstractMap;
            import java.util.HashMap;
            import java.util.Map;
            import java.util.Set;

            final class Registry<K, V> extends AbstractMap<K, V> {
              private final Map<K, V> inner = new HashMap<>();

              @Override
              public V put(K key, V value) {
                return inner.put(key, value);
              }

              @Override
              public Set<Map.Entry<K, V>> entrySet() {
                return inner.entrySet();
              }
            }
            """)
        .addSourceLines(
            "Streams.java",
            """
            package com.acme;

            import java.io.FileInputStream;
            import java.io.IOException;
            import java.io.InputStream;
            import java.util.HashMap;
            import java.util.List;
            import java.util.Map;

            final class Streams {
              void firstBytes(List<String> names) throws IOException {
                Map<String, InputStream> streams = new HashMap<>();
                for (String name : names) {
                  // BUG: Diagnostic contains: is not closed after it is added to `streams`
                  InputStream in = new FileInputStream(name);
                  streams.put(name, in);
                }
                for (InputStream in : streams.values()) {
                  System.out.println(in.read());
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void aStreamEveryImplementationClosesOnlyAtItsEndIsLostWhenOneFails() {
    // UReport's Excel import: each parser closes the upload's stream after parsing it, and a bad
    // upload fails the parse first.
    helper
        .addSourceLines(
            "ExcelParser.java",
            """
            package com.acme;

            import java.io.IOException;
            import java.io.InputStream;

            abstract class ExcelParser {
              abstract String parse(InputStream in) throws IOException;
            }
            """)
        .addSourceLines(
            "XlsParser.java",
            """
            package com.acme;

            import java.io.IOException;
            import java.io.InputStream;

            final class XlsParser extends ExcelParser {
              @Override
              String parse(InputStream in) throws IOException {
                String sheet = new String(in.readNBytes(8), "UTF-8");
                in.close();
                return sheet;
              }
            }
            """)
        .addSourceLines(
            "Import.java",
            """
            package com.acme;

            import java.io.FileInputStream;
            import java.io.IOException;
            import java.io.InputStream;

            final class Import {
              String read(ExcelParser parser, String upload) throws IOException {
                // BUG: Diagnostic contains: is not closed when `parser.parse(...)` at line 11 throws
                InputStream in = new FileInputStream(upload);
                String sheet = parser.parse(in);
                in.close();
                return sheet;
              }
            }
            """)
        .doTest();
  }
}
