package dev.kurz.digest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a JSON digest of a benchmark corpus ({@code dev.kurz.bench.ArticleCorpus} with S stories,
 * article i in story i mod S) and prints how many stories it found, how big, and the grouping's
 * scores against the corpus's own stories.
 *
 * <pre>java -cp ... dev.kurz.digest.DigestShape DIGEST.json S</pre>
 */
public final class DigestShape {
  private static final Pattern INDEX = Pattern.compile("artikel-(\\d+)\\.txt");

  public static void main(String[] args) throws Exception {
    JsonNode digest = new ObjectMapper().readTree(Path.of(args[0]).toFile());
    int stories = Integer.parseInt(args[1]);
    List<int[]> assigned = new ArrayList<>(); // {article index, story number}
    int biggest = 0;
    int s = 0;
    for (JsonNode story : digest.path("stories")) {
      biggest = Math.max(biggest, story.path("sources").size());
      for (JsonNode source : story.path("sources")) {
        Matcher m = INDEX.matcher(source.path("path").asText());
        if (m.find()) assigned.add(new int[] {Integer.parseInt(m.group(1)), s});
      }
      s++;
    }
    int n = assigned.stream().mapToInt(a -> a[0]).max().orElse(-1) + 1;
    String[] predicted = new String[n];
    String[] gold = new String[n];
    for (int[] a : assigned) {
      predicted[a[0]] = "p" + a[1];
      gold[a[0]] = "g" + (stories > 0 ? a[0] % stories : 0);
    }
    System.out.printf("digest: %d stories from %d articles (corpus: %d), biggest %d articles; %s%n",
        s, assigned.size(), stories, biggest, ClusterScores.of(List.of(predicted), List.of(gold)));
  }
}
