package dev.weft.graph.data.pickle;

import dev.weft.graph.data.GraphDataException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;

/**
 * Turns the values of a Planetoid pickle into dense host arrays: a 2-d numpy array or a scipy CSR matrix
 * into a row-major float matrix (duplicate CSR entries summed, as scipy's todense), a defaultdict of lists
 * into adjacency lists. Every structural problem is an error naming the file.
 */
public final class PickleArrays {
    private PickleArrays() {}

    /** A dense row-major matrix. */
    public record Dense(int rows, int cols, float[] data) {
        public float get(int r, int c) { return data[r * cols + c]; }
    }

    /** The matrix a 2-d ndarray or a csr_matrix holds. */
    public static Dense dense(Object value, String file) throws GraphDataException {
        if (value instanceof Py.NdArray a) {
            if (a.shape.length != 2) throw new GraphDataException(file, "expected a 2-d array, got shape " + java.util.Arrays.toString(a.shape));
            double[] v = values(a);
            float[] f = new float[v.length];
            for (int i = 0; i < v.length; i++) f[i] = (float) v[i];
            return new Dense(a.shape[0], a.shape[1], f);
        }
        if (value instanceof Py.Obj o && o.state != null) return csr(o.state.map, file);
        throw new GraphDataException(file, "expected a numpy array or a scipy CSR matrix, got " + PickleReader.typeName(value));
    }

    private static Dense csr(Map<Object, Object> s, String file) throws GraphDataException {
        if (!"csr".equals(s.get("format"))) throw new GraphDataException(file, "csr_matrix state has format " + s.get("format"));
        if (!(s.get("_shape") instanceof Py.Tuple shape) || shape.size() != 2 || !(shape.get(0) instanceof Long rows)
                || !(shape.get(1) instanceof Long cols)) {
            throw new GraphDataException(file, "csr_matrix state has no (rows, cols) _shape");
        }
        long[] indptr = longs(vector(s.get("indptr"), "indptr", file));
        long[] indices = longs(vector(s.get("indices"), "indices", file));
        double[] data = values(vector(s.get("data"), "data", file));
        if (rows * cols > Integer.MAX_VALUE) throw new GraphDataException(file, "csr_matrix of " + rows + " x " + cols + " is too big to densify");
        int r = (int) (long) rows;
        int c = (int) (long) cols;
        if (indptr.length != r + 1 || indices.length != data.length || indptr[0] != 0 || indptr[r] != data.length) {
            throw new GraphDataException(file, "csr_matrix arrays disagree: " + indptr.length + " indptr for " + r + " rows, "
                    + indices.length + " indices, " + data.length + " values");
        }
        float[] out = new float[r * c];
        for (int i = 0; i < r; i++) {
            if (indptr[i + 1] < indptr[i]) throw new GraphDataException(file, "csr_matrix indptr decreases at row " + i);
            for (long k = indptr[i]; k < indptr[i + 1]; k++) {
                long j = indices[(int) k];
                if (j < 0 || j >= c) throw new GraphDataException(file, "csr_matrix entry " + k + " has column " + j + " outside [0, " + c + ")");
                out[i * c + (int) j] += (float) data[(int) k];
            }
        }
        return new Dense(r, c, out);
    }

    private static Py.NdArray vector(Object v, String what, String file) throws GraphDataException {
        if (v instanceof Py.NdArray a && a.shape != null && a.shape.length == 1) return a;
        throw new GraphDataException(file, "csr_matrix " + what + " must be a 1-d numpy array, got " + PickleReader.typeName(v));
    }

    /** The array's values as doubles (f4, f8, i4, i8, little-endian). */
    static double[] values(Py.NdArray a) {
        int n = (int) a.numel();
        ByteBuffer b = ByteBuffer.wrap(a.data).order(ByteOrder.LITTLE_ENDIAN);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = switch (a.dtype.code) {
                case "f4" -> b.getFloat(4 * i);
                case "f8" -> b.getDouble(8 * i);
                case "i4" -> b.getInt(4 * i);
                default -> b.getLong(8 * i);
            };
        }
        return out;
    }

    private static long[] longs(Py.NdArray a) {
        double[] v = values(a);
        long[] out = new long[v.length];
        for (int i = 0; i < v.length; i++) out[i] = (long) v[i];
        return out;
    }

    /** A dict {node: [neighbours]} as node -> neighbour arrays; keys and entries must be ints. */
    public static Map<Long, long[]> adjacency(Object value, String file) throws GraphDataException {
        if (!(value instanceof Py.Dict d)) throw new GraphDataException(file, "expected a dict of lists, got " + PickleReader.typeName(value));
        Map<Long, long[]> out = new java.util.LinkedHashMap<>();
        for (Map.Entry<Object, Object> e : d.map.entrySet()) {
            if (!(e.getKey() instanceof Long k)) throw new GraphDataException(file, "graph key " + e.getKey() + " is not an int");
            if (!(e.getValue() instanceof List<?> l)) throw new GraphDataException(file, "graph entry of node " + k + " is not a list");
            long[] nb = new long[l.size()];
            for (int i = 0; i < nb.length; i++) {
                if (!(l.get(i) instanceof Long v)) throw new GraphDataException(file, "neighbour " + i + " of node " + k + " is not an int");
                nb[i] = v;
            }
            out.put(k, nb);
        }
        return out;
    }
}
