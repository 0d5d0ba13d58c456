package dev.weft.autograd;

import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Device;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.op.CopyOp;
import dev.weft.tensor.Dispatch;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The table every gradient property is driven from: one case per differentiable op (or composite
 * exercising it), with a seeded input generator (random shapes, broadcasting, non-contiguous leaves,
 * values kept off kinks) and a flag for the second-order check. Which primitives a case covers is
 * not declared here: the coverage test reads it off the recorded graph.
 */
final class OpCases {
    private OpCases() {}

    record Case(String name, boolean secondOrder, Gradcheck.Tolerance tol, Function<Gen, Tensor[]> inputs,
                Function<Tensor[], Tensor> f) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final List<Case> ALL = new ArrayList<>();

    private static void add(String name, boolean second, Function<Gen, Tensor[]> in, Function<Tensor[], Tensor> f) {
        ALL.add(new Case(name, second, Gradcheck.Tolerance.DEFAULT, in, f));
    }

    private static void add(String name, boolean second, Gradcheck.Tolerance tol, Function<Gen, Tensor[]> in,
                            Function<Tensor[], Tensor> f) {
        ALL.add(new Case(name, second, tol, in, f));
    }

    static List<Case> all() {
        return ALL;
    }

    /** One leaf of a random shape (rank 0..3) with values in [lo, hi) away from kinks. */
    private static Function<Gen, Tensor[]> one(double lo, double hi, double... kinks) {
        return g -> new Tensor[] {g.leaf(g.shape(0, 3, 3), lo, hi, kinks)};
    }

    /** Two leaves whose shapes broadcast against each other. */
    private static Function<Gen, Tensor[]> two(double lo, double hi, double lo2, double hi2) {
        return g -> {
            int[] out = g.shape(0, 3, 3);
            int[] a = g.coin() ? out : g.broadcastFrom(out), b = g.coin() ? out : g.broadcastFrom(out);
            return new Tensor[] {g.leaf(a, lo, hi), g.leaf(b, lo2, hi2)};
        };
    }

    /** A leaf of rank 1..3 and a random dim of it. */
    private static Function<Gen, Tensor[]> ranked(double lo, double hi) {
        return g -> new Tensor[] {g.leaf(g.shape(1, 3, 4), lo, hi)};
    }

    private static int dim(Tensor x, long salt) {
        return (int) Math.floorMod(salt * 31 + x.numel() * 7L + x.dim(), x.dim());
    }

