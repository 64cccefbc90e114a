package dev.kurz.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The TOML config file: top-level settings, {@code [backends.NAME]} tables and a {@code [prices]}
 * table (USD per million tokens, {@code "provider/model" = { input = .., output = .. }}). Unknown
 * keys draw a warning rather than an error, so an older kurz can read a newer file.
 */
public record ConfigFile(
    Path path,
    Map<Key, String> top,
    Map<String, Map<Key, String>> backends,
    Map<String, double[]> prices) {

  public ConfigFile {
    // Kept in file order: listings and error messages name backends as the user wrote them.
    top = Collections.unmodifiableMap(new LinkedHashMap<>(top));
    backends = Collections.unmodifiableMap(new LinkedHashMap<>(backends));
    prices = Collections.unmodifiableMap(new LinkedHashMap<>(prices));
  }

  /** Where the file is looked for when neither --config nor KURZ_CONFIG names one. */
  public static Path defaultPath(Map<String, String> env) {
    String xdg = env.get("XDG_CONFIG_HOME");
    Path base = xdg != null && !xdg.isBlank()
        ? Path.of(xdg)
        : Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".config");
    return base.resolve("kurz").resolve("config.toml");
  }

  /** The file in use: the one named by --config ({@code named}, may be null), else by KURZ_CONFIG, else the default path. */
  public static Path location(Path named, Map<String, String> env) {
    if (named != null) return named;
    String var = env.get("KURZ_CONFIG");
    return var != null && !var.isBlank() ? Path.of(var) : defaultPath(env);
  }

  /** Reads the file in use ({@link #location}); null when there is none at the default path (a named one must exist). */
  public static ConfigFile find(Path named, Map<String, String> env, Consumer<String> warn) {
    String var = env.get("KURZ_CONFIG");
    return read(location(named, env), named != null || var != null && !var.isBlank(), warn);
  }

  /**
   * Reads the file. {@code explicit} says whether the user named it (flag or variable), in which
   * case a missing file is an error; at the default location a missing file means no file.
   */
  public static ConfigFile read(Path path, boolean explicit, Consumer<String> warn) {
    if (!Files.exists(path)) {
      if (explicit) throw new ConfigException("config file not found: " + path);
      return null;
    }
    JsonNode root;
    try {
      root = new TomlMapper().readTree(path.toFile());
    } catch (IOException e) {
      String msg = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
      throw new ConfigException("cannot read config file " + path + ": " + msg, e);
    }
    Map<Key, String> top = new LinkedHashMap<>();
    Map<String, Map<Key, String>> backends = new LinkedHashMap<>();
    Map<String, double[]> prices = new LinkedHashMap<>();
    boolean holdsKey = false;
    for (var field : iterable(root)) {
      String name = field.getKey();
      JsonNode value = field.getValue();
      switch (name) {
        case "backends" -> {
          for (var b : iterable(value)) {
            Map<Key, String> table = new LinkedHashMap<>();
            for (var kv : iterable(b.getValue())) {
              Key key = key(kv.getKey());
              if (key == null || !key.perBackend()) {
                warn.accept(path + ": unknown key '" + kv.getKey() + "' in [backends." + b.getKey() + "]");
              } else {
                table.put(key, kv.getValue().asText());
                holdsKey |= key == Key.API_KEY;
              }
            }
            backends.put(b.getKey(), table);
          }
        }
        case "prices" -> {
          for (var p : iterable(value)) {
            prices.put(p.getKey(), new double[] {p.getValue().path("input").asDouble(), p.getValue().path("output").asDouble()});
          }
        }
        case "default_backend" -> top.put(Key.BACKEND, value.asText());
        default -> {
          Key key = key(name);
          if (key == null || value.isContainerNode()) warn.accept(path + ": unknown key '" + name + "'");
          else {
            top.put(key, value.asText());
            holdsKey |= key == Key.API_KEY;
          }
        }
      }
    }
    if (holdsKey && readableByOthers(path)) {
      warn.accept(path + " holds an API key and others can read it: chmod 600 " + path);
    }
    return new ConfigFile(path, top, backends, prices);
  }

  public static boolean readableByOthers(Path path) {
    try {
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(path);
      return perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ);
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  private static Key key(String fileName) {
    for (Key k : Key.values()) {
      if (k.fileName().equals(fileName)) return k;
    }
    return null;
  }

  private static List<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
    List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
    node.properties().forEach(out::add);
    return out;
  }
}
