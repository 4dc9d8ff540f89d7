package dev.netc.interchange.onnx;

import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;

/**
 * Writes an {@link OnnxModel} as an ONNX {@code ModelProto}, by the field numbers of {@link
 * OnnxFields}. Tensors of float32 and float64 are written as little-endian {@code raw_data}, int64
 * tensors as {@code int64_data}. The same model always gives the same bytes.
 */
public final class OnnxWriter {
  private OnnxWriter() {}

  /** The bytes of {@code model}. */
  public static byte[] write(OnnxModel model) {
    return message(
        out -> {
          out.writeInt64(OnnxFields.Model.IR_VERSION, model.irVersion());
          out.writeString(OnnxFields.Model.PRODUCER_NAME, model.producerName());
          out.writeString(OnnxFields.Model.PRODUCER_VERSION, model.producerVersion());
          if (!model.docString().isEmpty()) {
            out.writeString(OnnxFields.Model.DOC_STRING, model.docString());
          }
          out.writeByteArray(OnnxFields.Model.GRAPH, graph(model.graph()));
          for (Map.Entry<String, Long> opset : model.opsets().entrySet()) {
            out.writeByteArray(
                OnnxFields.Model.OPSET_IMPORT,
                message(
                    o -> {
                      if (!opset.getKey().isEmpty()) {
                        o.writeString(OnnxFields.OperatorSetId.DOMAIN, opset.getKey());
                      }
                      o.writeInt64(OnnxFields.OperatorSetId.VERSION, opset.getValue());
                    }));
          }
          for (Map.Entry<String, String> entry : model.metadata().entrySet()) {
            out.writeByteArray(
                OnnxFields.Model.METADATA_PROPS,
                message(
                    o -> {
                      o.writeString(OnnxFields.StringStringEntry.KEY, entry.getKey());
                      o.writeString(OnnxFields.StringStringEntry.VALUE, entry.getValue());
                    }));
          }
        });
  }

  private static byte[] graph(OnnxModel.Graph graph) {
    return message(
        out -> {
          for (OnnxModel.Node node : graph.nodes()) {
            out.writeByteArray(OnnxFields.Graph.NODE, node(node));
          }
          out.writeString(OnnxFields.Graph.NAME, graph.name());
          for (OnnxModel.Tensor tensor : graph.initializers()) {
            out.writeByteArray(OnnxFields.Graph.INITIALIZER, tensor(tensor));
          }
          for (OnnxModel.ValueInfo input : graph.inputs()) {
            out.writeByteArray(OnnxFields.Graph.INPUT, valueInfo(input));
          }
          for (OnnxModel.ValueInfo output : graph.outputs()) {
            out.writeByteArray(OnnxFields.Graph.OUTPUT, valueInfo(output));
          }
        });
  }

  private static byte[] node(OnnxModel.Node node) {
    return message(
        out -> {
          for (String input : node.inputs()) {
            out.writeString(OnnxFields.Node.INPUT, input);
          }
          for (String output : node.outputs()) {
            out.writeString(OnnxFields.Node.OUTPUT, output);
          }
          out.writeString(OnnxFields.Node.NAME, node.name());
          out.writeString(OnnxFields.Node.OP_TYPE, node.opType());
          for (OnnxModel.Attribute attribute : node.attributes()) {
            out.writeByteArray(OnnxFields.Node.ATTRIBUTE, attribute(attribute));
          }
          if (!node.domain().isEmpty()) {
            out.writeString(OnnxFields.Node.DOMAIN, node.domain());
          }
        });
  }

  private static byte[] attribute(OnnxModel.Attribute attribute) {
    return message(
        out -> {
          out.writeString(OnnxFields.Attribute.NAME, attribute.name());
          switch (attribute.type()) {
            case OnnxFields.AttributeType.FLOAT ->
                out.writeFloat(OnnxFields.Attribute.F, attribute.f());
            case OnnxFields.AttributeType.INT ->
                out.writeInt64(OnnxFields.Attribute.I, attribute.i());
            default ->
                throw new IllegalArgumentException(
                    "netc writes float and int attributes only, not type " + attribute.type());
          }
          out.writeInt32(OnnxFields.Attribute.TYPE, attribute.type());
        });
  }

  private static byte[] tensor(OnnxModel.Tensor tensor) {
    return message(
        out -> {
          for (long d : tensor.dims()) {
            out.writeInt64(OnnxFields.Tensor.DIMS, d);
          }
          out.writeInt32(OnnxFields.Tensor.DATA_TYPE, tensor.dataType());
          out.writeString(OnnxFields.Tensor.NAME, tensor.name());
          double[] values = tensor.values();
          switch (tensor.dataType()) {
            case OnnxFields.DataType.FLOAT -> {
              ByteBuffer raw =
                  ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
              for (double v : values) {
                raw.putFloat((float) v);
              }
              out.writeByteArray(OnnxFields.Tensor.RAW_DATA, raw.array());
            }
            case OnnxFields.DataType.DOUBLE -> {
              ByteBuffer raw =
                  ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
              for (double v : values) {
                raw.putDouble(v);
              }
              out.writeByteArray(OnnxFields.Tensor.RAW_DATA, raw.array());
            }
            case OnnxFields.DataType.INT64 -> {
              for (double v : values) {
                out.writeInt64(OnnxFields.Tensor.INT64_DATA, (long) v);
              }
            }
            default ->
                throw new IllegalArgumentException(
                    "netc writes float, double and int64 tensors only, not " + tensor.typeName());
          }
        });
  }

  private static byte[] valueInfo(OnnxModel.ValueInfo info) {
    return message(
        out -> {
          out.writeString(OnnxFields.ValueInfo.NAME, info.name());
          byte[] shape =
              message(
                  s -> {
                    for (OnnxModel.Dim dim : info.dims()) {
                      s.writeByteArray(
                          OnnxFields.Shape.DIM,
                          message(
                              d -> {
                                if (dim.param().isEmpty()) {
                                  d.writeInt64(OnnxFields.Shape.DIM_VALUE, dim.value());
                                } else {
                                  d.writeString(OnnxFields.Shape.DIM_PARAM, dim.param());
                                }
                              }));
                    }
                  });
          byte[] tensorType =
              message(
                  t -> {
                    t.writeInt32(OnnxFields.Type.TENSOR_ELEM_TYPE, info.elemType());
                    t.writeByteArray(OnnxFields.Type.TENSOR_SHAPE, shape);
                  });
          out.writeByteArray(
              OnnxFields.ValueInfo.TYPE,
              message(t -> t.writeByteArray(OnnxFields.Type.TENSOR_TYPE, tensorType)));
        });
  }

  /** What writes the fields of one message. */
  private interface Fields {
    void write(CodedOutputStream out) throws IOException;
  }

  private static byte[] message(Fields fields) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      CodedOutputStream out = CodedOutputStream.newInstance(bytes);
      fields.write(out);
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory failed", e);
    }
  }
}
