package dev.kurz.cli;

import dev.kurz.config.Key;
import dev.kurz.llm.Backends;
import dev.kurz.llm.embedded.EmbeddedModel;

/**
 * The example that {@code kurz config init} writes. Every setting is commented out, so the file
 * changes nothing until a line is uncommented (the automatic backend choice included), and the
 * values shown are the built-in defaults, taken from the code that applies them.
 */
final class ConfigTemplate {
  private ConfigTemplate() {}

  static String text() {
    StringBuilder t = new StringBuilder("""
        # kurz configuration (TOML). Every line is commented out: as written, this file changes
        # nothing. Uncomment a line to change that setting; the values shown are the defaults.
        # Precedence: command-line flag > KURZ_* environment variable > this file > built-in default.
        # Check what is in effect, and why:  kurz config show --show-origin

        # The backend used when no --backend/--provider is given: one of the tables below. Unset,
        # kurz picks one itself: a provider whose key is in the environment, a model server on this
        # machine, else the embedded model (kurz backends shows the order).
        # default_backend = "openai"

        """);
    for (Key key : new Key[] {Key.TO, Key.LENGTH, Key.CONCURRENCY, Key.TIMEOUT, Key.CONTEXT_TOKENS,
        Key.MAX_ARTICLE_TOKENS, Key.TIME_ZONE}) {
      t.append("# ").append(key.description()).append('\n');
      t.append("# ").append(key.fileName()).append(" = ").append(toml(key, key.defaultValue())).append("\n\n");
    }
    t.append("""
        # Cache and prompt folders (defaults: $XDG_CACHE_HOME/kurz; the built-in prompts).
        # cache_dir = "/home/me/.cache/kurz"
        # prompts_dir = "/home/me/.config/kurz/prompts"   # see: kurz prompts export DIR
        # glossary = "/home/me/.config/kurz/names.txt"    # format: docs/glossary.md

        # One table per backend, each with its provider's default model. Keys are read from the
        # variable named in api_key_env (never store one here unless you must: then chmod 600 this
        # file). The provider is the table's name unless 'provider' says otherwise.
        """);
    for (var p : Backends.PROVIDERS) {
      if (p.name().equals("azure-openai")) continue; // needs your resource and deployment: below
      t.append("\n# [backends.").append(p.name()).append("]\n");
      t.append("# model = \"").append(p.defaultModel()).append("\"\n");
      if (p.keyEnv() != null) t.append("# api_key_env = \"").append(p.keyEnv()).append("\"\n");
      if (p.keyEnv() == null && p.defaultBaseUrl() != null) t.append("# base_url = \"").append(p.defaultBaseUrl()).append("\"\n");
    }
    t.append("""

        # [backends.local]
        # provider = "openai"                        # any OpenAI-compatible server
        # base_url = "http://localhost:8080/v1"      # vLLM, LM Studio, llama.cpp server
        # model = "local"

        # [backends.azure]
        # provider = "azure-openai"
        # base_url = "https://YOUR-RESOURCE.openai.azure.com/"
        # model = "YOUR-DEPLOYMENT"
        # api_key_env = "AZURE_OPENAI_API_KEY"

        # [backends.embedded]                       # in-process, no key, no server (kurz models)
        # model = "%s"

        # Prices in USD per million tokens, for cost estimates ("provider/model").
        # [prices]
        # "openai/gpt-4.1-mini" = { input = 0.40, output = 1.60 }
        """.formatted(EmbeddedModel.DEFAULT.name()));
    return t.toString();
  }

  private static String toml(Key key, String value) {
    return key == Key.CONCURRENCY || key == Key.TIMEOUT || key == Key.CONTEXT_TOKENS || key == Key.MAX_ARTICLE_TOKENS
        ? value : "\"" + value + "\"";
  }
}
