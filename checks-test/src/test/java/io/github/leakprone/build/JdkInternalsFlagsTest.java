package io.github.leakprone.build;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.base.CharMatcher;
import com.google.common.base.Splitter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Error Prone needs the same JDK-internal flags in three places: the parent pom's {@code
 * jdk.internals.flags} (which the tests run with), {@code .mvn/jvm.config} (our own build) and
 * {@code maven-demo/.mvn/jvm.config} (the user's build README shows). Maven cannot share one file
 * between them, so this test keeps them equal.
 */
final class JdkInternalsFlagsTest {

  private static final Splitter WHITESPACE =
      Splitter.on(CharMatcher.whitespace()).omitEmptyStrings();

  @ParameterizedTest
  @ValueSource(strings = {"../.mvn/jvm.config", "../maven-demo/.mvn/jvm.config"})
  void jvmConfigHoldsTheFlagsTheTestsRunWith(String jvmConfig) throws IOException {
    Set<String> inConfig = new TreeSet<>();
    for (String line : Files.readAllLines(Path.of(jvmConfig), UTF_8)) {
      WHITESPACE.split(line).forEach(inConfig::add);
    }
    assertEquals(
        internalsFlagsOf(ManagementFactory.getRuntimeMXBean().getInputArguments()), inConfig);
  }

  private static Set<String> internalsFlagsOf(List<String> jvmArguments) {
    Set<String> flags = new TreeSet<>();
    for (String argument : jvmArguments) {
      if (argument.startsWith("--add-exports=jdk.compiler/")
          || argument.startsWith("--add-opens=jdk.compiler/")) {
        flags.add(argument);
      }
    }
    return flags;
  }
}
