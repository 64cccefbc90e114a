package dev.kurz.ingest;

import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * The text of a PDF (PDFBox), paragraphs separated by blank lines, with the title and author
 * the document states. Scanned PDFs without a text layer come out empty. Stateless; thread-safe.
 */
final class PdfText {
  record Extracted(String text, String title, String author) {}

  private PdfText() {}

  static boolean isPdf(byte[] bytes) {
    return bytes.length >= 5 && bytes[0] == '%' && bytes[1] == 'P' && bytes[2] == 'D' && bytes[3] == 'F' && bytes[4] == '-';
  }

  static Extracted extract(byte[] bytes) throws InputException {
    try (PDDocument doc = Loader.loadPDF(bytes)) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      stripper.setParagraphEnd("\n\n");
      stripper.setPageEnd("\n\n");
      String text = stripper.getText(doc);
      PDDocumentInformation info = doc.getDocumentInformation();
      return new Extracted(text, blankToNull(info.getTitle()), blankToNull(info.getAuthor()));
    } catch (InvalidPasswordException e) {
      throw new InputException("PDF is encrypted (password needed)", e);
    } catch (IOException e) {
      throw new InputException("not a readable PDF: " + e.getMessage(), e);
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
