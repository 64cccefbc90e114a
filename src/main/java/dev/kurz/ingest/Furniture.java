package dev.kurz.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognizes one line of page furniture in a German news text pasted or saved from a web page:
 * photo captions with agency credits, newsletter and paywall boxes, share and ad prompts, cookie
 * notes, bylines and date lines. Each test looks at one line alone; {@link TextCleaner} adds the
 * context rules (teaser lists, lines trapped between furniture). Stateless; thread-safe.
 */
final class Furniture {
  /** Lines that are furniture whatever their context, compared lower-cased without end colon. */
  private static final Set<String> EXACT = Set.of(
      "teilen", "artikel teilen", "beitrag teilen", "seite teilen", "link kopieren", "link kopiert",
      "anzeige", "werbung", "advertisement", "sponsored", "newsletter", "die mobile version verlassen",
      "zur mobilen version", "zur desktop-version", "drucken", "merken", "artikel merken",
      "kommentare", "kommentieren", "facebook", "twitter", "whatsapp", "e-mail", "email", "x",
      "linkedin", "xing", "pinterest", "telegram", "threads", "bluesky", "flipboard", "messenger",
      "pocket", "reddit", "mail", "zur startseite", "nach oben", "schließen", "vorlesen",
      "artikel vorlesen", "artikel anhören", "anhören", "bild vergrößern", "vergrößern", "galerie",
      "bildergalerie", "video", "audio", "play", "abspielen", "weiterlesen", "mehr anzeigen",
      "(symbolbild)", "symbolbild", "weiter nach der anzeige", "artikel wird nach der anzeige fortgesetzt",
      "lesen sie nach der anzeige weiter", "zum artikel", "feedback", "hilfe", "impressum",
      "datenschutz", "abonnieren", "jetzt abonnieren", "anmelden", "registrieren", "schlagworte",
      "themen", "mehr", "zurück", "weiter", "copyright");

  /** Matched against the lower-cased line (as fast again as a case-insensitive pattern): written in lower case. */
  private static final Phrases CONTAINS = Phrases.of("", 0,
      "newsletter\\S*\\s.*(?:abonnier|anmeld|bestell|registrier|kostenlos|erhalten|bestätig)",
      "newsletter-abonnement", "e-mail geschickt", "prüfen sie ihr postfach", "bestätigen sie (?:ihre|das|die)",
      "melden sie sich (?:jetzt )?(?:hier )?(?:für|zu|an)", "(?:jetzt|hier) (?:kostenlos )?anmelden",
      "abmeldung (?:ist )?jederzeit", "cookies?\\b.*(?:akzeptier|zustimm|einstellung|datenschutz|verwende|nutze|einwillig)",
      "externe[nrs]? inhalt", "inhalte? von drittanbietern", "datenschutzerklärung", "einwilligung widerruf",
      "zustimmung widerruf", "abopflichtig", "nur für abonnent", "für abonnenten", "bereits abonnent",
      "abo abschließen", "jetzt abonnieren", "jetzt weiterlesen", "weiterlesen mit", "jetzt testen",
      "gratis testen", "plus-artikel", "^[zf]\\+", "^sz plus", "exklusiv für (?:abonnent|plus|abo)",
      "^(?:auf|per|via|bei) \\S+(?: \\S+)? teilen$", "^teilen (?:auf|per|via)\\b", "^artikel (?:per|auf) ",
      "lesezeit:?\\s*\\d", "\\d+\\s*min(?:\\.|uten)?\\s*lesezeit", "^lesen sie (?:auch|mehr|hier)\\b",
      "^mehr (?:zu|zum) (?:thema|diesem thema)\\b:?\\s*\\S", "zur merkliste", "^alle rechte vorbehalten",
      "^bildrechte?:", "^fotos?:\\s", "^bild:\\s", "^quelle:\\s*\\S+$");

  /** A paywall's notice: what is left of an article behind one is its teaser. */
  private static final Pattern PAYWALL = Pattern.compile(String.join("|",
      "(?iu)abopflichtig", "nur für abonnent", "für abonnenten", "bereits abonnent", "abo abschließen",
      "jetzt abonnieren", "jetzt weiterlesen", "weiterlesen mit", "plus-artikel", "^[zf]\\+", "^sz plus",
      "exklusiv für (?:abonnent|plus|abo)", "jetzt testen", "gratis testen"));

  /** Whether a removed line was a paywall's notice. */
  static boolean isPaywall(String line) {
    return PAYWALL.matcher(line.strip()).find();
  }

  /** A teaser list follows: the header and the short lines after it are furniture. */
  private static final Pattern TEASER_HEADER = Pattern.compile(
      "(?iu)^(?:mehr zu(?:m)? (?:thema|diesem thema)|lesen sie (?:auch|mehr)|auch interessant"
          + "|das könnte sie (?:auch )?interessieren|weitere artikel|weitere themen|zum thema"
          + "|mehr aus dem ressort|empfehlungen(?: der redaktion)?|meistgelesen|meist gelesen"
          + "|top-artikel|verwandte artikel|ähnliche artikel|weiterführende links|passend (?:dazu|zum thema)"
          + "|mehr zum thema|aktuelle nachrichten|neueste artikel|das könnte sie auch interessieren"
          + "|unsere empfehlungen|zum weiterlesen)\\s*:?$");

