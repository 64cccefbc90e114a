package dev.kurz.faithfulness;

import dev.kurz.faithfulness.Finding.Kind;
import dev.kurz.glossary.Glossary;
import dev.kurz.model.Claim;
import dev.kurz.model.Entity;
import dev.kurz.model.Grounding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who a claim is attributed to, checked against its quote's place in the article: a named speaker
 * must stand in or near the quote's sentence; a speaker known only by role ("a US diplomat",
 * "Russian sources") must have that role's German word a few sentences before; the article itself
 * must not be the speaker of reported speech (a claim that names its speaker may be {@code
 * stated}: the attribution is kept). Two rules tell one speaker of
 * the answer from another: in an interview the quote's turn says who speaks (the interviewer or
 * the interviewee, see {@link Interview}), and a sentence that names another of the answer's
 * speakers next to a verb of saying, and not this claim's, attributes the quote to that one.
 * Built once per answer; immutable.
 */
final class Speakers {
  private final QuoteContext context;
  private final List<Claim> claims;
  private final List<Entity> entities;
  private final Glossary glossary;
  private final String from;
  private final String to;
  private final Interview interview;
  /** Sentences in which a text in the first person names its writers (see {@link #writers}). */
  private final List<String> writers;
  /** Who the answer has speak or names as a person: the claims' speakers and the person entities. */
  private final List<String> people;

  Speakers(QuoteContext context, List<Claim> claims, List<Entity> entities, Glossary glossary, String from, String to) {
    this.context = context;
    this.claims = List.copyOf(claims);
    this.entities = entities;
    this.glossary = glossary;
    this.from = from;
    this.to = to;
    this.interview = Interview.of(context);
    this.writers = writers(context);
    List<String> people = new ArrayList<>();
    for (Claim c : claims) people.add(c.attributedTo());
    for (Entity e : entities) {
      if (e.type() != null && e.type().toLowerCase(Locale.ROOT).startsWith("person")) people.add(e.name());
    }
    this.people = List.copyOf(people.stream().filter(p -> p != null && !p.isBlank()).distinct().toList());
  }

  /**
   * The sentences where a text in the first person names its writers: those that speak in the
   * first person outside quotation marks, and those of its opening paragraphs that announce an
   * interview ("Die Ministerin im Interview über ...": an interview printed as answers alone), in
   * an article of which at least a third of the paragraphs speak in the first person; none in
   * other articles.
   */
  private static List<String> writers(QuoteContext context) {
    Map<Integer, Boolean> paragraphs = new java.util.TreeMap<>();
    List<String> firstPerson = new ArrayList<>();
    for (Sentences.Span s : context.sentences()) {
      String text = s.of(context.article());
      String own = QUOTED.matcher(text).replaceAll(" ");
      boolean speaks = FIRST_PERSON.matcher(own).find();
      if (speaks || paragraphs.size() <= LEAD_PARAGRAPHS && ANNOUNCES_INTERVIEW.matcher(own).find()) firstPerson.add(text);
      paragraphs.merge(s.paragraph(), speaks, Boolean::logicalOr);
    }
    long speaking = paragraphs.values().stream().filter(b -> b).count();
    return speaking >= FIRST_PERSON_SHARE * paragraphs.size() ? List.copyOf(firstPerson) : List.of();
  }

  /** The opening paragraphs (the headline's among them) that may announce an interview. */
  private static final int LEAD_PARAGRAPHS = 3;
  private static final Pattern ANNOUNCES_INTERVIEW = Pattern.compile("(?iu)\\b(im\\s+)?(interview|gespräch)\\b");
  /** A role word after a definite article: "betonte die Sprecherin", "zeigen die Daten". */
  private static final Pattern DEFINITE = Pattern.compile("(?iu)\\b(der|die|das|des|dem|den)\\s+(\\p{L}+)");
  /** The German role words of every English one: a role the article gives a speaker by name ("Sprecherin Cornelia Wolbe"). */
  private static final List<String> ALL_ROLE_STEMS;

