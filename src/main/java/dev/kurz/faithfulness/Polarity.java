package dev.kurz.faithfulness;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a text is negated, in two strengths: a plain negation ("not", "never", "no"; "nicht",
 * "kein", "nie", "weder") and a negative word that can carry the same meaning ("refused",
 * "without", "rejects"; "lehnt ab", "ohne", "bestritt", "unklar"). Two texts disagree only when
 * one has a plain negation and the other has neither kind: "Russia rejected the offer" and "wurde
 * von Russland abgelehnt" agree, "X will attend" and "X wird nicht teilnehmen" do not. Stateless.
 */
final class Polarity {
  private Polarity() {}

  /**
   * Whether and how often a text is negated: plain cues, weak cues, the first plain cue, and the weak
   * cues by kind, so that those which translate each other can be paired.
   */
  record Reading(int plainCount, int weakCount, String cue, Map<Cue, Integer> weakCues) {
    Reading {
      weakCues = Map.copyOf(weakCues);
    }

    /** How many weak cues of this text stand for one of the same kind in the other ("warned": "gewarnt"). */
    int matched(Reading other) {
      int n = 0;
      for (Map.Entry<Cue, Integer> e : weakCues.entrySet()) {
        if (e.getKey() != Cue.OTHER) n += Math.min(e.getValue(), other.weakCues.getOrDefault(e.getKey(), 0));
      }
      return n;
    }

    boolean plain() {
      return plainCount > 0;
    }

    boolean any() {
      return plainCount + weakCount > 0;
    }

    int total() {
      return plainCount + weakCount;
    }
  }

  private static final Pattern WORD = Pattern.compile("[\\p{L}']+");
  private static final Pattern OUT_OF_QUESTION = Pattern.compile("(?i)out of the question|unacceptable|far from");
  private static final Set<String> EN_PLAIN = set(
      "not", "no", "never", "neither", "nor", "none", "nothing", "nobody", "nowhere", "cannot", "noone");
  private static final Set<String> DE_PLAIN = set(
      "nicht", "nichts", "nie", "niemals", "niemand", "niemanden", "niemandem", "weder", "nirgends", "nirgendwo",
      "keineswegs", "keinesfalls", "mitnichten", "kein", "keine", "keinen", "keinem", "keiner", "keines", "keinerlei");

  /**
   * The kinds of weak cue, each with its English and German word beginnings, so that a weak word
   * can be matched with its translation: a negative affix or "without" ("unsound", "kinderlos",
   * "ohne"; found by their own rules, not by the lists), a warning, a refusal, a denial, and so on.
   */
  enum Cue {
    AFFIX(set(), set()),
    WARN(set("warn"), set("warn", "gewarnt")),
    REFUSE(set("refus", "declin", "reject", "rebuff", "dismiss"),
        set("ablehn", "abgelehnt", "lehnt", "lehnte", "verweiger", "weigert", "zurückgewiesen", "zurückweis", "wies")),
    DENY(set("deni", "deny", "dispute", "contradict"), set("bestreit", "bestritt", "dementi", "widersprach", "widersprech")),
    FAIL(set("fail"), set("versäum", "scheiter", "gescheitert")),
    LACK(set("lack", "missing", "absen"), set("fehl", "mangel")),
    PREVENT(set("prevent", "avoid"), set("verhinder", "vermied", "vermeid", "stopp", "gestoppt")),
    EXCLUDE(set("exclud", "ruled"), set("ausgeschlossen", "ausschließ", "schließt")),
    INSTEAD(set("instead", "rather"), set("anstatt", "stattdessen")),
    DOUBT(set("doubt"), set("zweifel", "bezweifel")),
    FALSE(set("false", "fallac"), set("falsch", "trugschluss", "irrtum", "irrig")),
    /** Little or less of something: "less affected" for "nicht so stark betroffen", "weniger gut" for "not well". */
    SCARCE(set("hardly", "barely", "scarce"), set("kaum", "weniger")),
    /** A ban: "remain prohibited" for "sind nicht erlaubt" ("ban" itself as a whole word, see {@link #BAN}). */
    PROHIBIT(set("prohibit", "forbid", "forbad"), set("verbot", "verbiet", "untersag")),
    /** Called off: "no longer possible" for "fallen aus". */
    CANCEL(set("cancel", "scrapp"), set("ausfall", "ausfäll", "ausgefallen", "entfall", "entfäll", "abgesagt", "absag", "gestrichen")),
    OTHER(set("oppos", "ignor", "unless"), set("verzicht", "beend", "nein"));

