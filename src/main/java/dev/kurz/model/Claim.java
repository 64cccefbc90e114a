package dev.kurz.model;

/**
 * One check-worthy claim. {@code grounding} is null until the quote has been looked up in the
 * article; the other fields come from the model as the contract defines them.
 */
public record Claim(
    String claim,
    String attributedTo,
    String sourceType,
    String modality,
    String quote,
    Grounding grounding) {

  public Claim withGrounding(Grounding grounding) {
    return new Claim(claim, attributedTo, sourceType, modality, quote, grounding);
  }
}
