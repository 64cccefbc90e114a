package dev.kurz.digest;

/**
 * Digest-wide article and claim ids: articles are numbered {@code a1, a2, ...} in the order the
 * digest lists them (stories in order, each story's articles in order), so {@code a7} names the same
 * article in a story's sources, its key claims and the appendix. A claim is its article's id plus
 * {@code c} and its one-based number ({@code a7c2}). Immutable.
 */
public final class ArticleIds {
  private final int[] first;

  private ArticleIds(int[] first) {
    this.first = first;
  }

  public static ArticleIds of(Digest d) {
    int[] first = new int[d.stories().size()];
    int n = 0;
    for (int s = 0; s < first.length; s++) {
      first[s] = n;
      n += d.stories().get(s).articles().size();
    }
    return new ArticleIds(first);
  }

  /** Article {@code article} (zero-based) of story {@code story} (zero-based). */
  public String article(int story, int article) {
    return "a" + (first[story] + article + 1);
  }

  public String claim(int story, ClaimRef ref) {
    return article(story, ref.article()) + "c" + (ref.claim() + 1);
  }
}
