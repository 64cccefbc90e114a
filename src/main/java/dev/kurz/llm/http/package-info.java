/**
 * The OkHttp side of model requests: LangChain4j's {@code HttpClient} SPI
 * ({@link dev.kurz.llm.http.OkHttpClientAdapter}) and the Azure SDK's
 * ({@link dev.kurz.llm.http.AzureHttpClient}) over the run's one client, so every provider's
 * requests pass the same interceptors: rate-limit headers to the limiter, answer-size caps, the
 * redacting log, keys kept from other hosts on redirects.
 *
 * Depends on nothing else in kurz.
 */
package dev.kurz.llm.http;
