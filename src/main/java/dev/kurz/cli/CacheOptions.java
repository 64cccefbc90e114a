package dev.kurz.cli;

import picocli.CommandLine.Option;

/** Where answers are cached and whether to use them. */
final class CacheOptions {
  @Option(names = "--cache-dir", paramLabel = "DIR", description = "Cache folder (default: $XDG_CACHE_HOME/kurz; env KURZ_CACHE_DIR).")
  String cacheDir;

  @Option(names = "--no-cache", description = "Neither read nor write the cache.")
  boolean noCache;

  @Option(names = "--refresh", description = "Ignore cached answers and overwrite them with fresh ones.")
  boolean refresh;
}
