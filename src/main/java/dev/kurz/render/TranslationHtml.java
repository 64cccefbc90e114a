package dev.kurz.render;

import dev.kurz.model.Translation;
import java.util.List;

/**
 * Translations as one self-contained HTML document (inline CSS, no scripts, nothing fetched) that
 * reads on a phone. Side by side, each source paragraph and its translation share a row of two
 * columns, so they stay aligned; on narrow screens the columns stack, source above translation.
 * A pure function of the translations.
 */
public final class TranslationHtml {
  private static final String CSS = """
      body{margin:0;font:17px/1.55 Georgia,'Times New Roman',serif;color:#1d1d1f;background:#fdfdfb}
      main{max-width:46rem;margin:0 auto;padding:1rem 1.1rem 3rem}
      main.wide{max-width:74rem}
      main{overflow-wrap:anywhere}
      h1{font-size:1.6rem;line-height:1.25;margin:1.2rem 0 .4rem}
      h2{font-size:1.2rem;line-height:1.3;margin:1.4rem 0 .3rem}
      p{margin:.6rem 0}
      .meta{font:13px/1.4 system-ui,sans-serif;color:#666;margin-bottom:1.2rem}
      .pair{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:1.6rem;border-top:1px solid #eee;padding:.2rem 0}
      .pair>div>:first-child{margin-top:.6rem}
      .src{color:#55555a}
      .warnings{font:14px/1.45 system-ui,sans-serif;background:#fff7e0;border-left:3px solid #e0a800;padding:.4rem 1rem;margin-top:2rem}
      hr{border:0;border-top:2px solid #ddd;margin:3rem 0}
      @media (max-width:720px){.pair{grid-template-columns:minmax(0,1fr);gap:0}.src{border-left:3px solid #ddd;padding-left:.7rem;font-size:.93em}}
      """;

  private TranslationHtml() {}

  public static String document(List<Translation> translations, boolean sideBySide) {
    String lang = translations.isEmpty() ? "en" : translations.get(0).targetLanguage();
    String title = translations.isEmpty() ? "kurz" : firstTitle(translations.get(0));
    StringBuilder b = new StringBuilder(16384);
    b.append("<!DOCTYPE html>\n<html lang=\"").append(Html.esc(lang)).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(Html.esc(title)).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n")
        .append("<main").append(sideBySide ? " class=\"wide\"" : "").append(">\n");
    for (int i = 0; i < translations.size(); i++) {
      if (i > 0) b.append("<hr>\n");
      article(b, translations.get(i), sideBySide);
    }
    return b.append("</main>\n</body>\n</html>\n").toString();
  }

  private static void article(StringBuilder b, Translation t, boolean sideBySide) {
    b.append("<article>\n");
    boolean titled = !t.paragraphs().isEmpty() && t.paragraphs().get(0).kind() == Translation.Kind.TITLE;
    boolean metaDone = !titled;
    if (!titled) {
      b.append("<h1>").append(Html.esc(TranslationText.label(t))).append("</h1>\n");
      b.append("<p class=\"meta\">").append(Html.esc(TranslationText.sourceLine(t))).append("</p>\n");
    }
    for (Translation.Paragraph p : t.paragraphs()) {
      if (sideBySide) {
        b.append("<div class=\"pair\"><div class=\"src\" lang=\"").append(Html.esc(t.sourceLanguage())).append("\">");
        block(b, p.kind(), p.source());
        b.append("</div><div class=\"tgt\">");
        block(b, p.kind(), p.text());
        b.append("</div></div>\n");
      } else {
        block(b, p.kind(), p.text());
        b.append('\n');
      }
      if (!metaDone) {
        b.append("<p class=\"meta\">").append(Html.esc(TranslationText.sourceLine(t))).append("</p>\n");
        metaDone = true;
      }
    }
    if (!t.warnings().isEmpty()) {
      b.append("<section class=\"warnings\"><h2>Warnings</h2>\n<ul>\n");
      for (String w : t.warnings()) b.append("<li>").append(Html.esc(w)).append("</li>\n");
      b.append("</ul></section>\n");
    }
    b.append("</article>\n");
  }

  private static void block(StringBuilder b, Translation.Kind kind, String text) {
    String tag = switch (kind) {
      case TITLE -> "h1";
      case HEADING -> "h2";
      case TEXT -> "p";
    };
    b.append('<').append(tag).append('>').append(Html.esc(text)).append("</").append(tag).append('>');
  }

  private static String firstTitle(Translation t) {
    return !t.paragraphs().isEmpty() && t.paragraphs().get(0).kind() == Translation.Kind.TITLE
        ? t.paragraphs().get(0).text() : TranslationText.label(t);
  }

}
