package dev.kurz.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Finds the main text of a page in the spirit of Readability: page chrome and elements whose
 * class or id name boilerplate (share, related, newsletter, comments) are removed; each paragraph
 * scores its ancestors by length and commas; the best container, less its link density, wins,
 * joined by siblings that score nearly as well; the winner is pruned of link lists and rendered
 * as paragraphs separated by blank lines. Works on the page's own tree and leaves it as it
 * found it (what it takes out it puts back), so one parse serves the main extraction and the
 * fallbacks. Not thread-safe; one instance per page.
 */
final class MainContent {
  private static final String REMOVED_TAGS = "script, style, noscript, template, svg, canvas, iframe, object, embed,"
      + " button, input, select, textarea, dialog, link, meta, figure, figcaption,"
      + " picture, video, audio, source, [hidden], [aria-hidden=true], [role=dialog]";
  /** {@link #REMOVED_TAGS} less {@code <noscript>}, whose content the fallback reads. */
  private static final String REMOVED_BUT_NOSCRIPT = REMOVED_TAGS.replace(" noscript,", "");
  /** Page chrome by tag or role; removed like junk-named elements, so a wrapper holding the page is spared. */
  private static final String CHROME = "nav, aside, footer, header, [role=navigation], [role=complementary],"
      + " [role=contentinfo], [role=banner]";
  /** The selectors, parsed once (jsoup parses a selector string on every call). */
  private static final org.jsoup.select.Evaluator REMOVED_EVALUATOR = org.jsoup.select.QueryParser.parse(REMOVED_TAGS);
  private static final org.jsoup.select.Evaluator REMOVED_BUT_NOSCRIPT_EVALUATOR =
      org.jsoup.select.QueryParser.parse(REMOVED_BUT_NOSCRIPT);
  private static final org.jsoup.select.Evaluator CHROME_EVALUATOR = org.jsoup.select.QueryParser.parse(CHROME);
  private static final org.jsoup.select.Evaluator LINK = org.jsoup.select.QueryParser.parse("a");
  private static final org.jsoup.select.Evaluator BR = org.jsoup.select.QueryParser.parse("br");
  private static final org.jsoup.select.Evaluator NON_HEADER_CHROME = org.jsoup.select.QueryParser.parse(
      "nav, aside, footer, [role=navigation], [role=complementary], [role=contentinfo]");
  private static final org.jsoup.select.Evaluator BANNER = org.jsoup.select.QueryParser.parse("[role=banner]");
  private static final Pattern HEADER_NAMES = Pattern.compile("(?i)head(?:er|line)");
  /** The headline's lead ("standfirst", "intro", "Vorspann"): part of the article even when named like a teaser. */
  private static final Pattern LEAD = Pattern.compile(
      "(?i)lead|intro|summary|standfirst|sub-?title|sub-?headline|excerpt|chapo|chapeau|perex|bajada|epigraph"
          + "|preface|abstract|(?:^|[-_ ])(?:dek|deck|teaser|description|sapo)(?:$|[-_ ])");
  private static final Pattern POSITIVE = Pattern.compile(
      "(?i)article|body|content|entry|main|page|post|story|text|blog|prose");
  private static final Pattern POSITIVE_STRONG = Pattern.compile(
      "(?i)article-?body|article-?content|entry-content|post-content|post-body|story-?body|main-content|articletext");
  private static final Set<String> BLOCKS = Set.of("address", "article", "aside", "blockquote", "dd", "div", "dl",
      "dt", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
      "nav", "ol", "p", "pre", "section", "table", "tbody", "td", "th", "thead", "tr", "ul", "center", "details",
      "summary", "caption");
  private static final Set<String> CONTAINERS = Set.of("div", "section", "article", "main", "td", "span");
  private static final Set<String> PARAGRAPHS = Set.of("p", "pre", "td", "blockquote", "h2", "h3", "h4", "li", "dd");

