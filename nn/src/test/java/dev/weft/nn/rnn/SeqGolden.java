package dev.weft.nn.rnn;

import dev.weft.autograd.Autograd;
import dev.weft.nn.Module;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Shape;
import dev.weft.tensor.Tensor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Reader and checker for golden/seq_golden.txt (written by nn/src/test/python/make_seq_golden.py) and
 * golden/rnn_golden.txt (make_rnn_golden.py, same format): per case the module's state dict, inputs,
 * outputs, the cotangents R that define the loss sum(output * R), and that loss's gradients. Shared by the
 * rnn and attention golden tests.
 */
public final class SeqGolden {
    private SeqGolden() {}

    public static final double TOL = 1e-8;

    private static final Map<String, Map<String, Map<String, Tensor>>> FILES = new LinkedHashMap<>();

    /** The tensors of case {@code name} of seq_golden.txt by their full names ("param.weight_ih_l0", "input.x", ...). */
    public static Map<String, Tensor> load(String name) {
        return load("seq_golden.txt", name);
    }

    /** The tensors of case {@code name} of golden/{@code file}. */
    public static synchronized Map<String, Tensor> load(String file, String name) {
        Map<String, Map<String, Tensor>> cases = FILES.computeIfAbsent(file, SeqGolden::read);
        Map<String, Tensor> c = cases.get(name);
        assertNotNull(c, file + " has no case '" + name + "' (cases: " + cases.keySet() + ")");
        return c;
    }

    private static Map<String, Map<String, Tensor>> read(String file) {
        var in = SeqGolden.class.getResourceAsStream("/golden/" + file);
        if (in == null) throw new IllegalStateException("resource /golden/" + file + " is missing");
        Map<String, Map<String, Tensor>> out = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            Map<String, Tensor> cur = null;
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) continue;
                String[] w = line.trim().split(" ");
                switch (w[0]) {
                    case "case" -> out.put(w[1], cur = new LinkedHashMap<>());
                    case "end" -> cur = null;
                    case "tensor" -> {
                        int[] shape = new int[w.length - 2];
                        for (int i = 0; i < shape.length; i++) shape[i] = Integer.parseInt(w[i + 2]);
                        String values = r.readLine().trim();
                        String[] v = values.isEmpty() ? new String[0] : values.split(" ");
                        double[] d = new double[v.length];
                        for (int i = 0; i < v.length; i++) d[i] = Double.parseDouble(v[i]);
                        if (d.length != Shape.numel(shape)) {
                            throw new IllegalStateException(file + ": " + w[1] + " has " + d.length
                                    + " values for shape " + Shape.format(shape));
                        }
                        cur.put(w[1], Tensor.of(d, shape));
                    }
                    default -> throw new IllegalStateException(file + ": unexpected line '" + line + "'");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The "param.*" entries with the prefix removed: a state dict in PyTorch names. */
    public static Map<String, Tensor> stateDict(Map<String, Tensor> c) {
        Map<String, Tensor> sd = new LinkedHashMap<>();
        c.forEach((k, v) -> { if (k.startsWith("param.")) sd.put(k.substring(6), v); });
        return sd;
    }

    /** A fresh F64 leaf copy of input {@code name} that requires grad. */
    public static Tensor input(Map<String, Tensor> c, String name) {
        return c.get("input." + name).clone().requiresGrad(true);
    }

    /** A 0/1 input as a BOOL mask. */
    public static Tensor mask(Map<String, Tensor> c, String name) {
        return c.get("input." + name).ne(0.0);
    }

    /**
     * Loads the case's weights into {@code module} (F64), runs {@code run} on the given leaf inputs,
     * compares every output, back-propagates sum(output * R) and compares the gradients of the inputs
     * and of every parameter the case lists.
     */
    public static void check(String caseName, Module module, Map<String, Tensor> inputs,
                             Function<Map<String, Tensor>, Map<String, Tensor>> run) {
        check("seq_golden.txt", caseName, module, inputs, run);
    }

    /** {@link #check(String, Module, Map, Function)} for a case of golden/{@code file}. */
    public static void check(String file, String caseName, Module module, Map<String, Tensor> inputs,
                             Function<Map<String, Tensor>, Map<String, Tensor>> run) {
        Map<String, Tensor> c = load(file, caseName);
        module.to(DType.F64);
        module.loadStateDict(stateDict(c));
        module.zeroGrad();
        Map<String, Tensor> outs = run.apply(inputs);
        Tensor loss = null;
        for (var e : outs.entrySet()) {
            Tensor want = c.get("output." + e.getKey());
            assertNotNull(want, caseName + ": golden has no output '" + e.getKey() + "'");
            assertClose(caseName + " output " + e.getKey(), want, e.getValue());
            Tensor term = e.getValue().mul(c.get("cotangent." + e.getKey())).sum();
            loss = loss == null ? term : loss.add(term);
        }
        assertEquals(c.keySet().stream().filter(k -> k.startsWith("output.")).count(), outs.size(),
                caseName + ": number of outputs checked");
        Autograd.backward(loss);
        for (var e : inputs.entrySet()) {
            Tensor want = c.get("grad.input." + e.getKey());
            if (want == null) continue;
            assertNotNull(e.getValue().grad(), caseName + ": input " + e.getKey() + " got no gradient");
            assertClose(caseName + " grad of input " + e.getKey(), want, e.getValue().grad());
        }
        Map<String, Tensor> params = module.namedParameters();
        int checked = 0;
        for (var e : c.entrySet()) {
            if (!e.getKey().startsWith("grad.param.")) continue;
            String p = e.getKey().substring("grad.param.".length());
            Tensor t = params.get(p);
            assertNotNull(t, caseName + ": module has no parameter " + p);
            assertNotNull(t.grad(), caseName + ": parameter " + p + " got no gradient");
            assertClose(caseName + " grad of " + p, e.getValue(), t.grad());
            checked++;
        }
        if (checked == 0) fail(caseName + ": golden lists no parameter gradients");
    }

    /** |expected - actual| <= TOL elementwise, shapes equal; the message names the worst element. */
    public static void assertClose(String what, Tensor expected, Tensor actual) {
        if (!Arrays.equals(expected.shape(), actual.shape())) {
            fail(what + ": shape " + Shape.format(actual.shape()) + " != expected " + Shape.format(expected.shape()));
        }
        double[] e = expected.to(DType.F64).contiguous().toDoubleArray();
        double[] a = actual.detach().to(DType.F64).contiguous().toDoubleArray();
        int worst = -1;
        double max = 0;
        for (int i = 0; i < e.length; i++) {
            double d = Math.abs(e[i] - a[i]);
            if (!(d <= max) || Double.isNaN(d)) {
                max = Double.isNaN(d) ? Double.POSITIVE_INFINITY : d;
                worst = i;
            }
        }
        if (worst >= 0 && max > TOL) {
            fail(what + ": element " + worst + " is " + a[worst] + ", expected " + e[worst] + " (|diff| " + max
                    + " > " + TOL + ")");
        }
    }
}
