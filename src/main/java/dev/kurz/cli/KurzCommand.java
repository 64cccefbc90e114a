package dev.kurz.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "kurz",
    mixinStandardHelpOptions = true,
    versionProvider = KurzCommand.Version.class,
    description = "German news articles into English digests: a faithful summary and the claims each article"
        + " makes or reports, who claims them, how hedged, with the original words that support them.",
    footerHeading = "%nExamples:%n",
    footer = {
        "  kurz summarize artikel.txt",
        "  kurz help summarize",
        "  kurz config init && kurz config show --show-origin",
        "  kurz backends check openai",
        "  source <(kurz generate-completion)"})
final class KurzCommand implements Runnable {
  @Spec CommandSpec spec;

  /** Bare {@code kurz}: the help, on stdout. */
  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * The subcommands, by name, in help order. {@link Main} builds only the one a run names (building
   * picocli's model of every command costs a good part of start-up), all of them for help,
   * completion and unknown names (for suggestions); an outline of each for the top-level help.
   */
  static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

  private static Map<String, Class<?>> subcommands() {
    Map<String, Class<?>> m = new LinkedHashMap<>();
    m.put("summarize", SummarizeCommand.class);
    m.put("digest", DigestCommand.class);
    m.put("extract", ExtractCommand.class);
    m.put("translate", TranslateCommand.class);
    m.put("config", ConfigCommand.class);
    m.put("backends", BackendsCommand.class);
    m.put("prompts", PromptsCommand.class);
    m.put("cache", CacheCommand.class);
    m.put("batch", BatchCommand.class);
    m.put("models", ModelsCommand.class);
    m.put("generate-completion", CompletionCommand.class);
    m.put("help", HelpCommand.class);
    return java.util.Collections.unmodifiableMap(m);
  }

  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() throws Exception {
      var props = new java.util.Properties();
      try (var in = KurzCommand.class.getResourceAsStream("/kurz-version.properties")) {
        if (in != null) props.load(in);
      }
      return new String[] {"kurz " + props.getProperty("version", "dev") + " (Java " + Runtime.version() + ")"};
    }
  }
}
