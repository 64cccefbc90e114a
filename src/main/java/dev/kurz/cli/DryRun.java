package dev.kurz.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kurz.config.ConfigFile;
import dev.kurz.config.Key;
import dev.kurz.config.PriceTable;
import dev.kurz.config.Settings;
import dev.kurz.ingest.ArticleReader;
import dev.kurz.ingest.Input;
import dev.kurz.ingest.InputException;
import dev.kurz.model.Article;
import dev.kurz.model.ModelRef;
import dev.kurz.pipeline.AnswerCache;
import dev.kurz.pipeline.LazyBackend;
import dev.kurz.pipeline.RetryPolicy;
import dev.kurz.pipeline.Summarizer;
import dev.kurz.render.RecordJson;
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
    PriceTable prices = PriceTable.of(services.configFile());
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("articles", articles.size());
    out.put("unreadable", unreadable);
    ArrayNode rows = out.putArray("models");
    for (var e : models().entrySet()) {
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
    if (json) {
      term.out().println(RecordJson.write(out, true));
    } else {
      term.out().printf("dry run: %d articles%s; no requests sent%n", articles.size(), unreadable > 0 ? " (" + unreadable + " unreadable)" : "");
      term.out().printf("%-40s %7s %7s %13s %13s %11s%n", "model", "cached", "to ask", "input tokens", "output tokens", "est. cost");
      for (var row : rows) {
        term.out().printf("%-40s %7d %7d %13d %13d %11s%n", row.get("model").asText(), row.get("cached").asInt(),
            row.get("to_ask").asInt(), row.get("input_tokens").asLong(), row.get("output_tokens").asLong(),
            row.has("cost_usd") ? String.format("$%.4f", row.get("cost_usd").asDouble()) : "no price");
      }
    }
    return unreadable > 0 ? ExitCodes.SOME_FAILED : ExitCodes.OK;
  }

  /** The model in use first, then every backend of the config file, each with its endpoint. */
  private Map<ModelRef, String> models() {
    Map<ModelRef, String> models = new LinkedHashMap<>();
    var spec = services.backendSpec();
    models.put(new ModelRef(spec.provider(), spec.model()), spec.baseUrl());
    ConfigFile file = services.configFile();
    if (file != null) {
      for (String name : file.backends().keySet()) {
        Settings s = Settings.resolve(Map.of(Key.BACKEND, name), term.env(), file, Services::providerDefaults);
        models.putIfAbsent(new ModelRef(s.value(Key.PROVIDER), s.value(Key.MODEL)), s.value(Key.BASE_URL));
      }
    }
    return models;
  }

  private Summarizer summarizer(String baseUrl, ModelRef model) {
    Settings s = services.settings();
    AnswerCache cache = cacheOptions.noCache ? AnswerCache.DISABLED : services.answerCache();
    LazyBackend never = new LazyBackend(model, () -> {
      throw new IllegalStateException("a dry run sends no request");
    });
    return new Summarizer(never, services.prompts(), services.schema(), cache, services.glossary(null),
        new Summarizer.Options(s.value(Key.TO), s.value(Key.LENGTH), s.doubleValue(Key.TEMPERATURE), baseUrl,
            !cacheOptions.refresh, false, s.intValue(Key.CONTEXT_TOKENS), s.intValue(Key.MAX_ARTICLE_TOKENS), false),
        RetryPolicy.DEFAULT, term.sleeper(), term.clock());
  }
}
