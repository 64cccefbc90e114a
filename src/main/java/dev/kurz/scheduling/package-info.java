/**
 * When requests go out and how many at once.
 *
 * <pre>
 *   BatchRunner            a bounded pool, one task per input, outcomes emitted in input order
 *   the run's backend      RetryingBackend(RetryPolicy) -> ThrottledBackend -> provider
 *     ThrottledBackend     every attempt waits for RequestLimiter: AdaptiveLimiter (concurrency, AIMD)
 *                          and Budget (the provider's stated token and request budgets)
 *   ProviderBatches        provider batch APIs: submit, status, collect into the cache
 * </pre>
 *
 * Depends on {@code analysis}, {@code llm}, {@code cache} and {@code model}; never on {@code cli}.
 */
package dev.kurz.scheduling;
