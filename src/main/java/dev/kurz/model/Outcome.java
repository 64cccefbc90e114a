package dev.kurz.model;

/** What became of one input: a result, or one clear error for that input alone. */
public sealed interface Outcome {
  String label();

  record Done(ArticleResult result) implements Outcome {
    @Override
    public String label() {
      return result.source().label();
    }
  }

  record Failed(String label, String message, Failure kind) implements Outcome {}

  /** Why an input failed; decides the exit code and whether the rest of the batch can go on. */
  enum Failure {
    /** The input itself: missing, unreadable, empty, binary. */
    INPUT,
    /** The model's answer stayed invalid after a repair request, or the request failed for this article. */
    ANSWER,
    /** The backend cannot serve anyone: unreachable, bad key, unknown model. */
    BACKEND,
    /** The run was interrupted before this input finished. */
    INTERRUPTED
  }
}
