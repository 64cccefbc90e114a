/**
 * Provider batch APIs (OpenAI, Anthropic): half-price requests answered within a day.
 * {@link dev.kurz.llm.batch.BatchApis#create} picks the provider's; the wire format is theirs.
 *
 * Depends on {@code llm} and {@code model}.
 */
package dev.kurz.llm.batch;
