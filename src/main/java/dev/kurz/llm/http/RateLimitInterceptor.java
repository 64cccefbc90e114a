package dev.kurz.llm.http;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Tells a {@link Listener} what every model answer (accepted or rejected) says about the
 * provider's budgets, before the answer goes on to LangChain4j: one place sees the headers of
 * every provider, whatever its client library keeps of them. Thread-safe when the listener is.
 */
public final class RateLimitInterceptor implements Interceptor {
  /** Hears about each answer's rate-limit headers; called on the thread that made the call. */
  @FunctionalInterface
  public interface Listener {
    /**
     * @param sent when the request left (the server read the headers between then and {@code received})
     * @param rejected whether the answer was a 429
     */
    void observed(RateLimitHeaders headers, Instant sent, Instant received, boolean rejected);
  }

  private final Listener listener;
  private final Clock clock;

  public RateLimitInterceptor(Listener listener, Clock clock) {
    this.listener = listener;
    this.clock = clock;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Instant sent = clock.instant();
    Response response = chain.proceed(chain.request());
    Instant received = clock.instant();
    RateLimitHeaders headers = RateLimitHeaders.parse(response::header, received);
    if (headers != null) listener.observed(headers, sent, received, response.code() == 429);
    return response;
  }
}
