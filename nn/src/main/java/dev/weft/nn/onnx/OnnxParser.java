package dev.weft.nn.onnx;

import dev.weft.nn.onnx.OnnxProto.Attribute;
import dev.weft.nn.onnx.OnnxProto.Graph;
import dev.weft.nn.onnx.OnnxProto.Model;
import dev.weft.nn.onnx.OnnxProto.Node;
import dev.weft.nn.onnx.OnnxProto.TensorData;
import dev.weft.nn.onnx.OnnxProto.ValueInfo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes the ONNX messages the importer needs from the wire (field numbers from onnx.proto). Known fields
 * with the wrong wire type and any wire error fail with the byte offset; unknown fields are skipped.
 */
final class OnnxParser {
    private OnnxParser() {}

    static Model parseModel(byte[] file, String source) {
        ProtoReader r = new ProtoReader(file, source);
        long ir = 0;
        String producer = "", producerVersion = "";
        Map<String, Long> opsets = new LinkedHashMap<>();
        Graph graph = null;
        while (r.hasMore()) {
            int tag = r.readTag();
            switch (ProtoReader.field(tag)) {
                case 1 -> { r.expect(tag, ProtoReader.VARINT, "ModelProto.ir_version"); ir = r.readVarint(); }
                case 2 -> { r.expect(tag, ProtoReader.LEN, "ModelProto.producer_name"); producer = r.readString(); }
                case 3 -> { r.expect(tag, ProtoReader.LEN, "ModelProto.producer_version"); producerVersion = r.readString(); }
                case 7 -> { r.expect(tag, ProtoReader.LEN, "ModelProto.graph"); graph = parseGraph(r.readMessage()); }
                case 8 -> {
                    r.expect(tag, ProtoReader.LEN, "ModelProto.opset_import");
                    ProtoReader o = r.readMessage();
                    String domain = "";
                    long version = 0;
                    while (o.hasMore()) {
                        int t = o.readTag();
                        switch (ProtoReader.field(t)) {
                            case 1 -> { o.expect(t, ProtoReader.LEN, "OperatorSetIdProto.domain"); domain = o.readString(); }
                            case 2 -> { o.expect(t, ProtoReader.VARINT, "OperatorSetIdProto.version"); version = o.readVarint(); }
                            default -> o.skip(t);
                        }
                    }
                    opsets.put(domain, version);
                }
                default -> r.skip(tag);
            }
        }
        if (graph == null) throw new OnnxFormatException(source + ": the file holds no graph (ModelProto.graph missing)");
        return new Model(ir, producer, producerVersion, opsets, graph);
    }

    static Graph parseGraph(ProtoReader r) {
        String name = "";
        List<Node> nodes = new ArrayList<>();
        List<TensorData> inits = new ArrayList<>();
        List<ValueInfo> inputs = new ArrayList<>(), outputs = new ArrayList<>();
        while (r.hasMore()) {
            int tag = r.readTag();
            switch (ProtoReader.field(tag)) {
                case 1 -> { r.expect(tag, ProtoReader.LEN, "GraphProto.node"); nodes.add(parseNode(r.readMessage(), nodes.size())); }
                case 2 -> { r.expect(tag, ProtoReader.LEN, "GraphProto.name"); name = r.readString(); }
                case 5 -> { r.expect(tag, ProtoReader.LEN, "GraphProto.initializer"); inits.add(parseTensor(r.readMessage())); }
                case 11 -> { r.expect(tag, ProtoReader.LEN, "GraphProto.input"); inputs.add(parseValueInfo(r.readMessage())); }
                case 12 -> { r.expect(tag, ProtoReader.LEN, "GraphProto.output"); outputs.add(parseValueInfo(r.readMessage())); }
                case 15 -> throw r.error("sparse initializers are not supported", r.tagOffset());
                default -> r.skip(tag);
            }
        }
        return new Graph(name, nodes, inits, inputs, outputs);
    }

    static Node parseNode(ProtoReader r, int index) {
        List<String> in = new ArrayList<>(), out = new ArrayList<>();
        String name = "", op = "", domain = "";
        Map<String, Attribute> attrs = new LinkedHashMap<>();
        while (r.hasMore()) {
            int tag = r.readTag();
            switch (ProtoReader.field(tag)) {
                case 1 -> { r.expect(tag, ProtoReader.LEN, "NodeProto.input"); in.add(r.readString()); }
                case 2 -> { r.expect(tag, ProtoReader.LEN, "NodeProto.output"); out.add(r.readString()); }
                case 3 -> { r.expect(tag, ProtoReader.LEN, "NodeProto.name"); name = r.readString(); }
                case 4 -> { r.expect(tag, ProtoReader.LEN, "NodeProto.op_type"); op = r.readString(); }
                case 5 -> {
                    r.expect(tag, ProtoReader.LEN, "NodeProto.attribute");
                    Attribute a = parseAttribute(r.readMessage());
                    attrs.put(a.name(), a);
                }
                case 7 -> { r.expect(tag, ProtoReader.LEN, "NodeProto.domain"); domain = r.readString(); }
                default -> r.skip(tag);
            }
        }
        return new Node(index, name, op, domain, in, out, attrs);
    }

