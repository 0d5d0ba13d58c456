package dev.weft.tensor;

import dev.weft.tensor.core.Shape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import java.util.Random;
import java.util.function.Function;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/**
 * Views against a reference model: random chains of view ops applied to a tensor, then contiguous(),
 * must equal the same chain applied to a plain row-major array by explicit index arithmetic.
 */
class ViewProperties {

    /** A row-major array with a shape: the reference model. */
    record Ref(int[] shape, double[] data) {
        double at(int[] idx) {
            int off = 0;
            int[] st = Shape.contiguousStrides(shape);
            for (int d = 0; d < idx.length; d++) off += idx[d] * st[d];
            return data[off];
        }

        Ref map(int[] newShape, Function<int[], int[]> source) {
            int n = Shape.numel(newShape);
            double[] out = new double[n];
            int[] idx = new int[newShape.length];
            for (int i = 0; i < n; i++) {
                int rem = i;
                for (int d = newShape.length - 1; d >= 0; d--) {
                    idx[d] = rem % newShape[d];
                    rem /= newShape[d];
                }
                out[i] = at(source.apply(idx.clone()));
            }
            return new Ref(newShape, out);
        }
    }

    @Property(tries = 150)
    void viewChainsMatchIndexArithmetic(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        Random rnd = new Random(seed);
        int rank = 1 + rnd.nextInt(4);
        int[] shape = new int[rank];
        for (int d = 0; d < rank; d++) shape[d] = 1 + rnd.nextInt(4);
        int n = Shape.numel(shape);
        double[] data = new double[n];
        for (int i = 0; i < n; i++) data[i] = i;
        Tensor t = Tensor.of(data, shape);
        Ref r = new Ref(shape, data);
        int steps = 1 + rnd.nextInt(5);
        StringBuilder trace = new StringBuilder(Shape.format(shape));
        for (int s = 0; s < steps; s++) {
            int[] cur = r.shape();
            int rk = cur.length;
            int op = rnd.nextInt(8);
            if (rk == 0 && op != 3 && op != 7) op = 3;
            final Ref rr = r;
            switch (op) {
                case 0 -> { // transpose
                    int a = rnd.nextInt(rk), b = rnd.nextInt(rk);
                    t = t.transpose(a, b);
                    int[] ns = cur.clone();
                    ns[a] = cur[b];
                    ns[b] = cur[a];
                    r = rr.map(ns, i -> {
                        int x = i[a];
                        i[a] = i[b];
                        i[b] = x;
                        return i;
                    });
                    trace.append(" transpose(").append(a).append(',').append(b).append(')');
                }
                case 1 -> { // slice with step
                    int d = rnd.nextInt(rk), size = cur[d];
                    int start = rnd.nextInt(size + 1), end = start + rnd.nextInt(size - start + 1), step = 1 + rnd.nextInt(2);
                    t = t.slice(d, start, end, step);
                    int[] ns = cur.clone();
                    ns[d] = (end - start + step - 1) / step;
                    r = rr.map(ns, i -> {
                        i[d] = start + i[d] * step;
                        return i;
                    });
                    trace.append(" slice(").append(d).append(',').append(start).append(',').append(end).append(',').append(step).append(')');
                }
                case 2 -> { // select
                    int d = rnd.nextInt(rk);
                    if (cur[d] == 0) break;
                    int k = rnd.nextInt(cur[d]);
                    t = t.select(d, k);
                    r = rr.map(Shape.remove(cur, d), i -> Shape.insert(i, d, k));
                    trace.append(" select(").append(d).append(',').append(k).append(')');
                }
                case 3 -> { // unsqueeze
                    int d = rnd.nextInt(rk + 1);
                    t = t.unsqueeze(d);
                    r = rr.map(Shape.insert(cur, d, 1), i -> Shape.remove(i, d));
                    trace.append(" unsqueeze(").append(d).append(')');
                }
                case 4 -> { // permute
                    int[] p = new int[rk];
                    for (int i = 0; i < rk; i++) p[i] = i;
                    for (int i = rk - 1; i > 0; i--) {
                        int j = rnd.nextInt(i + 1), x = p[i];
                        p[i] = p[j];
                        p[j] = x;
                    }
                    t = t.permute(p);
                    int[] ns = new int[rk];
                    for (int i = 0; i < rk; i++) ns[i] = cur[p[i]];
                    r = rr.map(ns, i -> {
                        int[] src = new int[rk];
                        for (int k = 0; k < rk; k++) src[p[k]] = i[k];
                        return src;
                    });
                    trace.append(" permute").append(Arrays.toString(p));
                }
                case 5 -> { // expand a size-1 dim, or add a leading dim
                    int[] ns;
                    int lead = rnd.nextInt(2);
                    ns = new int[rk + lead];
                    if (lead == 1) ns[0] = 2;
                    for (int d = 0; d < rk; d++) ns[d + lead] = cur[d] == 1 ? 1 + rnd.nextInt(3) : cur[d];
                    t = t.expand(ns);
                    r = rr.map(ns, i -> {
                        int[] src = new int[rk];
                        for (int d = 0; d < rk; d++) src[d] = cur[d] == 1 ? 0 : i[d + lead];
                        return src;
                    });
                    trace.append(" expand").append(Shape.format(ns));
                }
                case 6 -> { // reshape (copies when needed)
                    int total = Shape.numel(cur);
                    int[] ns = total == 0 ? new int[] {0} : factor(total, rnd);
                    t = t.reshape(ns);
                    r = new Ref(ns, rr.data());
                    trace.append(" reshape").append(Shape.format(ns));
                }
                default -> { // squeeze all
                    t = t.squeeze();
                    int[] ns = Arrays.stream(cur).filter(x -> x != 1).toArray();
                    r = new Ref(ns, rr.data());
                    trace.append(" squeeze()");
                }
            }
            assertArrayEquals(r.shape(), t.shape(), trace.toString());
        }
        Tensor c = t.contiguous();
        assertArrayEquals(r.data(), c.toDoubleArray(), trace.toString());
        assertArrayEquals(r.data(), t.toDoubleArray(), trace.toString());
    }

