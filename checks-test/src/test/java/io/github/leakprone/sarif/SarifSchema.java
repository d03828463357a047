package io.github.leakprone.sarif;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The SARIF 2.1.0 JSON schema (test resource {@code sarif/sarif-schema-2.1.0.json}, see the README
 * beside it for where it comes from), with format assertions on, and a reader that fails a test
 * when a report does not validate.
 */
public final class SarifSchema {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonSchema SCHEMA = load();

  /** Parses {@code report} and asserts that it is valid SARIF 2.1.0; returns its JSON tree. */
  public static JsonNode readValid(Path report) {
    try {
      JsonNode sarif = JSON.readTree(Files.readString(report));
      Set<ValidationMessage> errors = SCHEMA.validate(sarif);
      assertEquals(
          "",
          errors.stream()
              .map(ValidationMessage::toString)
              .sorted()
              .collect(Collectors.joining("\n")),
          report + " is not valid SARIF 2.1.0");
      return sarif;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The schema's verdict on {@code json}: the violations, none when valid. */
  public static Set<ValidationMessage> violations(String json) {
    try {
      return SCHEMA.validate(JSON.readTree(json));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonSchema load() {
    try (InputStream schema =
        SarifSchema.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
          .getSchema(
              schema, SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private SarifSchema() {}
}
