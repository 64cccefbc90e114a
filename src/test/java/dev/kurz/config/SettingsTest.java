package dev.kurz.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
  @TempDir Path dir;
  final List<String> warnings = new ArrayList<>();

  static Map<Key, String> defaults(String provider) {
    return switch (provider) {
      case "openai" -> Map.of(Key.MODEL, "gpt-4o-mini", Key.API_KEY_ENV, "OPENAI_API_KEY");
      case "ollama" -> Map.of(Key.MODEL, "qwen2.5:7b", Key.BASE_URL, "http://localhost:11434");
      default -> Map.of();
    };
  }

  ConfigFile file(String toml) throws IOException {
    Path p = dir.resolve("config.toml");
    Files.writeString(p, toml);
    return ConfigFile.read(p, true, warnings::add);
  }

  Settings resolve(Map<Key, String> flags, Map<String, String> env, ConfigFile file) {
    return Settings.resolve(flags, env, file, SettingsTest::defaults);
  }

  @Test
  void builtInDefaultsApplyWithNothingSet() {
    Settings s = resolve(Map.of(), Map.of(), null);
    assertThat(s.value(Key.PROVIDER)).isEqualTo("openai");
    assertThat(s.get(Key.PROVIDER).origin()).isEqualTo("default");
    assertThat(s.value(Key.MODEL)).isEqualTo("gpt-4o-mini");
    assertThat(s.get(Key.MODEL).origin()).isEqualTo("default for provider openai");
    assertThat(s.value(Key.TO)).isEqualTo("en");
    assertThat(s.value(Key.LENGTH)).isEqualTo("medium");
  }

  @Test
  void fileBeatsDefault() throws IOException {
    Settings s = resolve(Map.of(), Map.of(), file("length = \"short\"\nto = \"fr\"\n"));
    assertThat(s.value(Key.LENGTH)).isEqualTo("short");
    assertThat(s.get(Key.LENGTH).origin()).startsWith("file ");
    assertThat(s.value(Key.TO)).isEqualTo("fr");
  }

  @Test
  void envBeatsFile() throws IOException {
    Settings s = resolve(Map.of(), Map.of("KURZ_LENGTH", "long"), file("length = \"short\"\n"));
    assertThat(s.value(Key.LENGTH)).isEqualTo("long");
    assertThat(s.get(Key.LENGTH).origin()).isEqualTo("env KURZ_LENGTH");
  }

  @Test
  void flagBeatsEnvAndFile() throws IOException {
    Settings s = resolve(Map.of(Key.LENGTH, "medium"), Map.of("KURZ_LENGTH", "long"), file("length = \"short\"\n"));
    assertThat(s.value(Key.LENGTH)).isEqualTo("medium");
    assertThat(s.get(Key.LENGTH).origin()).isEqualTo("flag --length");
  }

  @Test
  void defaultBackendTableSuppliesProviderAndModel() throws IOException {
    ConfigFile f = file("""
        default_backend = "local"
        [backends.local]
        provider = "ollama"
        model = "qwen2.5:14b"
        """);
    Settings s = resolve(Map.of(), Map.of(), f);
    assertThat(s.value(Key.PROVIDER)).isEqualTo("ollama");
    assertThat(s.value(Key.MODEL)).isEqualTo("qwen2.5:14b");
    assertThat(s.get(Key.MODEL).origin()).endsWith("[backends.local]");
    assertThat(s.value(Key.BASE_URL)).isEqualTo("http://localhost:11434");
  }

  @Test
  void backendTableNamedAfterProviderNeedsNoProviderKey() throws IOException {
    ConfigFile f = file("default_backend = \"ollama\"\n[backends.ollama]\nmodel = \"llama3\"\n");
    Settings s = resolve(Map.of(), Map.of(), f);
    assertThat(s.value(Key.PROVIDER)).isEqualTo("ollama");
    assertThat(s.value(Key.MODEL)).isEqualTo("llama3");
  }

  @Test
  void providerFlagForAnotherProviderDropsTheBackendTable() throws IOException {
    ConfigFile f = file("default_backend = \"openai\"\n[backends.openai]\nmodel = \"gpt-4.1\"\n");
    Settings s = resolve(Map.of(Key.PROVIDER, "ollama"), Map.of(), f);
    assertThat(s.value(Key.MODEL)).isEqualTo("qwen2.5:7b");
    assertThat(s.get(Key.MODEL).origin()).isEqualTo("default for provider ollama");
  }

  @Test
  void modelFlagBeatsBackendTable() throws IOException {
    ConfigFile f = file("default_backend = \"openai\"\n[backends.openai]\nmodel = \"gpt-4.1\"\n");
    Map<Key, String> flags = new EnumMap<>(Key.class);
    flags.put(Key.MODEL, "gpt-5");
    assertThat(resolve(flags, Map.of("KURZ_MODEL", "x"), f).value(Key.MODEL)).isEqualTo("gpt-5");
    assertThat(resolve(Map.of(), Map.of("KURZ_MODEL", "x"), f).value(Key.MODEL)).isEqualTo("x");
  }

  @Test
  void unknownBackendNamesTheKnownOnes() throws IOException {
    ConfigFile f = file("[backends.a]\nprovider = \"openai\"\n[backends.b]\nprovider = \"ollama\"\n");
    assertThatThrownBy(() -> resolve(Map.of(Key.BACKEND, "c"), Map.of(), f))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("no backend named 'c'")
        .hasMessageContaining("a, b");
  }

  @Test
  void unknownKeysWarnButDoNotFail() throws IOException {
    file("lenght = \"short\"\n[backends.x]\nmodle = \"y\"\n");
    assertThat(warnings).hasSize(2).allMatch(w -> w.contains("unknown key"));
  }

  @Test
  void badTomlIsAClearError() throws IOException {
    Path p = dir.resolve("bad.toml");
    Files.writeString(p, "to = \n");
    assertThatThrownBy(() -> ConfigFile.read(p, true, warnings::add))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("cannot read config file " + p);
  }

  @Test
  void missingExplicitFileIsAnErrorButMissingDefaultIsNot() {
    assertThatThrownBy(() -> ConfigFile.read(dir.resolve("nope.toml"), true, warnings::add))
        .hasMessageContaining("config file not found");
    assertThat(ConfigFile.read(dir.resolve("nope.toml"), false, warnings::add)).isNull();
  }

  @Test
  void keyInAFileOthersCanReadDrawsAWarning() throws IOException {
    Path p = dir.resolve("config.toml");
    Files.writeString(p, "[backends.openai]\napi_key = \"sk-test-FAKE-0000\"\n");
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
    ConfigFile.read(p, true, warnings::add);
    assertThat(warnings).singleElement().asString().contains("chmod 600").doesNotContain("sk-test-FAKE-0000");
    warnings.clear();
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
    ConfigFile.read(p, true, warnings::add);
    assertThat(warnings).isEmpty();
  }

  @Test
  void cacheDirFollowsXdgThenHome() {
    Settings s = resolve(Map.of(), Map.of(), null);
    assertThat(s.cacheDir(Map.of("XDG_CACHE_HOME", "/x"))).isEqualTo(Path.of("/x/kurz"));
    assertThat(s.cacheDir(Map.of("HOME", "/h"))).isEqualTo(Path.of("/h/.cache/kurz"));
    Settings flagged = resolve(Map.of(Key.CACHE_DIR, "/c"), Map.of(), null);
    assertThat(flagged.cacheDir(Map.of("XDG_CACHE_HOME", "/x"))).isEqualTo(Path.of("/c"));
  }

  @Test
  void aChoiceFillsInOnlyWhatTheUserLeftOpenAndItsProviderDefaultsFollow() throws IOException {
    Settings given = resolve(Map.of(Key.MODEL, "my-model"), Map.of(), file("timeout = 60\n"));
    Settings chosen = given.withChosen(Map.of(Key.PROVIDER, "ollama", Key.MODEL, "qwen2.5:14b", Key.BASE_URL, "http://127.0.0.1:11434"),
        "auto: ollama answering");
    assertThat(chosen.value(Key.PROVIDER)).isEqualTo("ollama");
    assertThat(chosen.get(Key.PROVIDER).origin()).isEqualTo("auto: ollama answering");
    assertThat(chosen.get(Key.MODEL)).isEqualTo(new Setting("my-model", "flag --model"));
    assertThat(chosen.get(Key.BASE_URL).origin()).isEqualTo("auto: ollama answering");
    assertThat(chosen.get(Key.TIMEOUT).origin()).startsWith("file ");
  }

  @Test
  void otherFlagsResolveOnTheSameFileWithoutReadingItAgain() throws IOException {
    ConfigFile f = file("model = \"top\"\n[backends.local]\nprovider = \"ollama\"\nmodel = \"local-model\"\n");
    Settings top = resolve(Map.of(), Map.of(), f);
    Settings local = top.withFlags(Map.of(Key.BACKEND, "local"));
    assertThat(top.value(Key.MODEL)).isEqualTo("top");
    assertThat(local.value(Key.MODEL)).isEqualTo("local-model");
    assertThat(local.value(Key.BASE_URL)).isEqualTo("http://localhost:11434");
    assertThat(local.file()).isSameAs(f);
  }
}
