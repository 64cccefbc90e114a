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
 * Clean variants of a clean answer: each rewrites the answer the way another good model might
 * word it, meaning unchanged (an amount hedged with "about", the other date order, a surname
 * alone, the German spelling of a name, "%" for "percent", contractions, another wording of the
 * speaker). None of them may be flagged; the benchmark counts those that are.
 */
final class Paraphrases {
  private Paraphrases() {}

  record Variant(String what, Analysis analysis) {}

  private static final String MONTHS = "(January|February|March|April|May|June|July|August|September|October|November|December)";
  private static final Pattern MONTH_DAY = Pattern.compile("\\b" + MONTHS + " (\\d{1,2})\\b(?!,? \\d)");
  private static final Pattern DAY_MONTH = Pattern.compile("\\b(\\d{1,2}) " + MONTHS + "\\b");
  private static final Pattern AMOUNT = Pattern.compile(
      "(?<![\\p{L}\\d.,$-])(?<!about |around |some |nearly |almost |more than |over |up to )(\\d{2,}(?:,\\d{3})*)(?![\\d.,]\\d|\\p{L})");
  private static final Pattern PERCENT = Pattern.compile("(\\d) ?(percent|per cent)\\b");
  private static final Pattern CONTRACTIBLE = Pattern.compile("\\b(did|does|do|is|are|was|were|has|have|would|could|should) not\\b");
  private static final Pattern CITED = Pattern.compile("^(.+?) (cited by|quoted by|speaking to) (.+)$");

  static List<Variant> of(Analysis a) {
    List<Variant> out = new ArrayList<>();
    everywhere(out, a, "about before an amount", t -> AMOUNT.matcher(t).replaceFirst("about $1"), a);
    everywhere(out, a, "day before month", t -> MONTH_DAY.matcher(t).replaceFirst("$2 $1"), a);
    everywhere(out, a, "month before day", t -> DAY_MONTH.matcher(t).replaceFirst("$2 $1"), a);
    everywhere(out, a, "% for percent", t -> PERCENT.matcher(t).replaceFirst("$1%"), a);
    everywhere(out, a, "contraction", t -> contract(t), a);
    for (Entity e : a.entities()) {
      if (e.name() == null || e.original() == null) continue;
      String[] parts = e.name().strip().split("\\s+");
      if ("person".equals(e.type()) && parts.length >= 2) {
        String surname = parts[parts.length - 1];
        everywhere(out, a, "surname alone for " + e.name(), t -> t.replace(e.name(), surname), a);
      }
      if (!e.original().equals(e.name()) && !e.original().isBlank()) {
        everywhere(out, a, "German spelling " + e.original(), t -> t.replace(e.name(), e.original()), a);
      }
    }
    for (int i = 0; i < a.claims().size(); i++) {
      Claim c = a.claims().get(i);
      Matcher m = CITED.matcher(c.attributedTo());
      if (m.matches()) {
        String reworded = m.group(3) + ", citing " + m.group(1);
        List<Claim> claims = new ArrayList<>(a.claims());
        claims.set(i, new Claim(c.claim(), reworded, c.sourceType(), c.modality(), c.quote(), c.grounding()));
        out.add(new Variant("speaker reworded in claim " + (i + 1), a.withClaims(claims)));
      }
    }
    return out;
  }

  /** The rewrite applied to the first slot it changes: one variant per slot that it changes. */
  private static void everywhere(List<Variant> out, Analysis a, String what, UnaryOperator<String> rewrite, Analysis base) {
    for (Mutations.Slot s : Mutations.slots(base)) {
      String changed = rewrite.apply(s.text());
      if (changed != null && !changed.equals(s.text())) out.add(new Variant(what + " in " + s.where(), s.put().apply(changed)));
    }
  }

  private static String contract(String t) {
    Matcher m = CONTRACTIBLE.matcher(t);
    if (!m.find()) return t;
    String verb = m.group(1).toLowerCase(Locale.ROOT);
    String contracted = (m.group(1).charAt(0) == Character.toUpperCase(m.group(1).charAt(0)) && !verb.equals(m.group(1))
        ? m.group(1) : verb) + "n't";
    return t.substring(0, m.start()) + contracted + t.substring(m.end());
  }
}
