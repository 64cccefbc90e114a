package dev.kurz.llm.http;

import dev.langchain4j.exception.HttpException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A non-2xx response, as LangChain4j's {@link HttpException} (status code and body) plus the
 * response headers and the URL, so that callers can read {@code Retry-After} or
 * {@code x-ratelimit-reset-*} after LangChain4j has wrapped it (its exception mapper keeps this as
 * the cause of {@code RateLimitException} etc.). Immutable. The URL may carry query parameters; it
 * is never put into the message.
 */
public final class HttpStatusException extends HttpException {
  private static final long serialVersionUID = 1L;

  private final Map<String, List<String>> headers;
  private final String url;

  public HttpStatusException(int statusCode, String body, Map<String, List<String>> headers, String url) {
    super(statusCode, body);
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    this.headers = java.util.Collections.unmodifiableMap(copy);
    this.url = url;
  }

  /** The response body as text (LangChain4j puts it into the message); may be empty. */
  public String body() {
    return getMessage() == null ? "" : getMessage();
  }

  /** Response headers; lookups ignore case. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** The first value of a header, or null. Name lookup ignores case. */
  public String header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** The request URL the response came from. */
  public String url() {
    return url;
  }
}
