package dev.kurz.llm.http;

import dev.langchain4j.http.client.HttpClientBuilder;
import java.time.Duration;
import java.util.Objects;
import okhttp3.OkHttpClient;

/**
 * Builds {@link OkHttpClientAdapter}s that derive from one shared {@link OkHttpClient}: the
 * timeouts LangChain4j asks for are applied with {@code shared.newBuilder()}, so every adapter
 * keeps the shared connection pool, dispatcher and interceptors. Not thread-safe (a builder);
 * the adapters it builds are.
 */
public final class OkHttpClientAdapterBuilder implements HttpClientBuilder {
  private final OkHttpClient shared;
  private Duration connectTimeout;
  private Duration readTimeout;

  public OkHttpClientAdapterBuilder(OkHttpClient shared) {
    this.shared = Objects.requireNonNull(shared, "shared");
  }

  @Override
  public Duration connectTimeout() {
    return connectTimeout;
  }

  @Override
  public OkHttpClientAdapterBuilder connectTimeout(Duration timeout) {
    this.connectTimeout = timeout;
    return this;
  }

  @Override
  public Duration readTimeout() {
    return readTimeout;
  }

  @Override
  public OkHttpClientAdapterBuilder readTimeout(Duration timeout) {
    this.readTimeout = timeout;
    return this;
  }

  @Override
  public OkHttpClientAdapter build() {
    if (connectTimeout == null && readTimeout == null) return new OkHttpClientAdapter(shared);
    OkHttpClient.Builder derived = shared.newBuilder();
    if (connectTimeout != null) derived.connectTimeout(connectTimeout);
    if (readTimeout != null) derived.readTimeout(readTimeout);
    return new OkHttpClientAdapter(derived.build());
  }
}
