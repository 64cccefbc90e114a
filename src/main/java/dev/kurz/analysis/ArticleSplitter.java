package dev.kurz.analysis;

import dev.kurz.llm.Tokens;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an article that is too long for one request into parts at paragraph boundaries (a
 * paragraph longer than the budget is split between sentences), each within the token budget and
 * about equally long, so every part carries enough context to be analysed on its own.
 */
final class ArticleSplitter {
  private ArticleSplitter() {}

  static List<String> split(String text, int budgetTokens) {
    List<String> units = new ArrayList<>();
    for (String paragraph : text.split("\n\\s*\n")) {
      if (Tokens.estimate(paragraph) <= budgetTokens) units.add(paragraph.strip());
      else units.addAll(sentencesWithin(paragraph, budgetTokens));
    }
    int total = Tokens.estimate(text);
    int parts = Math.max(1, (int) Math.ceil(total / (double) budgetTokens));
    int target = Math.min(budgetTokens, (int) Math.ceil(total / (double) parts));
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String unit : units) {
      if (unit.isEmpty()) continue;
      int size = Tokens.estimate(current.toString()) + Tokens.estimate(unit);
      if (current.length() > 0 && (size > budgetTokens || Tokens.estimate(current.toString()) >= target)) {
        out.add(current.toString());
        current.setLength(0);
      }
      if (current.length() > 0) current.append("\n\n");
      current.append(unit);
    }
    if (current.length() > 0) out.add(current.toString());
    return out;
  }

  private static List<String> sentencesWithin(String paragraph, int budgetTokens) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String sentence : paragraph.split("(?<=[.!?…])\\s+")) {
      if (current.length() > 0 && Tokens.estimate(current + " " + sentence) > budgetTokens) {
        out.add(current.toString());
        current.setLength(0);
      }
      if (current.length() > 0) current.append(' ');
      current.append(sentence);
    }
    if (current.length() > 0) out.add(current.toString());
    return out;
  }
}
