package dev.kurz.faithfulness;

import java.util.Locale;
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

  /** Whether and how often a text is negated: plain cues, weak cues, the first plain cue. */
  record Reading(int plainCount, int weakCount, String cue) {
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
  private static final Set<String> EN_WEAK_PREFIXES = set(
      "refus", "declin", "reject", "deni", "deny", "fail", "lack", "unable", "absen", "dismiss", "exclud", "without",
      "instead", "rather", "hardly", "barely", "avoid", "prevent", "oppos", "ignor", "unless", "impossible",
      "rebuff", "contradict", "false", "dispute", "doubt", "missing", "rule out", "ruled");
  private static final Set<String> DE_PLAIN = set(
      "nicht", "nichts", "nie", "niemals", "niemand", "niemanden", "niemandem", "weder", "nirgends", "nirgendwo",
      "keineswegs", "keinesfalls", "mitnichten", "kein", "keine", "keinen", "keinem", "keiner", "keines");
  private static final Set<String> DE_WEAK_PREFIXES = set(
      "ablehn", "abgelehnt", "lehnt", "lehnte", "verweiger", "weigert", "bestreit", "bestritt", "dementi",
      "zurückgewiesen", "zurückweis", "wies", "fehl", "mangel", "ohne", "anstatt", "versäum", "scheiter",
      "gescheitert", "ausgeschlossen", "ausschließ", "schließt", "verzicht", "verhinder", "stopp", "gestoppt",
      "beend", "verbot", "verbiet", "untersag", "falsch", "kaum", "bezweifel", "zweifel", "widersprach",
      "widersprech", "stattdessen", "vermied", "vermeid");
  /** English adjectives negated by their prefix: "incomprehensible" for "nicht nachzuvollziehen", "incorrect", "illegal". */
  private static final Pattern EN_NEGATIVE_ADJECTIVE = Pattern.compile(
      "in(comprehensib|conceivab|explicab|admissib|accessib|compatib|sincer|capab|abil)\\p{L}*|in(correct|accurate|sufficient|adequate|complete|consistent"
          + "|appropriate|valid|effective|active)\\p{L}*|im(proper|possib|plausib|mature)\\p{L}*|il(legal|legitimate|logical)\\p{L}*|ir(regular|relevant|responsib|reconcilab)\\p{L}*");
  /** German "un-" words that are not negations. */
  private static final Set<String> DE_UN_NOT = set("und", "uns", "unser", "unter", "union", "univ", "unternehm", "unterstütz", "unterhalt", "untersuch", "unterzeichn", "unterricht", "unterschied", "unterbrech");
  private static final Set<String> EN_UN_NOT = set("under", "until", "unit", "union", "univers", "uniqu", "uniform", "unanim", "uncle");

  /** "like never before", "wie nie zuvor": a comparison with all time before, which affirms ("than ever before"). */
  private static final Pattern EN_EVER = Pattern.compile("(?i)\\b(like|as|than)\\s+never\\s+before\\b");
  private static final Pattern DE_EVER = Pattern.compile("(?iu)\\bwie\\s+(noch\\s+)?nie(mals)?(\\s+zuvor)?\\b");

  static Reading english(String text) {
    text = EN_EVER.matcher(text).replaceAll("$1 ever before");
    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
    int plain = 0;
    int weak = 0;
    String cue = null;
    String prev = "";
    if (OUT_OF_QUESTION.matcher(text).find()) weak++;
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
      } else if (startsWithAny(w, EN_WEAK_PREFIXES) || (w.startsWith("un") && w.length() >= 6 && !startsWithAny(w, EN_UN_NOT))
          || (w.startsWith("non") && w.length() >= 6) || EN_NEGATIVE_ADJECTIVE.matcher(w).matches()) {
        weak++;
      }
      prev = w;
    }
    return new Reading(plain, weak, cue);
  }

  static Reading german(String text) {
    String lower = DE_EVER.matcher(text).replaceAll("wie zuvor").toLowerCase(Locale.ROOT);
    Matcher m = WORD.matcher(lower);
    int plain = 0;
    int weak = 0;
    String cue = null;
    while (m.find()) {
      String w = m.group();
      if (DE_PLAIN.contains(w)) {
        boolean nichtNur = w.equals("nicht") && lower.substring(m.end()).stripLeading().matches("(?s)(nur|allein|bloß|zuletzt)\\b.*");
        if (!nichtNur) {
          plain++;
          if (cue == null) cue = w;
        }
      } else if (w.equals("statt") || startsWithAny(w, DE_WEAK_PREFIXES) || (w.startsWith("un") && w.length() >= 5 && !startsWithAny(w, DE_UN_NOT))) {
        weak++;
      }
    }
    return new Reading(plain, weak, cue);
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
