/**
 * ONNX: {@link dev.netc.interchange.onnx.OnnxReader} and {@link
 * dev.netc.interchange.onnx.OnnxWriter} turn the protobuf messages of the ONNX specification
 * ({@code onnx.proto}, IR version 3 and later) into {@link dev.netc.interchange.onnx.OnnxModel}
 * records and back, field by field ({@link dev.netc.interchange.onnx.OnnxFields}); {@link
 * dev.netc.interchange.onnx.OnnxImporter} maps a feed-forward graph to a network, {@link
 * dev.netc.interchange.onnx.OnnxExporter} a network to a graph. No I/O: bytes in, bytes out.
 */
package dev.netc.interchange.onnx;