    private final Set<String> english;
    private final Set<String> german;

    Cue(Set<String> english, Set<String> german) {
      this.english = english;
      this.german = german;
    }

    static Cue english(String w) {
      if (BAN.contains(w)) return PROHIBIT;
      // "to prevent cancellations" of memberships: the noun names a thing, it does not call anything off.
      if (w.startsWith("cancellation")) return null;
      if (w.equals("less") || w.equals("fewer")) return SCARCE;
      for (Cue c : values()) if (startsWithAny(w, c.english)) return c;
      return null;
    }

    static Cue german(String w) {
      if (w.equals("statt")) return INSTEAD;
      for (Cue c : values()) if (startsWithAny(w, c.german)) return c;
      return null;
    }
  }
  /** "ban" and its forms, as whole words ("bank" and "band" are none). */
  private static final Set<String> BAN = set("ban", "bans", "banned", "banning");
  /** German adjectives of lack ("kinderlos", "arbeitslose"): "without children", "unemployed". */
  private static final Pattern DE_LACKING = Pattern.compile("\\p{L}{4,}los(e|en|er|es|em)?");
  /** English adjectives negated by their prefix: "incomprehensible" for "nicht nachzuvollziehen", "incorrect", "illegal". */
  private static final Pattern EN_NEGATIVE_ADJECTIVE = Pattern.compile(
      "in(comprehensib|conceivab|explicab|admissib|accessib|compatib|sincer|capab|abil)\\p{L}*|in(correct|accurate|sufficient|adequate|complete|consistent"
          + "|appropriate|valid|effective|active)\\p{L}*|im(proper|possib|plausib|mature)\\p{L}*|il(legal|legitimate|logical)\\p{L}*|ir(regular|relevant|responsib|reconcilab)\\p{L}*");
  /** German "un-" words that are not negations. */
  private static final Set<String> DE_UN_NOT = set("unser", "unter", "union", "univ", "unternehm", "unterstütz", "unterhalt", "untersuch", "unterzeichn", "unterricht", "unterschied", "unterbrech");
  private static final Set<String> EN_UN_NOT = set("under", "until", "unit", "union", "univers", "uniqu", "uniform", "unanim", "uncle");

  /**
   * Negative words in idioms that affirm: "knows no limits" (is unlimited), "no doubt", "no wonder",
   * "no matter how", "nothing but", "none other than", "no less than", "not least", "not just".
   */
  private static final Needles EN_AFFIRMING_IDIOM = Needles.of(
      "(?i)\\b(knows?|knew|known)\\s+no\\s+(limits?|bounds?|boundaries)\\b|\\bno\\s+(doubt|wonder|matter)\\b|\\bnothing\\s+but\\b"
          + "|\\bnone\\s+other\\s+than\\b|\\bno\\s+(less|fewer)\\s+than\\b|\\bnot\\s+(least|just|merely)\\b");
  /**
   * Negative words that restrict or compare rather than negate, rewritten to what they affirm: "no
   * more than a fragile success" (only), "not until April" (only in April, German "erst"), "almost
   * no false positives" (very few), and the contrast "final-year classes, not primary schools,
   * first" (rather than), a noun phrase between commas.
   */
  private static final Needles EN_RESTRICTING = Needles.of(
      "(?i)\\b(?:no|not|nothing)\\s+more\\s+than\\b|\\bnot\\s+(?=until\\b)|\\b(almost|nearly|virtually)\\s+no\\b"
          + "|(?<=\\p{L}),\\s+not\\s+(?!only\\b)(?=[^,.;:!?]{1,50},)");
  /** "nicht mehr als": a cap, which English may give as "no more than", "only" or "not exceed". */
  private static final Pattern DE_RESTRICTING = Pattern.compile("(?iu)\\b(nicht|kein)\\s+mehr\\s+als\\b");
  /** "eine andere als Covid-19", "other than": an exclusion, as a weak negative on both sides. */
  private static final Pattern EN_OTHER_THAN = Pattern.compile("(?i)\\bother\\s+than\\b|\\bdifferent\\s+from\\b");
  private static final Pattern DE_OTHER_THAN = Pattern.compile("(?iu)\\bander(e|er|es|en|em)?\\s+als\\b");
  /** "Das Fest fällt in diesem Jahr aus": the separable "ausfallen" (is called off). */
  private static final Pattern DE_FALLS_THROUGH = Pattern.compile("(?u)\\b(fällt|fallen|fiel|fielen)\\s[^.!?]{0,80}?\\baus\\b(?=\\s*[.,;!?]|$)");
  /** "Der Ansturm blieb aus", "ausgeblieben": the separable "ausbleiben" (did not come). */
  private static final Pattern DE_STAYS_AWAY = Pattern.compile(
      "(?u)\\b(bleibt|bleiben|blieb|blieben)\\s[^.!?]{0,80}?\\baus\\b(?=\\s*[.,;!?]|$)|\\bausgeblieben\\b|\\bausbleib\\p{L}*");
  /** "nicht-systemrelevant", "Nicht-Raucher": a hyphenated "nicht" negates a word, as "non-" does. */
  private static final Pattern DE_HYPHENATED = Pattern.compile("(?iu)\\bnicht-(?=\\p{L})");

