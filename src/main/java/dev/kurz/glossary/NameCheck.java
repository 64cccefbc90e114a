package dev.kurz.glossary;

import dev.kurz.model.Analysis;
import dev.kurz.model.Claim;
import dev.kurz.model.Entity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds source-language name forms in text the model wrote in the target language: the headline,
 * summary, key points, claims, attributions, entity names and translated paragraphs. Quotes and
 * entities' {@code original} are source-language text by contract and are never checked. Each
 * finding is one warning naming where it stands, e.g. {@code summary: 'Selenskyj' should read
 * 'Zelensky'}. Stateless.
 */
public final class NameCheck {
  private NameCheck() {}

  /** Warnings for every wrong name form in the analysis's target-language fields. */
  public static List<String> check(Analysis a, Glossary glossary, String from, String to) {
    List<String> out = new ArrayList<>();
    out.addAll(checkText("headline", a.headline(), glossary, from, to));
    out.addAll(checkText("summary", a.summary(), glossary, from, to));
    for (int i = 0; i < a.keyPoints().size(); i++) {
      out.addAll(checkText("key point " + (i + 1), a.keyPoints().get(i), glossary, from, to));
    }
    for (int i = 0; i < a.claims().size(); i++) {
      Claim c = a.claims().get(i);
      out.addAll(checkText("claim " + (i + 1), c.claim(), glossary, from, to));
      out.addAll(checkText("claim " + (i + 1) + " attributed_to", c.attributedTo(), glossary, from, to));
    }
    for (int i = 0; i < a.entities().size(); i++) {
      Entity e = a.entities().get(i);
      out.addAll(checkText("entity " + (i + 1) + " name", e.name(), glossary, from, to));
    }
    return out;
  }

  /**
   * Warnings for one piece of target-language text; {@code where} names it in each warning. A
   * form repeated in the same text is reported once.
   */
  public static List<String> checkText(String where, String text, Glossary glossary, String from, String to) {
    Set<String> out = new LinkedHashSet<>();
    for (Glossary.Match m : glossary.find(text, from, to)) {
      if (m.wrong()) out.add(where + ": '" + m.found() + "' should read '" + m.replacement() + "'");
    }
    return List.copyOf(out);
  }
}
