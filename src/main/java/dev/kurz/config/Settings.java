package dev.kurz.config;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Every setting resolved with its origin. Precedence: flag, then environment ({@code KURZ_*}),
 * then the config file (the selected {@code [backends.NAME]} table before top-level keys), then
 * the built-in or provider default. A provider named by flag or environment that differs from the
 * selected backend's provider drops that backend's table: its model and endpoint belong to
 * another provider.
 */
public final class Settings {
  private final Map<Key, Setting> values;
  private final Map<Key, String> flags;
  private final Map<String, String> env;
  private final ConfigFile file;
  private final Function<String, Map<Key, String>> providerDefaults;

  private Settings(Map<Key, Setting> values, Map<Key, String> flags, Map<String, String> env, ConfigFile file,
      Function<String, Map<Key, String>> providerDefaults) {
    this.values = values;
    this.flags = flags;
    this.env = env;
    this.file = file;
    this.providerDefaults = providerDefaults;
  }

  /**
   * @param flags values given on the command line
   * @param env the process environment
   * @param file the config file, or null
   * @param providerDefaults for a provider name, its default model, api key variable and base URL
   *     (keys MODEL, API_KEY_ENV, BASE_URL); empty for an unknown provider
   */
  public static Settings resolve(
      Map<Key, String> flags,
      Map<String, String> env,
      ConfigFile file,
      Function<String, Map<Key, String>> providerDefaults) {
    Map<Key, Setting> out = new EnumMap<>(Key.class);
    String fileOrigin = file == null ? null : "file " + file.path();

    Setting backend = pick(Key.BACKEND, flags, env, file == null ? null : file.top(), fileOrigin);
    Map<Key, String> table = null;
    String tableOrigin = null;
    if (backend.isSet()) {
      table = file == null ? null : file.backends().get(backend.value());
      if (table == null) {
        String known = file == null ? "no config file" : "known: " + String.join(", ", file.backends().keySet());
        throw new ConfigException("no backend named '" + backend.value() + "' in the config (" + known + ")");
      }
      tableOrigin = "file " + file.path() + " [backends." + backend.value() + "]";
    }
    out.put(Key.BACKEND, backend);

    Setting provider = pick(Key.PROVIDER, flags, env, null, null);
    if (!provider.isSet() && table != null && table.containsKey(Key.PROVIDER)) {
      provider = new Setting(table.get(Key.PROVIDER), tableOrigin);
    }
    if (!provider.isSet() && table != null && !providerDefaults.apply(backend.value()).isEmpty()) {
      provider = new Setting(backend.value(), tableOrigin + " (named after the provider)");
    }
    if (!provider.isSet()) provider = pick(Key.PROVIDER, Map.of(), Map.of(), file == null ? null : file.top(), fileOrigin);
    if (!provider.isSet()) provider = new Setting(Key.PROVIDER.defaultValue(), "default");
    if (table != null && !provider.origin().startsWith("file")) {
      String tableProvider = table.getOrDefault(Key.PROVIDER, backend.value());
      if (!tableProvider.equals(provider.value())) {
        table = null;
        // The named backend is another provider's: it is not the one in use.
        out.put(Key.BACKEND, new Setting(null, "not used: " + backend.origin() + " names a " + tableProvider
            + " backend, " + provider.origin() + " says " + provider.value()));
      }
    }
    out.put(Key.PROVIDER, provider);

    Map<Key, String> derived = providerDefaults.apply(provider.value());
    for (Key key : Key.values()) {
      if (key == Key.BACKEND || key == Key.PROVIDER) continue;
      Setting s = pick(key, flags, env, null, null);
      if (!s.isSet() && table != null && table.containsKey(key)) s = new Setting(table.get(key), tableOrigin);
      if (!s.isSet()) s = pick(key, Map.of(), Map.of(), file == null ? null : file.top(), fileOrigin);
      if (!s.isSet() && derived.containsKey(key)) {
        s = new Setting(derived.get(key), "default for provider " + provider.value());
      }
      if (!s.isSet() && key.defaultValue() != null) s = new Setting(key.defaultValue(), "default");
      out.put(key, s.isSet() ? checked(key, s) : Setting.UNSET);
    }
    return new Settings(out, Map.copyOf(flags), env, file, providerDefaults);
  }

