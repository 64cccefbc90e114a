package dev.kurz.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PageCharsetTest {
  private static final String TEXT = "Die Bürgermeisterin äußerte sich überrascht über die Größe des Gebäudes.";

  private static String page(String head) {
    return "<!doctype html><html><head>" + head + "</head><body><p>" + TEXT + "</p></body></html>";
  }

  @Test
  void validUtf8WinsOverALatin1Label() throws InputException {
    byte[] bytes = page("<meta charset=\"iso-8859-1\">").getBytes(StandardCharsets.UTF_8);
    assertThat(TextDecoder.decodeHtml(bytes, "ISO-8859-1")).contains(TEXT);
  }

  @Test
  void windows1252WithoutDeclarationIsRead() throws InputException {
    byte[] bytes = page("<title>Rathaus</title>").getBytes(Charset.forName("windows-1252"));
    assertThat(TextDecoder.decodeHtml(bytes, null)).contains(TEXT);
  }

  @Test
  void declarationAfterLargeScriptsIsHeard() throws InputException {
    String scripts = "<script>var x = '" + "a".repeat(20_000) + "';</script>";
    byte[] bytes = page(scripts + "<meta charset=\"iso-8859-15\">").replace("Größe", "Größe €")
        .getBytes(Charset.forName("iso-8859-15"));
    assertThat(TextDecoder.decodeHtml(bytes, null)).contains("Größe €");
  }

  @Test
  void utf8PageWithOneBrokenByteStaysUtf8() throws InputException {
    byte[] good = (page("<meta charset=\"utf-8\">") + "<p>" + TEXT.repeat(3) + "</p>").getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[good.length + 2];
    System.arraycopy(good, 0, bytes, 0, good.length);
    bytes[good.length] = (byte) 0xC3; // a truncated sequence at the end
    bytes[good.length + 1] = ' ';
    assertThat(TextDecoder.decodeHtml(bytes, null)).contains(TEXT);
  }

  @Test
  void cyrillicWithoutDeclarationIsGuessed() throws InputException {
    String russian = "Правительство объявило о новых мерах поддержки для малого и среднего бизнеса в регионах страны.";
    String more = "Министр экономики заявил журналистам, что программа начнёт работать уже в следующем месяце, а заявки"
        + " можно будет подавать через портал государственных услуг. Эксперты считают, что этого недостаточно.";
    byte[] bytes = ("<html><body><p>" + russian + "</p><p>" + more + "</p></body></html>").getBytes(Charset.forName("windows-1251"));
    assertThat(TextDecoder.decodeHtml(bytes, null)).contains(russian);
  }
}
