package dev.kurz.glossary;

import dev.kurz.model.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Name forms per language pair: the form a source-language press writes (Selenskyj, Kiew) and the
 * form readers of the target language know (Zelensky, Kyiv). The built-in list ships as
 * {@code /kurz/glossary.txt}; a user file in the same format (see {@code docs/glossary.md}) is laid
 * over it, its forms winning. Matching is case-insensitive and word-bounded; German source forms
 * also match their genitive -s. Immutable and thread-safe.
 */
public final class Glossary {
  private static final String BUILT_IN = "/kurz/glossary.txt";
  private static final Pattern HEADER = Pattern.compile("\\[\\s*([a-z]{2,3})\\s*(?:->|→|>|-)\\s*([a-z]{2,3})\\s*]");

  /** One name: its source-language forms (the first is the usual one) and the target-language form. */
  public record Entry(String from, String to, List<String> forms, String target) {
    public Entry {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      forms = List.copyOf(forms);
      if (forms.isEmpty()) throw new IllegalArgumentException("an entry needs a source form");
      Objects.requireNonNull(target, "target");
    }

    public String source() {
      return forms.get(0);
    }

    /** Whether the entry asks for any change: some form differs from the target. */
    boolean renames() {
      return forms.stream().anyMatch(f -> !f.equals(target));
    }
  }

  /**
   * One occurrence of a source form in a text: {@code [start, end)}, the text found there, and
   * whether it carried the German genitive -s (then {@code found} includes it).
   */
  public record Match(int start, int end, String found, Entry entry, boolean genitive) {

    /** What should stand there: the target form, possessive where the source was a genitive. */
    public String replacement() {
      String t = entry.target();
      if (genitive) t = entry.to().equals("en") ? t + (t.endsWith("s") ? "'" : "'s") : t;
      boolean shouted = found.length() > 1 && found.equals(found.toUpperCase(Locale.ROOT))
          && !found.equals(found.toLowerCase(Locale.ROOT));
      return shouted ? t.toUpperCase(Locale.ROOT) : t;
    }

    /** Whether the text found differs from what should stand there. */
    public boolean wrong() {
      return !found.equals(replacement());
    }
  }

  private final List<Entry> entries;
  private final String version;
  private final Map<String, FormIndex> indexes = new ConcurrentHashMap<>();

  private Glossary(List<Entry> entries, String version) {
    this.entries = List.copyOf(entries);
    this.version = version;
  }

  /** The built-in glossary alone. */
  public static Glossary builtIn() {
    return load(null);
  }

