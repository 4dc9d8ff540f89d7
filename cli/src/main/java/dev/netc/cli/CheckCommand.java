package dev.netc.cli;

import dev.netc.generator.CheckResult;
import dev.netc.grammar.model.Network;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
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
      "Prints one line per network of a file without errors."
    })
final class CheckCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE.nn", description = "The files to check.")
  List<Path> files;

  @Option(
      names = "--explain",
      description = "Also prints, for each network, every layer's output shape and parameter count.")
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
    out.flush();
    return ExitCode.OK;
  }

  static long parameterCount(Network network) {
    return network.parameterCount();
  }
}
