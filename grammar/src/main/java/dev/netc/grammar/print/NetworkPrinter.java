package dev.netc.grammar.print;

import dev.netc.grammar.model.Activation;
import dev.netc.grammar.model.ActivationCall;
import dev.netc.grammar.model.Clip;
import dev.netc.grammar.model.ConvLayer;
import dev.netc.grammar.model.DeclaredActivation;
import dev.netc.grammar.model.DenseLayer;
import dev.netc.grammar.model.FeatureLayer;
import dev.netc.grammar.model.Init;
import dev.netc.grammar.model.Layer;
import dev.netc.grammar.model.Matrix;
import dev.netc.grammar.model.Network;
import dev.netc.grammar.model.Optimizer;
import dev.netc.grammar.model.Padding;
import dev.netc.grammar.model.Parameter;
import dev.netc.grammar.model.PoolLayer;
import dev.netc.grammar.model.Precision;
import dev.netc.grammar.model.Regularizer;
import dev.netc.grammar.model.Vector;
import dev.netc.grammar.model.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The model back to {@code .nn} text: a whole file for one network, or the explicit {@code
 * weights}/{@code bias} body of one layer. Numbers are printed by {@link Literals#nnNumber} so that
 * the file reads back to the same bits in the network's precision.
 */
public final class NetworkPrinter {
  /** One level of indentation in written files. */
  public static final String INDENT = "    ";

  private NetworkPrinter() {}

  /**
   * A {@code .nn} file declaring {@code network}: the comment lines (without {@code //}), the
   * package, then the statements in the order of the language spec. {@code init} and {@code
   * optimizer} are written only when they are not the language's defaults (an {@code init} is also
   * left out when every layer has explicit weights and bias); {@code precision} only for {@code
   * float}.
   *
   * @throws IllegalArgumentException if a weight or bias is NaN or infinite
   */
  public static String file(Network network, List<String> comments) {
    StringBuilder text = new StringBuilder();
    for (String comment : comments) {
      text.append(comment.isEmpty() ? "//" : "// " + comment).append('\n');
    }
    network.packageName().ifPresent(p -> text.append("package ").append(p).append(";\n"));
    if (text.length() > 0) {
      text.append('\n');
    }
    List<String> declarations = declarations(network);
    for (String declaration : declarations) {
      text.append(declaration).append('\n');
    }
    if (!declarations.isEmpty()) {
      text.append('\n');
    }
    text.append("network ").append(network.name()).append(" {\n");
    boolean allExplicit = true;
    if (network.features().isEmpty()) {
      text.append(INDENT).append("input ").append(network.inputSize()).append(";\n");
    } else {
      text.append(INDENT).append("input ").append(network.inputShape()).append(";\n");
    }
    for (FeatureLayer feature : network.features()) {
      text.append(INDENT).append(feature(feature));
      if (feature instanceof ConvLayer conv) {
        if (conv.weights().isPresent() || conv.bias().isPresent()) {
          text.append(' ').append(layerBody(conv, network.precision(), INDENT));
        } else {
          text.append(';');
        }
        allExplicit &= conv.weights().isPresent() && conv.bias().isPresent();
      } else {
        text.append(';');
      }
      text.append('\n');
    }
    for (DenseLayer layer : network.layers()) {
      text.append(INDENT)
          .append("dense ")
          .append(layer.units())
          .append(' ')
          .append(activation(layer));
      if (layer.dropout() > 0) {
        text.append(" dropout(").append(n(layer.dropout())).append(')');
      }
      if (!layer.name().equals("layer" + layer.number())) {
        text.append(" as ").append(layer.name());
      }
      if (layer.weights().isPresent() || layer.bias().isPresent()) {
        text.append(' ').append(layerBody(layer, network.precision(), INDENT));
      } else {
        text.append(';');
      }
      text.append('\n');
      allExplicit &= layer.weights().isPresent() && layer.bias().isPresent();
    }
    text.append(INDENT).append("loss ").append(network.loss().dslName()).append(";\n");
    if (!allExplicit && !network.init().equals(Init.DEFAULT)) {
      text.append(INDENT).append("init ").append(init(network.init())).append(";\n");
    }
    if (!network.optimizer().equals(Optimizer.DEFAULT)) {
      text.append(INDENT).append("optimizer ").append(optimizer(network.optimizer())).append(";\n");
    }
    network
        .regularizer()
        .ifPresent(
            r -> text.append(INDENT).append("regularize ").append(regularizer(r)).append(";\n"));
    network
        .clip()
        .ifPresent(c -> text.append(INDENT).append("clip ").append(clip(c)).append(";\n"));
    if (network.precision() == Precision.FLOAT) {
      text.append(INDENT).append("precision float;\n");
    }
    text.append("}\n");
    return text.toString();
  }

  /**
   * The layer body of {@code layer}'s explicit weights and bias, from the opening to the closing
   * brace, its items one level deeper than {@code indent} (the indentation of the {@code dense}
   * line), one matrix row per line.
   *
   * @throws IllegalArgumentException if a value is NaN or infinite
   */
  public static String layerBody(DenseLayer layer, Precision precision, String indent) {
    return layerBody(layer, layer.weights(), layer.bias(), precision, indent);
  }

  /**
   * The layer body of a convolution's explicit weights (one row per filter, in (ky, kx, c) order)
   * and bias, as {@link #layerBody(DenseLayer, Precision, String)} writes a dense layer's.
   *
   * @throws IllegalArgumentException if a value is NaN or infinite
   */
  public static String layerBody(ConvLayer layer, Precision precision, String indent) {
    return layerBody(layer, layer.weights(), layer.bias(), precision, indent);
  }

  private static String layerBody(
      Layer layer,
      Optional<Matrix> weights,
      Optional<Vector> bias,
      Precision precision,
      String indent) {
    boolean asFloat = precision == Precision.FLOAT;
    String inner = indent + INDENT;
    StringBuilder text = new StringBuilder("{\n");
    if (weights.isPresent()) {
      Matrix w = weights.get();
      text.append(inner).append("weights = [\n");
      for (int i = 0; i < w.rows(); i++) {
        List<String> row = new ArrayList<>(w.cols());
        for (int j = 0; j < w.cols(); j++) {
          row.add(number(w.get(i, j), asFloat, layer, "weight [" + i + "][" + j + "]"));
        }
        text.append(inner)
            .append(INDENT)
            .append('[')
            .append(String.join(", ", row))
            .append(']')
            .append(i + 1 < w.rows() ? ",\n" : "\n");
      }
      text.append(inner).append("];\n");
    }
    if (bias.isPresent()) {
      Vector b = bias.get();
      List<String> values = new ArrayList<>(b.size());
      for (int i = 0; i < b.size(); i++) {
        values.add(number(b.get(i), asFloat, layer, "bias [" + i + "]"));
      }
      text.append(inner).append("bias = [").append(String.join(", ", values)).append("];\n");
    }
    return text.append(indent).append('}').toString();
  }

  /**
   * The declarations of the file's own activations the network uses, {@code activation
   * scaled_tanh(x, a = 1.7159, b = 0.6667) = a * tanh(b * x);}, each once, in order of first use,
   * so that the written file compiles on its own; calls of other declared activations are written
   * inlined, as netc derived the function. The prelude's activations need no declaration.
   */
  private static List<String> declarations(Network network) {
    List<String> names = new ArrayList<>();
    List<String> declarations = new ArrayList<>();
    for (ActivationCall call : network.declaredActivations()) {
      DeclaredActivation a = call.activation();
      if (a.prelude() || names.contains(a.name())) {
        continue;
      }
      names.add(a.name());
      StringBuilder d = new StringBuilder("activation ").append(a.name()).append('(');
      d.append(a.input());
      for (Parameter p : a.parameters()) {
        d.append(", ").append(p.name());
        p.defaultValue().ifPresent(v -> d.append(" = ").append(Literals.nnNumber(v, false)));
      }
      d.append(") = ").append(a.derivation().functionText(name -> name)).append(';');
      declarations.add(d.toString());
    }
    return declarations;
  }

  /** The activation as a call: {@code tanh}, {@code leaky_relu(a = 0.2)}. */
  public static String activation(DenseLayer layer) {
    if (layer.declared().isPresent()) {
      return layer.declared().get().text();
    }
    return activation(layer.activation(), layer.activationParameter());
  }

  private static String activation(Activation f, double parameter) {
    if (!f.hasParameter()) {
      return f.dslName();
    }
    return f.dslName()
        + "("
        + f.parameters().get(0).name()
        + " = "
        + Literals.nnNumber(parameter, false)
        + ")";
  }

  /**
   * A convolution or pooling statement without its body or semicolon: {@code conv 6 5x5 relu stride
   * 2 padding same as edges}, {@code maxpool 2x2 stride 1}; the defaults (stride 1 of a
   * convolution, valid padding, a pooling stride equal to the window) are left out.
   */
  private static String feature(FeatureLayer feature) {
    Window window = feature.window();
    StringBuilder text = new StringBuilder();
    if (feature instanceof ConvLayer conv) {
      text.append("conv ")
          .append(conv.filters())
          .append(' ')
          .append(window.size())
          .append(' ')
          .append(
              conv.declared()
                  .map(ActivationCall::text)
                  .orElseGet(() -> activation(conv.activation(), conv.activationParameter())));
      if (window.strideY() != 1) {
        text.append(" stride ").append(window.strideY());
      }
      if (window.padding() != Padding.VALID) {
        text.append(" padding ").append(window.padding().dslName());
      }
      if (conv.dropout() > 0) {
        text.append(" dropout(").append(n(conv.dropout())).append(')');
      }
    } else {
      text.append(((PoolLayer) feature).kind().dslName()).append(' ').append(window.size());
      if (window.strideY() != window.height() || window.strideX() != window.width()) {
        text.append(" stride ").append(window.strideY());
      }
    }
    if (!feature.name().equals("layer" + feature.number())) {
      text.append(" as ").append(feature.name());
    }
    return text.toString();
  }

  private static String number(double value, boolean asFloat, Layer layer, String what) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(
          "layer "
              + layer.number()
              + " ("
              + layer.name()
              + "): "
              + what
              + " is "
              + value
              + ", which a .nn file cannot hold");
    }
    return Literals.nnNumber(value, asFloat);
  }

  private static String init(Init init) {
    if (init instanceof Init.Constant c) {
      return "constant(weights = " + n(c.weights()) + ", bias = " + n(c.bias()) + ")";
    } else if (init instanceof Init.Uniform u) {
      return "uniform(low = "
          + n(u.low())
          + ", high = "
          + n(u.high())
          + ", seed = "
          + u.seed()
          + ")";
    } else if (init instanceof Init.Xavier x) {
      return "xavier(seed = " + x.seed() + ")";
    }
    return "he(seed = " + ((Init.He) init).seed() + ")";
  }

  private static String optimizer(Optimizer optimizer) {
    if (optimizer instanceof Optimizer.Sgd s) {
      return "sgd(rate = "
          + n(s.rate())
          + ", momentum = "
          + n(s.momentum())
          + ", nesterov = "
          + (s.nesterov() ? 1 : 0)
          + ")";
    } else if (optimizer instanceof Optimizer.Adam a) {
      return "adam(rate = "
          + n(a.rate())
          + ", beta1 = "
          + n(a.beta1())
          + ", beta2 = "
          + n(a.beta2())
          + ", epsilon = "
          + n(a.epsilon())
          + ")";
    } else if (optimizer instanceof Optimizer.RmsProp r) {
      return "rmsprop(rate = "
          + n(r.rate())
          + ", rho = "
          + n(r.rho())
          + ", epsilon = "
          + n(r.epsilon())
          + ")";
    }
    Optimizer.AdaGrad a = (Optimizer.AdaGrad) optimizer;
    return "adagrad(rate = " + n(a.rate()) + ", epsilon = " + n(a.epsilon()) + ")";
  }

  private static String regularizer(Regularizer regularizer) {
    return "l2(" + n(((Regularizer.L2) regularizer).lambda()) + ")";
  }

  private static String clip(Clip clip) {
    return clip.kind().dslName() + "(" + n(clip.max()) + ")";
  }

  private static String n(double value) {
    return Literals.nnNumber(value, false);
  }
}
