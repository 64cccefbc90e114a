package dev.kurz.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Prices in USD per million tokens, for cost estimates: built-in list prices (as published when
 * this version was written; they change, so the config file's {@code [prices]} table overrides
 * them) matched by "provider/model", the longest model-name prefix winning, so a dated snapshot
 * like gpt-4.1-mini-2025-04-14 is priced as gpt-4.1-mini. Local providers cost nothing. Immutable.
 */
public final class PriceTable {
  /** Input and output price per million tokens. */
  public record Price(double input, double output) {
    public double cost(long inputTokens, long outputTokens) {
      return (inputTokens * input + outputTokens * output) / 1_000_000.0;
    }
  }

  private static final Map<String, Price> BUILT_IN = Map.ofEntries(
      Map.entry("openai/gpt-4o-mini", new Price(0.15, 0.60)),
      Map.entry("openai/gpt-4o", new Price(2.50, 10.00)),
      Map.entry("openai/gpt-4.1-nano", new Price(0.10, 0.40)),
      Map.entry("openai/gpt-4.1-mini", new Price(0.40, 1.60)),
      Map.entry("openai/gpt-4.1", new Price(2.00, 8.00)),
      Map.entry("openai/gpt-5-mini", new Price(0.25, 2.00)),
      Map.entry("openai/gpt-5", new Price(1.25, 10.00)),
      Map.entry("anthropic/claude-haiku-4-5", new Price(1.00, 5.00)),
      Map.entry("anthropic/claude-sonnet-4", new Price(3.00, 15.00)),
      Map.entry("anthropic/claude-opus-4", new Price(15.00, 75.00)),
      Map.entry("gemini/gemini-2.5-flash-lite", new Price(0.10, 0.40)),
      Map.entry("gemini/gemini-2.5-flash", new Price(0.30, 2.50)),
      Map.entry("gemini/gemini-2.5-pro", new Price(1.25, 10.00)),
      Map.entry("mistral/mistral-small", new Price(0.10, 0.30)),
      Map.entry("mistral/mistral-medium", new Price(0.40, 2.00)),
      Map.entry("mistral/mistral-large", new Price(2.00, 6.00)));

  private final Map<String, Price> prices;

  private PriceTable(Map<String, Price> prices) {
    this.prices = prices;
  }

  /** Built-in prices overridden by the config file's [prices] table (file may be null). */
  public static PriceTable of(ConfigFile file) {
    Map<String, Price> m = new LinkedHashMap<>(BUILT_IN);
    if (file != null) file.prices().forEach((k, v) -> m.put(k, new Price(v[0], v[1])));
    return new PriceTable(Map.copyOf(m));
  }

  /** The price for a model, or null when unknown. Ollama and other local servers are free. */
  public Price price(String provider, String model) {
    if ("ollama".equals(provider)) return new Price(0, 0);
    String wanted = provider + "/" + model;
    Price best = null;
    int bestLength = -1;
    for (var e : prices.entrySet()) {
      if (wanted.startsWith(e.getKey()) && e.getKey().length() > bestLength) {
        best = e.getValue();
        bestLength = e.getKey().length();
      }
    }
    return best;
  }
}