  /**
   * The English with the restricting and comparing uses of negative words rewritten to what they
   * affirm ("like never before", "knows no limits", "no more than", "not until", "almost no"), so
   * that only negations are left; {@link StatementPolarity} reads the same text.
   */
  static String affirmingUsesRewritten(String text) {
    text = NUMBER_SIGN.matcher(text).replaceAll("number ");
    text = EN_EVER.replaceAll(text, Needles.fold(text), "$1 ever before");
    text = EN_AFFIRMING_IDIOM.replaceAll(text, Needles.fold(text), "affirmed");
    return EN_RESTRICTING.replaceAll(text, Needles.fold(text), m -> m.group().startsWith(",") ? ", rather " : m.group(1) != null ? "scarcely" : "only ");
  }
  /** "Piano Concerto No. 1", "No 10 Downing Street": the abbreviation of "number", not a negation. */
  private static final Pattern NUMBER_SIGN = Pattern.compile("\\bNo\\.?\\s?(?=\\p{N})");
  /** "non-academic": the prefix negates the adjective, as a weak cue ("nicht akademisch"). */
  private static final Pattern EN_NON = Pattern.compile("(?i)\\bnon-\\p{L}");
  /**
   * "nicht X, sondern Y": the negation serves a contrast, and the English may state Y alone ("who
   * live on the Falklands" for "die nicht in Argentinien leben, sondern auf den Falklandinseln").
   * Up to one sentence end between them.
   */
  private static final Pattern DE_CONTRAST = Pattern.compile("(?iu)\\bnicht\\b(?!\\s+(nur|allein|bloß|zuletzt)\\b)(?=[^.!?]{0,160}[.!?]?[^.!?]{0,40}?\\bsondern\\b)");

  /** "like never before", "wie nie zuvor": a comparison with all time before, which affirms ("than ever before"). */
  private static final Needles EN_EVER = Needles.of("(?i)\\b(like|as|than)\\s+never\\s+before\\b");
  private static final Pattern DE_EVER = Pattern.compile("(?iu)\\bwie\\s+(noch\\s+)?nie(mals)?(\\s+zuvor)?\\b");

  /**
   * How many words an English text has besides its plain negations and the auxiliary they bring
   * ("do not", "didn't"): a measure of how much it says that a negation slipped in does not change.
   */
  static int wordsBesideNegation(String text) {
    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
    int n = 0;
    while (m.find()) {
      String w = m.group();
      if (!EN_PLAIN.contains(w) && !w.endsWith("n't") && !w.endsWith("n’t") && !DO.contains(w)) n++;
    }
    return n;
  }

  private static final Set<String> DO = set("do", "does", "did");

