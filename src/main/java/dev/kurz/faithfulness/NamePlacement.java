package dev.kurz.faithfulness;

import dev.kurz.faithfulness.Finding.Kind;
import dev.kurz.model.Analysis;
import dev.kurz.model.Claim;
import dev.kurz.model.Entity;
import dev.kurz.model.Grounding;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether each person a statement names is the one the article puts there, not merely one the
 * article names somewhere (the wrong minister): a full name must be one person's, not one person's
 * first name with another's surname; a person a claim names must be named in or near its quote's
 * sentence; a person a headline, summary sentence or key point names must be named by, or near the
 * quotes of, the claims that statement restates (found by the words they share, names left out).
 * The persons are the answer's person entities, matched to the German by surname (inflected or
 * transliterated: Peskows, Selenskyj). A statement whose source cannot be placed is not judged.
 * Immutable; built once per answer.
 */
final class NamePlacement {
  /** Sentences before and after a quote's sentence in which the persons it speaks of may be named. */
  private static final int BEFORE = 3;
  private static final int AFTER = 1;
  private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{M}'’-]*");

  /** One person of the answer's entities: translit keys of the surnames and of the first names. */
  private record Person(String name, Set<String> surnames, Set<String> given) {}

  private final String article;
  private final List<Sentences.Span> sentences;
  private final List<Person> persons = new ArrayList<>();
  /** For each person, the sentences of the article that name them. */
  private final List<BitSet> named = new ArrayList<>();
  /** Translit keys of the article's capitalised words, in order: for "First Last" as the article writes it. */
  private final List<String> keys = new ArrayList<>();

  NamePlacement(String article, List<Sentences.Span> sentences, List<Entity> entities) {
    this.article = article;
    this.sentences = sentences;
    for (Entity e : entities) {
      if (!"person".equalsIgnoreCase(e.type()) || e.name() == null) continue;
      Set<String> surnames = new LinkedHashSet<>();
      Set<String> given = new LinkedHashSet<>();
      for (String form : new String[] {e.name(), e.original()}) {
        List<String> words = words(form);
        if (words.isEmpty()) continue;
        surnames.add(Fold.translit(words.get(words.size() - 1)));
        for (int i = 0; i < words.size() - 1; i++) given.add(Fold.translit(words.get(i)));
      }
      if (surnames.stream().allMatch(s -> s.length() < 3)) continue;
      persons.add(new Person(e.name(), surnames, given));
    }
    for (Person p : persons) {
      BitSet b = new BitSet();
      for (int i = 0; i < sentences.size(); i++) {
        for (String w : words(sentences.get(i).of(article))) {
          if (Character.isUpperCase(w.charAt(0)) && matchesAny(Fold.translit(w), p.surnames())) {
            b.set(i);
            break;
          }
        }
      }
      named.add(b);
    }
    Matcher m = WORD.matcher(article);
    while (m.find()) keys.add(Character.isUpperCase(m.group().charAt(0)) ? Fold.translit(m.group()) : "");
  }

  /** The findings for every statement of the answer. */
  List<Finding> check(Analysis a, List<String[]> statements) {
    List<Finding> out = new ArrayList<>();
    if (persons.isEmpty()) return out;
    List<Claim> claims = a.claims();
    for (String[] s : statements) {
      fullNames(out, s[0], s[1]);
      // A headline sums up the whole story, naming whom the article names anywhere.
      if (s[1] == null || s[1].isBlank() || s[0].equals("headline")) continue;
      // "X; Y" is two statements, each resting on its own claims.
      for (String part : s[1].split(";")) placed(out, s[0], s[1], part, claims);
    }
    for (int i = 0; i < claims.size(); i++) {
      Claim c = claims.get(i);
      String where = "claim " + (i + 1);
      fullNames(out, where, c.claim());
      fullNames(out, where + " attributed_to", c.attributedTo());
      BitSet window = window(c.grounding(), BEFORE, AFTER);
      BitSet own = window(c.grounding(), 0, 0);
      if (window == null || c.claim() == null) continue;
      Set<Integer> speakers = personsIn(c.attributedTo());
      Set<Integer> people = personsIn(c.claim());
      // Someone the quote's sentence names whom neither the claim nor its speaker does.
      Set<Integer> displaced = new LinkedHashSet<>();
      for (int p = 0; p < persons.size(); p++) {
        if (named.get(p).intersects(own) && !people.contains(p) && !speakers.contains(p)) displaced.add(p);
      }
      if (displaced.isEmpty()) continue;
      for (int p : people) {
        if (!speakers.contains(p) && !named.get(p).intersects(window)) {
          out.add(new Finding(where, c.claim(), Kind.NAME, surnameIn(c.claim(), p),
              "is not named in or near the quote's sentence, which names " + names(displaced)));
        }
      }
    }
    return out;
  }

