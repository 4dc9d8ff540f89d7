package dev.netc.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder. */
@Command(name = "train", mixinStandardHelpOptions = true)
final class TrainCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    return 0;
  }
}
