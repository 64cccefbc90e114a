package dev.kurz.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where answers are cached and whether to use them. */
final class CacheOptions {
  @Mixin CacheDirOption cacheDir;
  @Mixin CacheUrlOption cacheUrl;

  @Option(names = "--no-cache", description = "Neither read nor write the cache.")
  boolean noCache;

  @Option(names = "--refresh", description = "Ignore cached answers and overwrite them with fresh ones.")
  boolean refresh;
}
