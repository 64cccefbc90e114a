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
  /** The agency credited with the whole text ({@link #credit(String)}), or null. */
  private final String credit;
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
    this.credit = credit(context.article());
    List<String> people = new ArrayList<>();
    for (Claim c : claims) people.add(c.attributedTo());
    for (Entity e : entities) {
      if (e.type() != null && e.type().toLowerCase(Locale.ROOT).startsWith("person")) people.add(e.name());
    }
    this.people = List.copyOf(people.stream().filter(p -> p != null && !p.isBlank()).distinct().toList());
  }

  /**
   * An agency's credit for the whole text, "(KNA)" or "(dpa/AFP)" closing its last paragraph, or
   * "Berlin (dpa) -" opening its first after the headline; null where there is none. What the article
   * states is the agency's report.
   */
  private static String credit(String article) {
    Matcher end = CREDIT_AT_END.matcher(article);
    if (end.find()) return end.group(1);
    Matcher start = CREDIT_AT_START.matcher(article);
    return start.find() ? start.group(1) : null;
  }

  private static final String AGENCIES = "(\\p{Lu}[\\p{L}\\-]{1,11}(?:\\s*[/,]\\s*\\p{Lu}[\\p{L}\\-]{1,11}){0,3})";
  private static final Pattern CREDIT_AT_END = Pattern.compile("\\(" + AGENCIES + "\\)\\s*$");
  private static final Pattern CREDIT_AT_START = Pattern.compile(
      "(?m)\\A(?:.*\\R){0,3}?^\\p{Lu}[\\p{L}\\-]+(?:\\s+\\p{Lu}[\\p{L}\\-]+)?\\s*\\(" + AGENCIES + "\\)\\s*[-–—]");

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
      "(?iu)\\b(zufolge|laut(?=\\s+(?:(?-i:\\p{Lu})|de[mnrs]\\b|ein\\p{L}*|ihr\\p{L}*|sein\\p{L}*|unser\\p{L}*))|sagte|sagten|erklärten?(?!\\s+sich)|betonte|teilte\\s+\\p{L}+\\s+mit|nach\\s+Angaben|hieß\\s+es|heißt\\s+es|berichtete|berichten)\\b");
  /** A speaker the answer leaves unnamed: "unnamed sources", "anonymous officials". */
  private static final Pattern UNNAMED = Pattern.compile("(?i)\\b(unnamed|anonymous|unidentified)\\b");
  /** The hearsay "sollen" with a perfect infinitive: "soll ... gesagt haben", "sollen ... gewesen sein". */
  private static final Pattern HEARSAY = Pattern.compile(
      "(?u)\\b(soll|sollen)\\b[^.!?]{0,120}?\\b\\p{L}+(?:en|t)\\s+(haben|sein)\\b");
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
      Map.entry("ministry", List.of("ministerium")), Map.entry("survey", List.of("umfrage", "befragung", "befragt", "studie", "erhebung", "daten")),
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
      } else if (sentence != null && ATTRIBUTION.matcher(frame(c.grounding())).find()
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
    List<String> words = new ArrayList<>(nameWords(speaker));
    // An organization given with its abbreviation, "German Association of ... (vfa)": the German has the abbreviation.
    if (c.sourceType() != null && c.sourceType().toLowerCase(Locale.ROOT).contains("organi")) {
      Matcher abbreviation = PARENTHESIZED.matcher(speaker);
      while (abbreviation.find()) words.add(abbreviation.group(1));
    }
    // Only a named speaker: one known by role ("media reports", "sources cited by Reuters") often
    // relays what the sentence has a named person do or say.
    String other = sentence == null || words.isEmpty() ? null : attributedToOther(sentence, speaker, words);
    if (other != null) {
      out.add(new Finding(where, c.claim(), Kind.SPEAKER, speaker, "is not the one the quote's sentence has speaking ("
          + other + ")"));
      return out;
    }
    // Only a speaker with a name of its own: "UKE officials" may be any of the people the article has speak for the UKE.
    String chained = sentence == null || personal(words).isEmpty() ? null : relayedFromOther(c.grounding(), speaker, words);
    if (chained != null) {
      out.add(new Finding(where, c.claim(), Kind.SPEAKER, speaker, "is not the one the sentences before the quote have speaking ("
          + chained + ")"));
      return out;
    }
    if (words.isEmpty()) {
      // No name, but a role ("a US diplomat", "Russian sources"): that role must be named within
      // a few sentences, paragraphs included, since such speakers are introduced once and then relayed.
      String wide = context.around(c.grounding(), UNNAMED_BEFORE, SPEAKER_AFTER, true);
      String who = source(speaker);
      // "Es sollen Braun und Kramp-Karrenbauer gewesen sein": the German hearsay "sollen" with a
      // perfect infinitive is itself the unnamed source an answer cites.
      boolean hearsay = sentence != null && UNNAMED.matcher(who).find() && HEARSAY.matcher(sentence).find();
      if (wide != null && !roleStems(who).isEmpty() && !roleNear(who, wide) && !hearsay) {
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
    if (relayed && reportedSpeechFrom(c.grounding(), words, speaker)) return out;
    String signature = signature(c.grounding());
    if (signature != null && namedIn(signature, words, speaker)) return out;
    if (credit != null && namedIn(credit, words, speaker)) return out;
    out.add(new Finding(where, c.claim(), Kind.SPEAKER, speaker, "is not named in or near the quote's sentence"));
    return out;
  }

  /**
   * The quote with the clause it adjoins on either side within its sentence: "Merkel sagte: „...“",
   * "„...“, sagte Müller", "Laut Polizei ...". An attribution further off in the sentence ("...,
   * um dann zu beraten, wie Merkel betonte") often cites someone for the sentence's other half, or
   * confirms what the article states itself.
   */
  private String frame(Grounding g) {
    String article = context.article();
    int[] spanned = Sentences.spanned(context.sentences(), g, article.length());
    if (spanned == null) return "";
    int from = context.sentences().get(spanned[0]).start();
    int to = context.sentences().get(spanned[1]).end();
    int start = adjoiningClause(article, g.start(), from, -1);
    int end = adjoiningClause(article, g.end(), to, 1);
    return article.substring(Math.min(start, g.start()), Math.max(end, g.end()));
  }

  /** Where the clause next to {@code at} ends, going in direction {@code step} (past quotation marks, a comma or a colon first), bounded by {@code limit}. */
  private static int adjoiningClause(String text, int at, int limit, int step) {
    int k = at;
    while (step < 0 ? k > limit : k < limit) {
      char ch = text.charAt(step < 0 ? k - 1 : k);
      if (!Character.isWhitespace(ch) && CLAUSE_MARKS.indexOf(ch) < 0) break;
      k += step;
    }
    while (step < 0 ? k > limit : k < limit) {
      char ch = text.charAt(step < 0 ? k - 1 : k);
      if (CLAUSE_MARKS.indexOf(ch) >= 0) break;
      k += step;
    }
    return k;
  }

  private static final String CLAUSE_MARKS = ",;:„“”«»\"–—";
  /** A word in parentheses: a party ("(CDU)") or an organization's abbreviation ("(vfa)"). */
  private static final Pattern PARENTHESIZED = Pattern.compile("\\(([\\p{L}\\-]{2,12})\\)");
  /** A closing signature paragraph, a name and a place: "Marta Keller, Lindau". */
  private static final Pattern SIGNATURE = Pattern.compile(
      "^\\s*\\p{Lu}[\\p{L}.\\-]+(?:\\s+\\p{Lu}[\\p{L}.\\-]+){1,3},\\s*\\p{Lu}[\\p{L}.\\-]+(?:[\\s/]+\\p{L}[\\p{L}.\\-]*){0,3}\\s*$");

  /**
   * The first signature line after a quote ("Marta Keller, Lindau"), which signs the letter or essay
   * it closes, or null: letters to the editor and guest pieces name their writers at the end.
   */
  private String signature(Grounding g) {
    String article = context.article();
    if (g == null || !g.found() || g.end() > article.length()) return null;
    int line = article.indexOf('\n', g.end());
    while (line >= 0) {
      int next = article.indexOf('\n', line + 1);
      String text = article.substring(line + 1, next < 0 ? article.length() : next);
      if (SIGNATURE.matcher(text).matches()) return text;
      line = next;
    }
    return null;
  }

  /**
   * Another speaker of the answer whom the sentences right before the quote have speaking, when the
   * quote's own sentence names no one by a verb of saying and does not name this speaker: a quote
   * or a Konjunktiv that goes on ("Man dürfe keinen Rückschlag riskieren" after "wirbt Söder")
   * continues the nearest attribution before it. Looks back up to {@link #SPEAKER_BEFORE}
   * sentences and stops at the first that names this speaker or attributes to anyone; null where
   * none attributes to another.
   */
  private String relayedFromOther(Grounding g, String speaker, List<String> words) {
    List<Sentences.Span> sentences = context.sentences();
    int[] spanned = Sentences.spanned(sentences, g, context.article().length());
    if (spanned == null) return null;
    String own = context.sentence(g);
    if (!byVerbsOfSaying(own).isEmpty() || ATTRIBUTION.matcher(own).find() || namedIn(own, words, speaker)) return null;
    // A new paragraph goes on with the speaker before it only in the Konjunktiv or as a quote.
    boolean carriesOn = REPORTED_MOOD.matcher(own).find() || OPENS_QUOTE.matcher(own).lookingAt();
    for (int i = spanned[0] - 1; i >= 0 && spanned[0] - i <= SPEAKER_BEFORE; i--) {
      if (!carriesOn && sentences.get(i).paragraph() != sentences.get(spanned[0]).paragraph()) return null;
      String text = sentences.get(i).of(context.article());
      if (namedIn(text, words, speaker)) return null;
      if (byVerbsOfSaying(text).isEmpty()) continue;
      return attributedToOther(text, speaker, words);
    }
    return null;
  }

  /** Forms of the Konjunktiv I (and the Konjunktiv II that stands in for it) that mark reported speech. */
  private static final Pattern REPORTED_MOOD = Pattern.compile("(?u)\\b(sei|seien|seiest|habe|gebe|werde|könne|müsse|"
      + "solle|dürfe|wolle|möge|wisse|lasse|liege|gehe|komme|stehe|bleibe|brauche|fehle|zeige|hätten|wären|würden|"
      + "könnten|müssten|sollten|gäbe)\\b");
  /** A sentence that opens with a quotation mark. */
  private static final Pattern OPENS_QUOTE = Pattern.compile("\\s*[„“\"»«‚‘]");
  /** "..., so Wilczek": an attribution after the statement. */
  private static final Pattern SO_SPEAKER = Pattern.compile("(?u),\\s*so\\s+(?:der|die|das)?\\s*\\p{Lu}");
  /** How far back reported speech may run from its attribution. */
  private static final int REPORTED_BEFORE = 10;

  /**
   * Whether the quote's sentence is reported speech in the Konjunktiv that runs on from an
   * attribution naming this speaker: German news relays a speaker over many sentences ("..., so
   * Wilczek. Die Bandbreite sei groß. Einerseits gebe es ... Eine Attribution sei oft schwer
   * möglich."). Going back from the quote to the first sentence that attributes anything, which
   * must name this speaker, most sentences must be in that mood (the quote's own counted); the
   * others may be the writer's asides or verbs the mood shares with the past tense ("kauften").
   */
  private boolean reportedSpeechFrom(Grounding g, List<String> words, String speaker) {
    String own = context.sentence(g);
    if (own == null || !REPORTED_MOOD.matcher(own).find()) return false;
    List<Sentences.Span> sentences = context.sentences();
    int[] spanned = Sentences.spanned(sentences, g, context.article().length());
    if (spanned == null) return false;
    int mood = 1;
    int plain = 0;
    for (int i = spanned[0] - 1; i >= 0 && spanned[0] - i <= REPORTED_BEFORE; i--) {
      String text = sentences.get(i).of(context.article());
      if (ATTRIBUTION.matcher(text).find() || !byVerbsOfSaying(text).isEmpty() || SO_SPEAKER.matcher(text).find()) {
        return plain < mood && namedIn(text, words, speaker);
      }
      if (REPORTED_MOOD.matcher(text).find()) {
        mood++;
      } else {
        plain++;
      }
    }
    return false;
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
    // Who is who by the names alone: a party or an abbreviation two speakers share ("Jens Spahn
    // (CDU)", "Volker Bouffier (CDU)") makes them no one person.
    List<String> own = nameWords(speaker);
    String ownFolded = Fold.plain(PARENTHESIZED.matcher(speaker).replaceAll(" "));
    for (String other : people) {
      if (ARTICLE_VOICE.matcher(other).matches()) continue;
      List<String> otherWords = nameWords(other);
      if (otherWords.isEmpty() || sameOne(own, ownFolded, otherWords)) continue;
      if (names == null) names = new SourceNames(near, entities, glossary, from, to, Set.of());
      // By the other's name, not by the body a description after it names: "Stefan Willich, head of
      // the Institute of ... Epidemiology" is not the one "sagt der Epidemiologe" has speaking.
      List<String> named = nameWords(other.split(",")[0]);
      if ((named.isEmpty() ? otherWords : named).stream().anyMatch(names::accounts)) {
        // This speaker by name where it has one: "große Unternehmen" is no sign of the Adidas chief.
        SourceNames inSentence = new SourceNames(sentence, entities, glossary, from, to, Set.of());
        // By a name of its own where it has one: a party both share ("(SPD)") names neither.
        List<String> mine = personal(words).isEmpty() ? words : personal(words);
        return mine.stream().anyMatch(inSentence::accounts) ? null : other;
      }
    }
    return null;
  }

  /**
   * Whether two speakers are one by their name words: a word in common, or one's word in the
   * other's text. Where both have words other than abbreviations, those alone count: a party or a
   * place two people share ("Jens Spahn (CDU)", "Volker Bouffier (CDU)") makes them no one person,
   * but "UKE officials" speak for the UKE its board member does.
   */
  private static boolean sameOne(List<String> own, String ownFolded, List<String> other) {
    List<String> a = personal(own);
    List<String> b = personal(other);
    boolean names = !a.isEmpty() && !b.isEmpty();
    Set<String> mine = new java.util.HashSet<>();
    for (String w : names ? a : own) mine.add(Fold.plain(w));
    for (String w : names ? b : other) {
      if (mine.contains(Fold.plain(w)) || ownFolded.contains(Fold.plain(w))) return true;
    }
    return false;
  }

  /** The name words less the abbreviations ("CDU", "NRW"). */
  private static List<String> personal(List<String> words) {
    List<String> out = new ArrayList<>();
    for (String w : words) {
      if (!w.equals(w.toUpperCase(Locale.ROOT))) out.add(w);
    }
    return out;
  }

  /** How many words before or after a verb of saying its subject may stand ("sagte CSU-Chef Markus Söder"). */
  private static final int SAYING_REACH = 6;
  /** A word, or a mark that ends a clause; parentheses do not ("Jens Spahn (CDU) sagte"). */
  private static final Pattern TOKEN = Pattern.compile("\\p{L}[\\p{L}\\p{M}\\-]*|[,;:„“”«»\"–—]");
  /** German verbs of saying and attribution words, as the subject stands next to them. */
  private static final Set<String> SAYING = Set.of("sagt", "sagte", "sagten", "erklärt", "erklärte", "erklärten",
      "betont", "betonte", "betonten", "mitteilte", "mitteilten", "mitgeteilt", "teilt", "teilte", "teilten", "berichtet",
      "berichtete", "berichteten", "schreibt", "schrieb", "warnt", "warnte", "mahnt", "mahnte", "gemahnt", "fordert",
      "forderte", "kritisiert", "kritisierte", "zitiert", "zitierte", "meldet", "meldete",
      "bestätigt", "bestätigte", "ergänzt", "ergänzte", "räumte", "kündigte", "unterstrich", "versicherte", "meint",
      "meinte", "attestiert", "bekräftigte", "erläutert", "erläuterte", "verkündete", "appellierte", "laut", "zufolge",
      "angaben", "sagen", "erklären", "betonen", "warnen", "fordern", "kritisieren", "wirbt", "warb", "argumentiert",
      "argumentierte", "verweist", "verwies", "plädiert", "plädierte", "widerspricht", "widersprach",
      "beklagt", "beklagte", "äußert", "äußerte", "bezeichnet", "bezeichnete", "antwortet", "antwortete",
      "entgegnet", "entgegnete", "behauptet", "behauptete", "versichert", "bekräftigt", "verkündet", "appelliert",
      "unterstreicht", "fügte", "räumt", "kündigt");
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
