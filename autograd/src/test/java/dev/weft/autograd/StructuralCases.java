package dev.weft.autograd;

import dev.weft.tensor.Convolution;
import dev.weft.tensor.Joining;
import dev.weft.tensor.Linalg;
import dev.weft.tensor.Pooling;
import dev.weft.tensor.core.Shape;
import dev.weft.tensor.Sorting;
import dev.weft.tensor.Tensor;
import java.util.function.Function;

/**
 * Gradient cases of the structural families (joining, indexing, sorting, convolution and pooling,
 * linear algebra), added to {@link OpCases}' table. Index tensors are seeded and, for scatter (where a
 * repeated target keeps only the last write), unique per slice; matrices are kept well conditioned.
 */
final class StructuralCases {
    private StructuralCases() {}

    interface Adder {
        void add(String name, boolean second, Function<Gen, Tensor[]> in, Function<Tensor[], Tensor> f);
    }

    static void addAll(Adder add) {
        // ------------------------------------------------------------ joining
        add.add("cat", true, g -> {
            int[] a = g.shape(1, 3, 3), b = a.clone();
            int d = g.nextInt(0, a.length - 1);
            b[d] = g.nextInt(1, 3);
            return new Tensor[] {g.leaf(a, -1, 1), g.leaf(b, -1, 1), Tensor.of((long) d)};
        }, x -> Tensor.cat(new Tensor[] {x[0], x[1], x[0].mul(2.0)}, (int) x[2].itemLong()));
        add.add("stack_split", false, g -> {
            int[] s = g.shape(1, 2, 3);
            return new Tensor[] {g.leaf(s, -1, 1), g.leaf(s, -1, 1)};
        }, x -> {
            Tensor st = Tensor.stack(new Tensor[] {x[0], x[1].exp()}, 0);
            var parts = st.split(1, 0);
            return parts.get(1).mul(parts.get(0)).add(st.chunk(2, 0).get(0));
        });
        add.add("flip", true, g -> new Tensor[] {g.leaf(g.shape(1, 3, 3), -1, 1)}, x -> x[0].flip(-1).mul(x[0]).add(x[0].flip(0).square()));
        add.add("roll", false, g -> new Tensor[] {g.leaf(g.shape(1, 3, 4), -1, 1)}, x -> x[0].roll(1, -1).mul(x[0]));
        add.add("repeat_tile", false, g -> new Tensor[] {g.leaf(new int[] {2, 3}, -1, 1)}, x -> x[0].repeat(2, 1, 2).sin().add(x[0].tile(2).sum()));
        add.add("pad_modes", false, g -> new Tensor[] {g.leaf(new int[] {1, 2, 3, 4}, -1, 1)},
                x -> Joining.pad(x[0], new int[] {1, 2}, "reflect", 0).square().sum()
                        .add(Joining.pad(x[0], new int[] {1, 1, 2, 0}, "replicate", 0).exp().sum())
                        .add(Joining.pad(x[0], new int[] {2, 1}, "circular", 0).mul(Joining.pad(x[0], new int[] {2, 1}, "constant", 0.5)).sum())
                        .add(Joining.pad(x[0], new int[] {-1, 0, 0, 1}).square().sum()));
        add.add("tril_triu_diagonal", false, g -> new Tensor[] {g.leaf(new int[] {3, 4}, -1, 1)},
                x -> x[0].tril(0).mul(2.0).add(x[0].triu(1).square()).sum().add(x[0].diagonal(1, 0, 1).exp().sum())
                        .add(x[0].diagonal(0, 0, 1).diag(0).sum()));
        // ------------------------------------------------------------ indexing
        add.add("index_select", true, g -> {
            int[] s = g.shape(1, 3, 3);
            int d = g.nextInt(0, s.length - 1);
            return new Tensor[] {g.leaf(s, -1, 1), g.indices(new int[] {g.nextInt(1, 4)}, s[d]), Tensor.of((long) d)};
        }, x -> x[0].indexSelect((int) x[2].itemLong(), x[1]));
        add.add("gather", true, g -> {
            int[] s = g.shape(1, 3, 3), is = s.clone();
            int d = g.nextInt(0, s.length - 1);
            is[d] = g.nextInt(1, 4);
            return new Tensor[] {g.leaf(s, -1, 1), g.indices(is, s[d]), Tensor.of((long) d)};
        }, x -> x[0].gather((int) x[2].itemLong(), x[1]));
        add.add("scatter", true, g -> {
            int[] s = g.shape(1, 3, 4);
            int d = g.nextInt(0, s.length - 1);
            Tensor idx = uniqueIndex(g, s, d);
            int[] src = idx.shape();
            for (int i = 0; i < src.length; i++) if (g.coin()) src[i]++;
            return new Tensor[] {g.leaf(s, -1, 1), g.leaf(src, -1, 1), idx, Tensor.of((long) d)};
        }, x -> x[0].scatter((int) x[3].itemLong(), x[2], x[1]));
        add.add("scatter_value", false, g -> {
            int[] s = g.shape(1, 3, 3);
            return new Tensor[] {g.leaf(s, -1, 1), uniqueIndex(g, s, 0)};
        }, x -> x[0].scatter(0, x[1], 0.5).exp());
        add.add("scatter_add", true, g -> scatterInputs(g, 0.5, 1.5, false), x -> x[0].scatterAdd((int) x[3].itemLong(), x[2], x[1]));
        for (String r : new String[] {"sum", "mean", "amax", "amin", "prod"}) {
            for (boolean incl : new boolean[] {true, false}) {
                add.add("scatter_reduce_" + r + (incl ? "" : "_exclude_self"), r.equals("sum") || r.equals("mean"),
                        g -> scatterInputs(g, 0.5, 1.5, false), x -> x[0].scatterReduce((int) x[3].itemLong(), x[2], x[1], r, incl));
            }
        }
        add.add("scatter_reduce_prod_zeros", false, g -> scatterInputs(g, 0.5, 1.5, true),
                x -> x[0].scatterReduce((int) x[3].itemLong(), x[2], x[1], "prod", true));
        add.add("index_add", true, g -> {
            int[] s = g.shape(1, 3, 3), src = s.clone();
            int d = g.nextInt(0, s.length - 1);
            src[d] = g.nextInt(1, 4);
            return new Tensor[] {g.leaf(s, -1, 1), g.leaf(src, -1, 1), g.indices(new int[] {src[d]}, s[d]), Tensor.of((long) d)};
        }, x -> x[0].indexAdd((int) x[3].itemLong(), x[2], x[1], -1.5));
        add.add("masked_fill_select", true, g -> {
            int[] s = g.shape(1, 3, 3);
            return new Tensor[] {g.leaf(s, -1, 1), g.mask(g.broadcastFrom(s))};
        }, x -> x[0].maskedFill(x[1], 2.0).mul(x[0]).sum().add(x[0].maskedSelect(x[1]).square().sum()));
        add.add("advanced_index", false, g -> {
            int[] s = g.shape(1, 3, 3);
            return new Tensor[] {g.leaf(s, -1, 1), g.indices(new int[] {2, 2}, s[0])};
        }, x -> x[0].index(x[1]).exp());
        // ------------------------------------------------------------ sorting
        add.add("sort", true, ranked(), x -> x[0].sort(-1, true).values().mul(Tensor.arange(x[0].size(-1)).to(x[0].dtype())));
        add.add("topk", true, ranked(), x -> x[0].topk(Math.max(1, x[0].size(0) - 1), 0, true, true).values().square());
        add.add("topk_unsorted_smallest", false, ranked(), x -> x[0].topk(1, -1, false, false).values().exp());
        add.add("kthvalue_median", false, ranked(), x -> x[0].kthvalue(1, -1, false).values().add(x[0].median()));
        // ------------------------------------------------------------ convolution and pooling
        add.add("conv2d", true, g -> {
            int b = g.nextInt(1, 2), ci = 2, co = g.nextInt(1, 2);
            return new Tensor[] {g.leaf(new int[] {b, ci, 4, 4}, -1, 1), g.leaf(new int[] {co, ci, 2, 2}, -1, 1), g.leaf(new int[] {co}, -1, 1)};
        }, x -> Convolution.conv2d(x[0], x[1], x[2]));
        add.add("conv2d_strided_grouped", false, g -> new Tensor[] {
                g.leaf(new int[] {1, 4, 5, 4}, -1, 1), g.leaf(new int[] {2, 2, 3, 2}, -1, 1)},
                x -> Convolution.conv2d(x[0], x[1], null, new int[] {2, 1}, new int[] {1, 1}, new int[] {1, 2}, 2));
        add.add("conv1d_same", false, g -> new Tensor[] {g.leaf(new int[] {2, 2, 5}, -1, 1), g.leaf(new int[] {3, 2, 2}, -1, 1)},
                x -> Convolution.conv1d(x[0], x[1], null, 1, "same", 1, 1));
        add.add("unfold_fold", true, g -> new Tensor[] {g.leaf(new int[] {1, 2, 3, 4}, -1, 1)},
                x -> Convolution.fold(Convolution.unfold(x[0], 2, 2).exp(), new int[] {3, 4}, new int[] {2, 2}));
        add.add("max_pool2d", true, g -> new Tensor[] {g.leaf(new int[] {1, 2, 4, 5}, -1, 1)},
                x -> Pooling.maxPool2d(x[0], new int[] {2, 2}, new int[] {2, 2}, new int[] {1, 0}, new int[] {1, 1}, true));
        add.add("max_pool1d", false, g -> new Tensor[] {g.leaf(new int[] {2, 2, 6}, -1, 1)}, x -> Pooling.maxPool1d(x[0], 3));
        add.add("avg_pool2d", true, g -> new Tensor[] {g.leaf(new int[] {1, 2, 5, 4}, -1, 1)},
                x -> Pooling.avgPool2d(x[0], new int[] {3, 2}, new int[] {2, 2}, new int[] {1, 1}, true, false));
        add.add("avg_pool1d", false, g -> new Tensor[] {g.leaf(new int[] {1, 2, 5}, -1, 1)}, x -> Pooling.avgPool1d(x[0], 2));
        add.add("max_pool2d_backward", false, g -> {
            Tensor img = g.tensor(new int[] {1, 2, 4, 4}, -1, 1);
            Tensor idx = Pooling.maxPool2dWithIndices(img, new int[] {2, 2}, new int[] {2, 2}, new int[] {0, 0}, new int[] {1, 1}, false).indices();
            return new Tensor[] {g.leaf(new int[] {1, 2, 2, 2}, -1, 1), idx};
        }, x -> Pooling.maxPool2dBackward(x[0], x[1], 4, 4));
        add.add("avg_pool2d_backward", false, g -> new Tensor[] {g.leaf(new int[] {1, 2, 2, 2}, -1, 1)},
                x -> Pooling.avgPool2dBackward(x[0], 4, 4, new int[] {2, 2}, new int[] {2, 2}, new int[] {0, 0}, false, true));
        // ------------------------------------------------------------ linear algebra
        add.add("solve", true, g -> new Tensor[] {wellConditioned(g, 3), g.leaf(new int[] {3, 2}, -1, 1)}, x -> Linalg.solve(x[0], x[1]));
        add.add("solve_batched_vector", false, g -> new Tensor[] {wellConditioned(g, 2).unsqueeze(0).expand(2, 2, 2).clone().detach().requiresGrad(true),
                g.leaf(new int[] {2, 2}, -1, 1)}, x -> Linalg.solve(x[0], x[1]));
        add.add("cholesky", true, g -> new Tensor[] {spd(g, 3)}, x -> Linalg.cholesky(x[0]));
        add.add("cholesky_upper", false, g -> new Tensor[] {spd(g, 3)}, x -> Linalg.cholesky(x[0], true));
        add.add("cholesky_of_product", false, g -> new Tensor[] {g.leaf(new int[] {3, 3}, -1, 1)},
                x -> Linalg.cholesky(x[0].matmul(x[0].mT()).add(Tensor.eye(3, 3, x[0].dtype()))));
        add.add("cholesky_solve", false, g -> new Tensor[] {g.leaf(new int[] {3, 2}, -1, 1), lowerFactor(g, 3)},
                x -> Linalg.choleskySolve(x[0], x[1]));
        add.add("cholesky_solve_upper", false, g -> new Tensor[] {g.leaf(new int[] {3, 2}, -1, 1), lowerFactor(g, 3).mT().detach().requiresGrad(true)},
                x -> Linalg.choleskySolve(x[0], x[1], true));
        for (boolean upper : new boolean[] {true, false}) {
            for (boolean left : new boolean[] {true, false}) {
                for (boolean unit : new boolean[] {false, true}) {
                    add.add("solve_triangular_" + (upper ? "upper" : "lower") + (left ? "_left" : "_right") + (unit ? "_unit" : ""),
                            upper && left && !unit, g -> new Tensor[] {wellConditioned(g, 3), g.leaf(left ? new int[] {3, 2} : new int[] {2, 3}, -1, 1)},
                            x -> Linalg.solveTriangular(x[0], x[1], upper, left, unit));
                }
            }
        }
        add.add("qr_tall", false, g -> new Tensor[] {g.leaf(new int[] {4, 3}, -1, 1), g.tensor(new int[] {4, 3}, -1, 1), g.tensor(new int[] {3, 3}, -1, 1)},
                x -> {
                    var qr = Linalg.qr(x[0]);
                    return qr.Q().mul(x[1]).sum().add(qr.R().mul(x[2]).sum());
                });
        add.add("qr_square_q", false, g -> new Tensor[] {wellConditioned(g, 3)}, x -> Linalg.qr(x[0]).Q());
        add.add("qr_wide", false, g -> new Tensor[] {g.leaf(new int[] {2, 4}, -1, 1), g.tensor(new int[] {2, 2}, -1, 1), g.tensor(new int[] {2, 4}, -1, 1)},
                x -> {
                    var qr = Linalg.qr(x[0]);
                    return qr.Q().mul(x[1]).sum().add(qr.R().mul(x[2]).sum());
                });
        add.add("lstsq_tall", false, g -> new Tensor[] {g.leaf(new int[] {4, 2}, -1, 1), g.leaf(new int[] {4, 2}, -1, 1)}, x -> Linalg.lstsq(x[0], x[1]));
        add.add("lstsq_wide", false, g -> new Tensor[] {g.leaf(new int[] {2, 4}, -1, 1), g.leaf(new int[] {2, 1}, -1, 1)}, x -> Linalg.lstsq(x[0], x[1]));
        add.add("det", true, g -> new Tensor[] {wellConditioned(g, 3)}, x -> Linalg.det(x[0]));
        add.add("slogdet_logdet", false, g -> new Tensor[] {wellConditioned(g, 3)},
                x -> Linalg.slogdet(x[0]).logabsdet().add(Linalg.logdet(x[0].square().add(Tensor.eye(3, 3, x[0].dtype())))));
        add.add("inv", true, g -> new Tensor[] {wellConditioned(g, 3)}, x -> x[0].inverse());
    }