  /** In the order scored (Element compares by identity): ties go to the first, whatever the run. */
  private final Map<Element, Double> scores = new LinkedHashMap<>();
  private final Map<Element, int[]> lengths = new IdentityHashMap<>();
  /** {@link ClassNames#boilerplate} of each class-and-id string met: pages repeat a few names on many elements. */
  private final Map<String, Boolean> boilerplate = new HashMap<>();
  /** What was taken out of the page, in order, so that {@link #restore} puts it back. */
  private final List<Removal> removals = new ArrayList<>();

  /** The best-scoring container, once {@link #selectContent} has chosen; null when it found none. */
  private Element top;

  private record Removal(Element parent, int index, Element element) {}

  String extract(Document doc) {
    return extract(doc, false).text();
  }

  /**
   * The main text and, where asked, the blocks {@link #baselineBlocks baselineBlocks(doc, false, true)}
   * gives.
   *
   * @param text the main text, possibly empty
   * @param baseline those blocks; null where they were not asked for
   */
  record Extraction(String text, List<Block> baseline) {}

  /**
   * The main extraction; with {@code readBaseline}, also the baseline's blocks (no wrappers spared,
   * junk dropped), read in the same pass where the page allows: the two passes take out the same
   * elements but for {@code <noscript>}, so where no {@code <noscript>} holds text, the baseline is
   * read first and the {@code <noscript>}s taken out after it leave the page the main extraction
   * would have had. Else the baseline is read by a pass of its own.
   */
  Extraction extract(Document doc, boolean readBaseline) {
    Element body = doc.body();
    if (body == null) return new Extraction("", readBaseline ? List.of() : null);
    List<Block> baseline = null;
    try {
      boolean shared = readBaseline && textlessNoscripts(body);
      takeAll(body.select(shared ? REMOVED_BUT_NOSCRIPT_EVALUATOR : REMOVED_EVALUATOR));
      removeHidden(body);
      removeChrome(body, false);
      removeJunk(body);
      if (shared) {
        baseline = blocks(body);
        takeAll(body.getElementsByTag("noscript"));
      }
      List<Element> content = selectContent(body);
      for (Element element : content) prune(element);
      // h17a's hook: notes to the reader inside the article (subscribe, follow us, copyright, captions)
      content = ArticleNoise.without(content, this::take);
      dropDanglingHeadings(content);
      StringBuilder story = new StringBuilder();
      for (Element element : content) {
        render(element, story);
        story.append("\n\n");
      }
      // the lead is looked for in the page as it was: it often sits in the article's header, which
      // the chrome rule takes out
      restore();
      StringBuilder out = new StringBuilder();
      if (top != null) {
        for (Element element : leadBefore(top, content)) {
          render(element, out);
          out.append("\n\n");
        }
      }
      String text = paragraphs(out.append(story).toString());
      if (readBaseline && baseline == null) baseline = new MainContent().baselineBlocks(doc, false, true);
      return new Extraction(text, baseline);
    } finally {
      restore();
    }
  }

  /** Whether no {@code <noscript>} of the page holds text (most hold a tracking pixel or frame). */
  private static boolean textlessNoscripts(Element body) {
    Map<Element, Integer> lengths = new IdentityHashMap<>();
    for (Element e : body.getElementsByTag("noscript")) if (textLength(e, lengths) > 0) return false;
    return true;
  }

  /**
   * The fallback when the scoring is unsure: every paragraph-like block of the page outside its
   * chrome and junk that is not a link list, in page order (trafilatura's "baseline"). Content
   * shown only to pages without scripts ({@code <noscript>}) counts here.
   *
   * @param spareWrappers keep a header or footer that holds much of the page (broken markup can put
   *     the whole page in one); only for pages where nothing else was found, as it costs precision
   * @param dropJunk remove elements whose class or id names boilerplate, as the main extraction does
   */
  String baseline(Document doc, boolean spareWrappers, boolean dropJunk) {
    Element body = doc.body();
    if (body == null) return "";
    try {
      takeAll(body.select(REMOVED_BUT_NOSCRIPT_EVALUATOR));
      removeHidden(body);
      removeChrome(body, spareWrappers);
      if (dropJunk) removeJunk(body);
      return paragraphBlocks(body);
    } finally {
      restore();
    }
  }

