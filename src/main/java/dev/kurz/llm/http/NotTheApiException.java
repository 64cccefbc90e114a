package dev.kurz.llm.http;

import java.io.IOException;

/**
 * A successful (2xx) response that cannot be the model API's JSON: an HTML page (a portal, a
 * proxy, a web server at the wrong port), an empty body, a server-sent event stream where JSON was
 * asked for. {@link #beforeAnyAnswer()} tells whether this server has not yet given one answer that
 * looked like the API's, in which case the base URL is the likely cause.
 */
public final class NotTheApiException extends IOException {
  private static final long serialVersionUID = 1L;
  private final boolean beforeAnyAnswer;

  NotTheApiException(String what, boolean beforeAnyAnswer) {
    super(what);
    this.beforeAnyAnswer = beforeAnyAnswer;
  }

  public boolean beforeAnyAnswer() {
    return beforeAnyAnswer;
  }

  /** What the body is, when it cannot be the API's JSON; null when it may be. */
  static String describe(byte[] body, String contentType) {
    int i = 0;
    while (i < body.length && (body[i] == ' ' || body[i] == '\n' || body[i] == '\r' || body[i] == '\t')) i++;
    if (i + 2 < body.length && (body[i] & 0xff) == 0xef && (body[i + 1] & 0xff) == 0xbb && (body[i + 2] & 0xff) == 0xbf) i += 3;
    String type = contentType == null ? "" : contentType.toLowerCase(java.util.Locale.ROOT);
    if (i >= body.length) return "an empty body";
    char first = (char) body[i];
    if (first == '{' || first == '[') return null;
    if (type.contains("html") || first == '<') return "an HTML page" + (type.isEmpty() ? "" : " (" + type + ")");
    if (type.contains("event-stream") || startsWith(body, i, "data:") || startsWith(body, i, "event:")) {
      return "a server-sent event stream where JSON was asked for";
    }
    return "a body that is not JSON" + (type.isEmpty() ? "" : " (" + type + ")");
  }

  private static boolean startsWith(byte[] body, int at, String prefix) {
    if (body.length - at < prefix.length()) return false;
    for (int k = 0; k < prefix.length(); k++) {
      if (body[at + k] != prefix.charAt(k)) return false;
    }
    return true;
  }
}
