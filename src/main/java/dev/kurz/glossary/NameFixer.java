package dev.kurz.glossary;

import dev.kurz.model.Analysis;
import dev.kurz.model.Claim;
import dev.kurz.model.Entity;
import java.util.List;

/**
 * Replaces source-language name forms in target-language text with the glossary's forms, keeping
 * a German genitive as an English possessive ("Selenskyjs" becomes "Zelensky's"). Touches exactly
 * the fields {@link NameCheck} checks; quotes and entities' {@code original} stay as written.
 * Stateless.
 */
public final class NameFixer {
  private NameFixer() {}

  /**
   * The analysis with every wrong name form replaced. An entity whose name changes keeps the
   * form it had as {@code original} when the model gave none, so it still carries both forms.
   */
  public static Analysis fix(Analysis a, Glossary glossary, String from, String to) {
    List<String> points = a.keyPoints().stream().map(p -> fixText(p, glossary, from, to)).toList();
    List<Claim> claims = a.claims().stream()
        .map(c -> new Claim(fixText(c.claim(), glossary, from, to), fixText(c.attributedTo(), glossary, from, to),
            c.sourceType(), c.modality(), c.quote(), c.grounding()))
        .toList();
    List<Entity> entities = a.entities().stream().map(e -> {
      String name = fixText(e.name(), glossary, from, to);
      boolean noOriginal = e.original() == null || e.original().isBlank();
      return new Entity(name, noOriginal && !name.equals(e.name()) ? e.name() : e.original(), e.type());
    }).toList();
    return new Analysis(a.sourceLanguage(), fixText(a.headline(), glossary, from, to),
        fixText(a.summary(), glossary, from, to), points, claims, entities);
  }

  /** The text with every wrong name form replaced; null stays null. */
  public static String fixText(String text, Glossary glossary, String from, String to) {
    if (text == null) return null;
    List<Glossary.Match> matches = glossary.find(text, from, to);
    if (matches.stream().noneMatch(Glossary.Match::wrong)) return text;
    StringBuilder b = new StringBuilder(text.length() + 16);
    int at = 0;
    for (Glossary.Match m : matches) {
      if (!m.wrong()) continue;
      b.append(text, at, m.start()).append(m.replacement());
      at = m.end();
    }
    return b.append(text, at, text.length()).toString();
  }
}
