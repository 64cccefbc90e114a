package dev.kurz.llm.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kurz.llm.BackendException;
import dev.kurz.llm.ContractSchema;
import dev.kurz.llm.LlmReply;
import dev.kurz.llm.LlmRequest;
import dev.kurz.llm.PromptTemplates;
import dev.kurz.model.Article;
import dev.kurz.model.Outcome;
import dev.kurz.model.Source;
import dev.kurz.cache.AnswerCache;
import dev.kurz.analysis.Summarizer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real Jlama load and generate path, on a tiny random model the test writes itself. */
class EmbeddedBackendTest {
  @TempDir static Path dir;
  static EmbeddedBackend backend;

  @BeforeAll
  static void writeModel() throws Exception {
    backend = new EmbeddedBackend(TinyModel.write(dir.resolve("tiny"), 7), "tiny-test", 16);
  }

  @AfterAll
  static void close() {
    backend.close();
  }

  private static LlmRequest ask(String text, Integer maxOutput) {
    return new LlmRequest("Du fasst Nachrichten zusammen.", List.of(LlmRequest.Message.user(text)), null, null, 0.0, maxOutput);
  }

  @Test
  void loadsTheModelAndGeneratesTheAskedNumberOfTokens() throws Exception {
    LlmReply reply = backend.complete(ask("Der Stadtrat hat am Dienstag beschlossen, die Brücke zu sanieren.", 12));

    assertThat(reply.usage().outputTokens()).isEqualTo(12);
    assertThat(reply.usage().inputTokens()).isGreaterThan(60); // byte-level: one token per byte, plus the template
    assertThat(reply.text()).isNotEmpty();
    assertThat(reply.modelName()).isEqualTo("tiny-test");
    assertThat(reply.finishReason()).isEqualTo("MAX_TOKENS");
    assertThat(backend.model().provider()).isEqualTo("embedded");
  }

  @Test
  void greedyDecodingGivesTheSameAnswerTwice() throws Exception {
    LlmRequest request = ask("Zweimal dieselbe Frage: wer baut die Brücke?", 8);
    assertThat(backend.complete(request).text()).isEqualTo(backend.complete(request).text());
  }

  @Test
  void aPromptLongerThanTheContextIsAContextLengthFailure() {
    String longText = "Straßenbahn ".repeat(1500); // about 18,000 byte tokens; the tiny model reads 16,384

    assertThatThrownBy(() -> backend.complete(ask(longText, 8)))
        .isInstanceOfSatisfying(BackendException.class, e -> assertThat(e.kind()).isEqualTo(BackendException.Kind.CONTEXT_LENGTH))
        .hasMessageContaining("tiny-test");
  }

  @Test
  void anArticleFailsWithAnErrorNamingTheModelWhenItsAnswerIsNotValidJson() {
    Summarizer summarizer = new Summarizer(new dev.kurz.llm.StructuredCall(backend, PromptTemplates.load(null), AnswerCache.DISABLED), ContractSchema.load(),
        dev.kurz.glossary.Glossary.builtIn(), new Summarizer.Options("en", "short", 0.0, null, false, false), Clock.systemUTC());
    String text = "Die Stadt Musterhausen saniert ab Montag die alte Brücke über die Lahn. Der Bürgermeister sagte, "
        + "die Arbeiten dauerten voraussichtlich zwei Jahre.";

    Outcome outcome = summarizer.summarize(new Article(Source.ofFile("bruecke.txt", text.length()), text));

    assertThat(outcome).isInstanceOfSatisfying(Outcome.Failed.class, f -> {
      assertThat(f.kind()).isEqualTo(Outcome.Failure.ANSWER);
      assertThat(f.label()).isEqualTo("bruecke.txt");
      assertThat(f.message()).contains("embedded/tiny-test").contains("not valid after one repair request");
    });
  }

  @Test
  void aFolderWithoutAModelIsAFatalModelNotFound(@TempDir Path empty) {
    EmbeddedBackend missing = new EmbeddedBackend(empty, "absent");

    assertThatThrownBy(() -> missing.complete(ask("Hallo", 4)))
        .isInstanceOfSatisfying(BackendException.class, e -> assertThat(e.fatal()).isTrue())
        .hasMessageContaining("absent").hasMessageContaining(empty.toString());
  }

  @Test
  void codeFencesAroundJsonAreRemoved() {
    assertThat(EmbeddedBackend.stripFences("```json\n{\"a\": 1}\n```")).isEqualTo("{\"a\": 1}");
    assertThat(EmbeddedBackend.stripFences(" {\"a\": 1} ")).isEqualTo("{\"a\": 1}");
  }
}
