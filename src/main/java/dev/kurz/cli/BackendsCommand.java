package dev.kurz.cli;

import dev.kurz.llm.BackendResolver;
import dev.kurz.config.ConfigFile;
import dev.kurz.config.Key;
import dev.kurz.llm.Backend;
import dev.kurz.llm.BackendException;
import dev.kurz.llm.BackendSpec;
import dev.kurz.llm.Backends;
import dev.kurz.llm.LlmReply;
import dev.kurz.llm.LlmRequest;
import dev.kurz.llm.embedded.EmbeddedBackend;
import dev.kurz.llm.embedded.EmbeddedModel;
import dev.kurz.llm.embedded.ModelStore;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Parameters;

@Command(
    mixinStandardHelpOptions = true,
    name = "backends",
    description = "List the providers and configured backends; check that one answers.",
    subcommands = {BackendsCommand.Check.class},
    footerHeading = "%nExamples:%n",
    footer = {"  kurz backends", "  kurz backends check openai", "  kurz backends check local --verbose"})
final class BackendsCommand implements Callable<Integer> {
  @Mixin GlobalOptions global;
  @Spec CommandSpec spec;

  private final Terminal term;

  BackendsCommand(Terminal term) {
    this.term = term;
  }

  @Override
  public Integer call() {
    try (Services services = Services.of(term, global, spec)) {
      term.out().println("Providers (default model, key variable):");
      for (var p : Backends.PROVIDERS) {
        String key = p.keyEnv() == null ? "no key" : p.keyEnv() + (term.env().get(p.keyEnv()) == null ? " (not set)" : " (set)");
        term.out().printf("  %-13s %-24s %s%n", p.name(), p.defaultModel() == null ? "(your deployment)" : p.defaultModel(), key);
      }
      term.out().printf("  %-13s %-24s %s%n", EmbeddedBackend.PROVIDER, EmbeddedModel.DEFAULT.name(), "no key (in-process; kurz models)");
      term.out().println("When none is named, kurz uses the first of:");
      int i = 0;
      for (String line : BackendResolver.order(term.env())) term.out().printf("  %d. %s%n", ++i, line);
      ConfigFile file = services.configFile();
      if (file == null || file.backends().isEmpty()) {
        term.out().println("No backends configured (kurz config init writes an example).");
      } else {
        term.out().println("Configured in " + file.path() + ":");
        String dflt = file.top().get(Key.BACKEND);
        for (var e : file.backends().entrySet()) {
          Map<Key, String> t = e.getValue();
          term.out().printf("  %s%-12s %-13s %s%n", e.getKey().equals(dflt) ? "*" : " ", e.getKey(),
              t.getOrDefault(Key.PROVIDER, e.getKey()), t.getOrDefault(Key.MODEL, "(default model)"));
        }
      }
      return ExitCodes.OK;
    }
  }

  /** The models the server lists, or none when it cannot tell; a listing failure is not the check's verdict. */
  static List<String> offeredModels(BackendSpec spec, Services services) {
    if (spec.provider().equals(EmbeddedBackend.PROVIDER)) {
      ModelStore store = services.modelStore();
      return EmbeddedModel.CATALOG.stream().filter(store::installed).map(EmbeddedModel::name).toList();
    }
    try {
      return Backends.listModels(spec, services.http());
    } catch (BackendException e) {
      return List.of();
    }
  }

  private static String offered(BackendSpec spec) {
    return spec.provider().equals(EmbeddedBackend.PROVIDER) ? "models installed: " : "models offered: ";
  }

  @Command(mixinStandardHelpOptions = true, name = "check", description = "Ask a backend (configured name or provider) whether it answers, and with which model.",
      footerHeading = "%nExamples:%n", footer = {"  kurz backends check openai", "  kurz backends check ollama --model qwen2.5:14b"})
  static final class Check implements Callable<Integer> {
    @Mixin GlobalOptions global;
    @Mixin BackendOptions backendOptions;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "NAME", arity = "0..1", description = "A backend from the config file, or a provider name.")
    String name;

    private final Terminal term;

    Check(Terminal term) {
      this.term = term;
    }

    @Override
    public Integer call() throws InterruptedException {
      Map<Key, String> flags = new EnumMap<>(Key.class);
      flags.putAll(SettingFlags.of(spec));
      try (Services probe = Services.of(term, global, spec)) {
        if (name != null) {
          ConfigFile file = probe.configFile();
          if (file != null && file.backends().containsKey(name)) flags.putIfAbsent(Key.BACKEND, name);
          else flags.putIfAbsent(Key.PROVIDER, name);
        }
      }
      try (Services services = Services.of(term, global, spec, flags)) {
        BackendSpec spec = services.backendSpec();
        String where = spec.provider().equals(EmbeddedBackend.PROVIDER) ? "embedded (in-process)"
            : spec.provider() + " at " + (spec.baseUrl() == null ? "its default endpoint"
                : dev.kurz.llm.http.RedactingLogInterceptor.withoutUserInfo(spec.baseUrl()));
        Backend backend = services.probeBackend();
        List<String> models = offeredModels(spec, services);
        long start = System.nanoTime();
        try {
          LlmReply reply = backend.complete(new LlmRequest("Answer with the single word OK.",
              List.of(LlmRequest.Message.user("Are you there?")), null, null, null, 5));
          long ms = (System.nanoTime() - start) / 1_000_000;
          term.out().printf("%s: answers with model %s (%d ms)%n", where,
              reply.modelName() == null ? spec.model() : reply.modelName(), ms);
          if (!models.isEmpty()) term.out().println(offered(spec) + String.join(", ", models));
          return ExitCodes.OK;
        } catch (BackendException e) {
          term.out().printf("%s: does not answer: %s%n", where, e.getMessage());
          if (!models.isEmpty()) term.out().println(offered(spec) + String.join(", ", models));
          return ExitCodes.NOTHING_RAN;
        }
      }
    }
  }
}
