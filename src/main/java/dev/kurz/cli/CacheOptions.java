package dev.kurz.cli;

import picocli.CommandLine.Option;

/** Where answers are cached and whether to use them. */
final class CacheOptions {
  @Option(names = "--cache-dir", paramLabel = "DIR", description = "Cache folder (default: $XDG_CACHE_HOME/kurz; env KURZ_CACHE_DIR).")
  String cacheDir;

  @Option(names = "--cache-url", paramLabel = "URL",
      description = "Shared cache on PostgreSQL: postgresql://user@host/db (env KURZ_CACHE_URL; password from PGPASSWORD or ~/.pgpass).")
  String cacheUrl;

  @Option(names = "--no-cache", description = "Neither read nor write the cache.")
  boolean noCache;

  @Option(names = "--refresh", description = "Ignore cached answers and overwrite them with fresh ones.")
  boolean refresh;
}
