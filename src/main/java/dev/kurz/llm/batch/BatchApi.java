package dev.kurz.llm.batch;

import dev.kurz.llm.BackendException;
import dev.kurz.llm.LlmReply;
import dev.kurz.llm.LlmRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A provider's batch API: many requests submitted at once, run on the provider's fleet within a
 * day at half price, results downloaded when done. kurz prepares, submits, tracks and collects;
 * each request is the body the provider's normal backend would send, so an answer from a batch is
 * the answer summarize would have got. Implementations are thread-safe and never retry by
 * themselves.
 */
public interface BatchApi {
  /** The provider name, as in {@code --provider}. */
  String provider();

  /**
   * Submits the requests in as few batches as the provider's limits allow (requests and bytes per
   * batch), writing each batch's body to a file in {@code spool} on the way rather than holding it
   * in memory, and returns what went where, in order.
   */
  List<Submitted> submit(List<Item> items, Path spool) throws BackendException;

  /** One batch submitted: its id and the custom ids of its requests. */
  record Submitted(String id, List<String> customIds) {
    public Submitted {
      customIds = List.copyOf(customIds);
    }
  }

  /** The batch's state as the provider reports it now. */
  Progress status(String id) throws BackendException;

  /**
   * Every result of an ended batch, in the provider's order. The result file is downloaded into
   * {@code spool} first (a download already complete there is read again instead of fetched), so
   * that a collect killed half-way resumes without fetching anything twice.
   */
  void results(String id, Path spool, Consumer<Result> each) throws BackendException;

  /** One request: {@code customId} (letters, digits, - and _, at most 64) names it in the results. */
  record Item(String customId, LlmRequest request) {
    public Item {
      if (!customId.matches("[A-Za-z0-9_-]{1,64}")) throw new IllegalArgumentException("custom id " + customId);
      Objects.requireNonNull(request, "request");
    }
  }

  /**
   * Counts so far. {@code ended} once the provider will do no more (completed, expired, failed,
   * cancelled); {@code status} is the provider's own word for the state.
   */
  record Progress(String id, String status, int total, int succeeded, int failed, boolean ended) {
    public int done() {
      return succeeded + failed;
    }
  }

  /** One request's outcome. */
  sealed interface Result {
    String customId();

    /** The model answered; the reply is not validated yet. */
    record Answer(String customId, LlmReply reply) implements Result {}

    /** The provider did not answer this request (expired, failed, refused), with its reason. */
    record Error(String customId, String message) implements Result {}
  }
}
