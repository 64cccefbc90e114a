package dev.kurz.cli;

/** The process exit codes, listed in every command's help. */
final class ExitCodes {
  static final int OK = 0;
  static final int SOME_FAILED = 1;
  static final int USAGE = 2;
  static final int NOTHING_RAN = 3;
  static final int INTERNAL = 4;
  static final int INTERRUPTED = 130;

  static final String[] HELP = {
      "  0   every input done",
      "  1   some inputs failed (each named on stderr); the others are done",
      "  2   bad usage: unknown option, bad value, unreadable config",
      "  3   nothing could run: backend unreachable, bad or missing key, unknown model",
      "  4   internal error (a bug: please report it with --verbose output)",
      "130   interrupted (Ctrl-C or SIGTERM); finished answers are kept in the cache",
  };

  private ExitCodes() {}
}
