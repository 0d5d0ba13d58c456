package dev.weft.tensor;

import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Shape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/**
 * Laws of the joining and indexing ops on random shapes, dtypes and strided inputs: cat then split is
 * the identity, flip twice and roll by the size are identities, roll composes, pad modes match index
 * arithmetic, gather after scatter through a permutation is the identity, and scatter_reduce /
 * index_add / index_select / gather match their definitions written as loops.
 */
class StructuralProperties {

    static final DType[] DTYPES = {DType.F32, DType.F64, DType.I32, DType.I64};

    /** A random tensor with values in [-4, 4], sometimes a non-contiguous view of one. */
    static Tensor random(Random r, DType dt, int... shape) {
        Tensor t = Tensor.randint(new Generator(r.nextLong()), -4, 5, shape).to(dt);
        if (shape.length >= 2 && r.nextBoolean()) t = t.transpose(0, shape.length - 1).contiguous().transpose(0, shape.length - 1);
        return t;
    }

    static int[] shape(Random r, int minRank, int maxRank, int maxSize) {
        int[] s = new int[minRank + r.nextInt(maxRank - minRank + 1)];
        for (int d = 0; d < s.length; d++) s[d] = 1 + r.nextInt(maxSize);
        return s;
    }

    @Property(tries = 100, seed = "5")
    void catSplitFlipRollLaws(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        Random r = new Random(seed);
        int[] s = shape(r, 1, 4, 4);
        DType dt = DTYPES[r.nextInt(4)];
        Tensor x = random(r, dt, s);
        int dim = r.nextInt(s.length);
        // cat then split
        int parts = 1 + r.nextInt(3);
        List<Tensor> pieces = new ArrayList<>();
        int[] sizes = new int[parts];
        for (int i = 0; i < parts; i++) {
            int[] ps = s.clone();
            ps[dim] = r.nextInt(3);
            sizes[i] = ps[dim];
            pieces.add(random(r, dt, ps));
        }
        Tensor c = Tensor.cat(pieces, dim);
        List<Tensor> back = c.split(sizes, dim);
        for (int i = 0; i < parts; i++) assertArrayEquals(pieces.get(i).toDoubleArray(), back.get(i).toDoubleArray(), "piece " + i);
        // flip twice, roll by the size, roll composition
        assertArrayEquals(x.toDoubleArray(), x.flip(dim).flip(dim).toDoubleArray());
        assertArrayEquals(x.toDoubleArray(), x.roll(s[dim], dim).toDoubleArray());
        int a = r.nextInt(7) - 3, b = r.nextInt(7) - 3;
        assertArrayEquals(x.roll(a + b, dim).toDoubleArray(), x.roll(a, dim).roll(b, dim).toDoubleArray());
        // flip and roll against index arithmetic along dim
        Tensor moved = SortingTest.moveLast(x, dim);
        double[] xv = moved.toDoubleArray(), fv = SortingTest.moveLast(x.flip(dim), dim).toDoubleArray();
        double[] rv = SortingTest.moveLast(x.roll(a, dim), dim).toDoubleArray();
        int n = s[dim];
        for (int p = 0; p < xv.length; p++) {
            int line = p / n, j = p % n;
            assertEquals(xv[line * n + (n - 1 - j)], fv[p], "flip at " + p);
            assertEquals(xv[line * n + Math.floorMod(j - a, n)], rv[p], "roll at " + p);
        }
        // pad against index arithmetic along the last dim
        int m = s[s.length - 1], pl = r.nextInt(m), pr = r.nextInt(m);
        String mode = new String[] {"reflect", "replicate", "circular", "constant"}[r.nextInt(4)];
        Tensor padded = Joining.pad(x, new int[] {pl, pr}, mode, 7);
        double[] last = x.toDoubleArray(), pv = padded.toDoubleArray();
        int w = m + pl + pr;
        for (int p = 0; p < pv.length; p++) {
            int line = p / w, q = p % w - pl;
            double want = switch (mode) {
                case "reflect" -> last[line * m + (q < 0 ? -q : q >= m ? 2 * (m - 1) - q : q)];
                case "replicate" -> last[line * m + Math.max(0, Math.min(m - 1, q))];
                case "circular" -> last[line * m + Math.floorMod(q, m)];
                default -> q < 0 || q >= m ? 7 : last[line * m + q];
            };
            assertEquals(want, pv[p], mode + " pad at " + p);
        }
        // repeat against index arithmetic
        int[] reps = new int[s.length];
        for (int d = 0; d < reps.length; d++) reps[d] = 1 + r.nextInt(2);
        Tensor rep = x.repeat(reps);
        int[] rs = rep.shape();
        double[] repv = rep.toDoubleArray();
        int[] idx = new int[rs.length], src = new int[rs.length];
        for (int p = 0; p < repv.length; p++) {
            int rem = p;
            for (int d = rs.length - 1; d >= 0; d--) {
                idx[d] = rem % rs[d];
                rem /= rs[d];
                src[d] = idx[d] % s[d];
            }
            assertEquals(x.get(src), repv[p], "repeat at " + p);
        }
    }

