package dev.kurz.analysis;

import dev.kurz.model.Claim;
import dev.kurz.analysis.GermanVerbForms.Person;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The cheap check after the model: compares the German cues in a claim's quote with the modality
 * the model chose, and returns warnings for the reader. Two rules (see CLAIMS.md):
 *
 * <ul>
 *   <li>a reportive or attribution cue with modality {@code stated} in a claim given in the
 *       article's own voice (a claim that names its speaker keeps the attribution): reportive "soll/sollen/solle/
 *       sollten" with a perfect infinitive later in the sentence ("soll ... angeboten haben", "soll
 *       ... gewesen sein"), or with an infinitive of state in a sentence that says nothing of the
 *       future ("Dazu soll es direkten Kontakt geben"; the deontic "soll eingefroren werden" and
 *       "soll ab Mai gelten" do not count), "angeblich",
 *       "mutmaßlich", "offenbar", "unbestätigt", "zufolge", "laut X", "nach Angaben", "berichtet",
 *       "sagte", "erklärte" (not "erklärte sich bereit"), "teilte ... mit", "gemäß", "heißt es", and
 *       Konjunktiv I as a German morphology lexicon tells it ({@link GermanVerbForms}: "sei", "es
 *       gebe", "er komme", "sie handle"; not "ich habe" or "sie haben", which are indicative too,
 *       nor a form ending a relative clause: "der Abstand, der einzuhalten sei", nor an optative
 *       formula: "dem sei das Buch empfohlen", "Gott sei Dank"); none where the claim's English
 *       itself says who said it ("Flügel wrote that ..."), and no "soll" of state where the English
 *       keeps it as a plan ("There is to be no curfew");
 *   <li>a denial cue with any modality but {@code denied}: "bestritt", "dementierte", "wies ...
 *       zurück", "zurückgewiesen" (not when what is turned down is a request: "wies die Klage
 *       zurück"), "falsch" before "Bericht", "Meldung", "Behauptung" and the like (not "falsche
 *       Angaben machen", which accuses) or as a predicate in a sentence about one ("der Bericht sei falsch"; a bare "es wäre
 *       falsch, ..." is an opinion, not a denial), "entspricht nicht der Realität". A denial verb
 *       negated just before it ("weder bestätigen noch dementieren", "nicht bestritten") does not
 *       count, nor does any where the claim's English itself tells of the denial ("The ministry
 *       denied the report").
 * </ul>
 *
 * <p>Cues are matched on whole words (letter runs), never inside other words. Whether the cue
 * governs the claim is not analysed: any cue in the quote counts, so a quote that reports an
 * allegation together with its denial gets a warning. Some false positives are the accepted price
 * of a check that costs nothing. Stateless and thread-safe.
 */
