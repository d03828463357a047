package io.github.leakprone.build;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Error Prone 2.43+ refuses to run on JDK 21 unless javac gets {@code
 * -XDaddTypeAnnotationsToSymbol=true} (google/error-prone#5426). Every build that may run it there
 * passes the flag: our own, the demo, and the snippets README gives users. (That the flag changes
 * nothing on JDK 17 and JDK 25 is shown by the builds and PluginJarIT, which pass it on the JDK
 * that runs them; no JDK 21 runs here, see .ci/run.)
 */
final class ErrorProneJavacFlagsTest {

  private static final String FLAG = "-XDaddTypeAnnotationsToSymbol=true";
  private static final Pattern CODE_BLOCK = Pattern.compile("```(\\w+)\\n(.*?)```", Pattern.DOTALL);

  @ParameterizedTest
  @ValueSource(strings = {"../pom.xml", "../maven-demo/pom.xml"})
  void everyPomThatRunsErrorPronePassesTheFlag(String pom) throws IOException {
    String text = Files.readString(Path.of(pom), UTF_8);
    assertTrue(text.contains("-Xplugin:ErrorProne"), pom);
    assertTrue(text.contains("<arg>" + FLAG + "</arg>"), pom + " must pass " + FLAG);
  }

  @Test
  void readmesBuildSnippetsPassTheFlag() throws IOException {
    List<String> snippets = new ArrayList<>();
    Matcher block = CODE_BLOCK.matcher(Files.readString(Path.of("../README.md"), UTF_8));
    while (block.find()) {
      String code = block.group(2);
      // The snippets that set Error Prone up: Maven's plugin and Gradle's dependency on it.
      if (code.contains("error_prone_core")) {
        snippets.add(block.group(1) + ":\n" + code);
      }
    }
    assertFalse(snippets.isEmpty(), "README sets up Error Prone somewhere");
    for (String snippet : snippets) {
      assertTrue(snippet.contains(FLAG), "README's snippet must pass " + FLAG + ":\n" + snippet);
    }
  }
}
