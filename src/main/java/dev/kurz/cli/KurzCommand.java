package dev.kurz.cli;

import picocli.AutoComplete.GenerateCompletion;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

@Command(
    name = "kurz",
    mixinStandardHelpOptions = true,
    versionProvider = KurzCommand.Version.class,
    description = "German news articles into English digests: a faithful summary and the claims each article"
        + " makes or reports, who claims them, how hedged, with the original words that support them.",
    subcommands = {
        SummarizeCommand.class,
        DigestCommand.class,
        ExtractCommand.class,
        TranslateCommand.class,
        ConfigCommand.class,
        BackendsCommand.class,
        PromptsCommand.class,
        CacheCommand.class,
        ModelsCommand.class,
        GenerateCompletion.class},
    footerHeading = "%nExamples:%n",
    footer = {
        "  kurz summarize artikel.txt",
        "  kurz config init && kurz config show --show-origin",
        "  kurz backends check openai",
        "  source <(kurz generate-completion)"})
final class KurzCommand {

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
