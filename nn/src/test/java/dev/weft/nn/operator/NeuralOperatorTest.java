package dev.weft.nn.operator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.autograd.Gradcheck;
import dev.weft.nn.FunctionalCall;
import dev.weft.nn.Module;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * SpectralConv1d against its formula written as direct DFT loops (even and odd T), FNO1d's shapes, names and
 * resolution independence of the spectral weights, DeepONet against sum_k b_k t_k + b0 by hand, F64 gradchecks of
 * all three (inputs and every parameter), and the errors of bad sizes.
 */
class NeuralOperatorTest {
    /** (K v)[b, o, t] = 1/T sum_k c_k Re(exp(2 pi i k t / T) sum_i V[b, i, k] R[i, o, k]), c_k = 1 at DC and Nyquist, else 2. */
    static double[][][] spectralByHand(double[][][] x, double[][][][] w, int modes) {
        int b = x.length, ci = x[0].length, t = x[0][0].length, co = w[0].length;
        double[][][] y = new double[b][co][t];
        for (int n = 0; n < b; n++) {
            for (int k = 0; k < modes; k++) {
                double c = k == 0 || 2 * k == t ? 1 : 2;
                for (int o = 0; o < co; o++) {
                    double zr = 0, zi = 0;
                    for (int i = 0; i < ci; i++) {
                        double vr = 0, vi = 0;
                        for (int s = 0; s < t; s++) {
                            double a = -2 * Math.PI * k * s / t;
                            vr += x[n][i][s] * Math.cos(a);
                            vi += x[n][i][s] * Math.sin(a);
                        }
                        zr += vr * w[i][o][k][0] - vi * w[i][o][k][1];
                        zi += vr * w[i][o][k][1] + vi * w[i][o][k][0];
                    }
                    // bin 0 and Nyquist: irfft ignores their imaginary parts
                    if (k == 0 || 2 * k == t) zi = 0;
                    for (int s = 0; s < t; s++) {
                        double a = 2 * Math.PI * k * s / t;
                        y[n][o][s] += c * (zr * Math.cos(a) - zi * Math.sin(a)) / t;
                    }
                }
            }
        }
        return y;
    }

    @Test
    void spectralConvIsItsFormula() {
        for (int t : new int[] {8, 9, 6}) {
            int modes = t / 2 + 1 - (t == 9 ? 1 : 0);       // up to the Nyquist bin for even T
            SpectralConv1d conv = new SpectralConv1d(3, 2, modes, new Generator(t));
            conv.to(DType.F64);
            Tensor x = Tensor.randn(new Generator(100 + t), DType.F64, 2, 3, t);
            Tensor w = conv.weight();
            double[] xs = x.toDoubleArray(), ws = w.toDoubleArray();
            double[][][] xa = new double[2][3][t];
            double[][][][] wa = new double[3][2][modes][2];
            for (int n = 0; n < 2; n++) for (int i = 0; i < 3; i++) for (int s = 0; s < t; s++) xa[n][i][s] = xs[(n * 3 + i) * t + s];
            for (int i = 0; i < 3; i++) for (int o = 0; o < 2; o++) for (int k = 0; k < modes; k++) for (int p = 0; p < 2; p++) {
                wa[i][o][k][p] = ws[((i * 2 + o) * modes + k) * 2 + p];
            }
            double[][][] want = spectralByHand(xa, wa, modes);
            double[] got = conv.forward(x).toDoubleArray();
            assertArrayEquals(new int[] {2, 2, t}, conv.forward(x).shape());
            for (int n = 0; n < 2; n++) for (int o = 0; o < 2; o++) for (int s = 0; s < t; s++) {
                assertEquals(want[n][o][s], got[(n * 2 + o) * t + s], 1e-12, "T=" + t + " [" + n + ", " + o + ", " + s + "]");
            }
        }
    }

    @Test
    void spectralWeightsInitAsTheReference() {
        SpectralConv1d conv = new SpectralConv1d(4, 5, 3, new Generator(1));
        double[] w = conv.weight().toDoubleArray();
        assertArrayEquals(new int[] {4, 5, 3, 2}, conv.weight().shape());
        for (double v : w) assertTrue(v >= 0 && v < 1.0 / 20, "U(0, 1 / (in * out)): " + v);
        assertEquals("SpectralConv1d(in_channels=4, out_channels=5, modes=3)", conv.toString());
    }

