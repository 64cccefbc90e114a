package dev.kurz.faithfulness;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names in one English sentence: runs of capitalised words, less titles, months, weekdays
 * and the like. A capitalised word that opens the sentence counts only when something marks it
 * as a name (a capitalised word after it, a possessive, or a verb of saying or doing after it:
 * "Lavrov said"), since most sentence-initial words are ordinary words. Stateless.
 */
final class EnglishNames {
  private EnglishNames() {}

  /** A run of name words; {@code words} are the parts to look up, possessives and hyphens taken off. */
  record Name(String text, List<String> words) {}

  private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N}'’.\\-]*");

  static final Set<String> NOT_NAMES = set(
      "i", "the", "a", "an", "of", "and", "mr", "mrs", "ms", "dr", "prof", "president", "vice", "prime", "minister",
      "ministers", "chancellor", "secretary", "spokesman", "spokeswoman", "spokesperson", "adviser", "advisor",
      "envoy", "director", "general", "chief", "commander", "deputy", "senator", "governor", "mayor", "ambassador",
      "special", "representative", "head", "leader", "king", "queen", "pope", "prince", "princess", "sir", "lord",
      "lady", "chairman", "chairwoman", "chair", "premier", "state", "national", "ministry", "department",
      "government", "agency", "committee", "office", "news", "times", "post", "ii", "iii", "iv", "track", "am", "pm",
      "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
      "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mondays",
      "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays", "jan", "feb", "mar", "apr", "jun",
      "jul", "aug", "sep", "sept", "oct", "nov", "dec", "ok", "okay", "tv", "ceo", "ceos", "covid", "internet", "god", "celsius", "fahrenheit",
      "parliamentary", "foreign", "affairs", "international", "public", "republic", "democratic", "federal",
      "supreme", "high", "upper", "lower", "new", "old", "former", "acting", "interim", "first", "lady",
      // occupations, capitalised where they open a sentence: "Actress and singer Rita Wilson"
      "actor", "actress", "singer", "author", "writer", "journalist", "artist", "musician", "director", "producer",
      "player", "coach", "doctor", "nurse", "scientist", "researcher", "lawyer", "judge", "teacher", "student",
      // more roles and titles: "Archbishop Heiner Koch", "Conductor Christopher Franklin", "Act 1"
      "archbishop", "bishop", "cardinal", "pastor", "reverend", "rabbi", "imam", "professor", "conductor",
      "composer", "pianist", "virologist", "epidemiologist", "economist", "historian", "philosopher", "psychologist",
      "chapter", "act", "part", "volume", "episode", "season", "article", "section", "paragraph",
      // currency codes, which stand for the article's "Euro", "Dollar", "Franken": "EUR 50 million"
      "eur", "usd", "gbp", "chf", "jpy", "cny", "rmb", "sek", "nok", "dkk", "pln", "czk", "huf", "rub", "inr",
      "aud", "cad", "nzd", "brl", "mxn", "zar", "krw", "hkd", "sgd");

  /** Sentence starters that are never names, even before a capitalised word or a verb. */
  private static final Set<String> STARTERS = set(
      "the", "a", "an", "in", "on", "at", "of", "for", "to", "from", "by", "with", "after", "before", "during",
      "since", "until", "while", "when", "where", "why", "how", "what", "who", "which", "that", "this", "these",
      "those", "there", "here", "it", "its", "he", "she", "they", "we", "you", "his", "her", "their", "our", "my",
      "your", "but", "and", "or", "so", "yet", "nor", "also", "however", "meanwhile", "moreover", "still",
      "instead", "thus", "then", "now", "today", "yesterday", "tomorrow", "both", "all", "some", "many", "most",
      "several", "few", "each", "every", "another", "other", "such", "no", "not", "only", "even", "just",
      "according", "under", "over", "between", "among", "against", "despite", "although", "though", "because",
      "if", "unless", "as", "about", "around", "nearly", "almost", "more", "less", "up", "into", "through",
      "without", "within", "along", "across", "once", "one", "two", "three", "four", "five", "six", "seven",
      "eight", "nine", "ten", "earlier", "later", "last", "next", "first", "second", "new", "former", "current",
      "senior", "top", "local", "police", "media", "talks", "negotiations", "officials", "critics", "analysts",
      "experts", "observers", "sources", "residents", "citizens", "people", "troops", "soldiers", "forces",
      "authorities", "leaders", "diplomats", "witnesses", "investigators", "prosecutors", "researchers",
      "government", "intermediaries", "insiders", "reports", "report", "kyiv's", "washington's", "none", "nobody",
      "nothing", "neither", "either", "whether", "let", "given", "amid", "following", "ahead", "further", "again",
      "unlike", "like", "rather", "nevertheless", "nonetheless", "therefore", "hence", "indeed", "overall",
      "together", "separately", "elsewhere", "otherwise", "already", "recently", "previously", "initially",
      "finally", "eventually", "currently", "officially", "reportedly", "allegedly", "apparently", "publicly",
      "privately", "any", "much", "anyone", "everyone", "someone", "whoever", "whatever", "those", "sanctions",
      "fighting", "peace", "war", "ukraine's", "russia's", "military", "economic", "political");

  /** Function words: capitalised inside a sentence only after an abbreviation's dot or in a title. */
  private static final Set<String> FUNCTION = set(
      "the", "a", "an", "in", "on", "at", "of", "for", "to", "from", "by", "with", "after", "before", "during",
      "since", "until", "while", "when", "where", "but", "and", "or", "so", "this", "that", "these", "those", "it",
      "he", "she", "they", "we", "there", "its", "his", "her", "their", "as", "if", "about", "under", "over");

  /**
   * Words after a sentence-initial name that mark it as one: "Lavrov said", "Merz has". Not modal
   * verbs nor "also": "Output will", "Applause also came" open with ordinary nouns.
   */
  private static final Set<String> NAME_VERBS = set(
      "said", "says", "say", "told", "tells", "called", "calls", "denied", "denies", "rejected", "rejects",
      "warned", "warns", "demanded", "demands", "accused", "accuses", "claimed", "claims", "stated", "states",
      "added", "adds", "announced", "announces", "insisted", "insists", "argued", "argues", "wrote", "writes",
      "reported", "reports", "confirmed", "confirms", "wants", "wanted", "is", "was", "has", "had", "and", "met", "meets", "visited", "visits",
      "criticized", "criticised", "criticizes", "criticises", "expects", "expected", "believes", "believed",
      "sees", "saw", "offered", "offers", "proposed", "proposes", "refused", "refuses", "declined", "declines",
      "plans", "planned", "urged", "urges", "signed", "signs", "pledged", "pledges", "promised", "promises",
      "threatened", "threatens", "reportedly", "allegedly", "spoke", "speaks", "described", "describes",
      "admitted", "admits", "dismissed", "dismisses", "suggested", "suggests", "explained", "explains",
      "stressed", "stresses", "emphasized", "emphasised", "noted", "notes", "agreed", "agrees", "asked", "asks",
      "sent", "sends", "received", "receives", "won", "wins", "leads", "led");

  /** Titles after which the word before is a modifier, not a name: "Transport Minister", "Defence Secretary". */
  static final Set<String> TITLES = set("minister", "secretary", "spokesman", "spokeswoman", "spokesperson",
      "president", "chancellor", "adviser", "advisor", "envoy", "director", "governor", "mayor", "ambassador",
      "commissioner", "negotiator", "chief", "commander", "chairman", "chairwoman", "chair", "leader", "head",
      "officer", "official", "correspondent", "editor", "councillor", "senator", "mp", "mps", "mep", "meps",
      "commissioner", "lawmaker", "gp", "gps");

  static List<Name> find(String sentence) {
    return find(sentence, Set.of());
  }

  /** Between two tokens, what opens a sentence or clause: a colon, quote or bracket, or a sentence end (no line break in either). */
  private static final Pattern OPENS = Pattern.compile(".*[:;\"“”‘«»(—–].*");
  private static final Pattern ENDS = Pattern.compile(".*[.!?]\\s.*");
  private static final Pattern HYPHEN = Pattern.compile("[\\-‑]");
  private static final Pattern DIGIT = Pattern.compile(".*\\p{N}.*");

  /**
   * The names of a sentence; a word in {@code lowerWords} (words the answer also writes in lower
   * case: "throughput") is an ordinary word wherever it stands capitalised.
   */
  static List<Name> find(String sentence, Set<String> lowerWords) {
    List<String> raw = new ArrayList<>();
    List<Boolean> starts = new ArrayList<>();
    List<String> gaps = new ArrayList<>();
    List<Integer> ends = new ArrayList<>();
    Matcher m = TOKEN.matcher(sentence);
    boolean atStart = true;
    int lastEnd = 0;
    while (m.find()) {
      String between = sentence.substring(lastEnd, m.start());
      if (OPENS.matcher(between).matches() || ENDS.matcher(between).matches()) atStart = true;
      if (between.contains("'") && between.strip().equals("'")) atStart = true;
      // A sentence end the token kept ("ago." before "Since then"), not an initial ("B.") or "U.S.".
      if (!raw.isEmpty() && !between.isEmpty() && endsSentence(raw.get(raw.size() - 1))) atStart = true;
      raw.add(m.group());
      gaps.add(between);
      starts.add(atStart);
      atStart = false;
      lastEnd = m.end();
      ends.add(lastEnd);
    }
    List<Name> out = new ArrayList<>();
    int i = 0;
    while (i < raw.size()) {
      String t = clean(raw.get(i));
      if (!capitalised(t)) {
        i++;
        continue;
      }
      int opened = i;
      // "Under Putin's proposal", "If Russia", "The United States": the opener is not part of the name.
      if (starts.get(i) && i + 1 < raw.size() && !starts.get(i + 1) && capitalised(clean(raw.get(i + 1)))
          && isCommonOpener(t)) {
        i++;
        starts.set(i, false);
      }
      int first = i;
      List<String> words = new ArrayList<>();
      StringBuilder text = new StringBuilder();
      // A name runs over spaces and hyphens, not commas: "Henrik Landerholm, Sweden's adviser" is two.
      while (i < raw.size() && (i == first || !starts.get(i) && gaps.get(i).isBlank()) && capitalised(clean(raw.get(i)))) {
        String w = clean(raw.get(i));
        if (text.length() > 0) text.append(' ');
        text.append(w);
        boolean modifier = modifiesTitle(raw, gaps, starts, i);
        for (String part : HYPHEN.split(w)) {
          String lower = part.toLowerCase(Locale.ROOT);
          // A word with a digit is a code or a number (N95, FFP2, Covid-19), not a person or body;
          // a function word opening a run mid-sentence follows an abbreviation's dot ("5 p.m. By Tuesday").
          if (capitalised(part) && !NOT_NAMES.contains(lower) && !TITLES.contains(lower) && !lowerWords.contains(lower)
              && !modifier && !DIGIT.matcher(part).matches() && !(i == first && FUNCTION.contains(lower))) {
            words.add(part);
          }
        }
        boolean possessive = raw.get(i).endsWith("'s") || raw.get(i).endsWith("’s");
        i++;
        if (possessive) break;
      }
      if (words.isEmpty()) continue;
      if (quotedTitle(sentence, raw, gaps, ends, opened, i)) continue;
      if (starts.get(first) && i - first == 1 && !markedAsName(raw, first)) continue;
      out.add(new Name(text.toString(), List.copyOf(words)));
    }
    return out;
  }

  /**
   * A quotation that holds only an article and capitalised words, "The Plague": the English title of
   * a work, which a translation renders freely; neither a person nor a body.
   */
  private static boolean quotedTitle(String sentence, List<String> raw, List<String> gaps, List<Integer> ends,
      int opened, int end) {
    String before = gaps.get(opened);
    if (before.isEmpty() || OPENING_QUOTES.indexOf(before.charAt(before.length() - 1)) < 0) return false;
    if (!ARTICLES.contains(raw.get(opened).toLowerCase(Locale.ROOT)) || end - opened < 2) return false;
    // A closing single quote is read into the word it follows ("The Plague'").
    String last = raw.get(end - 1);
    int cut = last.length();
    while (cut > 0 && last.charAt(cut - 1) == '.') cut--;
    char closing = cut > 0 ? last.charAt(cut - 1) : ' ';
    if (closing == '\'' || closing == '’') return true;
    int after = ends.get(end - 1);
    return after < sentence.length() && CLOSING_QUOTES.indexOf(sentence.charAt(after)) >= 0;
  }

  private static final String OPENING_QUOTES = "\"“„‘«'";
  private static final String CLOSING_QUOTES = "\"”“’»";
  private static final Set<String> ARTICLES = set("the", "a", "an");

  /**
   * Whether the word stands in a run of capitalised words that ends in a title: "Transport" in
   * "Transport Minister", "EU" and "Home" in "EU Home Affairs Commissioner".
   */
  private static boolean modifiesTitle(List<String> raw, List<String> gaps, List<Boolean> starts, int i) {
    for (int j = i + 1; j < raw.size() && gaps.get(j).equals(" ") && !starts.get(j); j++) {
      String next = clean(raw.get(j));
      if (!capitalised(next)) return false;
      if (TITLES.contains(next.toLowerCase(Locale.ROOT))) return true;
      if (raw.get(j - 1).endsWith("'s") || raw.get(j - 1).endsWith("’s")) return false;
    }
    return false;
  }

  private static boolean endsSentence(String token) {
    char last = token.charAt(token.length() - 1);
    if (last == '!' || last == '?') return true;
    // English writes no ordinal dot: "until May 4. Large events" ends a sentence after the number.
    if (last == '.' && ORDINAL_LIKE.matcher(token).matches()) return true;
    return last == '.' && token.length() > 2 && !INITIALS.matcher(token).matches() && !Sentences.isAbbreviation(token);
  }

  private static final Pattern ORDINAL_LIKE = Pattern.compile("\\p{N}+\\.");

  private static boolean isCommonOpener(String w) {
    String lower = w.toLowerCase(Locale.ROOT);
    return STARTERS.contains(lower) || lower.endsWith("ly") || lower.endsWith("ing") || lower.endsWith("ed")
        || lower.endsWith("tion") || lower.endsWith("tions") || lower.endsWith("ment") || lower.endsWith("ments")
        || lower.endsWith("ism") || lower.endsWith("ness") || lower.endsWith("ship") || lower.endsWith("hood");
  }

  /** A sentence-initial single word: a name only when what follows says so. */
  private static boolean markedAsName(List<String> raw, int i) {
    String w = clean(raw.get(i));
    String lower = w.toLowerCase(Locale.ROOT);
    if (isCommonOpener(w)
        || (lower.endsWith("s") && !lower.endsWith("ss") && !raw.get(i).endsWith("'s") && !w.equals(w.toUpperCase(Locale.ROOT)))) {
      return false;
    }
    if (w.length() >= 2 && w.equals(w.toUpperCase(Locale.ROOT))) return true;
    if (raw.get(i).endsWith("'s") || raw.get(i).endsWith("’s")) return true;
    return i + 1 < raw.size() && NAME_VERBS.contains(raw.get(i + 1).toLowerCase(Locale.ROOT));
  }

  private static boolean capitalised(String t) {
    return !t.isEmpty() && Character.isUpperCase(t.charAt(0));
  }

  private static final Pattern INITIALS = Pattern.compile("(\\p{L}\\.)+");

  /** Possessive and trailing dots off: "Putin's" -> "Putin", "U.S." stays. */
  static String clean(String t) {
    String s = t;
    if (s.endsWith("'s") || s.endsWith("’s")) s = s.substring(0, s.length() - 2);
    while (s.endsWith("'") || s.endsWith("’") || s.endsWith("-")) s = s.substring(0, s.length() - 1);
    if (INITIALS.matcher(s).matches()) return s.replace(".", "");
    if (s.endsWith(".")) s = s.substring(0, s.length() - 1);
    return s;
  }

  private static Set<String> set(String... words) {
    return Set.copyOf(java.util.Arrays.asList(words));
  }
}