  /**
   * The settings the same environment and config file give with other flags (a batch's recorded
   * provider and model, a backend of the file): the file is not read again.
   */
  public Settings withFlags(Map<Key, String> otherFlags) {
    return resolve(otherFlags, env, file, providerDefaults);
  }

  /**
   * These settings with {@code chosen} filled in below what the user set (flag, environment,
   * file), as an automatic choice of backend fills them in; their origin is {@code origin}, and
   * what follows from them (the provider's defaults) follows again.
   */
  public Settings withChosen(Map<Key, String> chosen, String origin) {
    Map<Key, String> filled = new EnumMap<>(Key.class);
    for (var e : chosen.entrySet()) {
      if (e.getKey() == Key.PROVIDER || !userSet(e.getKey())) filled.put(e.getKey(), e.getValue());
    }
    Map<Key, String> merged = new EnumMap<>(Key.class);
    merged.putAll(filled);
    merged.putAll(flags);
    return resolve(merged, env, file, providerDefaults).withOrigin(filled.keySet(), origin);
  }

  /** Whether the user gave this value (flag, environment or config file), not a default or a choice. */
  public boolean userSet(Key key) {
    String origin = values.get(key).origin();
    return origin.startsWith("flag") || origin.startsWith("env") || origin.startsWith("file");
  }

  /** The setting in its canonical form; a bad value fails naming where it came from. */
  private static Setting checked(Key key, Setting s) {
    try {
      return new Setting(key.check(s.value()), s.origin());
    } catch (IllegalArgumentException e) {
      String o = s.origin();
      String where = o.startsWith("flag ") ? o.substring(5)
          : o.startsWith("env ") ? o.substring(4)
          : o.startsWith("file ") ? key.fileName() + " in " + o.substring(5)
          : key.fileName() + " (" + o + ")";
      throw new ConfigException(where + ": " + e.getMessage());
    }
  }

  private static Setting pick(Key key, Map<Key, String> flags, Map<String, String> env, Map<Key, String> fileTop, String fileOrigin) {
    String flag = flags.get(key);
    if (flag != null) return new Setting(flag, "flag " + key.flagName());
    String fromEnv = env.get(key.envName());
    if (fromEnv != null && !fromEnv.isBlank()) return new Setting(fromEnv, "env " + key.envName());
    if (fileTop != null && fileTop.containsKey(key)) return new Setting(fileTop.get(key), fileOrigin);
    return Setting.UNSET;
  }

  /** The same values, with the given keys' origins replaced (e.g. after an automatic choice). */
  public Settings withOrigin(java.util.Collection<Key> keys, String origin) {
    Map<Key, Setting> copy = new EnumMap<>(values);
    for (Key k : keys) {
      if (copy.get(k).isSet()) copy.put(k, new Setting(copy.get(k).value(), origin));
    }
    return new Settings(copy, flags, env, file, providerDefaults);
  }

  public Setting get(Key key) {
    return values.get(key);
  }

  /** The value, or null when unset. */
  public String value(Key key) {
    return values.get(key).value();
  }

  public int intValue(Key key) {
    Setting s = values.get(key);
    try {
      return Integer.parseInt(s.value().strip());
    } catch (NumberFormatException e) {
      throw new ConfigException(key.fileName() + " must be a whole number, got '" + s.value() + "' (" + s.origin() + ")");
    }
  }

  /** The value as a number, or null when unset. */
  public Double doubleValue(Key key) {
    Setting s = values.get(key);
    if (!s.isSet()) return null;
    try {
      return Double.parseDouble(s.value().strip());
    } catch (NumberFormatException e) {
      throw new ConfigException(key.fileName() + " must be a number, got '" + s.value() + "' (" + s.origin() + ")");
    }
  }

  public Map<Key, Setting> all() {
    return Map.copyOf(values);
  }

  /** The config file in use, or null. */
  public ConfigFile file() {
    return file;
  }

  /** The cache folder: the setting, else $XDG_CACHE_HOME/kurz, else ~/.cache/kurz. */
  public Path cacheDir(Map<String, String> env) {
    String dir = value(Key.CACHE_DIR);
    if (dir != null) return Path.of(dir);
    String xdg = env.get("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank()
        ? Path.of(xdg)
        : Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".cache");
    return base.resolve("kurz");
  }
}
