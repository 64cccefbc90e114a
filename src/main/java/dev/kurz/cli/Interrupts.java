package dev.kurz.cli;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ctrl-C and SIGTERM handling: the first SIGINT or SIGTERM sets the flag (no new articles start; answers in flight are
 * kept and the run ends with a partial summary and exit code 130), a second one exits at once.
 * Uses sun.misc.Signal through reflection (jdk.unsupported), so where it is missing the default
 * behaviour remains: the JVM exits and the cache holds everything finished so far.
 */
final class Interrupts {
  private Interrupts() {}

  static void install(AtomicBoolean flag, java.io.PrintStream err) {
    try {
      Class<?> signal = Class.forName("sun.misc.Signal");
      Class<?> handler = Class.forName("sun.misc.SignalHandler");
      InvocationHandler onSignal = (proxy, method, args) -> {
        if (!method.getName().equals("handle")) return null;
        String name = String.valueOf(signal.getMethod("getName").invoke(args[0]));
        String again = name.equals("TERM") ? "SIGTERM again" : "Ctrl-C again";
        if (flag.getAndSet(true)) {
          err.println("\n[ERROR] interrupted again: stopping now");
          Runtime.getRuntime().halt(ExitCodes.INTERRUPTED);
        }
        err.println("\n[WARN] interrupted (SIG" + name + "): finishing the articles in flight (" + again + " to stop at once)");
        return null;
      };
      Object proxy = Proxy.newProxyInstance(Interrupts.class.getClassLoader(), new Class<?>[] {handler}, onSignal);
      // SIGTERM (kill, a supervisor, a CI timeout) is handled like Ctrl-C: the answers in flight are
      // kept, the partial summary printed, the exit code 130.
      for (String name : new String[] {"INT", "TERM"}) {
        Object sig = signal.getConstructor(String.class).newInstance(name);
        signal.getMethod("handle", signal, handler).invoke(null, sig, proxy);
      }
    } catch (ReflectiveOperationException | RuntimeException unavailable) {
      // No signal API: Ctrl-C ends the JVM the usual way; finished answers are already cached.
    }
  }
}
