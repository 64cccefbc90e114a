package dev.kurz.translate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kurz.faithfulness.FaithfulnessCheck;
import dev.kurz.glossary.Glossary;
import dev.kurz.glossary.NameCheck;
import dev.kurz.glossary.NameFixer;
import dev.kurz.llm.Backend;
import dev.kurz.llm.BackendException;
import dev.kurz.llm.Check;
import dev.kurz.llm.StructuredCall;
import dev.kurz.llm.LlmRequest;
import dev.kurz.llm.LlmRequest.Message;
import dev.kurz.llm.PromptTemplates;
import dev.kurz.model.Article;
import dev.kurz.model.ModelRef;
import dev.kurz.model.Outcome;
import dev.kurz.model.Translation;
import dev.kurz.model.Usage;
import dev.kurz.cache.AnswerCache;
import dev.kurz.cache.CacheKey;
import dev.kurz.analysis.ModalityCheck;
import dev.kurz.ingest.LanguageDetector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One article to one {@link TranslateOutcome}: split into paragraphs, grouped into chunks at
 * paragraph boundaries, each chunk one request (or a cache hit) whose answer must hold exactly as
 * many paragraphs as it was sent, with at most one repair request. Chunks are cached one by one,
 * so an article with one edited paragraph costs one request. Every chunk is tried even when one
 * fails, so a second run asks only for the failed ones. After the model, source-language name
 * forms in the translation become warnings, or are replaced with {@code fixNames}. Thread-safe.
 */
public final class Translator {

  /** The settings that shape an answer; all but the cache flags and fixNames are part of the cache key. */
  public record Options(String targetLanguage, int chunkTokens, Double temperature, String baseUrl,
      boolean readCache, boolean writeCache, boolean fixNames) {}

  private final StructuredCall call;
  private final Backend backend;
  private final PromptTemplates prompts;
  private final AnswerCache cache;
  private final Glossary glossary;
  private final Options options;

  public Translator(StructuredCall call, Glossary glossary, Options options) {
    this.call = call;
    this.backend = call.backend();
    this.prompts = call.prompts();
    this.cache = call.cache();
    this.glossary = glossary;
    this.options = options;
  }

  /** A chunk's translated paragraphs and where they came from, or why the answer stayed invalid. */
  private record Answer(List<String> paragraphs, String modelName, Usage usage, boolean cached, String error) {}

  public TranslateOutcome translate(Article article) {
    String label = article.source().label();
    String detected = article.source().language() != null ? article.source().language() : LanguageDetector.detect(article.text());
    String from = detected == null ? "und" : detected;
    List<Paragraphs.Part> parts = Paragraphs.of(article);
    List<Chunker.Chunk> chunks = Chunker.chunks(parts.stream().map(Paragraphs.Part::text).toList(), options.chunkTokens());
    String system = prompts.render("translate.system.txt", Map.of(
        "source_language", LanguageDetector.displayName(from) + " (" + from + ")",
        "target_language", LanguageDetector.displayName(options.targetLanguage())));
    List<String> translated = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    Usage usage = Usage.NONE;
    String modelName = null;
    int cached = 0;
    boolean backendDown = false;
    for (int c = 0; c < chunks.size(); c++) {
      Chunker.Chunk chunk = chunks.get(c);
      String where = "chunk " + (c + 1) + " of " + chunks.size() + " (paragraphs " + (chunk.first() + 1)
          + (chunk.paragraphs().size() > 1 ? "-" + (chunk.last() + 1) : "") + ")";
      try {
        Answer a = answer(system, chunk, from, label);
        if (a.error() != null) {
          failures.add(where + ": the model's answer is not valid after one repair request: " + a.error());
          continue;
        }
        translated.addAll(a.paragraphs());
        usage = usage.plus(a.usage());
        if (a.cached()) cached++;
        if (modelName == null || !a.cached()) modelName = a.modelName();
      } catch (BackendException e) {
        if (e.kind() == BackendException.Kind.CANCELLED && Thread.currentThread().isInterrupted()) {
          return new TranslateOutcome.Failed(label, "interrupted", Outcome.Failure.INTERRUPTED);
        }
        failures.add(where + ": " + e.getMessage());
        if (e.fatal()) {
          backendDown = true;
          break;
        }
      }
    }
    if (!failures.isEmpty()) {
      String more = failures.size() > 1 ? " (and " + (failures.size() - 1) + " more chunks)" : "";
      String kept = chunks.size() > failures.size() && !backendDown ? "; the other chunks are cached" : "";
      return new TranslateOutcome.Failed(label, failures.get(0) + more + kept,
          backendDown ? Outcome.Failure.BACKEND : Outcome.Failure.ANSWER);
    }
    return new TranslateOutcome.Done(assemble(article, from, parts, translated, usage, modelName, chunks.size(), cached));
  }

