package dev.kurz.cli;

import dev.kurz.render.JsonOutput;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kurz.config.ConfigFile;
import dev.kurz.config.Key;
import dev.kurz.config.PriceTable;
import dev.kurz.config.Settings;
import dev.kurz.digest.StoryGrouper;
import dev.kurz.digest.Synthesizer;
import dev.kurz.model.ArticleResult;
import dev.kurz.model.Outcome;
import dev.kurz.ingest.ArticleReader;
import dev.kurz.ingest.Input;
import dev.kurz.ingest.InputException;
import dev.kurz.model.Article;
import dev.kurz.model.ModelRef;
import dev.kurz.cache.AnswerCache;
import dev.kurz.llm.LazyBackend;
import dev.kurz.llm.StructuredCall;
import dev.kurz.analysis.Summarizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --dry-run}: reads every input as a real run would, then says per model (the one in use and
 * every backend in the config) how many answers are cached, how many would be asked for, the
 * estimated input and output tokens and their cost. Sends nothing to any model.
 */
final class DryRun {
  private final Terminal term;
  private final Services services;
  private final CacheOptions cacheOptions;

  DryRun(Terminal term, Services services, CacheOptions cacheOptions) {
    this.term = term;
    this.services = services;
    this.cacheOptions = cacheOptions;
  }

  /** Whether the run is a digest: its synthesis requests are predicted too. */
  private boolean digest;

  DryRun forDigest() {
    digest = true;
    return this;
  }

  int run(ArticleReader reader, List<Input> inputs, boolean json) {
    List<Article> articles = new ArrayList<>();
    int unreadable = 0;
    for (Input input : inputs) {
      try {
        articles.add(reader.read(input));
      } catch (InputException e) {
        unreadable++;
        term.err().println("[ERROR] " + input.label() + ": " + e.getMessage());
      }
    }
    // What the run would refuse (too long) is refused here too, with the run's own message.
    Map<ModelRef, String> models = models();
    var inUse = models.entrySet().iterator().next();
    Summarizer run = summarizer(inUse.getValue(), inUse.getKey());
    int refused = 0;
    for (var it = articles.iterator(); it.hasNext(); ) {
      Article a = it.next();
      var refusal = run.refusal(a);
      if (refusal.isPresent() && !run.estimate(a).cached()) {
        term.err().println("[ERROR] " + a.source().label() + ": " + refusal.get());
        refused++;
        it.remove();
      }
    }
    PriceTable prices = PriceTable.of(services.configFile());
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("articles", articles.size());
    out.put("unreadable", unreadable);
    out.put("refused", refused);
    ArrayNode rows = out.putArray("models");
    for (var e : models.entrySet()) {
      Summarizer summarizer = summarizer(e.getValue(), e.getKey());
      int cached = 0;
      long in = 0;
      long outTokens = 0;
      for (Article a : articles) {
        Summarizer.Estimate estimate = summarizer.estimate(a);
        if (estimate.cached()) cached++;
        in += estimate.inputTokens();
        outTokens += estimate.outputTokens();
      }
      ObjectNode row = rows.addObject().put("model", e.getKey().provider() + "/" + e.getKey().name())
          .put("cached", cached).put("to_ask", articles.size() - cached).put("input_tokens", in).put("output_tokens", outTokens);
      PriceTable.Price price = prices.price(e.getKey().provider(), e.getKey().name());
      if (price != null) row.put("cost_usd", price.cost(in, outTokens));
    }
    if (digest) synthesis(out, articles, run, inUse, prices);
    if (json) {
      term.out().println(JsonOutput.write(out, true));
    } else {
      term.out().printf("dry run: %d article%s%s%s; no requests sent%n", articles.size(), articles.size() == 1 ? "" : "s",
          unreadable > 0 ? " (" + unreadable + " unreadable)" : "", refused > 0 ? " (" + refused + " refused as too long)" : "");
      term.out().printf("%-40s %7s %7s %13s %13s %11s%n", "model", "cached", "to ask", "input tokens", "output tokens", "est. cost");
      for (var row : rows) {
        term.out().printf("%-40s %7d %7d %13d %13d %11s%n", row.get("model").asText(), row.get("cached").asInt(),
            row.get("to_ask").asInt(), row.get("input_tokens").asLong(), row.get("output_tokens").asLong(),
            row.has("cost_usd") ? String.format("$%.4f", row.get("cost_usd").asDouble()) : "no price");
      }
      JsonNode synth = out.path("synthesis");
      if (synth.path("known").asBoolean()) {
        term.out().printf("synthesis (%s): %d request%s for %d stories of several articles (%d cached); %d input / %d output tokens; est. cost %s%n",
            inUse.getKey().provider() + "/" + inUse.getKey().name(), synth.path("to_ask").asInt(), synth.path("to_ask").asInt() == 1 ? "" : "s",
            synth.path("stories").asInt(), synth.path("cached").asInt(), synth.path("input_tokens").asLong(), synth.path("output_tokens").asLong(),
            synth.has("cost_usd") ? String.format("$%.4f", synth.path("cost_usd").asDouble()) : "no price");
      } else if (digest) {
        term.out().printf("synthesis: up to %d requests (one per story of several articles), known once every article is analysed%n",
            synth.path("at_most").asInt());
      }
    }
    return unreadable + refused > 0 ? ExitCodes.SOME_FAILED : ExitCodes.OK;
  }

