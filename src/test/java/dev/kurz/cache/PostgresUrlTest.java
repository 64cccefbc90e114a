package dev.kurz.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresUrlTest {
  @TempDir Path home;

  @Test
  void aUrlNamesUserHostPortAndDatabase() {
    PostgresUrl url = PostgresUrl.parse("postgresql://kurz@db.example:6543/newsroom?sslmode=require");

    assertThat(url).isEqualTo(new PostgresUrl("kurz", "db.example", 6543, "newsroom", "sslmode=require"));
    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/newsroom?sslmode=require");
    assertThat(url.toString()).isEqualTo("postgresql://kurz@db.example:6543/newsroom");
    assertThat(PostgresUrl.parse("postgres://kurz@db/kurz").port()).isEqualTo(5432);
  }

  @Test
  void aPasswordInTheUrlIsRefusedWithoutRepeatingIt() {
    assertThatThrownBy(() -> PostgresUrl.parse("postgresql://kurz:s3cret@db/kurz"))
        .hasMessageContaining("PGPASSWORD").hasMessageNotContaining("s3cret");
  }

  @Test
  void somethingElseIsNotACacheUrl() {
    assertThatThrownBy(() -> PostgresUrl.parse("mysql://kurz@db/kurz")).hasMessageContaining("postgresql://user@host");
    assertThatThrownBy(() -> PostgresUrl.parse("postgresql://kurz@db/")).hasMessageContaining("postgresql://user@host");
  }

  @Test
  void pgpasswordComesFirst() throws Exception {
    Files.writeString(home.resolve(".pgpass"), "*:*:*:*:from-file\n");

    assertThat(PostgresUrl.parse("postgresql://kurz@db/kurz").password(Map.of("PGPASSWORD", "from-env", "HOME", home.toString())))
        .isEqualTo("from-env");
  }

  @Test
  void thePasswordFileGivesTheFirstMatchingLine() throws Exception {
    Files.writeString(home.resolve(".pgpass"), """
        # host:port:database:user:password
        other:5432:kurz:kurz:wrong-host
        db:5432:kurz:redaktion:wrong-user
        db:*:kurz:kurz:pa\\:ss\\\\word
        *:*:*:*:fallback
        """);
    Map<String, String> env = Map.of("HOME", home.toString());

    assertThat(PostgresUrl.parse("postgresql://kurz@db/kurz").password(env)).isEqualTo("pa:ss\\word");
    assertThat(PostgresUrl.parse("postgresql://gast@elsewhere/x").password(env)).isEqualTo("fallback");
  }

  @Test
  void pgpassfileNamesAnotherFileAndNoFileIsNoPassword() throws Exception {
    Path file = Files.writeString(home.resolve("pw"), "db:5432:kurz:kurz:elsewhere\n");

    assertThat(PostgresUrl.parse("postgresql://kurz@db/kurz").password(Map.of("PGPASSFILE", file.toString()))).isEqualTo("elsewhere");
    assertThat(PostgresUrl.parse("postgresql://kurz@db/kurz").password(Map.of("HOME", home.resolve("none").toString()))).isNull();
  }
}
