package dev.kurz.llm;

import dev.kurz.model.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kurz.llm.BackendException.Kind;
import dev.kurz.llm.http.AnswerSizeLimit;
import dev.kurz.llm.http.HttpStatusException;
import dev.kurz.llm.http.NotTheApiException;
import dev.kurz.llm.http.RedactingLogInterceptor;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.ContentFilteredException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Turns whatever a provider call threw (LangChain4j exceptions wrapping our
 * {@link HttpStatusException}, Azure SDK exceptions, I/O failures) into one {@link BackendException}
 * with a one-line message that never contains the API key. Thread-safe (immutable).
 */
final class ErrorTranslator {
  private static final ObjectMapper JSON = Json.MAPPER;
  private static final Pattern KEY_PARAM = Pattern.compile("([?&](?:key|api-key|api_key)=)[^&\\s\"']+");
  private static final int MAX_DETAIL = 300;
  private static final Pattern RETRY_DELAY = Pattern.compile("\"retryDelay\"\\s*:\\s*\"([0-9.]+s)\"");

  /** The parts of a non-2xx response the mapping needs. */
  record HttpFailure(int status, String body, Map<String, List<String>> headers) {
    String header(String name) {
      for (Map.Entry<String, List<String>> e : headers.entrySet()) {
        if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
          return e.getValue().get(0);
        }
      }
      return null;
    }
  }

  private final String endpoint;
  private final String apiKey;
  private final String apiKeyEnv;
  private final Clock clock;
  private final Function<Throwable, HttpFailure> extraExtractor;

  /**
   * @param endpoint the base URL shown in messages (query strings are dropped)
   * @param extraExtractor finds a failed response in provider-specific exceptions (Azure SDK);
   *     returns null when the throwable is not one
   */
  ErrorTranslator(String endpoint, String apiKey, String apiKeyEnv, Clock clock,
      Function<Throwable, HttpFailure> extraExtractor) {
    this.endpoint = endpoint == null ? "(default endpoint)" : RedactingLogInterceptor.withoutUserInfo(stripQuery(endpoint));
    this.apiKey = apiKey;
    this.apiKeyEnv = apiKeyEnv;
    this.clock = clock;
    this.extraExtractor = extraExtractor;
  }

  ErrorTranslator(String endpoint, String apiKey, String apiKeyEnv) {
    this(endpoint, apiKey, apiKeyEnv, Clock.systemUTC(), t -> null);
  }

  BackendException translate(Throwable thrown) {
    HttpFailure failure = findHttpFailure(thrown);
    BackendException result = failure != null ? fromHttp(failure, thrown) : fromOther(thrown);
    return result;
  }

  /** An empty or blank answer: the request is refused as it stands. */
  BackendException emptyAnswer(String finishReason) {
    return new BackendException(Kind.INVALID_REQUEST, 0, null,
        "empty answer from " + endpoint + (finishReason == null ? "" : " (finish reason " + finishReason + ")"),
        null);
  }

  private HttpFailure findHttpFailure(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof HttpStatusException e) return new HttpFailure(e.statusCode(), e.body(), e.headers());
      HttpFailure extra = extraExtractor.apply(t);
      if (extra != null) return extra;
    }
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof HttpException e) return new HttpFailure(e.statusCode(), e.getMessage(), Map.of());
    }
    return null;
  }

  private BackendException fromHttp(HttpFailure f, Throwable cause) {
    int status = f.status();
    String body = f.body() == null ? "" : f.body();
    String detail = detail(body);
    String lower = body.toLowerCase(Locale.ROOT);
    Duration retryAfter = RetryAfter.parse(f::header, clock.instant());
    if (retryAfter == null) retryAfter = retryDelay(body);
    Kind kind;
    String hint = "";
    if (isContextLength(lower)) {
      kind = Kind.CONTEXT_LENGTH;
    } else if (status == 401 || status == 403) {
      kind = Kind.AUTH;
      if (apiKeyEnv != null && apiKeyEnv.contains(" ")) hint = " (check " + apiKeyEnv + ")"; // a key file or the config
      else if (apiKeyEnv != null) hint = apiKey == null || apiKey.isBlank() ? " (no key: set " + apiKeyEnv + ")" : " (set " + apiKeyEnv + ")";
    } else if (status == 429 && lower.contains("insufficient_quota")) {
      // Retrying does not refill a quota: stop the run like a key problem.
      kind = Kind.AUTH;
      hint = " (quota exhausted: check the account's billing)";
    } else if (status == 429) {
      kind = Kind.RATE_LIMITED;
    } else if (isModelNotFound(status, lower)) {
      kind = Kind.MODEL_NOT_FOUND;
    } else if (status == 404) {
      // A 404 that does not name the model means the path is wrong: the base URL is misconfigured,
      // which fails every request alike.
      kind = Kind.UNREACHABLE;
      hint = " (no such endpoint: check the base URL)";
    } else if (status == 408 || status >= 500) {
      kind = Kind.TRANSIENT;
    } else {
      kind = Kind.INVALID_REQUEST;
    }
    String message = "HTTP " + status + " from " + endpoint + ": " + (detail.isEmpty() ? reason(status) : detail) + hint;
    return new BackendException(kind, status, retryAfter, scrub(message), scrubbedCause(cause));
  }

  /** Gemini's 429 says how long to wait in its body (google.rpc.RetryInfo), not in a header. */
  private static Duration retryDelay(String body) {
    var m = RETRY_DELAY.matcher(body);
    return m.find() ? RetryAfter.parseGoDuration(m.group(1)) : null;
  }

  private BackendException fromOther(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof NotTheApiException e) {
        String message = endpoint + " answered with " + e.getMessage() + ", not the API";
        // Before any proper answer the base URL is wrong, for every article alike: stop the run.
        return e.beforeAnyAnswer()
            ? build(Kind.UNREACHABLE, message + ": is the base URL right (--base-url)?", thrown)
            : build(Kind.TRANSIENT, message, thrown);
      }
    }
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof AnswerSizeLimit.AnswerTooLargeException e) {
        // Asking again would only fetch as much again.
        return build(Kind.INVALID_REQUEST, "the answer from " + endpoint + " is larger than "
            + AnswerSizeLimit.megabytes(e.limit()) + " (the limit; raise it with --max-answer-size)", thrown);
      }
    }
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ConnectException || t instanceof NoRouteToHostException
          || t instanceof UnknownHostException || t instanceof UnresolvedAddressException
          || t instanceof UnresolvedModelServerException) {
        return build(Kind.UNREACHABLE, "cannot connect to " + endpoint + ": " + oneLine(t.getMessage(), t)
            + " (is the server running and the base URL right?)", thrown);
      }
    }
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof TimeoutException || t instanceof SocketTimeoutException
          || t instanceof java.util.concurrent.TimeoutException
          || (t instanceof InterruptedIOException && "timeout".equals(t.getMessage()))) {
        return build(Kind.TRANSIENT, "no answer from " + endpoint + " in time (timeout)", thrown);
      }
    }
    // Typed LangChain4j failures that arrived without an HTTP response attached.
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String text = oneLine(t.getMessage(), t);
      if (isContextLength(text.toLowerCase(Locale.ROOT))) return build(Kind.CONTEXT_LENGTH, prefix() + text, thrown);
      if (t instanceof AuthenticationException) return build(Kind.AUTH, prefix() + text, thrown);
      if (t instanceof RateLimitException) return build(Kind.RATE_LIMITED, prefix() + text, thrown);
      if (t instanceof ModelNotFoundException) return build(Kind.MODEL_NOT_FOUND, prefix() + text, thrown);
      if (t instanceof InternalServerException) return build(Kind.TRANSIENT, prefix() + text, thrown);
      if (t instanceof ContentFilteredException) {
        return build(Kind.INVALID_REQUEST, prefix() + "content filtered: " + text, thrown);
      }
    }
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof IOException) {
        return build(Kind.TRANSIENT, "connection to " + endpoint + " failed: " + oneLine(t.getMessage(), t), thrown);
      }
    }
    return build(Kind.INVALID_REQUEST, prefix() + oneLine(thrown.getMessage(), thrown), thrown);
  }

  private String prefix() {
    return "request to " + endpoint + " failed: ";
  }

  private BackendException build(Kind kind, String message, Throwable cause) {
    return new BackendException(kind, 0, null, scrub(message), scrubbedCause(cause));
  }

  /**
   * The cause is kept for debugging only when its messages are free of the key; otherwise it is
   * dropped, since stack traces get printed with --verbose.
   */
  private Throwable scrubbedCause(Throwable cause) {
    if (apiKey == null || apiKey.length() < 4) return cause;
    for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t.getMessage() != null && t.getMessage().contains(apiKey)) return null;
    }
    return cause;
  }

  String scrub(String text) {
    if (text == null) return null;
    String result = RedactingLogInterceptor.withoutUserInfo(text);
    if (apiKey != null && apiKey.length() >= 4) result = result.replace(apiKey, "***");
    return KEY_PARAM.matcher(result).replaceAll("$1***");
  }

  static boolean isContextLength(String lower) {
    return lower.contains("context_length_exceeded")
        || lower.contains("maximum context length")
        || lower.contains("context length")
        || lower.contains("context window")
        || lower.contains("prompt is too long")
        || lower.contains("input is too long")
        || lower.contains("too many tokens")
        || lower.contains("exceeds the maximum number of tokens")
        || lower.contains("string_above_max_length");
  }

  private static boolean isModelNotFound(int status, String lower) {
    if (status < 400 || status >= 500) return false;
    if (lower.contains("model_not_found") || lower.contains("invalid model") || lower.contains("unknown model")) {
      return true;
    }
    boolean mentionsModel = lower.contains("model");
    boolean notFound = lower.contains("not found") || lower.contains("not_found") || lower.contains("does not exist");
    return mentionsModel && (status == 404 || notFound) && (status == 404 || status == 400);
  }

  /** The provider's own error message from a JSON body, else the body itself, on one line. */
  private static String detail(String body) {
    if (body == null || body.isBlank()) return "";
    String text = body;
    try {
      JsonNode root = JSON.readTree(body);
      String found = root == null ? null : errorMessage(root);
      if (found != null && !found.isBlank()) text = found;
    } catch (IOException | RuntimeException notJson) {
      // Plain-text body: shown as it is.
    }
    return oneLine(text, null);
  }

  private static String errorMessage(JsonNode root) {
    if (root.isArray() && !root.isEmpty()) return errorMessage(root.get(0)); // Gemini sometimes wraps in [ ]
    JsonNode error = root.get("error");
    if (error != null && error.isTextual()) return error.asText();
    if (error != null && error.isObject()) {
      JsonNode message = error.get("message");
      if (message != null && message.isTextual()) return message.asText();
    }
    JsonNode message = root.get("message");
    if (message != null && message.isTextual()) return message.asText();
    JsonNode detail = root.get("detail");
    if (detail != null && detail.isTextual()) return detail.asText();
    if (detail != null && detail.isArray() && !detail.isEmpty() && detail.get(0).has("msg")) {
      return detail.get(0).get("msg").asText();
    }
    return null;
  }

  private static String oneLine(String text, Throwable t) {
    String s = text == null || text.isBlank() ? (t == null ? "" : t.getClass().getSimpleName()) : text;
    s = s.replaceAll("\\s+", " ").trim();
    return s.length() > MAX_DETAIL ? s.substring(0, MAX_DETAIL) + "..." : s;
  }

  private static String reason(int status) {
    return switch (status) {
      case 400 -> "bad request";
      case 401 -> "unauthorized";
      case 403 -> "forbidden";
      case 404 -> "not found";
      case 429 -> "too many requests";
      case 500 -> "internal server error";
      case 502 -> "bad gateway";
      case 503 -> "service unavailable";
      case 504 -> "gateway timeout";
      default -> "error";
    };
  }

  private static String stripQuery(String url) {
    int q = url.indexOf('?');
    String base = q < 0 ? url : url.substring(0, q);
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }
}
