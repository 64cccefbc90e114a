package dev.kurz.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the cache folder is (answers, fetched pages, embedded models): every command that uses it mixes this in. */
final class CacheDirOption {
  @Option(names = "--cache-dir", paramLabel = "DIR", description = "Cache folder (default: $XDG_CACHE_HOME/kurz; env KURZ_CACHE_DIR).")
  Path cacheDir;
}
