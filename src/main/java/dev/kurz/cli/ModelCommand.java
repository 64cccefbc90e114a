package dev.kurz.cli;

import dev.kurz.config.Key;
import java.util.Map;

/**
 * A command that may ask a model in this process. {@link Main} asks it, once the command line is
 * parsed and before the command reads any input, which model it will ask: the embedded one needs
 * JVM options a run does not start with, and {@link Relaunch} runs the command again with them
 * while standard input is still unread.
 */
interface ModelCommand {
  GlobalOptions global();

  /** The flags that choose the model; null when this run sends no request (a dry run). */
  Map<Key, String> modelFlags();
}
