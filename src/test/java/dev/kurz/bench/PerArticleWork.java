package dev.kurz.bench;

import dev.kurz.glossary.Glossary;
import dev.kurz.ingest.ArticleReader;
import dev.kurz.ingest.Input;
import dev.kurz.llm.Backend;
import dev.kurz.llm.ContractSchema;
import dev.kurz.llm.LlmReply;
import dev.kurz.llm.LlmRequest;
import dev.kurz.llm.PromptTemplates;
import dev.kurz.model.ModelRef;
import dev.kurz.model.Outcome;
import dev.kurz.model.Usage;
import dev.kurz.cache.AnswerCache;
import dev.kurz.cache.StoredAnswerCache;
import dev.kurz.analysis.Summarizer;
import dev.kurz.model.RecordJson;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * kurz's own work per article, the model's latency left out: reading and cleanup, prompt
 * building, validation, grounding, the cache write and the JSON record, with an in-process
 * backend that answers at once (a benchmark stand-in, not a test double). Prints the median and
 * p90 per article over N articles of about 1,000 words, after a warm-up pass.
 *
 * <pre>java -cp ... dev.kurz.bench.PerArticleWork [N=300]</pre>
 */
public final class PerArticleWork {
  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    Path dir = Files.createTempDirectory("kurz-work");
    for (int i = 0; i < n; i++) Files.writeString(dir.resolve("a" + i + ".txt"), ArticleCorpus.article(i, 1000));
    Backend instant = new Backend() {
      @Override
      public ModelRef model() {
        return new ModelRef("bench", "instant");
      }

      @Override
      public LlmReply complete(LlmRequest request) {
        return new LlmReply(FakeModelServer.analysisFor(request.messages().get(0).text()), new Usage(1500, 700), "instant", "STOP");
      }
    };
    for (int pass = 0; pass < 2; pass++) {
      AnswerCache cache = StoredAnswerCache.open(dir.resolve("cache-" + pass), System.err::println, Clock.systemUTC());
      Summarizer summarizer = new Summarizer(new dev.kurz.llm.StructuredCall(instant, PromptTemplates.load(null), cache), ContractSchema.load(),
          Glossary.builtIn(), new Summarizer.Options("en", "medium", null, null, true, true), Clock.systemUTC());
      ArticleReader reader = new ArticleReader(InputStream.nullInputStream(), ArticleReader.DEFAULT_MAX_BYTES, w -> {});
      List<Long> micros = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Path file = dir.resolve("a" + i + ".txt");
        long start = System.nanoTime();
        Outcome outcome = summarizer.summarize(reader.read(new Input.LocalFile(file.toString(), file)));
        if (!(outcome instanceof Outcome.Done done)) throw new IllegalStateException(outcome.toString());
        RecordJson.toJson(done.result());
        micros.add((System.nanoTime() - start) / 1000);
      }
      if (cache instanceof StoredAnswerCache c) c.close();
      Collections.sort(micros);
      System.out.printf("%s pass: %d articles of ~1000 words: median %.2f ms, p90 %.2f ms per article%n",
          pass == 0 ? "cold" : "warm", n, micros.get(n / 2) / 1000.0, micros.get(n * 9 / 10) / 1000.0);
    }
  }
}
