/**
 * Everything about asking a model.
 *
 * <pre>
 *   BackendFactory(settings)  spec (provider defaults, key file, Ollama num_ctx), the model server's
 *                             OkHttp client, the embedded model's install, and the chain:
 *                             decorators around LazyBackend(Backends.create(spec, client))
 *   StructuredCall.ask        request -> Validator (a sealed Check) -> one repair -> Gate -> Result
 *   ContractSchema, PromptTemplates, Tokens, ErrorTranslator (provider failures to BackendException.Kind)
 * </pre>
 *
 * The only package that imports LangChain4j. Depends on {@code model}, {@code config} and
 * {@code cache} (the call's answer cache); never on {@code cli}.
 */
package dev.kurz.llm;
