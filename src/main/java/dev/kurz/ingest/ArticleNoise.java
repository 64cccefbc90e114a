package dev.kurz.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Finds the notes to the reader inside the chosen article: blocks that address the reader on the
 * outlet's behalf (subscribe, follow us, our newsletter or app, support us, write to the editor),
 * copyright lines, and the page furniture {@link Furniture} knows in German (captions with credits,
 * share and ad labels, date lines, teaser headings). These sit inside the article's container, so
 * neither the class-name rule nor the link-density pruning sees them.
 *
 * <p>Each test looks at one innermost block (a paragraph, list item, heading or a div holding only
 * text) and its text alone; position is not used, as paywall notes and "subscribe" boxes also sit in
 * the middle of an article. Phrases rather than words: an article about a streaming service is full
 * of "subscription" and "sign up"; a note asks the reader to act ("subscribe now", "follow us",
 * "abonnieren Sie", "síguenos"). A block that quotes someone is story, not a note. A short list per
 * language the benchmarks hold (English, German, Spanish, Portuguese, Italian, French, Polish):
 * the held-out check is German, the development pages are in many languages. Stateless.
 */
final class ArticleNoise {
  /** Longer than this, a block is story even when it mentions a newsletter. */
  private static final int MAX_NOTE_CHARS = 500;
  /** Notes holding more than this share of the article's text are the article (a page about a newsletter). */
  private static final double MAX_NOTE_SHARE = 0.3;

  private static final Set<String> BLOCKS = Set.of("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
      "dd", "dt", "pre", "td", "th", "div", "section", "article", "aside", "header", "footer", "figure",
      "figcaption", "caption", "table", "tr", "tbody", "thead", "ul", "ol", "dl", "address", "center", "details",
      "summary", "main", "nav", "form", "hr");

  /**
   * The reader asked to act for the outlet, by phrase, matched against the lower-cased block (twice as
   * fast as a case-insensitive pattern), so written in lower case. Each phrase starts at a word
   * boundary, tested once before the phrases rather than in each: three to five times faster.
   */
  private static final Phrases ASKS = Phrases.of("\\b", 0,
      // English
      "subscribe (?:now|today|here|to (?:our|the|this)\\b)", "please subscribe", "already a subscriber",
      "subscribers (?:also )?(?:get|receive)", "(?:for|to (?:view|read)) the full story\\b",
      "sign(?:ing)?[ -]?up (?:here|now|today|to our\\b|for our\\b)",
      "(?:our|free|daily|weekly) (?:\\w+ )?newsletters?\\b", "for the latest (?:news|stories|updates)\\b",
      "follow (?:us|(?:him|her|them) (?:on|@)|\\S+ (?:\\S+ )?on (?:twitter|facebook|instagram|linkedin|tiktok|youtube|telegram|x)\\b)",
      "(?:download|get) our (?:\\S+ )?apps?\\b",
      "(?:support|donate to) (?:us|our|independent|local)\\b", "become a (?:member|patron|subscriber|supporter)",
      "donate now", "letters? to the editor", "write to us\\b", "let us know\\b", "send us\\b",
      "join (?:us|our)\\b",
      // Spanish, Portuguese, Italian
      "suscr[ií]b(?:ete|ase|irse a nuestr)", "s[ií]gue(?:nos|\\s+a\\s+\\S+)\\s+en\\b", "s[ií]guenos\\b",
      "ún[ea]te\\b", "haz(?:te)? miembro", "hágase miembro", "ap[oó]y(?:anos|a (?:el|nuestro) periodismo)",
      "escr[ií]b(?:enos|irnos)", "canal de (?:telegram|youtube|whatsapp)", "descarga (?:nuestra|la) (?:app|aplicaci)",
      "assine (?:já|agora|a nossa|o nosso)", "inscreva-se", "siga-nos", "iscriviti", "abbonati (?:ora|subito|a)", "seguici", "sostienici",
      "scarica l.app",
      // French
      "abonnez-vous", "s.abonner (?:à notre|ici)", "je m.abonne", "suivez-nous", "inscrivez-vous",
      "lettre d.information", "soutenez(?:-nous| notre)", "téléchargez",
      // Polish
      "obserwuj nas", "wesprzyj(?:cie)? nas",
      "zapraszamy (?:też |również )?do (?:subskrypcji|prenumeraty|obserwowania|śledzenia)",
      "pobierz aplikac");