  static Reading english(String text) {
    text = affirmingUsesRewritten(text);
    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
    int plain = 0;
    int weak = 0;
    String cue = null;
    String prev = "";
    if (OUT_OF_QUESTION.matcher(text).find()) weak++;
    if (EN_OTHER_THAN.matcher(text).find()) weak++;
    Map<Cue, Integer> cues = new EnumMap<>(Cue.class);
    Matcher non = EN_NON.matcher(text);
    while (non.find()) cues.merge(Cue.AFFIX, 1, Integer::sum);
    while (m.find()) {
      String w = m.group();
      if (EN_PLAIN.contains(w) || w.endsWith("n't") || w.endsWith("n’t") || (w.equals("one") && prev.equals("no"))) {
        // "not only ... but also" affirms.
        boolean notOnly = w.equals("not") && text.toLowerCase(Locale.ROOT).substring(m.end()).stripLeading().startsWith("only");
        boolean noLonger = w.equals("no") && text.toLowerCase(Locale.ROOT).substring(m.end()).stripLeading().startsWith("longer");
        if (!notOnly || noLonger) {
          plain++;
          if (cue == null) cue = w;
        }
      } else if (w.equals("without") || (w.startsWith("un") && w.length() >= 6 && !startsWithAny(w, EN_UN_NOT) && !w.equals("unlike"))
          || (w.startsWith("non") && w.length() >= 6) || EN_NEGATIVE_ADJECTIVE.matcher(w).matches()) {
        cues.merge(Cue.AFFIX, 1, Integer::sum);
      } else if (Cue.english(w) != null) {
        cues.merge(Cue.english(w), 1, Integer::sum);
      }
      prev = w;
    }
    return reading(plain, weak, cue, cues);
  }

  static Reading german(String text) {
    String lower = DE_EVER.matcher(text).replaceAll("wie zuvor").toLowerCase(Locale.ROOT);
    // "darf nicht mehr als ein Viertel betragen" caps ("may not exceed"): a weak negative, not a plain one.
    int weak = 0;
    Matcher capped = DE_RESTRICTING.matcher(lower);
    while (capped.find()) weak++;
    lower = capped.replaceAll("höchstens");
    if (DE_OTHER_THAN.matcher(lower).find()) weak++;
    if (DE_FALLS_THROUGH.matcher(lower).find()) weak++;
    if (DE_STAYS_AWAY.matcher(lower).find()) weak++;
    Matcher hyphenated = DE_HYPHENATED.matcher(lower);
    while (hyphenated.find()) weak++;
    lower = hyphenated.replaceAll("");
    Matcher contrast = DE_CONTRAST.matcher(lower);
    while (contrast.find()) weak++;
    lower = contrast.replaceAll("kontrast");
    Matcher m = WORD.matcher(lower);
    int plain = 0;
    Map<Cue, Integer> cues = new EnumMap<>(Cue.class);
    String cue = null;
    while (m.find()) {
      String w = m.group();
      if (DE_PLAIN.contains(w)) {
        boolean nichtNur = w.equals("nicht") && lower.substring(m.end()).stripLeading().matches("(?s)(nur|allein|bloß|zuletzt)\\b.*");
        if (!nichtNur) {
          plain++;
          if (cue == null) cue = w;
        }
      } else if (w.equals("ohne") || (w.startsWith("un") && w.length() >= 5 && !startsWithAny(w, DE_UN_NOT))
          || DE_LACKING.matcher(w).matches()) {
        cues.merge(Cue.AFFIX, 1, Integer::sum);
      } else if (Cue.german(w) != null) {
        cues.merge(Cue.german(w), 1, Integer::sum);
      }
    }
    return reading(plain, weak, cue, cues);
  }

  /** A reading whose weak count is {@code weak} other weak cues plus those of {@code cues}. */
  private static Reading reading(int plain, int weak, String cue, Map<Cue, Integer> cues) {
    int total = weak;
    for (int n : cues.values()) total += n;
    return new Reading(plain, total, cue, cues);
  }

  private static boolean startsWithAny(String w, Set<String> prefixes) {
    for (String p : prefixes) {
      if (w.startsWith(p)) return true;
    }
    return false;
  }

  private static Set<String> set(String... words) {
    return Set.copyOf(java.util.Arrays.asList(words));
  }
}
