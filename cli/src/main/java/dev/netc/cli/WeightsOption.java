package dev.netc.cli;

import dev.netc.runtime.network.CompiledNetwork;
import dev.netc.runtime.network.NetworkSpec;
import dev.netc.runtime.weights.WeightFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --weights MODEL.json}: a weight file written by {@code netc train}; without it, the
 * parameters written in the {@code .nn} file (explicit weights, or its {@code init} and seed).
 */
final class WeightsOption {

  @Option(
      names = "--weights",
      paramLabel = "MODEL.json",
      description =
          "The weight file written by netc train (--out). Without it, the parameters"
              + " written in the .nn file: its explicit weights (netc import, train --out-nn), or its"
              + " init and seed.")
  Path file;

  /**
   * Reads the weight file and sets {@code network}'s parameters; a file of another network is an
   * input error saying what differs. Without {@code --weights}, the network keeps the parameters of
   * its {@code .nn} file, and the result has no scaling, no feature names and, for a {@code
   * cross_entropy} network, the classes {@code 0} to {@code K-1}.
   */
  WeightFile applyTo(CompiledNetwork network) {
    if (file == null) {
      return WeightFile.capture(network, defaultClasses(network.spec()), List.of(), null);
    }
    InputFiles.checkReadable(file, "weight file");
    WeightFile weights = WeightFile.read(file);
    weights.applyTo(network, file.toString());
    return weights;
  }

  /** What the parameters come from, for messages: the weight file, or the {@code .nn} file. */
  String source(Path networkFile) {
    return file != null ? file.toString() : networkFile + " (no --weights given)";
  }

  /** {@code 0} to {@code K-1} for a {@code cross_entropy} network of K outputs, else none. */
  private static List<String> defaultClasses(NetworkSpec spec) {
    List<String> classes = new ArrayList<>();
    if (spec.loss().equals("cross_entropy")) {
      for (int k = 0; k < spec.outputSize(); k++) {
        classes.add(Integer.toString(k));
      }
    }
    return classes;
  }
}
