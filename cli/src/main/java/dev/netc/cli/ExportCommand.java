package dev.netc.cli;

import dev.netc.grammar.model.Network;
import dev.netc.interchange.onnx.OnnxExporter;
import dev.netc.interchange.onnx.OnnxModel;
import dev.netc.interchange.onnx.OnnxWriter;
import dev.netc.runtime.network.CompiledNetwork;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code netc export FILE.nn [--weights MODEL.json] --out MODEL.onnx}. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Writes the forward pass of a network as an ONNX model (opset 13): one Gemm and one"
          + " activation per layer, float32 or float64 tensors per the network's precision,"
          + " input 'input' and output 'output' of shape [batch, features], the network's name,"
          + " loss and fingerprint in the metadata.",
      "The parameters come from --weights, else from the .nn file (explicit weights, or its init"
          + " and seed). The feature scaling of a weight file is not part of the model."
    })
final class ExportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin NetworkOptions network;

  @Mixin WeightsOption weights;

  @Option(
      names = "--out",
      paramLabel = "MODEL.onnx",
      required = true,
      description = "The ONNX file to write.")
  Path out;

  @Override
  public Integer call() {
    LoadedNetwork loaded = network.load(spec.commandLine().getErr());
    CompiledNetwork net = loaded.newInstance();
    weights.applyTo(net);
    Network trained = TrainedParameters.of(loaded.model(), net);
    OnnxModel model;
    try {
      model = OnnxExporter.toModel(trained, NetcCommand.versionNumber());
    } catch (IllegalArgumentException e) {
      // a network the exporter cannot write (convolution and pooling layers)
      throw CommandFailure.input(network.file + ": " + e.getMessage());
    }
    byte[] bytes = OnnxWriter.write(model);
    try {
      Path parent = out.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.write(out, bytes);
    } catch (IOException e) {
      throw InputFiles.ioFailure(out, "ONNX file", e);
    }
    spec.commandLine()
        .getOut()
        .println(
            "exported "
                + trained.name()
                + " ("
                + trained.topology()
                + ", "
                + trained.precision().dslName()
                + ", opset "
                + OnnxExporter.OPSET
                + ") to "
                + out);
    spec.commandLine().getOut().flush();
    return ExitCode.OK;
  }
}
