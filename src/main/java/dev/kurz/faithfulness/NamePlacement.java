package dev.kurz.faithfulness;

import dev.kurz.faithfulness.Finding.Kind;
import dev.kurz.glossary.Glossary;
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
 * Whether each person, organisation and place a statement names is the one the article puts there,
 * not merely one the article names somewhere (the wrong minister, the other city): a full name must
 * be one person's, not one person's first name with another's surname; a name a claim writes must be
 * named in or near its quote's sentence when that sentence names another of the same kind (person,
 * organisation, place) whom the claim leaves out, and in that sentence itself unless the claim keeps
 * another of its kind from there or the sentence speaks of a person by a pronoun; a name a summary
 * sentence or key point writes must be written by, or named near the quotes of, the claims that
 * statement restates (found by the words they share, names left out) when those claims name another
 * of its kind. The named are the answer's entities, matched to the German by their surname (persons:
 * inflected or transliterated, Peskows, Selenskyj) or by the distinctive words of their English or
 * German form; whether a name is near a quote is also asked of the sentences around it as the
 * article check asks it of the article (exonyms, glossary). A statement whose source cannot be
 * placed is not judged. Immutable; built once per answer.
 */
final class NamePlacement {
  /** Sentences before and after a quote's sentence in which the names it speaks of may stand. */
  private static final int BEFORE = 3;
  private static final int AFTER = 1;
  private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{M}'’-]*");
  /** Third-person pronouns and possessives, by which a sentence speaks of someone named before. */
  private static final Pattern PRONOUN = Pattern.compile(
      "(?iu)\\b(?:er|sie|ihn|ihm|ihr|ihre[mnrs]?|sein|seine[mnrs]?|dessen|deren)\\b");
  /** Words of an entity's name that name nothing by themselves: roles, heads of bodies, function words. */
  private static final Set<String> GENERIC = generic();

  /**
   * One entity of the answer: its kind, translit keys of a person's surnames and first names, and
   * for others the distinctive words of each of its forms (all of them must stand for the form to).
   */
  private record Named(String name, String kind, Set<String> surnames, Set<String> given, List<Set<String>> forms) {
    boolean person() {
      return kind.equals("person");
    }
  }

  private final String article;
  private final List<Sentences.Span> sentences;
  private final List<Entity> entities;
  private final Glossary glossary;
  private final Set<String> lowerWords;
  private final List<Named> known = new ArrayList<>();
  /** For each entity, the sentences of the article that name it by a whole form (persons: by surname). */
  private final List<BitSet> named = new ArrayList<>();
  /** For each entity, the sentences that write any distinctive word of it: where it may be meant. */
  private final List<BitSet> touched = new ArrayList<>();
  /** Translit keys of the article's capitalised words, in order: for "First Last" as the article writes it. */
  private final List<String> keys = new ArrayList<>();

  NamePlacement(String article, List<Sentences.Span> sentences, List<Entity> entities, Glossary glossary,
      Set<String> lowerWords) {
    this.article = article;
    this.sentences = sentences;
    this.entities = List.copyOf(entities);
    this.glossary = glossary;
    this.lowerWords = Set.copyOf(lowerWords);
    for (Entity e : entities) {
      if (e.name() == null || kindOf(e.type()) == null) continue;
      Named n = named(e);
      if (n != null) known.add(n);
    }
    List<List<String>> sentenceKeys = new ArrayList<>();
    List<List<String>> capitalKeys = new ArrayList<>();
    for (Sentences.Span span : sentences) {
      List<String> all = new ArrayList<>();
      List<String> caps = new ArrayList<>();
      for (String w : words(span.of(article))) {
        // A double surname (Schock-Werner) as a whole, and each part of a compound (Max-Planck-Institut).
        if (w.contains("-") && Character.isUpperCase(w.charAt(0))) caps.add(Fold.translit(w));
        for (String part : w.split("-")) {
          if (part.isEmpty()) continue;
          all.add(Fold.translit(part));
          if (Character.isUpperCase(part.charAt(0))) caps.add(Fold.translit(part));
        }
      }
      sentenceKeys.add(all);
      capitalKeys.add(caps);
    }
    for (Named p : known) {
      BitSet whole = new BitSet();
      BitSet any = new BitSet();
      for (int i = 0; i < sentences.size(); i++) {
        if (p.person()) {
          for (String k : capitalKeys.get(i)) {
            if (matchesAny(k, p.surnames())) {
              whole.set(i);
              any.set(i);
              break;
            }
          }
          continue;
        }
        List<String> here = sentenceKeys.get(i);
        List<String> capitals = capitalKeys.get(i);
        for (Set<String> form : p.forms()) {
          if (form.stream().allMatch(w -> containsKey(here, w, false))) whole.set(i);
          // Lower-case words only as the form is spelt: "sollen" is no "Polen".
          if (form.stream().anyMatch(w -> containsKey(capitals, w, true) || containsKey(here, w, false))) any.set(i);
        }
      }
      named.add(whole);
      touched.add(any);
    }
    Matcher m = WORD.matcher(article);
    while (m.find()) keys.add(Character.isUpperCase(m.group().charAt(0)) ? Fold.translit(m.group()) : "");
  }

