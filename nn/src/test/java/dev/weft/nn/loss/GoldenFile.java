package dev.weft.nn.loss;

import dev.weft.tensor.Tensor;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the golden text files written by the scripts under nn/src/test/python: one tensor per line,
 * {@code case key dtype shape values...} (dtype f64 or i64, shape comma-separated or '-' for 0-d),
 * '#' lines are comments. Values are Python reprs, so doubles round-trip exactly.
 */
public final class GoldenFile {
    private final Map<String, Map<String, Tensor>> cases;

    private GoldenFile(Map<String, Map<String, Tensor>> cases) {
        this.cases = cases;
    }

    /** Loads a classpath resource such as "/golden/loss_golden.txt". */
    public static GoldenFile load(String resource) {
        InputStream in = GoldenFile.class.getResourceAsStream(resource);
        if (in == null) throw new IllegalStateException("golden resource " + resource + " not found on the classpath");
        Map<String, Map<String, Tensor>> cases = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int no = 0;
            while ((line = r.readLine()) != null) {
                no++;
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.trim().split(" ");
                if (f.length < 4) throw new IllegalStateException(resource + ":" + no + ": expected case key dtype shape values");
                int[] shape = f[3].equals("-") ? new int[0] : parseShape(f[3]);
                int n = 1;
                for (int s : shape) n *= s;
                if (f.length - 4 != n) {
                    throw new IllegalStateException(resource + ":" + no + ": shape " + f[3] + " needs " + n + " values, got " + (f.length - 4));
                }
                Tensor t;
                if (f[2].equals("i64")) {
                    long[] v = new long[n];
                    for (int i = 0; i < n; i++) v[i] = Long.parseLong(f[4 + i]);
                    t = Tensor.of(v).reshape(shape);
                } else {
                    double[] v = new double[n];
                    for (int i = 0; i < n; i++) v[i] = Double.parseDouble(f[4 + i]);
                    t = Tensor.of(v, shape);
                }
                cases.computeIfAbsent(f[0], k -> new LinkedHashMap<>()).put(f[1], t);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new GoldenFile(cases);
    }

    private static int[] parseShape(String s) {
        String[] p = s.split(",");
        int[] out = new int[p.length];
        for (int i = 0; i < p.length; i++) out[i] = Integer.parseInt(p[i]);
        return out;
    }

    public Map<String, Map<String, Tensor>> cases() {
        return cases;
    }

    /** The tensors of one case; an error naming the case when it is absent. */
    public Map<String, Tensor> get(String name) {
        Map<String, Tensor> c = cases.get(name);
        if (c == null) throw new IllegalStateException("golden case '" + name + "' not found (have " + cases.keySet() + ")");
        return c;
    }

    /**
     * Asserts |actual - expected| <= atol + rtol |expected| elementwise with equal shapes (NaN only
     * matches NaN); the message names what, the element, both values.
     */
    public static void assertClose(String what, Tensor expected, Tensor actual, double rtol, double atol) {
        if (!java.util.Arrays.equals(expected.shape(), actual.shape())) {
            throw new AssertionError(what + ": shape " + dev.weft.tensor.core.Shape.format(actual.shape()) + ", expected "
                    + dev.weft.tensor.core.Shape.format(expected.shape()));
        }
        double[] e = expected.toDoubleArray(), a = actual.toDoubleArray();
        for (int i = 0; i < e.length; i++) {
            boolean ok = Double.isNaN(e[i]) ? Double.isNaN(a[i]) : Math.abs(a[i] - e[i]) <= atol + rtol * Math.abs(e[i]);
            if (!ok) throw new AssertionError(what + ": element " + i + ": expected " + e[i] + ", got " + a[i]
                    + " (|diff| " + Math.abs(a[i] - e[i]) + ")");
        }
    }
}