public final class ModalityCheck {
  private static final Set<String> SOLL = Set.of("soll", "sollen", "solle", "sollten");
  private static final Set<String> PERFECT_AUX = Set.of("haben", "sein");
  /**
   * Infinitives of state: "soll" with one of them and no sign of the future reports what is said
   * to be the case ("Dazu soll es direkten Kontakt geben", "Er soll Kontakte haben"); a plan or an
   * order would name an action or a time to come ("soll ab Mai gelten", "soll gebaut werden").
   */
  private static final Set<String> STATIVE = Set.of("geben", "sein", "haben", "existieren", "bestehen", "besitzen",
      "kennen", "wissen", "liegen", "stehen", "stammen", "gehören", "leben", "wohnen", "betragen", "umfassen", "zählen",
      "verfügen", "unterhalten", "pflegen");
  private static final Set<String> FUTURE = Set.of("künftig", "zukünftig", "bald", "demnächst", "morgen", "übermorgen",
      "nächste", "nächsten", "nächster", "kommende", "kommenden", "kommender", "später", "spätestens", "künftige",
      "werden", "wird", "ab", "bis");
  private static final Set<String> REPORTIVE_PREFIXES =
      Set.of("angeblich", "mutmaßlich", "mutmasslich", "unbestätigt");
  private static final Set<String> REPORTIVE_WORDS =
      Set.of(
          "offenbar",
          "zufolge",
          "gemäß",
          "berichtet",
          "berichtete",
          "berichteten",
          "berichten",
          "sagte",
          "sagten",
          "sagt",
          "erklärte",
          "erklärten");
  /** Pronouns that are always a subject, and the person each fixes ("ich habe" is indicative). */
  private static final Map<String, Set<Person>> NOMINATIVE_PRONOUNS = Map.of(
      "ich", EnumSet.of(Person.FIRST_SINGULAR),
      "du", EnumSet.of(Person.SECOND_SINGULAR),
      "er", EnumSet.of(Person.THIRD_SINGULAR),
      "man", EnumSet.of(Person.THIRD_SINGULAR),
      "wir", EnumSet.of(Person.FIRST_PLURAL));
  private static final Set<Person> THIRD_SINGULAR = EnumSet.of(Person.THIRD_SINGULAR);
  /** Pronouns that may be a subject or an object ("er habe sie gesehen"). */
  private static final Map<String, Set<Person>> OBJECT_OR_SUBJECT_PRONOUNS = Map.of(
      "es", EnumSet.of(Person.THIRD_SINGULAR),
      "sie", EnumSet.of(Person.THIRD_SINGULAR, Person.THIRD_PLURAL));
  private static final Set<String> RELATIVE_PRONOUNS = Set.of("der", "die", "das", "dem", "den", "deren", "dessen",
      "denen", "welcher", "welche", "welches", "welchem", "welchen");
  private static final Set<String> LAUT_FOLLOWERS =
      Set.of("dem", "der", "den", "des", "einem", "einer", "eines");
  private static final Set<String> DENIAL_WORDS =
      Set.of(
          "bestritt",
          "bestritten",
          "bestreitet",
          "bestreiten",
          "dementierte",
          "dementierten",
          "dementiert",
          "dementieren",
          "zurückgewiesen",
          "zurückweisen",
          "zurückwies",
          "zurückwiesen",
          "falschmeldung",
          "falschmeldungen");
  /** What "zurückweisen" turns down when it reports a decision, not a denial (word endings, so compounds count). */
  private static final Set<String> REQUESTS = Set.of("antrag", "anträge", "anträgen", "klage", "klagen", "beschwerde",
      "beschwerden", "berufung", "revision", "einspruch", "einsprüche", "gesuch", "gesuche", "angebot", "angebote",
      "vorschlag", "vorschläge", "bewerbung", "forderung", "forderungen");
  private static final Set<String> WEISEN = Set.of("wies", "wiesen", "weist", "weisen");
  private static final Set<String> FALSE_WHAT =
      Set.of(
          "bericht",
          "berichte",
          "berichten",
          "meldung",
          "meldungen",
          "behauptung",
          "behauptungen",
          "darstellung",
          "information",
          "informationen",
          "angaben",
          "nachricht",
          "nachrichten");
  /**
   * What one gives or spreads: "falsche Angaben machen", "falsche Informationen verbreiten" accuse
   * someone of lying rather than deny a report ("die Angaben seien falsch" still denies).
   */
  private static final Set<String> GIVEN = Set.of("angaben", "information", "informationen");
  private static final Set<String> NEGATIONS =
      Set.of("nicht", "weder", "noch", "nie", "niemals", "kein", "keine");
  private static final Set<String> REALITY = Set.of("realität", "wahrheit", "tatsachen");

  /** How far after "soll" a perfect infinitive may stand, in words. */
  private static final int SOLL_REACH = 12;

  private ModalityCheck() {}

