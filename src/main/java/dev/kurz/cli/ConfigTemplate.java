package dev.kurz.cli;

/** The commented example that {@code kurz config init} writes. */
final class ConfigTemplate {
  static final String TEXT = """
      # kurz configuration (TOML).
      # Precedence: command-line flag > KURZ_* environment variable > this file > built-in default.
      # Check what is in effect, and why:  kurz config show --show-origin

      # The backend used when no --backend/--provider is given (a table below).
      default_backend = "openai"

      # Target language and summary length (short, medium, long).
      to = "en"
      length = "medium"

      # Requests in flight at once.
      concurrency = 4

      # Cache and prompt folders (defaults: $XDG_CACHE_HOME/kurz; the built-in prompts).
      # cache_dir = "/home/me/.cache/kurz"
      # prompts_dir = "/home/me/.config/kurz/prompts"   # see: kurz prompts export DIR

      # One table per backend. Keys are read from the environment variable named in api_key_env
      # (never stored here unless you must: then chmod 600 this file). The provider is the table's
      # name unless 'provider' says otherwise.

      [backends.openai]
      model = "gpt-4o-mini"
      api_key_env = "OPENAI_API_KEY"

      [backends.local]
      provider = "openai"                        # any OpenAI-compatible server
      base_url = "http://localhost:8080/v1"      # vLLM, LM Studio, llama.cpp server
      model = "local"

      [backends.ollama]
      model = "qwen2.5:14b"
      base_url = "http://localhost:11434"

      [backends.anthropic]
      model = "claude-sonnet-4-5"
      api_key_env = "ANTHROPIC_API_KEY"

      [backends.gemini]
      model = "gemini-2.5-flash"
      api_key_env = "GEMINI_API_KEY"

      [backends.mistral]
      model = "mistral-small-latest"
      api_key_env = "MISTRAL_API_KEY"

      [backends.azure]
      provider = "azure-openai"
      base_url = "https://YOUR-RESOURCE.openai.azure.com/"
      model = "YOUR-DEPLOYMENT"
      api_key_env = "AZURE_OPENAI_API_KEY"

      # Prices in USD per million tokens, for cost estimates ("provider/model").
      # [prices]
      # "openai/gpt-4o-mini" = { input = 0.15, output = 0.60 }
      """;

  private ConfigTemplate() {}
}
