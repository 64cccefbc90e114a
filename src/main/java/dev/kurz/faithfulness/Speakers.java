package dev.kurz.faithfulness;

import dev.kurz.faithfulness.Finding.Kind;
import dev.kurz.glossary.Glossary;
import dev.kurz.model.Claim;
import dev.kurz.model.Entity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who a claim is attributed to, checked against its quote's place in the article: a named speaker
 * must stand in or near the quote's sentence; a speaker known only by role ("a US diplomat",
 * "Russian sources") must have that role's German word a few sentences before; the article itself
 * must not be the speaker of reported speech; and a claim attributed to someone must not be given
 * as fact ({@code stated}) when its sentence reports what was said. Stateless.
 */
final class Speakers {
  private Speakers() {}

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
  /** Relays that put the source after them: "Reuters, citing three Russian sources". */
  private static final Pattern CITING = Pattern.compile("(?i),?\\s*\\b(citing|quoting|based on)\\b");
  /** Reported speech in a German sentence: the cues of CLAIMS.md that attribute, not those that hedge. */
  private static final Pattern SPEECH_CUE = Pattern.compile(
      "(?iu)\\b(zufolge|laut|sagte|sagten|sagt|erklärte|erklärten|erklärt|betonte|betont|teilte|teilten|berichtet\\p{L}*|"
          + "hieß es|heißt es|nach Angaben|so\\s+\\p{Lu}\\p{L}+|meinte|warnte|forderte|kündigte|versicherte|"
          + "behauptete|behauptet|sei|seien|habe|hätten|soll|sollen|angeblich)\\b|[„“»«\"]");

  /** A German sentence that refers back to someone named before it, or speaks in the first person: singular pronouns and possessives ("sie" and "wir" are too often others). */
  private static final Pattern ANAPHOR = Pattern.compile("(?u)\\b([Ee]r|[Ss]ie|[Ss]ein|[Ss]eine[mnrs]?|[Ii]hr|[Ii]hre[mnrs]?|[Ii]hm|[Ii]ch|[Mm]ein|[Mm]eine[mnrs]?)\\b");
  /** German words for a company or organization, as an article refers back to one it named. */
  private static final List<String> ORGANIZATION_STEMS = List.of("firma", "firmen", "unternehmen", "konzern", "organisation");

  /** English role words and their German stems: a speaker named earlier may be referred to by role. */
  private static final Map<String, List<String>> ROLES = Map.ofEntries(
      Map.entry("minister", List.of("minister")), Map.entry("secretary", List.of("minister", "sekretär")),
      Map.entry("spokesman", List.of("sprecher")), Map.entry("spokeswoman", List.of("sprecherin")),
      Map.entry("spokesperson", List.of("sprecher")), Map.entry("president", List.of("präsident")),
      Map.entry("chancellor", List.of("kanzler")), Map.entry("adviser", List.of("berater")),
      Map.entry("advisor", List.of("berater")), Map.entry("envoy", List.of("gesandt", "beauftragt")),
      Map.entry("director", List.of("direktor", "leiter", "chef")), Map.entry("mayor", List.of("bürgermeister")),
      Map.entry("ambassador", List.of("botschafter")), Map.entry("negotiator", List.of("verhandlungsführer")),
      Map.entry("governor", List.of("gouverneur")), Map.entry("chief", List.of("chef")),
      Map.entry("source", List.of("quelle", "informant", "insider", "kreis")),
      Map.entry("sources", List.of("quelle", "informant", "insider", "kreis")),
      Map.entry("official", List.of("beamte", "beamter", "beamtin", "funktionär", "vertreter", "offiziell", "insider")),
      Map.entry("officials", List.of("beamte", "beamten", "funktionär", "vertreter", "offiziell", "regierung")),
      Map.entry("diplomat", List.of("diplomat")), Map.entry("diplomats", List.of("diplomat")),
      Map.entry("insider", List.of("insider", "informant", "quelle")),
      Map.entry("union", List.of("gewerkschaft")), Map.entry("management", List.of("leitung", "führung")),
      Map.entry("ministry", List.of("ministerium")), Map.entry("survey", List.of("umfrage", "befragung")),
      Map.entry("experts", List.of("expert", "fachleute")), Map.entry("analysts", List.of("analyst", "beobachter")),
      Map.entry("critics", List.of("kritiker")), Map.entry("police", List.of("polizei")),
      Map.entry("prosecutors", List.of("staatsanwalt", "anklage")), Map.entry("spokesperson's", List.of("sprecher")));

