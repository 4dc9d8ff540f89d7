package dev.netc.interchange.onnx;

/**
 * The field numbers and enum values of the ONNX messages netc reads and writes, as the ONNX
 * specification's {@code onnx.proto} numbers them. Fields not listed here are skipped when read.
 */
final class OnnxFields {
  private OnnxFields() {}

  /** {@code ModelProto}. */
  static final class Model {
    static final int IR_VERSION = 1;
    static final int PRODUCER_NAME = 2;
    static final int PRODUCER_VERSION = 3;
    static final int DOMAIN = 4;
    static final int MODEL_VERSION = 5;
    static final int DOC_STRING = 6;
    static final int GRAPH = 7;
    static final int OPSET_IMPORT = 8;
    static final int METADATA_PROPS = 14;

    private Model() {}
  }

  /** {@code OperatorSetIdProto}. */
  static final class OperatorSetId {
    static final int DOMAIN = 1;
    static final int VERSION = 2;

    private OperatorSetId() {}
  }

  /** {@code StringStringEntryProto}. */
  static final class StringStringEntry {
    static final int KEY = 1;
    static final int VALUE = 2;

    private StringStringEntry() {}
  }

  /** {@code GraphProto}. */
  static final class Graph {
    static final int NODE = 1;
    static final int NAME = 2;
    static final int INITIALIZER = 5;
    static final int DOC_STRING = 10;
    static final int INPUT = 11;
    static final int OUTPUT = 12;
    static final int VALUE_INFO = 13;
    static final int SPARSE_INITIALIZER = 15;

    private Graph() {}
  }

  /** {@code NodeProto}. */
  static final class Node {
    static final int INPUT = 1;
    static final int OUTPUT = 2;
    static final int NAME = 3;
    static final int OP_TYPE = 4;
    static final int ATTRIBUTE = 5;
    static final int DOC_STRING = 6;
    static final int DOMAIN = 7;

    private Node() {}
  }

  /** {@code AttributeProto}. */
  static final class Attribute {
    static final int NAME = 1;
    static final int F = 2;
    static final int I = 3;
    static final int S = 4;
    static final int T = 5;
    static final int G = 6;
    static final int FLOATS = 7;
    static final int INTS = 8;
    static final int GRAPHS = 11;
    static final int TYPE = 20;

    private Attribute() {}
  }

  /** {@code AttributeProto.AttributeType}. */
  static final class AttributeType {
    static final int FLOAT = 1;
    static final int INT = 2;
    static final int STRING = 3;
    static final int TENSOR = 4;
    static final int GRAPH = 5;
    static final int FLOATS = 6;
    static final int INTS = 7;

    private AttributeType() {}
  }

  /** {@code TensorProto}. */
  static final class Tensor {
    static final int DIMS = 1;
    static final int DATA_TYPE = 2;
    static final int FLOAT_DATA = 4;
    static final int INT32_DATA = 5;
    static final int INT64_DATA = 7;
    static final int NAME = 8;
    static final int RAW_DATA = 9;
    static final int DOUBLE_DATA = 10;
    static final int DATA_LOCATION = 14;

    private Tensor() {}
  }

  /** {@code TensorProto.DataType}. */
  static final class DataType {
    static final int FLOAT = 1;
    static final int INT32 = 6;
    static final int INT64 = 7;
    static final int DOUBLE = 11;

    private DataType() {}
  }

  /** {@code TensorProto.DataLocation}: data in an external file. */
  static final int DATA_LOCATION_EXTERNAL = 1;

  /** {@code ValueInfoProto}. */
  static final class ValueInfo {
    static final int NAME = 1;
    static final int TYPE = 2;

    private ValueInfo() {}
  }

  /** {@code TypeProto} and {@code TypeProto.Tensor}. */
  static final class Type {
    static final int TENSOR_TYPE = 1;
    static final int TENSOR_ELEM_TYPE = 1;
    static final int TENSOR_SHAPE = 2;

    private Type() {}
  }

  /** {@code TensorShapeProto} and {@code TensorShapeProto.Dimension}. */
  static final class Shape {
    static final int DIM = 1;
    static final int DIM_VALUE = 1;
    static final int DIM_PARAM = 2;

    private Shape() {}
  }
}
