package dev.kurz.llm;

import dev.kurz.model.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The prompt templates, read once: from a user's folder when one is configured (each file found
 * there wins), else the defaults shipped in the jar (a copy of the repository's {@code prompts/}).
 * Templates use {@code {{name}}} placeholders. {@link #hash()} covers every template's content, so
 * editing a prompt changes every cache key. Immutable and thread-safe.
 */
public final class PromptTemplates {
  public static final List<String> NAMES = List.of(
      "analyze.system.txt",
      "analyze.user.txt",
      "repair.txt",
      "faithfulness.txt",
      "synthesize.system.txt",
      "synthesize.user.txt",
      "translate.system.txt",
      "translate.user.txt");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");

  private final Map<String, String> templates;
  private final Map<String, String> origins;
  private final String hash;

  private PromptTemplates(Map<String, String> templates, Map<String, String> origins) {
    this.templates = Map.copyOf(templates);
    this.origins = Map.copyOf(origins);
    this.hash = sha256(templates);
  }

  /** Loads the templates; {@code userDir} may be null. */
  public static PromptTemplates load(Path userDir) {
    Map<String, String> templates = new LinkedHashMap<>();
    Map<String, String> origins = new LinkedHashMap<>();
    for (String name : NAMES) {
      Path file = userDir == null ? null : userDir.resolve(name);
      if (file != null && Files.isRegularFile(file)) {
        try {
          templates.put(name, Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read prompt " + file + ": " + e.getMessage(), e);
        }
        origins.put(name, file.toString());
      } else {
        templates.put(name, builtIn(name));
        origins.put(name, "built-in");
      }
    }
    return new PromptTemplates(templates, origins);
  }

  public static String builtIn(String name) {
    try (InputStream in = PromptTemplates.class.getResourceAsStream("/kurz/prompts/" + name)) {
      if (in == null) throw new IllegalStateException("built-in prompt missing from the jar: " + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Hex SHA-256 over every template's name and content. */
  public String hash() {
    return hash;
  }

  public String template(String name) {
    String t = templates.get(name);
    if (t == null) throw new IllegalArgumentException("no prompt named " + name);
    return t;
  }

  /** Where each template was read from: a file path or "built-in". */
  public Map<String, String> origins() {
    return origins;
  }

  /**
   * Fills a template. A placeholder without a value is an error, so a typo in a user's template is
   * caught on the first article rather than sent to the model.
   */
  public String render(String name, Map<String, String> values) {
    String template = template(name);
    Pattern fences = fences(template);
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder(template.length() + 256);
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalArgumentException("prompt " + name + " (" + origins.get(name) + ") uses unknown placeholder {{"
            + m.group(1) + "}}; known: " + String.join(", ", values.keySet()));
      }
      m.appendReplacement(out, Matcher.quoteReplacement(fences == null ? value : fences.matcher(value).replaceAll("‹$1")));
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * The markers a template fences content with ({@code <article>}, {@code <story>}, whatever an
   * edited template uses), as a pattern finding their opening or closing tags in a value, in any
   * case and spacing ({@code </ARTICLE >}, {@code < /article}): content holding one would end the
   * fence early and put its own text outside it. Such a tag's {@code <} becomes {@code ‹}, so the
   * request has exactly the template's fences whatever the content holds. Null without markers.
   */
  static Pattern fences(String template) {
    java.util.Set<String> names = new java.util.TreeSet<>();
    Matcher tag = FENCE_TAG.matcher(template);
    while (tag.find()) names.add(Pattern.quote(tag.group(1)));
    if (names.isEmpty()) return null;
    return Pattern.compile("(?i)<(\\s*/?\\s*(?:" + String.join("|", names) + ")(?![\\w-]))");
  }

  private static final Pattern FENCE_TAG = Pattern.compile("</?([A-Za-z][\\w-]*)>");

  /**
   * The repair request: {@code repair.txt} with the validation errors as a list (at most 20, so a
   * badly broken answer does not make a huge prompt). Every kind of answer is repaired this way.
   */
  public String repair(List<String> errors) {
    StringBuilder b = new StringBuilder();
    for (String e : errors.subList(0, Math.min(errors.size(), 20))) b.append("- ").append(e).append('\n');
    return render("repair.txt", Map.of("errors", b.toString().strip()));
  }

  /** The repair request for an answer the faithfulness gate failed: {@code faithfulness.txt} with the failures. */
  public String faithfulnessRepair(List<String> failures) {
    StringBuilder b = new StringBuilder();
    for (String f : failures.subList(0, Math.min(failures.size(), 20))) b.append("- ").append(f).append('\n');
    return render("faithfulness.txt", Map.of("failures", b.toString().strip()));
  }

  static String sha256(Map<String, String> parts) {
    Sha256 hash = Sha256.start();
    for (var e : parts.entrySet()) hash.add(e.getKey()).add((byte) 0).add(e.getValue()).add((byte) 0);
    return hash.hex();
  }
}
