package dev.kurz.analysis;

import dev.kurz.cache.AnswerCache;
import dev.kurz.cache.CacheKey;
import dev.kurz.faithfulness.FaithfulnessCheck;
import dev.kurz.faithfulness.Finding;
import dev.kurz.glossary.Glossary;
import dev.kurz.glossary.NameCheck;
import dev.kurz.glossary.NameFixer;
import dev.kurz.ingest.LanguageDetector;
import dev.kurz.llm.Backend;
import dev.kurz.llm.BackendException;
import dev.kurz.llm.ContractSchema;
import dev.kurz.llm.LlmReply;
import dev.kurz.llm.LlmRequest;
import dev.kurz.llm.LlmRequest.Message;
import dev.kurz.llm.PromptTemplates;
import dev.kurz.llm.StructuredCall;
import dev.kurz.llm.Tokens;
import dev.kurz.model.Analysis;
import dev.kurz.model.Article;
import dev.kurz.model.ArticleResult;
import dev.kurz.model.Claim;
import dev.kurz.model.Grounding;
import dev.kurz.model.Outcome;
import dev.kurz.model.Usage;
import dev.kurz.model.RecordJson;
import dev.kurz.model.Source;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One article to one {@link Outcome}: cache lookup, one request in the contract schema, validation,
 * at most one repair request, grounding of every quote, the modality check, cache write, and the
 * faithfulness gate on every answer delivered (with {@code strict}, a failing answer gets one
 * repair request listing the failures before it is cached). Expected
 * failures come back as {@link Outcome.Failed}; nothing here throws for a bad article or a bad
 * answer. Thread-safe: one instance serves every article of a run.
 */
public final class Summarizer {

  /**
   * The settings that shape an answer; all but the cache flags and the context budget are part of
   * the cache key. {@code contextTokens} is how many tokens one request may carry; a longer
   * article is analysed in parts.
   */
  public record Options(String targetLanguage, String length, Double temperature, String baseUrl,
      boolean readCache, boolean writeCache, int contextTokens, int maxArticleTokens, boolean fixNames,
      boolean strict) {
    public static final int DEFAULT_CONTEXT_TOKENS = 24_000;
    public static final int DEFAULT_MAX_ARTICLE_TOKENS = 200_000;

    public Options(String targetLanguage, String length, Double temperature, String baseUrl, boolean readCache,
        boolean writeCache, int contextTokens, int maxArticleTokens, boolean fixNames) {
      this(targetLanguage, length, temperature, baseUrl, readCache, writeCache, contextTokens, maxArticleTokens,
          fixNames, false);
    }

    public Options(String targetLanguage, String length, Double temperature, String baseUrl, boolean readCache,
        boolean writeCache) {
      this(targetLanguage, length, temperature, baseUrl, readCache, writeCache, DEFAULT_CONTEXT_TOKENS,
          DEFAULT_MAX_ARTICLE_TOKENS, false, false);
    }
  }

