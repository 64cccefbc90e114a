package dev.kurz.digest;

import dev.kurz.llm.Backend;
import dev.kurz.llm.BackendException;
import dev.kurz.llm.Check;
import dev.kurz.llm.StructuredCall;
import dev.kurz.llm.LlmRequest;
import dev.kurz.llm.LlmRequest.Message;
import dev.kurz.llm.PromptTemplates;
import dev.kurz.llm.Tokens;
import dev.kurz.model.ArticleResult;
import dev.kurz.model.Claim;
import dev.kurz.model.Usage;
import dev.kurz.cache.AnswerCache;
import dev.kurz.cache.CacheKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a story covered by several articles with one model request: headline, synthesis, merged
 * key claims and contradictions, validated against the synthesis schema with at most one repair
 * request, and cached under the member articles' cache keys, the prompts, the schema and the model.
 * A single-article story needs no request. When the model fails, the story is built locally
 * ({@link LocalStories}) with a warning: a digest never loses a story to a bad answer. Local
 * contradiction candidates are kept beside the model's. A story of more than
 * {@link #MAX_ARTICLES_SHOWN} articles is shown to the model as its most central ones (the prompt
 * says how many there are), so one big story cannot outgrow the context window. Thread-safe.
 */
public final class Synthesizer {
  static final int MAX_ARTICLES_SHOWN = 16;

  /** Settings that shape an answer (temperature, endpoint) and whether to use the cache. */
  public record Options(Double temperature, String baseUrl, boolean readCache, boolean writeCache) {}

  private final StructuredCall call;
  private final Backend backend;
  private final PromptTemplates prompts;
  private final AnswerCache cache;
  private final Options options;
  private final SynthesisSchema schema = SynthesisSchema.load();
  private final String system;

  public Synthesizer(StructuredCall call, Options options) {
    this.call = call;
    this.backend = call.backend();
    this.prompts = call.prompts();
    this.cache = call.cache();
    this.options = options;
    // The schema goes with each request, natively or inline where the backend has no native
    // structured output (LlmRequest.systemWithSchema): never twice. An edited prompt may still name it.
    this.system = prompts.render("synthesize.system.txt", Map.of("schema", ""));
  }

  /** One synthesis request's estimated size. */
  public record Request(long inputTokens, long outputTokens) {}

  /**
   * What {@link #write} would ask for this story, without asking (--dry-run): nothing for one
   * article or an answer in the cache, else one request of about this size.
   */
  public Optional<Request> estimate(List<ArticleResult> articles) {
    if (articles.size() == 1) return Optional.empty();
    if (options.readCache() && cache.contains(cacheKey(articles))) return Optional.empty();
    List<Integer> shown = LocalStories.mostCentral(articles, MAX_ARTICLES_SHOWN);
    List<ArticleResult> prompted = shown.stream().map(articles::get).toList();
    String user = userPrompt(prompted, localTo(LocalStories.contradictions(articles), shown), articles.size());
    // Counted as for articles (the schema goes with the request, natively or inline); the answer is
    // a headline, a few sentences and claims.
    long chars = system.length() + schema.compactText().length() + user.length();
    return Optional.of(new Request(Tokens.estimate(chars), 700));
  }

  public Story write(List<ArticleResult> articles) throws InterruptedException {
    if (articles.size() == 1) return LocalStories.of(articles);
    List<Contradiction> local = LocalStories.contradictions(articles);
    // A big story goes to the model as its most central articles; their claim ids map back.
    List<Integer> shown = LocalStories.mostCentral(articles, MAX_ARTICLES_SHOWN);
    List<ArticleResult> prompted = shown.stream().map(articles::get).toList();
    int[] counts = prompted.stream().mapToInt(a -> a.analysis().claims().size()).toArray();
    String key = cacheKey(articles);
    if (options.readCache()) {
      Optional<String> hit = cache.get(key);
      if (hit.isPresent() && schema.check(hit.get(), counts) instanceof Check.Valid<SynthesisSchema.Answer> cached) {
        return story(articles, remap(cached.value(), shown), local, Story.Origin.CACHED, Usage.NONE);
      }
    }
    LlmRequest request = new LlmRequest(system, List.of(Message.user(userPrompt(prompted, localTo(local, shown), articles.size()))),
        schema.compactText(), "story_synthesis", options.temperature(), null);
    return switch (call.ask(request, text -> schema.check(text, counts))) {
      case StructuredCall.Result.Valid<SynthesisSchema.Answer> v -> {
        if (options.writeCache()) {
          cache.put(key, "synthesis", backend.model(), prompts.hash(), v.usage(), "story: " + articles.get(0).source().label(),
              v.value().json());
        }
        yield story(articles, remap(v.value(), shown), local, Story.Origin.SYNTHESIZED, v.usage());
      }
      case StructuredCall.Result.Invalid<SynthesisSchema.Answer> i -> LocalStories.failed(articles,
          "synthesis answer invalid after one repair request (" + i.errors().get(0) + "); story built without it");
      case StructuredCall.Result.Failed<SynthesisSchema.Answer> f -> {
        if (f.error().kind() == BackendException.Kind.CANCELLED && Thread.interrupted()) throw new InterruptedException();
        yield LocalStories.failed(articles, "synthesis request failed (" + f.error().getMessage() + "); story built without it");
      }
    };
  }

