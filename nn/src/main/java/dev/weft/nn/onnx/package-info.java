/**
 * ONNX import, JDK only: {@link dev.weft.nn.onnx.Onnx#load} reads an .onnx file with a strict protobuf reader of
 * its own and returns an {@link dev.weft.nn.onnx.OnnxModel}, a Module that runs the graph on Weft ops. The
 * operator subset covers MLPs, CNNs (LeNet / ResNet), LSTMs and transformer encoders as torch.onnx.export writes
 * them at opsets 13-17; anything else fails at load time naming the node.
 */
package dev.weft.nn.onnx;
