package dev.kurz.translate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TranslationAnswerTest {
  @Test
  void anObjectABareArrayAndFencedJsonAreAllRead() {
    assertThat(TranslationAnswer.check("{\"paragraphs\":[\"a\",\"b\"]}", 2).value()).containsExactly("a", "b");
    assertThat(TranslationAnswer.check("[\"a\", \"b\"]", 2).valid()).isTrue();
    assertThat(TranslationAnswer.check("Here you go:\n```json\n{\"paragraphs\": [\" a \", \"b\"]}\n```", 2).value())
        .containsExactly("a", "b");
  }

  @Test
  void aWrongCountComesFirstAmongTheErrors() {
    var checked = TranslationAnswer.check("{\"paragraphs\":[\"a\",\"\"]}", 3);
    assertThat(checked.valid()).isFalse();
    assertThat(checked.errors()).hasSize(2);
    assertThat(checked.errors().get(0)).startsWith("the answer has 2 paragraphs; the input has 3");
    assertThat(checked.errors().get(1)).isEqualTo("paragraph 2 is empty");
  }

  @Test
  void noJsonOrNoArrayIsSaidPlainly() {
    assertThat(TranslationAnswer.check("Sorry, I cannot.", 1).errors()).containsExactly(
        "the answer holds no JSON object with a \"paragraphs\" array");
    assertThat(TranslationAnswer.check("{\"text\":\"a\"}", 1).errors()).containsExactly(
        "\"paragraphs\" is missing or not an array of strings");
    assertThat(TranslationAnswer.check(null, 1).valid()).isFalse();
  }
}
