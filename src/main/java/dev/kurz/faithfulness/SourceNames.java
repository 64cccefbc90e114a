package dev.kurz.faithfulness;

import dev.kurz.glossary.Glossary;
import dev.kurz.model.Entity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a capitalised English word names something the German text names: the same word
 * (Reuters, Sullivan), an inflected or compounded German form (Putins, Kremlchef for Kremlin,
 * russische for Russian), a transliteration (Peskov for Peskow, Zelensky for Selenskyj), the English
 * form of a glossary entry or of an entity whose German form the text contains, or a common exonym
 * (Germany for Deutschland). Built once per text; immutable.
 */
final class SourceNames {
  private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{M}]*");

  /** Folded words of the text. */
  private final Set<String> words = new HashSet<>();
  /** Transliteration keys of the text's capitalised words, for the fuzzy match. */
  private final List<String> keys = new ArrayList<>();
  /** English words vouched for by a glossary entry, entity or exonym whose German form the text has. */
  private final Set<String> vouched = new HashSet<>();
  /** The whole text folded, for exonyms that stand inside compounds (Sicherheitsrat). */
  private final String folded;

  /** Folded words the text writes capitalised, and in lower case: a surname is the one, never the other. */
  private final Set<String> capitalised = new HashSet<>();
  private final Set<String> lowerCase = new HashSet<>();

  /** Words the English answer writes in lower case: never taken for names. */
  private final Set<String> lowerWords;

  /** {@link Exonyms#EN_DE} with the German forms folded ({@link Fold#plain}), once. */
  private static final Map<String, List<String>> FOLDED_EXONYMS = Exonyms.EN_DE.entrySet().stream()
      .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey,
          e -> e.getValue().stream().map(Fold::plain).toList()));

  /** Folded labels of the outlet's web address ("tagesspiegel", "sueddeutsche" also as "suddeutsche"). */
  private final Set<String> outletLabels = new HashSet<>();

  /** The names of a passage of the article (a quote's sentences). */
  SourceNames(String german, List<Entity> entities, Glossary glossary, String from, String to, Set<String> lowerWords) {
    this(german, entities, glossary, from, to, lowerWords, List.of(), false);
  }

  /**
   * The names of a whole article as published. {@code outlet}: what is known of the outlet that
   * published it, its site name ("Süddeutsche Zeitung") or its host ("tagesspiegel.de"): an answer
   * may name the outlet the article appeared in, the outlet's country (by its domain) and the
   * language the article is written in, which it may name as the readers' ("German latitudes" for
   * "unseren Breiten"; the prompt names the language too).
   */
  SourceNames(String german, List<Entity> entities, Glossary glossary, String from, String to, Set<String> lowerWords,
      List<String> outlet) {
    this(german, entities, glossary, from, to, lowerWords, outlet, true);
  }

  private SourceNames(String german, List<Entity> entities, Glossary glossary, String from, String to,
      Set<String> lowerWords, List<String> outlet, boolean published) {
    this.lowerWords = Set.copyOf(lowerWords);
    for (String o : outlet) outlet(o);
    if (published && from != null && !from.isBlank()) vouch(Locale.forLanguageTag(from).getDisplayLanguage(Locale.ENGLISH));
    folded = Fold.plain(german);
    Matcher m = WORD.matcher(german);
    Set<String> seenKeys = new HashSet<>();
    StringBuilder[] initials = {new StringBuilder(), new StringBuilder()};
    int lastEnd = 0;
    while (m.find()) {
      String w = m.group();
      initials(initials, german.substring(lastEnd, m.start()), w);
      lastEnd = m.end();
      String plain = Fold.plain(w);
      words.add(plain);
      (Character.isUpperCase(w.charAt(0)) ? capitalised : lowerCase).add(plain);
      humps(w);
      if (Character.isUpperCase(w.charAt(0)) && w.length() >= 3) {
        String k = Fold.translit(w);
        if (seenKeys.add(k)) keys.add(k);
      }
    }
    for (Glossary.Entry e : glossary.entriesIn(german, from, to)) vouch(e.target());
    for (Entity e : entities) {
      if (e.original() != null && e.name() != null && originalInText(e.original())) vouch(e.name());
    }
    long[] quads = quadgrams(folded);
    for (var e : FOLDED_EXONYMS.entrySet()) {
      for (String f : e.getValue()) {
        if (f.length() >= 4 ? mayContain(quads, f) && folded.contains(f) : words.contains(f) || opensCompound(f)) {
          vouch(e.getKey());
          break;
        }
      }
    }
  }

  /**
   * Short forms a name's initials make, "DFL" for Deutsche Fußball-Liga, "BfS" for Bundesamt für
   * Strahlenschutz: the initials of each run of three or four capitalised words (hyphen parts too;
   * function words between them skipped, or giving their letter), added as words of the text.
   * {@code runs} holds the current run's initials without and with the function words'.
   */
  private void initials(StringBuilder[] runs, String gap, String w) {
    if (!(gap.isBlank() || gap.strip().equals("-"))) for (StringBuilder r : runs) r.setLength(0);
    if (!Character.isUpperCase(w.charAt(0))) {
      if (JOINERS.contains(w)) {
        runs[1].append(w.charAt(0));
      } else {
        for (StringBuilder r : runs) r.setLength(0);
      }
      return;
    }
    for (StringBuilder r : runs) {
      r.append(Character.toLowerCase(w.charAt(0)));
      for (int n = 3; n <= 4 && n <= r.length(); n++) words.add(Fold.plain(r.substring(r.length() - n)));
    }
  }

  /** Function words inside a body's name: "Bundesagentur für Arbeit", "Bank für Wiederaufbau und Entwicklung". */
  private static final Set<String> JOINERS = Set.of("für", "und", "der", "des", "von", "vom", "zur", "zum", "im", "am");

  /**
   * Whether a short German form opens a capitalised compound of the text with a word of its own
   * after it: "Ost" in Osteuropa, "Rat" in Ratsmitglieder; not a short word's mere start.
   */
  private boolean opensCompound(String f) {
    for (String w : capitalised) if (w.length() >= f.length() + 4 && w.startsWith(f)) return true;
    return false;
  }

  /**
   * The four-character windows of a text, hashed into bits: a string whose first four characters
   * hash to a bit not set is not in the text, so most exonyms are ruled out without a search.
   */
  private static long[] quadgrams(String text) {
    long[] bits = new long[Math.max(4, Integer.highestOneBit(Math.max(1, text.length())) >> 3)];
    for (int i = 0; i + 4 <= text.length(); i++) {
      int h = quadHash(text, i, bits.length);
      bits[h >>> 6] |= 1L << h;
    }
    return bits;
  }

  private static boolean mayContain(long[] quads, String f) {
    int h = quadHash(f, 0, quads.length);
    return (quads[h >>> 6] & 1L << h) != 0;
  }

  /** A hash of the four characters at {@code i}, below {@code words * 64}. */
  private static int quadHash(String s, int i, int words) {
    int h = ((s.charAt(i) * 31 + s.charAt(i + 1)) * 31 + s.charAt(i + 2)) * 31 + s.charAt(i + 3);
    h *= 0x9E3779B9;
    return (h ^ h >>> 16) & (words * 64 - 1);
  }

  /**
   * The parts of a word with capitals inside: words glued by a scraper
   * ("GeneralsekretärAntónio") and camel-case names ("GlaxoSmithKline"), whose initials are their
   * usual short form (GSK).
   */
  private void humps(String w) {
    List<String> parts = new ArrayList<>();
    int start = 0;
    for (int i = 1; i < w.length(); i++) {
      if (Character.isUpperCase(w.charAt(i)) && Character.isLowerCase(w.charAt(i - 1))) {
        parts.add(w.substring(start, i));
        start = i;
      }
    }
    if (parts.isEmpty()) return;
    parts.add(w.substring(start));
    StringBuilder initials = new StringBuilder();
    for (String p : parts) {
      words.add(Fold.plain(p));
      if (Character.isUpperCase(p.charAt(0)) && p.length() >= 3) {
        String k = Fold.translit(p);
        if (!keys.contains(k)) keys.add(k);
      }
      initials.append(p.charAt(0));
    }
    if (parts.size() >= 2) words.add(Fold.plain(initials.toString()));
  }

  /** Vouches for a site name's words, or for a host's labels but the top-level domain. */
  private void outlet(String o) {
    if (o == null || o.isBlank()) return;
    if (!o.contains(".") || o.contains(" ")) {
      vouch(o);
      return;
    }
    String[] labels = o.toLowerCase(java.util.Locale.ROOT).split("\\.");
    // A country's domain ("tagesspiegel.de"): the outlet's country, the article's "hierzulande".
    String tld = labels[labels.length - 1];
    if (tld.length() == 2) {
      String country = Locale.of("", tld).getDisplayCountry(Locale.ENGLISH);
      if (!country.equalsIgnoreCase(tld)) vouch(country);
    }
    for (int i = 0; i < labels.length - 1; i++) {
      String l = labels[i];
      if (l.length() < 2 || l.equals("www") || l.equals("m")) continue;
      // A host writes umlauts out: "sueddeutsche" for Süddeutsche.
      for (String form : List.of(l, l.replace("ae", "a").replace("oe", "o").replace("ue", "u"))) {
        outletLabels.add(form);
        vouched.add(form);
      }
    }
  }

  private void vouch(String english) {
    Matcher m = WORD.matcher(english);
    while (m.find()) vouched.add(Fold.plain(m.group()));
  }

  /** An entity's German form is in the text when its distinctive words are (each at least as a prefix). */
  private boolean originalInText(String original) {
    Matcher m = WORD.matcher(original);
    boolean any = false;
    while (m.find()) {
      String w = m.group();
      if (w.length() < 2) continue;
      if (!Character.isUpperCase(w.charAt(0)) && w.length() < 4) continue;
      if (!has(w)) return false;
      any = true;
    }
    return any;
  }

  /** Whether the text has this word, inflected, compounded or transliterated. */
  boolean has(String word) {
    String f = Fold.plain(word);
    if (f.length() < 2) return true;
    if (words.contains(f)) return true;
    if (f.length() <= 3) {
      // Short forms (EU, UN, CIA) only as words or compound parts: "US-Beamte".
      return false;
    }
    for (String w : words) {
      int p = Fold.commonPrefix(f, w);
      if (p >= 4 && p >= f.length() - 3 && (p >= 0.6 * f.length())) return true;
    }
    String k = Fold.translit(word);
    int max = k.length() >= 7 ? 2 : 1;
    for (String key : keys) {
      if (key.length() < 4) continue;
      if (Fold.distance(k, key, max) <= max) return true;
      // A German genitive or case ending on a transliterated name: Peskows.
      if (key.length() > k.length() && key.startsWith(k) && key.length() - k.length() <= 2 && k.length() >= 4) return true;
    }
    return false;
  }

  /** Whether a capitalised word of the text is a compound ending in this English word. */
  private boolean endsACompound(String englishWord) {
    String k = Fold.translit(englishWord);
    if (k.length() < 5) return false;
    for (String key : keys) if (endsCompound(key, k)) return true;
    return false;
  }

  /**
   * Whether a German compound's key ends in the English word's, a letter apart at most, with a word
   * of its own before it: "Garden" in Rosengarten, "Didactics" in Medizindidaktik (a plural -s off).
   */
  private static boolean endsCompound(String compound, String english) {
    String e = english.endsWith("s") ? english.substring(0, english.length() - 1) : english;
    if (e.length() < 5 || compound.length() < e.length() + 4) return false;
    for (int ending = 0; ending <= 2 && compound.length() - ending - e.length() >= 4; ending++) {
      int end = compound.length() - ending;
      if (Fold.distance(compound.substring(end - e.length(), end), e, 1) <= 1) return true;
    }
    return false;
  }

  Set<String> lowerWords() {
    return lowerWords;
  }

  /**
   * The words of an English name the text does not account for. A person's given names are not
   * needed when the text has the surname, as German news often writes a known person by surname or
   * title alone ("Kanzlerin Merkel" for Chancellor Angela Merkel): words before an accounted-for
   * last word, each written like a given name or an initial, are left out; the surname still has
   * to be the article's, so an invented person (another surname) is still reported.
   */
  List<String> unknown(EnglishNames.Name name) {
    List<String> parts = name.words();
    List<String> out = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      String w = parts.get(i);
      // "Rose Garden" for Rosengarten: a compound rendered word by word, its first part accounted for.
      if (!accounts(w) && !(i > 0 && accounts(parts.get(i - 1)) && endsACompound(w))) out.add(w);
    }
    if (out.isEmpty() || parts.size() < 2) return out;
    // "Süddeutsche Zeitung" where the article comes from sueddeutsche.de: the outlet's kind of paper.
    if (parts.stream().anyMatch(w -> outletLabels.contains(Fold.plain(w)))) {
      out.removeIf(w -> ORG_HEADS.contains(w.toLowerCase(java.util.Locale.ROOT)));
      if (out.isEmpty()) return out;
    }
    // "Left Party" for die Linke, "Audit Chamber" for Rechnungshof: the kind of body, which a translation
    // adds or renders freely, needs no counterpart where the name's own words have one.
    if (parts.stream().anyMatch(w -> !out.contains(w) && !BODY_KINDS.contains(w.toLowerCase(java.util.Locale.ROOT)))) {
      out.removeIf(w -> BODY_KINDS.contains(w.toLowerCase(java.util.Locale.ROOT)));
      if (out.isEmpty()) return out;
    }
    String last = parts.get(parts.size() - 1);
    if (out.contains(last) || !name.text().endsWith(last) || ORG_HEADS.contains(last.toLowerCase(java.util.Locale.ROOT))) return out;
    // The surname as the text writes it (or its genitive), never an ordinary word (lange, Heil and heil).
    String f = Fold.plain(last);
    if (f.length() < 3 || lowerCase.contains(f) || !(capitalised.contains(f) || capitalised.contains(f + "s"))) return out;
    for (String w : out) if (!GIVEN.matcher(w).matches()) return out;
    return List.of();
  }

  /**
   * The rest of a name's run of words (capitalised words and the small words inside a body's name)
   * and the bracket that follows it: "German Association of Research-Based Pharmaceutical Companies (vfa)".
   */
  private static final Pattern GLOSS_AFTER = Pattern.compile(
      "^((?:\\s+(?:of|and|for|the|de|du|des|\\p{Lu}[\\p{L}\\p{M}'’\\-]*))*)['’\"”]?\\s*\\(([^()]{1,80})\\)");
  /** The start of a name's run of words before it. */
  private static final Pattern RUN_START = Pattern.compile(
      "((?:(?:\\p{Lu}[\\p{L}\\p{M}'’\\-]*|of|and|for|the|de|du|des)\\s+)*)$");
  /** The capitalised run that ends just before a bracket. */
  private static final Pattern RUN_BEFORE = Pattern.compile(
      "((?:\\p{Lu}[\\p{L}\\p{M}'’\\-]*\\s+)*\\p{Lu}[\\p{L}\\p{M}'’\\-]*)\\s*$");
  private static final Pattern GLOSS_WORD = Pattern.compile("\\p{L}[\\p{L}\\p{M}'’\\-]*");
  private static final Set<String> NAME_JOINERS = Set.of("of", "and", "for", "the", "de", "du", "des");

  /**
   * Whether the name of a body, work or nickname is an English rendering set beside the article's
   * own words in brackets, as a careful translation writes it: "Museum of European and
   * Mediterranean Civilisations (MuCEM)", "Laschet the Loose ('Laschet, der Lockere')"; or the
   * rendering in brackets after them, "Bundesanwaltschaft (Federal Prosecutor's Office)". The
   * bracket's words must all be the article's. A person's name is no rendering: "Olaf Scholz (SPD)"
   * is checked as always.
   */
  boolean glossed(String text, String name) {
    for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
      Matcher after = GLOSS_AFTER.matcher(text.substring(at + name.length()));
      Matcher start = RUN_START.matcher(text.substring(Math.max(0, at - 120), at));
      String run = (start.find() ? start.group(1) : "") + name;
      // A short form in brackets after a run is an affiliation ("Helge Braun (CDU)") unless the run names a body.
      if (after.find()) {
        boolean shortForm = after.group(2).strip().length() <= 5;
        if (bodyLike(run + after.group(1), !shortForm) && articleWords(after.group(2))) return true;
      }
      int open = text.lastIndexOf('(', at);
      int close = text.indexOf(')', at);
      if (open < 0 || close < 0 || text.lastIndexOf(')', at) > open || !bodyLike(text.substring(open + 1, close), true)) {
        continue;
      }
      Matcher before = RUN_BEFORE.matcher(text.substring(0, open));
      if (before.find() && articleWords(before.group(1))) return true;
    }
    return false;
  }

  /**
   * A run of words with a body's word in it ("office", "museum"), or with {@code joiners} a small
   * joining word ("of", "the").
   */
  private static boolean bodyLike(String run, boolean joiners) {
    Matcher w = GLOSS_WORD.matcher(run);
    while (w.find()) {
      String word = w.group().toLowerCase(java.util.Locale.ROOT);
      if (word.endsWith("'s") || word.endsWith("’s")) word = word.substring(0, word.length() - 2);
      if (joiners && NAME_JOINERS.contains(word) || ORG_HEADS.contains(word)) return true;
    }
    return false;
  }

  /** Whether every word of a bracket's text is the article's. */
  private boolean articleWords(String words) {
    Matcher w = GLOSS_WORD.matcher(words);
    int count = 0;
    while (w.find()) {
      if (!has(w.group())) return false;
      count++;
    }
    return count > 0;
  }

  /** Last words of organisation and place names: "Robert Koch Institute" is no person named Institute. */
  static final Set<String> ORG_HEADS = Set.of("institute", "institut", "centre", "center", "university",
      "foundation", "society", "museum", "hospital", "clinic", "clinics", "company", "group", "bank", "prize", "award",
      "school", "academy", "agency", "association", "council", "office", "party", "union", "club", "church",
      "theatre", "theater", "orchestra", "festival", "fund", "trust", "corporation", "airport", "station", "street",
      "square", "park", "bridge", "river", "lake", "island", "islands", "mountains", "city", "county", "district",
      "state", "region", "court", "ministry", "department", "commission", "committee", "network", "alliance",
      "federation", "league", "cup", "times", "news", "post", "journal", "magazine", "zeitung", "online", "tv",
      "radio", "press", "service", "services", "authority", "board", "chamber", "senate", "parliament",
      "assembly", "house", "hall", "palace", "gallery", "library", "laboratory", "lab", "research", "sciences");

  /** Words for the kind of a body, not its name (unlike a paper's "Times" or a place's "Street"). */
  private static final Set<String> BODY_KINDS = Set.of("party", "association", "chamber", "institute", "office",
      "agency", "council", "committee", "commission", "federation", "society", "foundation", "authority", "ministry",
      "department", "union", "group", "company", "league", "board", "academy");

  private static final Pattern GIVEN = Pattern.compile("\\p{Lu}(\\p{Ll}+|\\.?)");

  /** Whether an English word is accounted for by the text. */
  boolean accounts(String englishWord) {
    String f = Fold.plain(englishWord);
    if (vouched.contains(f) || has(englishWord)) return true;
    // "UniCredit" for Uni-Credit: each part on its own.
    List<String> humps = List.of(englishWord.split("(?<=\\p{Ll})(?=\\p{Lu})"));
    if (humps.size() > 1 && humps.stream().allMatch(h -> h.length() >= 2 && (vouched.contains(Fold.plain(h)) || has(h)))) return true;
    // An English plural or demonym ending: "Tajiks" for Tadschiken, "Bavarians" for the exonym Bavarian.
    if (f.length() < 5 || !f.endsWith("s")) return false;
    String singular = englishWord.substring(0, englishWord.length() - 1);
    return vouched.contains(Fold.plain(singular)) || has(singular);
  }

}
