package dev.kurz.llm.http;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/**
 * An interceptor that also acts just before its call starts: once the client library has built the
 * request and before OkHttp's call (and its call timeout) begins, on the thread that makes the
 * call. The run's limiter holds a request there until it may go ({@link RateLimitInterceptor}), so
 * a freed slot's next request leaves at once, already built, and the time it waited is not taken
 * from its answer's timeout. The adapters of the client libraries' HTTP SPIs ({@link
 * OkHttpClientAdapter}, {@link AzureHttpClient}) pass every gate among the client's interceptors.
 */
public interface CallGate {
  /** May block until the request may go; an exception stops it unsent. */
  void beforeCall() throws IOException;

  /** Passes every gate among {@code client}'s application interceptors, in their order. */
  static void pass(OkHttpClient client) throws IOException {
    for (Interceptor i : client.interceptors()) {
      if (i instanceof CallGate gate) gate.beforeCall();
    }
  }
}
