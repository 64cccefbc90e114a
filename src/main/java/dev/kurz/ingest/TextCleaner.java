package dev.kurz.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Removes page furniture from a plain-text news article, line by line, and keeps every sentence
 * of the story: paragraphs, quotes and subheadings (short lines without final punctuation)
 * survive; captions with agency credits, newsletter and paywall boxes, teaser lists ("Mehr zum
 * Thema"), share and ad prompts, cookie notes, bylines and date lines go. A date line becomes
 * {@code published}; a leading headline becomes {@code title} and leaves the text. Paragraphs
 * come out separated by one blank line. Stateless; thread-safe.
 */
public final class TextCleaner {
  /** Lines this short and without final punctuation are headings, kickers or teaser items. */
  private static final int SHORT = 120;

  /**
   * @param text the story, paragraphs separated by a blank line
   * @param removed the furniture removed, in order, one entry per line or fragment
   * @param published ISO {@code yyyy-MM-dd} or {@code yyyy-MM}, or null
   * @param title the leading headline, or null
   * @param author the name a removed byline gave ("Von: Andreas Apetz"), or null
   */
  public record Cleaned(String text, List<String> removed, String published, String title, String author) {
    public Cleaned {
      Objects.requireNonNull(text, "text");
      removed = List.copyOf(removed);
    }
  }

  public Cleaned clean(String text) {
    List<String> lines = new ArrayList<>(Reflow.paragraphs(text.replace('\u00a0', ' ')));
    List<String> removed = new ArrayList<>();
    withoutPromotions(lines, removed);
    String published = null;
    String author = null;
    if (!lines.isEmpty()) {
      String prefix = Furniture.metadataPrefix(lines.get(0));
      if (prefix != null) {
        published = PublishedDate.find(prefix);
        removed.add(prefix.strip());
        lines.set(0, lines.get(0).substring(prefix.length()).strip());
      }
    }
    int n = lines.size();
    boolean[] drop = new boolean[n];
    for (int i = 0; i < n; i++) {
      String line = lines.get(i);
      if (line.isEmpty()) {
        drop[i] = true;
      } else if (Furniture.isTeaserHeader(line)) {
        // the header and its list of headlines, up to the next real paragraph
        drop[i] = true;
        while (i + 1 < n && (isTeaserItem(lines.get(i + 1)) || Furniture.isFurniture(lines.get(i + 1)))) drop[++i] = true;
      } else if (Furniture.isFurniture(line)) {
        drop[i] = true;
        if (published == null && Furniture.isMetadata(line)) published = PublishedDate.find(line);
        if (author == null) author = Furniture.bylineAuthor(line);
      }
    }
    dropTrapped(lines, drop);
    dropTrailingKickers(lines, drop);
    String title = null;
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String line = lines.get(i);
      if (drop[i]) {
        if (!line.isEmpty()) removed.add(line);
        continue;
      }
      if (kept.isEmpty() && title == null && isHeadline(line) && hasBodyAfter(lines, drop, i)) {
        title = line;
        continue;
      }
      String withoutSigle = Furniture.withoutSigle(line);
      if (!withoutSigle.equals(line)) removed.add(line.substring(withoutSigle.length()).strip());
      int credit = Furniture.creditStart(withoutSigle);
      if (credit > 0) { // a paragraph too long to be a caption: keep it, drop its credit
        removed.add(withoutSigle.substring(credit).strip());
        withoutSigle = withoutSigle.substring(0, credit).strip();
      }
      kept.add(withoutSigle);
    }
    return new Cleaned(String.join("\n\n", kept), removed, published, title, author);
  }

  /** The outlet's bracketed promotions leave the text, and a paragraph that was nothing else goes. */
  private static void withoutPromotions(List<String> lines, List<String> removed) {
    for (int i = lines.size() - 1; i >= 0; i--) {
      String line = lines.get(i);
      List<String> promotions = Furniture.promotions(line);
      if (promotions.isEmpty()) continue;
      for (String promotion : promotions) line = line.replace(promotion, " ");
      removed.addAll(promotions);
      line = line.replaceAll(" {2,}", " ").strip();
      if (line.isEmpty()) lines.remove(i);
      else lines.set(i, line);
    }
  }

  /** A short unpunctuated line between two furniture lines is part of the box (a newsletter name). */
  private static void dropTrapped(List<String> lines, boolean[] drop) {
    for (int i = 1; i < lines.size() - 1; i++) {
      if (!drop[i] && isShort(lines.get(i)) && !endsSentence(lines.get(i)) && drop[i - 1] && drop[i + 1]
          && !lines.get(i - 1).isEmpty() && !lines.get(i + 1).isEmpty()) {
        drop[i] = true;
      }
    }
  }

  /** A story does not end in a heading: unpunctuated lines before trailing furniture are its kicker. */
  private static void dropTrailingKickers(List<String> lines, boolean[] drop) {
    int last = lines.size() - 1;
    while (last >= 0 && drop[last]) last--;
    if (last == lines.size() - 1) return;
    while (last > 0 && isShort(lines.get(last)) && !endsSentence(lines.get(last))) {
      drop[last--] = true;
      while (last > 0 && lines.get(last).isEmpty()) last--;
    }
  }

  private static boolean hasBodyAfter(List<String> lines, boolean[] drop, int index) {
    for (int i = index + 1; i < lines.size(); i++) {
      if (!drop[i] && endsSentence(lines.get(i))) return true;
    }
    return false;
  }

  private static boolean isHeadline(String line) {
    return line.length() <= 200 && !endsSentence(line) && line.contains(" ");
  }

  /**
   * A headline in a teaser list: short, and not a sentence of the story. Teaser headlines end
   * without a full stop (or in a question or exclamation); a short paragraph ending in a full stop,
   * or a longer one in any sentence mark, is the story going on after the list.
   */
  private static boolean isTeaserItem(String line) {
    if (!isShort(line) || line.isEmpty()) return isShort(line);
    if (!endsSentence(line)) return true;
    String bare = line.replaceAll("[\"'“”«»›‹’)\\]]+$", "");
    return !bare.endsWith(".") && line.length() < 80;
  }

  private static boolean isShort(String line) {
    return line.length() < SHORT;
  }

  /** Ends in . ! ? : ; or an ellipsis, ignoring closing quotes and brackets. */
  static boolean endsSentence(String paragraph) {
    String line = Furniture.withoutSigle(paragraph);
    int i = line.length() - 1;
    while (i >= 0 && "\"'“”«»›‹’)]".indexOf(line.charAt(i)) >= 0) i--;
    return i >= 0 && ".!?:;…".indexOf(line.charAt(i)) >= 0;
  }
}