  /**
   * Warnings for claim number {@code claimNumber} (1-based, as the reader sees it), one line each;
   * empty when the quote or modality is missing or nothing looks wrong.
   */
  public static List<String> check(int claimNumber, Claim claim) {
    List<String> warnings = new ArrayList<>(2);
    if (claim == null || claim.quote() == null || claim.modality() == null) return warnings;
    String modality = claim.modality().strip().toLowerCase(Locale.ROOT);
    Words words = Words.of(claim.quote());
    if (modality.equals("stated") && articleVoice(claim) && !reportsSpeech(claim.claim())) {
      // "There is to be no mask requirement" for "soll es nicht geben" keeps the modal as a plan.
      boolean plan = claim.claim() != null && ENGLISH_PLAN.matcher(claim.claim()).find();
      Set<String> cues = reportiveCues(words, plan);
      // "the alleged leader" for "der mutmaßliche Anführer": the English keeps the hedge in its own word.
      if (claim.claim() != null && ENGLISH_HEDGE.matcher(claim.claim()).find()) {
        cues.removeIf(c -> startsWithAny(c.toLowerCase(Locale.ROOT), REPORTIVE_PREFIXES)
            || c.toLowerCase(Locale.ROOT).equals("offenbar"));
      }
      if (!cues.isEmpty()) {
        warnings.add(
            "claim %d: quote contains reportive/attribution cue %s but modality is 'stated'"
                .formatted(claimNumber, quoted(cues)));
      }
    }
    if (!modality.equals("denied") && !reportsDenial(claim.claim())) {
      Set<String> cues = denialCues(words);
      if (!cues.isEmpty()) {
        warnings.add(
            "claim %d: quote contains denial cue %s but modality is '%s'"
                .formatted(claimNumber, quoted(cues), modality));
      }
    }
    return warnings;
  }

  /** English words that hedge as "mutmaßlich", "angeblich" and "offenbar" do. */
  private static final java.util.regex.Pattern ENGLISH_HEDGE = java.util.regex.Pattern.compile(
      "(?i)\\b(alleged(ly)?|suspected|supposed(ly)?|purported(ly)?|reportedly|apparently|unconfirmed|presumed|presumably)\\b");

  /** The article's own voice as a claim's speaker: "the article", "the newspaper", or none. */
  private static final java.util.regex.Pattern ARTICLE_VOICE = java.util.regex.Pattern.compile(
      "(?i)\\s*(?:the\\s+)?(?:article|outlet|author|authors|newspaper|magazine|paper|editorial|report|text)\\b.*");

  /**
   * Whether the claim is given in the article's own voice. A claim that names its speaker keeps
   * the attribution, so a 'stated' there says the speaker stated it, whatever the quote's grammar
   * ("Die Lage sei ernst, sagte Müller" stated by Müller); only the article's voice turns a report into fact.
   */
  static boolean articleVoice(Claim claim) {
    String speaker = claim.attributedTo() == null ? "" : claim.attributedTo().strip();
    return speaker.isEmpty() || "article_voice".equalsIgnoreCase(claim.sourceType()) || ARTICLE_VOICE.matcher(speaker).matches();
  }

  /**
   * English that itself says who said or wrote what ("Flügel wrote that dressing is like
   * blushing", "according to the police", "Trump insisted the virus was harmless", "NDR had
   * reported on the plans"): given as fact, it states that the words were said.
   */
  private static final java.util.regex.Pattern REPORTS_SPEECH = java.util.regex.Pattern.compile(
      "(?i)\\b(?:(?:said|says|wrote|writes|stated|states|argued|argues|told|explained|claimed|claims|warned|announced)\\b[^.;:]{0,80}?\\bthat"
          + "|according\\s+to"
          // the verb of saying is the claim's own: "Trump insisted the virus was harmless", "NDR had reported on the plans"
          + "|(?:say|says|insist(?:s|ed)|stress(?:es|ed)|emphasi[sz](?:es|ed)|report(?:s|ed)|reiterat(?:es|ed)|maintain(?:s|ed)|assert(?:s|ed)"
          + "|announc(?:es|ed)|warn(?:s|ed)|repeated|affirm(?:s|ed)|declar(?:es|ed)))\\b");