  /** The speaker and modality findings for one claim. */
  static List<Finding> check(String where, Claim c, QuoteContext context, List<Entity> entities, Glossary glossary,
      String from, String to) {
    List<Finding> out = new ArrayList<>();
    String speaker = c.attributedTo() == null ? "" : c.attributedTo();
    String modality = c.modality() == null ? "" : c.modality().toLowerCase(Locale.ROOT);
    boolean articleVoice = ARTICLE_VOICE.matcher(speaker).matches();
    // The outlet may hedge in its own voice ("sollen sich angeschlossen haben", "mutmaßlich"): an
    // alleged claim of the article's is wrong only where its sentence attributes it (below).
    if (articleVoice && (modality.equals("reported") || modality.equals("denied"))) {
      out.add(new Finding(where, c.claim(), Kind.SPEAKER, speaker, "is given as the speaker of a " + modality + " claim"));
      return out;
    }
    String sentence = context.sentence(c.grounding());
    if (!articleVoice && modality.equals("stated") && sentence != null && SPEECH_CUE.matcher(sentence).find()) {
      out.add(new Finding(where, c.claim(), Kind.MODALITY, "stated", "though the quote's sentence reports what " + speaker + " said"));
    }
    if (articleVoice) {
      if (sentence != null && ATTRIBUTION.matcher(sentence).find()) {
        out.add(new Finding(where, c.claim(), Kind.SPEAKER, speaker, "is given as the speaker, though the quote's sentence attributes it"));
      }
      return out;
    }
    String window = context.around(c.grounding(), SPEAKER_BEFORE, SPEAKER_AFTER);
    if (window == null) return out;
    List<String> words = new ArrayList<>();
    for (EnglishNames.Name n : EnglishNames.find("x " + source(speaker))) {
      for (String w : n.words()) {
        if (!Exonyms.EN_DE.containsKey(w)) words.add(w);
      }
    }
    if (words.isEmpty()) {
      // No name, but a role ("a US diplomat", "Russian sources"): that role must be named within
      // a few sentences, paragraphs included, since such speakers are introduced once and then relayed.
      String wide = context.around(c.grounding(), UNNAMED_BEFORE, SPEAKER_AFTER, true);
      String who = source(speaker);
      if (wide != null && !roleStems(who).isEmpty() && !roleNear(who, wide)) {
        out.add(new Finding(where, c.claim(), Kind.SPEAKER, speaker, "is not named in or near the quote's sentence"));
      }
      return out;
    }
    if (namedIn(window, words, speaker, entities, glossary, from, to)) return out;
    // A speaker quoted at length is named once and then relayed ("betonte der Außenminister",
    // "heißt es"): a few sentences back across paragraphs will do. A sentence that refers back or
    // speaks in the first person ("Seine Regierung werde", "Ich bin gesund", an interview) may rest
    // on a speaker named anywhere before it.
    String wide = context.around(c.grounding(), UNNAMED_BEFORE, SPEAKER_AFTER, true);
    boolean relayed = sentence != null && !ATTRIBUTION.matcher(sentence).find();
    if (relayed && wide != null && namedIn(wide, words, speaker, entities, glossary, from, to)) return out;
    String before = context.before(c.grounding());
    if (sentence != null && before != null && ANAPHOR.matcher(sentence).find()
        && namedIn(before, words, speaker, entities, glossary, from, to)) {
      return out;
    }
    out.add(new Finding(where, c.claim(), Kind.SPEAKER, speaker, "is not named in or near the quote's sentence"));
    return out;
  }

  /** Whether the German text names the speaker, by one of its name words or by its role. */
  private static boolean namedIn(String german, List<String> words, String speaker, List<Entity> entities, Glossary glossary,
      String from, String to) {
    SourceNames near = new SourceNames(german, entities, glossary, from, to, Set.of());
    if (words.stream().anyMatch(near::accounts) || roleNear(speaker, german)) return true;
    // An organization is referred to by what it is: "nach Firmenangaben", "teilte der Konzern mit".
    return isOrganization(words, entities) && roleNear(german, ORGANIZATION_STEMS);
  }

  private static boolean isOrganization(List<String> words, List<Entity> entities) {
    for (Entity e : entities) {
      if (e.name() == null || e.type() == null || !e.type().toLowerCase(Locale.ROOT).startsWith("org")) continue;
      List<String> name = List.of(e.name().split("[^\\p{L}\\p{N}]+"));
      if (words.stream().anyMatch(name::contains)) return true;
    }
    return false;
  }

  /** The part of an attribution that names who speaks, not the outlet that relays it. */
  private static String source(String speaker) {
    Matcher m = CITING.matcher(speaker);
    if (m.find()) return RELAY.split(speaker.substring(m.end()), 2)[0];
    return RELAY.split(speaker, 2)[0];
  }

  /**
   * Whether the window names the speaker's role: the German role word alone or inflected
   * ("Ministerin", "Sprechers") or ending a compound ("Kremlsprecher", "Außenminister"), not
   * starting a longer word ("Präsidentschaftswahl" is no president).
   */
  private static boolean roleNear(String speaker, String window) {
    return roleNear(window, roleStems(speaker));
  }

  /** Whether a word of the window ends in one of the stems, or in one followed by "angaben" ("Polizeiangaben"). */
  private static boolean roleNear(String window, List<String> stems) {
    if (stems.isEmpty()) return false;
    for (String t : window.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
      String head = t.endsWith("angaben") ? t.substring(0, t.length() - "angaben".length()) : t;
      for (String stem : stems) {
        int at = head.lastIndexOf(stem);
        if (at >= 0 && head.length() - (at + stem.length()) <= (head == t ? 3 : 1)) return true;
      }
    }
    return false;
  }

  private static List<String> roleStems(String speaker) {
    List<String> stems = new ArrayList<>();
    for (String w : speaker.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) stems.addAll(ROLES.getOrDefault(w, List.of()));
    return stems;
  }
}