  /** Person, organisation or place; null for kinds not placed (events, other). */
  private static String kindOf(String type) {
    if (type == null) return null;
    return switch (type.toLowerCase(Locale.ROOT)) {
      case "person" -> "person";
      case "organization", "organisation" -> "organization";
      case "place", "location" -> "place";
      default -> null;
    };
  }

  private static Named named(Entity e) {
    String kind = kindOf(e.type());
    Set<String> surnames = new LinkedHashSet<>();
    Set<String> given = new LinkedHashSet<>();
    List<Set<String>> forms = new ArrayList<>();
    for (String form : new String[] {e.name(), e.original()}) {
      if (form == null) continue;
      if (kind.equals("person")) {
        List<String> words = words(form);
        if (words.isEmpty()) continue;
        surnames.add(Fold.translit(words.get(words.size() - 1)));
        for (int i = 0; i < words.size() - 1; i++) given.add(Fold.translit(words.get(i)));
        continue;
      }
      // "German Society for Hospital Hygiene (DGKH)": the short form in brackets is a form of its own.
      Matcher bracket = Pattern.compile("\\(([^)]*)\\)").matcher(form);
      while (bracket.find()) addForm(forms, bracket.group(1));
      addForm(forms, form.replaceAll("\\([^)]*\\)", " "));
    }
    if (kind.equals("person")) {
      if (surnames.stream().allMatch(s -> s.length() < 3)) return null;
      return new Named(e.name(), kind, surnames, given, List.of());
    }
    return forms.isEmpty() ? null : new Named(e.name(), kind, Set.of(), Set.of(), forms);
  }

  /**
   * The capitalised words of one form of a name, less generic ones (Bank, Institute, German) when
   * others remain: "Deutsche Bank" needs both its words, "Ifo Institute" only Ifo.
   */
  private static void addForm(List<Set<String>> forms, String form) {
    Set<String> all = new LinkedHashSet<>();
    Set<String> distinctive = new LinkedHashSet<>();
    for (String w : words(form)) {
      for (String part : w.split("-")) {
        if (part.length() < 2 || !Character.isUpperCase(part.charAt(0))) continue;
        String k = Fold.translit(part);
        all.add(k);
        if (!GENERIC.contains(Fold.plain(part))) distinctive.add(k);
      }
    }
    Set<String> chosen = distinctive.isEmpty() ? all : distinctive;
    if (!chosen.isEmpty() && !forms.contains(chosen)) forms.add(chosen);
  }

  private static Set<String> generic() {
    Set<String> out = new HashSet<>();
    for (Set<String> s : List.of(EnglishNames.NOT_NAMES, EnglishNames.TITLES, SourceNames.ORG_HEADS)) {
      for (String w : s) out.add(Fold.plain(w));
    }
    // Exonym keys are adjectives and regions as often as names (German, European, Federal, Central).
    for (String w : Exonyms.EN_DE.keySet()) out.add(Fold.plain(w));
    out.addAll(Set.of("der", "die", "das", "des", "den", "dem", "fur", "und", "von", "vom", "zur", "zum", "bundes",
        "deutsche", "deutscher", "deutschen", "landesamt", "landratsamt", "amt", "verband", "stiftung", "gesellschaft",
        "universitat", "klinikum", "zentrum", "ministerium", "kommission", "regierung", "partei", "gruppe", "stadt",
        "landkreis", "kreis", "gemeinde", "republik", "landes", "staats", "staatliche", "europaische"));
    return Set.copyOf(out);
  }

