package dev.weft.nn.kan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.autograd.Autograd;
import dev.weft.autograd.Gradcheck;
import dev.weft.nn.FunctionalCall;
import dev.weft.nn.io.ModuleIO;
import dev.weft.nn.optim.Adam;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The KAN model: pykan's state-dict names, the regularizer against its formula written out in loops and
 * gradient-checked in F64, save -> load -> the same outputs (with an updated grid and a mask, and for a refined
 * model), refinement keeping the function, and a short fit of the paper's toy function that lowers the loss.
 */
class KanModelTest {
    @TempDir
    Path dir;

    static KAN model(long seed, int grid, int... width) {
        KAN m = new KAN(KAN.options(width).grid(grid).noiseScale(1).generator(new Generator(seed)));
        m.to(DType.F64);
        return m;
    }

    @Test
    void namesAndShapesArePykans() {
        KAN m = new KAN(KAN.options(2, 5, 1).generator(new Generator(1)));
        assertEquals(List.of("act_fun.0.coef", "act_fun.0.scale_base", "act_fun.0.scale_sp", "act_fun.0.grid", "act_fun.0.mask",
                "act_fun.1.coef", "act_fun.1.scale_base", "act_fun.1.scale_sp", "act_fun.1.grid", "act_fun.1.mask",
                "symbolic_fun.0.affine", "symbolic_fun.0.mask", "symbolic_fun.1.affine", "symbolic_fun.1.mask"),
                List.copyOf(m.stateDict().keySet()));
        assertEquals(List.of(2, 5, 6), List.of(m.layer(0).coef().shape()[0], m.layer(0).coef().shape()[1], m.layer(0).coef().shape()[2]));
        assertEquals(10, m.layer(1).grid().size(1));
        assertEquals(List.of(7, 1), List.of(m.forward(Tensor.zeros(7, 2)).shape()[0], m.forward(Tensor.zeros(7, 2)).shape()[1]));
        assertTrue(m.toString().contains("width=[2, 5, 1], grid=3, k=3") && m.toString().contains("(0): KANLayer(in=2, out=5, num=3, k=3"), m.toString());
    }

    /** The regularizer written out: per layer, V = std(postacts) / (std(x) + 0.1), l1 + entropy of rows and columns. */
    static double regByHand(KAN.Activations acts, double l1w, double ew) {
        double total = 0;
        for (KANLayer.Activations a : acts.layers()) {
            int b = a.postacts().size(0), out = a.postacts().size(1), in = a.postacts().size(2);
            double[] post = a.postacts().contiguous().toDoubleArray(), pre = a.preacts().contiguous().toDoubleArray();
            double[][] v = new double[out][in];
            for (int o = 0; o < out; o++) {
                for (int i = 0; i < in; i++) {
                    v[o][i] = std(post, b, out * in, o * in + i) / (std(pre, b, out * in, o * in + i) + 0.1);
                }
            }
            double l1 = 0, sRow = 0, sCol = 0;
            for (int o = 0; o < out; o++) {
                double rs = 0;
                for (int i = 0; i < in; i++) rs += v[o][i];
                l1 += rs;
                for (int i = 0; i < in; i++) {
                    double p = v[o][i] / (rs + 1);
                    sRow -= p * Math.log(p + 1e-4) / Math.log(2) / out;
                }
            }
            for (int i = 0; i < in; i++) {
                double cs = 0;
                for (int o = 0; o < out; o++) cs += v[o][i];
                for (int o = 0; o < out; o++) {
                    double p = v[o][i] / (cs + 1);
                    sCol -= p * Math.log(p + 1e-4) / Math.log(2) / in;
                }
            }
            total += l1w * l1 + ew * (sRow + sCol);
        }
        return total;
    }

    /** The sample standard deviation of n entries of a from off with this stride (torch.std's n - 1). */
    static double std(double[] a, int n, int stride, int off) {
        double mean = 0, ss = 0;
        for (int r = 0; r < n; r++) mean += a[off + r * stride] / n;
        for (int r = 0; r < n; r++) ss += (a[off + r * stride] - mean) * (a[off + r * stride] - mean);
        return Math.sqrt(ss / (n - 1));
    }

