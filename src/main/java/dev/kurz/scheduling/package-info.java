/**
 * When requests go out and how many at once.
 *
 * <pre>
 *   SummaryBatch           summarize's and digest's engine: each input read and summarized in its
 *                          own task of a BatchRunner, failures told as they happen
 *   BatchRunner            a bounded pool, one task per input, outcomes emitted in input order
 *   RunTally               what a batch came to: counts, tokens, cost, faithfulness, the verdict
 *   the run's backend      RetryingBackend(RetryPolicy) -> ThrottledBackend -> provider
 *     ThrottledBackend     every attempt waits for RequestLimiter: AdaptiveLimiter (concurrency, AIMD)
 *                          and Budget (the provider's stated token and request budgets)
 *   ProviderBatches        provider batch APIs: submit, status, collect into the cache
 * </pre>
 *
 * Depends on {@code analysis}, {@code ingest}, {@code llm}, {@code cache}, {@code config}, {@code faithfulness}
 * and {@code model}; never on {@code cli}.
 */
package dev.kurz.scheduling;
