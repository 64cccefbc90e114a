package dev.kurz.render;

import dev.kurz.model.Source;
import dev.kurz.model.Translation;
import java.util.ArrayList;
import java.util.List;

/**
 * A translation as Markdown or plain text for a person: the paragraphs in order, the title and
 * headings as headings, a source line, and the warnings. Side by side, each source paragraph
 * stands right before its translation. Pure functions of the translation.
 */
public final class TranslationText {
  private TranslationText() {}

  public static String markdown(Translation t, boolean sideBySide) {
    StringBuilder b = new StringBuilder(8192);
    boolean titled = !t.paragraphs().isEmpty() && t.paragraphs().get(0).kind() == Translation.Kind.TITLE;
    if (!titled) b.append("# ").append(label(t)).append("\n\n*").append(sourceLine(t)).append("*\n\n");
    int n = 0;
    for (Translation.Paragraph p : t.paragraphs()) {
      if (sideBySide) b.append("> ").append(p.source()).append("\n\n");
      String prefix = switch (p.kind()) {
        case TITLE -> "# ";
        case HEADING -> "## ";
        case TEXT -> "";
      };
      b.append(prefix).append(p.text()).append("\n\n");
      if (n++ == 0 && titled) b.append('*').append(sourceLine(t)).append("*\n\n");
    }
    if (!t.warnings().isEmpty()) {
      b.append("## Warnings\n\n");
      for (String w : t.warnings()) b.append("- ").append(w).append('\n');
      b.append('\n');
    }
    return b.toString();
  }

  public static String text(Translation t, boolean sideBySide) {
    StringBuilder b = new StringBuilder(8192);
    for (Translation.Paragraph p : t.paragraphs()) {
      if (sideBySide) {
        b.append('[').append(t.sourceLanguage()).append("] ").append(p.source()).append('\n');
        b.append('[').append(t.targetLanguage()).append("] ").append(p.text()).append("\n\n");
      } else {
        b.append(p.text()).append("\n\n");
      }
    }
    b.append("-- ").append(sourceLine(t)).append('\n');
    for (String w : t.warnings()) b.append("warning: ").append(w).append('\n');
    return b.toString();
  }

  /** Where the article came from, which languages, which model, what it cost. */
  public static String sourceLine(Translation t) {
    Source s = t.source();
    List<String> parts = new ArrayList<>();
    if (s.site() != null) parts.add(s.site());
    if (s.published() != null) parts.add(s.published());
    parts.add(s.url() != null ? s.url() : s.path() != null ? s.path() : "stdin");
    parts.add("translated " + t.sourceLanguage() + " → " + t.targetLanguage());
    parts.add(t.model().provider() + "/" + t.model().name() + (t.cached() ? " (cached)" : ""));
    parts.add(t.chunks() + (t.chunks() == 1 ? " chunk" : " chunks") + (t.cachedChunks() > 0 && !t.cached() ? ", " + t.cachedChunks() + " cached" : ""));
    parts.add(t.usage().inputTokens() + " in / " + t.usage().outputTokens() + " out tokens");
    return String.join(" · ", parts);
  }

  static String label(Translation t) {
    Source s = t.source();
    return s.title() != null ? s.title() : s.label();
  }
}
