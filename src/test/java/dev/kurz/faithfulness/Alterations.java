package dev.kurz.faithfulness;

import dev.kurz.model.Analysis;
import dev.kurz.model.Claim;
import dev.kurz.model.Entity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark's own alteration tool: from a clean answer, variants with exactly one change each,
 * of the kinds a model slips in (a number, a date, a name, a negation, a speaker swap, a reported
 * statement turned into fact). Each text field that admits the change gives one variant.
 */
final class Alterations {
  private Alterations() {}

  enum Kind { NUMBER, DATE, NAME, NEGATION, SPEAKER_SWAP, REPORTED_TO_FACT }

  record Variant(Kind kind, String where, Analysis analysis) {}

  private static final Pattern NUMBER = Pattern.compile("(?<![\\p{L}\\d.,-])(\\d+(?:[.,]\\d+)*)(?![\\d])");
  private static final Pattern WORD_NUMBER = Pattern.compile("\\b(two|three|four|five|six|seven|eight|nine|ten|twelve|twenty)\\b");
  private static final Pattern YEAR = Pattern.compile("\\b(19\\d\\d|20\\d\\d)\\b");
  private static final Pattern MONTH = Pattern.compile("\\b(January|February|March|April|June|July|August|September|October|November|December)\\b");
  private static final Pattern WEEKDAY = Pattern.compile("\\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\b");
  private static final Pattern AUX = Pattern.compile("\\b(is|are|was|were|will|would|can|could|has|have|had|should|must)\\b(?! not)");
  private static final Pattern NEGATED = Pattern.compile("\\b(not |n't|never )");
  private static final List<String> MONTHS = List.of("January", "February", "March", "April", "May", "June", "July",
      "August", "September", "October", "November", "December");
  private static final List<String> WEEKDAYS = List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday");
  private static final List<String> OTHER_NAMES = List.of("Lindqvist", "Okafor", "Brandauer", "Hashemi", "Castellano");

  static List<Variant> of(Analysis a) {
    List<Variant> out = new ArrayList<>();
    forEachText(a, Kind.NUMBER, out, Alterations::changeNumber);
    forEachText(a, Kind.DATE, out, Alterations::changeDate);
    forEachText(a, Kind.NAME, out, t -> changeName(t, a.entities()));
    for (int i = 0; i < a.claims().size(); i++) {
      Claim c = a.claims().get(i);
      String negated = toggleNegation(c.claim());
      if (negated != null) out.add(new Variant(Kind.NEGATION, "claim " + (i + 1), withClaim(a, i, claimText(c, negated))));
      for (int j = i + 1; j < a.claims().size(); j++) {
        Claim d = a.claims().get(j);
        if (sameSpeaker(c.attributedTo(), d.attributedTo())) continue;
        List<Claim> claims = new ArrayList<>(a.claims());
        claims.set(i, new Claim(c.claim(), d.attributedTo(), d.sourceType(), c.modality(), c.quote(), c.grounding()));
        claims.set(j, new Claim(d.claim(), c.attributedTo(), c.sourceType(), d.modality(), d.quote(), d.grounding()));
        out.add(new Variant(Kind.SPEAKER_SWAP, "claims " + (i + 1) + "+" + (j + 1), a.withClaims(claims)));
        break;
      }
      if (c.modality().equals("reported") || c.modality().equals("alleged")) {
        String text = c.claim().replaceAll("\\s*\\b(reportedly|allegedly|apparently)\\b", "");
        Claim fact = new Claim(text, c.attributedTo(), c.sourceType(), "stated", c.quote(), c.grounding());
        out.add(new Variant(Kind.REPORTED_TO_FACT, "claim " + (i + 1), withClaim(a, i, fact)));
      }
    }
    return out;
  }

  /**
   * Two attributions that name the same source ("three anonymous Russian sources cited by Reuters",
   * "anonymous Russian sources cited by Reuters"): exchanging them changes nothing a reader would
   * call a different speaker, so no swap variant is made of them.
   */
  static boolean sameSpeaker(String a, String b) {
    java.util.Set<String> x = words(a);
    java.util.Set<String> y = words(b);
    java.util.Set<String> shared = new java.util.HashSet<>(x);
    shared.retainAll(y);
    return shared.size() * 2 >= Math.min(x.size(), y.size());
  }

  private static java.util.Set<String> words(String s) {
    java.util.Set<String> out = new java.util.HashSet<>();
    for (String w : s.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
      if (w.length() > 3 && !List.of("cited", "citing", "speaking", "according", "reuters", "told", "with").contains(w)) out.add(w);
    }
    return out;
  }

