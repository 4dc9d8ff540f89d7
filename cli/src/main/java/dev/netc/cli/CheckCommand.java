package dev.netc.cli;

import dev.netc.generator.CheckResult;
import dev.netc.grammar.NetcFrontEnd;
import dev.netc.grammar.check.Prelude;
import dev.netc.grammar.expr.NumberText;
import dev.netc.grammar.model.ActivationCall;
import dev.netc.grammar.model.DeclaredActivation;
import dev.netc.grammar.model.Network;
import dev.netc.grammar.model.NetworkFile;
import dev.netc.grammar.model.Parameter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code netc check FILE.nn...}: diagnostics only; every rule is checked, nothing is generated. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Checks .nn files and prints their diagnostics in the compiler form"
          + " (file:line:column: error: message, the line, a caret).",
      "Prints one line per network of a file without errors; with --explain, also each"
          + " layer's output shape and parameter count, and each declared activation with its"
          + " derived derivative."
    })
final class CheckCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE.nn", description = "The files to check.")
  List<Path> files;

  @Option(
      names = "--explain",
      description =
          "Also prints, for each network, every layer's output shape and parameter count; then"
              + " each activation the files declare, and each built-in written in the language"
              + " that they call, with the derivative netc derived: f(x) and f'(x), shared values"
              + " named after the comma.")
  boolean explain;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    CheckResult result = Compilation.check(files, spec.commandLine().getErr());
    for (CheckResult.Checked checked : result.networks()) {
      Network network = checked.network();
      out.println(
          network.sourceName()
              + ": "
              + network.name()
              + ": "
              + network.topology()
              + ", loss "
              + network.loss().dslName()
              + ", "
              + Formats.count(parameterCount(network))
              + " parameters");
      if (explain) {
        out.print(LayerTable.render(network));
      }
    }
    if (explain) {
      explainActivations(out);
    }
    out.flush();
    return ExitCode.OK;
  }

  /**
   * The declared activations of each file, then the prelude's that they or the files' layers call.
   */
  private void explainActivations(PrintWriter out) {
    Set<String> called = new LinkedHashSet<>();
    for (Path file : files) {
      Optional<NetworkFile> model = NetcFrontEnd.check(InputFiles.readSource(file)).model();
      List<DeclaredActivation> declared = model.map(m -> m.activations()).orElse(List.of());
      for (DeclaredActivation activation : declared) {
        explanation(activation).forEach(line -> out.println(file + ": " + line));
        called.addAll(activation.calls());
      }
      for (Network network : model.map(NetworkFile::networks).orElse(List.of())) {
        for (ActivationCall call : network.declaredActivations()) {
          if (call.activation().prelude()) {
            called.addAll(call.activation().calls());
            called.add(call.name());
          }
        }
      }
    }
    for (String name : called) {
      DeclaredActivation builtIn = Prelude.activations().get(name);
      if (builtIn != null) {
        explanation(builtIn).forEach(line -> out.println("built-in: " + line));
      }
    }
  }

  /** {@code activation NAME(x, a = 1)}, then f and f' on indented lines. */
  static List<String> explanation(DeclaredActivation activation) {
    List<String> parameters = new ArrayList<>();
    parameters.add(activation.input());
    for (Parameter parameter : activation.parameters()) {
      parameters.add(
          parameter.name() + " = " + NumberText.of(parameter.defaultValue().orElseThrow()));
    }
    String x = activation.input();
    return List.of(
        "activation " + activation.name() + "(" + String.join(", ", parameters) + ")",
        "    f(" + x + ") = " + activation.derivation().functionText(n -> n),
        "    f'(" + x + ") = " + activation.derivation().derivativeText(n -> n));
  }

  static long parameterCount(Network network) {
    return network.parameterCount();
  }
}