  /**
   * The built-in glossary with the user's file laid over it ({@code userFileOrNull} may be null).
   *
   * @throws GlossaryException when the user's file is missing, unreadable or malformed
   */
  public static Glossary load(Path userFileOrNull) {
    String builtIn = resource();
    List<Entry> base = parse(builtIn, "built-in glossary");
    if (userFileOrNull == null) return new Glossary(base, hash(builtIn, ""));
    String user;
    try {
      user = Files.readString(userFileOrNull, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new GlossaryException("glossary file not found: " + userFileOrNull);
    } catch (IOException e) {
      throw new GlossaryException("cannot read the glossary file " + userFileOrNull + ": " + e.getMessage());
    }
    return new Glossary(merge(base, parse(user, userFileOrNull.toString())), hash(builtIn, user));
  }

  /** Parses glossary text; {@code origin} names it in error messages. */
  static List<Entry> parse(String text, String origin) {
    List<Entry> out = new ArrayList<>();
    String from = null;
    String to = null;
    int n = 0;
    for (String raw : text.replace("\r\n", "\n").split("\n", -1)) {
      n++;
      String line = raw.strip();
      if (n == 1 && line.startsWith("\uFEFF")) line = line.substring(1).strip();
      if (line.isEmpty() || line.startsWith("#")) continue;
      Matcher h = HEADER.matcher(line);
      if (h.matches()) {
        from = h.group(1);
        to = h.group(2);
        continue;
      }
      if (line.startsWith("[")) throw new GlossaryException(origin + ":" + n + ": a section header reads [de -> en], not " + line);
      if (from == null) throw new GlossaryException(origin + ":" + n + ": an entry before any [from -> to] header");
      int eq = line.lastIndexOf('=');
      if (eq < 0) throw new GlossaryException(origin + ":" + n + ": expected 'source = target', got: " + line);
      String target = line.substring(eq + 1).strip();
      List<String> forms = new ArrayList<>();
      for (String f : line.substring(0, eq).split("\\|")) {
        if (!f.isBlank()) forms.add(f.strip());
      }
      if (forms.isEmpty() || target.isEmpty()) {
        throw new GlossaryException(origin + ":" + n + ": both sides of '=' need a name: " + line);
      }
      out.add(new Entry(from, to, forms, target));
    }
    return out;
  }

  /** User entries win: a form the user lists is taken from every built-in entry of that pair. */
  private static List<Entry> merge(List<Entry> base, List<Entry> user) {
    Set<String> taken = new LinkedHashSet<>();
    for (Entry e : user) {
      for (String f : e.forms()) taken.add(key(e.from(), e.to(), f));
    }
    List<Entry> out = new ArrayList<>();
    for (Entry e : base) {
      List<String> kept = e.forms().stream().filter(f -> !taken.contains(key(e.from(), e.to(), f))).toList();
      if (!kept.isEmpty()) out.add(new Entry(e.from(), e.to(), kept, e.target()));
    }
    out.addAll(user);
    return out;
  }

  private static String key(String from, String to, String form) {
    return from + "\u0000" + to + "\u0000" + form.toLowerCase(Locale.ROOT);
  }

  /** Every entry, built-in first, then the user's. */
  public List<Entry> entries() {
    return entries;
  }

  /** The entries for one language pair. */
  public List<Entry> entries(String from, String to) {
    return entries.stream().filter(e -> e.from().equals(from) && e.to().equals(to)).toList();
  }

  /** The entries of the pair with a form occurring in {@code text}, in order of first occurrence. */
  public List<Entry> entriesIn(String text, String from, String to) {
    Map<Entry, Boolean> seen = new LinkedHashMap<>();
    for (Match m : find(text, from, to)) seen.putIfAbsent(m.entry(), true);
    return List.copyOf(seen.keySet());
  }

  /**
   * Every occurrence of a source form of the pair in {@code text}, left to right, never
   * overlapping: where forms overlap the longest wins ("Wladimir Putin" over "Putin").
   */
  public List<Match> find(String text, String from, String to) {
    if (text == null || text.isEmpty()) return List.of();
    return indexes.computeIfAbsent(from + "->" + to, k -> new FormIndex(formIndex(from, to), from.equals("de"))).find(text);
  }

  /**
   * The forms of one pair by their first character (case folded), longest first: a text is scanned
   * once, trying at each word start only the forms that begin with its character (one regular
   * expression alternating all forms, case-insensitively, was most of a faithfulness check's time).
   */
  private static final class FormIndex {
    private final Map<String, Entry> byForm;
    private final Map<Character, List<String>> byFirst = new HashMap<>();
    private final boolean genitive;

    FormIndex(Map<String, Entry> byForm, boolean genitive) {
      this.byForm = byForm;
      this.genitive = genitive;
      List<String> forms = new ArrayList<>(byForm.keySet());
      forms.sort(Comparator.comparingInt(String::length).reversed());
      for (String f : forms) {
        if (!f.isEmpty()) byFirst.computeIfAbsent(fold(f.charAt(0)), c -> new ArrayList<>()).add(f);
      }
    }

    List<Match> find(String text) {
      List<Match> out = new ArrayList<>();
      int i = 0;
      while (i < text.length()) {
        List<String> candidates = byFirst.get(fold(text.charAt(i)));
        int[] hit = candidates == null || i > 0 && wordChar(text.codePointBefore(i)) ? null : match(text, i, candidates);
        if (hit == null) {
          i++;
          continue;
        }
        Entry e = byForm.get(text.substring(i, hit[0]).toLowerCase(Locale.ROOT));
        if (e != null) out.add(new Match(i, hit[1], text.substring(i, hit[1]), e, hit[1] > hit[0]));
        i = hit[1];
      }
      return out;
    }

    /** {end of the form, end of the match (after a German genitive -s)} of the longest form matching at {@code i}, or null. */
    private int[] match(String text, int i, List<String> candidates) {
      for (String f : candidates) {
        if (!text.regionMatches(true, i, f, 0, f.length())) continue;
        int end = i + f.length();
        if (genitive && end < text.length() && (text.charAt(end) == 's' || text.charAt(end) == 'S')
            && !wordCharAt(text, end + 1)) {
          return new int[] {end, end + 1};
        }
        if (!wordCharAt(text, end)) return new int[] {end, end};
      }
      return null;
    }

    private static boolean wordCharAt(String text, int at) {
      return at < text.length() && wordChar(text.codePointAt(at));
    }

    private static boolean wordChar(int cp) {
      return Character.isLetter(cp) || Character.isDigit(cp) || Character.getType(cp) == Character.LETTER_NUMBER
          || Character.getType(cp) == Character.OTHER_NUMBER;
    }

    private static char fold(char c) {
      return Character.toLowerCase(Character.toUpperCase(c));
    }
  }

  private Map<String, Entry> formIndex(String from, String to) {
    Map<String, Entry> byForm = new LinkedHashMap<>();
    for (Entry e : entries(from, to)) {
      for (String f : e.forms()) byForm.put(f.toLowerCase(Locale.ROOT), e);
    }
    return byForm;
  }

  /**
   * The entries as one compact line for a prompt, leaving out those that ask for no change; the
   * empty string when none is left, so a prompt without names pays nothing.
   */
  public static String promptSection(List<Entry> entries) {
    List<String> parts = new ArrayList<>();
    for (Entry e : entries) {
      if (!e.renames()) continue;
      List<String> forms = e.forms().stream().filter(f -> !f.equals(e.target())).toList();
      parts.add(String.join("/", forms) + " → " + e.target());
    }
    if (parts.isEmpty()) return "";
    return "Write these names in these forms (article form → form to use): " + String.join("; ", parts) + ".";
  }

  /** Short hash of the built-in and the user's glossary text; part of every cache key it shapes. */
  public String version() {
    return version;
  }

  private static String resource() {
    try (InputStream in = Glossary.class.getResourceAsStream(BUILT_IN)) {
      if (in == null) throw new IllegalStateException("built-in glossary missing from the jar: " + BUILT_IN);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String hash(String builtIn, String user) {
    return Sha256.start().add(builtIn).add((byte) 0).add(user).hex().substring(0, 16);
  }
}
