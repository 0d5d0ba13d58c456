package dev.weft.tensor.cpu;

import dev.weft.kernels.Parallel;

/**
 * Iterates several operands over one shape by strides. Dims are coalesced first (size-1 dims dropped;
 * neighbours merged where every operand is contiguous across them), so a contiguous tensor is one run.
 * A short innermost dim (under {@link #SHORT_RUN}: a broadcast trailing dim, a permuted operand) would cost one
 * kernel call per few elements, so when another dim is at least four times longer, the one of those whose
 * operands step least through memory becomes the innermost instead; the loop's element order is then that of the reordered shape (every caller is
 * elementwise, so the order does not change any result).
 * Work is handed out as segments of the innermost dim: {@code body.run(offsets, length)} where element
 * j of operand k is at offsets[k] + j * innerStride(k). Offsets include each operand's base offset.
 */
final class StridedLoop {

    /** A run of the innermost dim. */
    @FunctionalInterface
    interface Segment {
        void run(int[] offsets, int length);
    }

    /** Innermost runs shorter than this are swapped for a dim at least four times longer. */
    static final int SHORT_RUN = 16;

    private final int[] shape;      // coalesced, outer to inner; at least one dim
    private final int[][] strides;  // [operand][dim]
    private final int[] base;
    private final long numel;

    /** A loop over shape where operand k has strides[k] and base offset base[k]. */
    StridedLoop(int[] shape, int[] base, int[]... strides) {
        int k = strides.length;
        int[] s = new int[Math.max(shape.length, 1)];
        int[][] st = new int[k][s.length];
        int n = 0;
        long total = 1;
        for (int d = 0; d < shape.length; d++) {
            total *= shape[d];
            if (shape[d] == 1) continue;
            if (n > 0 && mergeable(strides, st, d, n - 1, shape[d])) {
                s[n - 1] *= shape[d];
                for (int o = 0; o < k; o++) st[o][n - 1] = strides[o][d];
            } else {
                s[n] = shape[d];
                for (int o = 0; o < k; o++) st[o][n] = strides[o][d];
                n++;
            }
        }
        if (n == 0) {
            n = 1; // every dim has size 1: one element
            s[0] = 1;
            for (int o = 0; o < k; o++) st[o][0] = 1;
        }
        if (n >= 2 && s[n - 1] < SHORT_RUN) longestInnermost(s, st, n);
        this.shape = java.util.Arrays.copyOf(s, n);
        this.strides = new int[k][];
        for (int o = 0; o < k; o++) this.strides[o] = java.util.Arrays.copyOf(st[o], n);
        this.base = base.clone();
        this.numel = total;
    }

    /**
     * Among dims [0, n-1) at least 4x the innermost's size, moves the one whose operands step least through memory
     * (the smallest sum of |stride|; the longer on a tie) to the innermost place.
     */
    private static void longestInnermost(int[] s, int[][] st, int n) {
        int best = -1;
        long bestStep = Long.MAX_VALUE;
        for (int d = 0; d < n - 1; d++) {
            if (s[d] < 4 * s[n - 1]) continue;
            long step = 0;
            for (int[] o : st) step += Math.abs((long) o[d]);
            if (step < bestStep || (step == bestStep && s[d] > s[best])) {
                best = d;
                bestStep = step;
            }
        }
        if (best < 0) return;
        int size = s[best];
        System.arraycopy(s, best + 1, s, best, n - 1 - best);
        s[n - 1] = size;
        for (int[] o : st) {
            int stride = o[best];
            System.arraycopy(o, best + 1, o, best, n - 1 - best);
            o[n - 1] = stride;
        }
    }

    private static boolean mergeable(int[][] in, int[][] st, int d, int prev, int size) {
        for (int o = 0; o < in.length; o++) {
            if (st[o][prev] != (long) in[o][d] * size) return false;
        }
        return true;
    }

    long numel() {
        return numel;
    }

    int rank() {
        return shape.length;
    }

    int innerSize() {
        return shape[shape.length - 1];
    }

    int innerStride(int operand) {
        return strides[operand][shape.length - 1];
    }

    /** Runs body over flat elements [from, to) in row-major order of the (coalesced) shape. */
    void range(long from, long to, Segment body) {
        if (from >= to) return;
        int r = shape.length, k = strides.length;
        int[] idx = new int[r];
        int[] off = base.clone();
        long rem = from;
        for (int d = r - 1; d >= 0; d--) {
            idx[d] = (int) (rem % shape[d]);
            rem /= shape[d];
            for (int o = 0; o < k; o++) off[o] += idx[d] * strides[o][d];
        }
        int inner = shape[r - 1];
        long pos = from;
        int[] segOff = new int[k];
        while (pos < to) {
            int len = (int) Math.min(inner - idx[r - 1], to - pos);
            System.arraycopy(off, 0, segOff, 0, k);
            body.run(segOff, len);
            pos += len;
            if (pos >= to) break;
            // advance to the start of the next row
            for (int o = 0; o < k; o++) off[o] += (len) * strides[o][r - 1];
            idx[r - 1] += len;
            for (int d = r - 1; d > 0 && idx[d] == shape[d]; d--) {
                for (int o = 0; o < k; o++) off[o] -= shape[d] * strides[o][d] - strides[o][d - 1];
                idx[d] = 0;
                idx[d - 1]++;
            }
        }
    }

    /** Runs body over every element, split into fixed chunks across the kernel pool when large. */
    void run(Segment body) {
        if (numel == 0) return;
        int n = (int) numel;
        Parallel.forElements(n, (f, t) -> range(f, t, body));
    }

    /** Runs body over every element on the caller's thread. */
    void runSerial(Segment body) {
        range(0, numel, body);
    }
}