    static Attribute parseAttribute(ProtoReader r) {
        String name = "";
        int type = 0;
        float f = 0;
        long i = 0;
        byte[] s = null;
        TensorData t = null;
        ProtoReader.FloatList floats = new ProtoReader.FloatList();
        ProtoReader.LongList ints = new ProtoReader.LongList();
        List<byte[]> strings = new ArrayList<>();
        while (r.hasMore()) {
            int tag = r.readTag();
            switch (ProtoReader.field(tag)) {
                case 1 -> { r.expect(tag, ProtoReader.LEN, "AttributeProto.name"); name = r.readString(); }
                case 2 -> { r.expect(tag, ProtoReader.FIXED32, "AttributeProto.f"); f = Float.intBitsToFloat(r.readFixed32()); }
                case 3 -> { r.expect(tag, ProtoReader.VARINT, "AttributeProto.i"); i = r.readVarint(); }
                case 4 -> { r.expect(tag, ProtoReader.LEN, "AttributeProto.s"); s = r.readBytes(); }
                case 5 -> { r.expect(tag, ProtoReader.LEN, "AttributeProto.t"); t = parseTensor(r.readMessage()); }
                case 7 -> r.readFloats(tag, floats);
                case 8 -> r.readInt64s(tag, ints);
                case 9 -> { r.expect(tag, ProtoReader.LEN, "AttributeProto.strings"); strings.add(r.readBytes()); }
                case 20 -> { r.expect(tag, ProtoReader.VARINT, "AttributeProto.type"); type = r.readInt32(); }
                default -> r.skip(tag);
            }
        }
        return new Attribute(name, type, f, i, s, t, floats.toArray(), ints.toArray(), strings);
    }

    static TensorData parseTensor(ProtoReader r) {
        long offset = r.position();
        ProtoReader.LongList dims = new ProtoReader.LongList(), int64s = new ProtoReader.LongList(), int32s = new ProtoReader.LongList();
        ProtoReader.FloatList floats = new ProtoReader.FloatList();
        List<Double> doubles = new ArrayList<>();
        int dataType = 0;
        String name = "";
        byte[] raw = null;
        boolean external = false;
        while (r.hasMore()) {
            int tag = r.readTag();
            switch (ProtoReader.field(tag)) {
                case 1 -> r.readInt64s(tag, dims);
                case 2 -> { r.expect(tag, ProtoReader.VARINT, "TensorProto.data_type"); dataType = r.readInt32(); }
                case 4 -> r.readFloats(tag, floats);
                case 5 -> r.readInt64s(tag, int32s);
                case 7 -> r.readInt64s(tag, int64s);
                case 8 -> { r.expect(tag, ProtoReader.LEN, "TensorProto.name"); name = r.readString(); }
                case 9 -> { r.expect(tag, ProtoReader.LEN, "TensorProto.raw_data"); raw = r.readBytes(); }
                case 10 -> r.readDoubles(tag, doubles);
                case 14 -> { r.expect(tag, ProtoReader.VARINT, "TensorProto.data_location"); external = r.readVarint() == 1; }
                default -> r.skip(tag);
            }
        }
        double[] d = new double[doubles.size()];
        for (int k = 0; k < d.length; k++) d[k] = doubles.get(k);
        return new TensorData(name, dims.toArray(), dataType, raw, floats.toArray(), int64s.toArray(), int32s.toArray(), d,
                external, offset);
    }

    static ValueInfo parseValueInfo(ProtoReader r) {
        String name = "";
        int elem = 0;
        boolean hasShape = false;
        ProtoReader.LongList dims = new ProtoReader.LongList();
        List<String> params = new ArrayList<>();
        while (r.hasMore()) {
            int tag = r.readTag();
            switch (ProtoReader.field(tag)) {
                case 1 -> { r.expect(tag, ProtoReader.LEN, "ValueInfoProto.name"); name = r.readString(); }
                case 2 -> {
                    r.expect(tag, ProtoReader.LEN, "ValueInfoProto.type");
                    ProtoReader type = r.readMessage();
                    while (type.hasMore()) {
                        int t = type.readTag();
                        if (ProtoReader.field(t) != 1) { type.skip(t); continue; }
                        type.expect(t, ProtoReader.LEN, "TypeProto.tensor_type");
                        ProtoReader tt = type.readMessage();
                        while (tt.hasMore()) {
                            int u = tt.readTag();
                            switch (ProtoReader.field(u)) {
                                case 1 -> { tt.expect(u, ProtoReader.VARINT, "TypeProto.Tensor.elem_type"); elem = tt.readInt32(); }
                                case 2 -> {
                                    tt.expect(u, ProtoReader.LEN, "TypeProto.Tensor.shape");
                                    hasShape = true;
                                    ProtoReader shape = tt.readMessage();
                                    while (shape.hasMore()) {
                                        int v = shape.readTag();
                                        if (ProtoReader.field(v) != 1) { shape.skip(v); continue; }
                                        shape.expect(v, ProtoReader.LEN, "TensorShapeProto.dim");
                                        ProtoReader dim = shape.readMessage();
                                        long value = -1;
                                        String param = null;
                                        while (dim.hasMore()) {
                                            int w = dim.readTag();
                                            switch (ProtoReader.field(w)) {
                                                case 1 -> { dim.expect(w, ProtoReader.VARINT, "Dimension.dim_value"); value = dim.readVarint(); }
                                                case 2 -> { dim.expect(w, ProtoReader.LEN, "Dimension.dim_param"); param = dim.readString(); }
                                                default -> dim.skip(w);
                                            }
                                        }
                                        dims.add(value);
                                        params.add(param);
                                    }
                                }
                                default -> tt.skip(u);
                            }
                        }
                    }
                }
                default -> r.skip(tag);
            }
        }
        return new ValueInfo(name, elem, dims.toArray(), params.toArray(new String[0]), hasShape);
    }
}
