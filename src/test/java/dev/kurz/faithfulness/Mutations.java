package dev.kurz.faithfulness;

import dev.kurz.model.Analysis;
import dev.kurz.model.Claim;
import dev.kurz.model.Entity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark's alteration tool: from a clean answer, every variant with exactly one change of
 * one kind, made wherever such an item occurs (each number, date, name and negatable sentence of
 * the headline, summary, key points and claims; every pair of claims with different speakers;
 * every reported claim), so the figures rest on many variants, none hand-picked.
 */
final class Mutations {
  private Mutations() {}

  enum Kind {
    NUMBER, DATE, NAME, NAME_SWAP, NEGATION, SPEAKER_SWAP, REPORTED_TO_FACT;

    String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
  }

  record Variant(Kind kind, String where, String before, String after, Analysis analysis) {}

  /** One English text of an answer and how to put a changed version of it back. */
  record Slot(String where, String text, Function<String, Analysis> put) {}

  private static final Pattern NUMBER = Pattern.compile("(?<![\\p{L}\\d.,-])(\\d+(?:[.,]\\d+)*)(?![\\d\\p{L}-])");
  private static final List<String> WORD_NUMBERS = List.of(
      "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty", "thirty",
      "forty", "fifty", "hundred");
  private static final Pattern WORD_NUMBER = Pattern.compile("\\b(" + String.join("|", WORD_NUMBERS) + ")\\b");
  private static final Pattern YEAR = Pattern.compile("(?<![\\d.,])(19\\d\\d|20\\d\\d)(?![\\d.,]\\d)");
  private static final List<String> MONTHS = List.of("January", "February", "March", "April", "May", "June", "July",
      "August", "September", "October", "November", "December");
  private static final Pattern MONTH = Pattern.compile("\\b(January|February|March|April|June|July|August|September|October|November|December)\\b");
  private static final List<String> WEEKDAYS = List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday");
  private static final Pattern WEEKDAY = Pattern.compile("\\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\b");
  private static final Pattern AUX = Pattern.compile(
      "\\b(is|are|was|were|will|would|can|could|has|have|had|should|must|may|might)\\b(?! not| never| no\\b)");
  private static final Pattern NEGATED = Pattern.compile("\\b(not|never)\\s|n't\\b|\\bno longer\\s");
  private static final Pattern NO_DETERMINER = Pattern.compile("\\b([Nn]o) (?=\\p{L})(?!longer|one\\b)");
  private static final Pattern HEDGE = Pattern.compile("\\s*\\b(reportedly|allegedly|apparently|purportedly)\\b");
  private static final List<String> OTHER_NAMES = List.of("Lindqvist", "Okafor", "Brandauer", "Hashemi", "Castellano",
      "Novak", "Fitzgerald");

