package dev.kurz.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelsCommandTest {
  @TempDir Path home;

  private Path modelFolder() {
    return home.resolve("cache/kurz/models/qwen2.5-0.5b-instruct");
  }

  private static String closedPortUrl() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return "http://127.0.0.1:" + s.getLocalPort() + "/";
    }
  }

  @Test
  void listShowsTheDefaultModelNotDownloadedWithItsFolder() {
    CliRun run = new CliRun(home).run("models", "list");

    assertThat(run.exit).isEqualTo(ExitCodes.OK);
    assertThat(run.out).contains("qwen2.5-0.5b-instruct").contains("Apache-2.0").contains("not downloaded")
        .contains(modelFolder().toString()).contains("(default)");
  }

  @Test
  void aFolderCopiedIntoPlaceIsListedAndPullLeavesItAlone() throws Exception {
    Files.createDirectories(modelFolder());
    for (String f : new String[] {"config.json", "tokenizer.json", "tokenizer_config.json", "model.safetensors"}) {
      Files.writeString(modelFolder().resolve(f), "{}");
    }

    CliRun list = new CliRun(home).run("models", "list");
    CliRun pull = new CliRun(home).env("HF_ENDPOINT", closedPortUrl()).run("models", "pull");

    assertThat(list.out).contains("copied in");
    assertThat(pull.exit).isEqualTo(ExitCodes.OK);
    assertThat(pull.err).contains("already in " + modelFolder());
  }

  @Test
  void pullWithoutNetworkEndsWithOneLineSayingWhatToDo() throws Exception {
    CliRun run = new CliRun(home).env("HF_ENDPOINT", closedPortUrl()).run("models", "pull");

    assertThat(run.exit).isEqualTo(ExitCodes.NOTHING_RAN);
    assertThat(run.err.strip().lines()).singleElement().asString()
        .startsWith("[ERROR]").contains("API key").contains("ollama serve").contains(modelFolder().toString());
    assertThat(new CliRun(home).run("models", "list").out).contains("not downloaded");
  }

  @Test
  void rmDeletesAModelAndRefusesAnUnknownOne() throws Exception {
    Files.createDirectories(modelFolder());
    Files.writeString(modelFolder().resolve("config.json"), "{}");

    CliRun rm = new CliRun(home).run("models", "rm", "qwen2.5-0.5b-instruct");
    CliRun again = new CliRun(home).run("models", "rm", "qwen2.5-0.5b-instruct");

    assertThat(rm.exit).isEqualTo(ExitCodes.OK);
    assertThat(modelFolder()).doesNotExist();
    assertThat(again.exit).isEqualTo(ExitCodes.USAGE);
    assertThat(again.err).contains("no model named qwen2.5-0.5b-instruct");
  }
}