    static {
        // ------------------------------------------------------------ unary
        add("neg", true, one(-1, 1), x -> x[0].neg());
        add("abs", true, one(-1, 1, 0), x -> x[0].abs());
        add("exp", true, one(-1, 1), x -> x[0].exp());
        add("log", true, one(0.3, 2), x -> x[0].log());
        add("log1p", true, one(-0.5, 1), x -> x[0].log1p());
        add("expm1", true, one(-1, 1), x -> x[0].expm1());
        add("sqrt", true, one(0.3, 2), x -> x[0].sqrt());
        add("rsqrt", true, one(0.3, 2), x -> x[0].rsqrt());
        add("square", true, one(-1, 1), x -> x[0].square());
        add("sin", true, one(-2, 2), x -> x[0].sin());
        add("cos", true, one(-2, 2), x -> x[0].cos());
        add("tanh", true, one(-2, 2), x -> x[0].tanh());
        add("sigmoid", true, one(-2, 2), x -> x[0].sigmoid());
        add("relu", true, one(-1, 1, 0), x -> x[0].relu());
        add("leaky_relu", true, one(-1, 1, 0), x -> x[0].leakyRelu(0.1));
        add("elu", true, one(-1, 1, 0), x -> x[0].elu(1.3));
        add("gelu", true, one(-2, 2), x -> x[0].gelu());
        add("gelu_tanh", true, one(-2, 2), x -> x[0].gelu("tanh"));
        add("silu", true, one(-2, 2), x -> x[0].silu());
        add("softplus", true, one(-1.5, 1.5, 0.5), x -> x[0].softplus(2, 1));
        add("sign", false, one(-1, 1, 0), x -> x[0].sign().mul(x[0]));
        add("floor", false, one(-1.9, 1.9, -1, 0, 1), x -> x[0].floor().add(x[0]));
        add("ceil", false, one(-1.9, 1.9, -1, 0, 1), x -> x[0].ceil().add(x[0]));
        add("round", false, one(-1.9, 1.9, -1.5, -0.5, 0.5, 1.5), x -> x[0].round().add(x[0]));
        add("pow_scalar", true, one(0.3, 2), x -> x[0].pow(2.5));
        add("pow_scalar_neg", true, one(0.3, 2), x -> x[0].pow(-1.5));
        add("pow_scalar_int", true, one(-1, 1), x -> x[0].pow(3));
        add("pow_scalar_zero", false, one(-1, 1), x -> x[0].pow(0).add(x[0]));
        add("reciprocal", true, one(0.3, 2), x -> x[0].reciprocal());
        add("erf", true, one(-1.5, 1.5), x -> x[0].erf());
        add("clamp", true, one(-1, 1, -0.4, 0.6), x -> x[0].clamp(-0.4, 0.6));
        add("clamp_min", false, one(-1, 1, 0.1), x -> x[0].clampMin(0.1));

        // ------------------------------------------------------------ binary (broadcasting)
        add("add", true, two(-1, 1, -1, 1), x -> x[0].add(x[1]));
        add("add_alpha", false, two(-1, 1, -1, 1), x -> x[0].add(x[1], -0.5));
        add("sub", true, two(-1, 1, -1, 1), x -> x[0].sub(x[1]));
        add("mul", true, two(-1, 1, -1, 1), x -> x[0].mul(x[1]));
        add("mul_scalar", true, one(-1, 1), x -> x[0].mul(3.0).add(2.0));
        add("div", true, two(-1, 1, 0.5, 2), x -> x[0].div(x[1]));
        add("div_neg", false, two(-1, 1, -2, -0.5), x -> x[0].div(x[1]));
        add("pow", true, two(0.5, 2, -1.5, 1.5), x -> x[0].pow(x[1]));
        add("maximum", true, two(-1, 1, -1, 1), x -> x[0].maximum(x[1]));
        add("minimum", true, two(-1, 1, -1, 1), x -> x[0].minimum(x[1]));
        add("atan2", true, two(-1, 1, 0.3, 1), x -> x[0].atan2(x[1]));
        add("remainder", false, g -> ratioPair(g), x -> x[0].remainder(x[1]));
        add("fmod", false, g -> ratioPair(g), x -> x[0].fmod(x[1]));
        add("clamp_tensor", false, g -> {
            int[] s = g.shape(1, 2, 3);
            return new Tensor[] {g.leaf(s, -1, 1), g.leaf(s, -1, -0.2), g.leaf(s, 0.2, 1)};
        }, x -> x[0].clamp(x[1], x[2]));
        add("where", true, g -> {
            int[] out = g.shape(1, 3, 3);
            return new Tensor[] {g.leaf(g.broadcastFrom(out), -1, 1), g.leaf(out, -1, 1), g.mask(g.broadcastFrom(out))};
        }, x -> Tensor.where(x[2], x[0], x[1]));
        add("where_scalar", false, one(-1, 1, 0), x -> Tensor.where(x[0].gt(0.0), x[0].mul(2.0), -1.0));
        add("cast_f32", false, new Gradcheck.Tolerance(1e-3, 1e-3, 1e-3), one(-1, 1), x -> x[0].to(DType.F32).mul(2.0).to(DType.F64));

        // ------------------------------------------------------------ reductions
        add("sum_all", true, one(-1, 1), x -> x[0].sum());
        add("sum_dim", true, ranked(-1, 1), x -> x[0].sum(dim(x[0], 1), false));
        add("sum_dims_keepdim", true, g -> new Tensor[] {g.leaf(g.shape(2, 3, 3), -1, 1)}, x -> x[0].sum(new int[] {0, -1}, true));
        add("mean", true, ranked(-1, 1), x -> x[0].mean(dim(x[0], 2), true));
        add("prod", true, ranked(0.5, 1.5), x -> x[0].prod(dim(x[0], 3), false));
        add("prod_all", false, one(0.5, 1.5), x -> x[0].prod());
        add("prod_zeros", false, g -> new Tensor[] {withZeros(g, g.shape(1, 3, 3))}, x -> x[0].prod(-1, true));
        add("prod_all_zeros", false, g -> new Tensor[] {withZeros(g, g.shape(1, 2, 3))}, x -> x[0].prod());
        add("amax", true, ranked(-1, 1), x -> x[0].amax(new int[] {dim(x[0], 4)}, false));
        add("amin", true, ranked(-1, 1), x -> x[0].amin(new int[] {dim(x[0], 5)}, true));
        add("max_all", false, one(-1, 1), x -> x[0].max());
        add("max_dim", true, ranked(-1, 1), x -> x[0].max(dim(x[0], 6)).values());
        add("min_dim_keepdim", true, ranked(-1, 1), x -> x[0].min(dim(x[0], 7), true).values());
        add("var", true, g -> new Tensor[] {g.leaf(withLast(g.shape(1, 3, 4), g.nextInt(2, 4)), -1, 1)}, x -> x[0].var(new int[] {-1}, 1, false));
        add("var_all", false, one(-1, 1), x -> x[0].var(null, 0, false));
        add("std", true, g -> new Tensor[] {g.leaf(withFirst(g.shape(1, 3, 4), g.nextInt(2, 3)), -1, 1)}, x -> x[0].std(new int[] {0}, 0, true));
        add("logsumexp", true, ranked(-2, 2), x -> x[0].logsumexp(new int[] {dim(x[0], 8)}, false));
        add("softmax", true, ranked(-2, 2), x -> x[0].softmax(dim(x[0], 9)));
        add("log_softmax", true, ranked(-2, 2), x -> x[0].logSoftmax(dim(x[0], 10)));
        add("cumsum", true, ranked(-1, 1), x -> x[0].cumsum(dim(x[0], 11)));
        add("cumprod", true, ranked(0.5, 1.5), x -> x[0].cumprod(dim(x[0], 12)));
        add("cumprod_zeros", false, g -> new Tensor[] {withZeros(g, g.shape(1, 3, 4))}, x -> x[0].cumprod(-1));
        add("norm2", true, one(-1, 1), x -> x[0].norm().add(x[0].sum()));
        add("norm1", false, one(-1, 1, 0), x -> x[0].norm(1));
        add("norm3_dim", false, g -> new Tensor[] {g.leaf(g.shape(1, 3, 3), -1, 1, 0)}, x -> x[0].norm(3, new int[] {-1}, false));
        add("norm_inf", false, one(-1, 1, 0), x -> x[0].norm(Double.POSITIVE_INFINITY));

        // ------------------------------------------------------------ views
        add("reshape", true, g -> new Tensor[] {g.leaf(new int[] {2, 3, 2}, -1, 1)}, x -> x[0].reshape(3, -1).mul(x[0].reshape(3, 4)));
        add("view_flatten", false, g -> new Tensor[] {g.leaf(g.shape(1, 3, 3), -1, 1)}, x -> x[0].flatten().exp());
        add("unflatten", false, g -> new Tensor[] {g.leaf(new int[] {3, 4}, -1, 1)}, x -> x[0].unflatten(1, 2, 2).sin());
        add("permute", true, g -> new Tensor[] {g.leaf(g.shape(3, 3, 3), -1, 1)}, x -> x[0].permute(2, 0, 1).mul(2.0));
        add("transpose", false, g -> new Tensor[] {g.leaf(g.shape(2, 3, 3), -1, 1)}, x -> x[0].transpose(0, -1).exp());
        add("expand", true, g -> new Tensor[] {g.leaf(new int[] {3, 1}, -1, 1)}, x -> x[0].expand(2, 3, 4).square());
        add("slice", true, g -> new Tensor[] {g.leaf(g.shape(1, 3, 5), -1, 1)}, x -> x[0].slice(-1, 1, 5, 2).exp());
        add("narrow", false, g -> new Tensor[] {g.leaf(new int[] {4, 3}, -1, 1)}, x -> x[0].narrow(0, 1, 2).square());
        add("select", true, g -> new Tensor[] {g.leaf(g.shape(1, 3, 3), -1, 1)}, x -> x[0].select(0, -1).exp());
        add("squeeze", false, g -> new Tensor[] {g.leaf(new int[] {2, 1, 3}, -1, 1)}, x -> x[0].squeeze(1).exp());
        add("squeeze_all", false, g -> new Tensor[] {g.leaf(new int[] {1, 3, 1}, -1, 1)}, x -> x[0].squeeze().exp());
        add("unsqueeze", false, one(-1, 1), x -> x[0].unsqueeze(0).exp());
        add("as_strided", false, g -> new Tensor[] {g.leaf(new int[] {3, 4}, -1, 1)},
                x -> x[0].contiguous().asStrided(new int[] {2, 2}, new int[] {1, 4}, 1).exp());
        add("as_strided_overlap", false, g -> new Tensor[] {g.leaf(new int[] {5}, -1, 1)},
                x -> x[0].contiguous().asStrided(new int[] {3, 3}, new int[] {1, 1}, 0).square());
        add("contiguous", false, g -> new Tensor[] {g.leaf(g.shape(2, 3, 3), -1, 1)}, x -> x[0].transpose(0, -1).contiguous().mul(x[0].transpose(0, -1)));

        // ------------------------------------------------------------ products
        add("bmm", true, g -> {
            int b = g.nextInt(1, 2), m = g.nextInt(1, 3), k = g.nextInt(1, 3), n = g.nextInt(1, 3);
            return new Tensor[] {g.leaf(new int[] {b, m, k}, -1, 1), g.leaf(new int[] {b, k, n}, -1, 1)};
        }, x -> x[0].bmm(x[1]));
        add("mm", true, g -> {
            int m = g.nextInt(1, 3), k = g.nextInt(1, 3), n = g.nextInt(1, 3);
            return new Tensor[] {g.leaf(new int[] {m, k}, -1, 1), g.leaf(new int[] {k, n}, -1, 1)};
        }, x -> x[0].mm(x[1]));
        add("matmul_batch_broadcast", true, g -> {
            int m = g.nextInt(1, 3), k = g.nextInt(1, 3), n = g.nextInt(1, 2);
            return new Tensor[] {g.leaf(new int[] {2, 1, m, k}, -1, 1), g.leaf(new int[] {3, k, n}, -1, 1)};
        }, x -> x[0].matmul(x[1]));
        add("matmul_3d_2d", false, g -> new Tensor[] {g.leaf(new int[] {2, 2, 3}, -1, 1), g.leaf(new int[] {3, 2}, -1, 1)},
                x -> x[0].matmul(x[1]));
        add("matmul_1d_3d", false, g -> new Tensor[] {g.leaf(new int[] {3}, -1, 1), g.leaf(new int[] {2, 3, 2}, -1, 1)},
                x -> x[0].matmul(x[1]));
        add("mv", false, g -> new Tensor[] {g.leaf(new int[] {3, 2}, -1, 1), g.leaf(new int[] {2}, -1, 1)}, x -> x[0].mv(x[1]));
        add("dot", true, g -> new Tensor[] {g.leaf(new int[] {4}, -1, 1), g.leaf(new int[] {4}, -1, 1)}, x -> x[0].dot(x[1]));
        add("outer", false, g -> new Tensor[] {g.leaf(new int[] {3}, -1, 1), g.leaf(new int[] {2}, -1, 1)}, x -> x[0].outer(x[1]));
        add("einsum_bmm", true, g -> new Tensor[] {g.leaf(new int[] {2, 2, 3}, -1, 1), g.leaf(new int[] {2, 3, 2}, -1, 1)},
                x -> Tensor.einsum("bij,bjk->bik", x[0], x[1]));
        add("einsum_diag", true, g -> new Tensor[] {g.leaf(new int[] {3, 3}, -1, 1)}, x -> Tensor.einsum("ii->i", x[0]));
        add("einsum_trace", false, g -> new Tensor[] {g.leaf(new int[] {3, 3}, -1, 1)}, x -> Tensor.einsum("ii", x[0]));
        add("einsum_contract", false, g -> new Tensor[] {g.leaf(new int[] {2, 3}, -1, 1), g.leaf(new int[] {3}, -1, 1)},
                x -> Tensor.einsum("ij,j->", x[0], x[1]));

        // ------------------------------------------------------------ copies and in-place
        add("clone", false, one(-1, 1), x -> x[0].clone().mul(x[0]));
        add("copy_into", false, g -> new Tensor[] {g.leaf(new int[] {3}, -1, 1)},
                x -> Tensor.zeros(DType.F64, 2, 3).copy_(x[0]).mul(2.0));
        add("copy_into_cast", false, new Gradcheck.Tolerance(1e-3, 1e-3, 1e-3), g -> new Tensor[] {g.leaf(new int[] {3}, -1, 1)},
                x -> Tensor.zeros(DType.F32, 3).copy_(x[0]).to(DType.F64));
        add("in_place_chain", false, two(-1, 1, -1, 1), x -> {
            Tensor h = x[0].mul(x[1]).add(0.0);
            h.add_(x[1].exp().expand(h.shape()));
            return h.mul_(3.0);
        });
        add("to_device", false, one(-1, 1), x -> Dispatch.apply1(new CopyOp.ToDevice(Device.CPU), x[0]).exp());

        StructuralCases.addAll(OpCases::add);
    }