    @Property(tries = 100, seed = "6")
    void gatherScatterAndReductionsMatchTheirDefinitions(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        Random r = new Random(seed);
        int[] s = shape(r, 1, 3, 4);
        DType dt = DTYPES[r.nextInt(4)];
        int dim = r.nextInt(s.length), n = s[dim];
        Tensor x = random(r, dt, s);
        // a permutation along dim: gather(scatter(x)) == x
        long[] perm = new long[x.numel()];
        Tensor moved = SortingTest.moveLast(Tensor.zeros(DType.I64, s), dim);
        int lines = x.numel() / n;
        for (int l = 0; l < lines; l++) {
            List<Long> p = new ArrayList<>();
            for (long j = 0; j < n; j++) p.add(j);
            java.util.Collections.shuffle(p, r);
            for (int j = 0; j < n; j++) perm[l * n + j] = p.get(j);
        }
        Tensor permIdx = unmoveLast(Tensor.of(perm).reshape(moved.shape()), dim);
        Tensor scattered = Tensor.zeros(dt, s).scatter(dim, permIdx, x);
        assertArrayEquals(x.toDoubleArray(), scattered.gather(dim, permIdx).toDoubleArray(), "gather(scatter(x))");

        // an index smaller than self in the other dims, random targets with repeats
        int[] is = s.clone();
        for (int d = 0; d < is.length; d++) is[d] = d == dim ? 1 + r.nextInt(4) : 1 + r.nextInt(s[d]);
        Tensor idx = Tensor.randint(new Generator(r.nextLong()), 0, n, is);
        int[] ss = is.clone();
        for (int d = 0; d < ss.length; d++) ss[d] += r.nextInt(2);
        Tensor src = random(r, dt, ss);
        checkGather(x, idx, dim);
        String[] fns = {"sum", "prod", "mean", "amax", "amin"};
        String fn = fns[r.nextInt(fns.length)];
        boolean includeSelf = r.nextBoolean();
        Tensor red = x.scatterReduce(dim, idx, src, fn, includeSelf);
        assertArrayEquals(reduceRef(x, dim, idx, src, fn, includeSelf), red.toDoubleArray(), dt.isFloatingPoint() ? 1e-5 : 0,
                fn + " includeSelf=" + includeSelf + " " + dt);
        Tensor sc = x.scatter(dim, idx, src);
        assertArrayEquals(reduceRef(x, dim, idx, src, "set", true), sc.toDoubleArray(), "scatter");

        // index_select and index_add
        Tensor sel = Tensor.randint(new Generator(r.nextLong()), 0, n, 1 + r.nextInt(5));
        Tensor picked = x.indexSelect(dim, sel);
        long[] sv = sel.toLongArray();
        for (int j = 0; j < sv.length; j++) {
            assertArrayEquals(x.select(dim, (int) sv[j]).toDoubleArray(), picked.select(dim, j).toDoubleArray(), "index_select " + j);
        }
        int[] as = s.clone();
        as[dim] = sv.length;
        Tensor add = random(r, dt, as);
        Tensor summed = x.indexAdd(dim, sel, add, 2);
        Tensor ref = x.clone();
        for (int j = 0; j < sv.length; j++) {
            Tensor row = ref.select(dim, (int) sv[j]);
            row.copy_(row.add(add.select(dim, j).mul(2L)));
        }
        assertArrayEquals(ref.toDoubleArray(), summed.toDoubleArray(), 1e-5, "index_add");
    }

    /** The inverse of moveLast: a tensor whose last dim becomes dim. */
    static Tensor unmoveLast(Tensor t, int dim) {
        int r = t.dim();
        int[] p = new int[r];
        for (int i = 0, j = 0; i < r; i++) p[i] = i == dim ? r - 1 : j++;
        return t.permute(p);
    }

    private static void checkGather(Tensor x, Tensor idx, int dim) {
        double[] got = x.gather(dim, idx).toDoubleArray();
        int[] is = idx.shape();
        int[] c = new int[is.length];
        for (int p = 0; p < got.length; p++) {
            int rem = p;
            for (int d = is.length - 1; d >= 0; d--) {
                c[d] = rem % is[d];
                rem /= is[d];
            }
            int[] src = c.clone();
            src[dim] = (int) idx.get(c);
            assertEquals(x.get(src), got[p], "gather at " + p);
        }
    }

    /** scatter_reduce (or "set" = scatter) written as a loop over the index in row-major order. */
    private static double[] reduceRef(Tensor self, int dim, Tensor idx, Tensor src, String fn, boolean includeSelf) {
        int[] s = self.shape(), is = idx.shape();
        boolean integer = !self.dtype().isFloatingPoint();
        double[] y = self.toDoubleArray();
        int[] count = new int[y.length];
        int[] st = Shape.contiguousStrides(s);
        int[] c = new int[is.length];
        for (int p = 0; p < idx.numel(); p++) {
            int rem = p;
            for (int d = is.length - 1; d >= 0; d--) {
                c[d] = rem % is[d];
                rem /= is[d];
            }
            double v = src.get(c);
            int t = 0;
            for (int d = 0; d < s.length; d++) t += (d == dim ? (int) idx.get(c) : c[d]) * st[d];
            if (fn.equals("set") || (!includeSelf && count[t] == 0)) {
                y[t] = v;
            } else {
                y[t] = switch (fn) {
                    case "sum", "mean" -> y[t] + v;
                    case "prod" -> y[t] * v;
                    case "amax" -> Math.max(y[t], v);
                    default -> Math.min(y[t], v);
                };
            }
            count[t]++;
        }
        if (fn.equals("mean")) {
            for (int t = 0; t < y.length; t++) {
                if (count[t] == 0) continue;
                int k = count[t] + (includeSelf ? 1 : 0);
                y[t] = integer ? Math.floorDiv((long) y[t], k) : y[t] / k;
            }
        }
        if (self.dtype() == DType.F32) for (int t = 0; t < y.length; t++) y[t] = (float) y[t];
        return y;
    }
}