  /** How many sentences before and after a quote's sentence may name its speaker. */
  private static final int SPEAKER_BEFORE = 3;
  private static final int SPEAKER_AFTER = 1;
  /** How many sentences before a quote, across paragraphs, may name a speaker known only by role. */
  private static final int UNNAMED_BEFORE = 6;
  /** Attribution in a German sentence that the article's own voice would not use. */
  private static final Pattern ATTRIBUTION = Pattern.compile(
      "(?iu)\\b(zufolge|laut|sagte|sagten|erklärten?(?!\\s+sich)|betonte|teilte\\s+\\p{L}+\\s+mit|nach\\s+Angaben|hieß\\s+es|heißt\\s+es|berichtete|berichten)\\b");
  /**
   * Attribution that names no one ("heißt es in einer gemeinsamen Erklärung"): it relays a speaker
   * named before, as a sentence without attribution does.
   */
  private static final Pattern IMPERSONAL = Pattern.compile("(?iu)\\b(hieß|heißt)\\s+es\\b");
  private static final Pattern ARTICLE_VOICE = Pattern.compile(
      "(?i)\\s*(the\\s+)?(article|outlet|author|authors|newspaper|magazine|paper|editorial|report|text)\\s*");
  /** Where an attribution turns to the outlet that relayed it: "... cited by Reuters". */
  private static final Pattern RELAY = Pattern.compile(
      "(?i)\\b(cited by|citing|speaking to|according to|told|quoted by|as reported by|reported by|in an interview with|"
          + "interviewed by|via|responding to|in a statement to|writing in|on|to)\\b");
  /** Relays that put the source after them: "Reuters, citing three Russian sources". */
  private static final Pattern CITING = Pattern.compile("(?i),?\\s*\\b(citing|quoting|based on)\\b");

  /** A German sentence that refers back to someone named before it, or speaks in the first person: singular pronouns and possessives ("sie" and "wir" are too often others). */
  private static final Pattern ANAPHOR = Pattern.compile("(?u)\\b([Ee]r|[Ss]ie|[Ss]ein|[Ss]eine[mnrs]?|[Ii]hr|[Ii]hre[mnrs]?|[Ii]hm|[Ii]ch|[Mm]ein|[Mm]eine[mnrs]?)\\b");
  /** The first person, singular or plural, as a column, a letter or a write-up by its authors speaks. */
  private static final Pattern FIRST_PERSON = Pattern.compile("(?u)\\b([Ii]ch|[Mm]ein\\p{L}*|[Mm]ir|[Mm]ich|[Ww]ir|[Uu]nser\\p{L}*|[Uu]ns)\\b");
  /** Text in quotation marks: someone quoted, not the writer. */
  private static final Pattern QUOTED = Pattern.compile("[„“\"»«][^„“”\"»«]*[“”\"«»]");
  /** At least this share of an article's paragraphs speak in the first person outside quotation marks in a text in the first person. */
  private static final double FIRST_PERSON_SHARE = 1 / 3.0;
  /** German words for a company or organization, as an article refers back to one it named. */
  private static final List<String> ORGANIZATION_STEMS = List.of("firma", "firmen", "unternehmen", "konzern", "organisation");

  /** English role words and their German stems: a speaker named earlier may be referred to by role. */
  private static final Map<String, List<String>> ROLES = Map.ofEntries(
      Map.entry("minister", List.of("minister")), Map.entry("secretary", List.of("minister", "sekretär")),
      Map.entry("spokesman", List.of("sprecher")), Map.entry("spokeswoman", List.of("sprecherin")),
      Map.entry("spokesperson", List.of("sprecher")), Map.entry("president", List.of("präsident")),
      Map.entry("chancellor", List.of("kanzler")), Map.entry("adviser", List.of("berater")),
      Map.entry("advisor", List.of("berater")), Map.entry("envoy", List.of("gesandt", "beauftragt")),
      Map.entry("director", List.of("direktor", "leiter", "chef")), Map.entry("mayor", List.of("bürgermeister")),
      Map.entry("ambassador", List.of("botschafter")), Map.entry("negotiator", List.of("verhandlungsführer")),
      Map.entry("governor", List.of("gouverneur")), Map.entry("chief", List.of("chef")),
      Map.entry("source", List.of("quelle", "informant", "insider", "kreis")),
      Map.entry("sources", List.of("quelle", "informant", "insider", "kreis")),
      Map.entry("official", List.of("beamte", "beamter", "beamtin", "funktionär", "vertreter", "offiziell", "insider")),
      Map.entry("officials", List.of("beamte", "beamten", "funktionär", "vertreter", "offiziell", "regierung")),
      Map.entry("diplomat", List.of("diplomat")), Map.entry("diplomats", List.of("diplomat")),
      Map.entry("insider", List.of("insider", "informant", "quelle")),
      Map.entry("union", List.of("gewerkschaft")), Map.entry("management", List.of("leitung", "führung")),
      Map.entry("ministry", List.of("ministerium")), Map.entry("survey", List.of("umfrage", "befragung", "studie", "erhebung", "daten")),
      Map.entry("study", List.of("studie", "untersuchung", "daten")),
      Map.entry("experts", List.of("expert", "fachleute")), Map.entry("analysts", List.of("analyst", "beobachter")),
      Map.entry("critics", List.of("kritiker")), Map.entry("police", List.of("polizei")),
      Map.entry("prosecutors", List.of("staatsanwalt", "anklage")), Map.entry("statement", List.of("erklärung", "mitteilung")), Map.entry("spokesperson's", List.of("sprecher")));