  /**
   * A person a statement names must be named by the claims it restates or near their quotes, when
   * those claims name someone the statement does not (whom the person may stand in for).
   */
  private void placed(List<Finding> out, String where, String statement, String part, List<Claim> claims) {
    Set<Integer> people = personsIn(part);
    if (people.isEmpty()) return;
    List<Integer> support = Provenance.restatedClaims(part, claims, nameTerms(part));
    if (support.isEmpty()) return;
    BitSet window = new BitSet();
    Set<Integer> vouched = new HashSet<>();
    for (int n : support) {
      Claim c = claims.get(n - 1);
      BitSet w = window(c.grounding(), BEFORE, AFTER);
      if (w != null) window.or(w);
      vouched.addAll(personsIn(c.claim() + " " + c.attributedTo()));
    }
    Set<Integer> displaced = new LinkedHashSet<>(vouched);
    displaced.removeAll(people);
    if (displaced.isEmpty() || window.isEmpty()) return;
    for (int p : people) {
      if (!vouched.contains(p) && !named.get(p).intersects(window)) {
        out.add(new Finding(where, statement, Kind.NAME, surnameIn(part, p),
            "is not named where the claims it restates come from, which name " + names(displaced)));
      }
    }
  }

  /**
   * "Vladimir Peskov": one person's first name before another's surname, where the article never
   * writes the two together and no entity is so called.
   */
  private void fullNames(List<Finding> out, String where, String text) {
    if (text == null) return;
    List<String> w = new ArrayList<>();
    List<Integer> gaps = new ArrayList<>();
    Matcher m = WORD.matcher(text);
    int last = 0;
    while (m.find()) {
      w.add(m.group());
      gaps.add(m.start() - last);
      last = m.end();
    }
    for (int i = 0; i + 1 < w.size(); i++) {
      String first = w.get(i);
      String second = EnglishNames.clean(w.get(i + 1));
      if (!Character.isUpperCase(first.charAt(0)) || !Character.isUpperCase(second.charAt(0)) || gaps.get(i + 1) != 1) continue;
      if (first.endsWith("'s") || first.endsWith("’s")) continue;
      String f = Fold.translit(first);
      String s = Fold.translit(second);
      boolean someonesFirstName = false;
      boolean someonesSurname = false;
      boolean onePerson = false;
      for (Person p : persons) {
        boolean g = matchesAny(f, p.given());
        boolean n = matchesAny(s, p.surnames());
        someonesFirstName |= g;
        someonesSurname |= n;
        onePerson |= g && n;
      }
      if (someonesFirstName && someonesSurname && !onePerson && !writtenTogether(f, s)) {
        out.add(new Finding(where, text, Kind.NAME, first + " " + second, "is no person the article names"));
      }
    }
  }

  private boolean writtenTogether(String first, String second) {
    for (int i = 0; i + 1 < keys.size(); i++) {
      if (!keys.get(i).isEmpty() && matches(first, keys.get(i)) && !keys.get(i + 1).isEmpty() && matches(second, keys.get(i + 1))) return true;
    }
    return false;
  }

  /** The persons (indices) whose surname the English text writes. */
  private Set<Integer> personsIn(String text) {
    Set<Integer> out = new LinkedHashSet<>();
    if (text == null) return out;
    for (EnglishNames.Name n : EnglishNames.find("x " + text)) {
      for (String w : n.words()) {
        String k = Fold.translit(w);
        for (int p = 0; p < persons.size(); p++) {
          if (matchesAny(k, persons.get(p).surnames()) && !named.get(p).isEmpty()) out.add(p);
        }
      }
    }
    return out;
  }

  /** The statement's name words, left out when finding the claims it restates (a swapped name must not move them). */
  private Set<String> nameTerms(String text) {
    Set<String> out = new HashSet<>();
    for (EnglishNames.Name n : EnglishNames.find("x " + text)) {
      for (String w : n.words()) out.add(w.toLowerCase(Locale.ROOT));
    }
    return out;
  }

  private String surnameIn(String text, int p) {
    for (EnglishNames.Name n : EnglishNames.find("x " + text)) {
      for (String w : n.words()) {
        if (matchesAny(Fold.translit(w), persons.get(p).surnames())) return w;
      }
    }
    return persons.get(p).name();
  }

  private String names(Set<Integer> people) {
    List<String> out = new ArrayList<>();
    for (int p : people) out.add(persons.get(p).name());
    return String.join(", ", out);
  }

  /** The sentences in and around a grounded quote, or null when it was not found. */
  private BitSet window(Grounding g, int before, int after) {
    int[] spanned = Sentences.spanned(sentences, g, article.length());
    if (spanned == null) return null;
    BitSet b = new BitSet();
    b.set(Math.max(0, spanned[0] - before), Math.min(sentences.size(), spanned[1] + after + 1));
    return b;
  }

  private static boolean matchesAny(String key, Set<String> targets) {
    for (String t : targets) {
      if (matches(key, t)) return true;
    }
    return false;
  }

  /** Two translit keys of one name: equal, a German case ending apart (Putins), or a letter or two apart when long. */
  static boolean matches(String a, String b) {
    if (a.length() < 3 || b.length() < 3) return a.equals(b);
    if (a.equals(b)) return true;
    String shorter = a.length() <= b.length() ? a : b;
    String longer = a.length() <= b.length() ? b : a;
    if (shorter.length() >= 4 && longer.startsWith(shorter) && longer.length() - shorter.length() <= 2) return true;
    if (shorter.length() < 5) return false;
    int max = shorter.length() >= 7 ? 2 : 1;
    return Fold.distance(a, b, max) <= max;
  }

  private static List<String> words(String s) {
    List<String> out = new ArrayList<>();
    if (s == null) return out;
    Matcher m = WORD.matcher(s);
    while (m.find()) out.add(EnglishNames.clean(m.group()));
    return out;
  }
}
