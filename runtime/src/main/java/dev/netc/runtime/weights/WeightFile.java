package dev.netc.runtime.weights;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.data.Preprocessor;
import dev.netc.runtime.data.Scaler;
import dev.netc.runtime.network.CompiledNetwork;
import dev.netc.runtime.network.NetworkSpec;
import dev.netc.runtime.network.ParameterLayout;
import dev.netc.runtime.network.ParameterTensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The trained parameters of a network, with what prediction needs besides them (class names,
 * feature names, feature scaling, and for networks trained on a CSV table the {@link Preprocessor}
 * that encodes its raw rows), as a JSON file. The format ({@code docs/weight-file.md}):
 *
 * <pre>
 * {
 *   "format": "netc-weights",
 *   "version": 2,
 *   "network": "IrisNet",
 *   "fingerprint": "3f5c...",            (SHA-256 of the topology, from the generated class)
 *   "topology": "4 -> 8 tanh -> 3 softmax",
 *   "input": 4, "loss": "cross_entropy", "precision": "double",
 *   "layers": [
 *     {"name": "layer1", "activation": "tanh", "units": 8, "inputs": 4,
 *      "weights": [[w11, w12, w13, w14], ...],   (one row per unit: W[i][j], as in the language)
 *      "bias": [b1, ..., b8]},
 *     ...
 *   ],
 *   "classes": ["setosa", "versicolor", "virginica"],   (empty for regression)
 *   "features": ["sepal_length_cm", ...],
 *   "scaling": {"kind": "standard", "offset": [...], "scale": [...]},  (or null)
 *   "preprocessing": {"label": "species", "targets": [], "ignored": ["rowid"],   (or null)
 *     "columns": [{"name": "island", "type": "categorical", "values": ["Biscoe", ...]},
 *                 {"name": "bill_length_mm", "type": "numeric", "fill": 43.92}, ...]}
 * }
 * </pre>
 *
 * <p>Every double is written as the shortest decimal that reads back as the same double, so a file
 * written and read back gives the same parameters bit for bit. {@link #read} parses and checks the
 * whole file before returning; {@link #applyTo} checks the fingerprint and every shape against the
 * network before it sets anything, so a bad file never leaves a network half-loaded. {@link #write}
 * is atomic.
 */
public final class WeightFile {
  /** The value of the {@code format} field. */
  public static final String FORMAT = "netc-weights";

  /**
   * The version this runtime writes and the newest it reads: 2 added {@code "preprocessing"};
   * version 1 files still load (without a preprocessor).
   */
  public static final int VERSION = 2;

  private final String network;
  private final String fingerprint;
  private final int inputSize;
  private final String loss;
  private final String precision;
  private final List<Layer> layers;
  private final List<String> classNames;
  private final List<String> featureNames;
  private final Scaler scaler;
  private final Preprocessor preprocessor;

  /**
   * One layer's parameters: a dense layer, or a convolution (a row per filter, its {@code kh * kw *
   * channels} weights in (ky, kx, c) order; written with {@code "kind": "conv"}). Pooling layers
   * have none and are not listed.
   *
   * @param name the layer's name ({@code as NAME}, else {@code layer1}, ...)
   * @param kind {@code dense} or {@code conv}
   * @param activation the activation as in the language, with its parameter if it has one ({@code
   *     tanh}, {@code leaky_relu(0.2)})
   * @param weights one row per unit, one column per unit of the layer below
   * @param bias one value per unit
   */
  public record Layer(
      String name, String kind, String activation, double[][] weights, double[] bias) {

    /** The kind of a convolution layer; dense layers are {@code "dense"}. */
    public static final String CONV = "conv";

    /** A dense layer's parameters. */
    public Layer(String name, String activation, double[][] weights, double[] bias) {
      this(name, "dense", activation, weights, bias);
    }

    /** True for a convolution layer. */
    public boolean isConv() {
      return kind.equals(CONV);
    }

    /** Number of units (rows). */
    public int units() {
      return weights.length;
    }

    /** Number of inputs (columns). */
    public int inputs() {
      return weights.length == 0 ? 0 : weights[0].length;
    }
  }

  /** A weight file's content; see {@link #capture} for the usual way to make one. */
  public WeightFile(
      String network,
      String fingerprint,
      int inputSize,
      String loss,
      String precision,
      List<Layer> layers,
      List<String> classNames,
      List<String> featureNames,
      Scaler scaler) {
    this(
        network,
        fingerprint,
        inputSize,
        loss,
        precision,
        layers,
        classNames,
        featureNames,
        scaler,
        null);
  }

  /**
   * A weight file's content with the preprocessing of raw rows ({@code preprocessor} may be null;
   * else its class names, encoded feature names, scaling and width must be this file's).
   */
  public WeightFile(
      String network,
      String fingerprint,
      int inputSize,
      String loss,
      String precision,
      List<Layer> layers,
      List<String> classNames,
      List<String> featureNames,
      Scaler scaler,
      Preprocessor preprocessor) {
    if (preprocessor != null
        && (preprocessor.width() != inputSize
            || !preprocessor.classNames().equals(classNames)
            || !preprocessor.featureNames().equals(featureNames)
            || !preprocessor.scaler().equals(Optional.ofNullable(scaler)))) {
      throw new IllegalArgumentException(
          "the preprocessor ("
              + preprocessor
              + ", classes "
              + preprocessor.classNames()
              + ") does not match the file's input "
              + inputSize
              + ", classes "
              + classNames
              + ", features and scaling");
    }
    this.preprocessor = preprocessor;
    this.network = network;
    this.fingerprint = fingerprint;
    this.inputSize = inputSize;
    this.loss = loss;
    this.precision = precision;
    this.layers = List.copyOf(layers);
    this.classNames = List.copyOf(classNames);
    this.featureNames = List.copyOf(featureNames);
    this.scaler = scaler;
  }

  /**
   * The current parameters of {@code net}, with the class and feature names of the data it was
   * trained on and the scaling fitted on that data ({@code scaler} may be null).
   */
  public static WeightFile capture(CompiledNetwork net, Dataset trainingData, Scaler scaler) {
    return capture(net, trainingData.classNames(), trainingData.featureNames(), scaler);
  }

  /**
   * The current parameters of {@code net}, with the preprocessing of the raw training table (its
   * class names, encoded feature names and scaling become the file's).
   */
  public static WeightFile capture(CompiledNetwork net, Preprocessor preprocessor) {
    return capture(
            net,
            preprocessor.classNames(),
            preprocessor.featureNames(),
            preprocessor.scaler().orElse(null))
        .withPreprocessor(preprocessor);
  }

  /** This file's content with {@code value} as its preprocessing (see the constructor). */
  public WeightFile withPreprocessor(Preprocessor value) {
    return new WeightFile(
        network,
        fingerprint,
        inputSize,
        loss,
        precision,
        layers,
        classNames,
        featureNames,
        scaler,
        value);
  }

  /**
   * The current parameters of {@code net} with the given names and scaling ({@code scaler} may be
   * null).
   */
  public static WeightFile capture(
      CompiledNetwork net, List<String> classNames, List<String> featureNames, Scaler scaler) {
    NetworkSpec spec = net.spec();
    List<Layer> layers = new ArrayList<>();
    List<NetworkSpec.LayerSpec> specs = spec.parameterLayers();
    for (int l = 0; l < specs.size(); l++) {
      ParameterTensor w = ParameterLayout.weights(net.parameters(), l + 1);
      ParameterTensor b = ParameterLayout.bias(net.parameters(), l + 1);
      double[][] rows = new double[w.rows()][w.cols()];
      for (int i = 0; i < w.rows(); i++) {
        for (int j = 0; j < w.cols(); j++) {
          rows[i][j] = w.get(i, j);
        }
      }
      String kind = l < convolutions(spec) ? Layer.CONV : "dense";
      layers.add(new Layer(specs.get(l).name(), kind, activation(specs.get(l)), rows, b.toArray()));
    }
    return new WeightFile(
        spec.name(),
        spec.fingerprint(),
        spec.inputSize(),
        spec.loss(),
        spec.precision(),
        layers,
        classNames,
        featureNames,
        scaler);
  }

  /** The number of convolution layers of {@code spec} (they come first among its parameters). */
  private static int convolutions(NetworkSpec spec) {
    return (int) spec.features().stream().filter(NetworkSpec.FeatureSpec::hasParameters).count();
  }

  /** An activation as the weight file writes it: {@code tanh}, {@code leaky_relu(0.2)}. */
  static String activation(NetworkSpec.LayerSpec layer) {
    if (Double.isNaN(layer.activationParameter())) {
      return layer.activation();
    }
    return layer.activation() + "(" + layer.activationParameter() + ")";
  }

  /** The network's name. */
  public String network() {
    return network;
  }

  /** The SHA-256 of the topology the parameters belong to. */
  public String fingerprint() {
    return fingerprint;
  }

  /** Width of the input. */
  public int inputSize() {
    return inputSize;
  }

  /** The loss's name. */
  public String loss() {
    return loss;
  }

  /** {@code double} or {@code float}. */
  public String precision() {
    return precision;
  }

  /** The layers, input side first. */
  public List<Layer> layers() {
    return layers;
  }

  /** Class names in the order of the outputs; empty for regression. */
  public List<String> classNames() {
    return classNames;
  }

  /** Feature names in input order (may be empty). */
  public List<String> featureNames() {
    return featureNames;
  }

  /** The feature scaling to apply before prediction, if any. */
  public Optional<Scaler> scaler() {
    return Optional.ofNullable(scaler);
  }

  /**
   * What turns a raw row of the training table's columns into the network's input, and outputs into
   * class names; empty for files of version 1 and networks not trained on a CSV table.
   */
  public Optional<Preprocessor> preprocessor() {
    return Optional.ofNullable(preprocessor);
  }

  /** The topology in one line, {@code 4 -> 8 tanh -> 3 softmax}. */
  public String topology() {
    StringBuilder text = new StringBuilder().append(inputSize);
    for (Layer layer : layers) {
      text.append(" -> ").append(layer.units()).append(' ').append(layer.activation());
    }
    return text.toString();
  }

  /** Writes this file atomically (temporary file, then rename). */
  public void write(Path file) throws IOException {
    JsonFiles.writeAtomically(file, toJson());
  }

  /** The JSON text. */
  public String toJson() {
    ObjectNode root = JsonFiles.mapper().createObjectNode();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    root.put("network", network);
    root.put("fingerprint", fingerprint);
    root.put("topology", topology());
    root.put("input", inputSize);
    root.put("loss", loss);
    root.put("precision", precision);
    ArrayNode layerArray = root.putArray("layers");
    for (Layer layer : layers) {
      ObjectNode node = layerArray.addObject();
      node.put("name", layer.name());
      if (layer.isConv()) {
        node.put("kind", Layer.CONV);
      }
      node.put("activation", layer.activation());
      node.put("units", layer.units());
      node.put("inputs", layer.inputs());
      ArrayNode rows = node.putArray("weights");
      for (double[] row : layer.weights()) {
        rows.add(finite(JsonFiles.array(row), layer.name() + ".weights"));
      }
      node.set("bias", finite(JsonFiles.array(layer.bias()), layer.name() + ".bias"));
    }
    ArrayNode classes = root.putArray("classes");
    classNames.forEach(classes::add);
    ArrayNode features = root.putArray("features");
    featureNames.forEach(features::add);
    if (scaler == null) {
      root.putNull("scaling");
    } else {
      ObjectNode scaling = root.putObject("scaling");
      scaling.put("kind", scaler.kind().spelling());
      scaling.set("offset", JsonFiles.array(scaler.offsets()));
      scaling.set("scale", JsonFiles.array(scaler.scales()));
    }
    if (preprocessor == null) {
      root.putNull("preprocessing");
    } else {
      root.set("preprocessing", PreprocessingJson.write(preprocessor));
    }
    return JsonFiles.toJson(root);
  }

  private static ArrayNode finite(ArrayNode values, String name) {
    for (JsonNode v : values) {
      if (!Double.isFinite(v.doubleValue())) {
        throw new IllegalStateException(
            name + " holds " + v.doubleValue() + ": a diverged network cannot be saved");
      }
    }
    return values;
  }

  /**
   * Reads and checks a whole weight file: format, version, and that every layer's shapes fit
   * together. Raises {@link WeightFileException} with the file name and the place in the JSON.
   */
  public static WeightFile read(Path file) {
    String name = file.toString();
    JsonNode root = JsonFiles.read(file, "a netc weight file");
    JsonFiles.Fields f = new JsonFiles.Fields(name);
    String format = root.path("format").asText(null);
    if ("netc-checkpoint".equals(format)) {
      throw new WeightFileException(
          name,
          "is a training checkpoint, not a weight file (resume "
              + "training from it, or use the weight file written at the end of training)");
    }
    if (!FORMAT.equals(format)) {
      throw new WeightFileException(
          name,
          "is not a netc weight file (expected \"format\": \""
              + FORMAT
              + "\""
              + (format == null ? "" : ", found \"" + format + "\"")
              + ")");
    }
    int version = f.integer(root, "version");
    if (version > VERSION || version < 1) {
      throw new WeightFileException(
          name,
          "has format version "
              + version
              + "; this netc reads "
              + "versions 1 to "
              + VERSION
              + (version > VERSION ? " (written by a newer netc: upgrade)" : ""));
    }
    int input = f.integer(root, "input");
    List<Layer> layers = new ArrayList<>();
    JsonNode layerArray = f.array(root, "layers");
    if (layerArray.isEmpty()) {
      throw new WeightFileException(
          name, "\"layers\" is empty (expected one entry per dense layer)");
    }
    // with convolution layers, each layer's rows are as long as its own "inputs" (a filter's
    // weights; the first dense layer reads the last feature layer flattened); else as the layer
    // below has units
    boolean convolutional = false;
    for (JsonNode node : layerArray) {
      convolutional |= Layer.CONV.equals(node.path("kind").asText("dense"));
    }
    int below = input;
    for (int l = 0; l < layerArray.size(); l++) {
      String where = "layers[" + l + "]";
      JsonNode node = layerArray.get(l);
      String layerName = f.text(node, where, "name");
      String kind = node.path("kind").asText("dense");
      if (convolutional) {
        below = f.integer(node, "inputs");
      }
      JsonNode rows = f.array(node, where + ".weights", "weights");
      double[][] weights = new double[rows.size()][];
      for (int i = 0; i < rows.size(); i++) {
        weights[i] = f.numbers(rows.get(i), where + ".weights[" + i + "]");
        if (weights[i].length != below) {
          throw new WeightFileException(
              name,
              where
                  + " ('"
                  + layerName
                  + "'): row "
                  + i
                  + " of \"weights\" has "
                  + weights[i].length
                  + " values, expected "
                  + below
                  + (convolutional
                      ? " (the layer's \"inputs\")"
                      : " (the units of the layer below)")
                  + "; the file is damaged");
        }
      }
      double[] bias = f.numbers(f.array(node, where + ".bias", "bias"), where + ".bias");
      if (bias.length != weights.length) {
        throw new WeightFileException(
            name,
            where
                + " ('"
                + layerName
                + "'): \"bias\" has "
                + bias.length
                + " values but \"weights\" has "
                + weights.length
                + " rows; the file is damaged");
      }
      layers.add(new Layer(layerName, kind, f.text(node, where, "activation"), weights, bias));
      below = weights.length;
    }
    Scaler scaler = null;
    JsonNode scaling = root.path("scaling");
    if (scaling.isObject()) {
      Scaler.Kind kind;
      try {
        kind = Scaler.Kind.of(f.text(scaling, "scaling", "kind"));
      } catch (IllegalArgumentException e) {
        throw new WeightFileException(name, "scaling: " + e.getMessage());
      }
      double[] offset = f.numbers(f.array(scaling, "scaling.offset", "offset"), "scaling.offset");
      double[] scale = f.numbers(f.array(scaling, "scaling.scale", "scale"), "scaling.scale");
      if (offset.length != input || scale.length != input) {
        throw new WeightFileException(
            name,
            "scaling has "
                + offset.length
                + " offsets and "
                + scale.length
                + " scales, expected "
                + input
                + " (the input width)");
      }
      scaler = new Scaler(kind, offset, scale);
    } else if (!scaling.isMissingNode() && !scaling.isNull()) {
      throw new WeightFileException(name, "\"scaling\" must be an object or null");
    }
    List<String> classes = f.texts(root, "classes");
    if (!classes.isEmpty() && classes.size() != below) {
      throw new WeightFileException(
          name, "has " + classes.size() + " class names for " + below + " outputs");
    }
    List<String> features = f.texts(root, "features");
    Preprocessor preprocessor = null;
    JsonNode preprocessing = root.path("preprocessing");
    if (version >= 2 && preprocessing.isObject()) {
      preprocessor = PreprocessingJson.read(preprocessing, f, name, classes);
      if (preprocessor.width() != input || !preprocessor.featureNames().equals(features)) {
        throw new WeightFileException(
            name,
            "\"preprocessing\" encodes "
                + preprocessor.width()
                + " inputs ("
                + String.join(", ", preprocessor.featureNames())
                + ") but the file has"
                + " input "
                + input
                + " and features "
                + String.join(", ", features)
                + "; the file is damaged");
      }
      preprocessor = preprocessor.withScaler(scaler);
    } else if (!preprocessing.isMissingNode() && !preprocessing.isNull()) {
      throw new WeightFileException(name, "\"preprocessing\" must be an object or null");
    }
    return new WeightFile(
        f.text(root, "", "network"),
        f.text(root, "", "fingerprint"),
        input,
        f.text(root, "", "loss"),
        f.text(root, "", "precision"),
        layers,
        classes,
        features,
        scaler,
        preprocessor);
  }

  /** Reads {@code file}, checks it against {@code net} and sets its parameters. */
  public static WeightFile load(Path file, CompiledNetwork net) {
    WeightFile weights = read(file);
    weights.applyTo(net, file.toString());
    return weights;
  }

  /**
   * Sets {@code net}'s parameters to these, after checking the fingerprint and every shape; on a
   * mismatch nothing is set and the {@link WeightFileException} says what differs.
   *
   * @param source the file name for messages
   */
  public void applyTo(CompiledNetwork net, String source) {
    NetworkSpec spec = net.spec();
    if (!fingerprint.equals(spec.fingerprint())) {
      throw new WeightFileException(
          source,
          "was saved from a different network: "
              + differences(spec)
              + ". Use the .nn file these weights were trained with, or train this network anew.");
    }
    List<ParameterTensor> parameters = net.parameters();
    if (ParameterLayout.layers(parameters) != layers.size()) {
      throw new WeightFileException(
          source,
          "has "
              + layers.size()
              + " layers, the network "
              + spec.name()
              + " has "
              + ParameterLayout.layers(parameters));
    }
    for (int l = 0; l < layers.size(); l++) {
      ParameterTensor w = ParameterLayout.weights(parameters, l + 1);
      Layer layer = layers.get(l);
      if (w.rows() != layer.units() || w.cols() != layer.inputs()) {
        throw new WeightFileException(
            source,
            "layer "
                + (l + 1)
                + " ('"
                + layer.name()
                + "') is "
                + layer.units()
                + "x"
                + layer.inputs()
                + ", the network's "
                + w.name()
                + " is "
                + w.rows()
                + "x"
                + w.cols());
      }
    }
    for (int l = 0; l < layers.size(); l++) {
      ParameterTensor w = ParameterLayout.weights(parameters, l + 1);
      Layer layer = layers.get(l);
      for (int i = 0; i < layer.units(); i++) {
        for (int j = 0; j < layer.inputs(); j++) {
          w.set(i, j, layer.weights()[i][j]);
        }
      }
      ParameterLayout.bias(parameters, l + 1).setAll(layer.bias());
    }
  }

  private String differences(NetworkSpec spec) {
    List<String> diffs = new ArrayList<>();
    if (inputSize != spec.inputSize()) {
      diffs.add("input " + inputSize + " in the file, " + spec.inputSize() + " in " + spec.name());
    }
    List<NetworkSpec.LayerSpec> specs = spec.parameterLayers();
    if (layers.size() != specs.size()) {
      diffs.add(layers.size() + " layers in the file, " + specs.size() + " in " + spec.name());
    } else {
      for (int l = 0; l < layers.size(); l++) {
        Layer mine = layers.get(l);
        NetworkSpec.LayerSpec theirs = specs.get(l);
        String a = mine.units() + " " + mine.activation();
        String b = theirs.units() + " " + activation(theirs);
        if (!a.equals(b)) {
          diffs.add(
              "layer " + (l + 1) + " is '" + a + "' in the file, '" + b + "' in " + spec.name());
        }
      }
    }
    if (!loss.equals(spec.loss())) {
      diffs.add("loss " + loss + " in the file, " + spec.loss() + " in " + spec.name());
    }
    if (!precision.equals(spec.precision())) {
      diffs.add(
          "precision " + precision + " in the file, " + spec.precision() + " in " + spec.name());
    }
    if (diffs.isEmpty()) {
      diffs.add(
          "the fingerprints differ ("
              + abbreviate(fingerprint)
              + " in the file, "
              + abbreviate(spec.fingerprint())
              + " in "
              + spec.name()
              + ")");
    }
    return String.join("; ", diffs)
        + " (file: "
        + topology()
        + ", network: "
        + spec.topology()
        + ")";
  }

  private static String abbreviate(String hash) {
    return hash.length() > 12 ? hash.substring(0, 12) + "..." : hash;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s weights (%s)", network, topology());
  }
}