  static {
    java.util.TreeSet<String> stems = new java.util.TreeSet<>();
    ROLES.values().forEach(stems::addAll);
    // Collective words ("die Daten", "die Leitung") are no role a person is introduced by.
    stems.removeAll(Set.of("daten", "kreis", "regierung", "leitung", "führung", "erklärung", "mitteilung", "anklage"));
    ALL_ROLE_STEMS = List.copyOf(stems);
  }

  /** The speaker findings for one claim. */
  List<Finding> check(String where, Claim c) {
    List<Finding> out = new ArrayList<>();
    String speaker = c.attributedTo() == null ? "" : c.attributedTo();
    String modality = c.modality() == null ? "" : c.modality().toLowerCase(Locale.ROOT);
    boolean articleVoice = ARTICLE_VOICE.matcher(speaker).matches();
    // The outlet may hedge in its own voice ("sollen sich angeschlossen haben", "mutmaßlich"): an
    // alleged claim of the article's is wrong only where its sentence attributes it (below).
    if (articleVoice && (modality.equals("reported") || modality.equals("denied"))) {
      out.add(new Finding(where, c.claim(), Kind.SPEAKER, speaker, "is given as the speaker of a " + modality + " claim"));
      return out;
    }
    String sentence = context.sentence(c.grounding());
    Interview.Turn turn = interview.turn(c.grounding());
    if (articleVoice) {
      if (turn != null && turn.side() == Interview.Side.INTERVIEWEE) {
        out.add(new Finding(where, c.claim(), Kind.SPEAKER, speaker, "is given as the speaker, though the quote stands in "
            + turn.label() + "'s answer"));
      } else if (sentence != null && ATTRIBUTION.matcher(sentence).find()
          && !ENGLISH_SAYING.matcher(c.claim() == null ? "" : c.claim()).find() && !relativeClause(c.grounding())) {
        // The English may itself tell who said it ("The union warns that ..."): then the article states what was said.
        out.add(new Finding(where, c.claim(), Kind.SPEAKER, speaker, "is given as the speaker, though the quote's sentence attributes it"));
      }
      return out;
    }
    if (turn != null) {
      Interview.Side side = interview.sideOf(speaker);
      if (side == turn.side()) return out;
      if (side != null) {
        out.add(new Finding(where, c.claim(), Kind.SPEAKER, speaker, "is the interview's " + side.word()
            + ", though the quote stands in " + turn.label() + "'s turn"));
        return out;
      }
    }
    String window = context.around(c.grounding(), SPEAKER_BEFORE, SPEAKER_AFTER);
    if (window == null) return out;
    List<String> words = nameWords(speaker);
    // Only a named speaker: one known by role ("media reports", "sources cited by Reuters") often
    // relays what the sentence has a named person do or say.
    String other = sentence == null || words.isEmpty() ? null : attributedToOther(sentence, speaker, words);
    if (other != null) {
      out.add(new Finding(where, c.claim(), Kind.SPEAKER, speaker, "is not the one the quote's sentence has speaking ("
          + other + ")"));
      return out;
    }
    if (words.isEmpty()) {
      // No name, but a role ("a US diplomat", "Russian sources"): that role must be named within
      // a few sentences, paragraphs included, since such speakers are introduced once and then relayed.
      String wide = context.around(c.grounding(), UNNAMED_BEFORE, SPEAKER_AFTER, true);
      String who = source(speaker);
      if (wide != null && !roleStems(who).isEmpty() && !roleNear(who, wide)) {
        out.add(new Finding(where, c.claim(), Kind.SPEAKER, speaker, "is not named in or near the quote's sentence"));
      }
      return out;
    }
    if (namedIn(window, words, speaker)) return out;
    // A speaker quoted at length is named once and then relayed ("betonte der Außenminister",
    // "heißt es"): a few sentences back across paragraphs will do. A sentence that refers back or
    // speaks in the first person ("Seine Regierung werde", "Ich bin gesund", an interview) may rest
    // on a speaker named anywhere before it. A text in the first person (a column, a letter, a
    // write-up by its authors: "Unsere Daten zeigen") names its writers once, where they speak of
    // themselves: what it says without attributing it is theirs.
    String wide = context.around(c.grounding(), UNNAMED_BEFORE, SPEAKER_AFTER, true);
    boolean relayed = sentence != null && !ATTRIBUTION.matcher(IMPERSONAL.matcher(sentence).replaceAll("")).find();
    if (relayed && wide != null && namedIn(wide, words, speaker)) return out;
    String before = context.before(c.grounding());
    if (sentence != null && before != null && ANAPHOR.matcher(sentence).find() && namedIn(before, words, speaker)) {
      return out;
    }
    if (relayed && byVerbsOfSaying(sentence).isEmpty() && writers.stream().anyMatch(w -> namedIn(w, words, speaker))) {
      return out;
    }
    if (wide != null && before != null && referredToByRole(wide, before, words, speaker)) return out;
    out.add(new Finding(where, c.claim(), Kind.SPEAKER, speaker, "is not named in or near the quote's sentence"));
    return out;
  }

