package dev.kurz.model;

/** Which model produced an answer: the provider kind (openai, ollama, ...) and the model name. */
public record ModelRef(String provider, String name) {}
