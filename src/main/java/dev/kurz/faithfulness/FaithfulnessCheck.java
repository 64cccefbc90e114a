package dev.kurz.faithfulness;

import dev.kurz.faithfulness.EnglishQuantities.Mention;
import dev.kurz.faithfulness.Finding.Kind;
import dev.kurz.glossary.Glossary;
import dev.kurz.model.Analysis;
import dev.kurz.model.Claim;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The faithfulness gate: checks the English a model wrote (headline, summary, key points, claims)
 * against the German article it read, offline. Each number, amount, percentage, year, date, month,
 * weekday and time must have a counterpart in the article after the notations are normalised
 * ({@code 1,5 Millionen} = {@code 1.5 million}, {@code 2. November} = {@code November 2},
 * {@code Montag} = {@code Monday}); each name must be one the article names (directly, inflected,
 * transliterated, or through the entities, the glossary and common exonyms); each claim's negation
 * must agree with its quote, its named speaker must stand in or near the quote's sentence, and a
 * claim given as fact ({@code stated}) must not rest on reported speech attributed to someone.
 *
 * <p>The German side is read generously and the English strictly, so a clean answer is rarely
 * flagged: the check asks only whether the English item has some counterpart. Runs for German
 * sources with English answers, the path kurz is tuned for; returns nothing for other pairs.
 * Stateless and thread-safe.
 */
public final class FaithfulnessCheck {
  private FaithfulnessCheck() {}

  /** The findings for one answer; {@code published} (may be null) lets relative dates count. */
  public static List<Finding> check(Analysis a, String article, Glossary glossary, String from, String to,
      LocalDate published) {
    return check(a, article, glossary, from, to, published, List.of());
  }

  /**
   * The same, for an article whose outlet is known: {@code outlet} holds its site name or the host
   * of its address ("Süddeutsche Zeitung", "tagesspiegel.de"), names an answer may use for it.
   */
  public static List<Finding> check(Analysis a, String article, Glossary glossary, String from, String to,
      LocalDate published, List<String> outlet) {
    if (a == null || article == null || !"de".equals(from) || !"en".equals(to)) return List.of();
    GermanFacts facts = new GermanFacts(article, published);
    SourceNames names = new SourceNames(article, a.entities(), glossary, from, to, lowerWords(a), outlet);
    List<Finding> out = new ArrayList<>();
    List<String[]> statements = new ArrayList<>();
    statements.add(new String[] {"headline", a.headline()});
    List<String> summary = Sentences.english(a.summary());
    for (int i = 0; i < summary.size(); i++) statements.add(new String[] {"summary sentence " + (i + 1), summary.get(i)});
    for (int i = 0; i < a.keyPoints().size(); i++) statements.add(new String[] {"key point " + (i + 1), a.keyPoints().get(i)});
    QuoteContext context = new QuoteContext(article);
    // Reads each English text's quantities once for all the checks of this answer.
    FactPlacement placement = new FactPlacement(article, context.sentences(), facts, published);
    for (String[] s : statements) {
      checkText(out, s[0], s[1], facts, names, placement::mentions);
      out.addAll(StatementPolarity.check(s[0], s[1], a.claims(), otherPlaces(s[0], statements), context));
    }
    Speakers speakers = new Speakers(context, a.claims(), a.entities(), glossary, from, to);
    out.addAll(new NamePlacement(article, context.sentences(), a.entities(), glossary, names.lowerWords()).check(a, statements));
    out.addAll(placement.check(statements, a.claims()));
    for (int i = 0; i < a.claims().size(); i++) {
      Claim c = a.claims().get(i);
      String where = "claim " + (i + 1);
      checkText(out, where, c.claim(), facts, names, placement::mentions);
      // "DIE ZEIT, ad hoc statement of March 26": a speaker's dates and figures are checked as a sentence's.
      checkText(out, where + " attributed_to", c.attributedTo(), facts, names, placement::mentions);
      out.addAll(ClaimPolarity.check(where, c, context));
      out.addAll(speakers.check(where, c));
    }
    return List.copyOf(out);
  }

