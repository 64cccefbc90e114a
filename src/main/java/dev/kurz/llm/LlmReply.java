package dev.kurz.llm;

import dev.kurz.model.Usage;

/**
 * The model's answer: its text, the tokens the provider counted, the model name the provider
 * reported (may differ from the one asked for, e.g. a dated snapshot) and why generation stopped
 * (e.g. {@code STOP}, {@code LENGTH}; may be null).
 */
public record LlmReply(String text, Usage usage, String modelName, String finishReason) {}
