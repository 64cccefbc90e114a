package dev.kurz.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Writes N distinct German articles of about {@code words} words each into a folder, built from a
 * fixed pool of sentences written for this project (no seed text), shuffled with a fixed seed.
 *
 * With a fourth argument S &gt; 0, article i belongs to story i mod S (stories interleaved, as a
 * day's feeds are): each story has its own people, place and subject filled into sentence
 * templates, with the common sentences above as background, so a digest has real stories to find.
 *
 * <pre>java -cp ... dev.kurz.bench.ArticleCorpus DIR N [words=1000] [stories=0]</pre>
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
    int stories = args.length > 3 ? Integer.parseInt(args[3]) : 0;
    Files.createDirectories(dir);
    for (int i = 0; i < n; i++) {
      String text = stories > 0 ? storyArticle(i, i % stories, words) : article(i, words);
      Files.writeString(dir.resolve(String.format("artikel-%05d.txt", i)), text);
    }
  }

  private static final List<String> FIRST = List.of("Anna", "Bernd", "Claudia", "Dieter", "Elke", "Frank", "Gisela",
      "Holger", "Ines", "Jürgen", "Karin", "Lars", "Monika", "Norbert", "Olga", "Peter", "Renate", "Stefan", "Tanja", "Uwe");
  private static final List<String> LAST = List.of("Albrecht", "Brandt", "Conrad", "Dietz", "Eckert", "Fuchs", "Gerber",
      "Haas", "Imhof", "Jansen", "Kessler", "Lorenz", "Marx", "Nagel", "Otto", "Pohl", "Quast", "Reuter", "Sauer", "Thiel");
  private static final List<String> PLACE_A = List.of("Ober", "Unter", "Nieder", "Alt", "Neu", "Groß", "Klein", "Hohen",
      "Bad ", "Wald", "Berg", "Stein", "Lind", "Rosen", "Eichen", "Tann", "Buch");
  private static final List<String> PLACE_B = List.of("hausen", "dorf", "heim", "stadt", "felde", "bach", "burg", "au",
      "ingen", "hofen", "rode", "brück", "wiesen", "hagen", "berg", "stetten", "feld", "tal", "kirchen", "weiler",
      "walde", "born", "beck", "münde");
  private static final List<List<String>> SUBJECTS = List.of(
      List.of("In {O} hat der Gemeinderat den Neubau des Hallenbads gestoppt.",
          "{P} sagte, das Hallenbad in {O} werde nun {N} Millionen Euro teurer als geplant.",
          "Die Badegäste in {O} müssen nach Angaben der Verwaltung mindestens zwei weitere Jahre warten.",
          "{P} wies Vorwürfe zurück, die Kosten des Hallenbads seien verschwiegen worden."),
      List.of("Bei einem Brand in einer Lagerhalle in {O} ist ein Schaden von {N} Millionen Euro entstanden.",
          "Die Feuerwehr von {O} war nach Angaben von {P} mit mehr als hundert Kräften im Einsatz.",
          "Die Ursache des Feuers in der Lagerhalle ist noch unklar; Brandstiftung wird nicht ausgeschlossen.",
          "{P} sagte, die Anwohner in {O} hätten die Fenster geschlossen halten müssen."),
      List.of("Der Automobilzulieferer in {O} will {N}00 Stellen streichen.",
          "{P} vom Betriebsrat nannte den Stellenabbau in {O} einen Schlag ins Gesicht der Belegschaft.",
          "Die Geschäftsführung begründet den Abbau mit fehlenden Aufträgen für Elektromotoren.",
          "Nach Angaben von {P} sollen Verhandlungen über einen Sozialplan im Frühjahr beginnen."),
      List.of("Das Landgericht hat den früheren Bürgermeister von {O} wegen Bestechlichkeit verurteilt.",
          "{P} erhielt nach Angaben des Gerichts eine Bewährungsstrafe von {N} Monaten.",
          "Die Verteidigung kündigte an, gegen das Urteil zum Grundstücksverkauf in {O} Revision einzulegen.",
          "{P} bestritt bis zuletzt, Geld für die Vergabe des Baugrunds angenommen zu haben."),
      List.of("Nach dem Hochwasser an der Flussmündung bei {O} beginnen die Aufräumarbeiten.",
          "{P} schätzt den Schaden an Deichen und Straßen rund um {O} auf {N} Millionen Euro.",
          "Das Umweltministerium prüft, ob der Deich bei {O} höher gebaut werden muss.",
          "Anwohner werfen den Behörden vor, die Warnung vor dem Hochwasser zu spät verschickt zu haben."));

  /** An article of story {@code s}: its own names and subject, background sentences in between. */
  static String storyArticle(int i, int s, int words) {
    Random random = new Random(i);
    String person = FIRST.get(s % FIRST.size()) + " " + LAST.get(s / FIRST.size() % LAST.size());
    String place = PLACE_A.get(s % PLACE_A.size()) + PLACE_B.get(s / PLACE_A.size() % PLACE_B.size());
    List<String> subject = SUBJECTS.get(s % SUBJECTS.size());
    String number = String.valueOf(2 + s % 37);
    StringBuilder b = new StringBuilder(place + ": " + subject.get(0).replace("{O}", place).replace("{P}", person)
        .replace("{N}", number).replaceAll("[.]$", "") + "\n\n");
    int count = 0;
    int inParagraph = 0;
    while (count < words) {
      String sentence = random.nextInt(3) < 2
          ? subject.get(random.nextInt(subject.size())).replace("{O}", place).replace("{P}", person).replace("{N}", number)
          : SENTENCES.get(random.nextInt(SENTENCES.size()));
      b.append(sentence).append(' ');
      count += sentence.split(" ").length;
      if (++inParagraph == 4) {
        b.append("\n\n");
        inParagraph = 0;
      }
    }
    return b.toString().strip() + "\n";
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
