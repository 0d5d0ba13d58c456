package dev.weft.nn.layers;

import dev.weft.tensor.core.DType;
import dev.weft.tensor.Tensor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads a golden file of lines {@code key shape values...} (shape "d0,d1" or "-" for a scalar) into F64 tensors. */
final class Golden {
    private final Map<String, Tensor> tensors = new LinkedHashMap<>();

    Golden(String resource) throws IOException {
        try (InputStream in = Golden.class.getResourceAsStream(resource)) {
            if (in == null) throw new IOException("golden resource " + resource + " not found");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.trim().split(" ");
                int[] shape = f[1].equals("-") ? new int[0] : java.util.Arrays.stream(f[1].split(",")).mapToInt(Integer::parseInt).toArray();
                double[] v = new double[f.length - 2];
                for (int i = 0; i < v.length; i++) v[i] = Double.parseDouble(f[i + 2]);
                tensors.put(f[0], Tensor.of(v, shape));
            }
        }
    }

    Tensor get(String key) {
        Tensor t = tensors.get(key);
        if (t == null) throw new IllegalArgumentException("golden: no entry " + key);
        return t;
    }

    /** Entries under {@code prefix + "."}, keys without the prefix. */
    Map<String, Tensor> under(String prefix) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        tensors.forEach((k, v) -> { if (k.startsWith(prefix + ".")) out.put(k.substring(prefix.length() + 1), v); });
        return out;
    }

    static void assertClose(String what, Tensor expected, Tensor actual, double tol) {
        if (!java.util.Arrays.equals(expected.shape(), actual.shape())) {
            throw new AssertionError(what + ": shape " + dev.weft.tensor.core.Shape.format(actual.shape()) + " != expected "
                    + dev.weft.tensor.core.Shape.format(expected.shape()));
        }
        double[] e = expected.toDoubleArray(), a = actual.to(DType.F64).toDoubleArray();
        for (int i = 0; i < e.length; i++) {
            if (!(Math.abs(e[i] - a[i]) <= tol * Math.max(1, Math.abs(e[i])))) {
                throw new AssertionError(what + ": flat index " + i + ": expected " + e[i] + ", got " + a[i]);
            }
        }
    }
}
