package dev.kurz.llm.http;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Keeps credentials on the host they were configured for. OkHttp follows a redirect with every
 * header of the original request except {@code Authorization}; a 307/308 from a model endpoint to
 * another host would carry {@code x-api-key}, {@code x-goog-api-key}, {@code api-key}, cookies or
 * any provider's own key header along. As a network interceptor this sees every hop: on a hop whose
 * scheme, host or port differs from the call's original request, only a short list of headers that
 * carry no secret survives (an allow-list, so a header name nobody thought of is dropped too).
 * Stateless and thread-safe.
 */
public final class SameOriginHeaders implements Interceptor {
  private static final Set<String> SAFE = Set.of("host", "connection", "accept", "accept-encoding", "accept-language",
      "content-type", "content-length", "content-encoding", "transfer-encoding", "user-agent", "cache-control",
      "pragma", "te", "anthropic-version", "openai-beta");

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (sameOrigin(chain.call().request().url(), request.url())) return chain.proceed(request);
    Request.Builder stripped = request.newBuilder();
    for (String name : request.headers().names()) {
      if (!SAFE.contains(name.toLowerCase(Locale.ROOT))) stripped.removeHeader(name);
    }
    return chain.proceed(stripped.build());
  }

  static boolean sameOrigin(HttpUrl a, HttpUrl b) {
    return a.scheme().equals(b.scheme()) && a.host().equalsIgnoreCase(b.host()) && a.port() == b.port();
  }
}
