/**
 * The embedded model: in-process inference with Jlama when no key and no local server are there.
 *
 * <pre>
 *   EmbeddedModel (catalog: name, repo, files, licence)
 *     -> ModelStore.pull  (HEAD sizes, GET with Range into .part, SHA-256, manifest)
 *     -> &lt;cacheDir&gt;/models/NAME
 *     -> EmbeddedBackend  (Jlama: load once, generate; JSON asked for in the prompt)
 * </pre>
 *
 * The JVM needs {@code --add-modules jdk.incubator.vector} (the launcher passes it).
 */
package dev.kurz.llm.embedded;
