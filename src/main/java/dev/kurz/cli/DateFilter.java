package dev.kurz.cli;

import dev.kurz.ingest.ArticleReader;
import dev.kurz.ingest.Input;
import dev.kurz.ingest.InputException;
import dev.kurz.model.Article;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --since 24h} and {@code --date 2025-12-03|today|yesterday}: keeps the inputs published in
 * the window, a "day" being a calendar day in the configured time zone (default Europe/Berlin).
 * Inputs whose date is unknown are kept (a note says how many); a date given only as a month
 * counts as its first day.
 */
final class DateFilter {
  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*([hdwm])");
  private final Instant from;
  private final Instant to;
  private final ZoneId zone;

  private DateFilter(Instant from, Instant to, ZoneId zone) {
    this.from = from;
    this.to = to;
    this.zone = zone;
  }

  /** Null when neither option is given. */
  static DateFilter of(String since, String date, ZoneId zone, Clock clock) {
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
    Matcher m = DURATION.matcher(since.strip());
    if (!m.matches()) throw new KurzException(ExitCodes.USAGE, "--since must be like 24h, 2d or 1w, not '" + since + "'");
    long n = Long.parseLong(m.group(1));
    Duration window = switch (m.group(2)) {
      case "h" -> Duration.ofHours(n);
      case "d" -> Duration.ofDays(n);
      case "w" -> Duration.ofDays(7 * n);
      default -> Duration.ofMinutes(n);
    };
    return new DateFilter(now.minus(window), now.plusSeconds(1), zone);
  }

  List<Input> apply(List<Input> inputs, ArticleReader reader, Consumer<String> note) {
    List<Input> kept = new ArrayList<>();
    int undated = 0;
    int dropped = 0;
    for (Input input : inputs) {
      Instant published = published(input, reader);
      if (published == null) {
        undated++;
        kept.add(input);
      } else if (!published.isBefore(from) && published.isBefore(to)) {
        kept.add(input);
      } else {
        dropped++;
      }
    }
    if (dropped > 0 || undated > 0) {
      note.accept(dropped + " inputs outside the date window left out" + (undated > 0 ? "; " + undated + " without a date kept" : ""));
    }
    return kept;
  }

  private Instant published(Input input, ArticleReader reader) {
    try {
      Article article = input instanceof Input.Ready r ? r.article() : input instanceof Input.LocalFile ? reader.read(input) : null;
      return article == null ? null : parse(article.source().published(), zone);
    } catch (InputException e) {
      return null; // the batch reports it
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
