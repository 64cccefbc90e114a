/**
 * The command line: one Picocli class per subcommand (parse, call, print), option mixins, exit
 * codes, {@code ConfigDefaults} (the config file read once per invocation, each command's settings
 * resolved once; picocli's default-value provider) and {@code Services}, which builds the run's one
 * HTTP client, cache store and backend (by {@link dev.kurz.llm.BackendFactory}) on first use. The
 * edge: nothing imports this package.
 */
package dev.kurz.cli;
