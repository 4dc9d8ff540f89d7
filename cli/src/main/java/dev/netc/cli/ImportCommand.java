package dev.netc.cli;

import dev.netc.grammar.FrontEndResult;
import dev.netc.grammar.NetcFrontEnd;
import dev.netc.grammar.check.JavaNames;
import dev.netc.grammar.diag.DiagnosticFormat;
import dev.netc.grammar.model.Network;
import dev.netc.grammar.print.NetworkPrinter;
import dev.netc.grammar.source.SourceFile;
import dev.netc.interchange.InterchangeException;
import dev.netc.interchange.onnx.OnnxImporter;
import dev.netc.interchange.onnx.OnnxModel;
import dev.netc.interchange.onnx.OnnxReader;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code netc import MODEL.onnx --out MODEL.nn [--network NAME] [--package P]}. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Reads an ONNX model of a feed-forward network (opset 9 to 18, float32 or float64) and"
          + " writes the equivalent .nn file with its weights as explicit layer bodies.",
      "Imports chains of Gemm, MatMul, Add, Relu, LeakyRelu, Elu, Sigmoid, Tanh, Softplus,"
          + " Softmax (last axis), Identity, Flatten, Reshape (to a vector) and Dropout (dropped)."
          + " The loss is the output's natural one (softmax: cross_entropy, sigmoid:"
          + " binary_cross_entropy, else squared_error). Nothing is written if the model cannot"
          + " be imported."
    })
final class ImportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "MODEL.onnx", description = "The ONNX model.")
  Path model;

  @Option(
      names = "--out",
      paramLabel = "MODEL.nn",
      required = true,
      description = "The .nn file to write.")
  Path out;

  @Option(
      names = "--network",
      paramLabel = "NAME",
      description =
          "The network's (and class's) name (default: the one netc export recorded,"
              + " else from the file name: mlp_relu.onnx gives MlpRelu).")
  String network;

  @Option(
      names = "--package",
      paramLabel = "P",
      description = "The package declaration of the written file (default: none).")
  String packageName;

  @Override
  public Integer call() {
    if (network != null
        && (!network.matches("[A-Za-z_][A-Za-z0-9_]*")
            || JavaNames.classNameProblem(network) != null)) {
      throw CommandFailure.input(
          "--network "
              + network
              + ": not a name a network can have"
              + (JavaNames.classNameProblem(network) == null
                  ? " (ASCII letters, digits and _, not" + " starting with a digit)"
                  : " (it " + JavaNames.classNameProblem(network) + ")")
              + "; choose another, for example --network ImportedNet");
    }
    if (packageName != null && !JavaNames.isPackageName(packageName)) {
      throw CommandFailure.input(
          "--package "
              + packageName
              + ": not a Java package name (parts"
              + " of ASCII letters, digits and _ separated by dots, no Java keywords); for example"
              + " --package com.example.models");
    }
    byte[] bytes = InputFiles.readBytes(model, "ONNX model");
    Network imported;
    String text;
    try {
      OnnxModel onnx = OnnxReader.read(bytes);
      String name =
          network != null
              ? network
              : OnnxImporter.suggestedName(onnx, String.valueOf(model.getFileName()));
      if (JavaNames.classNameProblem(name) != null) {
        name = name + "Net";
      }
      OnnxImporter.Imported result =
          OnnxImporter.toNetwork(
              onnx, name, Optional.ofNullable(packageName), String.valueOf(model.getFileName()));
      imported = result.network();
      text = NetworkPrinter.file(imported, result.comments());
    } catch (InterchangeException e) {
      throw CommandFailure.input(model + ": " + e.getMessage(), e);
    }
    // The written file must read back as it was meant: a failure here is a bug of netc.
    FrontEndResult check = NetcFrontEnd.check(new SourceFile(out.toString(), text));
    if (check.hasErrors()) {
      throw new IllegalStateException(
          "the imported network does not check:\n"
              + check.diagnostics().stream()
                  .map(DiagnosticFormat::terminal)
                  .collect(Collectors.joining("\n")));
    }
    InputFiles.writeText(out, text, "network file");
    spec.commandLine()
        .getOut()
        .println(
            "imported "
                + imported.name()
                + " ("
                + imported.topology()
                + ", loss "
                + imported.loss().dslName()
                + ", "
                + imported.precision().dslName()
                + ") from "
                + model
                + " to "
                + out);
    spec.commandLine().getOut().flush();
    return ExitCode.OK;
  }
}
