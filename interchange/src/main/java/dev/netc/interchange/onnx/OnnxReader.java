package dev.netc.interchange.onnx;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import dev.netc.interchange.InterchangeException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an ONNX {@code ModelProto} from its bytes, by the field numbers of {@link OnnxFields};
 * unknown fields are skipped. A truncated or malformed message, or bytes that are no ONNX model,
 * are an {@link InterchangeException} saying so.
 */
public final class OnnxReader {
  private OnnxReader() {}

  /** Parses {@code bytes} as an ONNX model. */
  public static OnnxModel read(byte[] bytes) {
    OnnxModel model;
    try {
      model = model(CodedInputStream.newInstance(bytes));
    } catch (InvalidProtocolBufferException e) {
      String reason =
          e.getMessage() != null && e.getMessage().contains("ended unexpectedly")
              ? "the file ends in the middle of a message (is it truncated? export it again)"
              : "it is not a protocol buffer (" + e.getMessage() + ")";
      throw new InterchangeException(
          "not a readable ONNX model: "
              + reason
              + "; give a .onnx file written by torch.onnx.export, tf2onnx or netc export",
          e);
    } catch (IOException e) {
      throw new InterchangeException("not a readable ONNX model: " + e.getMessage(), e);
    }
    if (model.irVersion() <= 0 || model.graph() == null) {
      throw new InterchangeException(
          "not an ONNX model: it has no "
              + (model.irVersion() <= 0 ? "IR version" : "graph")
              + "; give a .onnx file written by torch.onnx.export, tf2onnx or netc export");
    }
    return model;
  }

  private static OnnxModel model(CodedInputStream in) throws IOException {
    long irVersion = 0;
    Map<String, Long> opsets = new LinkedHashMap<>();
    String producerName = "";
    String producerVersion = "";
    String docString = "";
    OnnxModel.Graph graph = null;
    Map<String, String> metadata = new LinkedHashMap<>();
    int tag;
    while ((tag = in.readTag()) != 0) {
      switch (WireFormat.getTagFieldNumber(tag)) {
        case OnnxFields.Model.IR_VERSION -> irVersion = varint(in, tag);
        case OnnxFields.Model.PRODUCER_NAME -> producerName = string(in, tag);
        case OnnxFields.Model.PRODUCER_VERSION -> producerVersion = string(in, tag);
        case OnnxFields.Model.DOC_STRING -> docString = string(in, tag);
        case OnnxFields.Model.GRAPH -> graph = graph(nested(in, tag));
        case OnnxFields.Model.OPSET_IMPORT -> {
          CodedInputStream opset = nested(in, tag);
          String domain = "";
          long version = 0;
          int t;
          while ((t = opset.readTag()) != 0) {
            switch (WireFormat.getTagFieldNumber(t)) {
              case OnnxFields.OperatorSetId.DOMAIN -> domain = string(opset, t);
              case OnnxFields.OperatorSetId.VERSION -> version = varint(opset, t);
              default -> opset.skipField(t);
            }
          }
          opsets.put(domain, version);
        }
        case OnnxFields.Model.METADATA_PROPS -> {
          CodedInputStream entry = nested(in, tag);
          String key = "";
          String value = "";
          int t;
          while ((t = entry.readTag()) != 0) {
            switch (WireFormat.getTagFieldNumber(t)) {
              case OnnxFields.StringStringEntry.KEY -> key = string(entry, t);
              case OnnxFields.StringStringEntry.VALUE -> value = string(entry, t);
              default -> entry.skipField(t);
            }
          }
          metadata.put(key, value);
        }
        default -> in.skipField(tag);
      }
    }
    return new OnnxModel(
        irVersion, opsets, producerName, producerVersion, docString, graph, metadata);
  }

  private static OnnxModel.Graph graph(CodedInputStream in) throws IOException {
    String name = "";
    List<OnnxModel.Node> nodes = new ArrayList<>();
    List<OnnxModel.Tensor> initializers = new ArrayList<>();
    List<OnnxModel.ValueInfo> inputs = new ArrayList<>();
    List<OnnxModel.ValueInfo> outputs = new ArrayList<>();
    int tag;
    while ((tag = in.readTag()) != 0) {
      switch (WireFormat.getTagFieldNumber(tag)) {
        case OnnxFields.Graph.NAME -> name = string(in, tag);
        case OnnxFields.Graph.NODE -> nodes.add(node(nested(in, tag)));
        case OnnxFields.Graph.INITIALIZER -> initializers.add(tensor(nested(in, tag)));
        case OnnxFields.Graph.INPUT -> inputs.add(valueInfo(nested(in, tag)));
        case OnnxFields.Graph.OUTPUT -> outputs.add(valueInfo(nested(in, tag)));
        case OnnxFields.Graph.SPARSE_INITIALIZER ->
            throw new InterchangeException(
                "the graph has sparse initializers, which netc does not read; export dense tensors");
        default -> in.skipField(tag);
      }
    }
    return new OnnxModel.Graph(name, nodes, initializers, inputs, outputs);
  }