  /**
   * The same in German, case-sensitive: the capitalized "Sie", "Ihr", "uns" address the reader, and a
   * noun alone ("Abonnement", "Newsletter") is as often story as note.
   */
  private static final Phrases ASKS_GERMAN = Phrases.of("\\b", Pattern.UNICODE_CHARACTER_CLASS,
      "(?i:abonnieren) Sie\\b", "jetzt (?:\\S+ )?(?i:abonnieren)", "(?i:abonniere)\\b",
      "(?:unsere[nmr]?|meine[nmr]?|zum|kostenlosen?) (?:\\S+ )?Newsletter", "Newsletter (?:abonnieren|bestellen|anmelden)",
      "mit (?:unserem|einem|Ihrem) (?:\\S+ )?Abo\\b", "Abo abschließen", "jetzt (?:ein )?Abo\\b",
      "(?i:registrieren) Sie sich", "(?i:melden) Sie sich", "(?i:folg)(?:en Sie|t) (?:uns|\\S+ auf)\\b",
      "unsere[nr]? (?:\\S+-)?App\\b", "(?i:laden) Sie (?:\\S+ )*?(?:die|unsere) (?:\\S+-)?App\\b",
      "(?i:unterstützen) Sie (?:uns|unseren|unsere|unabhängigen)\\b", "(?i:spenden) Sie\\b", "jetzt spenden",
      "(?i:schreiben) Sie uns\\b");

  /** A copyright line: starts with the sign or word, a signed year, or "all rights reserved" in some language; lower case, as {@link #ASKS}. */
  private static final Phrases COPYRIGHT = Phrases.of("", 0,
      "^\\s*(?:©|ⓒ|copyright|\\(c\\))", "(?:©|ⓒ)\\s*\\d{4}", "\\bcopyright\\s+(?:[©ⓒ]|\\(c\\)|\\d{4})",
      "all rights reserved", "alle rechte vorbehalten", "derechos reservados", "droits réservés", "wszelkie prawa",
      "diritti riservati", "direitos reservados", "written permission", "may not be (?:published|reproduced)");

  /** A teaser for another article, by its label: "Lesen Sie auch:", "Read more:", "Lea también:", "MIRA |". */
  private static final Pattern TEASER = Pattern.compile(
      "^(?:le[ae](?: (?:también|más))?|leer más|puedes ver|mira|te puede interesar|también|read (?:more|also)"
          + "|related(?: (?:post|article|story|stories|reading))?|see also|lesen sie (?:auch|mehr)|auch interessant"
          + "|mehr zum thema|czytaj (?:też|także|więcej)|zobacz (?:też|także|również)|leggi anche|leia (?:também|mais)"
          + "|voir aussi|(?:à )?lire aussi)\\s*[:|]\\s*\\S", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** A picture credit or source line by its label alone: "(Credit: Name / Agency)", "Crédits photos : X", "Źródło: X". */
  private static final Pattern CREDIT = Pattern.compile(
      "^\\(?(?:source|quelle|źródło|fuente|fonte|credits?|crédits?(?: photos?)?|photo|foto|fotos|bild|image|imagen"
          + "|zdjęcie|fot\\.)\\s*:\\s*[^.!?]{1,80}\\)?$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  /** Teasers and credits are one line: longer, the label opens a paragraph of story. */
  private static final int MAX_LABELLED_CHARS = 250;

  /** Quoted speech: a block that quotes someone is story. */
  private static final Pattern QUOTE = Pattern.compile("[“„«\"»”]");

  private ArticleNoise() {}

  /**
   * Hands each note in the article to {@code take} and returns the article's blocks less those that
   * were notes themselves. Takes nothing when the notes would be a large part of the article.
   */
  static List<Element> without(List<Element> content, Consumer<Element> take) {
    List<Element> notes = new ArrayList<>();
    int total = 0;
    for (Element root : content) total += collect(root, notes).length();
    int noted = 0;
    for (Element note : notes) noted += note.text().length();
    if (notes.isEmpty() || noted > MAX_NOTE_SHARE * total) return content;
    for (Element note : notes) take.accept(note);
    List<Element> kept = new ArrayList<>();
    for (Element root : content) if (!notes.contains(root)) kept.add(root);
    return kept;
  }

  /** What {@link #collect} learns of a subtree: its text length and whether it holds a block. */
  private record Walk(int length, boolean block) {}

  /** Adds the notes among the innermost blocks under {@code e} (those with no block below them) to {@code notes}. */
  private static Walk collect(Element e, List<Element> notes) {
    int length = 0;
    boolean blockBelow = false;
    for (Node child : e.childNodes()) {
      if (child instanceof Element element) {
        Walk walk = collect(element, notes);
        length += walk.length();
        blockBelow |= walk.block();
      } else if (child instanceof TextNode text) {
        length += text.text().strip().length();
      }
    }
    boolean block = BLOCKS.contains(e.tagName());
    if (block && !blockBelow && length > 0 && isNote(e.text())) notes.add(e);
    return new Walk(length, block || blockBelow);
  }

  /** Whether one block's text is a note to the reader, not story. */
  static boolean isNote(String text) {
    String block = text.strip();
    if (block.isEmpty() || block.length() > MAX_NOTE_CHARS) return false;
    if (Furniture.isFurniture(block) || Furniture.isTeaserHeader(block)) return true;
    if (block.length() <= MAX_LABELLED_CHARS && (TEASER.matcher(block).find() || CREDIT.matcher(block).find())) return true;
    if (QUOTE.matcher(block).find()) return false;
    String lower = block.toLowerCase(Locale.ROOT);
    return COPYRIGHT.find(lower) || ASKS.find(lower) || ASKS_GERMAN.find(block);
  }
}
