package dev.netc.generator;

import dev.netc.grammar.FrontEndResult;
import dev.netc.grammar.NetcFrontEnd;
import dev.netc.grammar.model.Activation;
import dev.netc.grammar.model.Clip;
import dev.netc.grammar.model.DenseLayer;
import dev.netc.grammar.model.Init;
import dev.netc.grammar.model.Loss;
import dev.netc.grammar.model.Matrix;
import dev.netc.grammar.model.Network;
import dev.netc.grammar.model.Optimizer;
import dev.netc.grammar.model.Precision;
import dev.netc.grammar.model.Regularizer;
import dev.netc.grammar.model.Span;
import dev.netc.grammar.model.Vector;
import dev.netc.grammar.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds checked network models in code, as the front end would, for tests. */
final class Nets {
  private final String name;
  private final int input;
  private final List<DenseLayer> layers = new ArrayList<>();
  private Loss loss = Loss.SQUARED_ERROR;
  private Init init = Init.DEFAULT;
  private Optimizer optimizer = Optimizer.DEFAULT;
  private Optional<Regularizer> regularizer = Optional.empty();
  private Optional<Clip> clip = Optional.empty();
  private Precision precision = Precision.DOUBLE;
  private String packageName = "test.nets";

  private Nets(String name, int input) {
    this.name = name;
    this.input = input;
  }

  static Nets network(String name, int input) {
    return new Nets(name, input);
  }

  /**
   * The one network of {@code text} (a {@code .nn} file), checked by the front end: for networks
   * with convolution and pooling layers, which are shorter to write in the language.
   */
  static Network parse(String text) {
    FrontEndResult result = NetcFrontEnd.check(new SourceFile("test.nn", text));
    if (result.hasErrors() || result.model().isEmpty()) {
      throw new IllegalArgumentException(result.diagnostics() + "\n" + text);
    }
    return result.model().get().networks().get(0);
  }

  Nets dense(int units, Activation activation) {
    double a =
        activation == Activation.LEAKY_RELU
            ? 0.01
            : activation == Activation.ELU ? 1.0 : Double.NaN;
    return dense(units, activation, a);
  }

  Nets dense(int units, Activation activation, double parameter) {
    int inputs = layers.isEmpty() ? input : layers.get(layers.size() - 1).units();
    int number = layers.size() + 1;
    layers.add(
        new DenseLayer(
            number,
            "layer" + number,
            units,
            inputs,
            activation,
            parameter,
            Optional.empty(),
            Optional.empty(),
            Span.NONE));
    return this;
  }

  /** A dense layer with explicit weights (rows = units) and bias. */
  Nets dense(Activation activation, double[][] weights, double[] bias) {
    int inputs = layers.isEmpty() ? input : layers.get(layers.size() - 1).units();
    int number = layers.size() + 1;
    double[] flat = new double[weights.length * inputs];
    for (int i = 0; i < weights.length; i++) {
      System.arraycopy(weights[i], 0, flat, i * inputs, inputs);
    }
    double a =
        activation == Activation.LEAKY_RELU
            ? 0.01
            : activation == Activation.ELU ? 1.0 : Double.NaN;
    layers.add(
        new DenseLayer(
            number,
            "layer" + number,
            weights.length,
            inputs,
            activation,
            a,
            Optional.of(Matrix.of(weights.length, inputs, flat)),
            bias == null ? Optional.empty() : Optional.of(Vector.of(bias)),
            Span.NONE));
    return this;
  }

  /** Dropout with {@code rate} on the last layer added so far. */
  Nets dropout(double rate) {
    DenseLayer l = layers.remove(layers.size() - 1);
    layers.add(
        new DenseLayer(
            l.number(),
            l.name(),
            l.units(),
            l.inputs(),
            l.activation(),
            l.activationParameter(),
            rate,
            l.weights(),
            l.bias(),
            l.span(),
            l.declared()));
    return this;
  }

  Nets loss(Loss value) {
    this.loss = value;
    return this;
  }

  Nets init(Init value) {
    this.init = value;
    return this;
  }

  Nets optimizer(Optimizer value) {
    this.optimizer = value;
    return this;
  }

  Nets l2(double lambda) {
    this.regularizer = Optional.of(new Regularizer.L2(lambda));
    return this;
  }

  Nets clip(Clip value) {
    this.clip = Optional.of(value);
    return this;
  }

  Nets precision(Precision value) {
    this.precision = value;
    return this;
  }

  Nets inPackage(String value) {
    this.packageName = value;
    return this;
  }

  /** {@code network} under another name and precision. */
  static Network rename(Network network, String name, Precision precision) {
    return new Network(
        name,
        network.packageName(),
        network.sourceName(),
        network.inputShape(),
        network.features(),
        network.layers(),
        network.loss(),
        network.init(),
        network.optimizer(),
        network.regularizer(),
        network.clip(),
        precision,
        network.span());
  }

  Network build() {
    return new Network(
        name,
        Optional.of(packageName),
        name.toLowerCase() + ".nn",
        input,
        layers,
        loss,
        init,
        optimizer,
        regularizer,
        clip,
        precision,
        Span.NONE);
  }
}