  /**
   * Whether a speaker named earlier in the article is referred to by role near the quote: a role
   * word after a definite article in the sentences before it ("betonte die Sprecherin", "zeigen
   * die Daten") that is the speaker's own role, either in the answer's words ("WZB survey") or
   * as the article introduced the speaker by name ("Sprecherin Cornelia Wolbe", "Wolbe, Sprecherin
   * des Konzerns"): a definite role refers back to the one introduced with it.
   */
  private boolean referredToByRole(String wide, String before, List<String> words, String speaker) {
    List<String> stems = new ArrayList<>(roleStems(speaker));
    if (!namedIn(before, List.copyOf(words), "")) return false;
    stems.addAll(introducedRoles(before, words));
    if (stems.isEmpty()) return false;
    Matcher m = DEFINITE.matcher(wide);
    while (m.find()) {
      if (roleNear(m.group(2), stems)) return true;
    }
    return false;
  }

  /** The German role words the text sets right before or after one of the speaker's name words ("Sprecherin Cornelia Wolbe"). */
  private static List<String> introducedRoles(String text, List<String> words) {
    List<String> out = new ArrayList<>();
    Set<String> name = new java.util.HashSet<>();
    for (String w : words) name.add(Fold.plain(w));
    String[] tokens = text.split("[^\\p{L}\\-]+");
    for (int i = 0; i < tokens.length; i++) {
      if (!name.contains(Fold.plain(tokens[i]))) continue;
      for (int k = Math.max(0, i - 3); k <= Math.min(tokens.length - 1, i + 2); k++) {
        if (k == i || tokens[k].isEmpty() || !Character.isUpperCase(tokens[k].charAt(0))) continue;
        for (String stem : ALL_ROLE_STEMS) {
          if (roleNear(tokens[k], List.of(stem))) out.add(stem);
        }
      }
    }
    return out;
  }

  /** A relative pronoun, after a preposition or not: "die in der Stadt tätig ist", "auf das ... reagiert hat". */
  private static final Pattern RELATIVE = Pattern.compile(
      "(?u)^(?:(?:auf|an|in|mit|von|für|über|unter|bei|nach|zu|aus|gegen|um|durch)\\s+(?:der|die|das|dem|den|deren|dessen|denen|welche[mnrs]?)\\s"
          + "|(?:der|die|das|dem|den|deren|dessen|denen|welche[mnrs]?)\\s+\\p{Ll})");