  static List<Variant> of(Analysis a) {
    List<Variant> out = new ArrayList<>();
    List<Slot> slots = slots(a);
    List<String> surnames = surnames(a.entities());
    for (Slot s : slots) {
      each(out, s, Kind.NUMBER, NUMBER, m -> numberChanged(s.text(), m));
      each(out, s, Kind.NUMBER, WORD_NUMBER, m -> WORD_NUMBERS.get((WORD_NUMBERS.indexOf(m.group(1)) + 1) % WORD_NUMBERS.size()));
      each(out, s, Kind.DATE, YEAR, m -> String.valueOf(Integer.parseInt(m.group(1)) - 1));
      each(out, s, Kind.DATE, MONTH, m -> MONTHS.get((MONTHS.indexOf(m.group(1)) + 1) % 12));
      each(out, s, Kind.DATE, WEEKDAY, m -> WEEKDAYS.get((WEEKDAYS.indexOf(m.group(1)) + 1) % 7));
      for (String surname : surnames) {
        Pattern p = Pattern.compile("\\b" + Pattern.quote(surname) + "\\b");
        each(out, s, Kind.NAME, p, m -> OTHER_NAMES.get(Math.floorMod(surname.hashCode(), OTHER_NAMES.size())));
        String other = surnames.stream().filter(o -> !o.equals(surname) && !s.text().contains(o)).findFirst().orElse(null);
        if (other != null) each(out, s, Kind.NAME_SWAP, p, m -> other);
      }
      String negated = toggleNegation(s.text());
      if (negated != null) out.add(new Variant(Kind.NEGATION, s.where(), s.text(), negated, s.put().apply(negated)));
      Matcher h = HEDGE.matcher(s.text());
      if (h.find() && !s.where().startsWith("claim")) {
        String fact = h.replaceAll("");
        out.add(new Variant(Kind.REPORTED_TO_FACT, s.where(), s.text(), fact, s.put().apply(fact)));
      }
    }
    List<Claim> claims = a.claims();
    for (int i = 0; i < claims.size(); i++) {
      Claim c = claims.get(i);
      for (int j = i + 1; j < claims.size(); j++) {
        Claim d = claims.get(j);
        if (sameSpeaker(c.attributedTo(), d.attributedTo())) continue;
        List<Claim> swapped = new ArrayList<>(claims);
        swapped.set(i, new Claim(c.claim(), d.attributedTo(), d.sourceType(), c.modality(), c.quote(), c.grounding()));
        swapped.set(j, new Claim(d.claim(), c.attributedTo(), c.sourceType(), d.modality(), d.quote(), d.grounding()));
        out.add(new Variant(Kind.SPEAKER_SWAP, "claims " + (i + 1) + "+" + (j + 1), c.attributedTo(), d.attributedTo(),
            a.withClaims(swapped)));
      }
      String m = c.modality() == null ? "" : c.modality();
      if (m.equals("reported") || m.equals("alleged")) {
        String text = HEDGE.matcher(c.claim()).replaceAll("");
        // Only as the article's own: a claim that keeps its named speaker keeps the attribution, and
        // 'stated' there says the speaker stated it (issue 19: no warning on it, see ModalityCheck).
        out.add(new Variant(Kind.REPORTED_TO_FACT, "claim " + (i + 1) + " (as the article's)", m + " by " + c.attributedTo(),
            "stated by the article",
            withClaim(a, i, new Claim(text, "the article", "article_voice", "stated", c.quote(), c.grounding()))));
      }
    }
    return out;
  }

  /** The headline, each summary sentence, each key point and each claim's text. */
  static List<Slot> slots(Analysis a) {
    List<Slot> out = new ArrayList<>();
    out.add(new Slot("headline", a.headline(), t -> new Analysis(a.sourceLanguage(), t, a.summary(), a.keyPoints(), a.claims(), a.entities())));
    List<String> sentences = Sentences.english(a.summary());
    for (int i = 0; i < sentences.size(); i++) {
      String sentence = sentences.get(i);
      int at = a.summary().indexOf(sentence);
      out.add(new Slot("summary sentence " + (i + 1), sentence, t -> new Analysis(a.sourceLanguage(), a.headline(),
          a.summary().substring(0, at) + t + a.summary().substring(at + sentence.length()), a.keyPoints(), a.claims(), a.entities())));
    }
    for (int i = 0; i < a.keyPoints().size(); i++) {
      int k = i;
      out.add(new Slot("key point " + (i + 1), a.keyPoints().get(i), t -> {
        List<String> points = new ArrayList<>(a.keyPoints());
        points.set(k, t);
        return new Analysis(a.sourceLanguage(), a.headline(), a.summary(), points, a.claims(), a.entities());
      }));
    }
    for (int i = 0; i < a.claims().size(); i++) {
      int k = i;
      Claim c = a.claims().get(i);
      out.add(new Slot("claim " + (i + 1), c.claim(), t -> withClaim(a, k,
          new Claim(t, c.attributedTo(), c.sourceType(), c.modality(), c.quote(), c.grounding()))));
    }
    return out;
  }

