package dev.kurz.faithfulness;

import dev.kurz.model.Analysis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The real-answer set ({@link RealAnswerSet}) as inputs to the gate, for harnesses outside this
 * package: each clean answer (and, when asked, each alteration) read as the contract's
 * {@link Analysis} with its quotes grounded in the article, as kurz grounds them.
 */
public final class RealAnswerCases {
  private RealAnswerCases() {}

  /** One input to the gate: a name for it, the answer, the article it answers and its publication day. */
  public record Case(String name, Analysis analysis, String article, LocalDate published) {}

  /**
   * The repository's answer set with the shared articles ({@code -Dkurz.shared}, by default
   * {@code ../shared}); empty where either folder is absent.
   */
  public static List<Case> load(boolean alterations) throws IOException {
    Path folder = RealAnswerSet.repositoryFolder();
    Path articles = RealAnswerSet.articlesFolder();
    if (!Files.isDirectory(folder) || !Files.isDirectory(articles)) return List.of();
    List<Case> out = new ArrayList<>();
    for (RealAnswerSet.Item item : RealAnswerSet.load(folder, articles)) {
      out.add(new Case(item.file(), Answers.read(item.answer(), item.article()), item.article(), item.published()));
      if (!alterations) continue;
      int n = 0;
      for (RealAnswerSet.Alteration alt : item.alterations()) {
        n++;
        out.add(new Case(item.file() + " alteration " + n, Answers.read(alt.applyTo(item.answer()), item.article()),
            item.article(), item.published()));
      }
    }
    return out;
  }

  /** An answer in the contract's JSON, its quotes grounded in {@code article}. */
  public static Analysis read(String json, String article) {
    return Answers.read(json, article);
  }
}
