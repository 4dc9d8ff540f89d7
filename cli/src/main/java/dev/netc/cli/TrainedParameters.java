package dev.netc.cli;

import dev.netc.grammar.model.ConvLayer;
import dev.netc.grammar.model.DenseLayer;
import dev.netc.grammar.model.FeatureLayer;
import dev.netc.grammar.model.Layer;
import dev.netc.grammar.model.Matrix;
import dev.netc.grammar.model.Network;
import dev.netc.grammar.model.Vector;
import dev.netc.runtime.network.CompiledNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A network's model holding the current parameters of its compiled instance as explicit weights and
 * biases: what {@code train --out-nn} writes and {@code export} turns into ONNX.
 */
final class TrainedParameters {
  private TrainedParameters() {}

  /**
   * {@code model} with every layer's weights and bias taken from {@code net} (an instance of the
   * class generated from {@code model}); a NaN or infinite parameter is an input error.
   */
  static Network of(Network model, CompiledNetwork net) {
    List<FeatureLayer> features = new ArrayList<>();
    for (FeatureLayer f : model.features()) {
      if (!(f instanceof ConvLayer l)) {
        features.add(f);
        continue;
      }
      double[] w = net.weights(l.number()).toArray();
      double[] b = net.bias(l.number()).toArray();
      checkFinite(model, l, w, "weights");
      checkFinite(model, l, b, "bias");
      features.add(
          new ConvLayer(
              l.number(),
              l.name(),
              l.input(),
              l.filters(),
              l.window(),
              l.activation(),
              l.activationParameter(),
              l.dropout(),
              Optional.of(Matrix.of(l.filters(), l.fanIn(), w)),
              Optional.of(Vector.of(b)),
              l.span(),
              l.declared()));
    }
    List<DenseLayer> layers = new ArrayList<>();
    for (DenseLayer l : model.layers()) {
      double[] w = net.weights(l.number()).toArray();
      double[] b = net.bias(l.number()).toArray();
      checkFinite(model, l, w, "weights");
      checkFinite(model, l, b, "bias");
      layers.add(
          l.withParameters(
              Optional.of(Matrix.of(l.units(), l.inputs(), w)), Optional.of(Vector.of(b))));
    }
    return new Network(
        model.name(),
        model.packageName(),
        model.sourceName(),
        model.inputShape(),
        features,
        layers,
        model.loss(),
        model.init(),
        model.optimizer(),
        model.regularizer(),
        model.clip(),
        model.precision(),
        model.span());
  }

  private static void checkFinite(Network model, Layer layer, double[] values, String what) {
    for (double v : values) {
      if (!Double.isFinite(v)) {
        throw CommandFailure.input(
            model.name()
                + ": layer "
                + layer.number()
                + " ("
                + layer.name()
                + ") has a "
                + (Double.isNaN(v) ? "NaN" : "infinite")
                + " value in its "
                + what
                + " (training diverged); a .nn or ONNX file cannot hold it. Train again with a"
                + " smaller --rate, --scale standard or a clip in the .nn file");
      }
    }
  }
}
