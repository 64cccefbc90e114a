package dev.kurz.faithfulness;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The set of hand-written answers to real articles (the shared grouping-day set), one file per
 * answer, with its alterations; the folder's README describes the format. In the repository each
 * claim's German quote is stored as Java String offsets into the article ({@code {"at": 1234,
 * "length": 56}}), so no article text is copied here; it is restored from the shared folder at
 * load time. Working copies outside the repository keep the quote as text; {@code encode SRC DEST}
 * turns them into the stored form (an error when a quote is not found exactly in its article),
 * {@code decode SRC DEST} back. SRC and DEST are files or folders; the articles are read from
 * {@code -Dkurz.articles=DIR}, by default {@code <kurz.shared>/benchmarks/grouping-day/articles}
 * ({@code kurz.shared} by default {@code ../shared}).
 *
 * <pre>
 * mvn -B -q -o test-compile
 * java -cp target/test-classes:target/classes:$(cat cp.txt) dev.kurz.faithfulness.RealAnswerSet encode /work/fpset-src/b src/test/resources/faithfulness/real-answers
 * </pre>
 */
final class RealAnswerSet {
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** The kinds of alteration, exactly these names. */
  static final Set<String> KINDS = Set.of("number", "date", "invented name", "name swap", "negation", "speaker swap",
      "reported→fact");

  /** The folder in the repository, relative to the checkout. */
  static final String FOLDER = "src/test/resources/faithfulness/real-answers";

  private RealAnswerSet() {}

  /** A malformed file: a quote not in its article, offsets outside it, an alteration that does not fit. */
  static final class Malformed extends RuntimeException {
    Malformed(String message) {
      super(message);
    }
  }

  /**
   * One answer with the quotes restored as text: its file name, the article's file name and text,
   * the publication date, the style it imitates, the answer (contract JSON) and its alterations.
   */
  record Item(String file, String articleFile, String article, String url, LocalDate published, String style,
      ObjectNode answer, List<Alteration> alterations) {
    /** a-, b- or c- (who wrote it), or "" for another name. */
    String author() {
      int dash = file.indexOf('-');
      return dash > 0 && dash <= 2 ? file.substring(0, dash + 1) : "";
    }
  }

  /** One alteration: its kind and its edits, all applied together. */
  record Alteration(String kind, List<Edit> edits) {
    /** The answer with every edit applied; {@link Malformed} when an edit does not fit. */
    ObjectNode applyTo(ObjectNode answer) {
      ObjectNode changed = answer.deepCopy();
      for (Edit e : edits) e.applyTo(changed);
      return changed;
    }

    /** Where it changes the answer: "summary", "key point", "claim", "headline", joined by "+". */
    String where() {
      return String.join("+", edits.stream().map(Edit::place).distinct().toList());
    }

    String describe() {
      return edits.stream().map(Edit::describe).toList().toString();
    }
  }

  /** One edit: at a JSON pointer to a text field, {@code from} (once there) replaced by {@code to}; the whole field when {@code from} is null. */
  record Edit(String at, String from, String to) {
    void applyTo(ObjectNode answer) {
      JsonPointer p;
      try {
        p = JsonPointer.compile(at);
      } catch (IllegalArgumentException e) {
        throw new Malformed("bad pointer " + at);
      }
      JsonNode old = answer.at(p);
      if (!old.isTextual()) throw new Malformed("no text at " + at);
      String text = old.asText();
      String value;
      if (from != null) {
        int i = text.indexOf(from);
        if (from.isEmpty() || i < 0 || text.indexOf(from, i + 1) >= 0) {
          throw new Malformed("'" + from + "' not once at " + at + ": " + text);
        }
        value = text.substring(0, i) + to + text.substring(i + from.length());
      } else {
        value = to;
      }
      if (value.equals(text)) throw new Malformed("edit changes nothing at " + at);
      JsonNode parent = answer.at(p.head());
      if (parent instanceof ObjectNode o) o.set(p.last().getMatchingProperty(), TextNode.valueOf(value));
      else ((ArrayNode) parent).set(p.last().getMatchingIndex(), TextNode.valueOf(value));
    }

