package dev.netc.cli;

import dev.netc.runtime.network.CompiledNetwork;
import dev.netc.runtime.weights.WeightFile;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --weights MODEL.json}: a weight file written by {@code netc train}. */
final class WeightsOption {

  @Option(
      names = "--weights",
      paramLabel = "MODEL.json",
      required = true,
      description = "The weight file written by netc train (--out).")
  Path file;

  /**
   * Reads the weight file and sets {@code network}'s parameters; a file of another network is an
   * input error saying what differs.
   */
  WeightFile applyTo(CompiledNetwork network) {
    InputFiles.checkReadable(file, "weight file");
    WeightFile weights = WeightFile.read(file);
    weights.applyTo(network, file.toString());
    return weights;
  }
}
