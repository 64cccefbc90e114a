package dev.kurz.cli;

import dev.kurz.render.JsonOutput;
import dev.kurz.model.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kurz.cache.Cache;
import dev.kurz.cache.CacheEntry;
import dev.kurz.cache.CacheStats;
import dev.kurz.cache.CacheUnavailableException;
import dev.kurz.cache.CacheUnits;
import dev.kurz.cache.EntryInfo;
import dev.kurz.config.Key;
import dev.kurz.config.PriceTable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    mixinStandardHelpOptions = true,
    name = "cache",
    description = "Inspect and trim the answer cache ($XDG_CACHE_HOME/kurz/cache.db; --cache-dir or KURZ_CACHE_DIR; a shared one with --cache-url).",
    subcommands = {CacheCommand.Stats.class, CacheCommand.ListCmd.class, CacheCommand.Show.class,
        CacheCommand.Prune.class, CacheCommand.Clear.class},
    footerHeading = "%nExamples:%n",
    footer = {"  kurz cache stats", "  kurz cache list --since 7d", "  kurz cache show 3f2a9c",
        "  kurz cache prune --older-than 30d", "  kurz cache prune --max-size 500MB", "  kurz cache clear"})
final class CacheCommand {

  /** Options and plumbing every cache subcommand shares. */
  abstract static class Base implements Callable<Integer> {
    @Mixin GlobalOptions global;

    @Mixin CacheDirOption cacheDir;
    @Mixin CacheUrlOption cacheUrl;
    @Spec CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or json.")
    String format = "text";

    final Terminal term;
    Services services;

    Base(Terminal term) {
      this.term = term;
    }

    @Override
    public Integer call() throws Exception {
      try (Services s = Services.of(term, global, spec)) {
        services = s;
        Cache cache;
        try {
          cache = Cache.open(s.settingsAsGiven().value(Key.CACHE_URL), s.cacheDir(), term.env(), s.warn());
        } catch (CacheUnavailableException e) {
          throw new KurzException(ExitCodes.NOTHING_RAN, e.getMessage());
        }
        try (cache) {
          return run(cache);
        } catch (IllegalArgumentException e) {
          throw new KurzException(ExitCodes.USAGE, e.getMessage());
        }
      }
    }

    abstract int run(Cache cache) throws Exception;

    boolean json() {
      return "json".equals(format);
    }

    void print(JsonNode node) {
      term.out().println(JsonOutput.write(node, true));
    }
  }

  @Command(mixinStandardHelpOptions = true, name = "stats", description = "Entries, size, hits and misses, tokens and cost saved.",
      footerHeading = "%nExamples:%n", footer = {"  kurz cache stats", "  kurz cache stats --format json"})
  static final class Stats extends Base {
    Stats(Terminal term) {
      super(term);
    }

    @Override
    int run(Cache cache) {
      CacheStats s = cache.stats();
      PriceTable prices = PriceTable.of(services.configFile());
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      o.put("file", s.location());
      o.put("entries", s.entries());
      o.put("bytes_on_disk", s.bytesOnDisk());
      o.put("hits", s.hits());
      o.put("misses", s.misses());
      o.put("created", s.created().toString());
      ArrayNode saved = o.putArray("saved");
      double total = 0;
      boolean unknown = false;
      for (CacheStats.ModelSavings m : s.savings()) {
        PriceTable.Price price = prices.price(m.provider(), m.model());
        ObjectNode n = saved.addObject().put("provider", m.provider()).put("model", m.model()).put("hits", m.hits())
            .put("input_tokens", m.inputTokensSaved()).put("output_tokens", m.outputTokensSaved());
        if (price != null) {
          double cost = price.cost(m.inputTokensSaved(), m.outputTokensSaved());
          n.put("cost_usd", cost);
          total += cost;
        } else {
          unknown = true;
        }
      }
      o.put("cost_saved_usd", total);
      if (json()) {
        print(o);
        return ExitCodes.OK;
      }
      var out = term.out();
      out.printf("cache        %s%n", s.location());
      out.printf("entries      %d (%s on disk)%n", s.entries(), CacheUnits.formatSize(s.bytesOnDisk()));
      long asked = s.hits() + s.misses();
      out.printf("hits         %d of %d lookups since %s%s%n", s.hits(), asked, s.created(),
          asked == 0 ? "" : String.format(" (%.0f %%)", 100.0 * s.hits() / asked));
      out.printf("misses       %d%n", s.misses());
      for (JsonNode n : saved) {
        out.printf("saved        %s/%s: %d hits, %d in + %d out tokens%s%n", n.get("provider").asText(), n.get("model").asText(),
            n.get("hits").asLong(), n.get("input_tokens").asLong(), n.get("output_tokens").asLong(),
            n.has("cost_usd") ? String.format(" ≈ $%.4f", n.get("cost_usd").asDouble()) : " (no price known)");
      }
      out.printf("cost saved   ≈ $%.4f%s%n", total, unknown ? " (models without a price not counted; add them under [prices])" : "");
      return ExitCodes.OK;
    }
  }

