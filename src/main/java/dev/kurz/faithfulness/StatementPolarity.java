package dev.kurz.faithfulness;

import dev.kurz.faithfulness.Finding.Kind;
import dev.kurz.model.Claim;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Negation in the headline, summary and key points, checked against the claims they restate (each
 * claim's own negation is checked against its German quote): a negation whose neighbourhood is a
 * claim's content without any negation in that claim was added; a claim's negated content restated
 * without any negation lost it, and so did another statement's (the key point a summary sentence
 * sums up, or the other way round): the two contradict each other. The neighbourhood is the content
 * words a few places either side of the negation, so one clause of a long summary sentence meets
 * the claim it comes from. Stateless.
 */
final class StatementPolarity {
  private StatementPolarity() {}

  /** Content words either side of a negation that make its neighbourhood. */
  private static final int REACH = 5;
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’,.]*[\\p{L}\\p{N}]|[\\p{L}\\p{N}]|[;:—–()]|,(?=\\s)");
  /** "only" as a restriction, not in "not only ... but also". */
  private static final Pattern RESTRICTION = Pattern.compile("(?i)(?<!\\bnot )\\bonly\\b|\\b(fewer|less)\\s+than\\b|\\b(few|little|hardly|barely|at most)\\b");
  /** Stands for a clause boundary in a word list: a neighbourhood does not reach past it. */
  private static final String CLAUSE = ";";
  /** Words that join clauses: a negation's reach ends at them ("never wanted the war and called it a mistake"). */
  private static final Set<String> JOINS = Set.of("and", "but", "while", "whereas", "although", "because", "which", "who");
  /** Words between a negation and what it negates: "no longer wanted", "not yet decided". */
  private static final Set<String> MODIFIERS = Set.of("longer", "yet", "ever", "always", "necessarily", "quite", "much", "very");
  private static final Set<String> PLAIN = Set.of("not", "no", "never", "neither", "nor", "none", "nothing", "nobody", "cannot");
  private static final Set<String> STOP = Set.of(
      "the", "and", "that", "this", "with", "from", "have", "has", "had", "been", "were", "was", "will", "would", "could",
      "should", "can", "may", "might", "must", "its", "their", "they", "them", "than", "then", "into", "over", "about",
      "also", "which", "while", "when", "what", "said", "says", "say", "told", "according", "reportedly", "allegedly",
      "for", "are", "but", "any", "who", "out", "per", "to", "of", "in", "on", "at", "by", "a", "an", "is", "it", "as",
      "or", "be", "he", "she", "his", "her", "did", "does", "do", "even", "only", "there", "here", "such", "some",
      "more", "other", "being", "all", "so", "if", "we", "our", "you", "one");

  /** The negation findings for one statement of the answer. */
  static List<Finding> check(String where, String statement, List<Claim> claims, List<String[]> others,
      QuoteContext context) {
    List<Finding> out = new ArrayList<>();
    if (statement == null || statement.isBlank()) return out;
    List<String> words = words(statement);
    Polarity.Reading whole = Polarity.english(statement);
    for (int t = 0; t < words.size(); t++) {
      if (!isPlain(words, t)) continue;
      Set<String> near = neighbourhood(words, t);
      int best = bestClaim(near, claims, 2, 0.4);
      // What the statement negates must be the claim's too: "Janker will get no official farewell"
      // shares only its subject with "Janker has been mayor for twelve years".
      if (best >= 0 && negatesClaimContent(words, t, claims.get(best))
          && !explains(claims, context, near, clause(words, t), shared(near, claims.get(best)))) {
        out.add(new Finding(where, statement, Kind.NEGATION, words.get(t), "negates what claim " + (best + 1) + " affirms"));
        return out;
      }
    }
    Set<String> own = stems(words);
    for (int i = 0; i < claims.size(); i++) {
      Claim c = claims.get(i);
      if (c.claim() == null) continue;
      if (denied(c)) {
        if (!whole.any() && !restricted(statement) && restates(own, stems(words(c.claim())), 3, 0.6)) {
          out.add(new Finding(where, statement, Kind.NEGATION, "denied", "claim " + (i + 1) + " is denied, but restated here as fact"));
          return out;
        }
        continue;
      }
      Finding lost = lost(where, statement, words, own, c.claim(), "claim " + (i + 1));
      if (lost != null) {
        out.add(lost);
        return out;
      }
    }
    // The answer's other statements restate the same content: a summary sentence that drops the
    // negation of the key point it sums up (or the other way round) contradicts it.
    for (String[] o : others) {
      Finding lost = lost(where, statement, words, own, o[1], o[0]);
      if (lost != null) {
        out.add(lost);
        return out;
      }
    }
    return out;
  }

  /**
   * A plain negation of {@code source} (a claim's text, or another statement) whose content the
   * statement restates without any negation; null when there is none.
   */
  private static Finding lost(String where, String statement, List<String> words, Set<String> own, String source,
      String label) {
    if (source == null || source.isBlank()) return null;
    List<String> cw = words(source);
    // A statement that negates this source's content somewhere ("scenes were not welcome in Paris")
    // keeps its negation, though it may give another negation of the source positively ("were
    // shot in Marseille" for "could not be shot there").
    if (negatesSomewhere(words, cw)) return null;
    for (int t = 0; t < cw.size(); t++) {
      if (!isPlain(cw, t) || underNegation(cw, t)) continue;
      Set<String> near = neighbourhood(cw, t);
      Set<String> shared = new HashSet<>(near);
      shared.retainAll(own);
      if (shared.size() < 3 || shared.size() < 0.5 * near.size()) continue;
      // What is negated ("cannot be financed": financed) must be restated, not only its subject.
      int j = restatedAt(cw, t, words);
      if (j < 0) continue;
      // The clause restating it may carry the negation in words of its own: a weak word the
      // source's clause lacks ("refused" for "did not accept"), or a restriction ("expects them
      // to end only in the long term" for "does not expect a quick end").
      String clause = clause(words, j);
      String sourceClause = clause(cw, t);
      Polarity.Reading r = Polarity.english(clause);
      if (r.plain() || r.weakCount() > Polarity.english(sourceClause).weakCount()
          || restricted(clause) && !restricted(sourceClause)) continue;
      return new Finding(where, statement, Kind.NEGATION, cw.get(t), "of " + label + " is lost here");
    }
    return null;
  }

  /**
   * Whether a claim sharing two of the words around a statement's negation accounts for it: the
   * claim has a plain negation of its own, or more negative words ("rejected", "without") than
   * the statement's clause, one of which it may have turned into the "not".
   */
  private static boolean explains(List<Claim> claims, QuoteContext context, Set<String> near, String clause, int best) {
    // The statement's own weak words count where they stand in the negation's clause: "banned" in
    // another clause of the sentence does not stand for the claim's "prohibited".
    Polarity.Reading statement = Polarity.english(clause);
    // Nearly as close as the best claim: a claim sharing only a name ("Demir did not rule out
    // strikes") does not explain a "not" next to that name in another statement.
    int needed = Math.max(2, (int) Math.ceil(best * 0.6));
    for (Claim c : claims) {
      if (c.claim() == null) continue;
      Polarity.Reading r = Polarity.english(c.claim());
      // A denied claim states what is denied: a "not" restating it is the denial.
      if (denied(c) && shared(near, c) >= needed) return true;
      // The German sentence the claim's quote stands in may hold a negation the claim left out,
      // which the statement restates ("there is no single science" from "'Die Wissenschaft' gibt es nicht").
      if (shared(near, c) >= needed && quoteSentenceNegated(c, context)) return true;
      // A restriction the statement turns into a negation: "received only 33 of 56 results" for "23 never arrived".
      int weak = r.weakCount() + (restricted(c.claim()) && !restricted(clause) ? 1 : 0);
      if (r.plainCount() == 0 && weak <= statement.weakCount()) continue;
      if (shared(near, c) >= needed) return true;
    }
    return false;
  }

  /**
   * Whether the sentence of a claim's quote holds a plain negation outside the quote: one inside it
   * the claim should have kept, and a statement restating it does not excuse its loss.
   */
  private static boolean quoteSentenceNegated(Claim c, QuoteContext context) {
    String sentence = context == null || c.quote() == null ? null : context.sentence(c.grounding());
    return sentence != null && Polarity.german(sentence).plainCount() > Polarity.german(c.quote()).plainCount();
  }

  /** A denied claim states what is denied, so it reads as negated. */
  private static boolean denied(Claim c) {
    return "denied".equalsIgnoreCase(c.modality());
  }

  /**
   * Whether the negation at {@code t} stands under an earlier one of its clause, which it cancels:
   * "should not conclude that it should not sit the exam" affirms sitting it.
   */
  private static boolean underNegation(List<String> words, int t) {
    // "not yet available, neither in New Jersey nor elsewhere": "neither" and "nor" go on with a
    // negation before them, across the comma, and negate what it negates.
    boolean continues = words.get(t).equals("neither") || words.get(t).equals("nor");
    for (int i = t - 1; i >= 0 && (continues || !words.get(i).equals(CLAUSE)); i--) {
      if (isPlain(words, i)) return true;
    }
    return false;
  }

  private static boolean restricted(String text) {
    return RESTRICTION.matcher(text).find();
  }

  /** Whether a plain negation of the statement has two or more of the claim's words around it. */
  private static boolean negatesSomewhere(List<String> words, List<String> source) {
    Set<String> content = stems(source);
    for (int t = 0; t < words.size(); t++) {
      if (!isPlain(words, t)) continue;
      Set<String> near = new HashSet<>(content);
      near.retainAll(neighbourhood(words, t));
      if (near.size() >= 2) return true;
    }
    return false;
  }

  private static int shared(Set<String> near, Claim c) {
    Set<String> shared = stems(words(c.claim()));
    shared.retainAll(near);
    return shared.size();
  }

  /**
   * Where what the claim's negation at {@code t} negates stands in the statement without a
   * negation just before it, or -1: the first content word after the negation (past "longer",
   * "yet" and adverbs: "no longer wanted", "did not initially inform"), or for "not intend to give
   * up" the verb after the "to" as well, looked up in the statement.
   */
  private static int restatedAt(List<String> claim, int t, List<String> statement) {
    int i = nextContent(claim, t + 1);
    if (i < 0) return -1;
    List<String> heads = new ArrayList<>(List.of(stem(claim.get(i))));
    int after = i + 1;
    if (i + 2 < claim.size() && claim.get(i + 1).equals("to") && !STOP.contains(claim.get(i + 2))) {
      heads.add(stem(claim.get(i + 2)));
      after = i + 3;
    }
    // One of the two content words after the head must be restated too: "found no words for the
    // victims" is not lost in "repeated that tolerance must be extended", which shares only "words"
    // of another clause; "not yet gathered all the necessary information" is restated by "gathered
    // all the information needed".
    int next = nextContent(claim, after);
    if (next >= 0) {
      Set<String> restated = stems(statement);
      int second = nextContent(claim, next + 1);
      if (!restated.contains(stem(claim.get(next))) && (second < 0 || !restated.contains(stem(claim.get(second))))) return -1;
    }
    for (int j = 0; j < statement.size(); j++) {
      if (heads.contains(stem(statement.get(j))) && !negatedBefore(statement, j) && !questioned(statement, j)) return j;
    }
    return -1;
  }

  /** The first content word of the clause from {@code from} on, past "longer", "yet" and adverbs, or -1. */
  private static int nextContent(List<String> words, int from) {
    for (int i = from; i < words.size(); i++) {
      String w = words.get(i);
      if (w.equals(CLAUSE)) return -1;
      if (STOP.contains(w) || PLAIN.contains(w) || w.length() < 3 || MODIFIERS.contains(w) || w.endsWith("ly")) continue;
      return i;
    }
    return -1;
  }

  /**
   * Whether word {@code j} stands in an indirect question of its clause ("discuss whether AfD voters
   * can be won back"): the question leaves open what the claim negates, so it does not lose it.
   */
  private static boolean questioned(List<String> words, int j) {
    for (int i = j - 1; i >= 0 && !words.get(i).equals(CLAUSE); i--) {
      if (words.get(i).equals("whether")) return true;
    }
    return false;
  }

  /** The clause of word {@code j}, between clause boundaries, as text. */
  private static String clause(List<String> words, int j) {
    int from = j;
    while (from > 0 && !words.get(from - 1).equals(CLAUSE)) from--;
    int to = j;
    while (to + 1 < words.size() && !words.get(to + 1).equals(CLAUSE)) to++;
    return String.join(" ", words.subList(from, to + 1));
  }

  /** Whether a statement's words share at least {@code min} and {@code share} of a claim's content words. */
  private static boolean restates(Set<String> statement, Set<String> claim, int min, double share) {
    Set<String> shared = new HashSet<>(claim);
    shared.retainAll(statement);
    return shared.size() >= min && shared.size() >= share * claim.size();
  }

  /** A plain negation among the few words before {@code j}, in its clause. */
  private static boolean negatedBefore(List<String> words, int j) {
    for (int i = j - 1; i >= 0 && i >= j - 4 && !words.get(i).equals(CLAUSE); i--) {
      if (isPlain(words, i)) return true;
    }
    return false;
  }

  private static boolean isPlain(List<String> words, int t) {
    String w = words.get(t);
    if (w.endsWith("n't") || w.endsWith("n’t")) return true;
    if (!PLAIN.contains(w)) return false;
    // "not only ... but also" affirms, and so does "like never before"; "no longer" negates.
    boolean everBefore = w.equals("never") && t > 0 && t + 1 < words.size() && words.get(t + 1).equals("before")
        && Set.of("like", "as", "than").contains(words.get(t - 1));
    // "were it not for the virus", "if not for the virus": a condition contrary to fact, not a negation of content.
    boolean contrary = w.equals("not") && t + 1 < words.size() && words.get(t + 1).equals("for") && t > 0
        && (words.get(t - 1).equals("if") || t > 1 && words.get(t - 2).equals("were") && words.get(t - 1).equals("it"));
    return !everBefore && !contrary && !(w.equals("not") && t + 1 < words.size() && words.get(t + 1).equals("only"));
  }

  /**
   * Whether what the negation at {@code t} negates is content of the claim: one of the first two
   * content words after it (past "longer", "yet" and adverbs) is one of the claim's words, or a
   * form of one.
   */
  private static boolean negatesClaimContent(List<String> words, int t, Claim claim) {
    Set<String> own = stems(words(claim.claim()));
    int seen = 0;
    for (int i = t + 1; i < words.size() && seen < 2 && !words.get(i).equals(CLAUSE); i++) {
      String w = words.get(i);
      if (STOP.contains(w) || PLAIN.contains(w) || MODIFIERS.contains(w) || w.length() < 3 || w.endsWith("ly")) continue;
      String head = stem(w);
      // A stem that starts the other counts: "has not ended" negates "the end of fashion".
      if (own.stream().anyMatch(o -> o.length() >= 3 && head.length() >= 3 && (o.startsWith(head) || head.startsWith(o)))) return true;
      seen++;
    }
    return false;
  }

  /** The claim sharing most of {@code near}, if it shares at least {@code min} words and {@code share} of them. */
  private static int bestClaim(Set<String> near, List<Claim> claims, int min, double share) {
    int best = -1;
    int most = 0;
    for (int i = 0; i < claims.size(); i++) {
      if (claims.get(i).claim() == null) continue;
      Set<String> shared = stems(words(claims.get(i).claim()));
      shared.retainAll(near);
      if (shared.size() > most) {
        most = shared.size();
        best = i;
      }
    }
    return most >= min && most >= share * near.size() ? best : -1;
  }

  private static Set<String> neighbourhood(List<String> words, int t) {
    Set<String> out = new HashSet<>();
    for (int i = t - 1, n = 0; i >= 0 && n < REACH && !words.get(i).equals(CLAUSE); i--) n += addContent(out, words.get(i));
    for (int i = t + 1, n = 0; i < words.size() && n < REACH && !words.get(i).equals(CLAUSE); i++) n += addContent(out, words.get(i));
    return out;
  }

  private static int addContent(Set<String> out, String w) {
    if (STOP.contains(w) || PLAIN.contains(w) || MODIFIERS.contains(w) || w.length() < 3 && !Character.isDigit(w.charAt(0))) return 0;
    out.add(stem(w));
    return 1;
  }

  private static Set<String> stems(List<String> words) {
    Set<String> out = new HashSet<>();
    for (String w : words) {
      if (!STOP.contains(w) && !PLAIN.contains(w) && !w.equals(CLAUSE)) out.add(stem(w));
    }
    return out;
  }

  /** A crude stem: possessive and inflection ("checks", "checked", "checking": check) cut, then six letters at most. */
  private static String stem(String w) {
    String s = w.replace("’s", "").replace("'s", "");
    if (s.isEmpty() || Character.isDigit(s.charAt(0))) return s;
    if (s.length() > 6 && s.endsWith("ing")) s = s.substring(0, s.length() - 3);
    else if (s.length() > 5 && s.endsWith("ed")) s = s.substring(0, s.length() - 2);
    else if (s.length() > 4 && s.endsWith("s") && !s.endsWith("ss")) s = s.substring(0, s.length() - 1);
    return s.length() > 6 ? s.substring(0, 6) : s;
  }

  private static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = WORD.matcher(Polarity.affirmingUsesRewritten(text).toLowerCase(Locale.ROOT));
    while (m.find()) {
      String w = m.group();
      out.add(Character.isLetterOrDigit(w.charAt(0)) && !JOINS.contains(w) ? w : CLAUSE);
    }
    return out;
  }
}
