package dev.kurz.cli;

import dev.kurz.config.Key;
import dev.kurz.config.Settings;
import dev.kurz.digest.Digest;
import dev.kurz.digest.Digester;
import dev.kurz.digest.Story;
import dev.kurz.digest.StoryGrouper;
import dev.kurz.digest.Synthesizer;
import dev.kurz.ingest.ArticleReader;
import dev.kurz.ingest.InputException;
import dev.kurz.model.ArticleResult;
import dev.kurz.model.Outcome;
import dev.kurz.render.DigestHtmlRenderer;
import dev.kurz.render.DigestJson;
import dev.kurz.render.DigestMarkdownRenderer;
import dev.kurz.scheduling.SummaryBatch;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    mixinStandardHelpOptions = true,
    name = "digest",
    description = "Summarize many articles and group them into stories: headline, synthesis, sources, key claims, contradictions.",
    footerHeading = "%nExamples:%n",
    footer = {
        "  kurz digest ~/presse/2025-12-03/ --out digest.html",
        "  kurz digest a.txt b.txt c.html --format json",
        "  kurz digest ~/presse/heute/ --out heute.md --provider ollama --model qwen2.5:14b",
        "  kurz digest --inputs feeds.txt --since 24h --out heute.md",
        "  kurz digest *.txt --format json --dry-run        what it would cost, no requests"})
final class DigestCommand extends ModelCommand {
  @Mixin AnalysisOptions analysis;

  @Parameters(paramLabel = "INPUT", arity = "0..*", description = "Article files, folders of them, URLs or feeds; - for standard input.")
  List<String> inputs;

  @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write the digest here (format from the extension: .md, .json, .html); default stdout.")
  Path out;

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "markdown, json or html (default: from --out, else markdown).")
  Format format;

  @Option(names = "--batch", description = "Send the articles through the provider's batch API (half price; openai, anthropic), wait, then digest. Resumable: run again after an interruption.")
  boolean batch;

  DigestCommand(Terminal term) {
    super(term);
  }

  enum Format { markdown, json, html }

  @Override
  boolean sendsRequests() {
    return !analysis.dryRun;
  }

  @Override
  public Integer call() throws Exception {
    Format fmt = format != null ? format : formatOf(out);
    // Checked before any request: a folder or an unwritable path fails now, not after the whole run.
    try (OutputFile file = out == null || analysis.dryRun ? null : OutputFile.prepare(out);
        Services services = services()) {
      InputOptions.Reading reading = inputOptions.read(term, services, inputs == null ? List.of() : inputs, !cacheOptions.noCache);
      if (reading.inputs().isEmpty()) throw new KurzException(ExitCodes.USAGE, "no inputs: name articles, folders, URLs or feeds (or --inputs FILE)");
      if (analysis.dryRun) return new DryRun(term, services, cacheOptions).forDigest().run(reading.reader(), reading.inputs(), fmt == Format.json);
      if (batch) {
        if (cacheOptions.noCache || cacheOptions.refresh) throw new KurzException(ExitCodes.USAGE, "--batch stores its answers in the cache: it cannot be used with --no-cache or --refresh");
        new BatchRun(term, services, cacheOptions, global).throughBatches(reading, analysis.fixNames);
      }
      SummarizeJob job = new SummarizeJob(term, services, cacheOptions, global);
      SummaryBatch batch = job.batch(reading.reader(), analysis.fixNames).keepingTexts();
      List<Outcome> outcomes = job.run(batch, reading.inputs(), o -> {});
      List<ArticleResult> results = new ArrayList<>();
      List<String> labels = new ArrayList<>();
      for (Outcome o : outcomes) {
        if (o instanceof Outcome.Done d) {
          results.add(d.result());
          labels.add(d.label());
        }
      }
      int failedStories = 0;
      if (!results.isEmpty()) {
        Settings s = services.settings();
        Synthesizer synthesizer = new Synthesizer(services.call(cacheOptions.noCache),
            new Synthesizer.Options(s.doubleValue(Key.TEMPERATURE), services.backendSpec().baseUrl(),
                !cacheOptions.noCache && !cacheOptions.refresh, !cacheOptions.noCache));
        Digest digest = new Digester(StoryGrouper.defaults(), synthesizer::write, s.intValue(Key.CONCURRENCY), term.clock())
            .digest(results, i -> batch.takeText(labels.get(i)));
        write(digest, fmt, file);
        // A failed synthesis is a failed input like any other: named on its own line, the rest delivered, exit 1.
        for (Story st : digest.stories()) {
          for (String w : st.warnings()) {
            if (st.origin() == Story.Origin.FAILED) term.err().println("[ERROR] story \"" + st.headline() + "\" (" + st.articles().size() + " articles, first " + st.articles().get(0).source().label() + "): " + w);
            else if (!global.quiet) term.err().println("[WARN] story \"" + st.headline() + "\": " + w);
          }
        }
        failedStories = (int) digest.stories().stream().filter(st -> st.origin() == Story.Origin.FAILED).count();
        if (!global.quiet) {
          long fresh = count(digest, Story.Origin.SYNTHESIZED);
          long cached = count(digest, Story.Origin.CACHED);
          term.err().printf("digest: %d stories from %d articles (%d synthesized: %d new, %d from cache%s); synthesis tokens %d in / %d out%s%n",
              digest.stories().size(), digest.articleCount(), fresh + cached, fresh, cached,
              failedStories == 0 ? "" : "; " + failedStories + " failed", digest.synthesisUsage().inputTokens(),
              digest.synthesisUsage().outputTokens(), out == null ? "" : "; written to " + out);
        }
      }
      int code = job.report(outcomes);
      return code == ExitCodes.OK && failedStories > 0 ? ExitCodes.SOME_FAILED : code;
    }
  }

  private static long count(Digest digest, Story.Origin origin) {
    return digest.stories().stream().filter(st -> st.origin() == origin).count();
  }

  private void write(Digest digest, Format fmt, OutputFile file) throws IOException {
    if (file == null) {
      java.io.Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(term.out(), term.out().charset()));
      render(digest, fmt, w);
      w.flush(); // standard output stays open
      return;
    }
    try (java.io.Writer w = file.writer()) {
      render(digest, fmt, w);
    } catch (IOException e) {
      throw file.failed(e);
    }
    file.commit();
  }

  private static void render(Digest digest, Format fmt, java.io.Writer w) throws IOException {
    switch (fmt) {
      // Streamed story by story: a big digest is never one string in memory.
      case json -> {
        DigestJson.write(digest, w);
        w.write("\n");
      }
      case markdown -> DigestMarkdownRenderer.write(digest, w);
      case html -> DigestHtmlRenderer.write(digest, w);
    }
  }

  static Format formatOf(Path out) {
    if (out == null) return Format.markdown;
    String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".html") || name.endsWith(".htm")) return Format.html;
    if (name.endsWith(".json")) return Format.json;
    return Format.markdown;
  }

}