  /** One paragraph-like block of the page as {@link #baseline} reads it: its element and rendered text. */
  record Block(Element element, String text, double linkDensity) {}

  /**
   * The blocks {@link #baseline} joins, in page order, each with its element (the page is put back
   * as it was, so the elements stay valid) and link density: for a caller that weighs them one by one.
   */
  List<Block> baselineBlocks(Document doc, boolean spareWrappers, boolean dropJunk) {
    Element body = doc.body();
    if (body == null) return List.of();
    try {
      takeAll(body.select(REMOVED_BUT_NOSCRIPT_EVALUATOR));
      removeHidden(body);
      removeChrome(body, spareWrappers);
      if (dropJunk) removeJunk(body);
      return blocks(body);
    } finally {
      restore();
    }
  }

  /** The blocks {@link #paragraphBlocks} renders, each rendered alone. */
  private static List<Block> blocks(Element body) {
    List<Block> blocks = new ArrayList<>();
    for (Element e : paragraphElements(body)) {
      StringBuilder out = new StringBuilder();
      render(e, out);
      blocks.add(new Block(e, paragraphs(out.toString()), linkDensity(e)));
    }
    return blocks;
  }

  /** All the text the page shows (scripts, styles and hidden parts out), blocks as paragraphs. */
  String visibleText(Document doc) {
    Element body = doc.body();
    if (body == null) return "";
    try {
      takeAll(body.select(REMOVED_BUT_NOSCRIPT_EVALUATOR));
      removeHidden(body);
      return text(body);
    } finally {
      restore();
    }
  }

  /** Every paragraph-like block that is not a link list, in page order, each once. */
  private static String paragraphBlocks(Element body) {
    StringBuilder out = new StringBuilder();
    for (Element e : paragraphElements(body)) {
      render(e, out);
      out.append("\n\n");
    }
    return paragraphs(out.toString());
  }

  /** The elements {@link #paragraphBlocks} renders. */
  private static List<Element> paragraphElements(Element body) {
    List<Element> out = new ArrayList<>();
    Element last = null;
    for (Element e : body.getAllElements()) {
      if (last != null && isAncestor(last, e)) continue;
      String tag = e.tagName();
      boolean block = tag.equals("p") || tag.equals("pre") || tag.equals("blockquote") || tag.matches("h[1-6]")
          || tag.equals("li") || tag.equals("td") || tag.equals("dd") || isParagraph(e) && !e.ownText().isBlank();
      if (!block) continue;
      String text = e.text();
      if (text.isBlank() || linkDensity(e) > 0.5 || !tag.matches("h[1-6]") && text.length() < 20) continue;
      last = e;
      out.add(e);
    }
    return out;
  }

  /** Takes an element out of the page, to be put back by {@link #restore}. */
  private void take(Element e) {
    Element parent = e.parent();
    if (parent == null) return;
    removals.add(new Removal(parent, e.siblingIndex(), e));
    e.remove();
  }

  private void takeAll(List<Element> elements) {
    for (Element e : elements) take(e);
  }

  /** Puts back what was taken, newest first, so each goes back to the place it left. */
  private void restore() {
    for (int i = removals.size() - 1; i >= 0; i--) {
      Removal r = removals.get(i);
      r.parent().insertChildren(r.index(), r.element());
    }
    removals.clear();
  }

  private void removeHidden(Element body) {
    for (Element e : body.getElementsByAttribute("style")) {
      String style = e.attr("style").toLowerCase(Locale.ROOT).replace(" ", "");
      if (style.contains("display:none") || style.contains("visibility:hidden")) take(e);
    }
  }