  /** English that keeps "soll" as a plan or an obligation: "is to be", "are to reopen", "should", "is planned". */
  private static final java.util.regex.Pattern ENGLISH_PLAN = java.util.regex.Pattern.compile(
      "(?i)\\b(?:(?:is|are|was|were)\\s+(?:not\\s+)?to\\s+\\p{L}+|should|shall|(?:is|are)\\s+(?:planned|intended|meant)\\s+to|plans?\\s+to)\\b");

  /**
   * English that itself tells of the denial ("The ministry denied the report", "Müller rejects the
   * accusation"): given as stated, it states that the denial was made.
   */
  private static final java.util.regex.Pattern REPORTS_DENIAL = java.util.regex.Pattern.compile(
      "(?i)\\b(?:den(?:y|ies|ied|ying)|reject(?:s|ed|ing)?|disput(?:es|ed|ing)|refut(?:es|ed|ing)|dismiss(?:es|ed|ing)|rebuff(?:s|ed)?)\\b");

  static boolean reportsDenial(String english) {
    return english != null && REPORTS_DENIAL.matcher(english).find();
  }

  static boolean reportsSpeech(String english) {
    return english != null && REPORTS_SPEECH.matcher(english).find();
  }

  /**
   * The reportive and attribution cues of a quote; {@code plan}: the English keeps "soll" as a plan
   * or an obligation, so "soll" with an infinitive of state is no cue (one with a perfect infinitive still is).
   */
  static Set<String> reportiveCues(Words w, boolean plan) {
    Set<String> cues = new LinkedHashSet<>();
    for (int i = 0; i < w.size(); i++) {
      String lc = w.lower(i);
      if (SOLL.contains(lc)) {
        int aux = perfectInfinitiveAfter(w, i);
        int state = aux >= 0 || plan ? -1 : stativeInfinitiveAfter(w, i);
        if (aux >= 0) cues.add(w.word(i) + " ... " + w.word(aux - 1) + " " + w.word(aux));
        else if (state >= 0) cues.add(w.word(i) + " ... " + w.word(state));
      } else if (REPORTIVE_WORDS.contains(lc) && !(lc.startsWith("erklärt") && w.is(i + 1, "sich"))
          || startsWithAny(lc, REPORTIVE_PREFIXES)) {
        // "erklärten sich bereit" agrees to something; it reports nothing.
        cues.add(w.word(i));
      } else if (lc.equals("laut") && i + 1 < w.size() && w.sameSentence(i, i + 1)) {
        String next = w.word(i + 1);
        if (Character.isUpperCase(next.charAt(0)) || LAUT_FOLLOWERS.contains(w.lower(i + 1))) {
          cues.add(w.word(i) + " " + next);
        }
      } else if (lc.equals("nach") && w.is(i + 1, "angaben")) {
        cues.add(w.word(i) + " " + w.word(i + 1));
      } else if ((lc.equals("heißt") || lc.equals("hieß")) && w.is(i + 1, "es")) {
        cues.add(w.word(i) + " es");
      } else if ((lc.equals("teilte") || lc.equals("teilten")) && w.laterInSentence(i, "mit")) {
        cues.add(w.word(i) + " ... mit");
      } else if (konjunktivI(w, i) && !endsRelativeClause(w, i) && !optative(w, i)) {
        cues.add(w.word(i));
      }
    }
    return cues;
  }

  /**
   * Index of "haben"/"sein" ending a perfect infinitive after the "soll" at {@code i} in the same
   * sentence ("angeboten haben", "gewesen sein", "getötet worden sein"), or -1. The word before
   * must look like a participle (ends in -t or -en), which keeps "soll ... fertig sein" out and
   * lets "soll bereit sein" (usually reportive in news) in.
   */
  private static int perfectInfinitiveAfter(Words w, int i) {
    for (int k = i + 2; k < w.size() && k <= i + SOLL_REACH && w.sameSentence(i, k); k++) {
      if (!PERFECT_AUX.contains(w.lower(k))) continue;
      String before = w.lower(k - 1);
      if (before.length() >= 4 && (before.endsWith("t") || before.endsWith("en"))) return k;
    }
    return -1;
  }

