package dev.netc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The {@code FILE.nn} and {@code --network NAME} of the commands that work on one network. */
final class NetworkOptions {

  @Parameters(index = "0", paramLabel = "FILE.nn", description = "The .nn file.")
  Path file;

  @Option(
      names = "--network",
      paramLabel = "NAME",
      description = "The network to use, if the file declares several.")
  String network;

  /** Compiles the file and loads the chosen network's class. */
  LoadedNetwork load(PrintWriter err) {
    return LoadedNetwork.load(file, Optional.ofNullable(network), err);
  }
}