  /**
   * Removes elements whose class or id names boilerplate. A wrapper that holds much of the page's
   * text is spared: sites put "header-style-2" or "advertisement-pusher" on the page wrapper.
   */
  /** A paragraph this long without a link is prose: a junk-named block holding most of the page's prose is the article. */
  private static final int PROSE_CHARS = 150;

  private void removeJunk(Element body) {
    Map<Element, Integer> lengths = new IdentityHashMap<>();
    int total = textLength(body, lengths);
    // the page's prose: paragraphs of PROSE_CHARS or more without links, each counted for its ancestors
    Map<Element, Integer> proseHeld = new IdentityHashMap<>();
    int prose = 0;
    for (Element p : body.getElementsByTag("p")) {
      int length = lengths.getOrDefault(p, 0);
      if (length < PROSE_CHARS || p.selectFirst(LINK) != null) continue;
      prose += length;
      for (Element a = p.parent(); a != null && a != body; a = a.parent()) proseHeld.merge(a, length, Integer::sum);
    }
    List<Element> junk = new ArrayList<>();
    for (Element e : body.getAllElements()) {
      // a link is never removed by its name (Readability does the same): "textTag" on a link inside a sentence
      if (e == body || e.tagName().equals("article") || e.tagName().equals("main") || e.tagName().equals("a")) continue;
      int length = lengths.getOrDefault(e, 0);
      if (e.tagName().equals("form") && length < 0.3 * total) {
        junk.add(e);
        continue;
      }
      String names = e.className() + " " + e.id();
      if (!boilerplate(names) || inSentence(e, lengths)) continue;
      if (length > 0.3 * total && length > 300) continue;
      if (prose > 0 && 2 * proseHeld.getOrDefault(e, 0) > prose) continue;
      if (POSITIVE_STRONG.matcher(names).find() && length > 500) continue;
      junk.add(e);
    }
    takeAll(junk);
  }

  private static final Set<String> PHRASING = Set.of("span", "em", "strong", "b", "i", "u", "small", "abbr", "time",
      "cite", "mark", "sup", "sub", "font", "q", "dfn", "var", "kbd", "code", "s");

  /**
   * Whether an element is a run of words inside a paragraph's sentence ("<span class=dateline>KOBE
   * –</span> A total of..."): taken out, it would cut the sentence, so its name does not remove it.
   * A span that is the whole paragraph (a caption) is not part of a sentence.
   */
  private static boolean inSentence(Element e, Map<Element, Integer> lengths) {
    if (!PHRASING.contains(e.tagName())) return false;
    for (Element a = e.parent(); a != null; a = a.parent()) {
      if (a.tagName().equals("p")) return lengths.getOrDefault(a, 0) > lengths.getOrDefault(e, 0) + 3;
      if (!PHRASING.contains(a.tagName())) return false;
    }
    return false;
  }

  /**
   * Removes page chrome (nav, header, footer, aside, their roles). With {@code spareWrappers}, one
   * holding much of the page is kept: broken markup can leave the whole page inside a header. (The
   * main extraction does better without: measured on both benchmarks.)
   */
  private void removeChrome(Element body, boolean spareWrappers) {
    Map<Element, Integer> lengths = new IdentityHashMap<>();
    int total = spareWrappers ? textLength(body, lengths) : 0;
    List<Element> junk = new ArrayList<>();
    for (Element e : body.select(CHROME_EVALUATOR)) {
      int length = lengths.getOrDefault(e, 0);
      if (spareWrappers && length > 0.3 * total && length > 300) continue;
      junk.add(e);
    }
    takeAll(junk);
  }

  private static int textLength(Element e, Map<Element, Integer> lengths) {
    int length = 0;
    for (Node child : e.childNodes()) {
      if (child instanceof TextNode text) length += text.text().strip().length();
      else if (child instanceof Element element) length += textLength(element, lengths);
    }
    lengths.put(e, length);
    return length;
  }