    @Test
    void theRegularizerIsThePapersAndGradchecks() {
        KAN m = model(2, 4, 2, 3, 2);
        Tensor x = KanLayerTest.uniform(new Generator(3), DType.F64, -1, 1, 12, 2);
        KAN.Activations acts = m.forwardActivations(x);
        assertTrue(acts.y().allclose(m.forward(x), 0, 1e-12), "per-edge and fast outputs");
        assertEquals(regByHand(acts, 1, 1), m.reg(acts).item(), 1e-12);
        assertEquals(regByHand(acts, 0.5, 2), m.reg(acts, 0.5, 2, 0, 0).item(), 1e-12);
        List<String> names = new ArrayList<>(m.namedParameters().keySet());
        Tensor[] in = new Tensor[names.size() + 1];
        in[0] = x.clone().requiresGrad(true);
        for (int i = 0; i < names.size(); i++) in[i + 1] = m.namedParameters().get(names.get(i)).detach().clone().requiresGrad(true);
        assertTrue(Gradcheck.gradcheck("KAN.reg", t -> {
            Map<String, Tensor> map = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) map.put(names.get(i), t[i + 1]);
            return FunctionalCall.call(m, map, mm -> ((KAN) mm).reg(((KAN) mm).forwardActivations(t[0]), 1, 2, 0.3, 0.2));
        }, in));
    }

    @Test
    void saveLoadGivesTheSameOutputsWithTheGridAndMask() throws Exception {
        KAN m = model(4, 5, 3, 4, 2);
        Tensor x = KanLayerTest.uniform(new Generator(5), DType.F64, -2, 2, 30, 3);
        m.updateGridFromSamples(x);
        m.layer(0).mask().select(0, 1).zero_();
        Path f = dir.resolve("kan.safetensors");
        ModuleIO.save(m, f);
        KAN back = model(99, 5, 3, 4, 2);
        assertTrue(!back.forward(x).equal(m.forward(x)));
        ModuleIO.load(back, f);
        assertTrue(back.forward(x).equal(m.forward(x)), "outputs after save -> load");
        assertTrue(back.layer(1).grid().equal(m.layer(1).grid()) && back.layer(0).mask().equal(m.layer(0).mask()));
        // a refined model reloads into a model built with the finer grid
        KAN fine = m.refine(10, x);
        ModuleIO.save(fine, f);
        KAN fineBack = model(98, 10, 3, 4, 2);
        ModuleIO.load(fineBack, f);
        assertTrue(fineBack.forward(x).equal(fine.forward(x)));
        assertTrue(Files.size(f) > 0);
    }

    @Test
    void refiningTheModelKeepsItsFunction() {
        KAN m = model(6, 3, 2, 5, 1);
        Tensor x = KanLayerTest.uniform(new Generator(7), DType.F64, -1, 1, 80, 2);
        m.updateGridFromSamples(x);        // every layer's samples inside its grid: nested refinement is exact
        Tensor y = m.forward(x);
        KAN fine = m.refine(6, x);
        assertEquals(6, fine.grid);
        assertTrue(fine.forward(x).sub(y).abs().max().item() < 1e-10);
        KAN other = m.refine(5, x);
        assertTrue(other.forward(x).sub(y).abs().max().item() < 0.1 * y.abs().max().item());
    }

    @Test
    void aShortFitOfThePapersToyFunctionLowersTheLoss() {
        Generator g = new Generator(8);
        KAN m = new KAN(KAN.options(2, 5, 1).grid(5).generator(g));
        Tensor x = KanLayerTest.uniform(g, DType.F32, -1, 1, 200, 2);
        Tensor y = x.select(1, 0).mul(Math.PI).sin().add(x.select(1, 1).square()).exp().unsqueeze(1);  // exp(sin(pi x) + y^2)
        Adam opt = new Adam(m.parameters(), 0.02);
        double first = 0, last = 0;
        for (int step = 0; step < 60; step++) {
            opt.zeroGrad();
            KAN.Activations a = m.forwardActivations(x);
            Tensor mse = a.y().sub(y).square().mean();
            Autograd.backward(mse.add(m.reg(a).mul(1e-4)));
            opt.step();
            if (step == 0) first = mse.item();
            last = mse.item();
        }
        assertTrue(last < 0.2 * first, "mse " + first + " -> " + last);
    }
}
