package dev.kurz.cli;

import dev.kurz.ingest.ArticleReader;
import dev.kurz.ingest.Input;
import dev.kurz.ingest.InputResolver;
import dev.kurz.ingest.PageCache;
import dev.kurz.ingest.PageFetcher;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import picocli.CommandLine.Option;

/**
 * How a command finds and reads its inputs (files, folders, URLs, feeds, {@code --inputs}); every
 * command that reads articles mixes these in and reads through {@link #read}.
 */
final class InputOptions {
  @Option(names = "--inputs", paramLabel = "FILE",
      description = "File listing inputs, one path, URL or feed per line (# comments; paths relative to the file).")
  Path inputsFile;

  @Option(names = "--max-input-size", paramLabel = "MB", description = "Refuse input files larger than this (default 20).")
  int maxInputMb = (int) (ArticleReader.DEFAULT_MAX_BYTES / 1024 / 1024);

  @Option(names = "--max-page-size", paramLabel = "MB", description = "Refuse web pages and feeds larger than this (default 10).")
  int maxPageMb = (int) (PageFetcher.Options.DEFAULT_MAX_BYTES / 1024 / 1024);

  @Option(names = "--since", paramLabel = "AGE", converter = SettingConverter.Span.class,
      description = "Only inputs published within this window (e.g. 90m, 24h, 2d); undated ones are kept.")
  java.time.Duration since;

  @Option(names = "--date", paramLabel = "DAY", description = "Only inputs published on this day (YYYY-MM-DD, today, yesterday) in time_zone (default Europe/Berlin).")
  String date;

  /** The reader and the resolved inputs of one run. */
  record Reading(ArticleReader reader, List<Input> inputs) {}

  /**
   * Resolves {@code args} (and the --inputs file): fetches web inputs over the run's client, pages
   * cached in the run's cache folder unless {@code useCache} is false.
   */
  Reading read(Terminal term, Services services, List<String> args, boolean useCache) {
    if (maxInputMb < 1 || maxPageMb < 1) throw new KurzException(ExitCodes.USAGE, "size limits must be at least 1 MB");
    if ((args == null || args.isEmpty()) && inputsFile == null) {
      throw new KurzException(ExitCodes.USAGE, "no inputs: name files, folders, URLs or feeds, or --inputs FILE");
    }
    long maxBytes = (long) maxInputMb * 1024 * 1024;
    ArticleReader reader = new ArticleReader(term.in(), maxBytes, services.warn());
    List<String> named = args == null ? List.of() : args;
    // the cache opens on the first fetch: a run over local files never touches it
    PageCache pages = !useCache ? PageCache.NONE : new PageCache() {
      @Override
      public java.util.Optional<Stored> get(String url) {
        return services.pageCache().get(url);
      }

      @Override
      public void put(String url, Stored page) {
        services.pageCache().put(url, page);
      }
    };
    PageFetcher fetcher = new PageFetcher(services::http, pages,
        PageFetcher.Options.defaults(version()).withMaxBytes((long) maxPageMb * 1024 * 1024));
    List<Input> inputs = new InputResolver(reader, fetcher, services.warn()).resolve(named, inputsFile);
    DateFilter filter = DateFilter.of(since, date, zone(services), term.clock());
    if (filter != null) inputs = filter.apply(inputs, new ArticleReader(term.in(), maxBytes, w -> {}), services.warn());
    return new Reading(reader, inputs);
  }

  private static java.time.ZoneId zone(Services services) {
    return java.time.ZoneId.of(services.settings().value(dev.kurz.config.Key.TIME_ZONE)); // checked as it was read
  }

  private static String version() {
    Properties props = new Properties();
    try (InputStream in = InputOptions.class.getResourceAsStream("/kurz-version.properties")) {
      if (in != null) props.load(in);
    } catch (IOException e) {
      // the version is decoration here
    }
    return props.getProperty("version", "dev");
  }
}
