/**
 * Names that read right in the target language.
 *
 * <pre>
 *   Glossary.load(userFile)        built-in /kurz/glossary.txt + the user's file, per language pair
 *     .entriesIn(article, de, en)  -> Glossary.promptSection(entries): one line for the prompt
 *     .version()                   -> part of every cache key the glossary shapes
 *   NameCheck.check(analysis, ...) -> warnings: "summary: 'Selenskyj' should read 'Zelensky'"
 *   NameFixer.fix(analysis, ...)   -> the same analysis with the glossary's forms (--fix-names)
 * </pre>
 *
 * Depends only on {@code model}.
 */
package dev.kurz.glossary;
