package dev.weft.graph.data;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes protocol-2 pickles with the same opcode layout as the Planetoid files (numpy arrays through
 * _reconstruct + BUILD, scipy CSR through NEWOBJ + BUILD, a defaultdict(list)), for fixtures. Test-only.
 */
final class PickleBytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    PickleBytes() {
        out.write(0x80);
        out.write(2);
    }

    PickleBytes op(int... bytes) {
        for (int b : bytes) out.write(b);
        return this;
    }

    PickleBytes global(String module, String name) {
        out.write('c');
        out.writeBytes((module + "\n" + name + "\n").getBytes(StandardCharsets.ISO_8859_1));
        return this;
    }

    PickleBytes shortString(String s) {
        out.write('U');
        out.write(s.length());
        out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
        return this;
    }

    PickleBytes binString(byte[] b) {
        out.write('T');
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(b.length).array());
        out.writeBytes(b);
        return this;
    }

    PickleBytes integer(long v) {
        if (v >= 0 && v < 256) return op('K', (int) v);
        if (v >= 0 && v < 65536) return op('M', (int) (v & 0xFF), (int) (v >> 8));
        out.write('J');
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) v).array());
        return this;
    }

    /** numpy.ndarray of shape (a) or (a, b), dtype "i4" or "f4", values in C order. */
    PickleBytes ndarray(String dtype, int[] shape, double[] values) {
        global("numpy.core.multiarray", "_reconstruct").global("numpy", "ndarray").integer(0).op(0x85).shortString("b").op(0x87, 'R');
        op('(').integer(1);
        for (int s : shape) integer(s);
        op(shape.length == 1 ? 0x85 : 0x86);
        global("numpy", "dtype").shortString(dtype).integer(0).integer(1).op(0x87, 'R');
        op('(').integer(3).shortString("<").op('N', 'N', 'N').integer(-1).integer(-1).integer(0).op('t', 'b');
        op(0x89);
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            if (dtype.equals("i4")) b.putInt((int) v);
            else b.putFloat((float) v);
        }
        binString(b.array());
        return op('t', 'b');
    }

    /** scipy.sparse.csr.csr_matrix of a dense (rows, cols) f4 matrix. */
    PickleBytes csr(int rows, int cols, double[] dense) {
        java.util.List<Double> data = new java.util.ArrayList<>();
        java.util.List<Double> idx = new java.util.ArrayList<>();
        double[] ptr = new double[rows + 1];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (dense[r * cols + c] != 0) {
                    data.add(dense[r * cols + c]);
                    idx.add((double) c);
                }
            }
            ptr[r + 1] = data.size();
        }
        global("scipy.sparse.csr", "csr_matrix").op(')', 0x81, '}', '(');
        shortString("format").shortString("csr").shortString("_shape").integer(rows).integer(cols).op(0x86);
        shortString("indptr").ndarray("i4", new int[] {rows + 1}, ptr);
        shortString("indices").ndarray("i4", new int[] {idx.size()}, idx.stream().mapToDouble(d -> d).toArray());
        shortString("data").ndarray("f4", new int[] {data.size()}, data.stream().mapToDouble(d -> d).toArray());
        return op('u', 'b');
    }

    /** collections.defaultdict(list) {node: [neighbours]}. */
    PickleBytes adjacency(Map<Integer, int[]> adj) {
        global("collections", "defaultdict").global("__builtin__", "list").op(0x85, 'R', '(');
        for (Map.Entry<Integer, int[]> e : adj.entrySet()) {
            integer(e.getKey()).op(']', '(');
            for (int v : e.getValue()) integer(v);
            op('e');
        }
        return op('u');
    }

    byte[] done() {
        out.write('.');
        return out.toByteArray();
    }
}