  /**
   * Index of a stative infinitive after the "soll" at {@code i} in its sentence ("soll es ...
   * geben"), or -1, and -1 wherever the sentence speaks of the future or goes on in the passive.
   */
  private static int stativeInfinitiveAfter(Words w, int i) {
    int found = -1;
    for (int k = i + 1; k < w.size() && k <= i + SOLL_REACH && w.sameSentence(i, k); k++) {
      if (found < 0 && STATIVE.contains(w.lower(k))) found = k;
    }
    if (found < 0 || w.inSentenceAny(i, FUTURE)) return -1;
    return found;
  }

  /** English words that keep a report's distance: attribution, reported speech, hedges. */
  private static final java.util.regex.Pattern ENGLISH_DISTANCE = java.util.regex.Pattern.compile(
      "(?i)\\b(?:said|says|say|saying|according|reportedly|allegedly|supposedly|claims?|claimed|stated|states|told|"
          + "added|explained|insisted|argued|maintained|asserted|reported|reports|announced|wrote|writes|quoted|"
          + "is said|are said|was said|were said|would|could|might|apparently|believes?|believed|thinks|thought|"
          + "suggested|alleged|purportedly|in (?:his|her|their|its) (?:view|words)|declared|stressed|emphasi[sz]ed|"
          + "noted|warned|denied|confirmed|admitted|acknowledged|promised|assured|replied|answered)\\b");

  /**
   * The Konjunktiv I or reportive cues of a German paragraph whose translation keeps no sign of
   * the distance (no "said", "according to", "reportedly", "would", ...), joined for a warning;
   * null when the German reports nothing or the translation keeps its distance.
   */
  public static String lostDistance(String german, String english) {
    Words w = Words.of(german);
    Set<String> cues = new LinkedHashSet<>();
    for (int i = 0; i < w.size(); i++) {
      if (konjunktivI(w, i)) cues.add(w.word(i));
    }
    if (cues.isEmpty() || english == null || ENGLISH_DISTANCE.matcher(english).find()) return null;
    return quoted(cues);
  }

  /**
   * Whether word {@code i} is a Konjunktiv I form by the lexicon, for the person its clause's
   * subject pronoun fixes ("er habe", "wie oft er gesprochen habe": yes; "ich habe", "wenn ich die
   * Regeln einhalte", "wir haben": no; "wir seien", "ich sei": yes). Without a pronoun in the
   * clause any subjunctive-only person counts (a noun subject is third person), except in a
   * sentence with "ich", where a form subjunctive only in the third person singular is read as the
   * speaker's indicative, which it also is ("Ich gehe raus, kaufe ein").
   */
  private static boolean konjunktivI(Words w, int i) {
    Set<Person> persons = GermanVerbForms.konjunktivOnly(w.word(i));
    if (persons.isEmpty()) return false;
    Set<Person> fixed = subjectPronoun(w, i);
    if (fixed == null && persons.equals(THIRD_SINGULAR) && w.inSentence(i, "ich")) return false;
    return fixed == null || !Collections.disjoint(persons, fixed);
  }

  /** Participles of the optative formulas an author writes in their own voice: "dem sei das Buch empfohlen", "es sei daran erinnert". */
  private static final Set<String> OPTATIVE_PARTICIPLES = Set.of("empfohlen", "gesagt", "angemerkt", "erwähnt", "gedankt",
      "gegönnt", "verziehen", "hingewiesen", "erinnert", "verraten", "angeraten", "vorausgeschickt");

  /** How far after "sei" the participle of an optative formula may stand, in words (a title in quotation marks between). */
  private static final int OPTATIVE_REACH = 12;

