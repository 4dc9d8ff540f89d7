package dev.netc.cli;

import dev.netc.runtime.init.NetcRandom;
import dev.netc.runtime.network.CompiledNetwork;
import dev.netc.runtime.network.GradientCheck;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code netc gradcheck FILE.nn}: the numerical gradient check of the generated class, the
 * runtime's {@link GradientCheck} on a few random examples (its tolerances for the network's
 * precision, at most {@link #MAX_CHECKED} entries per tensor, evenly spread), printed as a table
 * per layer.
 */
@Command(
    name = "gradcheck",
    mixinStandardHelpOptions = true,
    description = {
      "Compiles the network and checks the gradient of its generated backward pass against"
          + " central differences of the loss (plus the l2 term), on random examples, for every"
          + " weight and bias (at most 2000 entries per tensor, evenly spread).",
      "Prints a table per layer; exits with 4 if a gradient is off (a bug in netc: please report"
          + " it)."
    })
final class GradcheckCommand implements Callable<Integer> {
  /** At most this many entries of one tensor are checked (evenly spread over it). */
  static final int MAX_CHECKED = 2000;

  @Spec CommandSpec spec;

  @Mixin NetworkOptions network;

  @Option(
      names = "--examples",
      paramLabel = "N",
      defaultValue = "4",
      description =
          "Random examples whose summed loss is differentiated (default: ${DEFAULT-VALUE}).")
  int examples;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "1",
      description = "Seed of the random examples (default: ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (examples < 1) {
      throw CommandFailure.input("--examples " + examples + ": give at least 1 example");
    }
    LoadedNetwork loaded = network.load(spec.commandLine().getErr());
    CompiledNetwork instance = loaded.newInstance();
    NetcRandom random = new NetcRandom(seed);
    double[][] inputs = RandomData.inputs(instance, examples, random);
    double[][] targets = RandomData.targets(instance, examples, random);
    List<GradientCheck.TensorResult> results =
        GradientCheck.checkTensors(
            instance,
            inputs,
            targets,
            GradientCheck.Options.forNetwork(instance).withMaxPerTensor(MAX_CHECKED));
    out.println(
        "gradient check of "
            + loaded.model().name()
            + " ("
            + loaded.model().topology()
            + ", loss "
            + loaded.model().loss().dslName()
            + ", "
            + loaded.model().precision().dslName()
            + ") on "
            + Diagnostics.plural(examples, "random example")
            + ":");
    String layer = "";
    boolean allPassed = true;
    for (GradientCheck.TensorResult result : results) {
      String layerName =
          result.name().contains(".")
              ? result.name().substring(0, result.name().lastIndexOf('.'))
              : result.name();
      if (!layerName.equals(layer)) {
        layer = layerName;
        out.println();
        out.println(layer);
        out.println(
            String.format(
                Locale.ROOT,
                "  %-10s %8s %8s %12s %12s  %s",
                "parameter",
                "size",
                "checked",
                "max abs err",
                "max rel err",
                "result"));
      }
      out.println(
          String.format(
              Locale.ROOT,
              "  %-10s %8d %8d %12.2e %12.2e  %s",
              result.name().substring(result.name().lastIndexOf('.') + 1),
              result.size(),
              result.checked(),
              result.maxAbsError(),
              result.maxRelError(),
              result.passed() ? "ok" : "FAILED"));
      if (!result.passed()) {
        out.println("    worst entry " + result.worst());
      }
      allPassed &= result.passed();
    }
    out.println();
    out.println(
        allPassed
            ? "ok: every gradient matches its central difference"
            : "FAILED: some gradients differ from their central differences");
    out.flush();
    if (!allPassed) {
      spec.commandLine()
          .getErr()
          .println(
              "netc: the gradient check failed for "
                  + loaded.model().name()
                  + "; this is a bug in netc's generated code, please report it"
                  + " with the .nn file");
      return ExitCode.INTERNAL;
    }
    return ExitCode.OK;
  }
}
