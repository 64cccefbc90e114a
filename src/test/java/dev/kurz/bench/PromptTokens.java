package dev.kurz.bench;

import dev.kurz.glossary.Glossary;
import dev.kurz.ingest.ArticleReader;
import dev.kurz.ingest.Input;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.kurz.llm.ContractSchema;
import dev.kurz.llm.PromptTemplates;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Tokens of the prompt as OpenAI's cl100k tokenizer counts them: the fixed part (system prompt
 * with the schema, plus the schema sent again as the native response format) and, per seed, the
 * article-dependent part (user message with its glossary line).
 *
 * <pre>java -cp ... dev.kurz.bench.PromptTokens ../shared/seeds</pre>
 */
public final class PromptTokens {
  private static final Encoding CL100K = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);

  public static void main(String[] args) throws Exception {
    PromptTemplates prompts = PromptTemplates.load(null);
    ContractSchema schema = ContractSchema.load();
    String system = prompts.render("analyze.system.txt", Map.of("target_language", "English",
        "length_instructions", "4 to 6 sentences", "schema", ""));
    int systemTokens = CL100K.countTokensOrdinary(system);
    int schemaTokens = CL100K.countTokensOrdinary(schema.compactText());
    System.out.printf("fixed part: system prompt %d tokens, native response-format schema %d more%n",
        systemTokens, schemaTokens);
    Glossary glossary = Glossary.builtIn();
    ArticleReader reader = new ArticleReader(InputStream.nullInputStream(), ArticleReader.DEFAULT_MAX_BYTES, w -> {});
    try (Stream<Path> seeds = Files.list(Path.of(args[0]))) {
      for (Path seed : seeds.sorted().toList()) {
        var article = reader.read(new Input.LocalFile(seed.toString(), seed));
        String line = Glossary.promptSection(glossary.entriesIn(article.text(), "de", "en"));
        String user = prompts.render("analyze.user.txt", Map.of("source_language", "German (de)",
            "length_instructions", "4 to 6 sentences",
            "title_line", article.source().title() == null ? "" : "\nTitle: " + article.source().title(),
            "outlet_line", article.source().outlet() == null ? "" : "\nPublished by: " + article.source().outlet(),
            "glossary", line.isEmpty() ? "" : "\n" + line, "article", article.text()));
        System.out.printf("%s: article %d tokens, user message %d tokens (glossary line %d), request total %d%n",
            seed.getFileName(), CL100K.countTokensOrdinary(article.text()), CL100K.countTokensOrdinary(user), CL100K.countTokensOrdinary(line),
            systemTokens + schemaTokens + CL100K.countTokensOrdinary(user));
      }
    }
  }
}
