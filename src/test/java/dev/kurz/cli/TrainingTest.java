package dev.kurz.cli;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

/**
 * The build's class-archive training runs kurz's common paths in-process; a step that stops
 * succeeding (a renamed option, a changed exit code) would silently leave its classes out of the
 * archive, so the training fails instead, and so does this test.
 */
class TrainingTest {
  @Test
  void everyTrainingStepSucceeds() {
    assertThatCode(Training::exercise).doesNotThrowAnyException();
  }
}