  /**
   * Whether a quote is a relative clause after a comma ("teilt die SAPV mit, die in der Stadt
   * tätig ist"): it describes something the sentence names, in the article's own words, whoever
   * the sentence has speaking.
   */
  private boolean relativeClause(Grounding g) {
    if (g == null || !g.found() || g.start() <= 0 || g.end() > context.article().length()) return false;
    String article = context.article();
    int k = g.start() - 1;
    while (k >= 0 && Character.isWhitespace(article.charAt(k))) k--;
    return k >= 0 && article.charAt(k) == ',' && RELATIVE.matcher(article.substring(g.start(), g.end())).find();
  }

  /** The name words of a speaker, less the country and people words that name no one in particular. */
  private static List<String> nameWords(String speaker) {
    List<String> words = new ArrayList<>();
    for (EnglishNames.Name n : EnglishNames.find("x " + source(speaker))) {
      for (String w : n.words()) {
        if (!Exonyms.EN_DE.containsKey(w)) words.add(w);
      }
    }
    return words;
  }

  /**
   * Another speaker of the answer whom the quote's sentence names right by a verb of saying, in
   * the same clause ("sagte Macron", "Armin Laschet erklärte", "laut NDR"), when the sentence
   * names this claim's speaker (who has a name) neither by name nor by role; null otherwise. A speaker that shares
   * a name word with this one is the same, and one this attribution names is its relay.
   */
  private String attributedToOther(String sentence, String speaker, List<String> words) {
    String near = byVerbsOfSaying(sentence);
    if (near.isEmpty()) return null;
    SourceNames names = null;
    Set<String> own = new java.util.HashSet<>();
    for (String w : words) own.add(Fold.plain(w));
    String ownFolded = Fold.plain(speaker);
    for (String other : people) {
      if (ARTICLE_VOICE.matcher(other).matches()) continue;
      List<String> otherWords = nameWords(other);
      if (otherWords.isEmpty() || otherWords.stream().anyMatch(w -> own.contains(Fold.plain(w)) || ownFolded.contains(Fold.plain(w)))) {
        continue;
      }
      if (names == null) names = new SourceNames(near, entities, glossary, from, to, Set.of());
      if (otherWords.stream().anyMatch(names::accounts)) {
        // This speaker by name where it has one: "große Unternehmen" is no sign of the Adidas chief.
        SourceNames inSentence = new SourceNames(sentence, entities, glossary, from, to, Set.of());
        return words.stream().anyMatch(inSentence::accounts) ? null : other;
      }
    }
    return null;
  }

  /** How many words before or after a verb of saying its subject may stand ("sagte CSU-Chef Markus Söder"). */
  private static final int SAYING_REACH = 6;
  private static final Pattern TOKEN = Pattern.compile("\\p{L}[\\p{L}\\p{M}\\-]*|[,;:()„“”«»\"–—]");
  /** German verbs of saying and attribution words, as the subject stands next to them. */
  private static final Set<String> SAYING = Set.of("sagt", "sagte", "sagten", "erklärt", "erklärte", "erklärten",
      "betont", "betonte", "betonten", "mitteilte", "mitteilten", "mitgeteilt", "teilt", "teilte", "teilten", "berichtet",
      "berichtete", "berichteten", "schreibt", "schrieb", "warnt", "warnte", "mahnt", "mahnte", "gemahnt", "fordert",
      "forderte", "kritisiert", "kritisierte", "zitiert", "zitierte", "meldet", "meldete",
      "bestätigt", "bestätigte", "ergänzt", "ergänzte", "räumte", "kündigte", "unterstrich", "versicherte", "meint",
      "meinte", "attestiert", "bekräftigte", "erläutert", "erläuterte", "verkündete", "appellierte", "laut", "zufolge",
      "angaben");
  /** English that itself tells who said, wrote or holds what it states ("The union warns that ..."). */
  private static final Pattern ENGLISH_SAYING = Pattern.compile(
      "(?i)\\b(said|says|say|told|tells|wrote|writes|warn(s|ed|ing)?|criticis(es|ed)|criticiz(es|ed)|propos(es|ed)|suggest(s|ed)|"
          + "demand(s|ed)|calls? for|called for|according to|announc(es|ed)|stress(es|ed)|emphasi[sz](es|ed)|insist(s|ed)|"
          + "argu(es|ed)|believ(es|ed)|explain(s|ed)|confirm(s|ed)|denied|denies|recommend(s|ed)|urg(es|ed)|predict(s|ed)|"
          + "quoted|cited)\\b");

