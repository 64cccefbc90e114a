/**
 * Writers: Markdown, JSON ({@link dev.kurz.render.JsonOutput}), HTML for results, digests and
 * translations; pure functions of the values, plus the stream that strips terminal control
 * sequences. Depends on {@code model}, {@code digest} and {@code faithfulness}; nothing depends on it
 * but {@code cli}.
 */
package dev.kurz.render;
