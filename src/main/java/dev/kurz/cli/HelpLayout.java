package dev.kurz.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntSupplier;
import picocli.CommandLine;
import picocli.CommandLine.IHelpSectionRenderer;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Help text at the terminal's width, broken only at spaces. Picocli wraps at its own width with a
 * line-break iterator that also breaks after {@code :} and {@code .} (an example's
 * {@code http://localhost:} / {@code 8080/v1}), which breaks copy and paste; so each section is
 * rendered unwrapped and wrapped here, continuation lines indented to the line's text column (an
 * option's description, an example's comment, the synopsis after the command name).
 */
final class HelpLayout {
  /** Picocli's width while rendering: wide enough that it never wraps. */
  private static final int UNWRAPPED = 10_000;

  private HelpLayout() {}

  /** Applies the layout to the command and its subcommands, wrapping at {@code width}. */
  static void apply(CommandLine cli, IntSupplier width) {
    cli.getCommandSpec().usageMessage().width(UNWRAPPED).autoWidth(false);
    Map<String, IHelpSectionRenderer> sections = new LinkedHashMap<>();
    for (var e : cli.getHelpSectionMap().entrySet()) {
      IHelpSectionRenderer r = e.getValue();
      boolean synopsis = e.getKey().equals(UsageMessageSpec.SECTION_KEY_SYNOPSIS);
      sections.put(e.getKey(), help -> {
        if (!synopsis) return wrap(r.render(help), width.getAsInt(), -1);
        // The synopsis follows its heading ("Usage: ") on the same line; continuations go under the first option.
        int heading = "Usage: ".length();
        String padded = " ".repeat(heading) + r.render(help);
        return wrap(padded, width.getAsInt(), heading + help.commandSpec().qualifiedName().length() + 1).substring(heading);
      });
    }
    cli.setHelpSectionMap(sections);
    for (CommandLine sub : cli.getSubcommands().values()) apply(sub, width);
  }

  /**
   * The terminal's width: $COLUMNS when exported, else what picocli finds asking the terminal,
   * else 80.
   */
  static int terminalWidth(Map<String, String> env) {
    try {
      int columns = Integer.parseInt(env.getOrDefault("COLUMNS", "").strip());
      if (columns >= 40) return columns;
    } catch (NumberFormatException e) {
      // not exported or not a number: ask the terminal
    }
    return new UsageMessageSpec().autoWidth(true).width();
  }

  /** Each line of {@code text} wrapped at spaces; {@code indent} < 0 finds each line's own. */
  static String wrap(String text, int width, int indent) {
    StringBuilder out = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      if (!out.isEmpty()) out.append('\n');
      if (line.length() <= width) {
        out.append(line);
        continue;
      }
      String rest = line.stripTrailing();
      int hang = indent >= 0 ? indent : textColumn(rest);
      if (hang > width / 2) hang = leading(rest) + 4;
      while (rest.length() > width) {
        int cut = rest.lastIndexOf(' ', width);
        if (cut <= leading(rest)) cut = rest.indexOf(' ', width); // one token wider than the line
        if (cut < 0) break;
        out.append(rest.substring(0, cut).stripTrailing()).append('\n');
        String next = rest.substring(cut).stripLeading();
        if (next.isEmpty()) {
          rest = "";
          break;
        }
        rest = " ".repeat(hang) + next;
      }
      out.append(rest.stripTrailing());
    }
    return out.toString();
  }

  private static int leading(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) == ' ') i++;
    return i;
  }

  /**
   * Where a line's continuation starts: after the first gap of two or more blanks past its indent
   * (an option's description, an example's comment); else four past an indented line's indent (a
   * long example command); else the indent.
   */
  private static int textColumn(String line) {
    int start = leading(line);
    int gap = line.indexOf("  ", start);
    if (gap < 0) return start == 0 ? 0 : start + 4;
    int text = gap;
    while (text < line.length() && line.charAt(text) == ' ') text++;
    return text < line.length() ? text : start;
  }
}
