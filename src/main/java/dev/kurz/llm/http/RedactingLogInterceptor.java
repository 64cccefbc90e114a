package dev.kurz.llm.http;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Logs each HTTP exchange for {@code --verbose}: the request line and headers, then the status,
 * time taken and response headers (or the failure). Credentials never reach the log: the values of
 * {@code Authorization}, {@code Proxy-Authorization}, {@code x-api-key}, {@code api-key},
 * {@code x-goog-api-key} and cookies, and key-like query parameters ({@code key=}, {@code api-key=},
 * {@code api_key=}, ...) become {@code ***}. Bodies are never logged: they hold whole articles and
 * may hold keys. Thread-safe; the sink must be too.
 */
public final class RedactingLogInterceptor implements Interceptor {
  static final String REDACTED = "***";
  private static final Set<String> SECRET_HEADERS = Set.of("authorization", "proxy-authorization", "x-api-key", "api-key",
      "x-goog-api-key", "cookie", "set-cookie");
  private static final Pattern SECRET_PARAM = Pattern.compile("(?i)^(key|api[-_]?key|access[-_]?token|token)$");

  private static final Pattern SECRET_PARAM_IN_TEXT =
      Pattern.compile("(?i)([?&](?:key|api[-_]?key|access[-_]?token|token)=)[^&\\s\"']+");

  private final Consumer<String> sink;

  /** @param sink receives one line at a time (stderr in the CLI) */
  public RedactingLogInterceptor(Consumer<String> sink) {
    this.sink = sink;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    StringBuilder b = new StringBuilder("--> ").append(request.method()).append(' ').append(redact(request.url()));
    appendHeaders(b, request.headers());
    sink.accept(b.toString());
    long start = System.nanoTime();
    Response response;
    try {
      response = chain.proceed(request);
    } catch (IOException | RuntimeException e) {
      sink.accept("<-- FAILED " + request.method() + ' ' + redact(request.url()) + " after " + millisSince(start) + " ms: "
          + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + redactText(e.getMessage())));
      throw e;
    }
    StringBuilder r = new StringBuilder("<-- ").append(response.code()).append(' ').append(redact(response.request().url()))
        .append(" (").append(millisSince(start)).append(" ms)");
    appendHeaders(r, response.headers());
    sink.accept(r.toString());
    return response;
  }

  private static final Pattern USER_INFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/@\\s?#]*@");

  /**
   * {@code user:password@} in a URL (a base URL with credentials for a proxy or a gateway) as
   * {@code ***@}, wherever URLs are shown: errors, {@code config show}, the verbose log.
   */
  public static String withoutUserInfo(String text) {
    return text == null ? null : USER_INFO.matcher(text).replaceAll("$1" + REDACTED + "@");
  }

  /** The URL with the values of key-like query parameters replaced. */
  static String redact(HttpUrl url) {
    if (!url.username().isEmpty() || !url.password().isEmpty()) {
      return redact(url.newBuilder().username("").password("").build()).replaceFirst("://", "://" + REDACTED + "@");
    }
    if (url.querySize() == 0) return url.toString();
    HttpUrl.Builder b = url.newBuilder().query(null);
    for (int i = 0; i < url.querySize(); i++) {
      String name = url.queryParameterName(i);
      String value = url.queryParameterValue(i);
      b.addQueryParameter(name, value != null && SECRET_PARAM.matcher(name).matches() ? REDACTED : value);
    }
    return b.build().toString();
  }

  /** Key-like query parameters in free text (exception messages quote URLs). */
  static String redactText(String text) {
    return withoutUserInfo(SECRET_PARAM_IN_TEXT.matcher(text).replaceAll("$1" + REDACTED));
  }

  private static void appendHeaders(StringBuilder b, Headers headers) {
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i);
      String value = SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT)) ? REDACTED : headers.value(i);
      b.append("\n    ").append(name).append(": ").append(value);
    }
  }

  private static long millisSince(long startNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }
}
