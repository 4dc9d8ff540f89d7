package dev.netc.cli;

import dev.netc.runtime.init.NetcRandom;
import dev.netc.runtime.network.CompiledNetwork;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code netc bench FILE.nn}: training and prediction throughput of the generated class on random
 * data. A quick look, not a benchmark: the JMH benchmarks in {@code benchmarks/} are the
 * measurements to quote.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Compiles the network and measures the throughput of its generated class on random data:"
          + " training steps (one example per step) and predictions, in examples per second.",
      "A warm-up round runs first; for careful figures use the JMH benchmarks of the project."
    })
final class BenchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin NetworkOptions network;

  @Option(
      names = "--seconds",
      paramLabel = "S",
      defaultValue = "2",
      description = "Measured time per phase, after as long a warm-up (default: ${DEFAULT-VALUE}).")
  double seconds;

  @Option(
      names = "--examples",
      paramLabel = "N",
      defaultValue = "1000",
      description = "Random examples cycled through (default: ${DEFAULT-VALUE}).")
  int examples;

  @Override
  public Integer call() {
    if (!(seconds > 0)) {
      throw CommandFailure.input("--seconds " + seconds + ": give a positive duration");
    }
    if (examples < 1) {
      throw CommandFailure.input("--examples " + examples + ": give at least 1 example");
    }
    PrintWriter out = spec.commandLine().getOut();
    LoadedNetwork loaded = network.load(spec.commandLine().getErr());
    CompiledNetwork instance = loaded.newInstance();
    NetcRandom random = new NetcRandom(1);
    double[][] inputs = RandomData.inputs(instance, examples, random);
    double[][] targets = RandomData.targets(instance, examples, random);
    double[] output = new double[instance.outputSize()];
    // A small rate keeps random targets from driving the parameters to overflow.
    instance.setLearningRate(Math.min(instance.learningRate(), 1e-4));

    out.println(
        "bench "
            + loaded.model().name()
            + " ("
            + loaded.model().topology()
            + ", "
            + Formats.count(CheckCommand.parameterCount(loaded.model()))
            + " parameters, "
            + loaded.model().precision().dslName()
            + ")");
    out.flush();
    long nanos = (long) (seconds * 1e9);
    Phase train = (i) -> instance.trainStep(inputs[i], targets[i]);
    Phase predict =
        (i) -> {
          instance.predict(inputs[i], output);
          return output[0];
        };
    run(train, nanos, examples);
    out.println(
        "  training:   "
            + Formats.count(Math.round(run(train, nanos, examples)))
            + " examples/s (one example per step)");
    out.flush();
    run(predict, nanos, examples);
    out.println(
        "  prediction: "
            + Formats.count(Math.round(run(predict, nanos, examples)))
            + " examples/s");
    out.flush();
    return ExitCode.OK;
  }

  /** One call on example {@code i}; returns a value so the JIT cannot drop the work. */
  private interface Phase {
    double apply(int i);
  }

  /** Examples per second of {@code phase} over about {@code nanos}. */
  private static double run(Phase phase, long nanos, int examples) {
    long start = System.nanoTime();
    long done = 0;
    double sink = 0;
    long elapsed;
    do {
      for (int i = 0; i < examples; i++) {
        sink += phase.apply(i);
      }
      done += examples;
      elapsed = System.nanoTime() - start;
    } while (elapsed < nanos);
    if (sink == 42.4242) {
      System.err.print("");
    }
    return done * 1e9 / elapsed;
  }
}