  /** One variant per match of {@code p} in the slot, the match replaced by what {@code change} gives. */
  private static void each(List<Variant> out, Slot s, Kind kind, Pattern p, Function<Matcher, String> change) {
    Matcher m = p.matcher(s.text());
    while (m.find()) {
      String replacement = change.apply(m);
      if (replacement == null || replacement.equals(m.group(1 <= m.groupCount() ? 1 : 0))) continue;
      int start = m.groupCount() >= 1 ? m.start(1) : m.start();
      int end = m.groupCount() >= 1 ? m.end(1) : m.end();
      String changed = s.text().substring(0, start) + replacement + s.text().substring(end);
      out.add(new Variant(kind, s.where(), m.group(), replacement, s.put().apply(changed)));
    }
  }

  /** A count or amount (not a year, not a day of the month) made ten times larger, a decimal's first digit changed. */
  private static String numberChanged(String text, Matcher m) {
    String n = m.group(1);
    if (YEAR.matcher(n).matches()) return null;
    String before = text.substring(0, m.start(1));
    if (MONTH.matcher(before).find() && before.matches("(?s).*\\b(" + String.join("|", MONTHS) + ")\\s+$")) return null;
    if (text.substring(m.end(1)).matches("(?s)^\\s+(" + String.join("|", MONTHS) + ")\\b.*")) return null;
    if (n.contains(".") || n.contains(",") && !n.matches("\\d{1,3}(,\\d{3})+")) {
      char first = n.charAt(0);
      return (first == '9' ? "1" : String.valueOf((char) (first + 1))) + n.substring(1);
    }
    long v = Long.parseLong(n.replace(",", ""));
    return String.format(Locale.ROOT, "%,d", v * 10);
  }

  /** "not"/"never"/"n't" taken out where the text has one, else "not" after its first auxiliary, else "no" dropped. */
  static String toggleNegation(String t) {
    Matcher n = NEGATED.matcher(t);
    if (n.find()) {
      if (n.group().equals("n't")) {
        String head = t.substring(0, n.start());
        head = head.endsWith("ca") ? head + "n" : head.endsWith("wo") ? head.substring(0, head.length() - 2) + "will" : head;
        return head + t.substring(n.end());
      }
      return t.substring(0, n.start()) + t.substring(n.end());
    }
    Matcher no = NO_DETERMINER.matcher(t);
    if (no.find()) return t.substring(0, no.start()) + (no.group(1).equals("No") ? "A " : "a ") + t.substring(no.end());
    Matcher m = AUX.matcher(t);
    if (m.find()) return t.substring(0, m.end()) + " not" + t.substring(m.end());
    return null;
  }

  /**
   * Two attributions that name the same source ("three anonymous Russian sources cited by Reuters",
   * "anonymous Russian sources cited by Reuters"): exchanging them changes nothing a reader would
   * call a different speaker, so no swap variant is made of them.
   */
  static boolean sameSpeaker(String a, String b) {
    Set<String> x = words(a);
    Set<String> y = words(b);
    Set<String> shared = new HashSet<>(x);
    shared.retainAll(y);
    return shared.size() * 2 >= Math.min(x.size(), y.size());
  }

  private static Set<String> words(String s) {
    Set<String> out = new HashSet<>();
    for (String w : s.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
      if (w.length() > 3 && !List.of("cited", "citing", "speaking", "according", "reuters", "told", "with").contains(w)) out.add(w);
    }
    return out;
  }

  /** The last word of each person's English name: what a swapped name replaces. */
  private static List<String> surnames(List<Entity> entities) {
    Set<String> out = new LinkedHashSet<>();
    for (Entity e : entities) {
      if (!"person".equals(e.type()) || e.name() == null || e.name().isBlank()) continue;
      String[] parts = e.name().strip().split("\\s+");
      out.add(parts[parts.length - 1]);
    }
    return List.copyOf(out);
  }

  private static Analysis withClaim(Analysis a, int i, Claim c) {
    List<Claim> claims = new ArrayList<>(a.claims());
    claims.set(i, c);
    return a.withClaims(claims);
  }
}
