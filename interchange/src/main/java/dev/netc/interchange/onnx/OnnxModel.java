package dev.netc.interchange.onnx;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The part of an ONNX {@code ModelProto} that netc reads and writes, as immutable records. Numeric
 * tensor data is held as doubles (a float32 value converts exactly).
 *
 * @param irVersion {@code ir_version}
 * @param opsets {@code opset_import}: operator set version by domain ({@code ""} is ai.onnx)
 * @param producerName {@code producer_name}
 * @param producerVersion {@code producer_version}
 * @param docString {@code doc_string}
 * @param graph the main graph
 * @param metadata {@code metadata_props}, in file order
 */
public record OnnxModel(
    long irVersion,
    Map<String, Long> opsets,
    String producerName,
    String producerVersion,
    String docString,
    Graph graph,
    Map<String, String> metadata) {

  public OnnxModel {
    opsets = Collections.unmodifiableMap(new LinkedHashMap<>(opsets));
    metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
  }

  /** The version of the default ({@code ai.onnx}) operator set, if the model imports it. */
  public OptionalLong defaultOpset() {
    Long version = opsets.containsKey("") ? opsets.get("") : opsets.get("ai.onnx");
    return version == null ? OptionalLong.empty() : OptionalLong.of(version);
  }

  /**
   * A {@code GraphProto}.
   *
   * @param name its name
   * @param nodes the nodes, in the file's (topological) order
   * @param initializers the constant tensors
   * @param inputs the graph inputs (older exporters list the initializers here too)
   * @param outputs the graph outputs
   */
  public record Graph(
      String name,
      List<Node> nodes,
      List<Tensor> initializers,
      List<ValueInfo> inputs,
      List<ValueInfo> outputs) {
    public Graph {
      nodes = List.copyOf(nodes);
      initializers = List.copyOf(initializers);
      inputs = List.copyOf(inputs);
      outputs = List.copyOf(outputs);
    }
  }

  /**
   * A {@code NodeProto}.
   *
   * @param name its name (may be empty)
   * @param opType the operator ({@code Gemm}, {@code Relu}, ...)
   * @param domain the operator's domain ({@code ""} for ai.onnx)
   * @param inputs names of its inputs ({@code ""} for an omitted optional input)
   * @param outputs names of its outputs
   * @param attributes its attributes, in file order
   */
  public record Node(
      String name,
      String opType,
      String domain,
      List<String> inputs,
      List<String> outputs,
      List<Attribute> attributes) {
    public Node {
      inputs = List.copyOf(inputs);
      outputs = List.copyOf(outputs);
      attributes = List.copyOf(attributes);
    }

    /** The attribute called {@code name}, if the node has it. */
    public Optional<Attribute> attribute(String name) {
      return attributes.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    /** How error messages name the node: {@code node 'fc1/Gemm' (Gemm)}. */
    public String describe() {
      return "node '" + (name.isEmpty() ? String.join(",", outputs) : name) + "' (" + opType + ")";
    }
  }

  /**
   * An {@code AttributeProto}: one of a float, an int, a string, a tensor, float or int lists, or a
   * subgraph (only noted, never read).
   *
   * @param name its name
   * @param type the {@code AttributeType} number
   * @param f the float value
   * @param i the int value
   * @param s the string value (UTF-8)
   * @param t the tensor value, if any
   * @param floats the float list
   * @param ints the int list
   * @param hasGraph true if it holds a subgraph ({@code If}, {@code Loop}: branches)
   */
  public record Attribute(
      String name,
      int type,
      float f,
      long i,
      String s,
      Optional<Tensor> t,
      List<Float> floats,
      List<Long> ints,
      boolean hasGraph) {
    public Attribute {
      floats = List.copyOf(floats);
      ints = List.copyOf(ints);
    }

    /** A float attribute. */
    public static Attribute ofFloat(String name, float value) {
      return new Attribute(
          name,
          OnnxFields.AttributeType.FLOAT,
          value,
          0,
          "",
          Optional.empty(),
          List.of(),
          List.of(),
          false);
    }

    /** An int attribute. */
    public static Attribute ofInt(String name, long value) {
      return new Attribute(
          name,
          OnnxFields.AttributeType.INT,
          0,
          value,
          "",
          Optional.empty(),
          List.of(),
          List.of(),
          false);
    }
  }

  /**
   * A {@code TensorProto} of numbers.
   *
   * @param name its name
   * @param dims its shape
   * @param dataType the {@code DataType} number ({@code 1} float32, {@code 11} float64, {@code 7}
   *     int64, ...)
   * @param values the values, row-major; empty if the data type is not one netc reads
   * @param external true if the data is in an external file
   */
  public record Tensor(String name, long[] dims, int dataType, double[] values, boolean external) {

    /** Number of elements the dimensions give. */
    public long elementCount() {
      long count = 1;
      for (long d : dims) {
        count *= d;
      }
      return count;
    }

    /** The shape as text: {@code 3x4}, {@code scalar} for no dimensions. */
    public String shape() {
      if (dims.length == 0) {
        return "scalar";
      }
      StringBuilder text = new StringBuilder();
      for (long d : dims) {
        text.append(text.length() == 0 ? "" : "x").append(d);
      }
      return text.toString();
    }

    /** The data type's name in the specification ({@code float}, {@code double}, ...). */
    public String typeName() {
      return OnnxModel.typeName(dataType);
    }
  }

  /**
   * A {@code ValueInfoProto} of a tensor.
   *
   * @param name its name
   * @param elemType the element {@code DataType} number, 0 if not given
   * @param dims its dimensions, empty if no shape is given
   */
  public record ValueInfo(String name, int elemType, List<Dim> dims) {
    public ValueInfo {
      dims = List.copyOf(dims);
    }
  }

  /**
   * One dimension of a shape: a number, or a symbolic name such as {@code batch}.
   *
   * @param value the size, or -1 if symbolic or unknown
   * @param param the symbolic name, or {@code ""}
   */
  public record Dim(long value, String param) {}

  /** The name of an ONNX {@code DataType} number, as the specification spells it. */
  public static String typeName(int dataType) {
    return switch (dataType) {
      case 0 -> "undefined";
      case 1 -> "float";
      case 2 -> "uint8";
      case 3 -> "int8";
      case 4 -> "uint16";
      case 5 -> "int16";
      case 6 -> "int32";
      case 7 -> "int64";
      case 8 -> "string";
      case 9 -> "bool";
      case 10 -> "float16";
      case 11 -> "double";
      case 12 -> "uint32";
      case 13 -> "uint64";
      case 16 -> "bfloat16";
      default -> "type " + dataType;
    };
  }
}
