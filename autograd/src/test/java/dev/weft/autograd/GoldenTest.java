package dev.weft.autograd;

import static org.junit.jupiter.api.Assertions.*;

import dev.weft.tensor.Convolution;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.Linalg;
import dev.weft.tensor.Pooling;
import dev.weft.tensor.Joining;
import dev.weft.tensor.Tensor;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Outputs and gradients of composite functions against PyTorch 1.13 in F64 (within 1e-6), from
 * golden/autograd_golden.txt written by autograd/src/test/python/make_golden.py (CI never runs Python).
 * Each function below is the Java twin of the one of the same name in that script.
 */
class GoldenTest {
    static {
        Autograd.install();
    }

    record Block(Map<String, Tensor> inputs, Map<String, Tensor> consts, Tensor loss, Map<String, Tensor> grads) {}

    private static final Map<String, Function<Block, Tensor>> FUNCTIONS = Map.of(
            "mlp", b -> {
                Tensor x = b.inputs.get("x"), w1 = b.inputs.get("w1"), b1 = b.inputs.get("b1");
                Tensor w2 = b.inputs.get("w2"), b2 = b.inputs.get("b2");
                Tensor h1 = x.matmul(w1.t()).add(b1).tanh();
                Tensor h2 = h1.matmul(w2.t()).add(b2).gelu();
                return h2.pow(2).mean().add(w1.norm().mul(0.1));
            },
            "softmax_nll", b -> {
                Tensor logits = b.inputs.get("logits"), onehot = b.consts.get("onehot");
                Tensor logp = logits.logSoftmax(1);
                Tensor nll = logp.mul(onehot).sum().neg().div(4.0);
                Tensor ent = logits.softmax(1).mul(logp).sum(1).neg().mean();
                return nll.add(ent.mul(0.5)).add(logits.logsumexp(0).sum().mul(0.1));
            },
            "broadcast_reduce", b -> {
                Tensor a = b.inputs.get("a"), bb = b.inputs.get("b"), c = b.inputs.get("c");
                Tensor y = a.mul(bb).add(c.exp());
                return y.sum(0).amax(1).sum()
                        .add(y.var(2).mean())
                        .add(y.logsumexp(1).sum().mul(0.5))
                        .add(a.abs().add(1.0).prod().mul(0.01))
                        .add(y.std())
                        .add(y.cumsum(2).mean())
                        .add(y.sub(y.mean(0, true)).pow(2).sum())
                        .add(a.maximum(bb.unsqueeze(0)).sum())
                        .add(y.max(1).values().sum().mul(0.1));
            },
            "einsum_matmul", b -> {
                Tensor A = b.inputs.get("A"), B = b.inputs.get("B"), C = b.inputs.get("C");
                Tensor y = A.matmul(B);
                Tensor z = Tensor.einsum("bij,bjk->bik", y, C);
                Tensor t = Tensor.einsum("bii->b", z);
                return t.sum()
                        .add(Tensor.einsum("ij,ij->", B, B))
                        .add(A.transpose(1, 2).matmul(A).norm())
                        .add(Tensor.einsum("bij,jk->bik", A, B).sigmoid().sum())
                        .add(z.slice(1, 1, 3).slice(2, 0, 3, 2).sum());
            },
            "conv_index_linalg", b -> {
                Tensor x = b.inputs.get("x"), w = b.inputs.get("w"), bias = b.inputs.get("b");
                Tensor m = b.inputs.get("m"), rhs = b.inputs.get("rhs");
                Tensor idx = b.consts.get("idx").to(DType.I64);
                Tensor y = Pooling.maxPool2d(Convolution.conv2d(x, w, bias, new int[] {1}, new int[] {1}, new int[] {1}, 1).relu(), 2);
                Tensor z = Pooling.avgPool2d(y, new int[] {2}, new int[] {1}, new int[] {0}, false, true);
                Tensor picked = y.flatten(1, -1).gather(1, idx.mul(7L));
                Tensor spd = m.matmul(m.t()).add(Tensor.eye(3, 3, DType.F64).mul(3.0));
                return picked.logsumexp(1).sum().add(z.square().sum())
                        .add(y.sort(-1, false).values().select(-1, 0).sum())
                        .add(Linalg.solve(spd, rhs).sum()).add(Linalg.cholesky(spd).sum()).add(Linalg.det(spd).mul(0.1))
                        .add(y.indexSelect(1, Tensor.of(3L, 0L)).mean());
            },
            "new_ops", b -> {
                Tensor a = b.inputs.get("a"), bb = b.inputs.get("b"), c = b.inputs.get("c");
                Tensor x1 = b.inputs.get("x1"), x2 = b.inputs.get("x2"), z = b.inputs.get("z");
                Tensor zm = z.mul(b.consts.get("mask"));
                Tensor reps = b.consts.get("reps").to(DType.I64);
                return a.addcmul(bb, c, 0.5).sum().add(a.addcdiv(bb, c, -0.25).square().sum())
                        .add(a.div(c).nanToNum().sum()).add(a.repeatInterleave(reps, 0).pow(2).sum())
                        .add(Tensor.cdist(x1, x2, 2).sum()).add(Tensor.cdist(x1, x2, 1).mean()).add(Tensor.cdist(x1, x1, 3).sum())
                        .add(zm.norm(2, 1).sum()).add(zm.std(1).sum()).add(zm.norm(3, 1).sum());
            },
            "inplace_ops", b -> {
                Tensor x = b.inputs.get("x"), v = b.inputs.get("v"), w = b.inputs.get("w"), m = b.inputs.get("m");
                Tensor y = x.mul(1.0);
                y.indexPut_(Tensor.of(new long[] {3, 0}), v, false);
                y.indexPut_(Tensor.of(new long[] {1, 1}), w, true);
                y.maskedFill_(b.consts.get("keep").expand(4, 3).gt(0.5), 0.25);
                y.clamp_(-0.5, 0.8);
                y.addcmul_(m, m, 0.3);
                Tensor p = Joining.pad(x, new int[] {1, 2}, "reflect", 0);
                java.util.List<Tensor> u = x.unbind(1);
                return y.square().sum().add(p.sin().sum()).add(u.get(0).mul(u.get(2).exp()).sum());
            });

