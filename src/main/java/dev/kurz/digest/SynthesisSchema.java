package dev.kurz.digest;

import dev.kurz.model.Json;
import dev.kurz.llm.Check;
import dev.kurz.llm.ContractSchema;
import dev.kurz.model.Sha256;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The synthesis answer contract ({@code /kurz/synthesis.schema.json}): its compact text for prompts,
 * validation of an answer (schema, then that every claim id names a claim of the story) and
 * parsing. Immutable and thread-safe.
 */
final class SynthesisSchema {
  private static final ObjectMapper MAPPER = Json.MAPPER;

  private final String compact;
  private final String version;
  private final JsonSchema validator;

  private SynthesisSchema(String text) throws JsonProcessingException {
    JsonNode root = MAPPER.readTree(text);
    this.validator = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(root.deepCopy());
    this.compact = ContractSchema.compact(text);
    this.version = Sha256.hex(text).substring(0, 16);
  }

  static SynthesisSchema load() {
    try (InputStream in = SynthesisSchema.class.getResourceAsStream("/kurz/synthesis.schema.json")) {
      if (in == null) throw new IllegalStateException("synthesis schema missing from the jar");
      return new SynthesisSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String compactText() {
    return compact;
  }

  String version() {
    return version;
  }

  /** A valid answer, parsed; {@code json} is the answer as cached. */
  record Answer(String headline, String synthesis, List<KeyClaim> keyClaims, List<Contradiction> contradictions, String json) {}

  /** {@code claimCounts[i]} is how many claims article i has. Never throws for a bad answer. */
  Check<Answer> check(String answer, int[] claimCounts) {
    String json = ContractSchema.extractObject(answer);
    if (json == null) return Check.invalid("the answer holds no JSON object");
    JsonNode node;
    try {
      node = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      return Check.invalid("invalid JSON: " + e.getOriginalMessage());
    }
    List<String> errors = new ArrayList<>();
    for (ValidationMessage m : validator.validate(node)) errors.add(m.getMessage());
    if (!errors.isEmpty()) {
      errors.sort(null);
      return Check.invalid(errors);
    }
    List<KeyClaim> claims = new ArrayList<>();
    for (JsonNode k : node.path("key_claims")) {
      List<ClaimRef> refs = new ArrayList<>();
      for (JsonNode s : k.path("sources")) {
        ClaimRef r = ref(s.asText(), claimCounts, errors);
        if (r != null && !refs.contains(r)) refs.add(r);
      }
      if (!refs.isEmpty()) claims.add(new KeyClaim(k.path("claim").asText(), refs));
    }
    List<Contradiction> contradictions = new ArrayList<>();
    for (JsonNode c : node.path("contradictions")) {
      ClaimRef a = ref(c.path("asserted").asText(), claimCounts, errors);
      ClaimRef d = ref(c.path("denied").asText(), claimCounts, errors);
      if (a != null && d != null) contradictions.add(new Contradiction(c.path("summary").asText(), a, d, true));
    }
    if (!errors.isEmpty()) return Check.invalid(errors);
    return Check.valid(new Answer(node.path("headline").asText(), node.path("synthesis").asText(), claims, contradictions,
        node.toString()));
  }

  private static ClaimRef ref(String id, int[] claimCounts, List<String> errors) {
    ClaimRef r = ClaimRef.parse(id);
    if (r == null || r.article() >= claimCounts.length || r.claim() >= claimCounts[r.article()]) {
      errors.add("claim id " + id + " names no claim listed in the request");
      return null;
    }
    return r;
  }
}
