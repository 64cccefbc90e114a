package dev.kurz.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that may ask a model in this process (summarize, digest, translate), with the options
 * they share. {@link Main} asks it, once the command line is parsed and before the command reads
 * any input, whether it will send requests: the embedded model needs JVM options a run does not
 * start with, and {@link Relaunch} runs the command again with them while standard input is still
 * unread.
 */
abstract class ModelCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin GlobalOptions global;
  @Mixin BackendOptions backendOptions;
  @Mixin CacheOptions cacheOptions;
  @Mixin InputOptions inputOptions;

  final Terminal term;

  ModelCommand(Terminal term) {
    this.term = term;
  }

  /** Whether this run will send requests; a dry run sends none. */
  boolean sendsRequests() {
    return true;
  }

  /** The run's services, on this command's settings. */
  Services services() {
    return Services.of(term, global, spec);
  }
}
