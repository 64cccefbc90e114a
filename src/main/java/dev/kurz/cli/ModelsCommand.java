package dev.kurz.cli;

import dev.kurz.config.Key;
import dev.kurz.llm.embedded.DownloadProgress;
import dev.kurz.llm.embedded.EmbeddedModel;
import dev.kurz.llm.embedded.ModelStore;
import dev.kurz.llm.embedded.ModelUnavailableException;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    mixinStandardHelpOptions = true,
    name = "models",
    description = "The embedded model kurz runs in-process when no key and no local server are found"
        + " (kept in <cache folder>/models/NAME).",
    subcommands = {ModelsCommand.Pull.class, ModelsCommand.ListCmd.class, ModelsCommand.Rm.class},
    footerHeading = "%nExamples:%n",
    footer = {"  kurz models pull", "  kurz models list", "  kurz models rm qwen2.5-0.5b-instruct",
        "  HF_ENDPOINT=https://mirror.example kurz models pull"})
final class ModelsCommand {

  /** Options and plumbing every models subcommand shares. */
  abstract static class Base implements Callable<Integer> {
    @Mixin GlobalOptions global;

    @Mixin CacheDirOption cacheDir;
    @Spec CommandSpec spec;

    final Terminal term;

    Base(Terminal term) {
      this.term = term;
    }

    @Override
    public Integer call() throws Exception {
      try (Services s = Services.of(term, global, spec)) {
        try {
          return run(s.modelStore());
        } catch (IllegalArgumentException e) {
          throw new KurzException(ExitCodes.USAGE, e.getMessage());
        } catch (ModelUnavailableException e) {
          throw new KurzException(ExitCodes.NOTHING_RAN, e.getMessage());
        } catch (IOException e) {
          throw new KurzException(ExitCodes.NOTHING_RAN, e.getMessage());
        }
      }
    }

    abstract int run(ModelStore store) throws IOException;
  }

  @Command(mixinStandardHelpOptions = true, name = "pull", description = "Download a model (once; resumes an"
      + " interrupted download; checks SHA-256).", footerHeading = "%nExamples:%n", footer = {"  kurz models pull"})
  static final class Pull extends Base {
    @Parameters(arity = "0..1", paramLabel = "NAME", description = "Model name (default: the default embedded model).")
    String name;

    Pull(Terminal term) {
      super(term);
    }

    @Override
    int run(ModelStore store) throws IOException {
      EmbeddedModel model = name == null ? EmbeddedModel.DEFAULT : EmbeddedModel.byName(name);
      if (store.installed(model)) {
        term.err().println(model.name() + " is already in " + store.folder(model));
        return ExitCodes.OK;
      }
      store.pull(model, global.quiet ? DownloadProgress.NONE : DownloadProgress.bar(term.err()));
      return ExitCodes.OK;
    }
  }

  @Command(mixinStandardHelpOptions = true, name = "list", description = "The models kurz knows and which are on disk.")
  static final class ListCmd extends Base {
    ListCmd(Terminal term) {
      super(term);
    }

    @Override
    int run(ModelStore store) throws IOException {
      var installed = store.list();
      for (EmbeddedModel m : EmbeddedModel.CATALOG) {
        var on = installed.stream().filter(i -> i.name().equals(m.name())).findFirst();
        String state = on.map(i -> !i.complete() ? "incomplete (run kurz models pull)"
            : DownloadProgress.human(i.bytes()) + (i.verified() ? ", verified" : ", copied in")).orElse("not downloaded");
        term.out().printf("%-24s %-10s %-12s %s%s%n", m.name(), m.licence(), state, store.folder(m),
            m == EmbeddedModel.DEFAULT ? "  (default)" : "");
      }
      for (var i : installed) {
        if (EmbeddedModel.CATALOG.stream().noneMatch(m -> m.name().equals(i.name()))) {
          term.out().printf("%-24s %-10s %-12s %s%n", i.name(), "?", DownloadProgress.human(i.bytes()), i.folder());
        }
      }
      return ExitCodes.OK;
    }
  }

  @Command(mixinStandardHelpOptions = true, name = "rm", description = "Delete a downloaded model.")
  static final class Rm extends Base {
    @Parameters(paramLabel = "NAME", description = "Model name (see kurz models list).")
    String name;

    Rm(Terminal term) {
      super(term);
    }

    @Override
    int run(ModelStore store) throws IOException {
      if (!store.remove(name)) throw new KurzException(ExitCodes.USAGE, "no model named " + name + " on disk");
      term.err().println("removed " + name);
      return ExitCodes.OK;
    }
  }
}
