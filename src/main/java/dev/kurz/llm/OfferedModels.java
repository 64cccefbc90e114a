package dev.kurz.llm;

import dev.kurz.model.ModelRef;
import java.util.List;
import okhttp3.OkHttpClient;

/**
 * A backend that, when the server says the model does not exist, asks the server which models it
 * offers and names them in the error, so the fix is one copy-paste away. Thread-safe.
 */
public final class OfferedModels implements Backend {
  private static final int SHOWN = 20;
  private final Backend delegate;
  private final BackendSpec spec;
  private final OkHttpClient http;

  private OfferedModels(Backend delegate, BackendSpec spec, OkHttpClient http) {
    this.delegate = delegate;
    this.spec = spec;
    this.http = http;
  }

  public static Backend wrap(Backend delegate, BackendSpec spec, OkHttpClient http) {
    return new OfferedModels(delegate, spec, http);
  }

  @Override
  public ModelRef model() {
    return delegate.model();
  }

  @Override
  public LlmReply complete(LlmRequest request) throws BackendException {
    try {
      return delegate.complete(request);
    } catch (BackendException e) {
      if (e.kind() != BackendException.Kind.MODEL_NOT_FOUND) throw e;
      List<String> offered;
      try {
        offered = Backends.listModels(spec, http);
      } catch (BackendException | RuntimeException cannotTell) {
        throw e;
      }
      if (offered.isEmpty()) throw e;
      String list = String.join(", ", offered.subList(0, Math.min(SHOWN, offered.size())))
          + (offered.size() > SHOWN ? ", ... (" + offered.size() + " in all)" : "");
      throw new BackendException(e.kind(), e.httpStatus(), e.retryAfter(),
          e.getMessage() + "; the server offers: " + list + " (choose one with --model)", null);
    }
  }
}