  /**
   * The findings for one translated paragraph: each number, date, weekday and time of the English
   * must be in its German paragraph, each name in the article, and the English must not hold more
   * plain negations than the German has negations of either kind, nor the reverse. {@code where}
   * names the paragraph ("paragraph 3").
   */
  public static List<Finding> checkTranslation(String where, String german, String english, String article,
      Glossary glossary, String from, String to) {
    if (german == null || english == null || !"de".equals(from) || !"en".equals(to)) return List.of();
    GermanFacts facts = new GermanFacts(german, null);
    SourceNames names = new SourceNames(article == null ? german : article, List.of(), glossary, from, to, lowerWords(english));
    List<Finding> out = new ArrayList<>();
    // Sentence by sentence: a capitalized word opening a sentence inside the paragraph is no name.
    for (String sentence : Sentences.english(english)) checkText(out, where, sentence, facts, names, EnglishQuantities::read);
    Polarity.Reading de = Polarity.german(german);
    Polarity.Reading en = Polarity.english(english);
    if (en.plainCount() > de.total()) {
      out.add(new Finding(where, english, Kind.NEGATION, en.cue(), "has no counterpart in the German paragraph"));
    } else if (de.plainCount() > en.total()) {
      out.add(new Finding(where, english, Kind.NEGATION, de.cue(), "is in the German paragraph, but lost in the translation"));
    }
    return List.copyOf(out);
  }

  /** The findings as warning lines for the record. */
  public static List<String> warnings(List<Finding> findings) {
    return findings.stream().map(Finding::warning).toList();
  }

  private static void checkText(List<Finding> out, String where, String sentence, GermanFacts facts, SourceNames names,
      Function<String, List<Mention>> quantities) {
    if (sentence == null || sentence.isBlank()) return;
    Set<String> reported = new LinkedHashSet<>();
    List<Mention> mentions = quantities.apply(sentence);
    List<String> missingFigures = new ArrayList<>();
    // A measure whose figure is missing already is reported once, by its figure.
    for (boolean measures : new boolean[] {false, true}) {
      for (Mention m : mentions) {
        if (measured(m) != measures) continue;
        Kind kind = missing(m, facts);
        if (kind == null || measures && missingFigures.stream().anyMatch(m.text()::contains)) continue;
        if (reported.add(kind + m.text())) out.add(new Finding(where, sentence, kind, m.text(), "not in the article"));
        if (!measures) missingFigures.add(m.text());
      }
    }
    checkNames(out, where, sentence, names, reported);
  }

  /** Each name of an English text (a sentence, or a claim's speaker) must be one the article names. */
  private static void checkNames(List<Finding> out, String where, String text, SourceNames names, Set<String> reported) {
    for (EnglishNames.Name n : EnglishNames.find(text, names.lowerWords())) {
      List<String> unknown = names.unknown(n);
      if (!unknown.isEmpty() && !names.glossed(text, n.text()) && reported.add("name" + n.text())) {
        out.add(new Finding(where, text, Kind.NAME, n.text(), "not named in the article"));
      }
    }
  }

  /** A figure with its unit (a percentage, a span of time, a measure), read as well as the figure alone. */
  private static boolean measured(Mention m) {
    return m.type() == EnglishQuantities.Type.PERCENT || m.type() == EnglishQuantities.Type.DURATION
        || m.type() == EnglishQuantities.Type.MEASURE;
  }

  /** The kind of finding a mention makes, or null when the article bears it out. */
  private static Kind missing(Mention m, GermanFacts facts) {
    return facts.bears(m) ? null : kind(m);
  }

  static Kind kind(Mention m) {
    return switch (m.type()) {
      case NUMBER, FRACTION, PERCENT, MEASURE -> Kind.NUMBER;
      case YEAR, DATE, MONTH, PERIOD, AGO, DURATION -> Kind.DATE;
      case WEEKDAY -> Kind.WEEKDAY;
      case TIME -> Kind.TIME;
    };
  }

  /**
   * The statements of the places other than {@code where}'s (headline, summary, key points): what
   * else sums up the same content.
   */
  private static List<String[]> otherPlaces(String where, List<String[]> statements) {
    String place = where.replaceAll(" \\d+$", "");
    List<String[]> out = new ArrayList<>();
    for (String[] s : statements) {
      if (s[1] != null && !s[1].isBlank() && !s[0].replaceAll(" \\d+$", "").equals(place)) out.add(s);
    }
    return out;
  }

  /** English words of the answer written in lower case somewhere: ordinary words, not names. */
  private static Set<String> lowerWords(Analysis a) {
    StringBuilder all = new StringBuilder();
    all.append(a.headline()).append(' ').append(a.summary()).append(' ');
    a.keyPoints().forEach(k -> all.append(k).append(' '));
    a.claims().forEach(c -> all.append(c.claim()).append(' ').append(c.attributedTo()).append(' '));
    return lowerWords(all);
  }

  /** A lower-case word not opening a sentence. */
  private static final Pattern LOWER_WORD = Pattern.compile("(?<![\\p{L}.!?:] )(?<=\\s|^)\\p{Ll}[\\p{L}]+");

  private static Set<String> lowerWords(CharSequence all) {
    Set<String> out = new java.util.HashSet<>();
    java.util.regex.Matcher m = LOWER_WORD.matcher(all);
    while (m.find()) out.add(m.group());
    return out;
  }
}