  private List<Element> selectContent(Element body) {
    measure(body);
    for (Element e : body.getAllElements()) {
      String text;
      Element ancestor;
      if (isParagraph(e) && !holdsBlocks(e)) {
        text = e.text();
        ancestor = e.parent();
      } else if (CONTAINERS.contains(e.tagName()) && e.ownText().length() >= 25) {
        // text directly in a container, split by <br> or empty divs: the container is its parent
        text = e.ownText();
        ancestor = e;
      } else {
        continue;
      }
      if (text.length() < 25) continue;
      double score = 1 + (ancestor == e ? commas(text) : lineCommas(e, text)) + Math.min(text.length() / 100, 3);
      for (int level = 0; ancestor != null && level < 3; level++, ancestor = ancestor.parent()) {
        double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
        Double sum = scores.get(ancestor);
        scores.put(ancestor, (sum == null ? initial(ancestor) : sum) + score / divider);
      }
    }
    Element top = null;
    double best = 0;
    for (Map.Entry<Element, Double> entry : scores.entrySet()) {
      double score = entry.getValue() * (1 - cachedLinkDensity(entry.getKey()));
      entry.setValue(score);
      if (score > best) {
        best = score;
        top = entry.getKey();
      }
    }
    if (top == null) return List.of(body);
    top = commonAncestor(top, best);
    this.top = top;
    best = Math.max(best, scores.getOrDefault(top, 0.0));
    Element parent = top.parent();
    if (parent == null) return List.of(top);
    List<Element> selected = new ArrayList<>();
    double threshold = Math.max(10, best * 0.2);
    for (Element sibling : parent.children()) {
      if (sibling == top || scores.getOrDefault(sibling, 0.0) >= threshold || isGoodParagraph(sibling)) {
        selected.add(sibling);
      }
    }
    addSplitParts(body, top, selected, threshold);
    return selected;
  }

  /**
   * An article split into several containers of one kind (by inline teasers, ads or page breaks)
   * shows as several scored elements with the winner's tag and class: those not already inside the
   * selection join it, in page order.
   */
  private void addSplitParts(Element body, Element top, List<Element> selected, double threshold) {
    String names = top.className();
    if (names.isBlank()) return;
    List<Element> parts = new ArrayList<>();
    for (Map.Entry<Element, Double> entry : scores.entrySet()) {
      Element e = entry.getKey();
      if (e == top || entry.getValue() < threshold || !e.tagName().equals(top.tagName()) || !e.className().equals(names)) continue;
      boolean inside = false;
      for (Element s : selected) if (s == e || isAncestor(s, e) || isAncestor(e, s)) inside = true;
      if (!inside) parts.add(e);
    }
    if (parts.isEmpty()) return;
    selected.addAll(parts);
    Map<Element, Integer> order = new IdentityHashMap<>();
    int i = 0;
    for (Element e : body.getAllElements()) order.put(e, i++);
    selected.sort(java.util.Comparator.comparingInt(e -> order.getOrDefault(e, Integer.MAX_VALUE)));
  }

