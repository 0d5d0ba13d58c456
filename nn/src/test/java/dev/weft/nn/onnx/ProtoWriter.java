package dev.weft.nn.onnx;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A minimal protobuf writer for hand-built test models (the importer itself never writes). */
final class ProtoWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    ProtoWriter varint(int field, long v) {
        raw(ProtoReader.encodeVarint((long) field << 3));
        raw(ProtoReader.encodeVarint(v));
        return this;
    }

    ProtoWriter bytes(int field, byte[] b) {
        raw(ProtoReader.encodeVarint((long) field << 3 | 2));
        raw(ProtoReader.encodeVarint(b.length));
        raw(b);
        return this;
    }

    ProtoWriter string(int field, String s) {
        return bytes(field, s.getBytes(StandardCharsets.UTF_8));
    }

    ProtoWriter message(int field, ProtoWriter m) {
        return bytes(field, m.toBytes());
    }

    ProtoWriter fixed32(int field, int v) {
        raw(ProtoReader.encodeVarint((long) field << 3 | 5));
        raw(new byte[] {(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)});
        return this;
    }

    ProtoWriter raw(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    byte[] toBytes() {
        return out.toByteArray();
    }

    // ---------------------------------------------------------------- ONNX messages (field numbers of onnx.proto)

    /** ValueInfoProto of a FLOAT tensor with fixed dims. */
    static ProtoWriter valueInfo(String name, long... dims) {
        ProtoWriter shape = new ProtoWriter();
        for (long d : dims) shape.message(1, new ProtoWriter().varint(1, d));
        ProtoWriter tensorType = new ProtoWriter().varint(1, OnnxTensors.FLOAT).message(2, shape);
        return new ProtoWriter().string(1, name).message(2, new ProtoWriter().message(1, tensorType));
    }

    static ProtoWriter node(String name, String op, String domain, String[] inputs, String... outputs) {
        ProtoWriter n = new ProtoWriter();
        for (String i : inputs) n.string(1, i);
        for (String o : outputs) n.string(2, o);
        n.string(3, name).string(4, op);
        if (domain != null) n.string(7, domain);
        return n;
    }

    /** TensorProto: dims, data type, raw data. */
    static ProtoWriter tensor(String name, int dataType, byte[] raw, long... dims) {
        ProtoWriter t = new ProtoWriter();
        for (long d : dims) t.varint(1, d);
        return t.varint(2, dataType).string(8, name).bytes(9, raw);
    }

    /** ModelProto around a graph, importing the given default-domain opset. */
    static byte[] model(ProtoWriter graph, long opset) {
        return new ProtoWriter().varint(1, 8).string(2, "weft-test").string(3, "1").message(7, graph)
                .message(8, new ProtoWriter().string(1, "").varint(2, opset)).toBytes();
    }
}