  /** Claim references of the prompted articles back to the story's own indexes. */
  private static SynthesisSchema.Answer remap(SynthesisSchema.Answer answer, List<Integer> shown) {
    List<KeyClaim> claims = answer.keyClaims().stream()
        .map(k -> new KeyClaim(k.claim(), k.sources().stream().map(r -> remap(r, shown)).toList())).toList();
    List<Contradiction> contradictions = answer.contradictions().stream()
        .map(c -> new Contradiction(c.summary(), remap(c.asserted(), shown), remap(c.denied(), shown), c.byModel())).toList();
    return new SynthesisSchema.Answer(answer.headline(), answer.synthesis(), claims, contradictions, answer.json());
  }

  private static ClaimRef remap(ClaimRef ref, List<Integer> shown) {
    return new ClaimRef(shown.get(ref.article()), ref.claim());
  }

  /** The local contradiction candidates between prompted articles, in the prompt's numbering. */
  private static List<Contradiction> localTo(List<Contradiction> local, List<Integer> shown) {
    List<Contradiction> out = new ArrayList<>();
    for (Contradiction c : local) {
      int a = shown.indexOf(c.asserted().article());
      int d = shown.indexOf(c.denied().article());
      if (a >= 0 && d >= 0) {
        out.add(new Contradiction(c.summary(), new ClaimRef(a, c.asserted().claim()), new ClaimRef(d, c.denied().claim()), c.byModel()));
      }
    }
    return out;
  }

  /** The member articles' own keys (their text, model and prompts), plus what shapes the synthesis. */
  String cacheKey(List<ArticleResult> articles) {
    CacheKey k = CacheKey.of("synthesis");
    for (ArticleResult a : articles) k.part("article", a.cacheKey());
    return k.part("provider", backend.model().provider())
        .part("model", backend.model().name())
        .part("base_url", options.baseUrl())
        .part("prompts", prompts.hash())
        .part("schema", schema.version())
        .part("temperature", options.temperature() == null ? null : options.temperature().toString())
        .build();
  }

  String userPrompt(List<ArticleResult> articles, List<Contradiction> candidates) {
    return userPrompt(articles, candidates, articles.size());
  }

  /** {@code total} above the number of articles shown says how many more the story has. */
  String userPrompt(List<ArticleResult> articles, List<Contradiction> candidates, int total) {
    StringBuilder b = new StringBuilder();
    if (total > articles.size()) {
      b.append("(The story has ").append(total).append(" articles; the ").append(articles.size())
          .append(" most central are shown.)\n\n");
    }
    for (int i = 0; i < articles.size(); i++) {
      ArticleResult a = articles.get(i);
      b.append("Article a").append(i + 1).append(": ").append(sourceLine(a)).append('\n');
      b.append("Headline: ").append(a.analysis().headline()).append('\n');
      b.append("Summary: ").append(a.analysis().summary().strip()).append('\n');
      b.append("Claims:\n");
      List<Claim> claims = a.analysis().claims();
      for (int c = 0; c < claims.size(); c++) {
        Claim cl = claims.get(c);
        b.append("- ").append(new ClaimRef(i, c).id()).append(" [").append(cl.modality()).append("; ")
            .append(cl.attributedTo()).append("] ").append(cl.claim()).append('\n');
      }
      b.append('\n');
    }
    StringBuilder cand = new StringBuilder();
    for (Contradiction c : candidates) cand.append("- ").append(c.asserted().id()).append(" vs ").append(c.denied().id()).append('\n');
    return prompts.render("synthesize.user.txt", Map.of("articles", b.toString().strip(),
        "candidates", cand.isEmpty() ? "(none)" : cand.toString().strip()));
  }

  private static String sourceLine(ArticleResult a) {
    List<String> parts = new ArrayList<>();
    if (a.source().site() != null) parts.add(a.source().site());
    if (a.source().title() != null) parts.add(quoted(a.source().title()));
    if (a.source().published() != null) parts.add(a.source().published());
    if (parts.isEmpty()) parts.add(a.source().label());
    return String.join(", ", parts);
  }

  /** A title in double quotes, once: a title that is itself a quotation keeps its own marks. */
  static String quoted(String title) {
    String t = title.strip();
    boolean wrapped = t.length() >= 2 && "\"„“”«»".indexOf(t.charAt(0)) >= 0 && "\"“”«»".indexOf(t.charAt(t.length() - 1)) >= 0;
    return wrapped ? t : "\"" + t + "\"";
  }

  private Story story(List<ArticleResult> articles, SynthesisSchema.Answer answer, List<Contradiction> local,
      Story.Origin origin, Usage usage) {
    List<Contradiction> all = new ArrayList<>(answer.contradictions());
    for (Contradiction c : local) {
      boolean known = all.stream().anyMatch(m -> m.asserted().equals(c.asserted()) && m.denied().equals(c.denied()));
      if (!known) all.add(c);
    }
    List<KeyClaim> claims = answer.keyClaims().isEmpty() ? LocalStories.mergedClaims(articles) : answer.keyClaims();
    return new Story(answer.headline(), answer.synthesis(), articles, claims, all, origin, usage, List.of());
  }


}