  /**
   * The digest's synthesis requests: exact when every article's answer is cached (the stories are
   * grouped as the run would group them), else the most there could be.
   */
  private void synthesis(ObjectNode out, List<Article> articles, Summarizer run, Map.Entry<ModelRef, String> inUse, PriceTable prices) {
    ObjectNode synth = out.putObject("synthesis");
    List<ArticleResult> results = new ArrayList<>();
    for (Article a : articles) {
      if (!run.estimate(a).cached()) break;
      if (run.summarize(a) instanceof Outcome.Done d) results.add(d.result());
    }
    if (results.size() < articles.size()) {
      synth.put("known", false).put("at_most", articles.size() / 2);
      return;
    }
    Settings s = services.settings();
    AnswerCache cache = cacheOptions.noCache ? AnswerCache.DISABLED : services.answerCache();
    Synthesizer synthesizer = new Synthesizer(new StructuredCall(never(inUse.getKey()), services.prompts(), cache),
        new Synthesizer.Options(s.doubleValue(Key.TEMPERATURE), inUse.getValue(), !cacheOptions.refresh, false));
    int stories = 0;
    int toAsk = 0;
    long in = 0;
    long outTokens = 0;
    for (List<Integer> group : StoryGrouper.defaults().group(results, i -> articles.get(i).text())) {
      if (group.size() < 2) continue;
      stories++;
      var request = synthesizer.estimate(group.stream().map(results::get).toList());
      if (request.isPresent()) {
        toAsk++;
        in += request.get().inputTokens();
        outTokens += request.get().outputTokens();
      }
    }
    synth.put("known", true).put("stories", stories).put("cached", stories - toAsk).put("to_ask", toAsk)
        .put("input_tokens", in).put("output_tokens", outTokens);
    PriceTable.Price price = prices.price(inUse.getKey().provider(), inUse.getKey().name());
    if (price != null) synth.put("cost_usd", price.cost(in, outTokens));
  }

  private static LazyBackend never(ModelRef model) {
    return new LazyBackend(model, () -> {
      throw new IllegalStateException("a dry run sends no request");
    });
  }

  /** The model in use first, then every backend of the config file, each with its endpoint. */
  private Map<ModelRef, String> models() {
    Map<ModelRef, String> models = new LinkedHashMap<>();
    var spec = services.backendSpec();
    models.put(new ModelRef(spec.provider(), spec.model()), spec.baseUrl());
    ConfigFile file = services.configFile();
    if (file != null) {
      for (String name : file.backends().keySet()) {
        Settings s = services.settings().withFlags(Map.of(Key.BACKEND, name));
        models.putIfAbsent(new ModelRef(s.value(Key.PROVIDER), s.value(Key.MODEL)), s.value(Key.BASE_URL));
      }
    }
    return models;
  }

  private Summarizer summarizer(String baseUrl, ModelRef model) {
    Settings s = services.settings();
    AnswerCache cache = cacheOptions.noCache ? AnswerCache.DISABLED : services.answerCache();
    return new Summarizer(new StructuredCall(never(model), services.prompts(), cache), services.schema(), services.glossary(),
        new Summarizer.Options(s.value(Key.TO), s.value(Key.LENGTH), s.doubleValue(Key.TEMPERATURE), baseUrl,
            !cacheOptions.refresh, false, s.intValue(Key.CONTEXT_TOKENS), s.intValue(Key.MAX_ARTICLE_TOKENS), false), term.clock());
  }
}
