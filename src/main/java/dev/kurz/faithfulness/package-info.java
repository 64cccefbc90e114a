/**
 * The faithfulness gate: facts of the German text (numbers, dates, names, negations) checked
 * against the English answer ({@link dev.kurz.faithfulness.FaithfulnessCheck} to
 * {@link dev.kurz.faithfulness.Finding}s), and the provenance of each statement. Depends on
 * {@code glossary} and {@code model}.
 */
package dev.kurz.faithfulness;