  private static Claim claimText(Claim c, String text) {
    return new Claim(text, c.attributedTo(), c.sourceType(), c.modality(), c.quote(), c.grounding());
  }

  private static Analysis withClaim(Analysis a, int i, Claim c) {
    List<Claim> claims = new ArrayList<>(a.claims());
    claims.set(i, c);
    return a.withClaims(claims);
  }

  /** One variant per text (summary, key points, claims) that the change applies to. */
  private static void forEachText(Analysis a, Kind kind, List<Variant> out, UnaryOperator<String> change) {
    String s = change.apply(a.summary());
    if (s != null) out.add(new Variant(kind, "summary", new Analysis(a.sourceLanguage(), a.headline(), s, a.keyPoints(), a.claims(), a.entities())));
    for (int i = 0; i < a.keyPoints().size(); i++) {
      String k = change.apply(a.keyPoints().get(i));
      if (k == null) continue;
      List<String> points = new ArrayList<>(a.keyPoints());
      points.set(i, k);
      out.add(new Variant(kind, "key point " + (i + 1), new Analysis(a.sourceLanguage(), a.headline(), a.summary(), points, a.claims(), a.entities())));
    }
    for (int i = 0; i < a.claims().size(); i++) {
      String c = change.apply(a.claims().get(i).claim());
      if (c != null) out.add(new Variant(kind, "claim " + (i + 1), withClaim(a, i, claimText(a.claims().get(i), c))));
    }
  }

  /** The first count or amount (not a year) multiplied by ten, or a written one raised by one. */
  static String changeNumber(String t) {
    Matcher m = NUMBER.matcher(t);
    while (m.find()) {
      if (YEAR.matcher(m.group(1)).matches()) continue;
      if (m.end() < t.length() && t.substring(m.end()).matches("(?s)^(st|nd|rd|th)\\b.*")) continue;
      String changed = m.group(1).contains(".") || m.group(1).contains(",") ? m.group(1).replaceFirst("\\d", "9") : m.group(1) + "0";
      if (changed.equals(m.group(1))) changed = "1" + m.group(1);
      return t.substring(0, m.start(1)) + changed + t.substring(m.end(1));
    }
    Matcher w = WORD_NUMBER.matcher(t);
    if (w.find()) {
      List<String> words = List.of("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve", "twenty");
      String next = words.get((words.indexOf(w.group(1)) + 1) % words.size());
      return t.substring(0, w.start()) + next + t.substring(w.end());
    }
    return null;
  }

  /** A year one earlier, else a month one later, else a weekday one later. */
  static String changeDate(String t) {
    Matcher y = YEAR.matcher(t);
    if (y.find()) return t.substring(0, y.start()) + (Integer.parseInt(y.group()) - 1) + t.substring(y.end());
    Matcher m = MONTH.matcher(t);
    if (m.find()) return t.substring(0, m.start()) + MONTHS.get((MONTHS.indexOf(m.group()) + 1) % 12) + t.substring(m.end());
    Matcher d = WEEKDAY.matcher(t);
    if (d.find()) return t.substring(0, d.start()) + WEEKDAYS.get((WEEKDAYS.indexOf(d.group()) + 1) % 7) + t.substring(d.end());
    return null;
  }

  /** The surname of the first person named in the text replaced by one the article never names. */
  static String changeName(String t, List<Entity> entities) {
    for (Entity e : entities) {
      if (!"person".equals(e.type()) || e.name() == null) continue;
      String[] parts = e.name().split("\\s+");
      String surname = parts[parts.length - 1];
      Matcher m = Pattern.compile("\\b" + Pattern.quote(surname) + "\\b").matcher(t);
      if (m.find()) {
        String other = OTHER_NAMES.get(Math.abs(surname.hashCode()) % OTHER_NAMES.size());
        return t.substring(0, m.start()) + other + t.substring(m.end());
      }
    }
    return null;
  }

  /** "not" taken out where the claim has one, else put after its first auxiliary. */
  static String toggleNegation(String t) {
    if (Pattern.compile("(?i)\\b(no|nothing|neither|nor|none|nobody|without)\\b").matcher(t).find()) return null;
    Matcher n = NEGATED.matcher(t);
    if (n.find()) {
      String rest = n.group(1).equals("n't") ? "" : "";
      return (t.substring(0, n.start()) + rest + t.substring(n.end())).replace("  ", " ");
    }
    Matcher m = AUX.matcher(t);
    if (m.find()) return t.substring(0, m.end()) + " not" + t.substring(m.end());
    if (t.toLowerCase(Locale.ROOT).startsWith("no ")) return null;
    return null;
  }
}