  /**
   * The headline and lead paragraphs that come before the selected blocks inside the same article
   * ({@code <article>}, {@code <main>}): pages set them apart from the body, in a header or a teaser
   * box. Reads the page as it was, before chrome and junk were taken out, skipping what lies in
   * removed tags, navigation, asides, footers or junk-named blocks (names of headers aside).
   */
  private List<Element> leadBefore(Element top, List<Element> selected) {
    Element root = null;
    int depth = 0;
    for (Element a = top.parent(); a != null && depth < 6 && root == null; a = a.parent(), depth++) {
      if (a.tagName().equals("article") || a.tagName().equals("main") || a.attr("itemtype").contains("Article")) root = a;
    }
    List<Element> lead = new ArrayList<>();
    // no article element: the lead is looked for in the block two levels up from the winner, and
    // the headline is left out (what holds it is less clearly the article's own)
    boolean inArticle = root != null;
    if (root == null && top.parent() != null && top.parent().parent() != null && !top.parent().tagName().equals("body")) {
      root = top.parent().parent();
    }
    if (root == null) return lead;
    Set<Element> chosen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    chosen.addAll(selected);
    Set<Element> holders = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    for (Element c : selected) for (Element a = c.parent(); a != null && holders.add(a); a = a.parent()) { }
    int chars = 0;
    boolean headline = false;
    for (Element e : root.getAllElements()) {
      if (chosen.contains(e)) break;
      if (holders.contains(e) || !lead.isEmpty() && isAncestor(lead.getLast(), e)) continue;
      boolean isHeadline = inArticle && e.tagName().equals("h1") && !headline;
      if (!isHeadline && !(e.tagName().equals("p") || isParagraph(e) && LEAD.matcher(e.className() + " " + e.id()).find())) continue;
      if (outsideStory(e, root) || isHeadline && inHeader(e, root)) continue;
      int length = e.text().length();
      if (!isHeadline && (length < 40 || linkDensity(e) >= 0.2)) continue;
      if (isHeadline) headline = true;
      chars += length;
      if (chars > 1500) break;
      lead.add(e);
    }
    return lead;
  }

  /** Whether an element lies in what the extraction takes out, short of a header (where leads are). */
  private boolean outsideStory(Element e, Element root) {
    for (Element a = e; a != null && a != root; a = a.parent()) {
      if (a.is(REMOVED_EVALUATOR) || a.is(NON_HEADER_CHROME)) return true;
      String style = a.attr("style");
      if (!style.isEmpty()) {
        style = style.toLowerCase(Locale.ROOT).replace(" ", "");
        if (style.contains("display:none") || style.contains("visibility:hidden")) return true;
      }
      String names = a.className() + " " + a.id();
      if (a != e && boilerplate(HEADER_NAMES.matcher(names).replaceAll(""))) return true;
    }
    return false;
  }

  /**
   * Whether an element lies in a header ({@code <header>}, or a block named like one): a headline
   * there is kept out, as the article-extraction truths leave headlines out.
   */
  private boolean inHeader(Element e, Element root) {
    for (Element a = e.parent(); a != null && a != root; a = a.parent()) {
      if (a.tagName().equals("header") || a.is(BANNER) || boilerplate(a.className() + " " + a.id())) return true;
    }
    return false;
  }

  /**
   * Text split into many scored blocks (one per paragraph "card" or "chunk") makes each block a
   * near-tie: the ancestor holding three or more of the near-ties is the real container.
   */
  private Element commonAncestor(Element top, double best) {
    List<Element> rivals = new ArrayList<>();
    for (Map.Entry<Element, Double> entry : scores.entrySet()) {
      if (entry.getKey() != top && entry.getValue() >= 0.5 * best) rivals.add(entry.getKey());
    }
    if (rivals.size() < 2) return top;
    for (Element ancestor = top.parent(); ancestor != null && !ancestor.tagName().equals("body"); ancestor = ancestor.parent()) {
      int contained = 0;
      for (Element rival : rivals) if (isAncestor(ancestor, rival)) contained++;
      if (contained >= 2) return ancestor;
    }
    return top;
  }

  /** {@link ClassNames#boilerplate}, asked once per distinct string. */
  private boolean boilerplate(String names) {
    return boilerplate.computeIfAbsent(names, ClassNames::boilerplate);
  }

  private static boolean isAncestor(Element ancestor, Element e) {
    for (Element x = e.parent(); x != null; x = x.parent()) if (x == ancestor) return true;
    return false;
  }

  private static boolean isParagraph(Element e) {
    if (PARAGRAPHS.contains(e.tagName())) return true;
    if (!e.tagName().equals("div") && !e.tagName().equals("section")) return false;
    for (Element child : e.children()) if (BLOCKS.contains(child.tagName())) return false;
    return true;
  }

