package dev.netc.generator;

import dev.netc.runtime.network.CompiledNetwork;
import dev.netc.runtime.network.DropoutNetwork;
import dev.netc.runtime.network.NetworkSpec;
import dev.netc.runtime.network.ParameterTensor;
import java.util.List;

/**
 * A generated network whose batch methods (one row at a time) and whole-gradient passes by parts
 * (all in part 0) are the interface's defaults, as for a class written before them; the per-example
 * methods are the generated class's. A trainer that trains it computes what it computed before
 * those methods existed.
 */
class InterfaceDefaults implements CompiledNetwork {
  final CompiledNetwork net;

  private InterfaceDefaults(CompiledNetwork net) {
    this.net = net;
  }

  /** {@code net} behind the abstract methods; a {@link DropoutNetwork} if {@code net} is one. */
  static CompiledNetwork of(CompiledNetwork net) {
    return net instanceof DropoutNetwork d ? new WithDropout(d) : new InterfaceDefaults(net);
  }

  /** The same for a network with dropout: the mask keys pass through. */
  private static final class WithDropout extends InterfaceDefaults implements DropoutNetwork {
    WithDropout(DropoutNetwork net) {
      super(net);
    }

    @Override
    public void dropoutKey(long key) {
      ((DropoutNetwork) net).dropoutKey(key);
    }

    @Override
    public long dropoutKey() {
      return ((DropoutNetwork) net).dropoutKey();
    }
  }

  @Override
  public NetworkSpec spec() {
    return net.spec();
  }

  @Override
  public int inputSize() {
    return net.inputSize();
  }

  @Override
  public int outputSize() {
    return net.outputSize();
  }

  @Override
  public void predict(double[] input, double[] output) {
    net.predict(input, output);
  }

  @Override
  public int classify(double[] input) {
    return net.classify(input);
  }

  @Override
  public double loss(double[] input, double[] target) {
    return net.loss(input, target);
  }

  @Override
  public double accumulateGradient(double[] input, double[] target) {
    return net.accumulateGradient(input, target);
  }

  @Override
  public double accumulateGradient(double[] input, double[] target, double weight) {
    return net.accumulateGradient(input, target, weight);
  }

  @Override
  public double trainStep(double[] input, double[] target) {
    return net.trainStep(input, target);
  }

  @Override
  public double trainStep(double[] input, double[] target, double weight) {
    return net.trainStep(input, target, weight);
  }

  @Override
  public void applyGradient(double scale) {
    net.applyGradient(scale);
  }

  @Override
  public void clearGradient() {
    net.clearGradient();
  }

  @Override
  public void addGradientFrom(CompiledNetwork other) {
    net.addGradientFrom(((InterfaceDefaults) other).net);
  }

  @Override
  public List<ParameterTensor> parameters() {
    return net.parameters();
  }

  @Override
  public List<ParameterTensor> gradients() {
    return net.gradients();
  }

  @Override
  public List<ParameterTensor> optimizerState() {
    return net.optimizerState();
  }

  @Override
  public long optimizerSteps() {
    return net.optimizerSteps();
  }

  @Override
  public void setOptimizerSteps(long steps) {
    net.setOptimizerSteps(steps);
  }

  @Override
  public List<String> hyperparameterNames() {
    return net.hyperparameterNames();
  }

  @Override
  public double hyperparameter(String name) {
    return net.hyperparameter(name);
  }

  @Override
  public void setHyperparameter(String name, double value) {
    net.setHyperparameter(name, value);
  }

  @Override
  public void initialize() {
    net.initialize();
  }

  @Override
  public CompiledNetwork copy() {
    return of(net.copy());
  }
}
