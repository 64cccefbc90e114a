package dev.kurz.translate;

import dev.kurz.model.Outcome;
import dev.kurz.model.Translation;

/** What became of one input to translate: its translation, or one clear error for that input alone. */
public sealed interface TranslateOutcome {
  String label();

  record Done(Translation translation) implements TranslateOutcome {
    @Override
    public String label() {
      return translation.source().label();
    }
  }

  record Failed(String label, String message, Outcome.Failure kind) implements TranslateOutcome {}
}
