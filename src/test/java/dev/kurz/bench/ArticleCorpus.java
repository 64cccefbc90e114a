package dev.kurz.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Writes N distinct German articles of about {@code words} words each into a folder, built from a
 * fixed pool of sentences written for this project (no seed text), shuffled with a fixed seed.
 *
 * <pre>java -cp ... dev.kurz.bench.ArticleCorpus DIR N [words=1000]</pre>
 */
public final class ArticleCorpus {
  static final List<String> SENTENCES = List.of(
      "Der Stadtrat hat am Dienstag mit knapper Mehrheit den Bau einer neuen Straßenbahnlinie beschlossen.",
      "Nach Angaben der Verkehrsbetriebe soll die Linie rund 48 Millionen Euro kosten und 2029 in Betrieb gehen.",
      "Die Oberbürgermeisterin sprach von einem wichtigen Schritt für den Klimaschutz in der Stadt.",
      "Kritik kam von der Opposition, die die Kosten für deutlich zu niedrig angesetzt hält.",
      "Intern sollen die Planer bereits mit Mehrkosten von zehn Millionen Euro rechnen.",
      "Die Verkehrsbetriebe wiesen diesen Bericht zurück und nannten die Kalkulation vollständig.",
      "Der Einzelhandelsverband fordert, die Bauarbeiten auf die Sommermonate zu beschränken.",
      "Anwohner befürchten monatelange Sperrungen und Lärm in den Wohnstraßen.",
      "Der Hafen hat im ersten Halbjahr weniger Container umgeschlagen als im Vorjahr.",
      "Als Grund nannte der Vorstand die schwache Nachfrage aus Asien und hohe Energiepreise.",
      "Die Landesregierung kündigte an, im Herbst ein eigenes Förderprogramm vorzulegen.",
      "Nach Angaben des Statistischen Landesamts stieg die Zahl der Beschäftigten leicht.",
      "Der Gewerkschaftsvorsitzende warnte vor einem Abbau von Arbeitsplätzen in der Region.",
      "Ein Sprecher des Ministeriums sagte, man prüfe die Vorschläge sorgfältig.",
      "Die Polizei ermittelt wegen des Verdachts der Untreue gegen zwei frühere Vorstände.",
      "Die Staatsanwaltschaft bestätigte die Durchsuchungen, nannte aber keine Einzelheiten.",
      "Beobachter rechnen damit, dass sich die Verhandlungen bis ins nächste Jahr ziehen.",
      "Die Opposition verlangt eine Sondersitzung des Ausschusses noch vor der Sommerpause.",
      "Der Bürgermeister erklärte, die Finanzierung sei durch Bundesmittel gesichert.",
      "Umweltverbände begrüßten den Beschluss, forderten aber strengere Auflagen für den Bau.");

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int n = Integer.parseInt(args[1]);
    int words = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
    Files.createDirectories(dir);
    for (int i = 0; i < n; i++) Files.writeString(dir.resolve(String.format("artikel-%05d.txt", i)), article(i, words));
  }

  static String article(int i, int words) {
    Random random = new Random(i);
    StringBuilder b = new StringBuilder("Meldung Nummer " + i + " aus der Region\n\n");
    int count = 0;
    int inParagraph = 0;
    while (count < words) {
      String s = SENTENCES.get(random.nextInt(SENTENCES.size()));
      b.append(s.replace("Dienstag", i % 2 == 0 ? "Dienstag" : "Mittwoch")).append(' ');
      count += s.split(" ").length;
      if (++inParagraph == 4) {
        b.append("In Meldung ").append(i).append(" geht es um Absatz ").append(count).append(".\n\n");
        inParagraph = 0;
      }
    }
    return b.toString().strip() + "\n";
  }
}
