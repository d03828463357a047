package io.github.leakprone.checks;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * A stream handed to an interface's method is taken where every implementation of it that javac
 * compiles with the caller takes it (Ivy's {@code ModuleDescriptorParser.toIvyFile}, documented to
 * close its stream, whose parsers all close it in a {@code finally}; a holdout round's false
 * alarm). One implementation that only reads it leaves it to the caller, as does an interface with
 * none in sight.
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

  @Test
  void aStreamEveryImplementationTakesIsTaken() {
    helper
        .addSourceLines("Parser.java", PARSER)
        .addSourceLines("XmlParser.java", XML_PARSER)
        .addSourceLines("PomParser.java", POM_PARSER)
        .addSourceLines("Registry.java", REGISTRY)
        .addSourceLines(
            "Resolver.java",
            """
            package com.acme;

            import java.io.File;
            import java.io.FileInputStream;
            import java.io.IOException;

            final class Resolver {
              void cache(Parser parser, File src, File dest) throws IOException {
                parser.toFile(new FileInputStream(src), dest);
              }
            }
            """)
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
        .addSourceLines(
            "Resolver.java",
            """
            package com.acme;

            import java.io.File;
            import java.io.FileInputStream;
            import java.io.IOException;

            final class Resolver {
              void cache(Parser parser, File src, File dest) throws IOException {
                // BUG: Diagnostic contains: FileInputStream created at line 10 is never stored
                parser.toFile(new FileInputStream(src), dest);
              }
            }
            """)
        .doTest();
  }

  @Test
  void aStreamHandedToAnInterfaceWithNoImplementationInSightIsTheCallers() {
    helper
        .addSourceLines("Parser.java", PARSER)
        .addSourceLines(
            "Resolver.java",
            """
            package com.acme;

            import java.io.File;
            import java.io.FileInputStream;
            import java.io.IOException;

            final class Resolver {
              void cache(Parser parser, File src, File dest) throws IOException {
                // BUG: Diagnostic contains: FileInputStream created at line 10 is never stored
                parser.toFile(new FileInputStream(src), dest);
              }
            }
            """)
        .doTest();
  }
}