  @Command(mixinStandardHelpOptions = true, name = "list", description = "Entries, newest first.",
      footerHeading = "%nExamples:%n", footer = {"  kurz cache list", "  kurz cache list --since 24h --format json"})
  static final class ListCmd extends Base {
    @Option(names = "--since", paramLabel = "AGE", converter = SettingConverter.Span.class,
        description = "Only entries newer than this (e.g. 90m, 24h, 7d).")
    Duration since;

    @Option(names = "--kind", paramLabel = "KIND", description = "Only entries of this kind (analysis, ...).")
    String kind;

    @Option(names = "--limit", paramLabel = "N", description = "At most N entries (default 50).")
    int limit = 50;

    ListCmd(Terminal term) {
      super(term);
    }

    @Override
    int run(Cache cache) {
      Instant cutoff = since == null ? null : term.clock().instant().minus(since);
      List<EntryInfo> entries = cache.list(cutoff, kind, limit);
      if (json()) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        for (EntryInfo e : entries) {
          a.addObject().put("id", e.key()).put("kind", e.kind()).put("provider", e.provider()).put("model", e.model())
              .put("source", e.sourceLabel()).put("created", e.created().toString()).put("input_tokens", e.inputTokens())
              .put("output_tokens", e.outputTokens()).put("hits", e.hits()).put("bytes", e.payloadBytes());
        }
        print(a);
        return ExitCodes.OK;
      }
      for (EntryInfo e : entries) {
        term.out().printf("%s  %-20s %-8s %-28s %5d hits  %s%n", e.key().substring(0, 12), e.created().toString().substring(0, 19),
            e.kind(), e.provider() + "/" + e.model(), e.hits(), e.sourceLabel());
      }
      if (entries.isEmpty()) term.err().println("no entries");
      return ExitCodes.OK;
    }
  }

  @Command(mixinStandardHelpOptions = true, name = "show", description = "One entry: its metadata and stored answer.",
      footerHeading = "%nExamples:%n", footer = {"  kurz cache show 3f2a9c"})
  static final class Show extends Base {
    @Parameters(paramLabel = "ID", description = "The entry's id or a unique prefix of it (6 characters or more).")
    String id;

    Show(Terminal term) {
      super(term);
    }

    @Override
    int run(Cache cache) throws Exception {
      CacheEntry e = cache.find(id).orElseThrow(() -> new KurzException(ExitCodes.SOME_FAILED, "no cache entry " + id));
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      o.put("id", e.key()).put("kind", e.kind()).put("provider", e.provider()).put("model", e.model())
          .put("prompt_hash", e.promptHash()).put("source", e.sourceLabel()).put("created", e.created().toString())
          .put("input_tokens", e.inputTokens()).put("output_tokens", e.outputTokens());
      JsonNode payload;
      try {
        payload = Json.MAPPER.readTree(e.payload());
      } catch (Exception notJson) {
        payload = JsonNodeFactory.instance.textNode(e.payload());
      }
      o.set("payload", payload);
      print(o);
      return ExitCodes.OK;
    }
  }

  @Command(mixinStandardHelpOptions = true, name = "prune", description = "Drop old entries, or the least recently used until the cache fits a size.",
      footerHeading = "%nExamples:%n", footer = {"  kurz cache prune --older-than 30d", "  kurz cache prune --max-size 500MB"})
  static final class Prune extends Base {
    @Option(names = "--older-than", paramLabel = "AGE", converter = SettingConverter.Span.class, description = "e.g. 30d, 12h.")
    Duration olderThan;

    @Option(names = "--max-size", paramLabel = "SIZE", description = "e.g. 500MB, 2GB.")
    String maxSize;

    Prune(Terminal term) {
      super(term);
    }

    @Override
    int run(Cache cache) {
      if (olderThan == null && maxSize == null) {
        throw new KurzException(ExitCodes.USAGE, "say what to prune: --older-than AGE and/or --max-size SIZE");
      }
      int removed = 0;
      if (olderThan != null) {
        removed += cache.pruneOlderThan(term.clock().instant().minus(olderThan));
      }
      if (maxSize != null) removed += cache.pruneToSize(CacheUnits.parseSize(maxSize));
      report("removed", removed, cache);
      return ExitCodes.OK;
    }

    void report(String verb, int removed, Cache cache) {
      CacheStats s = cache.stats();
      if (json()) print(JsonNodeFactory.instance.objectNode().put(verb, removed).put("entries", s.entries()).put("bytes_on_disk", s.bytesOnDisk()));
      else term.out().printf("%s %d entries; %d left (%s)%n", verb, removed, s.entries(), CacheUnits.formatSize(s.bytesOnDisk()));
    }
  }

  @Command(mixinStandardHelpOptions = true, name = "clear", description = "Remove every entry (hit and miss totals are kept).",
      footerHeading = "%nExamples:%n", footer = {"  kurz cache clear"})
  static final class Clear extends Base {
    Clear(Terminal term) {
      super(term);
    }

    @Override
    int run(Cache cache) {
      int removed = cache.clear();
      if (json()) print(JsonNodeFactory.instance.objectNode().put("removed", removed));
      else term.out().printf("removed %d entries%n", removed);
      return ExitCodes.OK;
    }
  }
}
