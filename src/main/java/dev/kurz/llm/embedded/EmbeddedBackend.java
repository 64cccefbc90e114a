package dev.kurz.llm.embedded;

import com.github.tjake.jlama.model.AbstractModel;
import com.github.tjake.jlama.model.ModelSupport;
import com.github.tjake.jlama.model.functions.Generator;
import com.github.tjake.jlama.safetensors.DType;
import com.github.tjake.jlama.safetensors.prompt.PromptContext;
import com.github.tjake.jlama.safetensors.prompt.PromptSupport;
import dev.kurz.llm.Backend;
import dev.kurz.llm.BackendException;
import dev.kurz.llm.LlmReply;
import dev.kurz.llm.LlmRequest;
import dev.kurz.model.ModelRef;
import dev.kurz.model.Usage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Runs a model in this process with Jlama (pure Java, Vector API). Jlama has no constrained
 * decoding, so a JSON answer is asked for in the system prompt (with the schema) and checked by the
 * pipeline like any other answer; Markdown code fences around it are removed. The model is loaded
 * on the first request (a few seconds for a 0.5B model), then kept. Thread-safe: requests run one
 * at a time, since each already uses every core.
 */
public final class EmbeddedBackend implements Backend, AutoCloseable {
  /** The provider name answers are attributed to. */
  public static final String PROVIDER = "embedded";
  /** Output budget when the request names none: an analysis answer fits well within it. */
  public static final int DEFAULT_MAX_OUTPUT = 2048;

  private final Path folder;
  private final ModelRef model;
  private final int defaultMaxOutput;
  private AbstractModel loaded;

  /**
   * @param folder a model folder in the layout Jlama reads (config.json, tokenizer.json,
   *     tokenizer_config.json, model.safetensors)
   * @param name the model name answers are attributed to
   * @param defaultMaxOutput the output budget in tokens for requests that name none
   */
  public EmbeddedBackend(Path folder, String name, int defaultMaxOutput) {
    if (defaultMaxOutput < 1) throw new IllegalArgumentException("defaultMaxOutput " + defaultMaxOutput);
    this.folder = folder;
    this.model = new ModelRef(PROVIDER, name);
    this.defaultMaxOutput = defaultMaxOutput;
  }

  public EmbeddedBackend(Path folder, String name) {
    this(folder, name, DEFAULT_MAX_OUTPUT);
  }

  /** Whether this JVM can run Jlama: it needs {@code --add-modules jdk.incubator.vector}. */
  public static boolean vectorApiAvailable() {
    return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
  }

  @Override
  public ModelRef model() {
    return model;
  }

  @Override
  public synchronized LlmReply complete(LlmRequest request) throws BackendException {
    AbstractModel m = load();
    PromptSupport prompts = m.promptSupport().orElseThrow(() -> new BackendException(
        BackendException.Kind.MODEL_NOT_FOUND, "the embedded model " + model.name() + " has no chat template"
        + " (tokenizer_config.json) in " + folder));
    PromptSupport.Builder b = prompts.builder().addSystemMessage(systemPrompt(request));
    for (LlmRequest.Message msg : request.messages()) {
      if (msg.role() == LlmRequest.Role.USER) b.addUserMessage(msg.text());
      else b.addAssistantMessage(msg.text());
    }
    PromptContext prompt = b.build();
    int promptTokens = m.encodePrompt(prompt).length;
    int context = m.getConfig().contextLength;
    int maxOutput = request.maxOutputTokens() == null ? defaultMaxOutput : request.maxOutputTokens();
    if (promptTokens >= context) {
      throw new BackendException(BackendException.Kind.CONTEXT_LENGTH, "the prompt has " + promptTokens
          + " tokens; the embedded model " + model.name() + " reads at most " + context);
    }
    float temperature = request.temperature() == null ? 0f : request.temperature().floatValue();
    Generator.Response r;
    try {
      r = m.generate(UUID.randomUUID(), prompt, temperature, Math.min(context, promptTokens + maxOutput), (t, f) -> {});
    } catch (RuntimeException e) {
      throw new BackendException(BackendException.Kind.INVALID_REQUEST, 0, null,
          "the embedded model " + model.name() + " failed: " + e, e);
    }
    String text = request.jsonSchema() == null ? r.responseText : stripFences(r.responseText);
    return new LlmReply(text, new Usage(r.promptTokens, r.generatedTokens), model.name(), r.finishReason.name());
  }

  private static String systemPrompt(LlmRequest request) {
    return request.systemWithSchema();
  }

  /** Small models like to wrap JSON in ```json fences; the JSON inside is what was asked for. */
  static String stripFences(String text) {
    String t = text.strip();
    if (!t.startsWith("```")) return t;
    int nl = t.indexOf('\n');
    int end = t.lastIndexOf("```");
    return nl < 0 || end <= nl ? t : t.substring(nl + 1, end).strip();
  }

  private AbstractModel load() throws BackendException {
    if (loaded != null) return loaded;
    if (!vectorApiAvailable()) {
      throw new BackendException(BackendException.Kind.MODEL_NOT_FOUND, "the embedded model needs the Vector API:"
          + " run kurz through its launcher, or add --add-modules jdk.incubator.vector to the java command");
    }
    if (!Files.isRegularFile(folder.resolve("config.json"))) {
      throw new BackendException(BackendException.Kind.MODEL_NOT_FOUND, "the embedded model " + model.name()
          + " is not in " + folder + " (no config.json)");
    }
    try {
      // F32 activations, quantized to I8 for the Q4 x I8 matrix kernels of Jlama-quantized models.
      loaded = ModelSupport.loadModel(folder.toFile(), DType.F32, DType.I8);
    } catch (RuntimeException e) {
      Throwable cause = e.getCause() != null && e.getCause().getCause() != null ? e.getCause().getCause() : e;
      throw new BackendException(BackendException.Kind.MODEL_NOT_FOUND, 0, null,
          "cannot load the embedded model " + model.name() + " from " + folder + ": " + cause, e);
    }
    return loaded;
  }

  @Override
  public synchronized void close() {
    if (loaded != null) loaded.close();
    loaded = null;
  }
}
