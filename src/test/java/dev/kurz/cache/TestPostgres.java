package dev.kurz.cache;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * The PostgreSQL server the shared-cache tests run against: {@code KURZ_TEST_POSTGRES_URL} and
 * {@code KURZ_TEST_POSTGRES_PASSWORD}, which {@code .ci/postgres.sh} prints for a throw-away server
 * on loopback. Without them the tests are skipped locally and fail in CI ({@code CI=true}). Each
 * test gets a schema of its own, so tests never see each other's entries.
 */
public final class TestPostgres {
  private final String url;
  private final String password;

  private TestPostgres(String url, String password) {
    this.url = url;
    this.password = password;
  }

  /** The server, or a skipped test (a failed one in CI) with a message saying what to set. */
  public static TestPostgres require() {
    String url = System.getenv("KURZ_TEST_POSTGRES_URL");
    if (url == null || url.isBlank()) {
      String why = "no PostgreSQL server for the shared-cache tests: start one with"
          + " eval \"$(.ci/postgres.sh start)\" (sets KURZ_TEST_POSTGRES_URL)";
      if ("true".equals(System.getenv("CI"))) {
        fail(why + "; in CI these tests must run");
      }
      abort(why);
    }
    String password = System.getenv("KURZ_TEST_POSTGRES_PASSWORD");
    return new TestPostgres(url, password == null ? "" : password);
  }

  /** The environment a kurz process needs to log in: the password in PGPASSWORD. */
  public Map<String, String> env() {
    return Map.of("PGPASSWORD", password, "HOME", "/nonexistent");
  }

  public String password() {
    return password;
  }

  /** The server's URL without a schema. */
  public String url() {
    return url;
  }

  /** A cache URL on a schema created for the caller alone. */
  public String freshSchemaUrl() throws SQLException {
    String schema = "t_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection c = admin(); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    }
    return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  Connection admin() throws SQLException {
    PostgresUrl parsed = PostgresUrl.parse(url);
    Properties p = new Properties();
    p.setProperty("user", parsed.user());
    p.setProperty("password", password);
    return DriverManager.getConnection(parsed.jdbcUrl(), p);
  }
}
