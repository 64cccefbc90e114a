package dev.kurz.llm;

import dev.kurz.cache.AnswerCache;
import dev.kurz.llm.LlmRequest.Message;
import dev.kurz.model.Usage;
import java.util.ArrayList;
import java.util.List;

/**
 * How kurz asks a model for an answer in a schema, analysis, synthesis and translation alike: the
 * request goes through the run's backend (its throttle and retries), the answer is checked by the
 * caller's {@link Validator}, an invalid one gets one repair request listing the errors, and where
 * the caller has a {@link Gate} (the faithfulness gate under {@code --strict}) a valid answer the
 * gate fails gets one more repair request listing the failures: the repaired answer is kept only
 * when it is valid and fails the gate less, else the first is. The outcome is a sealed
 * {@link Result}; nothing here throws for a bad answer or a failed request.
 *
 * <p>The call carries the run's prompts (for the repair requests and the prompts' hash in every
 * cache key) and its answer cache; the caller looks its unit up before asking and stores it after,
 * since that unit (an article, possibly asked in parts and grounded; a story; a chunk) is its own.
 * Thread-safe when the backend and cache are.
 */
public final class StructuredCall {
  /** Checks an answer's text. */
  @FunctionalInterface
  public interface Validator<T> {
    Check<T> check(String text);
  }

  /** What a valid answer fails beyond its schema, one line each for the repair request; empty when nothing. */
  @FunctionalInterface
  public interface Gate<T> {
    Gate<Object> NONE = value -> List.of();

    List<String> failures(T value);
  }

  /** How a call ended, with what it cost. */
  public sealed interface Result<T> {
    Usage usage();

    /** {@code modelName} is what the provider said answered, possibly null. */
    record Valid<T>(T value, Usage usage, String modelName) implements Result<T> {}

    /** Still invalid after the repair request. */
    record Invalid<T>(List<String> errors, Usage usage) implements Result<T> {
      public Invalid {
        errors = List.copyOf(errors);
      }
    }

    record Failed<T>(BackendException error, Usage usage) implements Result<T> {}
  }

  private final Backend backend;
  private final PromptTemplates prompts;
  private final AnswerCache cache;

  public StructuredCall(Backend backend, PromptTemplates prompts, AnswerCache cache) {
    this.backend = backend;
    this.prompts = prompts;
    this.cache = cache;
  }

  public Backend backend() {
    return backend;
  }

  public PromptTemplates prompts() {
    return prompts;
  }

  public AnswerCache cache() {
    return cache;
  }

  public <T> Result<T> ask(LlmRequest request, Validator<T> validator) {
    return ask(request, validator, none());
  }

  public <T> Result<T> ask(LlmRequest request, Validator<T> validator, Gate<? super T> gate) {
    LlmReply reply;
    try {
      reply = backend.complete(request);
    } catch (BackendException e) {
      return new Result.Failed<>(e, Usage.NONE);
    }
    return finish(request, reply, validator, gate);
  }

  /** Goes on from a first reply made elsewhere (a provider batch) as {@link #ask} would have from its own. */
  public <T> Result<T> finish(LlmRequest request, LlmReply reply, Validator<T> validator, Gate<? super T> gate) {
    Usage usage = reply.usage();
    T value;
    switch (validator.check(reply.text())) {
      case Check.Valid<T> v -> value = v.value();
      case Check.Invalid<T> invalid -> {
        request = followedBy(request, reply.text(), prompts.repair(invalid.errors()));
        try {
          reply = backend.complete(request);
        } catch (BackendException e) {
          return new Result.Failed<>(e, usage);
        }
        usage = usage.plus(reply.usage());
        switch (validator.check(reply.text())) {
          case Check.Valid<T> v -> value = v.value();
          case Check.Invalid<T> still -> {
            return new Result.Invalid<>(still.errors(), usage);
          }
        }
      }
    }
    List<String> failures = gate.failures(value);
    if (failures.isEmpty()) return new Result.Valid<>(value, usage, reply.modelName());
    LlmReply again;
    try {
      again = backend.complete(followedBy(request, reply.text(), prompts.faithfulnessRepair(failures)));
    } catch (BackendException e) {
      return new Result.Failed<>(e, usage);
    }
    usage = usage.plus(again.usage());
    if (validator.check(again.text()) instanceof Check.Valid<T> repaired
        && gate.failures(repaired.value()).size() < failures.size()) {
      return new Result.Valid<>(repaired.value(), usage, again.modelName());
    }
    return new Result.Valid<>(value, usage, reply.modelName());
  }

  @SuppressWarnings("unchecked")
  private static <T> Gate<T> none() {
    return (Gate<T>) (Gate<?>) Gate.NONE;
  }

  private static LlmRequest followedBy(LlmRequest request, String answer, String user) {
    List<Message> messages = new ArrayList<>(request.messages());
    messages.add(Message.assistant(answer));
    messages.add(Message.user(user));
    return new LlmRequest(request.system(), messages, request.jsonSchema(), request.schemaName(), request.temperature(),
        request.maxOutputTokens());
  }
}