    private static int[] withFirst(int[] s, int first) {
        s[0] = first;
        return s;
    }

    private static int[] withLast(int[] s, int last) {
        s[s.length - 1] = last;
        return s;
    }

    /** a, b of one shape with a/b kept off integers (the kinks of remainder and fmod). */
    private static Tensor[] ratioPair(Gen g) {
        int[] s = g.shape(1, 2, 3);
        int n = dev.weft.tensor.core.Shape.numel(s);
        double[] a = new double[n], b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = g.coin() ? g.value(0.5, 1, 0) : g.value(-1, -0.5, 0);
            double q;
            do {
                a[i] = g.value(-2, 2, 0);
                q = a[i] / b[i];
            } while (Math.abs(q - Math.rint(q)) < 0.05);
        }
        return new Tensor[] {Tensor.of(a, s).requiresGrad(true), Tensor.of(b, s).requiresGrad(true)};
    }

    /** Values in [0.5, 1.5) with about a third of them exactly 0 (at least one). */
    private static Tensor withZeros(Gen g, int[] shape) {
        int n = dev.weft.tensor.core.Shape.numel(shape);
        double[] v = g.values(n, 0.5, 1.5);
        v[g.nextInt(0, n - 1)] = 0;
        for (int i = 0; i < n; i++) if (g.nextInt(0, 2) == 0) v[i] = 0;
        return Tensor.of(v, shape).requiresGrad(true);
    }
}