    String place() {
      if (at.startsWith("/claims")) return "claim";
      if (at.startsWith("/key_points")) return "key point";
      return at.substring(1);
    }

    String describe() {
      return at + ": " + (from == null ? "" : "'" + from + "' -> ") + "'" + to + "'";
    }
  }

  /** The repository's folder: {@value #FOLDER} under the working directory (Maven runs in the checkout). */
  static Path repositoryFolder() {
    Path p = Path.of(FOLDER);
    if (Files.isDirectory(p)) return p;
    URL url = RealAnswerSet.class.getResource("/faithfulness/real-answers");
    try {
      return url == null ? p : Path.of(url.toURI());
    } catch (URISyntaxException e) {
      return p;
    }
  }

  /** The shared articles' folder: {@code -Dkurz.articles}, else {@code <kurz.shared>/benchmarks/grouping-day/articles}. */
  static Path articlesFolder() {
    String a = System.getProperty("kurz.articles");
    if (a != null && !a.isBlank()) return Path.of(a);
    return Path.of(System.getProperty("kurz.shared", "../shared"), "benchmarks", "grouping-day", "articles")
        .toAbsolutePath().normalize();
  }

  /** The answer files of a folder, sorted (its {@code answers/} subfolder where it has one). */
  static List<Path> files(Path folder) throws IOException {
    Path dir = Files.isDirectory(folder.resolve("answers")) ? folder.resolve("answers") : folder;
    if (!Files.isDirectory(dir)) return List.of();
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
    }
  }

  /** Every answer of a folder, quotes restored; {@link Malformed} or IOException on the first bad file. */
  static List<Item> load(Path folder, Path articles) throws IOException {
    List<Item> out = new ArrayList<>();
    Map<String, String> urls = urls(articles);
    for (Path f : files(folder)) out.add(read(f, articles, urls));
    return out;
  }

  /**
   * The article files' web addresses from the {@code sources.tsv} beside the articles' folder (the
   * grouping-day set's), as kurz knows the address of an article it fetched; empty without one.
   */
  static Map<String, String> urls(Path articles) throws IOException {
    Path tsv = articles.toAbsolutePath().getParent().resolve("sources.tsv");
    Map<String, String> out = new HashMap<>();
    if (!Files.isRegularFile(tsv)) return out;
    List<String> lines = Files.readAllLines(tsv);
    for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
      String[] cols = line.split("\t");
      if (cols.length >= 3) out.put(cols[0], cols[2]);
    }
    return out;
  }

  /** One file, in stored or literal form, with its quotes as text. */
  static Item read(Path file, Path articles, Map<String, String> urls) throws IOException {
    String name = file.getFileName().toString();
    JsonNode doc = JSON.readTree(file.toFile());
    String articleFile = doc.path("article").asText();
    if (articleFile.isEmpty() || articleFile.contains("/") || articleFile.contains("\\")) {
      throw new Malformed(name + ": no article file name");
    }
    String article = Files.readString(articles.resolve(articleFile));
    ObjectNode answer;
    try {
      answer = decode(doc.path("answer"), article);
    } catch (Malformed e) {
      throw new Malformed(name + ": " + e.getMessage());
    }
    List<Alteration> alterations = new ArrayList<>();
    int n = 0;
    for (JsonNode alt : doc.path("alterations")) {
      n++;
      String kind = alt.path("kind").asText();
      if (!KINDS.contains(kind)) throw new Malformed(name + ": alteration " + n + ": unknown kind '" + kind + "'");
      List<Edit> edits = new ArrayList<>();
      for (JsonNode e : alt.path("edits")) {
        edits.add(new Edit(e.path("at").asText(), e.has("from") ? e.path("from").asText() : null, e.path("to").asText()));
      }
      if (edits.isEmpty()) throw new Malformed(name + ": alteration " + n + " has no edits");
      alterations.add(new Alteration(kind, List.copyOf(edits)));
    }
    LocalDate published;
    try {
      published = LocalDate.parse(doc.path("published").asText());
    } catch (RuntimeException e) {
      throw new Malformed(name + ": no published date (yyyy-mm-dd)");
    }
    return new Item(name, articleFile, article, urls.get(articleFile), published, doc.path("style").asText(), answer, List.copyOf(alterations));
  }

  /** The answer with each quote as text: {@code {"at", "length"}} cut from the article, a text quote checked against it. */
  static ObjectNode decode(JsonNode answer, String article) {
    if (!answer.isObject()) throw new Malformed("no answer object");
    ObjectNode out = answer.deepCopy();
    int i = 0;
    for (JsonNode c : out.path("claims")) {
      i++;
      JsonNode q = c.path("quote");
      String text;
      if (q.isObject()) {
        int at = q.path("at").asInt(-1);
        int length = q.path("length").asInt(-1);
        if (!q.path("at").isInt() || !q.path("length").isInt() || at < 0 || length <= 0 || at + length > article.length()) {
          throw new Malformed("claim " + i + ": quote offsets outside the article: " + q);
        }
        text = article.substring(at, at + length);
      } else if (q.isTextual()) {
        text = q.asText();
        if (text.isEmpty() || !article.contains(text)) throw new Malformed("claim " + i + ": quote not in the article: " + text);
      } else {
        throw new Malformed("claim " + i + ": no quote");
      }
      ((ObjectNode) c).put("quote", text);
    }
    return out;
  }

  /** The answer with each text quote replaced by its offsets in the article (its first occurrence). */
  static ObjectNode encode(JsonNode answer, String article) {
    ObjectNode out = decode(answer, article);
    for (JsonNode c : out.path("claims")) {
      String text = c.path("quote").asText();
      ObjectNode q = JsonNodeFactory.instance.objectNode();
      q.put("at", article.indexOf(text));
      q.put("length", text.length());
      ((ObjectNode) c).set("quote", q);
    }
    return out;
  }

  /** A whole file's document with its answer encoded ({@code encode}) or decoded. */
  static ObjectNode convert(JsonNode doc, String article, boolean encode) {
    ObjectNode out = doc.deepCopy();
    out.set("answer", encode ? encode(doc.path("answer"), article) : decode(doc.path("answer"), article));
    return out;
  }

  /** {@code encode SRC DEST} or {@code decode SRC DEST}; SRC and DEST files or folders. */
  public static void main(String[] args) throws IOException {
    if (args.length != 2 && args.length != 3 || !Set.of("encode", "decode").contains(args[0])) {
      System.err.println("usage: RealAnswerSet encode|decode SRC [DEST]   (SRC, DEST: a .json file or a folder; "
          + "articles from -Dkurz.articles or -Dkurz.shared; without DEST, checks SRC only)");
      System.exit(2);
    }
    boolean encode = args[0].equals("encode");
    Path src = Path.of(args[1]);
    Path dest = args.length == 3 ? Path.of(args[2]) : null;
    Path articles = articlesFolder();
    List<Path> sources = Files.isDirectory(src) ? files(src) : List.of(src);
    int failed = 0;
    Map<String, String> urls = urls(articles);
    for (Path f : sources) {
      String name = f.getFileName().toString();
      try {
        JsonNode doc = JSON.readTree(f.toFile());
        String article = Files.readString(articles.resolve(doc.path("article").asText()));
        ObjectNode out = convert(doc, article, encode);
        Path stored = f;
        if (dest != null) {
          Path target = Files.isDirectory(dest) || sources.size() > 1 ? dest.resolve(name) : dest;
          if (target.getParent() != null) Files.createDirectories(target.getParent());
          Files.writeString(target, JSON.writeValueAsString(out) + "\n");
          stored = target;
        }
        Item item = read(stored, articles, urls); // the whole file checked: kinds, date, every alteration applies
        for (Alteration a : item.alterations()) a.applyTo(item.answer());
        System.out.println((dest == null ? "ok " : args[0] + "d ") + name + " (" + item.alterations().size() + " alterations)");
      } catch (Malformed | IOException e) {
        failed++;
        System.err.println("ERROR " + name + ": " + e.getMessage());
      }
    }
    if (failed > 0) {
      System.err.println(failed + " of " + sources.size() + " files failed");
      System.exit(1);
    }
  }
}