  private Translation assemble(Article article, String from, List<Paragraphs.Part> parts, List<String> translated,
      Usage usage, String modelName, int chunks, int cached) {
    String to = options.targetLanguage();
    List<Translation.Paragraph> paragraphs = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      String text = translated.get(i);
      for (String w : NameCheck.checkText("paragraph " + (i + 1), text, glossary, from, to)) {
        warnings.add(options.fixNames() ? w + " (fixed)" : w);
      }
      if (options.fixNames()) text = NameFixer.fixText(text, glossary, from, to);
      warnings.addAll(FaithfulnessCheck.warnings(FaithfulnessCheck.checkTranslation("paragraph " + (i + 1),
          parts.get(i).text(), text, article.text(), glossary, from, to)));
      if ("de".equals(from) && "en".equals(to)) {
        String cues = ModalityCheck.lostDistance(parts.get(i).text(), text);
        if (cues != null) {
          warnings.add("paragraph " + (i + 1) + ": the German reports at a distance (" + cues
              + ") but the translation says it as fact; check it against the original");
        }
      }
      paragraphs.add(new Translation.Paragraph(parts.get(i).kind(), parts.get(i).text(), text));
    }
    String model = modelName == null || modelName.isBlank() ? backend.model().name() : modelName;
    return new Translation(article.source().withLanguage(from), from, to, paragraphs,
        new ModelRef(backend.model().provider(), model), usage, chunks, cached, warnings);
  }

  /** The chunk's translation from the cache or the model, or the error that stayed after one repair request. */
  private Answer answer(String system, Chunker.Chunk chunk, String from, String label) throws BackendException {
    String key = cacheKey(chunk.paragraphs(), from);
    if (options.readCache()) {
      var hit = cache.get(key).map(payload -> fromPayload(payload, chunk.paragraphs().size()));
      if (hit.isPresent() && hit.get() != null) return hit.get();
    }
    String section = Glossary.promptSection(glossary.entriesIn(String.join("\n", chunk.paragraphs()), from, options.targetLanguage()));
    String user = prompts.render("translate.user.txt", Map.of(
        "count", Integer.toString(chunk.paragraphs().size()),
        "glossary", section.isEmpty() ? "" : "\n" + section,
        "paragraphs", paragraphsJson(chunk.paragraphs())));
    LlmRequest request = new LlmRequest(system, List.of(Message.user(user)), TranslationAnswer.SCHEMA, "translation",
        options.temperature(), null);
    return switch (call.ask(request, text -> TranslationAnswer.check(text, chunk.paragraphs().size()))) {
      case StructuredCall.Result.Valid<List<String>> v -> {
        String model = v.modelName() == null || v.modelName().isBlank() ? backend.model().name() : v.modelName();
        if (options.writeCache()) {
          cache.put(key, "translation", new ModelRef(backend.model().provider(), model), prompts.hash(), v.usage(), label,
              toPayload(v.value(), model, v.usage()));
        }
        yield new Answer(v.value(), model, v.usage(), false, null);
      }
      case StructuredCall.Result.Invalid<List<String>> i -> new Answer(List.of(), null, i.usage(), false, i.errors().get(0));
      case StructuredCall.Result.Failed<List<String>> f -> throw f.error();
    };
  }

  /**
   * Everything that determines a chunk's answer: its paragraphs, the model and endpoint, the
   * prompts, both languages and the glossary; never the article around it or the chunk's position.
   */
  public String cacheKey(List<String> paragraphs, String from) {
    return CacheKey.of("translation")
        .text("paragraphs", String.join("\n\n", paragraphs))
        .part("provider", backend.model().provider())
        .part("model", backend.model().name())
        .part("base_url", options.baseUrl())
        .part("prompts", prompts.hash())
        .part("from", from)
        .part("to", options.targetLanguage())
        .part("glossary", glossary.version())
        .part("temperature", options.temperature() == null ? null : options.temperature().toString())
        .build();
  }


  static String paragraphsJson(List<String> paragraphs) {
    var array = TranslationAnswer.JSON.createArrayNode();
    paragraphs.forEach(array::add);
    // One paragraph per line: easy for the model to count, and cheap.
    StringBuilder b = new StringBuilder("[\n");
    for (int i = 0; i < array.size(); i++) {
      b.append(array.get(i).toString()).append(i + 1 < array.size() ? ",\n" : "\n");
    }
    return b.append(']').toString();
  }

  private static String toPayload(List<String> paragraphs, String model, Usage usage) {
    ObjectNode o = TranslationAnswer.JSON.createObjectNode();
    o.put("model", model);
    // what the answer cost when it was made: a cached run reports it, as summarize does
    o.put("input_tokens", usage.inputTokens()).put("output_tokens", usage.outputTokens());
    paragraphs.forEach(o.putArray("paragraphs")::add);
    return o.toString();
  }

  /** A cached chunk, or null when the entry is unreadable or does not fit (then the chunk is asked again). */
  private static Answer fromPayload(String payload, int expected) {
    try {
      JsonNode o = TranslationAnswer.JSON.readTree(payload);
      Usage usage = new Usage(o.path("input_tokens").asLong(), o.path("output_tokens").asLong());
      return TranslationAnswer.check(o.toString(), expected) instanceof Check.Valid<List<String>> v
          ? new Answer(v.value(), o.path("model").asText(null), usage, true, null) : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

}
