package dev.kurz.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Encodings, languages and PDF: what the reader makes of bytes before any cleanup rule applies. */
class ReadingFormatsTest {
  @TempDir Path dir;
  final List<String> warnings = new ArrayList<>();
  final ArticleReader reader = new ArticleReader(null, 1 << 20, warnings::add);

  static final String GERMAN = "Die Bundesregierung will die Förderung für Wärmepumpen im kommenden Jahr deutlich kürzen. "
      + "Das geht aus einem Entwurf des Wirtschaftsministeriums hervor, der am Montag bekannt wurde.";
  static final String ENGLISH = "The federal government plans to cut subsidies for heat pumps significantly next year. "
      + "This emerges from a draft by the economics ministry that became known on Monday.";
  static final String FRENCH = "Le gouvernement fédéral prévoit de réduire nettement les aides aux pompes à chaleur l'année prochaine. "
      + "C'est ce qui ressort d'un projet du ministère de l'Économie rendu public lundi.";

  @Test
  void theServersCharsetWinsOverThePagesAndThePagesOverGuessing() throws Exception {
    String page = "<html><head><meta charset=\"iso-8859-15\"></head><body><p>Größe € Maß</p></body></html>";
    byte[] latin9 = page.getBytes(Charset.forName("ISO-8859-15"));
    assertThat(TextDecoder.decodeHtml(latin9, null)).contains("Größe € Maß");
    byte[] utf8 = page.getBytes(StandardCharsets.UTF_8);
    assertThat(TextDecoder.decodeHtml(utf8, "utf-8")).contains("Größe € Maß");
    assertThat(TextDecoder.decodeHtml(page.replace("iso-8859-15", "bogus").getBytes(StandardCharsets.UTF_8), null)).contains("Größe € Maß");
  }

  @Test
  void aByteOrderMarkBeatsEveryDeclaration() throws Exception {
    byte[] body = "<meta charset=windows-1252><p>Grüße</p>".getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[body.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(body, 0, withBom, 3, body.length);
    assertThat(TextDecoder.decodeHtml(withBom, "windows-1252")).contains("Grüße");
  }

  @Test
  void latin1LabelsAreReadAsWindows1252LikeBrowsersDo() throws Exception {
    byte[] bytes = "<p>„Zitat“ – Ende</p>".getBytes(Charset.forName("windows-1252"));
    assertThat(TextDecoder.decodeHtml(bytes, "ISO-8859-1")).contains("„Zitat“ – Ende");
  }

  @Test
  void theLanguageIsDetectedWhenTheTextDoesNotSayIt() {
    assertThat(LanguageDetector.detect(GERMAN)).isEqualTo("de");
    assertThat(LanguageDetector.detect(ENGLISH)).isEqualTo("en");
    assertThat(LanguageDetector.detect(FRENCH)).isEqualTo("fr");
    assertThat(LanguageDetector.detect("Kurz.")).isNull();
  }

  @Test
  void anArticleNotInGermanIsReadWithAWarning() throws Exception {
    Path file = Files.writeString(dir.resolve("english.txt"), ENGLISH);
    var article = reader.read(new Input.LocalFile("english.txt", file));
    assertThat(article.source().language()).isEqualTo("en");
    assertThat(warnings).containsExactly("english.txt: the article seems to be in English (en), not German; reading it anyway");
  }

  @Test
  void theHtmlLangAttributeComesBeforeDetection() throws Exception {
    Path file = Files.writeString(dir.resolve("seite.html"), "<html lang=\"de-AT\"><body><article><p>" + ENGLISH + " " + ENGLISH
        + "</p><p>" + ENGLISH + "</p></article></body></html>");
    assertThat(reader.read(new Input.LocalFile("seite.html", file)).source().language()).isEqualTo("de");
    assertThat(warnings).isEmpty();
  }

  @Test
  void aPdfIsReadThroughItsTextLayerAndCleaned() throws Exception {
    Path pdf = dir.resolve("bericht.pdf");
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      doc.getDocumentInformation().setTitle("Förderung für Wärmepumpen sinkt");
      doc.getDocumentInformation().setAuthor("Anna Beispiel");
      try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
        s.beginText();
        s.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
        s.setLeading(14);
        s.newLineAtOffset(50, 700);
        for (String line : List.of("Die Bundesregierung will die Förderung für Wärmepumpen kürzen.", "",
            "„Das ist ein falsches Signal“, sagte eine Sprecherin des Verbands.", "", "Foto: dpa/Max Muster")) {
          s.showText(line);
          s.newLine();
        }
        s.endText();
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      Files.write(pdf, out.toByteArray());
    }
    ArticleReader.Extraction e = reader.extract(new Input.LocalFile("bericht.pdf", pdf));
    assertThat(e.article().text()).contains("Förderung für Wärmepumpen kürzen.", "„Das ist ein falsches Signal“, sagte eine Sprecherin")
        .doesNotContain("Foto: dpa");
    assertThat(e.removed()).contains("Foto: dpa/Max Muster");
    assertThat(e.article().source().title()).isEqualTo("Förderung für Wärmepumpen sinkt");
    assertThat(e.article().source().author()).isEqualTo("Anna Beispiel");
  }
}
