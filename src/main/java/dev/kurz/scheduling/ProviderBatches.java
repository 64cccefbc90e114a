package dev.kurz.scheduling;

import dev.kurz.cache.AnswerCache;
import dev.kurz.analysis.Summarizer;
import dev.kurz.model.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kurz.llm.BackendException;
import dev.kurz.llm.batch.BatchApi;
import dev.kurz.model.Article;
import dev.kurz.model.ModelRef;
import dev.kurz.model.Outcome;
import dev.kurz.model.Usage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Articles summarized through a provider's batch API instead of one request each: {@link
 * #submit} sends what {@link Summarizer#prepare} gives for every article not yet answered, {@link
 * #collect} finishes each answer with {@link Summarizer#complete} (validation, repair, grounding,
 * the cache write under summarize's key), so a later summarize or digest of the same inputs is
 * answered from the cache.
 *
 * <p>Everything a collect needs is in the cache, not in this process: a record per batch ({@code
 * batch:ID}: provider, model, the keys it holds), one per article ({@code batch-article:KEY}: the
 * article and its batch) and the last batch submitted ({@code batch:latest}). A collect from another
 * process or after a reboot therefore works, an article already in a batch that has not been
 * collected is never submitted again, and an answer already stored is skipped, so a collect killed
 * half-way resumes where it stopped. Not thread-safe: one submit or collect at a time per instance.
 */
public final class ProviderBatches {
  static final String BATCH_KIND = "batch";
  static final String ARTICLE_KIND = "batch-article";
  private static final String LATEST = "batch:latest";
  private static final ObjectMapper JSON = Json.MAPPER;

  private final Summarizer summarizer;
  private final AnswerCache cache;
  private final BatchApi api;
  private final ModelRef model;
  private final String baseUrl;
  private final Path spool;
  private final Clock clock;

  /**
   * @param spool folder for downloaded result files (the cache folder's {@code batches})
   */
  public ProviderBatches(Summarizer summarizer, AnswerCache cache, BatchApi api, ModelRef model, String baseUrl,
      Path spool, Clock clock) {
    this.summarizer = summarizer;
    this.cache = cache;
    this.api = api;
    this.model = model;
    this.baseUrl = baseUrl;
    this.spool = spool;
    this.clock = clock;
  }

  /**
   * What a submit did.
   *
   * @param batchIds the batches submitted now (several when the articles exceed one batch)
   * @param waiting batches already holding some of the articles, submitted before and not collected
   * @param unbatchable labels and reasons of articles that need summarize itself (analysed in parts)
   */
  public record Submitted(List<String> batchIds, int requests, int cached, int alreadySubmitted,
      List<String> waiting, Map<String, String> unbatchable, long inputTokens, long outputTokens) {}

  public Submitted submit(List<Article> articles) throws BackendException {
    Map<String, Article> byKey = new LinkedHashMap<>();
    Map<String, BatchApi.Item> items = new LinkedHashMap<>();
    Map<String, String> unbatchable = new LinkedHashMap<>();
    Set<String> waiting = new HashSet<>();
    Map<String, Boolean> open = new HashMap<>();
    int cached = 0;
    int already = 0;
    long in = 0;
    long out = 0;
    for (Article article : articles) {
      switch (summarizer.prepare(article)) {
        case Summarizer.Prepared.Cached c -> cached++;
        case Summarizer.Prepared.Unbatchable u -> unbatchable.put(article.source().label(), u.reason());
        case Summarizer.Prepared.Request r -> {
          if (items.containsKey(r.key())) continue;
          Optional<String> earlier = batchOf(r.key());
          if (earlier.isPresent() && open.computeIfAbsent(earlier.get(), this::notCollected)) {
            already++;
            waiting.add(earlier.get());
            continue;
          }
          byKey.put(r.key(), article);
          items.put(r.key(), new BatchApi.Item(r.key(), r.request()));
          Summarizer.Estimate estimate = summarizer.estimate(article);
          in += estimate.inputTokens();
          out += estimate.outputTokens();
        }
      }
    }
    List<BatchApi.Item> all = List.copyOf(items.values());
    List<String> ids = new ArrayList<>();
    if (!all.isEmpty()) {
      for (BatchApi.Submitted batch : api.submit(all, spool)) {
        record(batch.id(), batch.customIds(), byKey);
        ids.add(batch.id());
      }
    }
    return new Submitted(ids, all.size(), cached, already, List.copyOf(waiting), unbatchable, in, out);
  }

  /** The batch record first, then one per article, then the pointer to the latest. */
  private void record(String id, List<String> chunk, Map<String, Article> byKey) {
    ObjectNode batch = JSON.createObjectNode();
    batch.put("id", id).put("provider", api.provider()).put("model", model.name()).put("base_url", baseUrl)
        .put("created", clock.instant().toString()).put("collected", false);
    ArrayNode keys = batch.putArray("keys");
    chunk.forEach(keys::add);
    put("batch:" + id, BATCH_KIND, id, batch);
    for (String key : chunk) {
      ObjectNode entry = JSON.createObjectNode();
      entry.put("batch", id);
      entry.set("article", JSON.valueToTree(byKey.get(key)));
      put("batch-article:" + key, ARTICLE_KIND, byKey.get(key).source().label(), entry);
    }
    put(LATEST, BATCH_KIND, id, JSON.createObjectNode().put("id", id));
  }