    private static Function<Gen, Tensor[]> ranked() {
        return g -> new Tensor[] {g.leaf(g.shape(1, 3, 4), -1, 1)};
    }

    /** An index of the shape of s with dim narrowed to k, whose entries along dim are distinct (a partial permutation). */
    static Tensor uniqueIndex(Gen g, int[] s, int dim) {
        Tensor keys = g.tensor(s, 0, 1);
        int k = g.nextInt(1, s[dim]);
        return Sorting.argsort(keys, dim, false).narrow(dim, 0, k).contiguous();
    }

    /** self, src, idx (repeats allowed), dim for scatter_add/scatter_reduce; src values in [lo, hi), some 0 if zeros. */
    private static Tensor[] scatterInputs(Gen g, double lo, double hi, boolean zeros) {
        int[] s = g.shape(1, 3, 3), is = s.clone();
        int d = g.nextInt(0, s.length - 1);
        is[d] = g.nextInt(1, 4);
        for (int i = 0; i < is.length; i++) if (i != d) is[i] = g.nextInt(1, s[i]);
        int[] src = is.clone();
        if (g.coin()) src[d]++;
        Tensor self = g.leaf(s, lo, hi);
        double[] v = g.values(Shape.numel(src), lo, hi);
        if (zeros) for (int i = 0; i < v.length; i += 2) v[i] = 0;
        return new Tensor[] {self, Tensor.of(v, src).requiresGrad(true), g.indices(is, s[d]), Tensor.of((long) d)};
    }

    /** (n, n) with entries in [-1, 1) plus n on the diagonal: invertible, diagonal away from 0. */
    static Tensor wellConditioned(Gen g, int n) {
        Tensor a = Tensor.of(g.values(n * n, -1, 1), n, n);
        return a.add(Tensor.eye(n, n, a.dtype()).mul((double) n)).requiresGrad(true);
    }

    /** A symmetric positive-definite (n, n) leaf. */
    static Tensor spd(Gen g, int n) {
        Tensor m = Tensor.of(g.values(n * n, -1, 1), n, n);
        return m.matmul(m.mT()).add(Tensor.eye(n, n, m.dtype()).mul(1.0)).requiresGrad(true);
    }

    /** A lower-triangular (n, n) leaf with a positive diagonal (a Cholesky factor). */
    static Tensor lowerFactor(Gen g, int n) {
        Tensor m = Tensor.of(g.values(n * n, -1, 1), n, n).tril(0);
        return m.add(Tensor.eye(n, n, m.dtype()).mul(2.0)).requiresGrad(true);
    }
}
