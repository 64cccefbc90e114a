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

  public Claim {
    // Words from the contract's short lists, repeated in every claim: one copy each (a 10,000-article
    // digest holds some 80,000 claims).
    sourceType = sourceType == null ? null : sourceType.intern();
    modality = modality == null ? null : modality.intern();
  }

  public Claim withGrounding(Grounding grounding) {
    return new Claim(claim, attributedTo, sourceType, modality, quote, grounding);
  }
}
