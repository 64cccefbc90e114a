package dev.kurz.digest;

/**
 * Sources at odds: one article asserts, reports or alleges what another one's source denies.
 * {@code byModel} is false for candidates found locally from the claims' modality and wording.
 */
public record Contradiction(String summary, ClaimRef asserted, ClaimRef denied, boolean byModel) {}