  private static final Pattern META = Pattern.compile(
      "(?iu)^(?:stand|veröffentlicht(?: am)?|aktualisiert(?: am)?|zuletzt aktualisiert(?: am)?"
          + "|erstellt(?: am)?|erschienen(?: am)?|publiziert(?: am)?|datum|date|updated|published)\\b[:\\s].{0,80}$");
  private static final Pattern META_PREFIX = Pattern.compile("(?iu)^(?:date|datum)\\s+(\\d{4}-\\d{2}(?:-\\d{2})?)\\s*");
  private static final Pattern BARE_DATE = Pattern.compile(
      "(?iu)^(?:\\p{L}+,\\s*)?\\d{1,2}\\.\\s?(?:\\d{1,2}\\.|\\p{L}+)\\s?\\d{4}(?:[,\\s|-]+\\d{1,2}[:.]\\d{2}(?:\\s*uhr)?)?$");
  private static final Pattern BYLINE = Pattern.compile(
      "(?u)^(?:Von|VON|Autor(?:in)?:|Ein (?:Kommentar|Gastbeitrag|Artikel|Bericht) von)\\s*:?\\s+\\p{Lu}[^.!?]{1,80}$");

  /** The byline's lead-in, before the author's name. */
  private static final Pattern BYLINE_LEAD = Pattern.compile(
      "(?u)^(?:Von|VON|Autor(?:in)?:|Ein (?:Kommentar|Gastbeitrag|Artikel|Bericht) von)\\s*:?\\s+");

  /**
   * The outlet's own promotion set in brackets inside the story: it addresses the reader ("Sie",
   * "Ihr", "unser") and sells something (the app, a newsletter, the news blog, a subscription,
   * more to read): {@code [Wenn Sie ... wollen, empfehlen wir Ihnen unsere App ...]}.
   */
  private static final Pattern PROMO = Pattern.compile("\\[([^\\[\\]]{10,600})\\]");
  private static final Pattern PROMO_ADDRESS = Pattern.compile(
      "(?u)\\b(?:Sie|Ihnen|Ihr|Ihre[mnrs]?|unser(?:e[mnrs]?)?|wir)\\b|(?iu)^mehr zu(?:m)? (?:thema|diesem thema)|^lesen sie");
  private static final Pattern PROMO_OFFER = Pattern.compile(
      "(?iu)\\bapp\\b|newsletter|newsblog|liveblog|live-blog|\\babo\\b|abonn|anmeld|herunterlad|download|push|podcast"
          + "|kostenlos|lesen sie|hier|mehr zum thema");

  private static final String AGENCY = "(?:APA|AFP|AP|dpa|DPA|REUTERS|Reuters|IMAGO|imago|Getty Images|picture alliance"
      + "|picture-alliance|KEYSTONE|Keystone|EPA|EFE|ANP|Xinhua|XINHUA|SPUTNIK|Sputnik|TASS|ddp|epd|KNA|photothek"
      + "|Shutterstock|iStock|iStockphoto|Anadolu|Anadolu Agency|POOL|Pool|ZUMA|SOPA|NurPhoto|action press"
      + "|Panthermedia|Westend61|SZ Photo|ullstein bild|Sipa|Kremlin|AA|UPI|KCNA|Bloomberg|Handout|HANDOUT)";
  private static final Pattern AGENCY_WORD = Pattern.compile("(?u)(?<![\\p{L}])" + AGENCY + "(?![\\p{L}])");
  /** Credit glued to or following the caption: {@code ...(r.).APA/AFP/POOL/Name}, {@code ... © Name/afp}. */
  private static final Pattern LABELLED_CREDIT = Pattern.compile(
      "(?iu)(?:^|(?<=[\\s.!?)“”\"»«]))(?:©|\\(c\\)|copyright|(?:foto|fotos|bild|bilder|grafik|illustration|photo|credit|fotograf(?:in)?)\\s*:)\\s*[^.!?]{1,100}$");
  private static final Pattern MARKER = Pattern.compile(
      "(?iu)\\((?:symbolbild|archivbild|archivfoto|symbolfoto|foto|bild|illustration|montage|screenshot)\\)");
  private static final Pattern SIGLE = Pattern.compile(
      "(?iu)\\s*\\((?:[a-zäöü]{1,4}|dpa|afp|ap|apa|kna|epd|sda|reuters|ddp|sid|red|ots)(?:[/,]\\s?(?:[a-zäöü]{1,4}|dpa|afp|ap|apa|kna|epd|reuters|red))*\\)$");

  private Furniture() {}

  /** Furniture by itself, whatever comes before or after. */
  static boolean isFurniture(String line) {
    String lower = line.toLowerCase(Locale.ROOT);
    String bare = lower.endsWith(":") ? lower.substring(0, lower.length() - 1).strip() : lower;
    if (EXACT.contains(bare)) return true;
    if (line.length() <= 200 && CONTAINS.find(lower)) return true;
    return isMetadata(line) || isCaption(line) || isSigle(line);
  }

