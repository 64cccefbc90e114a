package dev.kurz.faithfulness;

import dev.kurz.model.Grounding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The turns of an interview: paragraphs opened by a speaker's label ("ZEIT ONLINE: ...", "Karl
 * von Rohr: ...", "SZ: ...") and the unlabelled paragraphs after the first label: a short one
 * ending in a question is the interviewer's, one after a question the interviewee's, and any
 * other goes on with the turn before it. An article is an
 * interview only when it has labels of both sides, one whose turns are mostly questions and one
 * whose turns are mostly not, and more than one exchange labelled. Immutable.
 */
final class Interview {
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
    // A single exchange ("Frage: ... Antwort: ..." as a joke that opens an essay) makes no interview.
    if (interviewers.isEmpty() || interviewees.isEmpty() || labels.size() < 3) return NONE;
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
