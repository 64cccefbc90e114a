package dev.kurz.cache;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A shared cache's address, {@code postgresql://user@host[:port]/database[?jdbc-options]}, and
 * where its password comes from: {@code PGPASSWORD}, else the first matching line of the file
 * {@code PGPASSFILE} names or of {@code ~/.pgpass} (PostgreSQL's own format, {@code
 * host:port:database:user:password} with {@code *} for any and {@code \:} for a colon). A password
 * in the URL is refused, so it never lands in a shell history, a config file or a message.
 */
record PostgresUrl(String user, String host, int port, String database, String query) {
  static final int DEFAULT_PORT = 5432;

  static boolean isPostgres(String url) {
    return url.startsWith("postgresql://") || url.startsWith("postgres://");
  }

  /**
   * @throws IllegalArgumentException with a one-line message when the URL is not of that form or
   *     holds a password (the message never repeats the password)
   */
  static PostgresUrl parse(String url) {
    String shown = url.replaceAll("^(\\w+://[^:@/]*):[^@/]*@", "$1:***@");
    if (!isPostgres(url)) {
      throw new IllegalArgumentException(
          "cache URL " + shown + " is not of the form postgresql://user@host[:port]/database");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("cache URL " + shown + " is not a valid URL");
    }
    String info = uri.getRawUserInfo();
    if (info != null && info.contains(":")) {
      throw new IllegalArgumentException(
          "cache URL " + shown + " holds a password: give it in PGPASSWORD or a ~/.pgpass line,"
              + " never on the command line or in the config");
    }
    String host = uri.getHost();
    String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
    if (host == null || path.isEmpty() || path.contains("/")) {
      throw new IllegalArgumentException(
          "cache URL " + shown + " is not of the form postgresql://user@host[:port]/database");
    }
    String user = uri.getUserInfo() == null ? System.getProperty("user.name") : uri.getUserInfo();
    return new PostgresUrl(
        user, host, uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort(), path, uri.getRawQuery());
  }

  String jdbcUrl() {
    String hostPart = host.contains(":") ? "[" + host + "]" : host;
    return "jdbc:postgresql://" + hostPart + ":" + port + "/" + database
        + (query == null ? "" : "?" + query);
  }

  /** The address as messages show it: no password, no options. */
  @Override
  public String toString() {
    return "postgresql://" + user + "@" + host + ":" + port + "/" + database;
  }

  /** PGPASSWORD, else the password file's first matching line; null when neither has one. */
  String password(Map<String, String> env) {
    String password = env.get("PGPASSWORD");
    if (password != null && !password.isEmpty()) {
      return password;
    }
    String file = env.get("PGPASSFILE");
    Path path;
    if (file != null && !file.isBlank()) {
      path = Path.of(file);
    } else {
      String home = env.getOrDefault("HOME", System.getProperty("user.home"));
      path = Path.of(home, ".pgpass");
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(path);
    } catch (IOException e) {
      return null; // No file is no password: the server may not want one.
    }
    for (String line : lines) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      List<String> fields = fields(line);
      if (fields.size() == 5
          && matches(fields.get(0), host)
          && matches(fields.get(1), String.valueOf(port))
          && matches(fields.get(2), database)
          && matches(fields.get(3), user)) {
        return fields.get(4);
      }
    }
    return null;
  }

  private static boolean matches(String field, String value) {
    return field.equals("*") || field.equals(value);
  }

  /** Splits at unescaped colons; {@code \:} and {@code \\} stand for themselves. */
  private static List<String> fields(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (ch == '\\' && i + 1 < line.length()) {
        field.append(line.charAt(++i));
      } else if (ch == ':' && fields.size() < 4) {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(ch);
      }
    }
    fields.add(field.toString());
    return fields;
  }
}