    @ParameterizedTest
    @ValueSource(strings = {"mlp", "softmax_nll", "broadcast_reduce", "einsum_matmul", "conv_index_linalg", "new_ops", "inplace_ops"})
    void matchesPyTorch(String name) throws IOException {
        Block b = load().get(name);
        assertNotNull(b, "golden case " + name + " missing");
        Tensor loss = FUNCTIONS.get(name).apply(b);
        close(name + " loss", b.loss, loss);
        Tensor[] in = b.inputs.values().toArray(Tensor[]::new);
        Tensor[] g = Autograd.grad(loss, in);
        int i = 0;
        for (String k : b.inputs.keySet()) close(name + " grad " + k, b.grads.get(k), g[i++]);
    }

    private static void close(String what, Tensor want, Tensor got) {
        assertArrayEquals(want.shape(), got.shape(), what + ": shape");
        double[] w = want.toDoubleArray(), v = got.toDoubleArray();
        for (int i = 0; i < w.length; i++) {
            assertTrue(Math.abs(w[i] - v[i]) <= 1e-6 * (1 + Math.abs(w[i])),
                    what + ": element " + i + ": PyTorch " + w[i] + ", Weft " + v[i]);
        }
    }

    private static Map<String, Block> load() throws IOException {
        Map<String, Block> cases = new LinkedHashMap<>();
        try (var in = GoldenTest.class.getResourceAsStream("/golden/autograd_golden.txt")) {
            assertNotNull(in, "golden/autograd_golden.txt not on the test classpath");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line, name = null;
            Block cur = null;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) continue;
                String[] p = line.split(" ");
                switch (p[0]) {
                    case "case" -> {
                        name = p[1];
                        cur = new Block(new LinkedHashMap<>(), new LinkedHashMap<>(), null, new LinkedHashMap<>());
                    }
                    case "end" -> cases.put(name, cur);
                    default -> {
                        Tensor t = parse(p[2], r.readLine());
                        switch (p[0]) {
                            case "input" -> cur.inputs.put(p[1], t.requiresGrad(true));
                            case "const" -> cur.consts.put(p[1], t);
                            case "output" -> cur = new Block(cur.inputs, cur.consts, t, cur.grads);
                            case "grad" -> cur.grads.put(p[1], t);
                            default -> fail("golden: unknown line kind " + p[0]);
                        }
                    }
                }
            }
        }
        return cases;
    }

    private static Tensor parse(String shape, String values) {
        int[] s = shape.equals("-") ? new int[0] : java.util.Arrays.stream(shape.split(",")).mapToInt(Integer::parseInt).toArray();
        double[] v = java.util.Arrays.stream(values.trim().split(" ")).mapToDouble(Double::parseDouble).toArray();
        return Tensor.of(v, s);
    }
}
