package dev.kurz.cli;

import picocli.CommandLine.Option;

/** The shared cache on PostgreSQL, for every command that reads or writes cache entries. */
final class CacheUrlOption {
  @Option(names = "--cache-url", paramLabel = "URL",
      description = "Shared cache on PostgreSQL: postgresql://user@host/db (env KURZ_CACHE_URL; password from PGPASSWORD or ~/.pgpass).")
  String cacheUrl;
}
