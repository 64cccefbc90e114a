package dev.kurz.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every value is checked where it enters (flag, variable, config file) and named with its origin: exit 2, one line. */
class BadValuesTest {
  @TempDir Path home;
  Path article;

  @BeforeEach
  void article() throws IOException {
    article = Files.writeString(home.resolve("a.txt"), "Die Stadt baut eine neue Brücke über den Fluss.");
  }

  /** Nothing listens at this address: a run that got past the checks would fail with exit 3, not 2. */
  CliRun summarize(CliRun run, String... rest) {
    String[] base = {"summarize", article.toString(), "--provider", "openai", "--base-url", "http://127.0.0.1:9/v1"};
    String[] all = new String[base.length + rest.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(rest, 0, all, base.length, rest.length);
    return run.env("OPENAI_API_KEY", "sk-test-FAKE").run(all);
  }

  void assertBadUsage(CliRun run, String... named) {
    assertThat(run.exit).as(run.err).isEqualTo(2);
    assertThat(run.err).startsWith("[ERROR] ").doesNotContain("internal error");
    assertThat(run.err.lines().filter(l -> l.startsWith("[ERROR]")).count()).isEqualTo(1);
    for (String n : named) assertThat(run.err).contains(n);
  }

  @Test
  void badFlagValuesNameTheOption() {
    assertBadUsage(summarize(new CliRun(home), "-j", "abc"), "--concurrency", "'abc'");
    assertBadUsage(summarize(new CliRun(home), "-j", "0"), "--concurrency", "'0'");
    assertBadUsage(summarize(new CliRun(home), "--temperature", "hot"), "--temperature", "'hot'");
    assertBadUsage(summarize(new CliRun(home), "--to", "xx"), "--to", "'xx'");
    assertBadUsage(summarize(new CliRun(home), "--timeout", "-1"), "--timeout", "'-1'");
    assertBadUsage(summarize(new CliRun(home), "--length", "huge"), "--length", "'huge'");
    assertBadUsage(summarize(new CliRun(home), "--context-tokens", "many"), "--context-tokens", "'many'");
  }

  @Test
  void badEnvironmentValuesNameTheVariable() {
    assertBadUsage(summarize(new CliRun(home).env("KURZ_CONCURRENCY", "abc")), "KURZ_CONCURRENCY", "'abc'");
    assertBadUsage(summarize(new CliRun(home).env("KURZ_LENGTH", "huge")), "KURZ_LENGTH", "'huge'");
    assertBadUsage(summarize(new CliRun(home).env("KURZ_TEMPERATURE", "warm")), "KURZ_TEMPERATURE", "'warm'");
    assertBadUsage(summarize(new CliRun(home).env("KURZ_TIME_ZONE", "Mars/Olympus")), "KURZ_TIME_ZONE", "'Mars/Olympus'");
    assertBadUsage(summarize(new CliRun(home).env("KURZ_STRICT", "maybe")), "KURZ_STRICT", "'maybe'");
  }

  @Test
  void badConfigValuesNameTheKeyAndTheFile() throws IOException {
    Path config = Files.writeString(home.resolve("kurz.toml"), "concurrency = \"many\"\n");
    assertBadUsage(summarize(new CliRun(home), "--config", config.toString()), "concurrency in " + config, "'many'");
    Files.writeString(config, "[backends.local]\nprovider = \"openai\"\ntimeout = -5\n");
    assertBadUsage(summarize(new CliRun(home), "--config", config.toString(), "--backend", "local"),
        "timeout in " + config + " [backends.local]", "'-5'");
  }

  @Test
  void aLanguageMayBeACodeOrACommonName() {
    for (String name : new String[] {"German", "deutsch", "de", "DE", "deu"}) {
      CliRun run = new CliRun(home).env("KURZ_TO", name).run("config", "show", "--show-origin");
      assertThat(run.exit).as(run.err).isZero();
      assertThat(run.out).containsPattern("(?m)^to\\s+de\\s+\\[env KURZ_TO]");
    }
    CliRun run = new CliRun(home).env("KURZ_TO", "pt-br").run("config", "show");
    assertThat(run.out).containsPattern("(?m)^to\\s+pt-BR");
  }

  @Test
  void aProviderFlagSetsAsideTheConfigsDefaultBackendOfAnotherProvider() throws IOException {
    Path config = Files.writeString(home.resolve("kurz.toml"), "default_backend = \"openai\"\n[backends.openai]\nmodel = \"gpt-x\"\n");
    CliRun run = new CliRun(home).run("config", "show", "--config", config.toString(), "--provider", "ollama", "--show-origin");
    assertThat(run.exit).as(run.err).isZero();
    assertThat(run.out).containsPattern("(?m)^backend\\s+-\\s+\\[not used: ").containsPattern("(?m)^provider\\s+ollama");
  }
}