    /** Gradcheck of body over the given inputs and every parameter of m (F64), through FunctionalCall. */
    static void gradcheckModule(String name, Module m, Function<Tensor[], Tensor> body, Tensor... inputs) {
        m.to(DType.F64);
        List<String> names = new ArrayList<>(m.namedParameters().keySet());
        int k = inputs.length;
        Tensor[] all = new Tensor[k + names.size()];
        for (int i = 0; i < k; i++) all[i] = inputs[i].clone().requiresGrad(true);
        for (int i = 0; i < names.size(); i++) all[k + i] = m.namedParameters().get(names.get(i)).detach().clone().requiresGrad(true);
        assertTrue(Gradcheck.gradcheck(name, t -> {
            Map<String, Tensor> map = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) map.put(names.get(i), t[k + i]);
            return FunctionalCall.call(m, map, mm -> body.apply(java.util.Arrays.copyOf(t, k)));
        }, all), name);
    }

    @Test
    void spectralConvGradchecksForEvenAndOddLengths() {
        for (int t : new int[] {6, 7}) {
            SpectralConv1d conv = new SpectralConv1d(2, 3, t / 2 + 1, new Generator(2));
            gradcheckModule("SpectralConv1d T=" + t, conv, x -> conv.forward(x[0]), Tensor.randn(new Generator(3), DType.F64, 2, 2, t));
        }
    }

    @Test
    void fnoShapesNamesAndGradcheck() {
        FNO1d fno = new FNO1d(1, 2, 3, 4, 5, new Generator(4));
        List<String> names = new ArrayList<>(fno.namedParameters().keySet());
        assertEquals(List.of("fc0.weight", "fc0.bias", "conv0.weight", "w0.weight", "w0.bias"), names.subList(0, 5));
        assertArrayEquals(new int[] {4, 4, 3, 2}, fno.namedParameters().get("conv3.weight").shape());
        assertArrayEquals(new int[] {4, 4, 1}, fno.namedParameters().get("w3.weight").shape());
        Tensor a = Tensor.randn(new Generator(5), DType.F64, 2, 9, 1);
        fno.to(DType.F64);
        assertArrayEquals(new int[] {2, 9, 2}, fno.forward(a).shape());
        // the same weights apply at any resolution with >= modes bins
        assertArrayEquals(new int[] {2, 17, 2}, fno.forward(Tensor.randn(new Generator(6), DType.F64, 2, 17, 1)).shape());
        gradcheckModule("FNO1d", fno, x -> fno.forward(x[0]), a);
    }

    @Test
    void deepOnetIsTheDotProductOfBranchAndTrunk() {
        DeepONet net = new DeepONet(new int[] {5, 6, 4}, new int[] {1, 7, 4}, "relu", new Generator(7));
        net.to(DType.F64);
        Tensor u = Tensor.randn(new Generator(8), DType.F64, 3, 5), y = Tensor.rand(new Generator(9), DType.F64, 6, 1);
        Tensor b = net.branch(u), t = net.trunk(y);
        net.namedParameters().get("b").detach().fill_(0.25);
        Tensor g = net.forward(u, y);
        assertArrayEquals(new int[] {3, 6}, g.shape());
        double[] bs = b.toDoubleArray(), ts = t.toDoubleArray(), gs = g.toDoubleArray();
        for (int i = 0; i < 3; i++) for (int j = 0; j < 6; j++) {
            double s = 0.25;
            for (int k = 0; k < 4; k++) s += bs[i * 4 + k] * ts[j * 4 + k];
            assertEquals(s, gs[i * 6 + j], 1e-12);
        }
        for (double v : ts) assertTrue(v >= 0, "the trunk ends in its activation");
        // pairs: the diagonal of the product over the same points
        Tensor y3 = y.narrow(0, 0, 3);
        double[] diag = net.forward(u, y3).toDoubleArray(), paired = net.forwardPaired(u, y3).toDoubleArray();
        for (int i = 0; i < 3; i++) assertEquals(diag[i * 3 + i], paired[i], 1e-12);
        assertEquals(List.of("b", "branch.0.weight", "branch.0.bias", "branch.2.weight", "branch.2.bias", "trunk.0.weight", "trunk.0.bias",
                "trunk.2.weight", "trunk.2.bias"), new ArrayList<>(net.namedParameters().keySet()));
    }

    @Test
    void deepOnetGradchecks() {
        DeepONet net = new DeepONet(new int[] {4, 5, 3}, new int[] {2, 5, 3}, "tanh", new Generator(10));
        gradcheckModule("DeepONet", net, x -> net.forward(x[0], x[1]), Tensor.randn(new Generator(11), DType.F64, 3, 4),
                Tensor.randn(new Generator(12), DType.F64, 5, 2));
        gradcheckModule("DeepONet paired", net, x -> net.forwardPaired(x[0], x[1]), Tensor.randn(new Generator(13), DType.F64, 3, 4),
                Tensor.randn(new Generator(14), DType.F64, 3, 2));
    }

    static void error(String prefix, Runnable r) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().startsWith(prefix), "expected '" + prefix + "...', got '" + e.getMessage() + "'");
    }

    @Test
    void badSizesAreNamedErrors() {
        SpectralConv1d conv = new SpectralConv1d(2, 3, 4);
        error("SpectralConv1d(in_channels=2, out_channels=3, modes=4): input (1, 2, 5): length T = 5 has 3 rfft bins, fewer than modes = 4",
                () -> conv.forward(Tensor.zeros(1, 2, 5)));
        error("SpectralConv1d(in_channels=2, out_channels=3, modes=4): input (1, 3, 8): expected (B, 2, T)",
                () -> conv.forward(Tensor.zeros(1, 3, 8)));
        error("SpectralConv1d: in_channels, out_channels and modes must be >= 1, got in=2, out=3, modes=0", () -> new SpectralConv1d(2, 3, 0));
        error("FNO1d(in_channels=1, out_channels=1, modes=2, width=3, projection=128): input (2, 8): expected (B, T, 1)",
                () -> new FNO1d(2, 3).forward(Tensor.zeros(2, 8)));
        error("DeepONet: branch [3, 4] and trunk [1, 5]: each needs >= 2 widths >= 1 and both must end in the same p",
                () -> new DeepONet(new int[] {3, 4}, new int[] {1, 5}));
        error("DeepONet: activation swish is not one of", () -> new DeepONet(new int[] {3, 4}, new int[] {1, 4}, "swish", new Generator(0)));
        DeepONet net = new DeepONet(new int[] {3, 4}, new int[] {1, 4});
        error("DeepONet(branch=[3, 4], trunk=[1, 4], activation=relu): u (2, 5): expected (N, 3)",
                () -> net.forward(Tensor.zeros(2, 5), Tensor.zeros(4, 1)));
        error("DeepONet(branch=[3, 4], trunk=[1, 4], activation=relu).forwardPaired: u (2, 3) and y (4, 1)",
                () -> net.forwardPaired(Tensor.zeros(2, 3), Tensor.zeros(4, 1)));
    }
}