  private static OnnxModel.Node node(CodedInputStream in) throws IOException {
    String name = "";
    String opType = "";
    String domain = "";
    List<String> inputs = new ArrayList<>();
    List<String> outputs = new ArrayList<>();
    List<OnnxModel.Attribute> attributes = new ArrayList<>();
    int tag;
    while ((tag = in.readTag()) != 0) {
      switch (WireFormat.getTagFieldNumber(tag)) {
        case OnnxFields.Node.INPUT -> inputs.add(string(in, tag));
        case OnnxFields.Node.OUTPUT -> outputs.add(string(in, tag));
        case OnnxFields.Node.NAME -> name = string(in, tag);
        case OnnxFields.Node.OP_TYPE -> opType = string(in, tag);
        case OnnxFields.Node.DOMAIN -> domain = string(in, tag);
        case OnnxFields.Node.ATTRIBUTE -> attributes.add(attribute(nested(in, tag)));
        default -> in.skipField(tag);
      }
    }
    return new OnnxModel.Node(name, opType, domain, inputs, outputs, attributes);
  }

  private static OnnxModel.Attribute attribute(CodedInputStream in) throws IOException {
    String name = "";
    int type = 0;
    float f = 0;
    long i = 0;
    String s = "";
    Optional<OnnxModel.Tensor> t = Optional.empty();
    List<Float> floats = new ArrayList<>();
    List<Long> ints = new ArrayList<>();
    boolean hasGraph = false;
    int tag;
    while ((tag = in.readTag()) != 0) {
      int wire = WireFormat.getTagWireType(tag);
      switch (WireFormat.getTagFieldNumber(tag)) {
        case OnnxFields.Attribute.NAME -> name = string(in, tag);
        case OnnxFields.Attribute.TYPE -> type = (int) varint(in, tag);
        case OnnxFields.Attribute.F -> f = fixed32(in, tag);
        case OnnxFields.Attribute.I -> i = varint(in, tag);
        case OnnxFields.Attribute.S -> s = string(in, tag);
        case OnnxFields.Attribute.T -> t = Optional.of(tensor(nested(in, tag)));
        case OnnxFields.Attribute.G, OnnxFields.Attribute.GRAPHS -> {
          hasGraph = true;
          in.skipField(tag);
        }
        case OnnxFields.Attribute.FLOATS -> {
          if (wire == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
            CodedInputStream packed = nested(in, tag);
            while (!packed.isAtEnd()) {
              floats.add(packed.readFloat());
            }
          } else {
            floats.add(fixed32(in, tag));
          }
        }
        case OnnxFields.Attribute.INTS -> {
          if (wire == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
            CodedInputStream packed = nested(in, tag);
            while (!packed.isAtEnd()) {
              ints.add(packed.readInt64());
            }
          } else {
            ints.add(varint(in, tag));
          }
        }
        default -> in.skipField(tag);
      }
    }
    return new OnnxModel.Attribute(name, type, f, i, s, t, floats, ints, hasGraph);
  }

  private static OnnxModel.Tensor tensor(CodedInputStream in) throws IOException {
    String name = "";
    List<Long> dims = new ArrayList<>();
    int dataType = 0;
    List<Double> typed = new ArrayList<>();
    byte[] raw = null;
    boolean external = false;
    int tag;
    while ((tag = in.readTag()) != 0) {
      int wire = WireFormat.getTagWireType(tag);
      boolean packed = wire == WireFormat.WIRETYPE_LENGTH_DELIMITED;
      switch (WireFormat.getTagFieldNumber(tag)) {
        case OnnxFields.Tensor.NAME -> name = string(in, tag);
        case OnnxFields.Tensor.DATA_TYPE -> dataType = (int) varint(in, tag);
        case OnnxFields.Tensor.RAW_DATA -> raw = in.readByteArray();
        case OnnxFields.Tensor.DATA_LOCATION ->
            external = varint(in, tag) == OnnxFields.DATA_LOCATION_EXTERNAL;
        case OnnxFields.Tensor.DIMS -> {
          if (packed) {
            CodedInputStream values = nested(in, tag);
            while (!values.isAtEnd()) {
              dims.add(values.readInt64());
            }
          } else {
            dims.add(varint(in, tag));
          }
        }
        case OnnxFields.Tensor.FLOAT_DATA -> {
          if (packed) {
            CodedInputStream values = nested(in, tag);
            while (!values.isAtEnd()) {
              typed.add((double) values.readFloat());
            }
          } else {
            typed.add((double) fixed32(in, tag));
          }
        }
        case OnnxFields.Tensor.DOUBLE_DATA -> {
          if (packed) {
            CodedInputStream values = nested(in, tag);
            while (!values.isAtEnd()) {
              typed.add(values.readDouble());
            }
          } else {
            expect(tag, WireFormat.WIRETYPE_FIXED64);
            typed.add(in.readDouble());
          }
        }
        case OnnxFields.Tensor.INT32_DATA, OnnxFields.Tensor.INT64_DATA -> {
          if (packed) {
            CodedInputStream values = nested(in, tag);
            while (!values.isAtEnd()) {
              typed.add((double) values.readInt64());
            }
          } else {
            typed.add((double) varint(in, tag));
          }
        }
        default -> in.skipField(tag);
      }
    }
    long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
    double[] values =
        raw != null
            ? rawValues(name, dataType, raw)
            : typed.stream().mapToDouble(Double::doubleValue).toArray();
    return new OnnxModel.Tensor(name, shape, dataType, values, external);
  }

