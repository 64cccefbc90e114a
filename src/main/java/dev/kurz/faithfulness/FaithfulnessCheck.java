package dev.kurz.faithfulness;

import dev.kurz.faithfulness.EnglishQuantities.Mention;
import dev.kurz.faithfulness.Finding.Kind;
import dev.kurz.glossary.Glossary;
import dev.kurz.model.Analysis;
import dev.kurz.model.Claim;
import dev.kurz.model.Grounding;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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

  /** How many sentences before and after a quote's sentence may name its speaker. */
  private static final int SPEAKER_BEFORE = 3;
  private static final int SPEAKER_AFTER = 1;
  /** How many sentences before a quote, across paragraphs, may name a speaker known only by role. */
  private static final int UNNAMED_BEFORE = 6;
  /** Attribution in a German sentence that the article's own voice would not use. */
  private static final Pattern ATTRIBUTION = Pattern.compile(
      "(?iu)\\b(zufolge|laut|sagte|sagten|erklärte|erklärten|betonte|teilte\\s+\\p{L}+\\s+mit|nach\\s+Angaben|hieß\\s+es|heißt\\s+es|berichtete|berichten)\\b");

  private static final Pattern ARTICLE_VOICE = Pattern.compile(
      "(?i)\\s*(the\\s+)?(article|outlet|author|authors|newspaper|magazine|paper|editorial|report|text)\\s*");
  /** Where an attribution turns to the outlet that relayed it: "... cited by Reuters". */
  private static final Pattern RELAY = Pattern.compile(
      "(?i)\\b(cited by|citing|speaking to|according to|told|quoted by|as reported by|reported by|in an interview with|"
          + "interviewed by|via|responding to|in a statement to|writing in|on|to)\\b");
  /** Reported speech in a German sentence: the cues of CLAIMS.md that attribute, not those that hedge. */
  private static final Pattern SPEECH_CUE = Pattern.compile(
      "(?iu)\\b(zufolge|laut|sagte|sagten|sagt|erklärte|erklärten|erklärt|betonte|betont|teilte|teilten|berichtet\\p{L}*|"
          + "hieß es|heißt es|nach Angaben|so\\s+\\p{Lu}\\p{L}+|meinte|warnte|forderte|kündigte|versicherte|"
          + "behauptete|behauptet|sei|seien|habe|hätten|soll|sollen|angeblich)\\b|[„“»«\"]");

  /** The findings for one answer; {@code published} (may be null) lets relative dates count. */
  public static List<Finding> check(Analysis a, String article, Glossary glossary, String from, String to,
      LocalDate published) {
    if (a == null || article == null || !"de".equals(from) || !"en".equals(to)) return List.of();
    GermanFacts facts = new GermanFacts(article, published);
    SourceNames names = new SourceNames(article, a.entities(), glossary, from, to, lowerWords(a));
    List<Finding> out = new ArrayList<>();
    List<String[]> statements = new ArrayList<>();
    statements.add(new String[] {"headline", a.headline()});
    List<String> summary = Sentences.english(a.summary());
    for (int i = 0; i < summary.size(); i++) statements.add(new String[] {"summary sentence " + (i + 1), summary.get(i)});
    for (int i = 0; i < a.keyPoints().size(); i++) statements.add(new String[] {"key point " + (i + 1), a.keyPoints().get(i)});
    for (String[] s : statements) {
      checkText(out, s[0], s[1], facts, names);
      out.addAll(StatementPolarity.check(s[0], s[1], a.claims()));
    }
    List<Sentences.Span> sentences = Sentences.split(article);
    for (int i = 0; i < a.claims().size(); i++) {
      Claim c = a.claims().get(i);
      String where = "claim " + (i + 1);
      checkText(out, where, c.claim(), facts, names);
      checkNegation(out, where, c, article, sentences);
      checkSpeaker(out, where, c, article, sentences, a, glossary, from, to);
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
    checkText(out, where, english, facts, names);
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

  private static void checkText(List<Finding> out, String where, String sentence, GermanFacts facts, SourceNames names) {
    if (sentence == null || sentence.isBlank()) return;
    Set<String> reported = new LinkedHashSet<>();
    for (Mention m : EnglishQuantities.read(sentence)) {
      Kind kind = missing(m, facts);
      if (kind != null && reported.add(kind + m.text())) {
        out.add(new Finding(where, sentence, kind, m.text(), "not in the article"));
      }
    }
    for (EnglishNames.Name n : EnglishNames.find(sentence, names.lowerWords())) {
      List<String> unknown = n.words().stream().filter(w -> !names.accounts(w)).toList();
      if (!unknown.isEmpty() && reported.add("name" + n.text())) {
        out.add(new Finding(where, sentence, Kind.NAME, n.text(), "not named in the article"));
      }
    }
  }

  /** The kind of finding a mention makes, or null when the article bears it out. */
  private static Kind missing(Mention m, GermanFacts facts) {
    return switch (m.type()) {
      case NUMBER -> facts.hasNumber(m.value()) || m.approximate() && facts.hasNear(m.value(), 0.1) ? null : Kind.NUMBER;
      case YEAR -> facts.hasNumber(m.value()) ? null : Kind.DATE;
      case DATE -> facts.dates.contains((int) m.value()) ? null : Kind.DATE;
      case MONTH -> facts.months.contains((int) m.value()) ? null : Kind.DATE;
      case WEEKDAY -> facts.weekdays.contains((int) m.value()) ? null : Kind.WEEKDAY;
      case TIME -> facts.times.contains((int) m.value()) ? null : Kind.TIME;
    };
  }

  /**
   * A claim negated where its source is not, or the reverse. The quote is the evidence for a
   * negation the claim lacks; the quote's whole sentence for one the claim has, since the quote may
   * be shorter than the clause. A denied claim states what is denied, so only the first direction
   * applies to it.
   */
  private static void checkNegation(List<Finding> out, String where, Claim c, String article, List<Sentences.Span> sentences) {
    if (c.claim() == null || c.quote() == null || c.quote().isBlank()) return;
    Polarity.Reading claim = Polarity.english(c.claim());
    Polarity.Reading quote = Polarity.german(c.quote());
    String context = sentenceText(c.grounding(), article, sentences, 0, 0);
    Polarity.Reading sentence = context == null ? quote : Polarity.german(context + " " + c.quote());
    boolean denied = "denied".equalsIgnoreCase(c.modality());
    // A German weak negative ("lehnte ab") may stand for an English plain one ("did not accept"),
    // unless the English has its own weak word for it; a plain German negation lost from a claim
    // that keeps only a weak word ("exclude" for "nicht einbezogen") is still lost.
    int spare = Math.max(0, quote.weakCount() - claim.weakCount());
    if (claim.plainCount() > quote.plainCount() + spare && claim.plainCount() > sentence.plainCount() && !denied) {
      out.add(new Finding(where, c.claim(), Kind.NEGATION, claim.cue(), "negates what its quote affirms"));
    } else if (quote.plain() && !claim.plain() && quote.plainCount() > claim.weakCount() && !denied) {
      out.add(new Finding(where, c.claim(), Kind.NEGATION, quote.cue(), "is in the quote, but the claim is not negated"));
    }
  }

  /**
   * The claim's named speaker must stand in or near the quote's sentence; a claim attributed to the
   * article itself must not be reported speech, and one attributed to someone else must not be
   * given as the article's own fact.
   */
  private static void checkSpeaker(List<Finding> out, String where, Claim c, String article, List<Sentences.Span> sentences,
      Analysis a, Glossary glossary, String from, String to) {
    String speaker = c.attributedTo() == null ? "" : c.attributedTo();
    String modality = c.modality() == null ? "" : c.modality().toLowerCase(Locale.ROOT);
    boolean articleVoice = ARTICLE_VOICE.matcher(speaker).matches();
    if (articleVoice && (modality.equals("reported") || modality.equals("alleged") || modality.equals("denied"))) {
      out.add(new Finding(where, c.claim(), Kind.SPEAKER, speaker, "is given as the speaker of a " + modality + " claim"));
      return;
    }
    String context = sentenceText(c.grounding(), article, sentences, 0, 0);
    if (!articleVoice && modality.equals("stated") && context != null && SPEECH_CUE.matcher(context).find()) {
      out.add(new Finding(where, c.claim(), Kind.MODALITY, "stated",
          "though the quote's sentence reports what " + speaker + " said"));
    }
    if (articleVoice) {
      if (context != null && ATTRIBUTION.matcher(context).find()) {
        out.add(new Finding(where, c.claim(), Kind.SPEAKER, speaker, "is given as the speaker, though the quote's sentence attributes it"));
      }
      return;
    }
    String window = sentenceText(c.grounding(), article, sentences, SPEAKER_BEFORE, SPEAKER_AFTER);
    if (window == null) return;
    List<String> words = new ArrayList<>();
    for (EnglishNames.Name n : EnglishNames.find("x " + source(speaker))) {
      for (String w : n.words()) {
        if (!Exonyms.EN_DE.containsKey(w)) words.add(w);
      }
    }
    // A speaker without a name of its own ("a former US official", "Russian sources") is often
    // introduced paragraphs before the reported speech: nothing to look for near the quote.
    if (words.isEmpty()) {
      // No name, but a role ("a US diplomat", "Russian sources"): that role must be named within
      // a few sentences, paragraphs included, since such speakers are introduced once and then relayed.
      String wide = sentenceText(c.grounding(), article, sentences, UNNAMED_BEFORE, SPEAKER_AFTER, true);
      String who = source(speaker);
      if (wide != null && !roleStems(who).isEmpty() && !roleNear(who, wide)) {
        out.add(new Finding(where, c.claim(), Kind.SPEAKER, speaker, "is not named in or near the quote's sentence"));
      }
      return;
    }
    SourceNames near = new SourceNames(window, a.entities(), glossary, from, to, Set.of());
    if (words.stream().noneMatch(near::accounts) && !roleNear(speaker, window)) {
      out.add(new Finding(where, c.claim(), Kind.SPEAKER, speaker, "is not named in or near the quote's sentence"));
    }
  }

  /** Relays that put the source after them: "Reuters, citing three Russian sources". */
  private static final Pattern CITING = Pattern.compile("(?i),?\\s*\\b(citing|quoting|based on)\\b");

  /** The part of an attribution that names who speaks, not the outlet that relays it. */
  private static String source(String speaker) {
    java.util.regex.Matcher m = CITING.matcher(speaker);
    if (m.find()) return RELAY.split(speaker.substring(m.end()), 2)[0];
    return RELAY.split(speaker, 2)[0];
  }

  /** English words of the answer written in lower case somewhere: ordinary words, not names. */
  private static Set<String> lowerWords(Analysis a) {
    StringBuilder all = new StringBuilder();
    all.append(a.headline()).append(' ').append(a.summary()).append(' ');
    a.keyPoints().forEach(k -> all.append(k).append(' '));
    a.claims().forEach(c -> all.append(c.claim()).append(' ').append(c.attributedTo()).append(' '));
    return lowerWords(all);
  }

  private static Set<String> lowerWords(CharSequence all) {
    Set<String> out = new java.util.HashSet<>();
    java.util.regex.Matcher m = Pattern.compile("(?<![\\p{L}.!?:] )(?<=\\s|^)\\p{Ll}[\\p{L}]+").matcher(all);
    while (m.find()) out.add(m.group());
    return out;
  }

  /** English role words and their German stems: a speaker named earlier may be referred to by role. */
  private static final java.util.Map<String, List<String>> ROLES = java.util.Map.ofEntries(
      java.util.Map.entry("minister", List.of("minister")), java.util.Map.entry("secretary", List.of("minister", "sekretär")),
      java.util.Map.entry("spokesman", List.of("sprecher")), java.util.Map.entry("spokeswoman", List.of("sprecherin")),
      java.util.Map.entry("spokesperson", List.of("sprecher")), java.util.Map.entry("president", List.of("präsident")),
      java.util.Map.entry("chancellor", List.of("kanzler")), java.util.Map.entry("adviser", List.of("berater")),
      java.util.Map.entry("advisor", List.of("berater")), java.util.Map.entry("envoy", List.of("gesandt", "beauftragt")),
      java.util.Map.entry("director", List.of("direktor", "leiter", "chef")), java.util.Map.entry("mayor", List.of("bürgermeister")),
      java.util.Map.entry("ambassador", List.of("botschafter")), java.util.Map.entry("negotiator", List.of("verhandlungsführer")),
      java.util.Map.entry("governor", List.of("gouverneur")), java.util.Map.entry("chief", List.of("chef")),
      java.util.Map.entry("source", List.of("quelle", "informant", "insider", "kreis")),
      java.util.Map.entry("sources", List.of("quelle", "informant", "insider", "kreis")),
      java.util.Map.entry("official", List.of("beamte", "beamter", "beamtin", "funktionär", "vertreter", "offiziell", "insider")),
      java.util.Map.entry("officials", List.of("beamte", "beamten", "funktionär", "vertreter", "offiziell", "regierung")),
      java.util.Map.entry("diplomat", List.of("diplomat")), java.util.Map.entry("diplomats", List.of("diplomat")),
      java.util.Map.entry("insider", List.of("insider", "informant", "quelle")),
      java.util.Map.entry("union", List.of("gewerkschaft")), java.util.Map.entry("management", List.of("leitung", "führung")),
      java.util.Map.entry("ministry", List.of("ministerium")), java.util.Map.entry("survey", List.of("umfrage", "befragung")),
      java.util.Map.entry("experts", List.of("expert", "fachleute")), java.util.Map.entry("analysts", List.of("analyst", "beobachter")),
      java.util.Map.entry("critics", List.of("kritiker")), java.util.Map.entry("police", List.of("polizei")),
      java.util.Map.entry("prosecutors", List.of("staatsanwalt", "anklage")), java.util.Map.entry("spokesperson's", List.of("sprecher")));

  /**
   * Whether the window names the speaker's role: the German role word alone or inflected
   * ("Ministerin", "Sprechers") or ending a compound ("Kremlsprecher", "Außenminister"), not
   * starting a longer word ("Präsidentschaftswahl" is no president).
   */
  private static boolean roleNear(String speaker, String window) {
    List<String> stems = roleStems(speaker);
    if (stems.isEmpty()) return false;
    for (String t : window.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
      for (String stem : stems) {
        int at = t.lastIndexOf(stem);
        if (at >= 0 && t.length() - (at + stem.length()) <= 3) return true;
      }
    }
    return false;
  }

  private static List<String> roleStems(String speaker) {
    List<String> stems = new ArrayList<>();
    for (String w : speaker.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) stems.addAll(ROLES.getOrDefault(w, List.of()));
    return stems;
  }

  private static String sentenceText(Grounding g, String article, List<Sentences.Span> sentences, int before, int after) {
    return sentenceText(g, article, sentences, before, after, false);
  }

  /** The sentences around a grounded quote, or null when the quote was not found. */
  private static String sentenceText(Grounding g, String article, List<Sentences.Span> sentences, int before, int after,
      boolean acrossParagraphs) {
    if (g == null || !g.found() || g.start() < 0 || g.end() > article.length()) return null;
    int first = -1;
    int last = -1;
    for (int i = 0; i < sentences.size(); i++) {
      Sentences.Span s = sentences.get(i);
      if (s.end() > g.start() && s.start() < g.end()) {
        if (first < 0) first = i;
        last = i;
      }
    }
    if (first < 0) return null;
    int from = first;
    // Back within the quote's paragraph; past its start only when the quote opens the paragraph
    // (a speaker named at the end of one paragraph and quoted at the start of the next).
    while (from > 0 && first - from < before) {
      boolean sameParagraph = sentences.get(from - 1).paragraph() == sentences.get(first).paragraph();
      if (!sameParagraph && from != first && !acrossParagraphs) break;
      from--;
    }
    int to = last;
    while (to + 1 < sentences.size() && to - last < after && sentences.get(to + 1).paragraph() == sentences.get(last).paragraph()) to++;
    return article.substring(sentences.get(from).start(), sentences.get(to).end());
  }
}