  /**
   * Whether a list item holds blocks of its own (paragraphs, divs): then those score, not the
   * whole item, which would score its list directly (a comment thread of {@code <li>}s holding
   * whole messages outscored the story it followed). Cells and quotes still score as a whole: old
   * pages lay out the story in them (measured: web-extraction lost a page when they did not).
   */
  private static boolean holdsBlocks(Element e) {
    String tag = e.tagName();
    if (!tag.equals("li") && !tag.equals("dd")) return false;
    for (Element child : e.children()) if (BLOCKS.contains(child.tagName())) return true;
    return false;
  }

  private static boolean isGoodParagraph(Element e) {
    if (!e.tagName().equals("p")) return false;
    String text = e.text();
    double density = linkDensity(e);
    return text.length() > 80 && density < 0.25 || text.length() > 0 && density == 0 && text.matches("(?s).*\\.\\s*$");
  }

  private double initial(Element e) {
    double score = switch (e.tagName()) {
      case "div", "article", "main", "section" -> 5;
      case "pre", "td", "blockquote" -> 3;
      case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
      case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
      default -> 0;
    };
    String names = e.className() + " " + e.id();
    if (POSITIVE.matcher(names).find()) score += 25;
    if (boilerplate(names)) score -= 25;
    if (e.attr("itemprop").equalsIgnoreCase("articleBody")) score += 50;
    return score;
  }

  /** A list item whose text is more link than this is a link, where its list is not a link list. */
  private static final double LINK_ITEM = 0.8;

  /** Link lists and link-heavy blocks inside the content are navigation, not story. */
  private void prune(Element root) {
    measure(root);
    List<Element> drop = new ArrayList<>();
    for (Element e : root.getAllElements()) {
      if (e == root) continue;
      String tag = e.tagName();
      if (!(tag.equals("ul") || tag.equals("ol") || tag.equals("div") || tag.equals("section") || tag.equals("table")
          || tag.equals("p") || tag.equals("li") || tag.equals("dl"))) continue;
      int length = lengths.get(e)[0];
      double density = cachedLinkDensity(e);
      // an item of a list that is not a link list as a whole goes when it is a link and little else;
      // one with words of its own is text with a link in it
      if (tag.equals("li")) {
        if (density > LINK_ITEM) drop.add(e);
        continue;
      }
      // a list is a link list when most of its items are links
      if (tag.equals("ul") || tag.equals("ol")) {
        int items = 0;
        int links = 0;
        for (Element item : e.children()) {
          if (!item.tagName().equals("li") || lengths.get(item)[0] == 0) continue;
          items++;
          if (cachedLinkDensity(item) > LINK_ITEM) links++;
        }
        if (items > 0) {
          if (2 * links > items) drop.add(e);
          continue;
        }
      }
      if (density > 0.5 && length < 1000 || density > 0.33 && length < 200 && !tag.equals("p")) drop.add(e);
    }
    takeAll(drop);
  }

  /**
   * Headings left dangling at the end of the article ("Related", "Links", "Zum Weiterlesen"): what
   * they announced was pruned as a link list or never was story. Stops at the last paragraph.
   * (Trailing paragraphs set wholly in bold or italics were tried as notes to the reader too: as
   * many of them are story, an update or a closing quote, on the web-extraction pages.)
   */
  private void dropDanglingHeadings(List<Element> content) {
    List<Element> blocks = new ArrayList<>();
    for (Element root : content) {
      for (Element e : root.getAllElements()) {
        String tag = e.tagName();
        if (tag.equals("p") || tag.matches("h[2-6]") || isParagraph(e) && !e.ownText().isBlank()) blocks.add(e);
      }
    }
    for (int i = blocks.size() - 1; i >= 0; i--) {
      Element e = blocks.get(i);
      if (e.parent() == null) continue;
      String text = e.text().strip();
      if (!text.isEmpty() && !e.tagName().matches("h[2-6]")) break;
      take(e);
    }
  }

