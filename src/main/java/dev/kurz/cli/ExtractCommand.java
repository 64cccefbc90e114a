package dev.kurz.cli;

import dev.kurz.model.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kurz.config.Key;
import dev.kurz.ingest.ArticleReader;
import dev.kurz.ingest.Input;
import dev.kurz.ingest.InputException;
import dev.kurz.model.Source;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    mixinStandardHelpOptions = true,
    name = "extract",
    description = "Show the text kurz would send for each input, with what it found out about it; calls no model.",
    footerHeading = "%nExamples:%n",
    footer = {
        "  kurz extract artikel.txt                        header line, then the clean text",
        "  kurz extract https://example.org/artikel --format json",
        "  kurz extract https://example.org/feed.xml --format jsonl",
        "  kurz extract artikel/ --inputs quellen.txt --format jsonl"})
final class ExtractCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = Json.MAPPER;

  @Mixin GlobalOptions global;
  @Mixin InputOptions inputOptions;

  @Parameters(paramLabel = "INPUT", arity = "0..*",
      description = "Article files (.txt .md .html .pdf), folders of them, http(s) URLs, RSS/Atom feeds, or - for standard input.")
  List<String> inputs;

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "text (default), json or jsonl.")
  Format format = Format.text;

  @Mixin CacheDirOption cacheDir;
  @Spec CommandSpec spec;

  @Option(names = "--no-cache", description = "Fetch pages again and do not keep them.")
  boolean noCache;

  private final Terminal term;

  ExtractCommand(Terminal term) {
    this.term = term;
  }

  enum Format { text, json, jsonl }

  @Override
  public Integer call() {
    try (Services services = Services.of(term, global, spec)) {
      InputOptions.Reading reading = inputOptions.read(term, services, inputs, !noCache);
      ArrayNode array = JSON.createArrayNode();
      int failed = 0;
      int printed = 0;
      for (Input input : reading.inputs()) {
        ArticleReader.Extraction e;
        try {
          e = reading.reader().extract(input);
        } catch (InputException ex) {
          term.err().println("[ERROR] " + input.label() + ": " + ex.getMessage());
          failed++;
          continue;
        }
        ObjectNode record = record(e);
        switch (format) {
          case text -> {
            if (printed > 0) term.out().println();
            term.out().println(header(e, record));
            term.out().println();
            term.out().println(e.article().text());
          }
          case jsonl -> term.out().println(record.toString());
          case json -> array.add(record);
        }
        printed++;
        term.out().flush();
      }
      if (format == Format.json) {
        term.out().println(write(reading.inputs().size() == 1 && array.size() == 1 ? array.get(0) : array));
      }
      return failed == 0 ? ExitCodes.OK : ExitCodes.SOME_FAILED;
    }
  }

  /** The JSON record of one extraction: where from, what is known, the text, its size, what was dropped. */
  static ObjectNode record(ArticleReader.Extraction e) {
    Source s = e.article().source();
    ObjectNode o = JSON.createObjectNode();
    if (s.url() != null) o.put("url", s.url());
    else o.put("path", s.path() != null ? s.path() : s.label());
    o.put("title", s.title());
    o.put("author", s.author());
    o.put("published", s.published());
    o.put("site", s.site());
    o.put("language", s.language());
    o.put("text", e.article().text());
    o.put("characters", e.article().text().length());
    o.put("tokens", dev.kurz.llm.Tokens.estimate(e.article().text()));
    e.removed().forEach(o.putArray("removed")::add);
    return o;
  }

  private static String header(ArticleReader.Extraction e, ObjectNode record) {
    Source s = e.article().source();
    StringBuilder h = new StringBuilder("==> ").append(s.url() != null ? s.url() : s.label()).append(" <==");
    if (s.title() != null) h.append(" ").append(s.title());
    h.append(" [");
    if (s.published() != null) h.append(s.published()).append(", ");
    if (s.language() != null) h.append(s.language()).append(", ");
    h.append(record.get("characters").asInt()).append(" chars, ~").append(record.get("tokens").asInt()).append(" tokens");
    if (!e.removed().isEmpty()) h.append(", ").append(e.removed().size()).append(" lines removed");
    return h.append("]").toString();
  }

  private static String write(com.fasterxml.jackson.databind.JsonNode node) {
    try {
      return JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
