package dev.kurz.llm;

import dev.kurz.model.ModelRef;

/**
 * One configured language model. Implementations are thread-safe: the batch engine calls
 * {@link #complete} from several threads at once. They never retry by themselves; a failure is a
 * {@link BackendException} whose {@link BackendException.Kind} tells the caller what to do.
 */
public interface Backend {

  /** The provider kind and model name answers are attributed to. */
  ModelRef model();

  /** Sends one chat request and returns the model's text answer. */
  LlmReply complete(LlmRequest request) throws BackendException;
}