  /** Text and link-text lengths of every element, in one pass; the scoring asks for thousands. */
  private int[] measure(Element e) {
    int text = 0;
    int links = 0;
    for (Node child : e.childNodes()) {
      if (child instanceof TextNode node) {
        text += node.text().length();
      } else if (child instanceof Element element) {
        int[] inner = measure(element);
        text += inner[0];
        links += element.tagName().equals("a") ? inner[0] : inner[1];
      }
    }
    int[] result = {text, links};
    lengths.put(e, result);
    return result;
  }

  private double cachedLinkDensity(Element e) {
    int[] m = lengths.get(e);
    return m == null || m[0] == 0 ? 0 : Math.min(1, (double) m[1] / m[0]);
  }

  private static double linkDensity(Element e) {
    int length = e.text().length();
    if (length == 0) return 0;
    int links = 0;
    for (Element a : e.getElementsByTag("a")) links += a.text().length();
    return Math.min(1, (double) links / length);
  }

  /** A line set apart by {@code <br>} shorter than this is a list's line ("Name, Affiliation"), not prose. */
  private static final int LIST_LINE_CHARS = 80;

  /**
   * The commas of a paragraph's text where it is prose: in a block split into lines by {@code <br>},
   * only those of lines of {@link #LIST_LINE_CHARS} or more count, as a list of names and places
   * ("Anna Beispiel, Universität Kassel") set line by line has a comma on every line.
   */
  private static int lineCommas(Element e, String text) {
    if (e.selectFirst(BR) == null) return commas(text);
    int n = 0;
    StringBuilder line = new StringBuilder();
    for (Node node : allNodes(e)) {
      if (node instanceof TextNode t) line.append(t.text());
      else if (node instanceof Element br && br.tagName().equals("br")) {
        if (line.toString().strip().length() >= LIST_LINE_CHARS) n += commas(line.toString());
        line.setLength(0);
      }
    }
    if (line.toString().strip().length() >= LIST_LINE_CHARS) n += commas(line.toString());
    return n;
  }

  /** The nodes under an element, in document order. */
  private static List<Node> allNodes(Element e) {
    List<Node> out = new ArrayList<>();
    org.jsoup.select.NodeTraversor.traverse((node, depth) -> { if (node != e) out.add(node); }, e);
    return out;
  }

  /**
   * The commas that separate words: a comma before a digit is part of a number or a date ("1,5
   * Millionen", "19,99 Euro", "Feb 13, 2020"), as price lists, tables and archive lists are full of.
   */
  private static int commas(String text) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != ',' && c != '，' && c != '،') continue;
      int j = i + 1;
      while (j < text.length() && Character.isWhitespace(text.charAt(j))) j++;
      if (j < text.length() && Character.isDigit(text.charAt(j))) continue;
      n++;
    }
    return n;
  }


  private static void render(Node node, StringBuilder out) {
    if (node instanceof TextNode text) {
      out.append(text.text());
      return;
    }
    if (!(node instanceof Element e)) return;
    if (e.tagName().equals("br")) {
      out.append('\n');
      return;
    }
    boolean block = BLOCKS.contains(e.tagName());
    if (block) out.append("\n\n");
    for (Node child : e.childNodes()) render(child, out);
    if (block) out.append("\n\n");
  }

  /** All the text of an element, blocks as paragraphs; nothing pruned or scored. */
  static String text(Element root) {
    StringBuilder out = new StringBuilder();
    render(root, out);
    return paragraphs(out.toString());
  }

  /** Collapses whitespace within paragraphs; one blank line between them. */
  static String paragraphs(String raw) {
    StringBuilder out = new StringBuilder();
    for (String paragraph : raw.split("\n\\s*\n")) {
      String clean = paragraph.replace('\u00a0', ' ').replaceAll("[ \\t\\x0B\\f\\r]+", " ")
          .replaceAll(" ?\n ?", "\n").strip();
      if (clean.isEmpty()) continue;
      if (!out.isEmpty()) out.append("\n\n");
      out.append(clean);
    }
    return out.toString();
  }
}
