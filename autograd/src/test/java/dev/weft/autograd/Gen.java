package dev.weft.autograd;

import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Shape;
import dev.weft.tensor.Tensor;
import java.util.SplittableRandom;

/**
 * Seeded random inputs for gradient checks: small shapes, broadcast-compatible shape pairs, F64 values
 * from a range (optionally kept away from kinks such as 0 for relu), and leaves that are randomly
 * non-contiguous views (a transpose or a stride-2 slice of a larger buffer).
 */
public final class Gen {
    public final SplittableRandom r;

    public Gen(long seed) {
        r = new SplittableRandom(seed);
    }

    public int nextInt(int lo, int hiInclusive) {
        return r.nextInt(lo, hiInclusive + 1);
    }

    public boolean coin() {
        return r.nextBoolean();
    }

    /** A shape of rank in [minRank, maxRank] with sizes 1..maxDim. */
    public int[] shape(int minRank, int maxRank, int maxDim) {
        int[] s = new int[nextInt(minRank, maxRank)];
        for (int i = 0; i < s.length; i++) s[i] = nextInt(1, maxDim);
        return s;
    }

    /** A shape that broadcasts to out: some dims set to 1, maybe fewer leading dims. */
    public int[] broadcastFrom(int[] out) {
        int drop = out.length == 0 ? 0 : nextInt(0, Math.min(1, out.length));
        int[] s = new int[out.length - drop];
        for (int i = 0; i < s.length; i++) s[i] = r.nextInt(4) == 0 ? 1 : out[i + drop];
        return s;
    }

    /** Uniform values in [lo, hi), at least margin away from each kink. */
    public double value(double lo, double hi, double margin, double... kinks) {
        while (true) {
            double v = lo + (hi - lo) * r.nextDouble();
            boolean ok = true;
            for (double k : kinks) ok &= Math.abs(v - k) > margin;
            if (ok) return v;
        }
    }

    /** An F64 leaf requiring grad with values in [lo, hi) away from kinks, randomly non-contiguous. */
    public Tensor leaf(int[] shape, double lo, double hi, double... kinks) {
        return tensor(shape, lo, hi, kinks).requiresGrad(true);
    }

    /** Like {@link #leaf} but not requiring grad. */
    public Tensor tensor(int[] shape, double lo, double hi, double... kinks) {
        int n = Shape.numel(shape);
        if (shape.length >= 2 && coin()) {                      // a transposed view of the last two dims
            int[] t = shape.clone();
            int a = t.length - 2;
            t[a] = shape[a + 1];
            t[a + 1] = shape[a];
            return Tensor.of(values(n, lo, hi, kinks), t).transpose(-1, -2);
        }
        if (shape.length >= 1 && coin()) {                      // every other element of a wider buffer
            int[] w = shape.clone();
            w[w.length - 1] *= 2;
            return Tensor.of(values(2 * n, lo, hi, kinks), w).slice(w.length - 1, 0, w[w.length - 1], 2);
        }
        return Tensor.of(values(n, lo, hi, kinks), shape);
    }

    public double[] values(int n, double lo, double hi, double... kinks) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = value(lo, hi, 0.05, kinks);
        return v;
    }

    /** A random BOOL tensor of the shape. */
    public Tensor mask(int[] shape) {
        boolean[] b = new boolean[Shape.numel(shape)];
        for (int i = 0; i < b.length; i++) b[i] = coin();
        return Tensor.of(b).reshape(shape);
    }

    /** Random I64 indices in [0, bound) of the shape. */
    public Tensor indices(int[] shape, int bound) {
        long[] v = new long[Shape.numel(shape)];
        for (int i = 0; i < v.length; i++) v[i] = r.nextInt(bound);
        return Tensor.of(v).reshape(shape);
    }

    public static Tensor f64(double... v) {
        return Tensor.of(v).to(DType.F64);
    }
}
