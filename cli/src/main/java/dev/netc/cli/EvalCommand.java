package dev.netc.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder. */
@Command(name = "eval", mixinStandardHelpOptions = true)
final class EvalCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    return 0;
  }
}