  /** The words of the sentence within reach of a verb of saying, in its clause, joined. */
  private static String byVerbsOfSaying(String sentence) {
    List<String> tokens = new ArrayList<>();
    List<Integer> clauses = new ArrayList<>();
    int clause = 0;
    Matcher m = TOKEN.matcher(sentence);
    while (m.find()) {
      if (!Character.isLetter(m.group().charAt(0))) {
        clause++;
        continue;
      }
      tokens.add(m.group());
      clauses.add(clause);
    }
    StringBuilder near = new StringBuilder();
    for (int i = 0; i < tokens.size(); i++) {
      String lc = tokens.get(i).toLowerCase(Locale.ROOT);
      if (!SAYING.contains(lc)) continue;
      // "erklärten sich bereit", "hatten sich bereit erklärt" agree to something; they say nothing.
      if (lc.startsWith("erklärt") && (i + 1 < tokens.size() && tokens.get(i + 1).equals("sich")
          || i + 1 < tokens.size() && tokens.get(i + 1).equals("bereit") || i > 0 && tokens.get(i - 1).equals("bereit"))) {
        continue;
      }
      for (int k = Math.max(0, i - SAYING_REACH); k <= Math.min(tokens.size() - 1, i + SAYING_REACH); k++) {
        if (k != i && clauses.get(k).equals(clauses.get(i))) near.append(tokens.get(k)).append(' ');
      }
      near.append("| ");
    }
    return near.toString();
  }

  /** Whether the German text names the speaker, by one of its name words or by its role. */
  private boolean namedIn(String german, List<String> words, String speaker) {
    SourceNames near = new SourceNames(german, entities, glossary, from, to, Set.of());
    if (words.stream().anyMatch(near::accounts) || roleNear(speaker, german)) return true;
    // An organization is referred to by what it is: "nach Firmenangaben", "teilte der Konzern mit".
    return isOrganization(words) && roleNear(german, ORGANIZATION_STEMS);
  }

  private boolean isOrganization(List<String> words) {
    for (Entity e : entities) {
      if (e.name() == null || e.type() == null || !e.type().toLowerCase(Locale.ROOT).startsWith("org")) continue;
      List<String> name = List.of(e.name().split("[^\\p{L}\\p{N}]+"));
      if (words.stream().anyMatch(name::contains)) return true;
    }
    return false;
  }

  /** The part of an attribution that names who speaks, not the outlet that relays it. */
  private static String source(String speaker) {
    Matcher m = CITING.matcher(speaker);
    if (m.find()) return RELAY.split(speaker.substring(m.end()), 2)[0];
    return RELAY.split(speaker, 2)[0];
  }

  /**
   * Whether the window names the speaker's role: the German role word alone or inflected
   * ("Ministerin", "Sprechers") or ending a compound ("Kremlsprecher", "Außenminister"), not
   * starting a longer word ("Präsidentschaftswahl" is no president).
   */
  private static boolean roleNear(String speaker, String window) {
    return roleNear(window, roleStems(speaker));
  }

  /** Whether a word of the window ends in one of the stems, or in one followed by "angaben" ("Polizeiangaben"). */
  private static boolean roleNear(String window, List<String> stems) {
    if (stems.isEmpty()) return false;
    for (String t : window.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
      String head = t.endsWith("angaben") ? t.substring(0, t.length() - "angaben".length()) : t;
      for (String stem : stems) {
        int at = head.lastIndexOf(stem);
        if (at >= 0 && head.length() - (at + stem.length()) <= (head == t ? 3 : 1)) return true;
      }
    }
    return false;
  }

  private static List<String> roleStems(String speaker) {
    List<String> stems = new ArrayList<>();
    for (String w : speaker.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) stems.addAll(ROLES.getOrDefault(w, List.of()));
    return stems;
  }
}