  /**
   * Whether the "sei" at {@code i} is an optative, the author's own wish or advice and no report:
   * "Gott sei Dank", or "sei" with one of the formulas' participles a few words later in its
   * sentence, a title in quotation marks between or not ("dem sei das Buch „...“ empfohlen"), and
   * no "worden" ("sie sei empfohlen worden" reports).
   */
  private static boolean optative(Words w, int i) {
    if (!w.lower(i).equals("sei")) return false;
    if (w.is(i - 1, "gott")) return true;
    for (int k = i + 1; k < w.size() && k <= i + OPTATIVE_REACH && w.sameSentence(i, k); k++) {
      if (OPTATIVE_PARTICIPLES.contains(w.lower(k))) return !w.is(k + 1, "worden");
    }
    return false;
  }

  /**
   * Whether word {@code i} ends a relative clause: the last word of a clause after the first that
   * opens with a relative pronoun not followed by a noun ("der Mindestabstand, der weiterhin
   * einzuhalten sei"). A Konjunktiv I there qualifies a thing the sentence names; the sentence
   * itself may be the article's own ("bleibt bestehen"), and where it reports, its main clause
   * says so ("die Lage sei ernst").
   */
  private static boolean endsRelativeClause(Words w, int i) {
    if (i + 1 < w.size() && w.sameClause(i, i + 1)) return false;
    int first = i;
    while (first > 0 && w.sameClause(first - 1, i)) first--;
    if (first == 0 || !w.sameSentence(first - 1, i) || first + 2 > i) return false;
    return RELATIVE_PRONOUNS.contains(w.lower(first)) && Character.isLowerCase(w.word(first + 1).charAt(0));
  }

  /**
   * The persons of the subject pronoun of word {@code i}: the nearest before it in its clause, or
   * the one right after it ("heute gebe ich"), preferring pronouns that are only nominative ("wenn
   * ich sie sehe" is "ich"); null where there is none.
   */
  private static Set<Person> subjectPronoun(Words w, int i) {
    for (Map<String, Set<Person>> pronouns : List.of(NOMINATIVE_PRONOUNS, OBJECT_OR_SUBJECT_PRONOUNS)) {
      for (int k = i - 1; k >= 0 && w.sameClause(i, k); k--) {
        Set<Person> p = pronouns.get(w.lower(k));
        if (p != null) return p;
      }
      if (i + 1 < w.size() && w.sameClause(i, i + 1) && pronouns.containsKey(w.lower(i + 1))) {
        return pronouns.get(w.lower(i + 1));
      }
    }
    return null;
  }

  static Set<String> denialCues(Words w) {
    Set<String> cues = new LinkedHashSet<>();
    for (int i = 0; i < w.size(); i++) {
      String lc = w.lower(i);
      if (DENIAL_WORDS.contains(lc)) {
        if (!negatedBefore(w, i) && !(lc.startsWith("zurück") && rejectsARequest(w, i))) cues.add(w.word(i));
      } else if (WEISEN.contains(lc) && w.laterInSentence(i, "zurück")) {
        if (!negatedBefore(w, i) && !rejectsARequest(w, i)) cues.add(w.word(i) + " ... zurück");
      } else if (lc.equals("falsch") && w.inSentenceAny(i, FALSE_WHAT)) {
        cues.add(w.word(i));
      } else if (lc.startsWith("falsch")
          && i + 1 < w.size()
          && FALSE_WHAT.contains(w.lower(i + 1))
          && !GIVEN.contains(w.lower(i + 1))) {
        cues.add(w.word(i) + " " + w.word(i + 1));
      } else if (lc.startsWith("entspr")
          && w.inSentence(i, "nicht")
          && w.inSentenceAny(i, REALITY)) {
        cues.add("nicht der Realität " + w.word(i));
      }
    }
    return cues;
  }

