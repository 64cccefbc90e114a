package dev.kurz.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.kurz.model.Json;
import java.io.UncheckedIOException;

/** JSON as kurz prints it: indented for a person, or one line (JSON Lines). Stateless. */
public final class JsonOutput {
  private JsonOutput() {}

  public static String write(JsonNode node, boolean pretty) {
    try {
      return pretty
          ? Json.MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(node)
          : Json.MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
