package dev.kurz.cli;

import dev.kurz.analysis.Summarizer;
import dev.kurz.cache.AnswerCache;
import dev.kurz.config.Key;
import dev.kurz.glossary.Glossary;
import dev.kurz.ingest.ArticleReader;
import dev.kurz.ingest.Input;
import dev.kurz.llm.Backend;
import dev.kurz.llm.BackendSpec;
import dev.kurz.llm.Backends;
import dev.kurz.llm.ContractSchema;
import dev.kurz.llm.LlmReply;
import dev.kurz.llm.LlmRequest;
import dev.kurz.llm.PromptTemplates;
import dev.kurz.llm.StructuredCall;
import dev.kurz.model.ModelRef;
import dev.kurz.model.Outcome;
import dev.kurz.model.Usage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.ConnectionSpec;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The path of an article, run once in a background thread on a made-up article and its made-up
 * answer as soon as a summarize or digest starts: reading and cleanup, language, the prompt, then
 * the checks of an answer (the contract schema's validator, quote grounding, the German verb
 * lexicon, the faithfulness tables). Without it all of that starts cold in the run's own tasks:
 * while the main thread parses the options and lists the inputs the second processor is idle, and
 * the first answers' checks (class initialization, lexicons, tables) would hold up the next
 * requests. It uses the built-in prompts, schema and glossary and the default options (the code
 * warmed is the same whatever the settings); it sends, caches and prints nothing, and a failure
 * only means the run's own articles warm the code instead. The class-archive training uses the
 * same article and answer.
 */
final class WarmUp {
  /** A made-up German article (the number in it varies, so articles of a batch differ). */
  static final String ARTICLE = """
      Stadtrat beschließt neue Linie

      Der Stadtrat hat am Dienstag den Bau einer neuen Straßenbahnlinie beschlossen. %d Ratsmitglieder stimmten dafür.

      Die Linie soll nach Angaben der Verkehrsbetriebe rund 48 Millionen Euro kosten. „Ein wichtiger Schritt“, sagte die Oberbürgermeisterin.
      """;

  /** An answer to {@link #ARTICLE} that passes the contract, its quotes found in the article. */
  static final String ANALYSIS = """
      {"source_language":"de","headline":"Council approves new tram line","summary":"The council approved a tram line.",
       "key_points":["Approved.","Cost 48 million euros.","Mayor welcomes it."],
       "claims":[{"claim":"The council approved a new tram line on Tuesday.","attributed_to":"the article",
         "source_type":"article_voice","modality":"stated",
         "quote":"Der Stadtrat hat am Dienstag den Bau einer neuen Straßenbahnlinie beschlossen."},
        {"claim":"The line will reportedly cost about 48 million euros.","attributed_to":"the transport company",
         "source_type":"named_organization","modality":"reported","quote":"rund 48 Millionen Euro kosten"}],
       "entities":[{"name":"Kyiv","original":"Kiew","type":"place"}]}""";

  private WarmUp() {}

  /**
   * The path of a request and its answer through an OpenAI client (the provider of OpenAI-compatible
   * servers too), run first: LangChain4j's conversion of the request and its schema, JSON both ways,
   * the HTTP adapter. Cold, that path took 0.09-0.25 s for the first request between its slot and
   * the wire, and 0.04-0.07 s to read its answer, and a batch's first requests all take it at once.
   * The client is the warm-up's own, plain-http only (no trust store loaded), and its one
   * interceptor answers at once: nothing is sent.
   */
  static void rehearseRequest() throws dev.kurz.llm.BackendException {
    OkHttpClient client = new OkHttpClient.Builder()
        .connectionSpecs(List.of(ConnectionSpec.CLEARTEXT))
        .addInterceptor(chain -> new Response.Builder().request(chain.request()).protocol(Protocol.HTTP_1_1).code(200)
            .message("OK").body(ResponseBody.create(completion(), MediaType.get("application/json"))).build())
        .build();
    Backend openAi = Backends.create(new BackendSpec("openai", "openai", "warm-up", "http://127.0.0.1/v1", "sk-warm-up-not-a-key",
        null, Duration.ofSeconds(5), Map.of()), client);
    openAi.complete(new LlmRequest("Warm-up.", List.of(LlmRequest.Message.user(ARTICLE.formatted(27))),
        ContractSchema.load().compactText(), "article_analysis", null, null));
  }

  /** {@link #ANALYSIS} as an OpenAI chat completion. */
  private static String completion() {
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    var root = json.createObjectNode().put("id", "warm-up").put("object", "chat.completion").put("created", 0).put("model", "warm-up");
    var choice = root.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
    choice.putObject("message").put("role", "assistant").put("content", ANALYSIS);
    root.putObject("usage").put("prompt_tokens", 1).put("completion_tokens", 1).put("total_tokens", 2);
    return root.toString();
  }

  /** A backend that answers {@link #ANALYSIS} at once, as the model {@code model}; nothing is sent. */
  static Backend cannedBackend(ModelRef model) {
    return new Backend() {
      @Override
      public ModelRef model() {
        return model;
      }

      @Override
      public LlmReply complete(LlmRequest request) {
        return new LlmReply(ANALYSIS, new Usage(1, 1), model.name(), "stop");
      }
    };
  }

  /** Starts the warm-up in a daemon thread. */
  static void start() {
    Thread thread = new Thread(WarmUp::run, "kurz-warm-up");
    thread.setDaemon(true);
    thread.start();
  }

  /** The warm-up itself: the made-up article's outcome, or null when something failed. */
  static Outcome run() {
    try {
      rehearseRequest();
    } catch (Exception | LinkageError e) {
      // Only warm-up: the first requests take this path cold, as they would have anyway.
    }
    try {
      StructuredCall call = new StructuredCall(cannedBackend(new ModelRef("warm-up", "warm-up")), PromptTemplates.load(null),
          AnswerCache.DISABLED);
      Summarizer summarizer = new Summarizer(call, ContractSchema.load(), Glossary.builtIn(),
          new Summarizer.Options(Key.TO.defaultValue(), Key.LENGTH.defaultValue(), null, "", false, false,
              Integer.parseInt(Key.CONTEXT_TOKENS.defaultValue()), Integer.parseInt(Key.MAX_ARTICLE_TOKENS.defaultValue()),
              true, false),
          Clock.systemUTC());
      byte[] text = ARTICLE.formatted(27).getBytes(StandardCharsets.UTF_8);
      ArticleReader reader = new ArticleReader(new ByteArrayInputStream(text), text.length + 1L, warning -> {});
      return summarizer.summarize(reader.read(new Input.Stdin()));
    } catch (Exception | LinkageError e) {
      // Only warm-up: the run's own articles take this path as they would have anyway.
      return null;
    }
  }
}