  static boolean isTeaserHeader(String line) {
    return TEASER_HEADER.matcher(line).matches();
  }

  /** Date, byline and reading-time lines: removed, and their date becomes {@code published}. */
  static boolean isMetadata(String line) {
    return META.matcher(line).matches() || BARE_DATE.matcher(line).matches()
        || BYLINE.matcher(line).matches() && line.split("\\s+").length <= 10;
  }

  /** The author a byline names ("Von: Andreas Apetz" gives "Andreas Apetz"), or null if it is none. */
  static String bylineAuthor(String line) {
    if (!BYLINE.matcher(line).matches() || line.split("\\s+").length > 10) return null;
    Matcher m = BYLINE_LEAD.matcher(line);
    if (!m.lookingAt()) return null;
    String name = line.substring(m.end()).strip();
    int bar = name.indexOf(" | ");
    return bar > 0 ? name.substring(0, bar).strip() : name;
  }

  /** The bracketed promotions in {@code line}, in order; empty when there are none. */
  static List<String> promotions(String line) {
    if (line.indexOf('[') < 0) return List.of();
    List<String> found = new ArrayList<>();
    Matcher m = PROMO.matcher(line);
    while (m.find()) {
      String inside = m.group(1);
      if (PROMO_ADDRESS.matcher(inside).find() && PROMO_OFFER.matcher(inside).find()) found.add(m.group());
    }
    return found;
  }

  /** The {@code date 2025-02 } prefix some saved pages carry before the first line, or null. */
  static String metadataPrefix(String line) {
    Matcher m = META_PREFIX.matcher(line);
    return m.lookingAt() ? m.group() : null;
  }

  /**
   * A photo caption: a line that ends in a credit (labelled, {@code ©}, or agency names joined by
   * slashes, glued to the last sentence or after a space), or one marked {@code (Symbolbild)}.
   * Story paragraphs do not end in credits; agency sigles like {@code (dpa)} are not credits.
   */
  static boolean isCaption(String line) {
    if (line.length() > 600) return false;
    return creditStart(line) >= 0 || line.length() <= 300 && MARKER.matcher(line).find();
  }

  private static boolean mayBeLabelledCredit(String line) {
    if (line.indexOf(':') >= 0 || line.indexOf('©') >= 0) return true;
    String lower = line.toLowerCase(Locale.ROOT);
    return lower.contains("(c)") || lower.contains("copyright");
  }

  /** Where the credit at the end of {@code line} starts, or -1. */
  static int creditStart(String line) {
    // Every labelled credit has a colon, ©, "(c)" or "copyright": most lines have none of them, and
    // the pattern is slow to rule out at every position of a long paragraph.
    if (mayBeLabelledCredit(line)) {
      Matcher labelled = LABELLED_CREDIT.matcher(line);
      if (labelled.find()) return labelled.start();
    }
    // the tail after the last sentence end (or the whole line) is a credit if it names an agency
    // and has the Name/Agency shape, or is glued to the sentence without a space
    int cut = -1;
    boolean glued = false;
    for (int i = line.length() - 2; i >= 0; i--) {
      char c = line.charAt(i);
      if (".!?)“”\"»".indexOf(c) >= 0) {
        char next = line.charAt(i + 1);
        if (Character.isUpperCase(next)) {
          cut = i + 1;
          glued = true;
          break;
        }
        if (next == ' ' && i + 2 < line.length() && c != ')') {
          cut = i + 2;
          break;
        }
      }
    }
    String tail = line.substring(Math.max(cut, 0));
    if (tail.length() > 120 || tail.isEmpty() || ".!?“”\"»".indexOf(tail.charAt(tail.length() - 1)) >= 0) return -1;
    boolean agency = AGENCY_WORD.matcher(tail).find();
    boolean slashed = tail.matches("(?u)[\\p{L}\\p{M}\\-.' ]+(?:/\\s?[\\p{L}\\p{M}\\-.' ]+)+");
    if (glued) return agency || slashed ? cut : -1;
    if (agency && (slashed || tail.endsWith("Getty Images") || tail.endsWith("picture alliance"))) return Math.max(cut, 0);
    // a line that is nothing but a short agency name ("dpa", "Getty Images")
    if (cut < 0 && agency && tail.length() <= 30 && tail.split(" ").length <= 3) return 0;
    return -1;
  }

  /** {@code (aa)}, {@code (dpa/AFP)}: the author or agency sigle closing a paragraph. */
  static boolean isSigle(String line) {
    if (!line.endsWith(")")) return false; // the pattern ends with ")" at the end of the line
    Matcher m = SIGLE.matcher(line);
    return m.find() && m.start() == 0;
  }

  /** The paragraph without its closing sigle, or the paragraph itself. */
  static String withoutSigle(String line) {
    if (!line.endsWith(")")) return line;
    Matcher m = SIGLE.matcher(line);
    return m.find() && m.start() > 0 ? line.substring(0, m.start()) : line;
  }
}