  /** The little-endian {@code raw_data} of a tensor, as doubles; empty for other data types. */
  private static double[] rawValues(String name, int dataType, byte[] raw) {
    int size =
        switch (dataType) {
          case OnnxFields.DataType.FLOAT, OnnxFields.DataType.INT32 -> 4;
          case OnnxFields.DataType.DOUBLE, OnnxFields.DataType.INT64 -> 8;
          default -> 0;
        };
    if (size == 0) {
      return new double[0];
    }
    if (raw.length % size != 0) {
      throw new InterchangeException(
          "tensor '"
              + name
              + "' has "
              + raw.length
              + " bytes of raw data, not a whole number of "
              + OnnxModel.typeName(dataType)
              + " values; the file is damaged, export it again");
    }
    ByteBuffer buffer = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
    double[] values = new double[raw.length / size];
    for (int i = 0; i < values.length; i++) {
      values[i] =
          switch (dataType) {
            case OnnxFields.DataType.FLOAT -> buffer.getFloat();
            case OnnxFields.DataType.INT32 -> buffer.getInt();
            case OnnxFields.DataType.DOUBLE -> buffer.getDouble();
            default -> buffer.getLong();
          };
    }
    return values;
  }

  private static OnnxModel.ValueInfo valueInfo(CodedInputStream in) throws IOException {
    String name = "";
    int elemType = 0;
    List<OnnxModel.Dim> dims = new ArrayList<>();
    int tag;
    while ((tag = in.readTag()) != 0) {
      switch (WireFormat.getTagFieldNumber(tag)) {
        case OnnxFields.ValueInfo.NAME -> name = string(in, tag);
        case OnnxFields.ValueInfo.TYPE -> {
          CodedInputStream type = nested(in, tag);
          int t;
          while ((t = type.readTag()) != 0) {
            if (WireFormat.getTagFieldNumber(t) != OnnxFields.Type.TENSOR_TYPE) {
              type.skipField(t);
              continue;
            }
            CodedInputStream tensor = nested(type, t);
            int u;
            while ((u = tensor.readTag()) != 0) {
              switch (WireFormat.getTagFieldNumber(u)) {
                case OnnxFields.Type.TENSOR_ELEM_TYPE -> elemType = (int) varint(tensor, u);
                case OnnxFields.Type.TENSOR_SHAPE -> dims.addAll(shape(nested(tensor, u)));
                default -> tensor.skipField(u);
              }
            }
          }
        }
        default -> in.skipField(tag);
      }
    }
    return new OnnxModel.ValueInfo(name, elemType, dims);
  }

  private static List<OnnxModel.Dim> shape(CodedInputStream in) throws IOException {
    List<OnnxModel.Dim> dims = new ArrayList<>();
    int tag;
    while ((tag = in.readTag()) != 0) {
      if (WireFormat.getTagFieldNumber(tag) != OnnxFields.Shape.DIM) {
        in.skipField(tag);
        continue;
      }
      CodedInputStream dim = nested(in, tag);
      long value = -1;
      String param = "";
      int t;
      while ((t = dim.readTag()) != 0) {
        switch (WireFormat.getTagFieldNumber(t)) {
          case OnnxFields.Shape.DIM_VALUE -> value = varint(dim, t);
          case OnnxFields.Shape.DIM_PARAM -> param = string(dim, t);
          default -> dim.skipField(t);
        }
      }
      dims.add(new OnnxModel.Dim(value, param));
    }
    return dims;
  }

  // ------------------------------------------------------------------ wire types

  private static CodedInputStream nested(CodedInputStream in, int tag) throws IOException {
    expect(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED);
    return CodedInputStream.newInstance(in.readByteArray());
  }

  private static String string(CodedInputStream in, int tag) throws IOException {
    expect(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED);
    return new String(in.readByteArray(), StandardCharsets.UTF_8);
  }

  private static long varint(CodedInputStream in, int tag) throws IOException {
    expect(tag, WireFormat.WIRETYPE_VARINT);
    return in.readInt64();
  }

  private static float fixed32(CodedInputStream in, int tag) throws IOException {
    expect(tag, WireFormat.WIRETYPE_FIXED32);
    return in.readFloat();
  }

  /** A field of the wrong wire type means the bytes are not the message they should be. */
  private static void expect(int tag, int wireType) throws InvalidProtocolBufferException {
    if (WireFormat.getTagWireType(tag) != wireType) {
      throw new InvalidProtocolBufferException(
          "field "
              + WireFormat.getTagFieldNumber(tag)
              + " has wire type "
              + WireFormat.getTagWireType(tag)
              + ", expected "
              + wireType);
    }
  }
}
