package dev.kurz.model;

import java.util.List;

/**
 * The model's answer for one article, as fixed by {@code analysis.schema.json}, with the grounding
 * that kurz adds to each claim after the model.
 */
public record Analysis(
    String sourceLanguage,
    String headline,
    String summary,
    List<String> keyPoints,
    List<Claim> claims,
    List<Entity> entities) {

  public Analysis {
    keyPoints = List.copyOf(keyPoints);
    claims = List.copyOf(claims);
    entities = List.copyOf(entities);
  }

  public Analysis withSourceLanguage(String sourceLanguage) {
    return new Analysis(sourceLanguage, headline, summary, keyPoints, claims, entities);
  }

  public Analysis withClaims(List<Claim> claims) {
    return new Analysis(sourceLanguage, headline, summary, keyPoints, claims, entities);
  }
}