  /** The findings for every statement of the answer. */
  List<Finding> check(Analysis a, List<String[]> statements) {
    List<Finding> out = new ArrayList<>();
    if (known.isEmpty()) return out;
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
      Set<Integer> speakers = written(c.attributedTo(), true);
      Set<Integer> loose = written(c.claim(), true);
      // Someone the quote's sentence names whom neither the claim nor its speaker does.
      Set<Integer> displaced = new LinkedHashSet<>();
      for (int p = 0; p < known.size(); p++) {
        if (named.get(p).intersects(own) && !loose.contains(p) && !speakers.contains(p)) displaced.add(p);
      }
      if (displaced.isEmpty()) continue;
      Set<Integer> mentioned = written(c.claim(), false);
      for (int p : mentioned) {
        if (speakers.contains(p) || !sameKind(p, displaced)) continue;
        if (!nearby(p, window, c.claim())) {
          out.add(new Finding(where, c.claim(), Kind.NAME, nameIn(c.claim(), p),
              "is not named in or near the quote's sentence, which names " + names(ofKind(p, displaced))));
        } else if ((replaced(p, mentioned, own) || !referredTo(p, own)) && !nearby(p, own, c.claim())
            && !withItsFigure(p, c.claim(), window, own)) {
          out.add(new Finding(where, c.claim(), Kind.NAME, nameIn(c.claim(), p),
              "is not named in the quote's sentence, which names " + names(ofKind(p, displaced)) + " with the others"));
        }
      }
    }
    return out;
  }

  /**
   * A name a statement writes must be written by the claims it restates or named near their quotes,
   * when those claims name another of its kind that the statement does not (whom it may stand in for).
   */
  private void placed(List<Finding> out, String where, String statement, String part, List<Claim> claims) {
    Set<Integer> mentioned = written(part, false);
    if (mentioned.isEmpty()) return;
    List<Integer> support = Provenance.restatedClaims(part, claims, nameTerms(part));
    if (support.isEmpty()) return;
    BitSet window = new BitSet();
    Set<Integer> vouched = new HashSet<>();
    Set<Integer> vouchedLoose = new HashSet<>();
    BitSet own = new BitSet();
    for (int n : support) {
      Claim c = claims.get(n - 1);
      BitSet w = window(c.grounding(), BEFORE, AFTER);
      if (w != null) window.or(w);
      BitSet o = window(c.grounding(), 0, 0);
      if (o != null) own.or(o);
      vouched.addAll(written(c.claim() + " " + c.attributedTo(), false));
      vouchedLoose.addAll(written(c.claim() + " " + c.attributedTo(), true));
    }
    Set<Integer> displaced = new LinkedHashSet<>(vouched);
    displaced.removeAll(written(part, true));
    if (displaced.isEmpty() || window.isEmpty()) return;
    Set<Integer> kept = new HashSet<>(mentioned);
    kept.retainAll(vouched);
    for (int p : mentioned) {
      if (vouchedLoose.contains(p) || !sameKind(p, displaced)) continue;
      if (!nearby(p, window, part)) {
        out.add(new Finding(where, statement, Kind.NAME, nameIn(part, p),
            "is not named where the claims it restates come from, which name " + names(ofKind(p, displaced))));
      } else if (sameKind(p, kept) && !nearby(p, own, part)) {
        out.add(new Finding(where, statement, Kind.NAME, nameIn(part, p),
            "is not named by the claims it restates, which name " + names(ofKind(p, displaced)) + " with the others"));
      }
    }
  }

  /**
   * Whether an entity a text names may stand in the sentences of {@code window}: a sentence there
   * writes a distinctive word of it, or the words the text names it by are accounted for by those
   * sentences as the article check accounts for them (exonyms, glossary, inflection). An entity the
   * article never names is left to that check.
   */
  private boolean nearby(int p, BitSet window, String text) {
    if (touched.get(p).isEmpty() || touched.get(p).intersects(window)) return true;
    if (known.get(p).person()) return false;
    StringBuilder near = new StringBuilder();
    for (int i = window.nextSetBit(0); i >= 0; i = window.nextSetBit(i + 1)) {
      if (i < sentences.size()) near.append(sentences.get(i).of(article)).append('\n');
    }
    SourceNames local = new SourceNames(near.toString(), entities, glossary, "de", "en", lowerWords);
    for (EnglishNames.Name n : EnglishNames.find("x " + text, lowerWords)) {
      if (written(n.text(), false).contains(p) && local.unknown(n).isEmpty()) return true;
    }
    return false;
  }

  /**
   * A list restated with one item replaced: the text keeps another of this one's kind from the
   * quote's sentence, while this one stands only near it.
   */
  private boolean replaced(int p, Set<Integer> mentioned, BitSet own) {
    for (int q : mentioned) {
      if (q != p && known.get(q).kind().equals(known.get(p).kind()) && named.get(q).intersects(own)) return true;
    }
    return false;
  }

  private boolean sameKind(int p, Set<Integer> others) {
    return !ofKind(p, others).isEmpty();
  }

  private Set<Integer> ofKind(int p, Set<Integer> others) {
    Set<Integer> out = new LinkedHashSet<>();
    for (int o : others) if (known.get(o).kind().equals(known.get(p).kind())) out.add(o);
    return out;
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
      for (Named p : known) {
        if (!p.person()) continue;
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

  /**
   * The entities (indices) an English text writes: a person by surname, another by all the words of
   * one of its forms; {@code loose}: the text's lower-case words count too (the Czech border), for
   * telling whom a text leaves out.
   */
  private Set<Integer> written(String text, boolean loose) {
    Set<Integer> out = new LinkedHashSet<>();
    if (text == null) return out;
    List<String> nameKeys = new ArrayList<>();
    for (EnglishNames.Name n : EnglishNames.find("x " + text)) {
      for (String w : n.words()) nameKeys.add(Fold.translit(w));
    }
    List<String> all = new ArrayList<>();
    for (String w : words(text)) {
      for (String part : w.split("-")) {
        if (part.isEmpty()) continue;
        if (loose || Character.isUpperCase(part.charAt(0))) all.add(Fold.translit(part));
      }
    }
    for (int p = 0; p < known.size(); p++) {
      Named e = known.get(p);
      if (named.get(p).isEmpty() && touched.get(p).isEmpty()) continue;
      if (e.person()) {
        for (String k : nameKeys) if (matchesAny(k, e.surnames())) out.add(p);
        continue;
      }
      for (Set<String> form : e.forms()) {
        if (form.stream().allMatch(w -> containsKey(all, w, loose))) out.add(p);
      }
    }
    return out;
  }

  /**
   * Whether one of {@code keys} writes a form's word: {@code fuzzy}, as {@link #matches} allows;
   * otherwise the same or with a case ending (Dänemarks), since "Austria" is not "Australia".
   */
  private static boolean containsKey(List<String> keys, String key, boolean fuzzy) {
    for (String k : keys) {
      if (fuzzy ? matches(k, key) : k.equals(key) || key.length() >= 4 && k.startsWith(key) && k.length() - key.length() <= 2) {
        return true;
      }
    }
    return false;
  }

  /** The statement's name words, left out when finding the claims it restates (a swapped name must not move them). */
  private Set<String> nameTerms(String text) {
    Set<String> out = new HashSet<>();
    for (EnglishNames.Name n : EnglishNames.find("x " + text)) {
      for (String w : n.words()) out.add(w.toLowerCase(Locale.ROOT));
    }
    return out;
  }

  /** The words a text names an entity by: a person's surname, or the name run that writes it. */
  private String nameIn(String text, int p) {
    for (EnglishNames.Name n : EnglishNames.find("x " + text)) {
      if (known.get(p).person()) {
        for (String w : n.words()) {
          if (matchesAny(Fold.translit(w), known.get(p).surnames())) return w;
        }
      } else if (written(n.text(), false).contains(p)) {
        return String.join(" ", n.words());
      }
    }
    return known.get(p).name();
  }

  private String names(Set<Integer> people) {
    List<String> out = new ArrayList<>();
    for (int p : people) out.add(known.get(p).name());
    return String.join(", ", out);
  }

  /**
   * Whether the quote's own sentence may speak of person {@code p} without naming them, by a
   * pronoun ("in Wien ließ sie sich hypnotisieren", "deren Geschäftsführer"): then the claim may
   * name them from the sentences before. Places and organisations are named where they are meant.
   */
  private boolean referredTo(int p, BitSet own) {
    if (!known.get(p).person()) return false;
    for (int i = own.nextSetBit(0); i >= 0 && i < sentences.size(); i = own.nextSetBit(i + 1)) {
      if (PRONOUN.matcher(sentences.get(i).of(article)).find()) return true;
    }
    return false;
  }

  /**
   * Whether a sentence near the quote's names the entity together with a figure of the claim that
   * the quote's own sentence lacks: the claim took both from there ("Gauting has 116 infections and
   * Starnberg 89" for a quote naming "die Kreisstadt", the next sentence listing "Starnberg 89").
   */
  private boolean withItsFigure(int p, String claim, BitSet window, BitSet own) {
    List<EnglishQuantities.Mention> figures = EnglishQuantities.read(claim);
    if (figures.isEmpty()) return false;
    StringBuilder ownText = new StringBuilder();
    for (int i = own.nextSetBit(0); i >= 0; i = own.nextSetBit(i + 1)) ownText.append(sentences.get(i).of(article)).append('\n');
    GermanFacts ownFacts = GermanFacts.ofSentence(ownText.toString(), null);
    List<EnglishQuantities.Mention> elsewhere = figures.stream().filter(m -> !ownFacts.bears(m)).toList();
    if (elsewhere.isEmpty()) return false;
    for (int i = window.nextSetBit(0); i >= 0 && i < sentences.size(); i = window.nextSetBit(i + 1)) {
      // touched holds every sentence named does
      if (own.get(i) || !touched.get(p).get(i)) continue;
      GermanFacts facts = GermanFacts.ofSentence(sentences.get(i).of(article), null);
      if (elsewhere.stream().anyMatch(facts::bears)) return true;
    }
    return false;
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