    private static int[] factor(int n, Random rnd) {
        java.util.List<Integer> f = new java.util.ArrayList<>();
        int m = n;
        for (int p = 2; p <= m; p++) {
            while (m % p == 0 && rnd.nextBoolean()) {
                f.add(p);
                m /= p;
            }
        }
        f.add(m);
        return f.stream().mapToInt(Integer::intValue).toArray();
    }

    @Property(tries = 50)
    void viewsShareStorageAndReshapeCopiesOnlyWhenNeeded(@ForAll @LongRange(min = 0, max = 1000) long seed) {
        Random rnd = new Random(seed);
        int a = 1 + rnd.nextInt(5), b = 2 + rnd.nextInt(4);
        Tensor x = Tensor.arange(0, (long) a * b, 1).view(a, b);
        assertSame(x.storage(), x.transpose(0, 1).storage());
        assertSame(x.storage(), x.reshape(b, a).storage());
        assertSame(x.storage(), x.slice(1, 1, b).storage());
        Tensor tr = x.t();
        // a transpose of a (a, b) matrix with a > 1 cannot be flattened without a copy
        Tensor flat = tr.reshape(-1);
        if (a > 1) {
            org.junit.jupiter.api.Assertions.assertNotSame(x.storage(), flat.storage());
        } else {
            assertSame(x.storage(), flat.storage());
        }
        long[] expected = new long[a * b];
        for (int j = 0, k = 0; j < b; j++) for (int i = 0; i < a; i++) expected[k++] = (long) i * b + j;
        assertArrayEquals(expected, flat.toLongArray());
    }
}
