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
 * must not be the speaker of reported speech; and a claim attributed to someone must not be given
 * as fact ({@code stated}) when its sentence reports what was said. Two rules tell one speaker of
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
   * first person outside quotation marks, in an article of which at least a third of the
   * paragraphs do so; none in other articles.
   */
  private static List<String> writers(QuoteContext context) {
    Map<Integer, Boolean> paragraphs = new java.util.TreeMap<>();
    List<String> firstPerson = new ArrayList<>();
    for (Sentences.Span s : context.sentences()) {
      String own = QUOTED.matcher(s.of(context.article())).replaceAll(" ");
      boolean speaks = FIRST_PERSON.matcher(own).find();
      if (speaks) firstPerson.add(s.of(context.article()));
      paragraphs.merge(s.paragraph(), speaks, Boolean::logicalOr);
    }
    long speaking = paragraphs.values().stream().filter(b -> b).count();
    return speaking >= FIRST_PERSON_SHARE * paragraphs.size() ? List.copyOf(firstPerson) : List.of();
  }

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
  /** Reported speech in a German sentence: the cues of CLAIMS.md that attribute, not those that hedge. */
  private static final Pattern SPEECH_CUE = Pattern.compile(
      "(?iu)\\b(zufolge|laut|sagte|sagten|sagt|erklärten?(?!\\s+sich)|erklärt(?!\\s+sich)|betonte|betont|teilte|teilten|berichtet\\p{L}*|"
          + "hieß es|heißt es|nach Angaben|so\\s+\\p{Lu}\\p{L}+|meinte|warnte|forderte|kündigte|versicherte|"
          + "behauptete|behauptet|sei|seien|habe|hätten|soll|sollen|angeblich)\\b|[„“»«\"]");

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
      Map.entry("ministry", List.of("ministerium")), Map.entry("survey", List.of("umfrage", "befragung")),
      Map.entry("experts", List.of("expert", "fachleute")), Map.entry("analysts", List.of("analyst", "beobachter")),
      Map.entry("critics", List.of("kritiker")), Map.entry("police", List.of("polizei")),
      Map.entry("prosecutors", List.of("staatsanwalt", "anklage")), Map.entry("statement", List.of("erklärung", "mitteilung")), Map.entry("spokesperson's", List.of("sprecher")));

  /** The speaker and modality findings for one claim. */
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
    if (!articleVoice && modality.equals("stated") && sentence != null && SPEECH_CUE.matcher(sentence).find()) {
      out.add(new Finding(where, c.claim(), Kind.MODALITY, "stated", "though the quote's sentence reports what " + speaker + " said"));
    }
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
    out.add(new Finding(where, c.claim(), Kind.SPEAKER, speaker, "is not named in or near the quote's sentence"));
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

  /**
   * The turns of an interview: paragraphs opened by a speaker's label ("ZEIT ONLINE: ...", "Karl
   * von Rohr: ...", "SZ: ...") and the unlabelled paragraphs after the first label: a short one
   * ending in a question is the interviewer's, one after a question the interviewee's, and any
   * other goes on with the turn before it. An article is an
   * interview only when it has labels of both sides: one whose turns are mostly questions and one
   * whose turns are mostly not. Immutable.
   */
  static final class Interview {
    /** Who speaks in a turn. */
    enum Side {
      INTERVIEWER, INTERVIEWEE;

      String word() {
        return name().toLowerCase(Locale.ROOT);
      }
    }

    /** One turn: its side and the label that opened it (or the last label of that side). */
    record Turn(Side side, String label) {}

    private static final Interview NONE = new Interview(Map.of(), List.of(), List.of(), List.of());
    /** A label: one to four words, the first capitalised ("Von Rohr", "ZEIT ONLINE", "Karl von Rohr"), and a colon. */
    private static final Pattern LABEL = Pattern.compile(
        "^(\\p{Lu}[\\p{L}’'.\\-]*(?:\\s+(?:von|van|de|der|zu|\\p{Lu}[\\p{L}’'.\\-]*)){0,3}):\\s+\\S");
    /** A paragraph this long or longer is no question, even if it ends in one. */
    private static final int QUESTION_MAX = 400;
    private static final Set<String> PARTICLES = Set.of("von", "van", "de", "der", "zu", "die", "das");

    private final Map<Integer, Turn> turns;
    private final List<Sentences.Span> sentences;
    private final List<String> interviewers;
    private final List<String> interviewees;

    private Interview(Map<Integer, Turn> turns, List<Sentences.Span> sentences, List<String> interviewers,
        List<String> interviewees) {
      this.turns = turns;
      this.sentences = sentences;
      this.interviewers = interviewers;
      this.interviewees = interviewees;
    }

    /** The article's interview turns, or an interview of no turns where the article is none. */
    static Interview of(QuoteContext context) {
      String article = context.article();
      List<Sentences.Span> sentences = context.sentences();
      Map<Integer, String> paragraphs = new java.util.TreeMap<>();
      for (Sentences.Span s : sentences) {
        paragraphs.merge(s.paragraph(), s.of(article), (x, y) -> x + " " + y);
      }
      Map<Integer, String> labels = new java.util.TreeMap<>();
      Map<String, int[]> questions = new java.util.HashMap<>();
      for (var p : paragraphs.entrySet()) {
        Matcher m = LABEL.matcher(p.getValue());
        if (!m.find()) continue;
        labels.put(p.getKey(), m.group(1));
        int[] q = questions.computeIfAbsent(m.group(1), x -> new int[2]);
        q[0]++;
        if (p.getValue().contains("?")) q[1]++;
      }
      List<String> interviewers = new ArrayList<>();
      List<String> interviewees = new ArrayList<>();
      questions.forEach((label, q) -> (2 * q[1] >= q[0] ? interviewers : interviewees).add(label));
      if (interviewers.isEmpty() || interviewees.isEmpty()) return NONE;
      Map<Integer, Turn> turns = new java.util.HashMap<>();
      String lastInterviewer = null;
      String lastInterviewee = null;
      Turn previous = null;
      boolean asked = false;
      for (var p : paragraphs.entrySet()) {
        String label = labels.get(p.getKey());
        if (label == null && previous == null) continue;
        Turn t;
        boolean question = endsInQuestion(p.getValue());
        if (label != null) {
          t = new Turn(interviewers.contains(label) ? Side.INTERVIEWER : Side.INTERVIEWEE, label);
        } else if (question && p.getValue().length() < QUESTION_MAX) {
          t = new Turn(Side.INTERVIEWER, lastInterviewer != null ? lastInterviewer : interviewers.get(0));
        } else if (asked || previous.side() == Side.INTERVIEWEE) {
          // A hand-wrapped text breaks a turn into paragraphs: one goes on as the turn before it did,
          // and one after a question answers it.
          t = new Turn(Side.INTERVIEWEE, lastInterviewee != null ? lastInterviewee : interviewees.get(0));
        } else {
          t = previous;
        }
        if (t.side() == Side.INTERVIEWER) lastInterviewer = t.label();
        else lastInterviewee = t.label();
        turns.put(p.getKey(), t);
        previous = t;
        asked = t.side() == Side.INTERVIEWER && question;
      }
      return new Interview(Map.copyOf(turns), sentences, List.copyOf(interviewers), List.copyOf(interviewees));
    }

    /** Whether a paragraph ends in a question, or in an ellipsis after one ("... kaufen ..."). */
    private static boolean endsInQuestion(String paragraph) {
      String p = paragraph.strip().replaceAll("[\"'”“»«’)]+$", "");
      return p.endsWith("?") || p.contains("?") && (p.endsWith("...") || p.endsWith("…"));
    }

    /** The turn a grounded quote stands in, or null outside the interview or across turns of both sides. */
    Turn turn(Grounding g) {
      if (turns.isEmpty()) return null;
      int[] spanned = Sentences.spanned(sentences, g, Integer.MAX_VALUE);
      if (spanned == null) return null;
      Turn first = turns.get(sentences.get(spanned[0]).paragraph());
      Turn last = turns.get(sentences.get(spanned[1]).paragraph());
      return first != null && last != null && first.side() == last.side() ? first : null;
    }

    /**
     * The side a claim's speaker is on: the interviewer where it says so or names an interviewer's
     * label ("ZEIT ONLINE (interviewer)", "the Süddeutsche Zeitung" for "SZ"), the interviewee where
     * it names an interviewee's label; null for anyone else, or both.
     */
    Side sideOf(String speaker) {
      boolean asks = speaker.toLowerCase(Locale.ROOT).matches(".*\\binterviewers?\\b.*")
          || interviewers.stream().anyMatch(l -> names(speaker, l));
      boolean answers = interviewees.stream().anyMatch(l -> names(speaker, l));
      if (asks == answers) return null;
      return asks ? Side.INTERVIEWER : Side.INTERVIEWEE;
    }

    /** Whether a speaker names a label: a capitalised word in common, or the label as its initials. */
    private static boolean names(String speaker, String label) {
      Set<String> labelWords = new java.util.HashSet<>();
      for (String w : label.split("[\\s\\-]+")) {
        String f = Fold.plain(w.replaceAll("[’'.]", ""));
        if (f.length() >= 2 && !PARTICLES.contains(f)) labelWords.add(f);
      }
      List<String> capitalised = new ArrayList<>();
      for (String w : speaker.split("[^\\p{L}’'\\-]+")) {
        if (w.isEmpty() || !Character.isUpperCase(w.charAt(0))) continue;
        String clean = w.replaceAll("(['’]s|['’])$", "");
        capitalised.add(clean);
        if (labelWords.contains(Fold.plain(clean)) && !PARTICLES.contains(Fold.plain(clean))) return true;
      }
      String compact = label.replaceAll("[\\s.]", "");
      if (compact.length() < 2 || compact.length() > 4 || !compact.equals(compact.toUpperCase(Locale.ROOT))) return false;
      StringBuilder initials = new StringBuilder();
      for (String w : capitalised) initials.append(w.charAt(0));
      return initials.toString().contains(compact);
    }
  }
}
