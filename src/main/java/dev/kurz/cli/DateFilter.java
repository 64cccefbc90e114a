package dev.kurz.cli;

import dev.kurz.ingest.ArticleReader;
import dev.kurz.ingest.Input;
import dev.kurz.ingest.InputException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code --since 24h} and {@code --date 2025-12-03|today|yesterday}: keeps the inputs published in
 * the window, a "day" being a calendar day in the configured time zone (default Europe/Berlin).
 * Inputs whose date is unknown are kept (a note says how many); a date given only as a month
 * counts as its first day. A local file is read once: what is kept goes on as the article read
 * here (or as the reason it could not be read), not as a path to read again.
 */
final class DateFilter {
  private final Instant from;
  private final Instant to;
  private final ZoneId zone;

  private DateFilter(Instant from, Instant to, ZoneId zone) {
    this.from = from;
    this.to = to;
    this.zone = zone;
  }

  /** Null when neither option is given. */
  static DateFilter of(Duration since, String date, ZoneId zone, Clock clock) {
    if (since == null && date == null) return null;
    Instant now = clock.instant();
    if (date != null) {
      LocalDate day = switch (date) {
        case "today" -> LocalDate.ofInstant(now, zone);
        case "yesterday" -> LocalDate.ofInstant(now, zone).minusDays(1);
        default -> {
          try {
            yield LocalDate.parse(date);
          } catch (DateTimeParseException e) {
            throw new KurzException(ExitCodes.USAGE, "--date must be YYYY-MM-DD, today or yesterday, not '" + date + "'");
          }
        }
      };
      return new DateFilter(day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant(), zone);
    }
    return new DateFilter(now.minus(since), now.plusSeconds(1), zone);
  }

  /**
   * The inputs in the window, local files among them as read by {@code reader} (which should not
   * warn: the run's own reader warns once when the article's turn comes).
   */
  List<Input> apply(List<Input> inputs, ArticleReader reader, Consumer<String> note) {
    List<Input> kept = new ArrayList<>();
    int undated = 0;
    int dropped = 0;
    for (Input input : inputs) {
      Input read = readLocal(input, reader);
      Instant published = read instanceof Input.Ready r ? parse(r.article().source().published(), zone) : null;
      if (published == null) {
        undated++;
        kept.add(read);
      } else if (!published.isBefore(from) && published.isBefore(to)) {
        kept.add(read);
      } else {
        dropped++;
      }
    }
    if (dropped > 0 || undated > 0) {
      note.accept(dropped + " inputs outside the date window left out" + (undated > 0 ? "; " + undated + " without a date kept" : ""));
    }
    return kept;
  }

  /** A local file as its article (or as the reason it cannot be read, which the batch reports); anything else as it is. */
  private static Input readLocal(Input input, ArticleReader reader) {
    if (!(input instanceof Input.LocalFile)) return input;
    try {
      ArticleReader.Extraction e = reader.extract(input);
      return new Input.Ready(input.label(), e.article(), e.removed());
    } catch (InputException e) {
      return new Input.Unreadable(input.label(), e.getMessage());
    }
  }

  static Instant parse(String published, ZoneId zone) {
    if (published == null || published.isBlank()) return null;
    String p = published.strip();
    try {
      if (p.length() > 10) return OffsetDateTime.parse(p).toInstant();
      if (p.length() == 10) return LocalDate.parse(p).atStartOfDay(zone).toInstant();
      if (p.length() == 7) return LocalDate.parse(p + "-01").atStartOfDay(zone).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return ZonedDateTime.parse(p).toInstant();
      } catch (DateTimeParseException ignored) {
        return null;
      }
    }
    return null;
  }
}
