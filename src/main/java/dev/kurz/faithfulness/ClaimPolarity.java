package dev.kurz.faithfulness;

import dev.kurz.faithfulness.Finding.Kind;
import dev.kurz.model.Claim;
import java.util.List;

/**
 * A claim negated where its source is not, or the reverse. The quote is the evidence for a
 * negation the claim lacks; the quote's whole sentence for one the claim has, since the quote may
 * be shorter than the clause. A denied claim states what is denied, so it is not compared.
 * Stateless.
 */
final class ClaimPolarity {
  private ClaimPolarity() {}

  /** The negation finding for one claim, if any. */
  static List<Finding> check(String where, Claim c, QuoteContext context) {
    if (c.claim() == null || c.quote() == null || c.quote().isBlank()) return List.of();
    if ("denied".equalsIgnoreCase(c.modality())) return List.of();
    Polarity.Reading claim = Polarity.english(c.claim());
    Polarity.Reading quote = Polarity.german(c.quote());
    String around = context.sentence(c.grounding());
    Polarity.Reading sentence = around == null ? quote : Polarity.german(around + " " + c.quote());
    // A German weak negative ("lehnte ab") may stand for an English plain one ("did not accept"),
    // unless the English has its own weak word for it; a plain German negation lost from a claim
    // that keeps only a weak word ("exclude" for "nicht einbezogen") is still lost.
    int spare = Math.max(0, quote.weakCount() - claim.weakCount());
    if (claim.plainCount() > quote.plainCount() + spare && claim.plainCount() > sentence.plainCount()
        && !joinsNextSentence(claim, c, context) && claim.plainCount() > sentence.plainCount() + renderedNeighbours(c, context)) {
      return List.of(new Finding(where, c.claim(), Kind.NEGATION, claim.cue(), "negates what its quote affirms"));
    }
    // An English weak word may carry a plain German negation ("without children" for "keine
    // Kinder"), but not one that stands for a weak word of the quote's own ("unsound" for
    // "unsauber", "warned" for "gewarnt"); a "nicht" serving "nicht X, sondern Y" may be left out
    // when the claim states Y.
    int carried = claim.weakCount() - claim.matched(quote);
    String next = context.around(c.grounding(), 0, 1);
    boolean contrast = next != null && Polarity.german(next).plainCount() < quote.plainCount();
    if (quote.plain() && !claim.plain() && quote.plainCount() > carried && !contrast) {
      return List.of(new Finding(where, c.claim(), Kind.NEGATION, quote.cue(), "is in the quote, but the claim is not negated"));
    }
    return List.of();
  }

  /**
   * Whether a claim that joins two sentences ("did not attack because they were not sure") has its
   * first negation from the quote's sentence and each further one from a plain negation of the
   * sentence before or after it in the paragraph. A claim that renders much more than its quote's
   * sentence (half as many words again) may take even its only negation from a neighbour: "published
   * a text criticising him for finding no word" for the sentence naming the text, the next one
   * saying "kein Wort". The claim's own negations, and the "do" they bring, are not counted.
   */
  private static boolean joinsNextSentence(Polarity.Reading claim, Claim c, QuoteContext context) {
    String own = context.sentence(c.grounding());
    String around = context.around(c.grounding(), 1, 1);
    if (own == null || around == null) return false;
    Polarity.Reading sentence = Polarity.german(own);
    int neighbours = Polarity.german(around).plainCount() - sentence.plainCount();
    boolean rendersMore = Polarity.wordsBesideNegation(c.claim()) >= 1.5 * words(own);
    if (!rendersMore && (claim.plainCount() < 2 || !sentence.any())) return false;
    return claim.plainCount() <= sentence.total() + neighbours;
  }

  /**
   * The plain negations of the sentences near the quote's (two either way) that the claim renders
   * as well: ones that have a name or a figure of the claim which the quote's sentence lacks. A
   * claim may join what the article says over several sentences ("published a text criticising
   * Joachim Gauck for finding no word of sympathy" for a quote naming only the text, the next
   * sentence naming Gauck and "kein Wort"; "one fifth did not die of Covid-19" from two sentences on).
   */
  private static int renderedNeighbours(Claim c, QuoteContext context) {
    List<Sentences.Span> sentences = context.sentences();
    String article = context.article();
    int[] spanned = Sentences.spanned(sentences, c.grounding(), article.length());
    if (spanned == null) return 0;
    String ownText = article.substring(sentences.get(spanned[0]).start(), sentences.get(spanned[1]).end());
    String own = Fold.plain(ownText);
    List<String> names = new java.util.ArrayList<>();
    for (EnglishNames.Name n : EnglishNames.find(c.claim(), java.util.Set.of())) {
      for (String w : n.words()) {
        String f = Fold.plain(w);
        if (f.length() >= 4 && !own.contains(f)) names.add(f);
      }
    }
    List<EnglishQuantities.Mention> figures = EnglishQuantities.read(c.claim());
    if (names.isEmpty() && figures.isEmpty()) return 0;
    GermanFacts ownFacts = new GermanFacts(ownText, null);
    figures = figures.stream().filter(m -> !ownFacts.bears(m)).toList();
    int negations = 0;
    for (int i = Math.max(0, spanned[0] - 2); i <= Math.min(sentences.size() - 1, spanned[1] + 2); i++) {
      if (i >= spanned[0] && i <= spanned[1]) continue;
      String text = sentences.get(i).of(article);
      Polarity.Reading reading = Polarity.german(text);
      if (!reading.plain()) continue;
      String folded = Fold.plain(text);
      boolean rendered = names.stream().anyMatch(folded::contains);
      if (!rendered && !figures.isEmpty()) {
        GermanFacts facts = new GermanFacts(text, null);
        rendered = figures.stream().anyMatch(facts::bears);
      }
      if (rendered) negations += reading.plainCount();
    }
    return negations;
  }

  private static int words(String text) {
    return text.isBlank() ? 0 : text.trim().split("\\s+").length;
  }
}
