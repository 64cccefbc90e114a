package dev.kurz.llm.http;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Tells a {@link Listener} what every model answer (accepted or rejected) says about the
 * provider's budgets, before the answer goes on to LangChain4j: one place sees the headers of
 * every provider, whatever its client library keeps of them. As a {@link CallGate} it lets the
 * listener hold each request, built, until it may go, and tells it when the answer's headers are
 * in (the server's slot is free then, before the body is read and parsed). Thread-safe when the
 * listener is.
 */
public final class RateLimitInterceptor implements Interceptor, CallGate {
  /** Hears about each answer's rate-limit headers; called on the thread that made the call. */
  @FunctionalInterface
  public interface Listener {
    /**
     * @param sent when the request left (the server read the headers between then and {@code received})
     * @param rejected whether the answer was a 429
     */
    void observed(RateLimitHeaders headers, Instant sent, Instant received, boolean rejected);

    /** The request on the calling thread is built and about to go: may wait until it may. */
    default void sending() throws IOException {}

    /** The answer's status line and headers are in, with {@code code}. */
    default void answered(int code) {}
  }

  private final Listener listener;
  private final Clock clock;

  public RateLimitInterceptor(Listener listener, Clock clock) {
    this.listener = listener;
    this.clock = clock;
  }

  @Override
  public void beforeCall() throws IOException {
    listener.sending();
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Instant sent = clock.instant();
    Response response = chain.proceed(chain.request());
    Instant received = clock.instant();
    RateLimitHeaders headers = RateLimitHeaders.parse(response::header, received);
    if (headers != null) listener.observed(headers, sent, received, response.code() == 429);
    listener.answered(response.code());
    return response;
  }
}