  /**
   * Whether "zurückweisen" in this sentence turns down a request rather than denies a statement: a
   * court "wies die Eilanträge zurück", a party "wies das Angebot zurück" reports a decision.
   */
  private static boolean rejectsARequest(Words w, int i) {
    for (int k = 0; k < w.size(); k++) {
      if (w.sameSentence(i, k) && endsWithAny(w.lower(k), REQUESTS)) return true;
    }
    return false;
  }

  private static boolean endsWithAny(String word, Set<String> suffixes) {
    for (String s : suffixes) {
      if (word.endsWith(s)) return true;
    }
    return false;
  }

  private static boolean negatedBefore(Words w, int i) {
    for (int k = Math.max(0, i - 3); k < i; k++) {
      if (w.sameSentence(k, i) && NEGATIONS.contains(w.lower(k))) return true;
    }
    return false;
  }

  private static boolean startsWithAny(String word, Set<String> prefixes) {
    for (String p : prefixes) {
      if (word.startsWith(p)) return true;
    }
    return false;
  }

  private static String quoted(Set<String> cues) {
    StringBuilder sb = new StringBuilder();
    for (String c : cues) {
      if (!sb.isEmpty()) sb.append(", ");
      sb.append('\'').append(c).append('\'');
    }
    return sb.toString();
  }

  /** The words of a quote (letter runs), with the sentence and clause each one stands in. */
  static final class Words {
    private final List<String> words = new ArrayList<>();
    private final List<String> lower = new ArrayList<>();
    private final List<Integer> sentence = new ArrayList<>();
    private final List<Integer> clause = new ArrayList<>();

    static Words of(String s) {
      Words w = new Words();
      int sent = 0;
      int clause = 0;
      int i = 0;
      int n = s.length();
      while (i < n) {
        char c = s.charAt(i);
        if (Character.isLetter(c)) {
          int from = i;
          while (i < n && Character.isLetter(s.charAt(i))) i++;
          String word = s.substring(from, i);
          w.words.add(word);
          w.lower.add(word.toLowerCase(Locale.ROOT));
          w.sentence.add(sent);
          w.clause.add(clause);
        } else {
          // "1.000" and "3.5" do not end a sentence; a period before a space, a closing quote or
          // the end does.
          int after = i + 1;
          while (after < n && CLOSING_QUOTES.indexOf(s.charAt(after)) >= 0) after++;
          boolean end = after == n || Character.isWhitespace(s.charAt(after));
          if (c == '!' || c == '?' || c == ';' || (c == '.' && end)) sent++;
          boolean spacedDash = c == '-' && i > 0 && i + 1 < n && s.charAt(i - 1) == ' ' && s.charAt(i + 1) == ' ';
          if (CLAUSE_MARKS.indexOf(c) >= 0 || spacedDash || c == '.' && end) clause++;
          i++;
        }
      }
      return w;
    }

    private static final String CLOSING_QUOTES = "\"'“”«»‘’";
    private static final String CLAUSE_MARKS = ",;:!?()–—„“”«»\"";

    int size() {
      return words.size();
    }

    String word(int i) {
      return words.get(i);
    }

    String lower(int i) {
      return lower.get(i);
    }

    boolean is(int i, String lc) {
      return i >= 0 && i < words.size() && lower.get(i).equals(lc);
    }

    boolean sameSentence(int a, int b) {
      return sentence.get(a).equals(sentence.get(b));
    }

    boolean sameClause(int a, int b) {
      return clause.get(a).equals(clause.get(b));
    }

    boolean laterInSentence(int i, String lc) {
      for (int k = i + 1; k < words.size() && sameSentence(i, k); k++) {
        if (lower.get(k).equals(lc)) return true;
      }
      return false;
    }

    boolean inSentence(int i, String lc) {
      return inSentenceAny(i, Set.of(lc));
    }

    boolean inSentenceAny(int i, Set<String> lcs) {
      for (int k = 0; k < words.size(); k++) {
        if (sameSentence(i, k) && lcs.contains(lower.get(k))) return true;
      }
      return false;
    }
  }
}
