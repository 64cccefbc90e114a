package dev.kurz.llm;

import dev.kurz.config.Key;
import dev.kurz.config.Settings;
import dev.kurz.llm.embedded.EmbeddedBackend;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/**
 * Picks a backend when the user named none (no flag, variable or config default): a provider
 * whose API key is in the environment (OpenAI, Anthropic, Gemini, Mistral, in that order), else a
 * model server on this machine at its usual port, else the embedded model. {@code kurz backends}
 * prints this order.
 */
public final class BackendResolver {
  static final List<String> KEY_ORDER = List.of("openai", "anthropic", "gemini", "mistral");

  /** What was picked and why, for the first line on stderr and for config show. */
  public record Choice(String provider, String baseUrl, String model, String reason) {}

  /** The settings a run uses, and the line saying which backend was picked and why when one was picked. */
  public record Resolved(Settings settings, Optional<String> notice) {}

  private BackendResolver() {}

  /**
   * The run's settings: {@code settings} as they are when anything names the provider; else with
   * the automatic {@link #choose choice} filled in below what the user set (a flag's model stays).
   */
  public static Resolved complete(Settings settings, Map<String, String> env, Supplier<OkHttpClient> http) {
    if (!settings.get(Key.PROVIDER).origin().equals("default")) return new Resolved(settings, Optional.empty());
    Choice choice = choose(env, http);
    Map<Key, String> chosen = new EnumMap<>(Key.class);
    chosen.put(Key.PROVIDER, choice.provider());
    if (choice.baseUrl() != null) chosen.put(Key.BASE_URL, choice.baseUrl());
    if (choice.model() != null) chosen.put(Key.MODEL, choice.model());
    Settings s = settings.withChosen(chosen, "auto: " + choice.reason());
    return new Resolved(s, Optional.of("kurz: using " + choice.provider() + " " + s.value(Key.MODEL) + " (" + choice.reason() + ")"));
  }

  public static Choice choose(Map<String, String> env, Supplier<OkHttpClient> http) {
    for (String name : KEY_ORDER) {
      ProviderInfo p = Backends.provider(name);
      String value = env.get(p.keyEnv());
      if (value != null && !value.isBlank()) return new Choice(name, null, null, p.keyEnv() + " is set");
    }
    var found = LocalServers.probe(http.get(), env);
    if (found.isPresent()) {
      LocalServers.Found f = found.get();
      String preferred = Backends.provider(f.provider()).defaultModel();
      String model = f.models().contains(preferred) ? preferred : f.models().get(0);
      return new Choice(f.provider(), f.baseUrl(), model, f.provider() + " server answering at " + f.baseUrl());
    }
    return new Choice(EmbeddedBackend.PROVIDER, null, null, "no API key in the environment and no local model server");
  }

  /** The order, as {@code kurz backends} shows it. */
  public static List<String> order(Map<String, String> env) {
    List<String> lines = new java.util.ArrayList<>();
    lines.add("the backend named by --backend/--provider, KURZ_BACKEND/KURZ_PROVIDER or default_backend in the config");
    for (String name : KEY_ORDER) lines.add(name + " when " + Backends.provider(name).keyEnv() + " is set");
    for (String a : LocalServers.addresses(env)) lines.add("a local server: " + a);
    lines.add("the embedded model (kurz models pull; runs in-process, slow but free)");
    return lines;
  }
}
