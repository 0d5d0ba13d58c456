package dev.weft.tensor.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * StridedLoop: every element visited exactly once at the offsets its strides give, whether or not a short
 * innermost dim is swapped for a longer one; and elementwise products over broadcast and permuted operands (the
 * shapes that take the swap) equal the element-by-element definition.
 */
class StridedLoopTest {
    /** The offsets (one per operand) of every element, as the loop visits them. */
    private static List<String> visits(StridedLoop loop, int operands) {
        List<String> out = new ArrayList<>();
        loop.runSerial((off, n) -> {
            for (int j = 0; j < n; j++) {
                StringBuilder sb = new StringBuilder();
                for (int k = 0; k < operands; k++) sb.append(off[k] + j * loop.innerStride(k)).append(',');
                out.add(sb.toString());
            }
        });
        return out;
    }

    @Test
    void aShortInnermostDimIsSwappedForTheDimThatStepsLeast() {
        // (6, 40, 3): y contiguous, x permuted so that its dim 1 is unit-stride; c broadcast over the last dim.
        StridedLoop loop = new StridedLoop(new int[] {6, 40, 3}, new int[] {0, 0, 0}, new int[] {120, 3, 1}, new int[] {120, 1, 40},
                new int[] {40, 1, 0});
        assertEquals(40, loop.innerSize(), "the 40-long dim (strides 3, 1, 1) goes innermost, not the 6-long one");
        assertEquals(3, loop.innerStride(0));
        assertEquals(1, loop.innerStride(1));
        StridedLoop plain = new StridedLoop(new int[] {6, 40, 20}, new int[] {0, 0}, new int[] {800, 20, 1}, new int[] {800, 20, 1});
        assertEquals(6 * 40 * 20, plain.innerSize(), "contiguous operands still coalesce to one run");
    }

    @Property(tries = 60)
    void everyElementIsVisitedOnceAtItsOffsets(@ForAll @IntRange(min = 1, max = 9) int d0, @ForAll @IntRange(min = 1, max = 70) int d1,
                                               @ForAll @IntRange(min = 1, max = 5) int d2, @ForAll @IntRange(min = 0, max = 2) int layout) {
        int[] shape = {d0, d1, d2};
        int[] y = {d1 * d2, d2, 1};
        int[] x = switch (layout) {
            case 0 -> new int[] {d1 * d2, 1, d1};            // dims 1 and 2 swapped in memory
            case 1 -> new int[] {d1, 1, 0};                   // broadcast over the last dim
            default -> new int[] {0, d2, 1};                  // broadcast over the first dim
        };
        List<String> got = visits(new StridedLoop(shape, new int[] {5, 7}, y, x), 2);
        List<String> want = new ArrayList<>();
        for (int i = 0; i < d0; i++) {
            for (int j = 0; j < d1; j++) {
                for (int k = 0; k < d2; k++) want.add((5 + i * y[0] + j * y[1] + k * y[2]) + "," + (7 + i * x[0] + j * x[1] + k * x[2]) + ",");
            }
        }
        got.sort(null);
        want.sort(null);
        assertEquals(want, got);
    }

    @Test
    void broadcastAndPermutedProductsMatchTheDefinition() {
        Generator g = new Generator(3);
        Tensor a = Tensor.randn(g, 30, 20, 5), s = Tensor.randn(g, 30, 20, 1), p = Tensor.randn(g, 30, 5, 20).permute(0, 2, 1);
        float[] av = a.toFloatArray(), sv = s.toFloatArray(), pv = p.contiguous().toFloatArray();
        float[] as = a.mul(s).toFloatArray(), ap = a.mul(p).toFloatArray(), ps = p.mul(s).toFloatArray();
        float[] wantAs = new float[av.length], wantAp = new float[av.length], wantPs = new float[av.length];
        for (int e = 0; e < av.length; e++) {
            wantAs[e] = av[e] * sv[e / 5];
            wantAp[e] = av[e] * pv[e];
            wantPs[e] = pv[e] * sv[e / 5];
        }
        assertArrayEquals(wantAs, as);
        assertArrayEquals(wantAp, ap);
        assertArrayEquals(wantPs, ps);
    }
}
