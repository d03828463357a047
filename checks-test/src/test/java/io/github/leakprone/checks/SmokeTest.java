package io.github.leakprone.checks;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

final class SmokeTest {
  private static final String[] SERIALIZE_CONFIG = {
    "package com.alibaba.fastjson.serializer;",
    "public class SerializeConfig {",
    "  public com.alibaba.fastjson.PropertyNamingStrategy propertyNamingStrategy;",
    "}"
  };
  private static final String[] NAMING = {
    "package com.alibaba.fastjson;",
    "public enum PropertyNamingStrategy { CamelCase, SnakeCase }"
  };
  private static final String[] JSON = {
    "package com.alibaba.fastjson;",
    "public class JSON {",
    "  public static String toJSONString(Object o, com.alibaba.fastjson.serializer.SerializeConfig c) { return \"\"; }",
    "}"
  };

  @Test
  void identification() {
    CompilationTestHelper.newInstance(HeavyweightClientPerCall.class, getClass())
        .addSourceLines("com/alibaba/fastjson/serializer/SerializeConfig.java", SERIALIZE_CONFIG)
        .addSourceLines("com/alibaba/fastjson/PropertyNamingStrategy.java", NAMING)
        .addSourceLines("com/alibaba/fastjson/JSON.java", JSON)
        .addSourceLines(
            "Util.java",
            "import com.alibaba.fastjson.JSON;",
            "import com.alibaba.fastjson.PropertyNamingStrategy;",
            "import com.alibaba.fastjson.serializer.SerializeConfig;",
            "class Util {",
            "  public static String buildData(Object bean) {",
            "    try {",
            "      // BUG: Diagnostic contains: SerializeConfig built on every call of buildData()",
            "      SerializeConfig CONFIG = new SerializeConfig();",
            "      CONFIG.propertyNamingStrategy = PropertyNamingStrategy.SnakeCase;",
            "      return JSON.toJSONString(bean, CONFIG);",
            "    } catch (Exception e) {",
            "      return null;",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void replacement() {
    BugCheckerRefactoringTestHelper.newInstance(HeavyweightClientPerCall.class, getClass())
        .addInputLines("com/alibaba/fastjson/serializer/SerializeConfig.java", SERIALIZE_CONFIG)
        .expectUnchanged()
        .addInputLines("com/alibaba/fastjson/PropertyNamingStrategy.java", NAMING)
        .expectUnchanged()
        .addInputLines("com/alibaba/fastjson/JSON.java", JSON)
        .expectUnchanged()
        .addInputLines(
            "Util.java",
            "import com.alibaba.fastjson.JSON;",
            "import com.alibaba.fastjson.PropertyNamingStrategy;",
            "import com.alibaba.fastjson.serializer.SerializeConfig;",
            "class Util {",
            "  public static String buildData(Object bean) {",
            "    try {",
            "      SerializeConfig CONFIG = new SerializeConfig();",
            "      CONFIG.propertyNamingStrategy = PropertyNamingStrategy.SnakeCase;",
            "      return JSON.toJSONString(bean, CONFIG);",
            "    } catch (Exception e) {",
            "      return null;",
            "    }",
            "  }",
            "}")
        .addOutputLines(
            "Util.java",
            "import com.alibaba.fastjson.JSON;",
            "import com.alibaba.fastjson.PropertyNamingStrategy;",
            "import com.alibaba.fastjson.serializer.SerializeConfig;",
            "class Util {",
            "  private static final SerializeConfig CONFIG = new SerializeConfig();",
            "",
            "  static {",
            "    CONFIG.propertyNamingStrategy = PropertyNamingStrategy.SnakeCase;",
            "  }",
            "  public static String buildData(Object bean) {",
            "    try {",
            "      return JSON.toJSONString(bean, CONFIG);",
            "    } catch (Exception e) {",
            "      return null;",
            "    }",
            "  }",
            "}")
        .doTest(BugCheckerRefactoringTestHelper.TestMode.TEXT_MATCH);
  }
}
