package dev.kurz.ingest;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Settles a page's main text from the main extraction ({@link MainContent#extract}) and its second
 * candidates, the way trafilatura weighs its own extraction against its readability and jusText
 * baselines: each candidate is read from the same parsed page, and simple measured rules on their
 * lengths decide. In order:
 *
 * <ol>
 *   <li>the page's own article container (the schema.org {@code articleBody}, else the
 *       {@code <article>}, else the {@code <main>} holding most of the main text): story paragraphs in it that the main
 *       extraction left out (long, few links, not a note to the reader) are added where they stand
 *       in the page, as the main extraction can stop at an inline teaser or ad and lose the rest;
 *   <li>a short result: every paragraph of the page ({@link MainContent#baseline}) where that holds
 *       over twice as much; still almost nothing: the same without the class-name junk rule;
 *   <li>the JSON-LD {@code articleBody} where it holds over twice as much;
 *   <li>nothing at all: the page's description, else its visible text.
 * </ol>
 *
 * Every rule was measured on both shared extraction benchmarks (docs/benchmarks-extraction.md).
 * Stateless.
 */
final class TextChoice {
  /** A main text shorter than this may be a wrong guess: the paragraph fallback is tried. */
  private static final int UNSURE_CHARS = 2000;
  /** Trafilatura's minimum extracted size: below it the fallback drops the class-name junk rule. */
  private static final int ALMOST_NOTHING_CHARS = 250;
  /**
   * A paragraph the main extraction left out is story when it is this long and this free of links:
   * teaser texts, captions and link lines are shorter or linked; measured 100 to 300 characters and
   * 0.1 to 0.3 (both sets; 200 and 0.2 best on each half of the web-extraction pages).
   */
  private static final int STORY_CHARS = 200;
  private static final double STORY_LINK_DENSITY = 0.2;
  private static final org.jsoup.select.Evaluator INNER_BLOCKS = org.jsoup.select.QueryParser.parse(
      "p, div, section, article, table, ul, ol, li, dl, blockquote, pre, h1, h2, h3, h4, h5, h6");
  private static final org.jsoup.select.Evaluator MARKED = org.jsoup.select.QueryParser.parse(
      "[itemprop=articleBody], article, main, [role=main]");
  /** The page's own article container, by the first of these that holds some of the main text. */
  private static final List<org.jsoup.select.Evaluator> CONTAINER_MARKERS = List.of(
      org.jsoup.select.QueryParser.parse("[itemprop=articleBody]"), org.jsoup.select.QueryParser.parse("article"),
      org.jsoup.select.QueryParser.parse("main, [role=main]"));
  private static final Pattern SPACE = Pattern.compile("\\s+");

  private TextChoice() {}

  /**
   * Whether {@link #choose} reads the page's baseline blocks whatever the main text: the page marks an
   * article container. The main extraction then reads them in its own pass ({@link MainContent#extract(Document, boolean)}).
   */
  static boolean readsBaseline(Document doc) {
    return doc.selectFirst(MARKED) != null;
  }

  /**
   * The page's main text, given the main extraction's {@code main} (with the baseline's blocks where
   * {@link #readsBaseline} asked for them); never null, empty only for a page without words.
   */
  static String choose(Document doc, PageMetadata meta, MainContent.Extraction main) {
    List<MainContent.Block> blocks = main.baseline();
    String text = blocks == null ? main.text() : withOwnArticle(doc, main.text(), blocks);
    if (text.length() < UNSURE_CHARS) text = longer(text, doc, text.isBlank(), true, blocks);
    if (text.length() < ALMOST_NOTHING_CHARS) text = longer(text, doc, true, false, null);
    String body = meta.articleBody();
    // JSON-LD articleBody is the publisher's own copy of the text: trust it where the page's
    // layout defeated the scoring and it holds clearly more than the DOM extraction
    if (body != null && body.length() >= 500 && body.length() > 2 * text.length()) {
      text = MainContent.paragraphs(org.jsoup.parser.Parser.unescapeEntities(body, false));
    }
    // nothing found (a page drawn by scripts, or no block long enough): the page's own summary of
    // itself, else whatever text it shows; an article is never read as empty while the page has words
    if (text.isBlank() && meta.description() != null) text = MainContent.paragraphs(meta.description());
    if (text.isBlank()) text = new MainContent().visibleText(doc);
    return text;
  }

  /**
   * The fallback's text where it holds over twice as much as {@code text}, else {@code text}; joined
   * from {@code blocks} where given and they are the same fallback's (no wrappers spared, junk dropped).
   */
  private static String longer(String text, Document doc, boolean spareWrappers, boolean dropJunk,
      List<MainContent.Block> blocks) {
    String fallback = blocks != null && !spareWrappers && dropJunk ? joined(blocks)
        : new MainContent().baseline(doc, spareWrappers, dropJunk);
    return fallback.length() > 2 * text.length() ? fallback : text;
  }

  /** The blocks' texts as {@link MainContent#baseline} joins them: one blank line between, empty ones left out. */
  private static String joined(List<MainContent.Block> blocks) {
    StringBuilder out = new StringBuilder();
    for (MainContent.Block b : blocks) {
      if (b.text().isEmpty()) continue;
      if (!out.isEmpty()) out.append("\n\n");
      out.append(b.text());
    }
    return out.toString();
  }

  /**
   * {@code main} with the story paragraphs of the page's own article container that it lacks, each
   * put after the main text's paragraph holding the block before it (or before the one holding the
   * block after it). Unchanged when the page marks no container or the main text shares no block with it.
   *
   * @param all the page's baseline blocks ({@link MainContent#baselineBlocks}, no wrappers spared, junk dropped)
   */
  static String withOwnArticle(Document doc, String main, List<MainContent.Block> all) {
    if (main.isBlank()) return main;
    String normalized = normalize(main);
    // whether each block is in the main text already, up to whitespace
    boolean[] inMain = new boolean[all.size()];
    List<MainContent.Block> covered = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      MainContent.Block b = all.get(i);
      inMain[i] = !b.text().isBlank() && normalized.contains(normalize(b.text()));
      if (inMain[i]) covered.add(b);
    }
    Element container = ownArticle(doc, covered);
    if (container == null) return main;
    // each block of the container: in the main text already (its end there as an offset), or story to add
    StringBuilder out = new StringBuilder(main);
    int offset = -1; // where the last block found in the main text ends; -1 before any
    List<String> pending = new ArrayList<>(); // story met before any block of the main text
    boolean added = false;
    for (int i = 0; i < all.size(); i++) {
      MainContent.Block b = all.get(i);
      if (b.element() != container && !isInside(b.element(), container)) continue;
      String text = b.text();
      if (text.isBlank()) continue;
      if (inMain[i]) {
        int at = out.indexOf(text, Math.max(0, offset));
        if (at < 0) at = out.indexOf(text);
        if (at < 0) continue; // present only up to whitespace: keep the place we had
        if (offset < 0 && !pending.isEmpty()) {
          String before = String.join("\n\n", pending) + "\n\n";
          int start = paragraphStart(out, at);
          out.insert(start, before);
          at += before.length();
          pending.clear();
        }
        offset = at + text.length();
        continue;
      }
      if (text.length() < STORY_CHARS || b.linkDensity() >= STORY_LINK_DENSITY || holdsBlocks(b.element())
          || ArticleNoise.isNote(text)) continue;
      added = true;
      if (offset < 0) {
        pending.add(text);
        continue;
      }
      int end = paragraphEnd(out, offset);
      String inserted = "\n\n" + text;
      out.insert(end, inserted);
      offset = end + inserted.length();
    }
    if (!added || offset < 0) return main;
    return MainContent.paragraphs(out.toString());
  }

  /**
   * The page's own article container, the one holding most of the main text: among its
   * {@code articleBody} elements, else among its {@code <article>}s (teaser cards are articles too),
   * else its main region, the innermost where several hold as much; null when none holds any of it.
   */
  static Element ownArticle(Document doc, List<MainContent.Block> covered) {
    // the main text each element holds: each covered block's length counted once for each of its ancestors
    Map<Element, Integer> holds = new IdentityHashMap<>();
    for (MainContent.Block b : covered) {
      for (Element a = b.element().parent(); a != null; a = a.parent()) holds.merge(a, b.text().length(), Integer::sum);
    }
    for (org.jsoup.select.Evaluator marker : CONTAINER_MARKERS) {
      Element best = null;
      int most = 0;
      for (Element candidate : doc.select(marker)) {
        int held = holds.getOrDefault(candidate, 0);
        // the innermost of those holding as much: a page wrapped whole in an <article> holds its story's too
        if (held > most || held > 0 && held == most && isInside(candidate, best)) {
          most = held;
          best = candidate;
        }
      }
      if (best != null) return best;
    }
    return null;
  }

  /** Whether an element holds blocks of its own: a cell or wrapper holding a table or a list is no paragraph. */
  private static boolean holdsBlocks(Element e) {
    for (Element d : e.getAllElements()) if (d != e && d.is(INNER_BLOCKS)) return true;
    return false;
  }

  private static boolean isInside(Element e, Element ancestor) {
    for (Element a = e.parent(); a != null; a = a.parent()) if (a == ancestor) return true;
    return false;
  }

  /** The start of the paragraph holding offset {@code at}: just after the blank line before it, or 0. */
  private static int paragraphStart(CharSequence text, int at) {
    String s = text.toString();
    int i = s.lastIndexOf("\n\n", Math.max(0, at - 1));
    return i < 0 ? 0 : i + 2;
  }

  /** The end of the paragraph holding offset {@code at}: the next blank line, or the text's end. */
  private static int paragraphEnd(CharSequence text, int at) {
    String s = text.toString();
    int i = s.indexOf("\n\n", at);
    return i < 0 ? s.length() : i;
  }

  private static String normalize(String s) {
    return SPACE.matcher(s).replaceAll(" ").strip();
  }
}