  /** A batch as the cache records it: what it was submitted to. {@code baseUrl} may be null. */
  public record Recorded(String id, String provider, String model, String baseUrl) {}

  /**
   * The batch {@code idOrNull} names, or the one submitted last when null; empty when the cache
   * has no record of it.
   */
  public static Optional<Recorded> recorded(AnswerCache cache, String idOrNull) {
    Optional<String> id = idOrNull != null ? Optional.of(idOrNull) : read(cache, LATEST).map(n -> n.path("id").asText());
    return id.flatMap(i -> read(cache, "batch:" + i)).map(n -> new Recorded(n.path("id").asText(),
        n.path("provider").asText(), n.path("model").asText(), n.path("base_url").isTextual() ? n.path("base_url").asText() : null));
  }

  public BatchApi.Progress status(String id) throws BackendException {
    return api.status(id);
  }

  /** What a collect did: an outcome for every article it finished now, and those finished before. */
  public record Collected(BatchApi.Progress progress, List<Outcome> outcomes, int collectedBefore) {}

  /**
   * Downloads the results of ended batch {@code id} and finishes every article not answered yet,
   * reporting each through {@code each} as it is stored.
   *
   * @throws IllegalArgumentException when the cache has no record of the batch
   * @throws IllegalStateException when the batch has not ended
   */
  public Collected collect(String id, Consumer<Outcome> each) throws BackendException {
    JsonNode batch = read("batch:" + id).orElseThrow(() -> new IllegalArgumentException(
        "no batch " + id + " in the cache (batches are recorded where they were submitted: same --cache-dir or --cache-url)"));
    BatchApi.Progress progress = api.status(id);
    if (!progress.ended()) {
      throw new IllegalStateException("batch " + id + " is " + progress.status() + " (" + progress.done() + " of "
          + progress.total() + " done); collect it when it has ended");
    }
    Set<String> pending = new HashSet<>();
    batch.path("keys").forEach(k -> pending.add(k.asText()));
    List<Outcome> outcomes = new ArrayList<>();
    int[] before = {0};
    api.results(id, spool, result -> {
      if (!pending.remove(result.customId())) return; // not ours, or a duplicate line
      if (cache.contains(result.customId())) {
        before[0]++;
        return;
      }
      Optional<Article> article = article(result.customId());
      if (article.isEmpty()) return;
      if (!summarizer.cacheKey(article.get()).equals(result.customId())) {
        Outcome differs = new Outcome.Failed(article.get().source().label(), "the settings differ from the submit's"
            + " (target language, length, prompts, glossary or temperature): collect with the same options", Outcome.Failure.INPUT);
        outcomes.add(differs);
        each.accept(differs);
        return;
      }
      Outcome outcome = switch (result) {
        case BatchApi.Result.Answer a -> summarizer.complete(article.get(), a.reply());
        case BatchApi.Result.Error e -> new Outcome.Failed(article.get().source().label(),
            "the batch did not answer it: " + e.message(), Outcome.Failure.ANSWER);
      };
      outcomes.add(outcome);
      each.accept(outcome);
    });
    for (String key : pending) {
      if (cache.contains(key)) {
        before[0]++;
        continue;
      }
      article(key).ifPresent(a -> {
        Outcome failed = new Outcome.Failed(a.source().label(), "no result in batch " + id + " (" + progress.status() + ")",
            Outcome.Failure.ANSWER);
        outcomes.add(failed);
        each.accept(failed);
      });
    }
    ((ObjectNode) batch).put("collected", true);
    put("batch:" + id, BATCH_KIND, id, batch);
    return new Collected(progress, outcomes, before[0]);
  }

  private Optional<String> batchOf(String key) {
    return read("batch-article:" + key).map(n -> n.path("batch").asText());
  }

  private boolean notCollected(String id) {
    return read("batch:" + id).map(n -> !n.path("collected").asBoolean()).orElse(false);
  }

  private Optional<Article> article(String key) {
    return read("batch-article:" + key).map(n -> {
      try {
        return JSON.treeToValue(n.path("article"), Article.class);
      } catch (IOException e) {
        return null;
      }
    });
  }

  private Optional<JsonNode> read(String key) {
    return read(cache, key);
  }

  private static Optional<JsonNode> read(AnswerCache cache, String key) {
    return cache.get(key).map(text -> {
      try {
        return JSON.readTree(text);
      } catch (IOException e) {
        return null;
      }
    });
  }

  private void put(String key, String kind, String label, JsonNode payload) {
    cache.put(key, kind, model, "", Usage.NONE, label, payload.toString());
  }
}
