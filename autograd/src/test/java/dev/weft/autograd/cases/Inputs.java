package dev.weft.autograd.cases;

import dev.weft.autograd.Gen;
import dev.weft.tensor.Sorting;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.Shape;
import java.util.function.Function;

/**
 * Seeded input generators the case tables share: random shapes (rank 0..3), broadcast pairs,
 * values kept off kinks, unique scatter indices, well-conditioned matrices.
 */
final class Inputs {
    private Inputs() {}

    /** One leaf of a random shape (rank 0..3) with values in [lo, hi) away from kinks. */
    static Function<Gen, Tensor[]> one(double lo, double hi, double... kinks) {
        return g -> new Tensor[] {g.leaf(g.shape(0, 3, 3), lo, hi, kinks)};
    }

    /** Two leaves whose shapes broadcast against each other. */
    static Function<Gen, Tensor[]> two(double lo, double hi, double lo2, double hi2) {
        return g -> {
            int[] out = g.shape(0, 3, 3);
            int[] a = g.coin() ? out : g.broadcastFrom(out), b = g.coin() ? out : g.broadcastFrom(out);
            return new Tensor[] {g.leaf(a, lo, hi), g.leaf(b, lo2, hi2)};
        };
    }

    /** A leaf of rank 1..3 and a random dim of it. */
    static Function<Gen, Tensor[]> ranked(double lo, double hi) {
        return g -> new Tensor[] {g.leaf(g.shape(1, 3, 4), lo, hi)};
    }

    static int dim(Tensor x, long salt) {
        return (int) Math.floorMod(salt * 31 + x.numel() * 7L + x.dim(), x.dim());
    }

    static int[] withFirst(int[] s, int first) {
        s[0] = first;
        return s;
    }

    static int[] withLast(int[] s, int last) {
        s[s.length - 1] = last;
        return s;
    }

    /** a, b of one shape with a/b kept off integers (the kinks of remainder and fmod). */
    static Tensor[] ratioPair(Gen g) {
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
    static Tensor withZeros(Gen g, int[] shape) {
        int n = dev.weft.tensor.core.Shape.numel(shape);
        double[] v = g.values(n, 0.5, 1.5);
        v[g.nextInt(0, n - 1)] = 0;
        for (int i = 0; i < n; i++) if (g.nextInt(0, 2) == 0) v[i] = 0;
        return Tensor.of(v, shape).requiresGrad(true);
    }

    static Function<Gen, Tensor[]> ranked() {
        return g -> new Tensor[] {g.leaf(g.shape(1, 3, 4), -1, 1)};
    }

    /** An index of the shape of s with dim narrowed to k, whose entries along dim are distinct (a partial permutation). */
    static Tensor uniqueIndex(Gen g, int[] s, int dim) {
        Tensor keys = g.tensor(s, 0, 1);
        int k = g.nextInt(1, s[dim]);
        return Sorting.argsort(keys, dim, false).narrow(dim, 0, k).contiguous();
    }

    /** self, src, idx (repeats allowed), dim for scatter_add/scatter_reduce; src values in [lo, hi), some 0 if zeros. */
    static Tensor[] scatterInputs(Gen g, double lo, double hi, boolean zeros) {
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
