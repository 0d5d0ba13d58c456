package dev.weft.nn.io;

import dev.weft.tensor.core.DType;
import dev.weft.tensor.Tensor;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Seeded random tensor sets for the property tests, and a header renderer for hand-edited entries. */
final class RandomFiles {
    private RandomFiles() {}

    /** Tensors, metadata and stored dtypes for one random file. */
    record Content(Map<String, Tensor> tensors, Map<String, String> metadata, Map<String, SafetensorsDType> dtypes) {
        byte[] bytes() {
            return Safetensors.toBytes(tensors, metadata, dtypes);
        }
    }

    private static final String[] NAMES = {"w", "b", "0.weight", "layer.1.bias", "\u00e9t\u00e9", "x\"y", "e\uD83D\uDE00", "", "A", "a.b.c"};

    static Content content(long seed) {
        Random r = new Random(seed);
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        Map<String, SafetensorsDType> dtypes = new LinkedHashMap<>();
        int n = r.nextInt(6);
        for (int i = 0; i < n; i++) {
            String name = NAMES[r.nextInt(NAMES.length)] + (r.nextBoolean() ? "" : "_" + i);
            if (tensors.containsKey(name)) continue;
            int[] shape = new int[r.nextInt(4)];
            for (int d = 0; d < shape.length; d++) shape[d] = r.nextInt(r.nextInt(8) == 0 ? 1 : 5);
            int numel = 1;
            for (int s : shape) numel *= s;
            DType dt = DType.values()[r.nextInt(DType.values().length)];
            SafetensorsDType target = SafetensorsDType.of(dt);
            Tensor t;
            switch (dt) {
                case F32, F64 -> {
                    double[] v = new double[numel];
                    for (int k = 0; k < numel; k++) v[k] = special(r);
                    t = Tensor.of(v, shape).to(dt);
                    int pick = r.nextInt(4);
                    target = pick == 0 ? SafetensorsDType.F16 : pick == 1 ? SafetensorsDType.BF16 : target;
                }
                case I32, I64 -> {
                    SafetensorsDType[] narrow = {SafetensorsDType.U8, SafetensorsDType.I8, SafetensorsDType.I16, SafetensorsDType.U16};
                    if (r.nextInt(3) == 0) target = narrow[r.nextInt(narrow.length)];
                    long[] v = new long[numel];
                    for (int k = 0; k < numel; k++) {
                        v[k] = switch (target) {
                            case U8 -> r.nextInt(256);
                            case I8 -> r.nextInt(256) - 128;
                            case I16 -> r.nextInt(65536) - 32768;
                            case U16 -> r.nextInt(65536);
                            case I32 -> r.nextInt();
                            default -> r.nextLong();
                        };
                    }
                    t = Tensor.fromArray(v).reshape(shape).to(dt);
                }
                default -> {
                    boolean[] v = new boolean[numel];
                    for (int k = 0; k < numel; k++) v[k] = r.nextBoolean();
                    t = Tensor.fromArray(v).reshape(shape);
                }
            }
            tensors.put(name, t);
            if (target != SafetensorsDType.of(dt) || r.nextBoolean()) dtypes.put(name, target);
        }
        Map<String, String> meta = new LinkedHashMap<>();
        for (int i = r.nextInt(3); i > 0; i--) meta.put(NAMES[r.nextInt(NAMES.length)], NAMES[r.nextInt(NAMES.length)] + i);
        return new Content(tensors, meta, dtypes);
    }

    private static double special(Random r) {
        return switch (r.nextInt(10)) {
            case 0 -> Double.NaN;
            case 1 -> r.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            case 2 -> r.nextBoolean() ? 0.0 : -0.0;
            case 3 -> r.nextGaussian() * 1e-6;
            case 4 -> r.nextGaussian() * 1e5;
            case 5 -> (1 + r.nextInt(2048)) * 0x1p-24 * (r.nextBoolean() ? 1 : -1);
            default -> r.nextGaussian();
        };
    }

    /** One header entry as text fields, so tests can put anything in them. */
    record Entry(String name, String dtype, String shape, String offsets) {
        Entry with(String field, String value) {
            return switch (field) {
                case "dtype" -> new Entry(name, value, shape, offsets);
                case "shape" -> new Entry(name, dtype, value, offsets);
                default -> new Entry(name, dtype, shape, value);
            };
        }
    }

    /** The entries of a valid file, in data order. */
    static List<Entry> entries(SafetensorsFile f) {
        List<Entry> out = new ArrayList<>();
        for (TensorInfo t : f.infos().values()) {
            StringBuilder s = new StringBuilder("[");
            for (int d : t.shape()) s.append(s.length() > 1 ? "," : "").append(d);
            out.add(new Entry(t.name(), "\"" + t.dtype() + "\"", s.append(']').toString(), "[" + t.dataBegin() + "," + t.dataEnd() + "]"));
        }
        return out;
    }

    /** A file from entries (rendered as given), padded to 8 bytes, then data. */
    static byte[] render(List<Entry> entries, byte[] data) {
        StringBuilder sb = new StringBuilder("{");
        for (Entry e : entries) {
            if (sb.length() > 1) sb.append(',');
            sb.append('"').append(e.name().replace("\\", "\\\\").replace("\"", "\\\"")).append("\":{\"dtype\":").append(e.dtype()).append(",\"shape\":").append(e.shape())
                    .append(",\"data_offsets\":").append(e.offsets()).append('}');
        }
        sb.append('}');
        while (sb.length() % 8 != 0) sb.append(' ');
        byte[] h = sb.toString().getBytes(StandardCharsets.UTF_8);
        return RawFiles.file(h.length, h, data);
    }
}
