package dev.kurz.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.reflect.Constructor;
import dev.kurz.scheduling.RetryPolicy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Entry point: builds the command tree with the process's streams and environment, maps
 * {@link KurzException} to its exit code with one {@code [ERROR]} line (a stack trace only with
 * --verbose), and adds the exit codes to every command's help.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    AtomicBoolean interrupted = new AtomicBoolean();
    Terminal term = new Terminal(System.in, System.out, System.err, System.getenv(), Clock.systemUTC(),
        RetryPolicy.Sleeper.REAL, stderrIsTerminal(), interrupted);
    // Whatever else prints (a library's log with --verbose) is filtered like kurz's own output.
    System.setOut(term.out());
    System.setErr(term.err());
    if (needsInterrupts(args)) Interrupts.install(interrupted, term.err());
    if (warmsUp(args)) WarmUp.start();
    System.exit(run(args, term));
  }

  /**
   * Whether the run will read and answer articles, so a warm-up of that path in the background
   * (on the processor the start-up leaves idle) is worth its one made-up article.
   */
  private static boolean warmsUp(String[] args) {
    if (args.length < 2 || !(args[0].equals("summarize") || args[0].equals("digest"))) return false;
    List<String> given = Arrays.asList(args);
    return !given.contains("--dry-run") && !given.contains("--help") && !given.contains("-h");
  }

  /** Only long-running commands take over Ctrl-C; installing the handler costs start-up time. */
  private static boolean needsInterrupts(String[] args) {
    return args.length > 0 && (args[0].equals("summarize") || args[0].equals("digest") || args[0].equals("translate"));
  }

  /**
   * Whether a person watches stderr, where the progress bar goes. {@code System.console()} looks
   * at stdin and stdout (so {@code > out.jsonl} lost the bar and {@code 2> log} got it); on Linux
   * the answer is what file descriptor 2 is open on, elsewhere the console's. A relaunched child
   * (whose stderr is its parent's pipe) is told its parent's answer. TERM=dumb gets plain lines.
   */
  static boolean stderrIsTerminal() {
    String told = System.getProperty(Relaunch.STDERR_TERMINAL);
    if (told != null) return Boolean.parseBoolean(told);
    if ("dumb".equals(System.getenv("TERM"))) return false;
    Path fd2 = Path.of("/proc/self/fd/2");
    if (Files.isSymbolicLink(fd2)) {
      try {
        return isTerminalDevice(Files.readSymbolicLink(fd2).toString());
      } catch (IOException e) {
        return false;
      }
    }
    return System.console() != null;
  }

  /** A terminal's device path: a pseudo-terminal, a virtual console or a serial line. */
  static boolean isTerminalDevice(String path) {
    return path.startsWith("/dev/pts/") || path.startsWith("/dev/tty") || path.equals("/dev/console");
  }

  static int run(String[] args, Terminal term) {
    boolean verbose = Arrays.asList(args).contains("--verbose") || Arrays.asList(args).contains("-v");
    // LangChain4j and the HTTP stack log through SLF4J: silent unless asked.
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "debug" : "off");
    System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
    Factory factory = new Factory(term);
    CommandLine cli = new CommandLine(new KurzCommand(), factory);
    Class<?> named = args.length > 0 ? KurzCommand.SUBCOMMANDS.get(args[0]) : null;
    // Help on a command, completion and an unknown name (for suggestions) need every command.
    boolean all = named == null || named == CommandLine.HelpCommand.class || named == CompletionCommand.class;
    // The top-level help lists the commands by name and description only, and the version needs
    // none of them: no need to build each command's full model (its options, by reflection),
    // which is most of their start-up.
    boolean topHelp = args.length == 0 || args.length == 1 && List.of("--help", "-h", "help", "--version", "-V").contains(args[0]);
    for (var e : KurzCommand.SUBCOMMANDS.entrySet()) {
      boolean helpCommand = e.getValue() == CommandLine.HelpCommand.class;
      if (topHelp && !helpCommand) cli.addSubcommand(e.getKey(), outline(e.getKey(), e.getValue()));
      else if (all || helpCommand || e.getValue() == named) cli.addSubcommand(e.getKey(), new CommandLine(e.getValue(), factory));
    }
    // Environment and config file reach the options as their defaults (flag > env > file).
    cli.setDefaultValueProvider(new ConfigDefaults(term.env()));
    cli.setOut(new PrintWriter(term.out(), true));
    cli.setErr(new PrintWriter(term.err(), true));
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setOverwrittenOptionsAllowed(true);
    cli.setExitCodeExceptionMapper(e -> e instanceof KurzException k ? k.exitCode() : ExitCodes.INTERNAL);
    // Decided once, after parsing and before the command reads anything: a run of the embedded
    // model goes again in a JVM that can run it, stdin still unread.
    cli.setExecutionStrategy(parsed -> {
      Integer help = CommandLine.executeHelpRequest(parsed);
      if (help != null) return help;
      CommandLine leaf = parsed.asCommandLineList().get(parsed.asCommandLineList().size() - 1);
      boolean again;
      try {
        again = Relaunch.needed(leaf.getCommand(), term);
      } catch (RuntimeException e) {
        throw new CommandLine.ExecutionException(leaf, e.getMessage(), e);
      }
      if (!again) return new CommandLine.RunLast().execute(parsed);
      try {
        return Relaunch.run(args, term.interactive());
      } catch (Exception e) {
        throw new CommandLine.ExecutionException(leaf, "cannot start a JVM for the embedded model: " + e, e);
      }
    });
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof KurzException k) {
        term.err().println("[ERROR] " + k.getMessage());
        if (verbose) e.printStackTrace(term.err());
        return k.exitCode();
      }
      if (e instanceof InterruptedException) {
        term.err().println("[ERROR] interrupted");
        return ExitCodes.INTERRUPTED;
      }
      term.err().println("[ERROR] internal error: " + e + (verbose ? "" : " (run with --verbose for details)"));
      if (verbose) e.printStackTrace(term.err());
      return ExitCodes.INTERNAL;
    });
    cli.setParameterExceptionHandler((e, a) -> {
      term.err().println("[ERROR] " + e.getMessage());
      if (e instanceof CommandLine.UnmatchedArgumentException u) {
        var suggestions = u.getSuggestions();
        if (!suggestions.isEmpty()) term.err().println("Did you mean: " + String.join(" or ", suggestions) + "?");
      }
      term.err().println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more.");
      return ExitCodes.USAGE;
    });
    addExitCodes(cli);
    // Plain help text: the wrapping below counts characters, not colour codes.
    cli.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
    HelpLayout.apply(cli, () -> HelpLayout.terminalWidth(term.env()));
    return cli.execute(args);
  }

  /** A command's name and description, for the list in the top-level help. */
  private static CommandLine outline(String name, Class<?> command) {
    picocli.CommandLine.Command annotation = command.getAnnotation(picocli.CommandLine.Command.class);
    CommandSpec spec = CommandSpec.create().name(name);
    spec.usageMessage().description(annotation.description()).hidden(annotation.hidden());
    return new CommandLine(spec);
  }

  private static void addExitCodes(CommandLine cli) {
    CommandSpec spec = cli.getCommandSpec();
    List<String> footer = new ArrayList<>(Arrays.asList(spec.usageMessage().footer()));
    footer.add("");
    footer.add("Exit codes:");
    footer.addAll(Arrays.asList(ExitCodes.HELP));
    spec.usageMessage().footer(footer.toArray(String[]::new));
    for (CommandLine sub : cli.getSubcommands().values()) addExitCodes(sub);
  }

  /** Gives commands that want it the run's {@link Terminal}. */
  private record Factory(Terminal term) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> cls) throws Exception {
      try {
        Constructor<K> c = cls.getDeclaredConstructor(Terminal.class);
        c.setAccessible(true);
        return c.newInstance(term);
      } catch (NoSuchMethodException e) {
        return CommandLine.defaultFactory().create(cls);
      }
    }
  }
}