  /** An answer that stayed invalid after the repair request. */
  private static final class InvalidAnswer extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidAnswer(String message) {
      super(message, null, false, false);
    }
  }

  /** A part's analysis before grounding, with what it cost. */
  private record Answer(Analysis analysis, Usage usage, String modelName, int parts) {}

  /** How deep a context-length refusal may split a part again. */
  private static final int MAX_SPLIT_DEPTH = 4;

  private final StructuredCall call;
  private final Backend backend;
  private final PromptTemplates prompts;
  private final ContractSchema schema;
  private final AnswerCache cache;
  private final Glossary glossary;
  private final Options options;
  private final Clock clock;
  private final String system;
  private final int systemTokens;

  public Summarizer(StructuredCall call, ContractSchema schema, Glossary glossary, Options options, Clock clock) {
    this.call = call;
    this.glossary = glossary;
    this.backend = call.backend();
    this.prompts = call.prompts();
    this.schema = schema;
    this.cache = call.cache();
    this.options = options;
    this.clock = clock;
    // The system prompt is the same for every article of a run: sent first, so providers' prompt
    // caching applies to it.
    this.system = prompts.render("analyze.system.txt", Map.of(
        "target_language", LanguageDetector.displayName(options.targetLanguage()),
        // for prompts edited before the length moved to the user message, scaled per article
        "length_instructions", lengthInstructions(options.length(), Integer.MAX_VALUE),
        // The schema goes natively with each request, or into the prompt where the backend has no
        // native structured output (LlmRequest.systemWithSchema); an edited prompt may still name it.
        "schema", ""));
    this.systemTokens = Tokens.estimate(system) + Tokens.estimate(schema.compactText());
  }

  /** Whether {@link #summarize} looks in the cache before asking (which, on a shared cache, may wait for another process). */
  public boolean readsCache() {
    return options.readCache();
  }

  public Outcome summarize(Article article) {
    String key = cacheKey(article);
    if (!options.readCache()) return answer(article, key);
    Optional<Outcome> hit = cached(article, key);
    if (hit.isPresent()) return hit.get();
    if (!options.writeCache()) return answer(article, key);
    // On a shared cache, another process may be asking for this very article: wait for its answer.
    try (AnswerCache.Claim claim = cache.claim(key)) {
      // Looked at without counting, so that a miss is counted once.
      if (claim != AnswerCache.Claim.NONE && cache.contains(key)) {
        hit = cached(article, key);
        if (hit.isPresent()) return hit.get();
      }
      return answer(article, key);
    }
  }

  private Optional<Outcome> cached(Article article, String key) {
    var hit = cache.get(key);
    if (hit.isEmpty()) return Optional.empty();
    try {
      ArticleResult stored = RecordJson.fromJson(hit.get());
      // Checked like a fresh answer: an entry edited or damaged on disk is asked again and overwritten.
      if (stored.analysis() == null || !schema.checkStored(stored.analysis()).valid()) return Optional.empty();
      // This input's own source (path, URL), with the language found when the answer was made.
      return Optional.of(new Outcome.Done(finish(article, stored.asCached(article.source().withLanguage(stored.source().language())))));
    } catch (RuntimeException unreadable) {
      return Optional.empty(); // An entry from an incompatible version, or damaged: ask again and overwrite it.
    }
  }

  private Outcome answer(Article article, String key) {
    Optional<String> refusal = refusal(article);
    if (refusal.isPresent()) return new Outcome.Failed(article.source().label(), refusal.get(), Outcome.Failure.INPUT);
    String language = language(article);
    try {
      return store(article, key, language, analyze(article, article.text(), language, 0));
    } catch (InvalidAnswer e) {
      return new Outcome.Failed(article.source().label(), e.getMessage(), Outcome.Failure.ANSWER);
    } catch (BackendException e) {
      Outcome.Failure failure = e.kind() == BackendException.Kind.CANCELLED ? Outcome.Failure.INTERRUPTED
          : e.fatal() ? Outcome.Failure.BACKEND : Outcome.Failure.ANSWER;
      return new Outcome.Failed(article.source().label(), e.getMessage(), failure);
    }
  }

  /**
   * One request for {@code text}, or, when it exceeds the context budget (by estimate, or because
   * the provider refused it as too long), one request per part split at paragraph boundaries and
   * the answers merged.
   */
  private Answer analyze(Article article, String text, String language, int depth)
      throws BackendException, InvalidAnswer {
    int budget = partBudget();
    if (Tokens.estimate(text) > budget) {
      return merge(article, ArticleSplitter.split(text, budget), language, depth);
    }
    try {
      return analyzeOnce(article, text, language);
    } catch (BackendException e) {
      if (e.kind() != BackendException.Kind.CONTEXT_LENGTH || depth >= MAX_SPLIT_DEPTH) throw e;
      List<String> halves = ArticleSplitter.split(text, Math.max(200, Tokens.estimate(text) / 2));
      if (halves.size() < 2) throw e;
      return merge(article, halves, language, depth + 1);
    }
  }

  private Answer merge(Article article, List<String> parts, String language, int depth)
      throws BackendException, InvalidAnswer {
    List<Answer> answers = new ArrayList<>();
    for (String part : parts) answers.add(analyze(article, part, language, depth));
    return new Answer(AnalysisMerger.merge(answers.stream().map(Answer::analysis).toList()),
        answers.stream().map(Answer::usage).reduce(Usage.NONE, Usage::plus),
        answers.get(0).modelName(), answers.stream().mapToInt(Answer::parts).sum());
  }

  private Answer analyzeOnce(Article article, String text, String language) throws BackendException, InvalidAnswer {
    LlmRequest request = request(List.of(Message.user(userPrompt(article, text, language))));
    return answer(call.ask(request, schema::check, gate(article, text, language)));
  }

  /** With {@code strict}, the faithfulness gate's failures for an answer to {@code text}; else none. */
  private StructuredCall.Gate<Analysis> gate(Article article, String text, String language) {
    if (!options.strict()) return analysis -> List.of();
    return analysis -> faithfulness(analysis, text, language, article).stream().map(Summarizer::failureLine).toList();
  }

  private Answer answer(StructuredCall.Result<Analysis> result) throws BackendException, InvalidAnswer {
    return switch (result) {
      case StructuredCall.Result.Valid<Analysis> v -> new Answer(v.value(), v.usage(), v.modelName(), 1);
      case StructuredCall.Result.Invalid<Analysis> i -> throw new InvalidAnswer("the answer of " + backend.model().provider()
          + "/" + backend.model().name() + " is not valid after one repair request: " + firstErrors(i.errors()));
      case StructuredCall.Result.Failed<Analysis> f -> throw f.error();
    };
  }

  private String userPrompt(Article article, String text, String language) {
    return prompts.render("analyze.user.txt", Map.of(
        "source_language", LanguageDetector.displayName(language) + " (" + language + ")",
        "length_instructions", lengthInstructions(options.length(), article.text().length()),
        "title_line", article.source().title() == null ? "" : "\nTitle: " + article.source().title(),
        "outlet_line", article.source().outlet() == null ? "" : "\nPublished by: " + article.source().outlet(),
        "glossary", glossaryLine(text, language),
        "article", text));
  }

  /** The gate's findings for an answer to {@code text} (the article or one part of it), quotes grounded there. */
  private List<Finding> faithfulness(Analysis analysis, String text, String language, Article article) {
    QuoteLocator locator = new QuoteLocator(text);
    List<Claim> grounded = analysis.claims().stream().map(c -> c.withGrounding(locator.locate(c.quote()))).toList();
    return FaithfulnessCheck.check(analysis.withClaims(grounded), text, glossary, language, options.targetLanguage(),
        published(article.source().published()), outlet(article.source()));
  }

  /** What the gate may take as the outlet's names: the site's name and the address's host. */
  private static List<String> outlet(Source source) {
    return java.util.stream.Stream.of(source.site(), source.host()).filter(java.util.Objects::nonNull).toList();
  }

  private static String failureLine(Finding f) {
    return f.where() + ": " + f.kind().name().toLowerCase(java.util.Locale.ROOT) + " '" + f.item() + "' " + f.detail()
        + " (\"" + f.sentence() + "\")";
  }

  /** The publication date when the source gives one as an ISO date or date-time; else null. */
  static LocalDate published(String published) {
    if (published == null || published.length() < 10) return null;
    try {
      return LocalDate.parse(published.substring(0, 10));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** Why an article cannot go into a provider batch as one request, or empty when it can. */
  public sealed interface Prepared {
    /** The request summarize would send for the article, under the cache key it would use. */
    record Request(String key, LlmRequest request) implements Prepared {}

    /** Already answered: nothing to send. */
    record Cached(String key) implements Prepared {}

    /** Needs more than one request (analysed in parts) or is refused: summarize it normally. */
    record Unbatchable(String key, String reason) implements Prepared {}
  }

  /** What a provider batch would send for {@code article}: exactly the first request of {@link #summarize}. */
  public Prepared prepare(Article article) {
    String key = cacheKey(article);
    if (options.readCache() && cache.contains(key)) return new Prepared.Cached(key);
    int tokens = Tokens.estimate(article.text());
    if (tokens > options.maxArticleTokens() || tokens > partBudget()) {
      return new Prepared.Unbatchable(key, "too long for one request (about " + tokens + " tokens): summarize it normally");
    }
    String language = language(article);
    List<Message> messages = List.of(Message.user(userPrompt(article, article.text(), language)));
    return new Prepared.Request(key, request(messages));
  }

  /**
   * Finishes {@code article} from a reply made elsewhere (a provider batch) as {@link #summarize}
   * would have from its own: validates, repairs with one normal request where needed, grounds,
   * and stores the result under the same key.
   */
  public Outcome complete(Article article, LlmReply reply) {
    String key = cacheKey(article);
    String language = language(article);
    try {
      LlmRequest request = request(List.of(Message.user(userPrompt(article, article.text(), language))));
      return store(article, key, language, answer(call.finish(request, reply, schema::check, gate(article, article.text(), language))));
    } catch (InvalidAnswer e) {
      return new Outcome.Failed(article.source().label(), e.getMessage(), Outcome.Failure.ANSWER);
    } catch (BackendException e) {
      return new Outcome.Failed(article.source().label(), e.getMessage(), e.kind() == BackendException.Kind.CANCELLED
          && Thread.currentThread().isInterrupted() ? Outcome.Failure.INTERRUPTED : e.fatal() ? Outcome.Failure.BACKEND : Outcome.Failure.ANSWER);
    }
  }

  private String language(Article article) {
    String language = article.source().language() != null ? article.source().language() : LanguageDetector.detect(article.text());
    return language == null ? "und" : language;
  }

  private Outcome store(Article article, String key, String language, Answer answer) {
    ArticleResult result = ground(article, answer, key, language);
    if (options.writeCache()) {
      cache.put(key, "analysis", result.model(), prompts.hash(), answer.usage(), article.source().label(), RecordJson.toJson(result));
    }
    return new Outcome.Done(finish(article, result));
  }

  /** Article tokens one request may carry: the context budget less the prompt and room for the answer. */
  private int partBudget() {
    return Math.max(1_000, options.contextTokens() - systemTokens - 1_500);
  }

  /** What answering an article would cost, without asking: for --dry-run. */
  public record Estimate(boolean cached, long inputTokens, long outputTokens) {}

  /** Why an article not in the cache is refused before any request (too long), or empty. */
  public Optional<String> refusal(Article article) {
    int tokens = Tokens.estimate(article.text());
    if (tokens <= options.maxArticleTokens()) return Optional.empty();
    return Optional.of("too long (about " + tokens + " tokens; limit " + options.maxArticleTokens() + ", raise with --max-article-tokens)");
  }

  public Estimate estimate(Article article) {
    if (options.readCache() && cache.contains(cacheKey(article))) return new Estimate(true, 0, 0);
    int articleTokens = Tokens.estimate(article.text());
    int budget = partBudget();
    int parts = Math.max(1, (int) Math.ceil(articleTokens / (double) budget));
    long output = switch (options.length()) {
      case "short" -> 600;
      case "long" -> 1_400;
      default -> 900;
    };
    return new Estimate(false, (long) parts * (systemTokens + 60) + articleTokens, parts * output);
  }

  /** Everything that determines the answer: title and text, model, endpoint, prompts, schema, options. */
  public String cacheKey(Article article) {
    return CacheKey.of("analysis")
        .text("article", article.fullText())
        .part("provider", backend.model().provider())
        .part("model", backend.model().name())
        .part("base_url", options.baseUrl())
        .part("prompts", prompts.hash())
        .part("schema", schema.version())
        .part("to", options.targetLanguage())
        .part("length", options.length())
        .part("temperature", options.temperature() == null ? null : options.temperature().toString())
        .part("glossary", glossary.version())
        .build();
  }

  private LlmRequest request(List<Message> messages) {
    return new LlmRequest(system, messages, schema.compactText(), "article_analysis", options.temperature(), null);
  }

  private ArticleResult ground(Article article, Answer answer, String key, String language) {
    Analysis analysis = answer.analysis();
    String grounded = article.fullText();
    QuoteLocator locator = new QuoteLocator(grounded);
    List<Claim> claims = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    if (answer.parts() > 1) warnings.add("long article: analysed in " + answer.parts() + " parts and merged");
    int n = 0;
    for (Claim c : analysis.claims()) {
      n++;
      Grounding g = locator.locate(c.quote());
      if (!g.found()) warnings.add("claim " + n + ": quote not found in the article (possibly invented): \"" + abbreviate(c.quote()) + "\"");
      warnings.addAll(ModalityCheck.check(n, c));
      claims.add(c.withGrounding(g));
    }
    warnings.addAll(NameCheck.check(analysis, glossary, language, options.targetLanguage()));
    String model = answer.modelName() == null || answer.modelName().isBlank() ? backend.model().name() : answer.modelName();
    // source.language is the detector's ISO code; the model's free text ("German") never replaces
    // it, and only where nothing was detected does the model's answer count, as a code.
    String answered = LanguageDetector.code(analysis.sourceLanguage());
    if ("und".equals(language) && answered != null) language = answered;
    Analysis recorded = analysis.withClaims(claims).withSourceLanguage(answered != null ? answered : language);
    return new ArticleResult(article.source().withLanguage(language), recorded,
        new dev.kurz.model.ModelRef(backend.model().provider(), model), answer.usage(), false, warnings, key,
        clock.instant(), grounded);
  }

  /** Only the glossary entries for names in this text: a prompt without names pays nothing. */
  private String glossaryLine(String text, String language) {
    String line = Glossary.promptSection(glossary.entriesIn(text, language, options.targetLanguage()));
    return line.isEmpty() ? "" : "\n" + line;
  }

  /**
   * Every answer delivered, fresh or cached, passes the faithfulness gate now (a cached answer's
   * warnings from an older gate are replaced); with --fix-names, German name forms left in English
   * text are replaced first.
   */
  private ArticleResult finish(Article article, ArticleResult r) {
    String from = r.source().language() == null ? "de" : r.source().language();
    Analysis analysis = r.analysis();
    List<String> warnings = new ArrayList<>();
    for (String w : r.warnings()) {
      if (!Finding.isFaithfulnessWarning(w)) warnings.add(w);
    }
    if (options.fixNames()) {
      analysis = NameFixer.fix(analysis, glossary, from, options.targetLanguage());
      // The warnings about the names just fixed go; any the glossary could not fix stay.
      if (!analysis.equals(r.analysis())) {
        warnings.removeAll(NameCheck.check(r.analysis(), glossary, from, options.targetLanguage()));
        warnings.addAll(NameCheck.check(analysis, glossary, from, options.targetLanguage()));
      }
    }
    // The grounding offsets index the full text (title and text).
    warnings.addAll(FaithfulnessCheck.warnings(FaithfulnessCheck.check(analysis, article.fullText(), glossary, from,
        options.targetLanguage(), published(r.source().published()), outlet(r.source()))));
    if (analysis.equals(r.analysis()) && warnings.equals(r.warnings())) return r;
    return new ArticleResult(r.source(), analysis, r.model(), r.usage(), r.cached(), warnings, r.cacheKey(), r.created(),
        r.text());
  }

  /**
   * The summary's length for {@code --length} and an article of {@code characters}: a
   * 1,000-character report gets two or three sentences however long the default is, since a
   * summary longer than a tenth of its article repeats it.
   */
  static String lengthInstructions(String length, int characters) {
    int size = characters < 1_500 ? 0 : characters < 4_000 ? 1 : 2;
    return switch (length) {
      case "short" -> size == 0 ? "1 to 2 sentences" : "2 to 3 sentences";
      case "long" -> size == 0 ? "3 to 4 sentences" : size == 1 ? "5 to 7 sentences"
          : "8 to 12 sentences, covering every development the article reports";
      default -> size == 0 ? "2 to 3 sentences" : size == 1 ? "3 to 4 sentences" : "4 to 6 sentences";
    };
  }

  private static String firstErrors(List<String> errors) {
    String first = errors.isEmpty() ? "unknown problem" : errors.get(0);
    return errors.size() <= 1 ? first : first + " (and " + (errors.size() - 1) + " more)";
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }
}
