package dev.kurz.cli;

import dev.kurz.render.JsonOutput;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.kurz.model.Outcome;
import dev.kurz.render.MarkdownRenderer;
import dev.kurz.render.ResultJson;
import java.io.PrintStream;

/**
 * Writes finished articles to stdout as they arrive, in input order: Markdown separated by rules,
 * JSON Lines one per line, or JSON (one object, or an array for several inputs, written at the
 * end). Failed inputs print nothing here: they are reported on stderr.
 */
final class ResultPrinter {
  private final PrintStream out;
  private final SummarizeCommand.Format format;
  private final boolean many;
  private final ArrayNode array = JsonNodeFactory.instance.arrayNode();
  private int printed;

  ResultPrinter(PrintStream out, SummarizeCommand.Format format, boolean many) {
    this.out = out;
    this.format = format;
    this.many = many;
  }

  void print(Outcome outcome) {
    if (!(outcome instanceof Outcome.Done done)) return;
    switch (format) {
      case markdown -> {
        if (printed > 0) out.print("\n---\n\n");
        out.print(MarkdownRenderer.render(done.result()));
      }
      case jsonl -> out.println(ResultJson.toJson(done.result()));
      case json -> {
        if (many) array.add(ResultJson.toTree(done.result()));
        else out.println(JsonOutput.write(ResultJson.toTree(done.result()), true));
      }
    }
    printed++;
    out.flush();
  }

  void finish() {
    if (format == SummarizeCommand.Format.json && many) out.println(JsonOutput.write(array, true));
    out.flush();
  }
}
